import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type * as schema from './schema/index.js';

export type Schema = typeof schema;
/** The drizzle handle every query function takes (a transaction is one too). */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

/** A raw transaction for set-based bulk work: plain SQL and COPY … FROM STDIN. */
export interface BulkTx {
  query<R extends Record<string, unknown>>(text: string, params?: unknown[]): Promise<R[]>;
  /** Runs one statement; answers how many rows it wrote. */
  run(text: string): Promise<number>;
  /** Runs `COPY table (cols) FROM STDIN WITH (FORMAT csv)` fed with CSV text chunks. */
  copyCsv(table: string, columns: readonly string[], chunks: AsyncIterable<string>): Promise<void>;
  /**
   * Whether long work over a whole table is cut into short statements (table-pieces.ts): on
   * PGlite in the serving app, where each statement holds the one session that Slack's
   * answers need too.
   */
  readonly piecewise: boolean;
}

export interface Database {
  kind: 'pglite' | 'postgres';
  db: Db;
  bulk<T>(work: (tx: BulkTx) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
