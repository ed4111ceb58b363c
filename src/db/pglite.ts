import { PGlite, type Transaction } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle } from 'drizzle-orm/pglite';
import type { BulkTx, Database, Db } from './database.js';
import { hasEveryMigration, migrationsFolder } from './migrate.js';
import * as schema from './schema/index.js';

export function pgliteOptions() {
  return { extensions: { pg_trgm } };
}

/** Opens (creating if needed) an embedded database; `undefined` keeps it in memory. */
export async function createPGlite(dataDir: string | undefined): Promise<PGlite> {
  return PGlite.create(dataDir, pgliteOptions());
}

// COPY data is handed to PGlite as a blob; batching keeps memory bounded on large files.
const COPY_BATCH_BYTES = 16 * 1024 * 1024;

function bulkTx(tx: Transaction): BulkTx {
  return {
    async query(text, params) {
      const result = await tx.query<Record<string, unknown>>(text, params);
      return result.rows as never;
    },
    async run(text) {
      return (await tx.query(text)).affectedRows ?? 0;
    },
    async copyCsv(table, columns, chunks) {
      const statement = `COPY ${table} (${columns.join(', ')}) FROM '/dev/blob' WITH (FORMAT csv)`;
      let parts: string[] = [];
      let size = 0;
      const flush = async () => {
        if (parts.length === 0) return;
        await tx.query(statement, [], { blob: new Blob(parts) });
        parts = [];
        size = 0;
      };
      for await (const chunk of chunks) {
        parts.push(chunk);
        size += chunk.length;
        if (size >= COPY_BATCH_BYTES) await flush();
      }
      await flush();
    },
  };
}

// The engine behind each embedded Database, for what only PGlite does (dumpDataDir), and
// the data directory it holds (none when in memory, or not opened by openDatabase).
const engines = new WeakMap<Database, { pg: PGlite; dataDir: string | undefined }>();

/** The PGlite instance behind `database`; `undefined` on PostgreSQL. */
export function embeddedEngine(database: Database): PGlite | undefined {
  return engines.get(database)?.pg;
}

/** The data directory `database` holds (with its lock); `undefined` on PostgreSQL or in memory. */
export function heldDataDir(database: Database): string | undefined {
  return engines.get(database)?.dataDir;
}

/** `lockedDir`: the directory this database was opened on and locked (openDatabase), for the local channel. */
export function pgliteDatabase(pg: PGlite, onClose: () => void = () => undefined, lockedDir?: string): Database {
  const db = drizzle({ client: pg, schema }) as unknown as Db;
  const database: Database = {
    kind: 'pglite',
    db,
    bulk: (work) => pg.transaction((tx) => work(bulkTx(tx))),
    async close() {
      await pg.close();
      onClose();
    },
  };
  engines.set(database, { pg, dataDir: lockedDir });
  return database;
}

export async function migratePGlite(pg: PGlite): Promise<void> {
  if (await hasEveryMigration(async (text) => (await pg.query<Record<string, unknown>>(text)).rows)) return;
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  await migrate(drizzle({ client: pg }), { migrationsFolder });
}
