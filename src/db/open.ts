import type { Env } from '../config/env.js';
import type { Database } from './database.js';
import { lockDataDir } from './data-dir-lock.js';
import { migratePostgresDb } from './migrate.js';
import { postgresClient, postgresDatabase } from './postgres.js';

/** Opens the configured database (PostgreSQL with DATABASE_URL, else embedded PGlite) and migrates it. */
export async function openDatabase(env: Pick<Env, 'DATABASE_URL' | 'DATA_DIR'>): Promise<Database> {
  if (env.DATABASE_URL) {
    const sql = postgresClient(env.DATABASE_URL);
    try {
      await migratePostgresDb(sql);
    } catch (error) {
      await sql.end({ timeout: 1 });
      throw error;
    }
    return postgresDatabase(sql);
  }
  const release = lockDataDir(env.DATA_DIR);
  try {
    // Loaded only here: a command on PostgreSQL starts without the embedded engine.
    const { createPGlite, migratePGlite, pgliteDatabase } = await import('./pglite.js');
    const pg = await createPGlite(env.DATA_DIR);
    await migratePGlite(pg);
    return pgliteDatabase(pg, release);
  } catch (error) {
    release();
    throw error;
  }
}
