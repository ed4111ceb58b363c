import type postgres from 'postgres';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { packageDir } from '../package-dir.js';

export const migrationsFolder = join(packageDir, 'drizzle');

// Any key will do, as long as every instance uses the same one.
const MIGRATION_LOCK = 5_172_026;

/** When the newest migration of the folder was generated (drizzle's `folderMillis`). */
async function newestMigration(): Promise<number> {
  const journal = JSON.parse(await readFile(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: Array<{ when: number }> };
  return Math.max(...journal.entries.map((entry) => entry.when));
}

/** Runs one statement and gives its rows. */
export type RunQuery = (text: string) => Promise<ReadonlyArray<Record<string, unknown>>>;

/**
 * Whether the database already has every migration of the folder, asked the way drizzle's
 * migrator decides what to run (each migration newer than the last one applied). One query
 * instead of the migrator's module, file hashing and statements: every CLI command opens
 * the database, and nearly always finds it up to date.
 */
export async function hasEveryMigration(run: RunQuery): Promise<boolean> {
  try {
    const [row] = await run('select max(created_at)::text as last from drizzle.__drizzle_migrations');
    return typeof row?.last === 'string' && Number(row.last) >= (await newestMigration());
  } catch (error) {
    // A new database: no migrations schema or table yet.
    const code = (error as { code?: unknown } | null)?.code;
    if (code === '42P01' || code === '3F000') return false;
    throw error;
  }
}

/** Several instances may start at once: an advisory lock lets one migrate at a time. */
export async function migratePostgresDb(sql: postgres.Sql): Promise<void> {
  if (await hasEveryMigration((text) => sql.unsafe(text))) return;
  const [{ drizzle }, { migrate }] = await Promise.all([import('drizzle-orm/postgres-js'), import('drizzle-orm/postgres-js/migrator')]);
  const lock = await sql.reserve();
  try {
    await lock`select pg_advisory_lock(${MIGRATION_LOCK})`;
    await migrate(drizzle({ client: sql }), { migrationsFolder });
    await lock`select pg_advisory_unlock(${MIGRATION_LOCK})`;
  } finally {
    lock.release();
  }
}
