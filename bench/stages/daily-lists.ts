// Every collector's list for the day: the product's daily-list job (snapshots, rules,
// priority, Block Kit, the leads' summaries, all queued in the outbox) against one SQL
// query that returns the same debtors, in priority order, with the same rules.
import { calendarOf, type IsoDate } from '../../src/domain/calendar.js';
import type { Policy } from '../../src/domain/policy.js';
import { preventiveHorizon } from '../../src/domain/todays-work.js';
import { PRIORITY_WEIGHTS } from '../../src/domain/priority.js';
import { refreshStatistics } from '../../src/db/statistics.js';
import { dailyListJob } from '../../src/jobs/daily-list.js';
import { allWorklists } from '../../src/services/worklist.js';
import { jobRenderer } from '../../src/slack/job-renderer.js';
import { ratioRow } from '../report.js';
import { TODAY, type Stage } from '../lib/context.js';

/** Today's work of every assigned debtor (src/domain/todays-work.ts) and its priority (src/domain/priority.ts) in one query. */
export function dailyListSql(policy: Policy, today: IsoDate): string {
  const T = `'${today}'::date`;
  const tz = `'${policy.timeZone}'`;
  const preventiveUntil = preventiveHorizon(calendarOf(policy), today);
  const w = PRIORITY_WEIGHTS;
  return `
    WITH inv AS (
      SELECT debtor_id, max(overdue) AS main_overdue, min(oldest) AS oldest, min(next_due) AS next_due
      FROM (SELECT debtor_id, currency,
                   sum(open_amount) FILTER (WHERE due_date < ${T}) AS overdue,
                   min(due_date) FILTER (WHERE due_date < ${T}) AS oldest,
                   min(due_date) FILTER (WHERE due_date >= ${T}) AS next_due
            FROM invoices WHERE open_amount > 0 GROUP BY debtor_id, currency) per_currency
      GROUP BY debtor_id
    ), pr AS (
      SELECT debtor_id, count(*) FILTER (WHERE state = 'pending') AS pending,
             count(*) FILTER (WHERE state = 'pending' AND promised_on = ${T}) AS due_today,
             count(*) FILTER (WHERE state = 'broken') AS broken
      FROM promises WHERE state IN ('pending', 'broken') GROUP BY debtor_id
    ), ba AS (
      SELECT debtor_id, count(*) AS open, count(*) FILTER (WHERE due_on = ${T}) AS due_today, count(*) FILTER (WHERE due_on < ${T}) AS overdue
      FROM barriers WHERE state = 'open' GROUP BY debtor_id
    ), ps AS (
      SELECT debtor_id, count(*) FILTER (WHERE deadline = ${T}) AS today, count(*) FILTER (WHERE deadline < ${T}) AS passed
      FROM pressures WHERE state = 'pending' GROUP BY debtor_id
    ), cl AS (
      SELECT DISTINCT ON (debtor_id) debtor_id, (contacted_at AT TIME ZONE ${tz})::date AS last_on, next_contact_on
      FROM contact_logs ORDER BY debtor_id, contacted_at DESC
    ), a AS (
      SELECT d.id, d.collector_id, d.name, d.escalation_level, coalesce(inv.main_overdue, 0) AS overdue, inv.oldest, inv.next_due,
             coalesce(pr.pending, 0) AS pending, coalesce(pr.due_today, 0) AS promise_today, coalesce(pr.broken, 0) AS broken,
             coalesce(ba.open, 0) AS barriers, coalesce(ba.due_today, 0) AS barrier_today, coalesce(ba.overdue, 0) AS barriers_overdue,
             coalesce(ps.today, 0) AS pressure_today, coalesce(ps.passed, 0) AS pressure_passed,
             cl.last_on, (cl.next_contact_on IS NULL OR cl.next_contact_on <= ${T}) AS contact_due
      FROM debtors d
      LEFT JOIN inv ON inv.debtor_id = d.id LEFT JOIN pr ON pr.debtor_id = d.id LEFT JOIN ba ON ba.debtor_id = d.id
      LEFT JOIN ps ON ps.debtor_id = d.id LEFT JOIN cl ON cl.debtor_id = d.id
      WHERE d.collector_id IS NOT NULL
    )
    SELECT collector_id, id,
           CASE WHEN overdue = 0 AND promise_today = 0 THEN 0 ELSE round((
             log(1 + overdue::float8) * (1 + greatest(0, coalesce(${T} - oldest, 0)) / ${w.ageDays}.0)
             + CASE WHEN promise_today > 0 THEN ${w.promiseDueToday} ELSE 0 END
             + CASE WHEN overdue > 0 THEN least(broken, ${w.brokenPromisesCap}) * ${w.brokenPromise} + escalation_level * ${w.escalationLevel}
                    + CASE WHEN ${T} - oldest BETWEEN 1 AND 5 THEN ${w.newlyOverdue} ELSE 0 END ELSE 0 END)::numeric, 3) END AS priority
    FROM a
    WHERE promise_today > 0 OR pressure_today > 0 OR barrier_today > 0
       OR (oldest IS NOT NULL AND (pressure_passed > 0 OR (pending = 0 AND barriers <= barriers_overdue AND contact_due)))
       OR (oldest IS NULL AND next_due <= '${preventiveUntil}'::date AND contact_due AND (last_on IS NULL OR last_on < next_due - 7))
    ORDER BY collector_id, priority DESC, name`;
}

export const stage: Stage = {
  name: 'daily-lists',
  async run(bench, measure) {
    const database = await bench.db.database();
    const { db } = database;
    const deps = { db, policy: bench.policy, render: jobRenderer(bench.policy) };
    if (!measure) {
      await dailyListJob(deps, TODAY);
      return [];
    }
    // As the scheduler does before each job: on PGlite, the tables the alarms job changed are analyzed.
    await refreshStatistics(database);
    const raw = await bench.db.raw();
    const query = dailyListSql(bench.policy, TODAY);
    // Once untimed, so neither side pays for reading the tables into memory (or compiling its code) first.
    await raw.query(query);
    for (const [, items] of await allWorklists(db, bench.policy, TODAY)) deps.render.dailyList({ collectorName: 'warm-up', date: TODAY, items });
    await bench.db.settle();
    let started = performance.now();
    const outcome = await dailyListJob(deps, TODAY);
    const productMs = performance.now() - started;
    if (outcome.status !== 'ran') throw new Error(`the daily-list job did not run: ${outcome.status}`);
    started = performance.now();
    const rows = await raw.query(query);
    const baselineMs = performance.now() - started;
    return [
      ratioRow('daily-lists', 'wall', productMs, baselineMs, 2, {
        details: { product: outcome.summary, baseline_rows: rows.length, same_debtors: rows.length === outcome.summary.debtors },
      }),
    ];
  },
};
