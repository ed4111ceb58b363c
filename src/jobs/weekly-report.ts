import { isoWeekday, type IsoDate } from '../domain/calendar.js';
import { reportWeekOf } from '../domain/report-week.js';
import { enqueueMessages, enqueueUploads } from '../services/outbox.js';
import { teamsWithReports, weeklyReports } from '../services/report/index.js';
import type { JobDeps, JobOutcome } from './job-deps.js';
import { runOnce } from './run-once.js';

export interface WeeklyReportSummary {
  teams: number;
  messages: number;
  charts: number;
}

/**
 * On the policy's `weeklyReportDay`, working day or not: for each team with an alarm
 * channel, the report of the previous Monday-to-Sunday week as a message in that channel,
 * followed by its charts (one PNG per currency with history) uploaded there. The messages
 * and uploads go to the outbox with the job's run row, in one transaction, so the report
 * goes out once per date; teams without a channel get nothing.
 */
export async function weeklyReportJob(deps: JobDeps, date: IsoDate): Promise<JobOutcome<WeeklyReportSummary>> {
  const { policy } = deps;
  if (isoWeekday(date) !== policy.weeklyReportDay) return { status: 'not_report_day' };
  const week = reportWeekOf(date);
  const result = await runOnce(
    deps.db,
    'weekly-report',
    date,
    async (tx) => {
      const summary: WeeklyReportSummary = { teams: 0, messages: 0, charts: 0 };
      const teams = await teamsWithReports(tx);
      const reports = await weeklyReports(tx, policy, { teamIds: teams.map((t) => t.id), week, today: date });
      for (const [i, team] of teams.entries()) {
        const channel = team.alarmChannel!;
        const report = reports[i]!;
        const ref = `weekly-report:${team.id}:${week.label}`;
        // The message first, then its charts: a channel's rows go out in id order.
        await enqueueMessages(tx, [{ channel, payload: deps.render.weeklyReport(report), ref }]);
        const charts = await deps.render.weeklyReportCharts(report);
        await enqueueUploads(tx, charts.map((upload) => ({ channel, upload, ref })));
        summary.teams++;
        summary.messages++;
        summary.charts += charts.length;
      }
      return summary;
    },
    (s) => `${s.teams} teams, ${s.messages} messages, ${s.charts} charts (week ${week.label})`,
  );
  return result.ran ? { status: 'ran', summary: result.summary } : { status: 'already_ran' };
}
