import { date, pgTable, serial, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { jobRunStateEnum } from './enums.js';

/** One row per (job, date): inserting it decides which instance runs the job. */
export const jobRuns = pgTable(
  'job_runs',
  {
    id: serial('id').primaryKey(),
    job: text('job').notNull(),
    runOn: date('run_on', { mode: 'string' }).notNull(),
    state: jobRunStateEnum('state').notNull().default('running'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    summary: text('summary'),
  },
  (t) => [unique('job_runs_job_date_key').on(t.job, t.runOn)],
);

export type JobRun = typeof jobRuns.$inferSelect;
