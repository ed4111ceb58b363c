import type { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import type { BulkTx, Database, Db } from './database.js';
import type { EmbeddedTransaction, PGliteWorker } from './pglite-worker.js';
import * as schema from './schema/index.js';

/** What a Database needs of the embedded engine: PGlite in this thread, or `PGliteWorker`. */
export type EmbeddedClient = Pick<PGliteWorker, 'query' | 'transaction' | 'close'>;

// COPY data is handed to PGlite as a blob, which it copies into its WebAssembly memory:
// small batches keep that memory (which never shrinks) low, and each statement short.
const COPY_BATCH_BYTES = 2 * 1024 * 1024;

function bulkTx(tx: EmbeddedTransaction, piecewise: boolean): BulkTx {
  return {
    piecewise,
    async query(text, params) {
      const result = await tx.query<Record<string, unknown>>(text, params);
      return result.rows as never;
    },
    async run(text) {
      return (await tx.query(text)).affectedRows ?? 0;
    },
    async copyCsv(table, columns, chunks) {
      const statement = `COPY ${table} (${columns.join(', ')}) FROM '/dev/blob' WITH (FORMAT csv)`;
      let parts: Buffer[] = [];
      let size = 0;
      const flush = async () => {
        if (parts.length === 0) return;
        await tx.query(statement, [], { blob: new Blob(parts) });
        parts = [];
        size = 0;
      };
      for await (const chunk of chunks) {
        // Encoded as it comes: the text dies young instead of surviving collections in the batch.
        const bytes = Buffer.from(chunk);
        parts.push(bytes);
        size += bytes.byteLength;
        if (size >= COPY_BATCH_BYTES) await flush();
      }
      await flush();
    },
  };
}

/** Where an embedded Database came from: its data directory (none in memory) and how to copy it. */
interface Embedded {
  dataDir: string | undefined;
  /** A tar of the data directory, taken while nothing runs. */
  snapshot: (() => Promise<Uint8Array>) | undefined;
}
const embedded = new WeakMap<Database, Embedded>();

/** The data directory `database` holds (with its lock) and its snapshot; `undefined` on PostgreSQL or in memory. */
export function heldDataDir(database: Database): { dataDir: string; snapshot: () => Promise<Uint8Array> } | undefined {
  const { dataDir, snapshot } = embedded.get(database) ?? {};
  return dataDir && snapshot ? { dataDir, snapshot } : undefined;
}

/**
 * `shared`: the database answers others while an import writes (PGlite in its thread in the
 * serving app), so the import's long statements are cut into pieces (see BulkTx.piecewise).
 */
export function pgliteDatabase(client: EmbeddedClient, held: Partial<Embedded> & { onClose?: () => void; shared?: boolean } = {}): Database {
  const db = drizzle({ client: client as unknown as PGlite, schema }) as unknown as Db;
  const database: Database = {
    kind: 'pglite',
    db,
    bulk: (work) => client.transaction((tx) => work(bulkTx(tx, held.shared === true))),
    async close() {
      await client.close();
      held.onClose?.();
    },
  };
  embedded.set(database, { dataDir: held.dataDir, snapshot: held.snapshot });
  return database;
}
