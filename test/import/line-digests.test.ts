import { describe, expect, test } from 'vitest';
import { readCsv, type CsvBatch } from '../../src/services/import/csv-reader.js';
import { Hash64, HashSet64 } from '../../src/services/import/hash64.js';
import { LineDigests } from '../../src/services/import/line-digests.js';

const digest = (hash: Hash64) => [hash.hi, hash.lo];

async function batchOf(text: string): Promise<CsvBatch> {
  const batches: CsvBatch[] = [];
  for await (const batch of readCsv([text])) batches.push(batch);
  expect(batches).toHaveLength(1);
  return batches[0]!;
}

/** The 8-byte digests `LineDigests` would store for each record of `text`. */
async function storedFor(batch: CsvBatch, context: string[]): Promise<Buffer> {
  const reader = await LineDigests.load([], context);
  const bytes: Buffer[] = [];
  for (let i = 0; i < batch.size; i++) {
    reader.read(batch, i, batch.lines[i]!);
    bytes.push(Buffer.from(reader.copyText.slice(2), 'hex'));
  }
  return Buffer.concat(bytes);
}

describe('64-bit hashes', () => {
  test('a plain record hashes as its text; quoting keeps fields apart', () => {
    const h = new Hash64();
    expect(digest(h.csv(['F-1', 'C-1', '2026-03-02']))).toEqual(digest(new Hash64().text('F-1,C-1,2026-03-02')));
    expect(digest(h.csv(['a,b', 'c']))).not.toEqual(digest(new Hash64().csv(['a', 'b', 'c'])));
    expect(digest(h.csv(['say "hi"']))).toEqual(digest(new Hash64().text('"say ""hi"""')));
    expect(digest(h.csv(['line\nbreak']))).not.toEqual(digest(new Hash64().csv(['line', 'break'])));
  });

  test.each([
    ['F-000001,C-01,2026-03-02,100.00', 'F-000001,C-01,2026-03-02,100.01'],
    ['F-000001,C-01,2026-03-02,100.00', 'F-000002,C-01,2026-03-02,100.00'],
    ['F-000001,C-01,2026-03-02,100.00', 'F-000001,C-01,2026-03-03,100.00'],
    ['F-000001,C-01,2026-03-02,100.00', 'F-000001,C-01,2026-03-02,100.00 '],
    ['Pérez', 'Perez'],
  ])('"%s" and "%s" hash apart', (a, b) => {
    expect(digest(new Hash64().text(a))).not.toEqual(digest(new Hash64().text(b)));
  });

  test('the seed is part of the hash', () => {
    const seed = new Hash64().text('MXN\n').state;
    expect(digest(new Hash64().text('F-1', seed))).not.toEqual(digest(new Hash64().text('F-1')));
  });

  test('a set finds what it holds, and says where, until it overflows', () => {
    const set = new HashSet64(0, 1 << 14);
    for (let i = 1; i <= 8_192; i++) expect(set.add(i * 7919, i)).toBe(false);
    expect(set.add(7919, 1)).toBe(true);
    expect(set.slotOf(7919 * 5, 5)).toBeGreaterThanOrEqual(0);
    expect(set.slotOf(7919 * 5, 6)).toBe(-1);
    expect(set.overflowed).toBe(false);
    set.add(1, 99_999);
    expect(set.overflowed).toBe(true);
    expect(set.slotOf(7919, 1)).toBe(-1);
  });
});

describe('line digests', () => {
  const file = 'F-1,C-1,2026-03-02,100.00\nF-2,C-1,2026-03-02,"1,5"\nF-3,C-2,2026-03-03,7.00\n';

  test('a line stored before is known, the first time where it is and then where it first was', async () => {
    const batch = await batchOf(file);
    const stored = await storedFor(batch, ['0,1,2,3', 'MXN']);
    const again = await LineDigests.load([stored], ['0,1,2,3', 'MXN']);
    expect([0, 1, 2].map((i) => again.read(batch, i, batch.lines[i]!))).toEqual([1, 2, 3]);
    // The same line further down the file: where it was first.
    expect(again.read(batch, 1, 40)).toBe(2);
    const [firstDigest] = stored.toString('hex').match(/.{16}/g)!;
    expect(again.lineOf(firstDigest)).toBe(1);
    expect(again.lineOf('00'.repeat(8))).toBe(0);
  });

  test('digests stored in several pieces are all known', async () => {
    const batch = await batchOf(file);
    const stored = await storedFor(batch, ['ctx']);
    const pieces = [stored.subarray(0, 8), stored.subarray(8, 8), stored.subarray(8)];
    const again = await LineDigests.load(pieces, ['ctx']);
    expect([0, 1, 2].map((i) => again.read(batch, i, batch.lines[i]!))).toEqual([1, 2, 3]);
  });

  test('another header order or other policy defaults read every line again', async () => {
    const batch = await batchOf(file);
    const stored = await storedFor(batch, ['0,1,2,3', 'MXN']);
    expect((await LineDigests.load([stored], ['1,0,2,3', 'MXN'])).read(batch, 0, 1)).toBe(0);
    expect((await LineDigests.load([stored], ['0,1,2,3', 'USD'])).read(batch, 0, 1)).toBe(0);
  });

  test('a line reads the same whether or not the text around it has quotes', async () => {
    const plain = await batchOf('F-1,C-1,2026-03-02,100.00\n');
    const quoted = await batchOf('F-1,C-1,2026-03-02,100.00\nF-9,"C-1, sur",2026-03-02,5.00\n');
    expect(plain.text(0)).toBe('F-1,C-1,2026-03-02,100.00');
    expect(quoted.text(0)).toBeUndefined();
    expect((await storedFor(quoted, ['ctx'])).subarray(0, 8)).toEqual(await storedFor(plain, ['ctx']));
  });

  test('a record of a CRLF file holding a bare line feed is read by its fields', async () => {
    const batch = await batchOf('id,note\r\nF-1,a\nb\r\nF-2,c\r\n');
    expect([batch.text(1), batch.fields(1)]).toEqual([undefined, ['F-1', 'a\nb']]);
    expect(batch.text(2)).toBe('F-2,c');
  });

  test('a changed line is not known', async () => {
    const stored = await storedFor(await batchOf(file), ['ctx']);
    const changed = await batchOf('F-1,C-1,2026-03-02,100.01\n');
    expect((await LineDigests.load([stored], ['ctx'])).read(changed, 0, 1)).toBe(0);
  });
});
