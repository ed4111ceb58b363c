// On PGlite in the serving app every statement holds the one session Slack's answers also
// need, and a read can run between an import's or a job's statements, never inside one
// (src/db/README.md). Work over a whole large table is therefore done in pieces of its pages.
import { sql, type SQL } from 'drizzle-orm';
import type { BulkTx, Db } from './database.js';
import { queryRows } from './query-rows.js';

/** Pages of a staging table per statement that writes: about 2,000 rows of invoices. */
export const WRITE_PIECE_PAGES = 32;

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

/** `table` in pieces of `pages` pages when `tx` is piecewise (see BulkTx), else whole. */
export async function tablePieces(tx: BulkTx, table: string, pages: number): Promise<string[]> {
  if (!tx.piecewise) return [table];
  const [size] = await tx.query<{ pages: number }>(pagesOf(table));
  return pagePieces(table, size?.pages ?? 0, pages);
}

/** Runs `work` on each piece of `table` in turn (see `tablePieces`). */
export async function inPieces<T>(tx: BulkTx, table: string, pages: number, work: (piece: string) => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  for (const piece of await tablePieces(tx, table, pages)) results.push(await work(piece));
  return results;
}

/**
 * `ask` once per piece of `pages` pages of a stored table, its rows in order. A job's read
 * costs the same in pieces on either database, so it is always read so.
 */
export async function readInPieces<T>(db: Db, table: string, ask: (piece: SQL) => Promise<T[]>, pages = READ_PIECE_PAGES): Promise<T[]> {
  const [size] = await queryRows<{ pages: number }>(db, sql.raw(pagesOf(table)));
  const rows: T[] = [];
  for (const piece of pagePieces(table, Number(size?.pages ?? 0), pages)) for (const row of await ask(sql.raw(piece))) rows.push(row);
  return rows;
}
