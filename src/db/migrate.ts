import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type postgres from 'postgres';
import { join } from 'node:path';
import { packageDir } from '../package-dir.js';

export const migrationsFolder = join(packageDir, 'drizzle');

// Any key will do, as long as every instance uses the same one.
const MIGRATION_LOCK = 5_172_026;

/** Several instances may start at once: an advisory lock lets one migrate at a time. */
export async function migratePostgresDb(sql: postgres.Sql): Promise<void> {
  const lock = await sql.reserve();
  try {
    await lock`select pg_advisory_lock(${MIGRATION_LOCK})`;
    await migratePostgres(drizzlePostgres({ client: sql }), { migrationsFolder });
    await lock`select pg_advisory_unlock(${MIGRATION_LOCK})`;
  } finally {
    lock.release();
  }
}
