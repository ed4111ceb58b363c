import cron from 'node-cron';
import type { Logger } from 'pino';
import type { Db } from '../db/database.js';
import { calendarOf, instantAt, isoWeekday, isWorkingDay, todayIn, type IsoDate } from '../domain/calendar.js';
import type { Policy } from '../domain/policy.js';
import { hasRun, type JobName } from './run-once.js';

export interface SchedulerDeps {
  db: Db;
  policy: Policy;
  logger: Logger;
  clock: () => Date;
  /** Runs one job for a date; the job itself decides whether it already ran. */
  run: (job: JobName, date: IsoDate) => Promise<void>;
}

const TIMES: Record<JobName, (policy: Policy) => string> = {
  alarms: (policy) => policy.alarmsTime,
  'daily-list': (policy) => policy.dailyListTime,
  notices: (policy) => policy.notices.sendTime,
  'weekly-report': (policy) => policy.weeklyReportTime,
};

/**
 * Catch-up runs today's jobs in this order: promises are judged before the lists are made,
 * and the lists (which offer to hold the day's notices) before the notices go; the weekly
 * report last, after the alarms job has written the day's history.
 */
const ORDER: JobName[] = ['alarms', 'daily-list', 'notices', 'weekly-report'];

/** The daily jobs run on working days only; the weekly report on its weekday, working or not. */
const WEEKLY: ReadonlySet<JobName> = new Set(['weekly-report']);

/** Every job the policy switches on, whatever the day: the notices only with `notices.enabled`. */
function configuredJobs(policy: Policy): JobName[] {
  return ORDER.filter((job) => job !== 'notices' || policy.notices.enabled);
}

/**
 * The jobs the scheduler runs on `date`, in order: the daily ones the policy switches on
 * (the notices only with `notices.enabled`; each job itself skips a day that is not a
 * working day), and `weekly-report` only on `weeklyReportDay`.
 */
export function scheduledJobs(policy: Policy, date: IsoDate): JobName[] {
  return configuredJobs(policy).filter((job) => job !== 'weekly-report' || isoWeekday(date) === policy.weeklyReportDay);
}

/** Whether the scheduler runs `job` on `date`: daily jobs on working days, weekly ones on their weekday. */
function runsOn(policy: Policy, cal: ReturnType<typeof calendarOf>, job: JobName, date: IsoDate): boolean {
  if (!scheduledJobs(policy, date).includes(job)) return false;
  return WEEKLY.has(job) || isWorkingDay(cal, date);
}

/**
 * node-cron at the policy times in the policy's zone. Every instance schedules; the job's
 * run row decides which one runs. An instance started after today's time runs what is
 * missing for today (never a past day's).
 */
export function startScheduler(deps: SchedulerDeps) {
  const { policy, logger } = deps;
  const cal = calendarOf(policy);
  const fire = (job: JobName) => {
    const date = todayIn(policy.timeZone, deps.clock());
    if (!runsOn(policy, cal, job, date)) return Promise.resolve();
    return deps.run(job, date).catch((error: unknown) => logger.error({ err: error, job, date }, 'scheduled job failed'));
  };
  // Every job is scheduled daily at its time; `fire` leaves out the days it does not run.
  const tasks = configuredJobs(policy).map((job) => {
    const [hh, mm] = TIMES[job](policy).split(':');
    return cron.schedule(`${Number(mm)} ${Number(hh)} * * *`, () => fire(job), { timezone: policy.timeZone, name: job, noOverlap: true });
  });

  async function catchUp(): Promise<void> {
    const now = deps.clock();
    const today = todayIn(policy.timeZone, now);
    for (const job of scheduledJobs(policy, today)) {
      if (!runsOn(policy, cal, job, today)) continue;
      if (now < instantAt(policy.timeZone, today, TIMES[job](policy))) continue;
      if (await hasRun(deps.db, job, today)) continue;
      logger.info({ job, date: today }, 'catching up on a job missed today');
      await fire(job);
    }
  }

  return {
    catchUp,
    async stop() {
      for (const task of tasks) await task.stop();
    },
  };
}
