import { sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';

/** Whether the database answers a trivial query: what `/healthz` reports. */
export async function databaseAnswers(db: Db): Promise<boolean> {
  try {
    await db.execute(sql`select 1`);
    return true;
  } catch {
    return false;
  }
}
