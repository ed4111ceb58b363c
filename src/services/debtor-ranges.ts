// The morning jobs ask questions of every debtor at once. On PGlite each statement holds the
// one session Slack's answers need too, so such a question is asked once per range of
// debtors: short statements that a `/deudor` can run between (src/db/README.md).
import { sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { queryRows } from '../db/query-rows.js';

/** Debtor ids per range: a 100,000-debtor register is asked in 25 statements of under a tenth of a second. */
export const DEBTORS_PER_RANGE = 4_000;

/** Rows written per statement where a job writes a list it has built (alarms, messages). */
export const ROWS_PER_WRITE = 1_000;

/** The debtors' ids as consecutive ranges `[from, to]` of `size` ids, covering every debtor. */
export async function debtorRanges(db: Db, size = DEBTORS_PER_RANGE): Promise<Array<[number, number]>> {
  const [bounds] = await queryRows<{ low: number | null; high: number | null }>(db, sql`select min(id) as low, max(id) as high from debtors`);
  if (bounds?.low == null || bounds.high == null) return [];
  const low = Number(bounds.low);
  const high = Number(bounds.high);
  const ranges: Array<[number, number]> = [];
  for (let from = low; from <= high; from += size) ranges.push([from, Math.min(from + size - 1, high)]);
  return ranges;
}

/** `ask` once per range of debtors (see `debtorRanges`), its rows in range order. */
export async function byDebtorRanges<T>(db: Db, ask: (from: number, to: number) => Promise<T[]>, size = DEBTORS_PER_RANGE): Promise<T[]> {
  const rows: T[] = [];
  for (const [from, to] of await debtorRanges(db, size)) for (const row of await ask(from, to)) rows.push(row);
  return rows;
}

/** `write` once per slice of `ROWS_PER_WRITE` items, its results in order. */
export async function inSlices<T, R>(items: readonly T[], write: (slice: T[]) => Promise<R[]>, size = ROWS_PER_WRITE): Promise<R[]> {
  const results: R[] = [];
  for (let at = 0; at < items.length; at += size) for (const result of await write(items.slice(at, at + size))) results.push(result);
  return results;
}
