import type { IsoDate } from '../domain/calendar.js';
import { alarmsJob } from './alarms.js';
import { dailyListJob } from './daily-list.js';
import type { JobDeps, JobOutcome } from './job-deps.js';
import { noticesJob } from './notices.js';
import type { JobName } from './run-once.js';
import { weeklyReportJob } from './weekly-report.js';

/** What a run needs: `onEmailsQueued` wakes the email deliverer as the notices job commits each batch. */
export type RunDeps = JobDeps & { now: Date; onEmailsQueued?: () => void };

const JOBS: Record<JobName, (deps: RunDeps, date: IsoDate) => Promise<JobOutcome<object>>> = {
  alarms: alarmsJob,
  'daily-list': dailyListJob,
  notices: noticesJob,
  'weekly-report': weeklyReportJob,
};

/** Runs a job by name; the outcome's `line` says what happened in one sentence. */
export async function runJob(deps: RunDeps, job: JobName, date: IsoDate): Promise<JobOutcome<unknown> & { line: string }> {
  const outcome = await JOBS[job](deps, date);
  switch (outcome.status) {
    case 'not_working_day':
      return { ...outcome, line: `${job} ${date}: not a working day, nothing to do.` };
    case 'not_report_day':
      return { ...outcome, line: `${job} ${date}: not the weekly report's day (weeklyReportDay), nothing to do.` };
    case 'disabled':
      return { ...outcome, line: `${job} ${date}: switched off in the policy, nothing to do.` };
    case 'already_ran':
      return { ...outcome, line: `${job} ${date}: already ran for this date, nothing sent.` };
    case 'ran':
      return {
        ...outcome,
        line: `${job} ${date}: ${Object.entries(outcome.summary)
          .map(([k, v]) => `${k} ${String(v)}`)
          .join(', ')}.`,
      };
  }
}
