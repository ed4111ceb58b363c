// On PGlite in the serving app every statement holds the one session Slack's answers also
// need, and a read can run between an import's or a job's statements, never inside one
// (src/db/README.md). Work over a whole large table is therefore done in pieces of its pages.
import { sql, type SQL } from 'drizzle-orm';
import type { BulkTx, Db } from './database.js';
import { queryRows } from './query-rows.js';

/** Pages of an import's staging table per statement: about 500 rows of invoices. */
export const STAGED_PIECE_PAGES = 8;

/** Pages per statement that only reads a stored table: about 60,000 invoices. */
export const READ_PIECE_PAGES = 1024;

const pagesOf = (table: string) => `SELECT (pg_relation_size('${table}') / current_setting('block_size')::int)::int AS pages`;

/**
 * FROM items that together hold each row of `table` (of `total` pages) once: one subquery
 * per range of `pages` pages, read by a TID range scan. The last range is open, should the
 * table have grown since.
 */
function pagePieces(table: string, total: number, pages: number): string[] {
  if (total <= pages) return [table];
  const pieces: string[] = [];
  for (let from = 0; from < total; from += pages) {
    const upTo = from + pages < total ? ` AND ctid < '(${from + pages},0)'::tid` : '';
    pieces.push(`(SELECT * FROM ${table} WHERE ctid >= '(${from},0)'::tid${upTo})`);
  }
  return pieces;
}

/** `table` in pieces of `pages` pages (see `pagePieces`). */
export async function tablePieces(tx: BulkTx, table: string, pages: number): Promise<string[]> {
  const [size] = await tx.query<{ pages: number }>(pagesOf(table));
  return pagePieces(table, size?.pages ?? 0, pages);
}

/**
 * Runs `work` on each piece of STAGED_PIECE_PAGES pages of the staging table `table` in
 * turn when `tx` is piecewise, else once on the whole table: a piece's rows are matched
 * with the stored ones one by one through an index, where the whole table is matched in
 * one hash join, which costs less in all.
 */
export async function stagedInPieces<T>(tx: BulkTx, table: string, work: (piece: string) => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  const pieces = tx.piecewise ? await tablePieces(tx, table, STAGED_PIECE_PAGES) : [table];
  for (const piece of pieces) results.push(await work(piece));
  return results;
}

/**
 * `ask` once per piece of `pages` pages of a stored table, its rows in order. A read costs
 * the same in pieces on either database, and holds less at a time, so it is always read so.
 */
export async function readInPieces<T>(db: Db, table: string, ask: (piece: SQL) => Promise<T[]>, pages = READ_PIECE_PAGES): Promise<T[]> {
  const [size] = await queryRows<{ pages: number }>(db, sql.raw(pagesOf(table)));
  const rows: T[] = [];
  for (const piece of pagePieces(table, Number(size?.pages ?? 0), pages)) for (const row of await ask(sql.raw(piece))) rows.push(row);
  return rows;
}
