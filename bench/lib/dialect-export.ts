// The same invoice export as a Latin American ERP writes it from Excel: semicolons,
// decimal commas with thousands dots, day/month/year dates, Windows-1252. Deterministic,
// streamed line by line.
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';

/** The policy keys that read the file written here. */
export const DIALECT_CSV = { decimalSeparator: ',', dateFormat: 'DD/MM/YYYY' } as const;

/** `1234567.50` → `1.234.567,50`. */
function decimalComma(amount: string): string {
  const [whole = '', cents = ''] = amount.split('.');
  return `${whole.replace(/\B(?=(\d{3})+$)/g, '.')},${cents}`;
}

/** `2026-03-02` → `02/03/2026`. */
const dayMonthYear = (date: string) => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;

/** Invoice columns: external_id, debtor_external_id, number, issue_date, due_date, amount, open_amount, currency. */
export async function writeDialectInvoices(from: string, to: string): Promise<number> {
  const out = createWriteStream(to, { encoding: 'latin1' });
  let buffer = '';
  let rows = 0;
  for await (const line of createInterface({ input: createReadStream(from, { highWaterMark: 1024 * 1024 }), crlfDelay: Infinity })) {
    // Generated invoice rows never need quoting: a plain split is exact.
    const f = line.split(',');
    if (rows++ > 0) {
      f[3] = dayMonthYear(f[3]!);
      f[4] = dayMonthYear(f[4]!);
      f[5] = decimalComma(f[5]!);
      f[6] = decimalComma(f[6]!);
    }
    buffer += `${f.join(';')}\r\n`;
    if (buffer.length >= 65_536) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'finish');
  return rows - 1;
}
