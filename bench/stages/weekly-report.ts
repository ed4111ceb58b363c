// Monday's weekly report for every team: the product's weekly-report job (every
// collector's figures, the message, one chart per currency rendered to PNG, all queued in
// the outbox) against the figures' queries alone (`weeklyReports` for every team, in a
// transaction rolled back): what the message and the chart add to reading the numbers.
import { reportWeekOf } from '../../src/domain/report-week.js';
import { weeklyReportJob } from '../../src/jobs/weekly-report.js';
import { teamsWithReports, weeklyReports } from '../../src/services/report/index.js';
import { jobRenderer } from '../../src/slack/job-renderer.js';
import { failedRow, ratioRow, type StageRow } from '../report.js';
import { TODAY, type Bench, type Stage } from '../lib/context.js';

const NAME = 'weekly-report';
const TARGET = 2;
const MAX_MS = 10_000;

async function measure(bench: Bench): Promise<StageRow> {
  const { db } = await bench.db.database();
  const policy = { ...bench.policy, weeklyReportDay: 1 };
  const week = reportWeekOf(TODAY);
  await bench.db.settle();
  const t0 = performance.now();
  const collectors = await db
    .transaction(async (tx) => {
      const teamIds = (await teamsWithReports(tx)).map((t) => t.id);
      const reports = await weeklyReports(tx, policy, { teamIds, week, today: TODAY });
      throw new Rollback(reports.reduce((count, r) => count + r.collectors.length, 0));
    })
    .catch((error: unknown) => {
      if (error instanceof Rollback) return error.count;
      throw error;
    });
  const baselineMs = performance.now() - t0;
  await bench.db.settle();
  const t1 = performance.now();
  const outcome = await weeklyReportJob({ db, policy, render: jobRenderer(policy) }, TODAY);
  const productMs = performance.now() - t1;
  return ratioRow(NAME, 'wall', productMs, baselineMs, TARGET, {
    checksPassed: outcome.status === 'ran' && productMs < MAX_MS,
    target_text: `≤ ${TARGET}, < ${MAX_MS / 1000} s`,
    details: { week: week.label, collectors, outcome },
  });
}

/** Undoes the figures' transaction once they are read; carries what was counted. */
class Rollback extends Error {
  constructor(readonly count: number) {
    super('rollback');
  }
}

export const stage: Stage = {
  name: NAME,
  run: async (bench, measuring) => {
    if (!measuring) return [];
    try {
      return [await measure(bench)];
    } catch (error) {
      return [failedRow(NAME, 'wall', TARGET, `≤ ${TARGET}`, error)];
    }
  },
};
