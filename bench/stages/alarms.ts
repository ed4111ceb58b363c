// The morning alarms run: judge the promises due today, move debtors on the escalation
// ladder, raise every alarm kind and queue their messages (not delivered here), record the
// day's receivables history. The baseline does the same in set-based SQL — judgement,
// levels, alarm rows, one plain outbox row per alarm, the history rows — in a transaction
// that is rolled back, so the product then starts from the very same state.
import { addDays, calendarOf, instantAt, workingDaysBetween, type IsoDate } from '../../src/domain/calendar.js';
import type { Policy } from '../../src/domain/policy.js';
import { isDue } from '../../src/domain/promise-judgement.js';
import { MAX_LEVEL } from '../../src/domain/vocabulary.js';
import { alarmsJob, type AlarmsSummary } from '../../src/jobs/alarms.js';
import { jobRenderer } from '../../src/slack/job-renderer.js';
import { failedRow, ratioRow } from '../report.js';
import type { Raw } from '../lib/bench-db.js';
import { TODAY, type Bench, type Stage } from '../lib/context.js';

/** The latest day for which `test` holds, searching back from `from` (the rules are monotonic in the day). */
function latestDay(from: IsoDate, test: (day: IsoDate) => boolean): IsoDate {
  for (let day = from, i = 0; i < 3660; i++, day = addDays(day, -1)) if (test(day)) return day;
  throw new RangeError(`no day within ten years before ${from}`);
}

/** The baseline reports what it did in the product's own terms. */
export type AlarmsCounts = AlarmsSummary;

/** The alarms run of `runDay` in plain SQL; returns what it did. */
export async function baselineAlarms(raw: Raw, policy: Policy, runDay: IsoDate, now: Date): Promise<AlarmsCounts> {
  const cal = calendarOf(policy);
  const R = `'${runDay}'::date`;
  const tz = `'${policy.timeZone}'`;
  const nowTs = `'${now.toISOString()}'::timestamptz`;
  // Date limits the product computes per row, computed once: promises made for a day up to
  // `dueUntil` are judged today; a debtor silent since `silentSince` or earlier is neglected.
  const dueUntil = latestDay(addDays(runDay, -1), (d) => isDue(cal, d, policy.promiseGraceDays, runDay));
  const silentSince = latestDay(runDay, (d) => workingDaysBetween(cal, d, runDay) >= policy.noContactWorkingDays);
  const [t1, t2, t3, t4] = policy.escalation.daysOverdue;
  const perLevel = Math.max(1, policy.escalation.brokenPromises);
  const [team] = await raw.query<{ id: number }>(`SELECT id FROM teams WHERE name = $1`, [policy.teams[0]!.name]);
  const defaultTeam = team ? String(team.id) : 'NULL';
  const [before] = await raw.query<{ id: number }>(`SELECT coalesce(max(id), 0)::int AS id FROM alarms`);
  const overdue = (debtor: string) => `EXISTS (SELECT 1 FROM invoices i WHERE i.debtor_id = ${debtor} AND i.open_amount > 0 AND i.due_date < ${R})`;
  const teamOf = `coalesce(u.team_id, ${defaultTeam})`;

  await raw.exec(`
    INSERT INTO job_runs (job, run_on) VALUES ('alarms', ${R});

    CREATE TEMP TABLE bench_judged ON COMMIT DROP AS
    WITH due AS (
      SELECT p.id, p.debtor_id, p.amount, p.currency, p.contact_log_id, p.instalment_no, p.promised_on,
             (p.created_at AT TIME ZONE ${tz})::date AS made_on
      FROM promises p WHERE p.state = 'pending' AND p.promised_on <= '${dueUntil}'::date
    ), paid AS (
      SELECT d.id, sum(pay.amount) AS paid
      FROM due d JOIN payments pay ON pay.debtor_id = d.debtor_id AND pay.currency = d.currency
                                  AND pay.paid_on >= d.made_on AND pay.paid_on < ${R}
      GROUP BY d.id
    ), owed AS (
      SELECT d.id, sum(e.amount) AS owed
      FROM due d JOIN promises e ON e.contact_log_id = d.contact_log_id AND e.instalment_no < d.instalment_no
      GROUP BY d.id
    )
    SELECT d.id, d.debtor_id, d.promised_on, d.amount,
           least(d.amount, greatest(0, coalesce(pd.paid, 0) - coalesce(o.owed, 0))) AS toward
    FROM due d LEFT JOIN paid pd ON pd.id = d.id LEFT JOIN owed o ON o.id = d.id;

    UPDATE promises p
    SET state = (CASE WHEN j.toward >= j.amount THEN 'kept' WHEN j.toward > 0 THEN 'partial' ELSE 'broken' END)::promise_state,
        paid_amount = j.toward, judged_on = ${R}
    FROM bench_judged j WHERE p.id = j.id;

    INSERT INTO alarms (kind, debtor_id, team_id, unique_key, raised_on)
    SELECT (CASE WHEN j.toward > 0 THEN 'promise_partial' ELSE 'promise_broken' END)::alarm_kind, j.debtor_id, ${teamOf},
           'promise_' || CASE WHEN j.toward > 0 THEN 'partial' ELSE 'broken' END || ':' || j.debtor_id || ':' || j.id || ':' || j.promised_on::text, ${R}
    FROM bench_judged j JOIN debtors d ON d.id = j.debtor_id LEFT JOIN users u ON u.id = d.collector_id
    WHERE j.toward < j.amount
    ON CONFLICT (unique_key) DO NOTHING;

    CREATE TEMP TABLE bench_levels ON COMMIT DROP AS
    WITH oldest AS (
      SELECT debtor_id, min(due_date) AS oldest FROM invoices WHERE open_amount > 0 AND due_date < ${R} GROUP BY debtor_id
    ), broken AS (
      SELECT p.debtor_id, count(*) AS n
      FROM promises p JOIN debtors d ON d.id = p.debtor_id
      WHERE p.state = 'broken' AND (d.escalated_at IS NULL OR p.judged_on > (d.escalated_at AT TIME ZONE ${tz})::date)
      GROUP BY p.debtor_id
    ), state AS (
      SELECT d.id, least(${MAX_LEVEL}, greatest(0, d.escalation_level)) AS cur, o.oldest, coalesce(b.n, 0) AS broken,
             CASE WHEN o.oldest IS NULL THEN 0
                  WHEN ${R} - o.oldest >= ${t4} THEN 4 WHEN ${R} - o.oldest >= ${t3} THEN 3
                  WHEN ${R} - o.oldest >= ${t2} THEN 2 WHEN ${R} - o.oldest >= ${t1} THEN 1 ELSE 0 END AS from_days
      FROM debtors d LEFT JOIN oldest o ON o.debtor_id = d.id LEFT JOIN broken b ON b.debtor_id = d.id
      WHERE d.escalation_level > 0 OR o.oldest IS NOT NULL
    ), next AS (
      SELECT id, cur, from_days,
             CASE WHEN oldest IS NULL THEN 0 ELSE least(${MAX_LEVEL}, greatest(cur, from_days) + broken / ${perLevel}) END AS lvl
      FROM state
    )
    SELECT id, cur, lvl FROM next WHERE lvl <> cur;

    INSERT INTO terms_changes (debtor_id, kind, details, previous_credit_status, new_credit_status, created_at)
    SELECT d.id, 'credit_revoked', 'escalation level ${MAX_LEVEL}', greatest(d.credit_status, d.team_credit_status), 'revoked', ${nowTs}
    FROM debtors d JOIN bench_levels l ON l.id = d.id
    WHERE l.lvl = ${MAX_LEVEL} AND d.team_credit_status IS DISTINCT FROM 'revoked';

    UPDATE debtors d
    SET escalation_level = l.lvl, escalated_at = ${nowTs}, updated_at = ${nowTs},
        team_credit_status = CASE WHEN l.lvl = ${MAX_LEVEL} THEN 'revoked'::credit_status ELSE d.team_credit_status END,
        credit_decided_at = CASE WHEN l.lvl = ${MAX_LEVEL} AND d.team_credit_status IS DISTINCT FROM 'revoked' THEN ${nowTs} ELSE d.credit_decided_at END,
        credit_decided_by = CASE WHEN l.lvl = ${MAX_LEVEL} AND d.team_credit_status IS DISTINCT FROM 'revoked' THEN NULL ELSE d.credit_decided_by END,
        credit_decision_reason = CASE WHEN l.lvl = ${MAX_LEVEL} AND d.team_credit_status IS DISTINCT FROM 'revoked'
                                      THEN 'escalation level ${MAX_LEVEL}' ELSE d.credit_decision_reason END
    FROM bench_levels l WHERE d.id = l.id;

    INSERT INTO alarms (kind, debtor_id, team_id, unique_key, raised_on)
    SELECT 'escalation', l.id, ${teamOf}, 'escalation:' || l.id || ':' || l.lvl || ':' || '${runDay}', ${R}
    FROM bench_levels l JOIN debtors d ON d.id = l.id LEFT JOIN users u ON u.id = d.collector_id
    WHERE l.lvl > l.cur
    ON CONFLICT (unique_key) DO NOTHING;

    UPDATE pressures pr SET state = 'met', resolved_at = ${nowTs}
    WHERE pr.state = 'pending' AND NOT ${overdue('pr.debtor_id')};

    UPDATE barriers b SET state = 'resolved', resolved_at = ${nowTs}, resolved_by = NULL
    WHERE b.state = 'open' AND NOT ${overdue('b.debtor_id')};

    INSERT INTO alarms (kind, debtor_id, team_id, unique_key, raised_on)
    SELECT 'pressure_deadline', pr.debtor_id, ${teamOf}, 'pressure_deadline:' || pr.debtor_id || ':' || pr.id || ':' || pr.deadline::text, ${R}
    FROM pressures pr JOIN debtors d ON d.id = pr.debtor_id LEFT JOIN users u ON u.id = d.collector_id
    WHERE pr.state = 'pending' AND pr.deadline < ${R} AND ${overdue('pr.debtor_id')}
    ON CONFLICT (unique_key) DO NOTHING;

    INSERT INTO alarms (kind, debtor_id, team_id, unique_key, raised_on)
    SELECT 'barrier_overdue', b.debtor_id, ${teamOf}, 'barrier_overdue:' || b.debtor_id || ':' || b.id || ':' || b.due_on::text, ${R}
    FROM barriers b JOIN users o ON o.id = b.owner_id JOIN debtors d ON d.id = b.debtor_id LEFT JOIN users u ON u.id = d.collector_id
    WHERE b.state = 'open' AND b.due_on < ${R}
    ON CONFLICT (unique_key) DO NOTHING;

    WITH od AS (
      SELECT debtor_id, min(due_date) AS oldest FROM invoices WHERE open_amount > 0 AND due_date < ${R} GROUP BY debtor_id
    ), lc AS (
      SELECT debtor_id, max((contacted_at AT TIME ZONE ${tz})::date) AS last FROM contact_logs GROUP BY debtor_id
    )
    INSERT INTO alarms (kind, debtor_id, team_id, unique_key, raised_on)
    SELECT (CASE WHEN d.collector_id IS NULL THEN 'no_collector' ELSE 'no_contact' END)::alarm_kind, d.id, ${teamOf},
           CASE WHEN d.collector_id IS NULL THEN 'no_collector:' || d.id || ':' || od.oldest::text
                ELSE 'no_contact:' || d.id || ':' || coalesce(lc.last::text, 'never') || ':' || od.oldest::text END,
           ${R}
    FROM od JOIN debtors d ON d.id = od.debtor_id LEFT JOIN lc ON lc.debtor_id = d.id LEFT JOIN users u ON u.id = d.collector_id
    WHERE d.collector_id IS NULL OR greatest(lc.last, od.oldest) <= '${silentSince}'::date
    ON CONFLICT (unique_key) DO NOTHING;

    INSERT INTO outbox (channel, payload, ref)
    SELECT t.alarm_channel, jsonb_build_object('text', a.kind::text || ': ' || d.name), 'alarm:' || a.id
    FROM alarms a JOIN teams t ON t.id = a.team_id JOIN debtors d ON d.id = a.debtor_id
    WHERE a.id > ${before!.id} AND t.alarm_channel IS NOT NULL;

    INSERT INTO receivable_history (day, team_id, collector_id, currency, bucket, open, debtors)
    SELECT ${R}, u.team_id, u.id, i.currency,
           CASE WHEN ${R} - i.due_date <= 0 THEN 'current' WHEN ${R} - i.due_date <= 30 THEN '1-30'
                WHEN ${R} - i.due_date <= 60 THEN '31-60' WHEN ${R} - i.due_date <= 90 THEN '61-90' ELSE '90+' END,
           sum(i.open_amount), count(DISTINCT i.debtor_id)
    FROM invoices i JOIN debtors d ON d.id = i.debtor_id LEFT JOIN users u ON u.id = d.collector_id
    WHERE i.open_amount > 0
    GROUP BY 2, 3, 4, 5
    ON CONFLICT ON CONSTRAINT receivable_history_key DO UPDATE SET open = excluded.open, debtors = excluded.debtors;

    UPDATE job_runs SET state = 'done', finished_at = now() WHERE job = 'alarms' AND run_on = ${R};`)

  const [judged] = await raw.query<Record<string, number>>(`
    SELECT count(*)::int AS judged, (count(*) FILTER (WHERE toward >= amount))::int AS kept,
           (count(*) FILTER (WHERE toward > 0 AND toward < amount))::int AS partial, (count(*) FILTER (WHERE toward = 0 AND amount > 0))::int AS broken
    FROM bench_judged`);
  const [levels] = await raw.query<{ n: number }>(`SELECT count(*)::int AS n FROM bench_levels`);
  const [barriersResolved] = await raw.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM barriers WHERE state = 'resolved' AND resolved_by IS NULL AND resolved_at = ${nowTs}`,
  );
  const [raised] = await raw.query<{ alarms: number; posted: number }>(
    `SELECT count(*)::int AS alarms, (SELECT count(*)::int FROM outbox WHERE ref LIKE 'alarm:%' AND substring(ref from 7)::int > $1) AS posted
     FROM alarms WHERE id > $1`,
    [before!.id],
  );
  return {
    judged: Number(judged!.judged),
    kept: Number(judged!.kept),
    partial: Number(judged!.partial),
    broken: Number(judged!.broken),
    levelChanges: Number(levels!.n),
    barriersResolved: Number(barriersResolved!.n),
    alarms: Number(raised!.alarms),
    posted: Number(raised!.posted),
  };
}

export async function productAlarms(bench: Bench, runDay: IsoDate) {
  const { db } = await bench.db.database();
  const now = instantAt(bench.policy.timeZone, runDay, bench.policy.alarmsTime);
  return alarmsJob({ db, policy: bench.policy, render: jobRenderer(bench.policy), now }, runDay);
}

export const stage: Stage = {
  name: 'alarms',
  async run(bench, measure) {
    if (!measure) {
      await productAlarms(bench, TODAY);
      return [];
    }
    const now = instantAt(bench.policy.timeZone, TODAY, bench.policy.alarmsTime);
    await bench.db.settle();
    let started = performance.now();
    const baseline = await bench.db.transaction((raw) => baselineAlarms(raw, bench.policy, TODAY, now), { rollback: true });
    const baselineMs = performance.now() - started;
    // The rolled-back rows leave dead tuples behind; the product should not pay for them.
    await (await bench.db.raw()).exec('VACUUM promises, debtors, alarms, outbox, terms_changes, pressures, job_runs');
    await bench.db.settle();
    started = performance.now();
    let outcome;
    try {
      outcome = await productAlarms(bench, TODAY);
    } catch (error) {
      const ms = Math.round(performance.now() - started);
      return [failedRow('alarms', 'wall', 2, '≤ 2', error, { baseline_ms: Math.round(baselineMs), details: { baseline, failed_after_ms: ms } })];
    }
    const productMs = performance.now() - started;
    if (outcome.status !== 'ran') throw new Error(`the alarms job did not run: ${outcome.status}`);
    const product = outcome.summary;
    const same = (['judged', 'kept', 'partial', 'broken', 'levelChanges', 'barriersResolved', 'alarms', 'posted'] as const).every((k) => product[k] === baseline[k]);
    return [
      ratioRow('alarms', 'wall', productMs, baselineMs, 2, {
        details: { product, baseline, same_result: same },
      }),
    ];
  },
};
