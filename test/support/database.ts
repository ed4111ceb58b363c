import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { inject, test as base } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { pgliteDatabase } from '../../src/db/pglite.js';
import { pgliteOptions } from '../../src/db/pglite-engine.js';
import { PGliteWorker, type EmbeddedDatabaseStopped } from '../../src/db/pglite-worker.js';
import { postgresClient, postgresDatabase } from '../../src/db/postgres.js';

// Both migrated once, in test/support/global-setup.ts; one per worker, emptied per test.
// PGlite: each worker loads the dump of a migrated data directory.
// PostgreSQL (TEST_DATABASE_URL): one database per worker, copied from a migrated template.
async function workerOwnDatabase(): Promise<{ database: Database; drop: () => Promise<void> }> {
  const templateUrl = inject('postgresTemplateUrl');
  if (!templateUrl) {
    const dump = new Blob([await readFile(inject('pgliteDumpPath'))]);
    const database = pgliteDatabase(await PGlite.create({ ...pgliteOptions(), loadDataDir: dump }));
    return { database, drop: () => database.close() };
  }
  const copy = await copyOfTemplate(templateUrl);
  const database = postgresDatabase(postgresClient(copy.url));
  return {
    database,
    drop: async () => {
      await database.close();
      await copy.drop();
    },
  };
}

/** The embedded engine as the app opens it, in its own thread, from the migrated dump (in memory). */
export async function workerDatabase(onStopped?: (error: EmbeddedDatabaseStopped) => void): Promise<{ database: Database; engine: PGliteWorker }> {
  const engine = await PGliteWorker.open({ loadDataDir: new Uint8Array(await readFile(inject('pgliteDumpPath'))) }, onStopped);
  return { database: pgliteDatabase(engine, { shared: true }), engine };
}

/**
 * A new PostgreSQL database copied from the migrated template, for a test that hands a
 * DATABASE_URL to a process of its own; `drop` removes it.
 */
export async function copyOfTemplate(templateUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const template = new URL(templateUrl);
  const name = `cobranza_test_${randomBytes(6).toString('hex')}`;
  const admin = postgresClient(templateUrl.replace(template.pathname, '/postgres'), 1);
  await admin.unsafe(`CREATE DATABASE ${name} TEMPLATE ${template.pathname.slice(1)}`);
  return {
    url: templateUrl.replace(template.pathname, `/${name}`),
    drop: async () => {
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

async function emptyAllTables(database: Database): Promise<void> {
  await database.bulk(async (tx) => {
    const tables = await tx.query<{ name: string }>(
      `SELECT quote_ident(tablename) AS name FROM pg_tables WHERE schemaname = 'public'`,
    );
    await tx.query(`TRUNCATE ${tables.map((t) => t.name).join(', ')} RESTART IDENTITY CASCADE`);
  });
}

export const test = base.extend<{ database: Database; workerDb: Database }>({
  workerDb: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const { database, drop } = await workerOwnDatabase();
      await use(database);
      await drop();
    },
    { scope: 'worker' },
  ],
  database: async ({ workerDb }, use) => {
    await emptyAllTables(workerDb);
    await use(workerDb);
  },
});

export { describe, expect } from 'vitest';
