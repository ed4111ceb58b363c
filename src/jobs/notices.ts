import { calendarOf, isWorkingDay, type IsoDate } from '../domain/calendar.js';
import { planNotices, queueNotices } from '../services/notices/index.js';
import type { JobDeps, JobOutcome } from './job-deps.js';
import { hasRun, runOnce } from './run-once.js';

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
 * email_outbox, or a skip with its reason. Unlike the other jobs, the emails commit in
 * batches as they are made, so the SMTP deliverer starts on the first while the rest are
 * rendered, and a run cut short is finished by the next one: the notices' locks and the
 * emails' unique keys keep every email to one, also when two instances run at once.
 */
export async function noticesJob(deps: JobDeps & { now: Date; onEmailsQueued?: () => void }, date: IsoDate): Promise<JobOutcome<NoticesSummary>> {
  const { policy, db } = deps;
  if (!policy.notices.enabled) return { status: 'disabled' };
  if (!isWorkingDay(calendarOf(policy), date)) return { status: 'not_working_day' };
  if (await hasRun(db, 'notices', date)) return { status: 'already_ran' };
  const { planned } = await planNotices(db, policy, date);
  const queued = await queueNotices(db, policy, date, deps.now, deps.onEmailsQueued);
  const summary = { planned, queued: queued.emails, skipped: queued.skipped, waiting: queued.waiting };
  const result = await runOnce(db, 'notices', date, () => Promise.resolve(summary), describe);
  return result.ran ? { status: 'ran', summary } : { status: 'already_ran' };
}

const describe = (s: NoticesSummary) => `${s.planned} notices planned, ${s.queued} emails queued, ${s.skipped} skipped, ${s.waiting} waiting for an email`;
