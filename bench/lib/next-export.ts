// The next night's invoice export, derived from tonight's file: one row in twenty changes
// its open amount (paid off, or reopened when it was paid) and one new invoice comes for
// every hundred rows. Deterministic, streamed line by line.
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { addDays, type IsoDate } from '../../src/domain/calendar.js';

export async function writeNextInvoiceExport(from: string, to: string, today: IsoDate): Promise<{ rows: number; changed: number; added: number }> {
  const out = createWriteStream(to);
  let buffer = '';
  const write = async (line: string) => {
    buffer += `${line}\n`;
    if (buffer.length >= 65_536) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  };
  let rows = 0;
  let changed = 0;
  let highest = 0;
  const debtors: string[] = [];
  for await (const line of createInterface({ input: createReadStream(from, { highWaterMark: 1024 * 1024 }), crlfDelay: Infinity })) {
    if (rows++ === 0) {
      await write(line);
      continue;
    }
    // Generated invoice rows never need quoting: a plain split is exact.
    const f = line.split(',');
    highest = Math.max(highest, Number(f[0]!.slice(1)));
    if (debtors.length < 10_000) debtors.push(f[1]!);
    if (rows % 20 === 7) {
      f[6] = f[6] === '0.00' ? f[5]! : '0.00';
      changed++;
    }
    await write(f.join(','));
  }
  const dataRows = rows - 1;
  const added = Math.max(1, Math.round(dataRows / 100));
  for (let k = 0; k < added; k++) {
    const issued = addDays(today, -1 - (k % 25));
    const amount = `${1000 + (k % 9000)}.${String(k % 100).padStart(2, '0')}`;
    const id = `F${String(highest + k + 1).padStart(8, '0')}`;
    await write([id, debtors[(k * 37) % debtors.length]!, `B-${100_000 + k}`, issued, addDays(issued, 30), amount, amount, ''].join(','));
  }
  out.end(buffer);
  await once(out, 'finish');
  return { rows: dataRows + added, changed, added };
}
