import type { Options } from 'csv-parse';
import { parse } from 'csv-parse/sync';
import { describe, expect, test } from 'vitest';
import { CsvSyntaxError, readCsv, type CsvSource } from '../../src/services/import/csv-reader.js';
import { RepeatDetector } from '../../src/services/import/repeats.js';

async function readAll(source: CsvSource): Promise<{ records: string[][]; lines: number[] }> {
  const records: string[][] = [];
  const lines: number[] = [];
  for await (const batch of readCsv(source)) {
    for (let i = 0; i < batch.size; i++) records.push(batch.fields(i));
    lines.push(...batch.lines);
  }
  return { records, lines };
}

async function syntaxError(source: CsvSource): Promise<CsvSyntaxError> {
  const error = await readAll(source).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CsvSyntaxError);
  return error as CsvSyntaxError;
}

function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PLAIN = ['', 'abc', 'Pérez', 'Núñez y Cía', '123.45', '  con espacios  ', 'ñ', '€', '2026-03-01'];
const QUOTED = ['a,b', 'dice "hola"', 'línea\nsegunda', 'x\r\ny', '', 'simple', '"', 'Construcciones Pérez, S.A. de C.V.'];

/** A CSV document with the records and start lines a correct reader must find in it. */
function document(r: () => number) {
  const pick = <T>(list: readonly T[]) => list[Math.floor(r() * list.length)]!;
  const delimiter = r() < 0.5 ? '\n' : '\r\n';
  const quotes = r() < 0.7;
  let text = '';
  let line = 1;
  const records: string[][] = [];
  const lines: number[] = [];
  const count = Math.floor(r() * 40) + 1;
  for (let i = 0; i < count; i++) {
    if (i > 0 && r() < 0.1) {
      text += delimiter; // a blank line: counted, not a record
      line += 1;
    }
    const fields: string[] = [];
    const cells: string[] = [];
    const width = Math.floor(r() * 5) + 1;
    for (let f = 0; f < width; f++) {
      if (quotes && r() < 0.3) {
        const value = pick(QUOTED);
        fields.push(value);
        cells.push(`"${value.replaceAll('"', '""')}"`);
      } else {
        const value = pick(PLAIN);
        fields.push(value);
        cells.push(value);
      }
    }
    // A record of one empty field (blank, or just "") reads as a blank line: make it a real one.
    if (fields.length === 1 && fields[0] === '') {
      fields[0] = 'x';
      cells[0] = 'x';
    }
    records.push(fields);
    lines.push(line);
    line += 1 + fields.join('').split('\n').length - 1;
    text += cells.join(',');
    if (i < count - 1 || r() < 0.7) text += delimiter;
  }
  return { text, records, lines, delimiter };
}

/** The bytes of `text` cut at random places, even inside a multi-byte character. */
function chunked(bytes: Buffer, r: () => number): Buffer[] {
  const chunks: Buffer[] = [];
  for (let at = 0; at < bytes.length; ) {
    const size = 1 + Math.floor(r() * 40);
    chunks.push(bytes.subarray(at, at + size));
    at += size;
  }
  return chunks;
}

describe('reading CSV', () => {
  test('finds the records csv-parse finds, with the line each starts on, however the bytes arrive', async () => {
    for (let seed = 1; seed <= 300; seed++) {
      const r = random(seed);
      const doc = document(r);
      const bom = r() < 0.3 ? '\uFEFF' : '';
      const options: Options = { bom: true, relax_column_count: true, skip_empty_lines: true };
      const reference = parse(bom + doc.text, options);
      expect(reference, `seed ${seed}`).toEqual(doc.records);

      const bytes = Buffer.from(bom + doc.text, 'utf8');
      expect(await readAll(chunked(bytes, r)), `seed ${seed}`).toEqual({ records: doc.records, lines: doc.lines });
      expect(await readAll([bom + doc.text]), `seed ${seed}`).toEqual({ records: doc.records, lines: doc.lines });
    }
  });

  test('a large export with a few quoted records reads the same as with csv-parse alone', async () => {
    const rows: string[] = ['external_id,name,amount'];
    for (let i = 1; i <= 60_000; i++) {
      rows.push(i % 9_973 === 0 ? `F-${i},"Pérez, S.A.\r\nsucursal ${i}",${i}.50` : `F-${i},Núñez ${i},${i}.50`);
    }
    const text = `${rows.join('\r\n')}\r\n`;
    const { records, lines } = await readAll([text.slice(0, 1_000_003), text.slice(1_000_003)]);
    expect(records).toEqual(parse(text, { relax_column_count: true }));
    // Each quoted record holds one line break, so later records start one line further down.
    expect(lines[9_973]).toBe(9_974);
    expect(lines[9_974]).toBe(9_976);
    expect(lines.at(-1)).toBe(60_001 + 6);
  });

  test('names the line of an unclosed quote', async () => {
    const error = await syntaxError(['a,b\n1,2\n3,"abierta\n4,5\n']);
    expect(error.line).toBe(3);
    expect(error.message).toMatch(/never closed/);
  });

  test('names the line of a quote inside an unquoted field', async () => {
    const error = await syntaxError(['a,b\n1,2\n3,4\n5,x"y\n6,7\n']);
    expect(error.line).toBe(4);
    expect(error.message).toMatch(/quote inside an unquoted field/);
  });

  test('stops at a record that never ends instead of filling memory', async () => {
    const body = 'F-1,sin cerrar\n'.repeat(100_000);
    const error = await syntaxError(['a,b\n1,2\n3,"', body]);
    expect(error.line).toBe(3);
    const noLineEnd = await syntaxError(['"a', 'b'.repeat(2_000_000)]);
    expect(noLineEnd.line).toBe(1);
  });
});

describe('following keys for repeats', () => {
  test('distinct keys need no exact check; one repeat does', () => {
    const detector = new RepeatDetector();
    for (let i = 0; i < 200_000; i++) detector.add(`F${String(i).padStart(8, '0')}`);
    expect(detector.needsExactCheck).toBe(false);
    detector.add('F00000042');
    expect(detector.needsExactCheck).toBe(true);
  });

  test('gives up, asking for the exact check, past the keys it is meant to hold', () => {
    const detector = new RepeatDetector(1 << 14);
    for (let i = 0; i < 8_192; i++) detector.add(`K${i}`);
    expect(detector.gaveUp).toBe(false);
    detector.add('K-one-more');
    expect(detector.gaveUp).toBe(true);
    expect(detector.needsExactCheck).toBe(true);
  });
});
