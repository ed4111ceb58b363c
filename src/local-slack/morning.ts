import type { Logger } from 'pino';
import type { Database } from '../db/database.js';
import { isIsoDate, type IsoDate } from '../domain/calendar.js';
import type { Policy } from '../domain/policy.js';
import { runJob } from '../jobs/run-job.js';
import { scheduledJobs } from '../jobs/scheduler.js';
import { listUsers } from '../services/users.js';
import { t } from '../slack/i18n/index.js';
import { jobRenderer } from '../slack/job-renderer.js';
import type { ShiftedClock } from './clock.js';
import type { LocalUser } from './protocol.js';
import type { LocalWorkspace } from './workspace.js';

export const members = (users: Awaited<ReturnType<typeof listUsers>>): LocalUser[] => users.map((u) => ({ id: u.slackUserId, name: u.name, role: u.role }));

export interface MorningDeps {
  database: Database;
  policy: Policy;
  logger: Logger;
  clock: ShiftedClock;
  workspace: LocalWorkspace;
  /** Wakes the deliverers once the jobs have queued their messages and emails. */
  deliver: () => void;
}

/**
 * The clock control: moves the clock to the morning of `date` and runs what the scheduler
 * runs that day, in its order. `busy` is true meanwhile, for the page to wait.
 */
export function morningRunner(deps: MorningDeps) {
  const { database, policy, logger, clock, workspace } = deps;
  const render = jobRenderer(policy);
  let busy = false;
  const announce = (running: boolean) => {
    busy = running;
    workspace.emit('change');
  };

  async function morning(date: IsoDate): Promise<void> {
    if (!isIsoDate(date)) throw new Error(t(policy.locale, 'localSlack.badDate', { date }));
    announce(true);
    try {
      clock.moveTo(date, policy.dailyListTime);
      workspace.setMembers(members(await listUsers(database.db)));
      for (const job of scheduledJobs(policy, date)) {
        const outcome = await runJob({ db: database.db, policy, render, now: clock.now(), onEmailsQueued: deps.deliver }, job, date);
        logger.info({ job, date, status: outcome.status }, outcome.line);
      }
      deps.deliver();
    } finally {
      announce(false);
    }
  }

  return { morning, busy: () => busy };
}
