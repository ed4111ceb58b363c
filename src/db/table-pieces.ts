// On PGlite in the serving app every statement holds the one session Slack's answers also
// need, and a read can run between an import's statements, never inside one
// (src/db/README.md). Work over a whole table is therefore done in pieces of its pages.
import type { BulkTx } from '../../db/database.js';

/** Pages of a staging table per statement that writes: about 2,000 rows of invoices. */
export const WRITE_PIECE_PAGES = 32;

/** Pages per statement that only reads a stored table: about 60,000 invoices. */
export const READ_PIECE_PAGES = 1024;

/**
 * `table` as FROM items that together hold each of its rows once: the whole table unless
 * `tx` is piecewise, otherwise one subquery per range of `pages` pages, read by a TID range
 * scan. The last range is open, should the table have grown since.
 */
export async function tablePieces(tx: BulkTx, table: string, pages: number): Promise<string[]> {
  if (!tx.piecewise) return [table];
  const [size] = await tx.query<{ pages: number }>(
    `SELECT (pg_relation_size('${table}') / current_setting('block_size')::int)::int AS pages`,
  );
  const total = size?.pages ?? 0;
  if (total <= pages) return [table];
  const pieces: string[] = [];
  for (let from = 0; from < total; from += pages) {
    const upTo = from + pages < total ? ` AND ctid < '(${from + pages},0)'::tid` : '';
    pieces.push(`(SELECT * FROM ${table} WHERE ctid >= '(${from},0)'::tid${upTo})`);
  }
  return pieces;
}

/** Runs `work` on each piece of `table` in turn (see `tablePieces`). */
export async function inPieces<T>(tx: BulkTx, table: string, pages: number, work: (piece: string) => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  for (const piece of await tablePieces(tx, table, pages)) results.push(await work(piece));
  return results;
}
