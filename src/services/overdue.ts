import { sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { queryRows } from '../db/query-rows.js';
import { readInPieces } from '../db/table-pieces.js';
import type { IsoDate } from '../domain/calendar.js';

/**
 * Each overdue debtor's oldest due date: the earliest `due_date` before `runDay` of its
 * invoices with `open_amount > 0`, by debtor id. Read in pieces of the invoices table.
 */
export async function oldestOverdue(db: Db, runDay: IsoDate): Promise<Map<number, IsoDate>> {
  // A piece's debtors travel as one text, `id:date,…`: far cheaper to hand over than a row each.
  const pieces = await readInPieces(db, 'invoices', (piece) =>
    queryRows<{ oldest: string | null }>(
      db,
      sql`select string_agg(debtor_id || ':' || oldest, ',') as oldest from (
            select debtor_id, min(due_date) as oldest from ${piece} i
            where open_amount > 0 and due_date < ${runDay}::date group by debtor_id) o`,
    ),
  );
  const oldest = new Map<number, IsoDate>();
  for (const { oldest: text } of pieces) {
    if (!text) continue;
    for (const entry of text.split(',')) {
      const at = entry.indexOf(':');
      const id = Number(entry.slice(0, at));
      const date = entry.slice(at + 1);
      const seen = oldest.get(id);
      if (seen === undefined || date < seen) oldest.set(id, date);
    }
  }
  return oldest;
}

/** The ids of `debtors` from `from` to `to`. */
export function idsBetween(debtors: ReadonlyMap<number, unknown>, from: number, to: number): number[] {
  const ids: number[] = [];
  for (const id of debtors.keys()) if (id >= from && id <= to) ids.push(id);
  return ids;
}
