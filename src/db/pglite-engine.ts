// Opening the embedded engine itself: what the database thread and the backup need, without
// the schema and the query builder the app's side loads.
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { hasEveryMigration, migrationsFolder } from './migrate.js';

// The cache lives in the process's WebAssembly memory, which never shrinks; the operating
// system caches the data files as well.
const POSTGRESQL_CONF = ['shared_buffers = 32MB'];

// PGlite converts bytea to and from its hex text one byte at a time in JavaScript, about
// 4 ms each way for a notice's PDF statement; Node's hex codec does it natively.
const BYTEA = 17;
const parsers = {
  [BYTEA]: (text: string) => {
    const bytes = Buffer.from(text.slice(2), 'hex');
    return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  },
};
const serializers = {
  [BYTEA]: (value: Uint8Array) => `\\x${Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('hex')}`,
};

export function pgliteOptions() {
  return { extensions: { pg_trgm }, postgresqlconf: POSTGRESQL_CONF, parsers, serializers };
}

/**
 * Opens (creating if needed) an embedded database; `undefined` keeps it in memory, then
 * starting from the dump `loadDataDir` when given.
 */
export async function createPGlite(dataDir: string | undefined, loadDataDir?: Blob, pgliteWasmModule?: WebAssembly.Module): Promise<PGlite> {
  return PGlite.create(dataDir, { ...pgliteOptions(), ...(loadDataDir ? { loadDataDir } : {}), ...(pgliteWasmModule ? { pgliteWasmModule } : {}) });
}

export async function migratePGlite(pg: PGlite): Promise<void> {
  if (await hasEveryMigration(async (text) => (await pg.query<Record<string, unknown>>(text)).rows)) return;
  const [{ drizzle }, { migrate }] = await Promise.all([import('drizzle-orm/pglite'), import('drizzle-orm/pglite/migrator')]);
  await migrate(drizzle({ client: pg }), { migrationsFolder });
}
