// The benchmark's own database: a fresh PGlite directory or a fresh PostgreSQL database
// next to DATABASE_URL, created for the run and removed after it. The product opens it
// the way the app does (migrations included); baselines talk to it through `Raw`.
import { createReadStream, openAsBlob } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import type postgres from 'postgres';
import type { Database } from '../../src/db/database.js';
import { lockDataDir } from '../../src/db/data-dir-lock.js';
import { migratePostgresDb } from '../../src/db/migrate.js';
import { pgliteDatabase } from '../../src/db/pglite.js';
import { PGliteWorker, type EmbeddedTransaction } from '../../src/db/pglite-worker.js';
import { postgresClient, postgresDatabase } from '../../src/db/postgres.js';
import { join } from 'node:path';
import { packageDir } from '../../src/package-dir.js';

export type DbKind = 'pglite' | 'postgres';

/** Plain SQL for baselines and set-up, on either engine. */
export interface Raw {
  query<T extends Record<string, unknown> = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Several statements, no parameters. */
  exec(text: string): Promise<void>;
  /** `COPY table FROM <the file> WITH (FORMAT csv, HEADER)`, the file read by this process. */
  copyFile(table: string, path: string): Promise<void>;
}

export interface BenchDb {
  kind: DbKind;
  /** What a CLI child process needs in its environment to open this database. */
  childEnv: Record<string, string>;
  /** The product's handle, opened (and migrated) on first use. */
  database(): Promise<Database>;
  raw(): Promise<Raw>;
  /** Runs `work` in a transaction; `rollback` undoes it whatever it did. */
  transaction<T>(work: (raw: Raw) => Promise<T>, options?: { rollback?: boolean }): Promise<T>;
  /** A statement prepared once and run many times (the search baseline). */
  prepared(name: string, text: string): Promise<(params: unknown[]) => Promise<Record<string, unknown>[]>>;
  /** Lets another process open the database: PGlite belongs to one process at a time. */
  release(): Promise<void>;
  /** Flushes dirty pages so one measurement does not pay for the writes of the one before. */
  settle(): Promise<void>;
  version(): Promise<string>;
  /** Closes this process's handles and leaves the database in place. */
  close(): Promise<void>;
  /** Closes and removes the database. */
  destroy(): Promise<void>;
}

class Rollback extends Error {}

/** Runs `work` in a transaction of the driver (`begin`), undone when `rollback`; answers what `work` answered. */
async function inTransaction<T>(
  begin: (body: (raw: Raw) => Promise<void>) => Promise<unknown>,
  work: (raw: Raw) => Promise<T>,
  rollback = false,
): Promise<T> {
  let result: Awaited<T> | undefined;
  try {
    await begin(async (raw) => {
      result = await work(raw);
      if (rollback) throw new Rollback();
    });
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
  return result as Awaited<T>;
}

// --- PGlite ----------------------------------------------------------------------------------

function pgliteRaw(pg: PGliteWorker | EmbeddedTransaction): Raw {
  return {
    async query(text, params) {
      return (await pg.query(text, params)).rows as never;
    },
    async exec(text) {
      await pg.exec(text);
    },
    async copyFile(table, path) {
      // PGlite reads COPY data from a blob handed over with the statement.
      await pg.query(`COPY ${table} FROM '/dev/blob' WITH (FORMAT csv, HEADER)`, [], { blob: await openAsBlob(path) });
    },
  };
}

export function pgliteBenchDb(dataDir: string): BenchDb {
  let open: { pg: PGliteWorker; database: Database } | undefined;
  let statements = 0;

  async function ensure() {
    if (!open) {
      const releaseLock = lockDataDir(dataDir);
      try {
        // The product's engine: PGlite in a thread of its own, as the app opens it.
        const pg = await PGliteWorker.open({ dataDir });
        open = { pg, database: pgliteDatabase(pg, { dataDir, snapshot: () => pg.snapshot(), onClose: releaseLock, shared: true }) };
      } catch (error) {
        releaseLock();
        throw error;
      }
    }
    return open;
  }

  const raw = async () => pgliteRaw((await ensure()).pg);
  const release = async () => {
    if (!open) return;
    const { database } = open;
    open = undefined;
    await database.close();
  };

  return {
    kind: 'pglite',
    childEnv: { DATA_DIR: dataDir, DATABASE_URL: '' },
    async database() {
      return (await ensure()).database;
    },
    raw,
    async transaction(work, options = {}) {
      const { pg } = await ensure();
      return inTransaction((body) => pg.transaction((tx) => body(pgliteRaw(tx))), work, options.rollback);
    },
    async prepared(name, text) {
      const { pg } = await ensure();
      // PGlite has no client-side statement cache: PREPARE once, EXECUTE with literals.
      const statement = `${name}_${++statements}`;
      await pg.exec(`PREPARE ${statement} AS ${text}`);
      return async (params) => {
        const args = params.map((p) => (p === null ? 'NULL' : typeof p === 'number' ? String(p) : `'${String(p as string).replaceAll("'", "''")}'`));
        return (await pg.query(`EXECUTE ${statement}(${args.join(', ')})`)).rows as Record<string, unknown>[];
      };
    },
    release,
    async settle() {
      await (await raw()).exec('CHECKPOINT');
    },
    async version() {
      const { pg } = await ensure();
      const [row] = (await pg.query<{ v: string }>(`select current_setting('server_version') as v`)).rows;
      const manifest = join(packageDir, 'node_modules', '@electric-sql', 'pglite', 'package.json');
      const { version } = JSON.parse(await readFile(manifest, 'utf8')) as { version: string };
      return `PGlite ${version} (PostgreSQL ${row?.v ?? 'unknown'})`;
    },
    close: release,
    async destroy() {
      await release();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

// --- PostgreSQL ------------------------------------------------------------------------------

function postgresRaw(sql: postgres.Sql | postgres.TransactionSql): Raw {
  return {
    async query(text, params) {
      const rows: unknown = await sql.unsafe(text, (params ?? []) as postgres.ParameterOrJSON<never>[]);
      return rows as never;
    },
    async exec(text) {
      await sql.unsafe(text);
    },
    async copyFile(table, path) {
      const writable = await sql.unsafe(`COPY ${table} FROM STDIN WITH (FORMAT csv, HEADER)`).writable();
      await pipeline(createReadStream(path, { highWaterMark: 1024 * 1024 }), writable);
    },
  };
}

function databaseUrl(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Creates `name` on the server of `serverUrl` (dropping a leftover of the same name first). */
export async function postgresBenchDb(serverUrl: string, name: string): Promise<BenchDb> {
  const admin = postgresClient(serverUrl, 1);
  await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const url = databaseUrl(serverUrl, name);
  let open: { sql: postgres.Sql; database: Database } | undefined;

  async function ensure() {
    if (!open) {
      const sql = postgresClient(url);
      await migratePostgresDb(sql);
      open = { sql, database: postgresDatabase(sql) };
    }
    return open;
  }

  const raw = async () => postgresRaw((await ensure()).sql);

  return {
    kind: 'postgres',
    childEnv: { DATABASE_URL: url },
    async database() {
      return (await ensure()).database;
    },
    raw,
    async transaction(work, options = {}) {
      const { sql } = await ensure();
      return inTransaction((body) => sql.begin((tx) => body(postgresRaw(tx))), work, options.rollback);
    },
    async prepared(_name, text) {
      const { sql } = await ensure();
      // postgres.js prepares a statement per connection on first use and reuses it.
      return async (params) => {
        const rows: unknown = await sql.unsafe(text, params as postgres.ParameterOrJSON<never>[], { prepare: true });
        return rows as Record<string, unknown>[];
      };
    },
    async release() {
      // Any number of processes may share PostgreSQL.
    },
    async settle() {
      await (await raw()).exec('CHECKPOINT');
    },
    async version() {
      const [row] = await (await raw()).query<{ v: string }>(`select current_setting('server_version') as v`);
      return `PostgreSQL ${row?.v ?? 'unknown'}`;
    },
    async close() {
      if (open) {
        await open.database.close();
        open = undefined;
      }
      await admin.end({ timeout: 5 });
    },
    async destroy() {
      if (open) {
        await open.database.close();
        open = undefined;
      }
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end({ timeout: 5 });
    },
  };
}
