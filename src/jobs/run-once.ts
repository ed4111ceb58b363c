import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { jobRuns } from '../db/schema/index.js';
import type { IsoDate } from '../domain/calendar.js';

export type JobName = 'daily-list' | 'alarms' | 'notices' | 'weekly-report';
export const JOB_NAMES: readonly JobName[] = ['daily-list', 'alarms', 'notices', 'weekly-report'];

export type RunOnceResult<T> = { ran: true; summary: T } | { ran: false; reason: 'already_ran' };

/**
 * Runs a job at most once per (job, date) across every instance: the job's work, its
 * outbox messages and the run row commit together. A second run, concurrent or later,
 * finds the row and does nothing; a crashed run left no row and may run again.
 */
export async function runOnce<T>(db: Db, job: JobName, date: IsoDate, work: (tx: Db) => Promise<T>, describe: (summary: T) => string): Promise<RunOnceResult<T>> {
  return db.transaction(async (tx) => {
    const [run] = await tx
      .insert(jobRuns)
      .values({ job, runOn: date })
      .onConflictDoNothing({ target: [jobRuns.job, jobRuns.runOn] })
      .returning({ id: jobRuns.id });
    if (!run) return { ran: false, reason: 'already_ran' } as const;
    const summary = await work(tx);
    await tx
      .update(jobRuns)
      .set({ state: 'done', finishedAt: sql`now()`, summary: describe(summary) })
      .where(eq(jobRuns.id, run.id));
    return { ran: true, summary } as const;
  });
}

/** Whether a job already ran for a date (the scheduler's catch-up asks). */
export async function hasRun(db: Db, job: JobName, date: IsoDate): Promise<boolean> {
  const [run] = await db
    .select({ id: jobRuns.id })
    .from(jobRuns)
    .where(and(eq(jobRuns.job, job), eq(jobRuns.runOn, date)))
    .limit(1);
  return run !== undefined;
}
