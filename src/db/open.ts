import type postgres from 'postgres';
import type { Env } from '../config/env.js';
import { UserError } from '../config/errors.js';
import type { Database } from './database.js';
import type { EmbeddedDatabaseStopped } from './pglite-worker.js';
import { lockDataDir } from './data-dir-lock.js';
import { migratePostgresDb } from './migrate.js';
import { postgresClient, postgresDatabase } from './postgres.js';

/** The URL without its password, fit for a message or a log line. */
export function withoutPassword(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.password = '';
    return parsed.href;
  } catch {
    return url.replace(/:[^:@/]*@/, '@');
  }
}

const CONNECT_ERRORS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host not found',
  CONNECT_TIMEOUT: 'no answer',
  ETIMEDOUT: 'no answer',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
};

/** "DATABASE_URL: cannot connect to postgres://app@db:5432/app (connection refused)". */
function connectionProblem(url: string, error: unknown): UserError {
  const { code, message } = error as { code?: string; message?: string };
  const reason = (code && CONNECT_ERRORS[code]) ?? message ?? String(error);
  return new UserError(`DATABASE_URL: cannot connect to ${withoutPassword(url)} (${reason})`);
}

/** A client that has answered once; anything that stops it is a problem of DATABASE_URL. */
async function connectPostgres(url: string): Promise<postgres.Sql> {
  let sql: postgres.Sql;
  try {
    sql = postgresClient(url);
  } catch (error) {
    throw connectionProblem(url, error);
  }
  try {
    await sql`select 1`;
    return sql;
  } catch (error) {
    await sql.end({ timeout: 1 });
    throw connectionProblem(url, error);
  }
}

export interface OpenOptions {
  /**
   * For a process that serves while the database works (Slack, the local page): embedded
   * PGlite runs in a thread of its own, and `onStopped` hears of that thread's crash, after
   * which it starts again by itself. A one-shot command keeps PGlite on its main thread.
   */
  serving?: { onStopped: (error: EmbeddedDatabaseStopped) => void };
}

/** Opens the configured database (PostgreSQL with DATABASE_URL, else embedded PGlite) and migrates it. */
export async function openDatabase(env: Pick<Env, 'DATABASE_URL' | 'DATA_DIR'>, options: OpenOptions = {}): Promise<Database> {
  if (env.DATABASE_URL) {
    const sql = await connectPostgres(env.DATABASE_URL);
    try {
      await migratePostgresDb(sql);
    } catch (error) {
      await sql.end({ timeout: 1 });
      throw error;
    }
    return postgresDatabase(sql);
  }
  const dataDir = env.DATA_DIR;
  const release = lockDataDir(dataDir);
  try {
    // Loaded only here: a command on PostgreSQL starts without the embedded engine.
    const { pgliteDatabase } = await import('./pglite.js');
    if (options.serving) {
      const { PGliteWorker } = await import('./pglite-worker.js');
      const engine = await PGliteWorker.open({ dataDir }, options.serving.onStopped);
      return pgliteDatabase(engine, { dataDir, snapshot: () => engine.snapshot(), onClose: release, shared: true });
    }
    const [{ createPGlite, migratePGlite }, { snapshotWhileIdle }] = await Promise.all([import('./pglite-engine.js'), import('./backup.js')]);
    const pg = await createPGlite(dataDir);
    await migratePGlite(pg);
    return pgliteDatabase(pg, { dataDir, snapshot: () => snapshotWhileIdle(pg, dataDir), onClose: release });
  } catch (error) {
    release();
    throw error;
  }
}
