import type { Db } from '../db/database.js';
import type { IsoDate } from '../domain/calendar.js';
import type { Policy } from '../domain/policy.js';
import type { AlarmRecord } from '../services/alarms.js';
import type { UploadPayload } from '../services/outbox.js';
import type { WeeklyReport } from '../services/report/types.js';
import type { CollectorDay } from '../services/daily-summary.js';
import type { PlannedNotice } from '../services/notices/index.js';
import type { WorkItem } from '../services/worklist.js';

/** Slack payloads (`text`, `blocks`…) the jobs put in the outbox; the Slack layer builds them. */
export type Payload = object;

/** How job messages look: injected by the entry point, so jobs stay below the Slack layer. */
export interface JobRenderer {
  /** One or more DMs; a short "nothing today" message when `items` is empty. */
  dailyList(input: { collectorName: string; date: IsoDate; items: WorkItem[] }): Payload[];
  leadSummary(input: { teamName: string; date: IsoDate; collectors: CollectorDay[] }): Payload;
  /** The day's notice emails of a collector's debtors, each with a button to hold it; none when there are none. */
  noticesToday(input: { items: PlannedNotice[] }): Payload[];
  /** Rendered by the outbox deliverer when the message is sent. */
  alarm: (alarm: AlarmRecord) => Payload;
  /** The weekly report's message for its team's channel. */
  weeklyReport: (report: WeeklyReport) => Payload;
  /** The weekly report's chart images, one per currency with history; none when there is nothing to draw. */
  weeklyReportCharts: (report: WeeklyReport) => Promise<UploadPayload[]>;
}

export interface JobDeps {
  db: Db;
  policy: Policy;
  render: JobRenderer;
}

/**
 * `disabled`: the job is switched off in the policy (the notices job without `notices.enabled`).
 * `not_report_day`: a weekly job asked for a day that is not its weekday (`weeklyReportDay`).
 */
export type JobOutcome<T> = { status: 'ran'; summary: T } | { status: 'already_ran' } | { status: 'not_working_day' } | { status: 'disabled' } | { status: 'not_report_day' };
