import { calendarOf, isWorkingDay, type IsoDate } from '../domain/calendar.js';
import { planNotices, queueNotices } from '../services/notices/index.js';
import type { JobDeps, JobOutcome } from './job-deps.js';
import { runOnce } from './run-once.js';

export interface NoticesSummary {
  /** Triggers stored by this run (the daily list usually stored the day's already). */
  planned: number;
  /** Emails queued (one per debtor and currency). */
  queued: number;
  /** Notices a rule stopped (pending promise, open barrier, recent notice…). */
  skipped: number;
  /** Notices waiting for a contact with an email (a `no_email` alarm was raised once). */
  waiting: number;
}

/**
 * At `notices.sendTime` on working days, when `notices.enabled`: the day's triggers are
 * planned (again: idempotent), then each debtor and currency gets its email queued in
 * email_outbox, or a skip with its reason. The SMTP deliverer sends the emails later; the
 * `no_email` alarms' Slack messages go through the outbox like every alarm.
 */
export async function noticesJob(deps: JobDeps & { now: Date }, date: IsoDate): Promise<JobOutcome<NoticesSummary>> {
  const { policy } = deps;
  if (!policy.notices.enabled) return { status: 'disabled' };
  if (!isWorkingDay(calendarOf(policy), date)) return { status: 'not_working_day' };
  const result = await runOnce(
    deps.db,
    'notices',
    date,
    async (tx) => {
      const { planned } = await planNotices(tx, policy, date);
      const queued = await queueNotices(tx, policy, date, deps.now);
      return { planned, queued: queued.emails, skipped: queued.skipped, waiting: queued.waiting };
    },
    (s) => `${s.planned} notices planned, ${s.queued} emails queued, ${s.skipped} skipped, ${s.waiting} waiting for an email`,
  );
  return result.ran ? { status: 'ran', summary: result.summary } : { status: 'already_ran' };
}
