import { sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { queryRows } from '../db/query-rows.js';
import type { IsoDate } from '../domain/calendar.js';

export type JobName = 'daily-list' | 'alarms';
export const JOB_NAMES: readonly JobName[] = ['daily-list', 'alarms'];

export type RunOnceResult<T> = { ran: true; summary: T } | { ran: false; reason: 'already_ran' };

/**
 * Runs a job at most once per (job, date) across every instance: the job's work, its
 * outbox messages and the run row commit together. A second run, concurrent or later,
 * finds the row and does nothing; a crashed run left no row and may run again.
 */
export async function runOnce<T>(db: Db, job: JobName, date: IsoDate, work: (tx: Db) => Promise<T>, describe: (summary: T) => string): Promise<RunOnceResult<T>> {
  return db.transaction(async (tx) => {
    const claimed = await queryRows<{ id: number }>(
      tx,
      sql`insert into job_runs (job, run_on) values (${job}, ${date}) on conflict (job, run_on) do nothing returning id`,
    );
    const run = claimed[0];
    if (!run) return { ran: false, reason: 'already_ran' } as const;
    const summary = await work(tx);
    await tx.execute(
      sql`update job_runs set state = 'done', finished_at = now(), summary = ${describe(summary)} where id = ${run.id}`,
    );
    return { ran: true, summary } as const;
  });
}

/** Whether a job already ran for a date (the scheduler's catch-up asks). */
export async function hasRun(db: Db, job: JobName, date: IsoDate): Promise<boolean> {
  const rows = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from job_runs where job = ${job} and run_on = ${date}`);
  return Number(rows[0]?.n ?? 0) > 0;
}
