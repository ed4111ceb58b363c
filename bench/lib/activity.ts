// The collection history the ERP files do not carry: contacts logged by the collectors,
// promises (kept, broken, pending, and a batch falling due for judgement on each of the
// next two runs), barriers and announced consequences. Set-based and deterministic: every
// choice is a function of the debtor's id.
import { eq, sql } from 'drizzle-orm';
import { teams } from '../../src/db/schema/index.js';
import { instantAt } from '../../src/domain/calendar.js';
import { barrierOverdueAlarms, closeMetPressures, neglectAlarms, pressureDeadlineAlarms } from '../../src/services/alarm-candidates.js';
import { raiseAlarms } from '../../src/services/alarms.js';
import { recomputeLevels } from '../../src/services/escalation-levels.js';
import { oldestOverdue } from '../../src/services/overdue.js';
import type { Bench } from './context.js';
import { NEXT_WORKING_DAY, PREVIOUS_WORKING_DAY, TODAY } from './context.js';

const day = (iso: string) => `'${iso}'::date`;
/**
 * A deterministic pseudo-random number in 0..mod-1 per id and salt. Plain `id % n` would
 * follow the generator's round-robin assignment of debtors to collectors, so that one
 * collector got every promise and the next none.
 */
const bucket = (id: string, salt: number, mod: number) => `((hashint4(${id} # ${salt}) & 2147483647) % ${mod})`;
/** Which share of the debtors a set-up step picks: buckets of the same draw never overlap. */
const share = (id: string, from: number, to: number) => `${bucket(id, 7919, 100)} BETWEEN ${from} AND ${to - 1}`;
/** A timestamptz at 16:00 UTC (10:00 in Mexico City) of a date expression. */
const at4pm = (dateExpr: string) => `((${dateExpr}) + time '16:00') AT TIME ZONE 'UTC'`;
/** An hour later: two contacts of one debtor on one day never share an instant, so "the last contact" is never a tie. */
const at5pm = (dateExpr: string) => `((${dateExpr}) + time '17:00') AT TIME ZONE 'UTC'`;

/** Contacts, old promises, barriers and consequences: what the team did before today. */
export async function createHistory(bench: Bench): Promise<void> {
  const T = day(TODAY);
  const raw = await bench.db.raw();
  await raw.exec(`
    -- Every assigned debtor but one in twenty was contacted before, one to three times in the
    -- last weeks; the last contact set the next one between two days ago and twelve days ahead.
    INSERT INTO contact_logs (debtor_id, author_id, outcome_type, channel, reached, note, next_contact_on, contacted_at)
    SELECT d.id, d.collector_id,
           (ARRAY['reminder', 'reminder', 'commitment', 'barrier', 'pressure'])[1 + (d.id + g) % 5]::outcome_type,
           (ARRAY['phone', 'email', 'whatsapp', 'visit', 'meeting', 'other'])[1 + (d.id * 3 + g) % 6]::contact_channel,
           (d.id + g) % 4 <> 0, '',
           CASE WHEN g = 1 THEN ${T} + ${bucket('d.id', 13, 15)} - 2 ELSE x.on_day + 7 END,
           ${at4pm('x.on_day')}
    FROM debtors d
    CROSS JOIN LATERAL generate_series(1, 1 + ${bucket('d.id', 3, 3)}) g
    CROSS JOIN LATERAL (SELECT ${T} - 1 - ${bucket('d.id', 7, 10)} - 15 * (g - 1) AS on_day) x
    WHERE d.collector_id IS NOT NULL AND ${bucket('d.id', 20, 20)} <> 0;

    -- Promises broken weeks ago (they weigh on priority and escalation).
    INSERT INTO promises (debtor_id, amount, currency, promised_on, state, paid_amount, judged_on, created_at)
    SELECT d.id, 100000 + (d.id % 40) * 5000, 'MXN', ${T} - 30 - 10 * g, 'broken', 0, ${T} - 26 - 10 * g, ${at4pm(`${T} - 40 - 10 * g`)}
    FROM debtors d CROSS JOIN generate_series(1, 1 + d.id % 2) g
    WHERE d.collector_id IS NOT NULL AND ${share('d.id', 80, 90)};

    -- Promises for today and the coming week: pending, not due for judgement yet.
    INSERT INTO promises (debtor_id, amount, currency, promised_on, created_at)
    SELECT d.id, 80000 + (d.id % 30) * 10000, 'MXN', ${T} + ${bucket('d.id', 8, 8)}, ${at4pm(`${T} - 3`)}
    FROM debtors d WHERE d.collector_id IS NOT NULL AND ${share('d.id', 90, 100)};

    -- Open barriers with an owner: some overdue, some due today, some later.
    INSERT INTO barriers (debtor_id, kind, description, owner_id, due_on, created_at)
    SELECT d.id,
           (ARRAY['missing_document', 'invoice_error', 'withholding_certificate', 'supplier_data', 'approval_pending', 'dispute', 'other'])[1 + d.id % 7]::barrier_kind,
           'Falta documentación para liberar el pago', d.collector_id, ${T} - 5 + ${bucket('d.id', 10, 10)}, ${at4pm(`${T} - 12`)}
    FROM debtors d WHERE d.collector_id IS NOT NULL AND ${bucket('d.id', 25, 25)} = 3;

    -- Announced consequences: some deadlines passed, some today, some ahead.
    INSERT INTO pressures (debtor_id, consequence, deadline, created_at)
    SELECT d.id, (ARRAY['legal', 'suspension', 'bureau', 'credit_withdrawal'])[1 + d.id % 4]::consequence, ${T} - 3 + ${bucket('d.id', 7, 7)}, ${at4pm(`${T} - 10`)}
    FROM debtors d WHERE d.collector_id IS NOT NULL AND ${bucket('d.id', 50, 50)} = 7;`);
}

/**
 * Yesterday's alarms run, without its messages: levels on the ladder and the alarms
 * already raised are what a daily run starts from. A first run ever would escalate
 * every overdue debtor at once, which is not what the stage is about.
 */
export async function previousAlarmsRun(bench: Bench): Promise<void> {
  const { db } = await bench.db.database();
  const { policy } = bench;
  const runDay = PREVIOUS_WORKING_DAY;
  const now = instantAt(policy.timeZone, runDay, policy.alarmsTime);
  await db.transaction(async (tx) => {
    const oldest = await oldestOverdue(tx, runDay);
    await recomputeLevels(tx, policy, runDay, now, oldest);
    await closeMetPressures(tx, runDay, now);
    const candidates = [
      ...(await pressureDeadlineAlarms(tx, runDay)),
      ...(await barrierOverdueAlarms(tx, runDay)),
      ...(await neglectAlarms(tx, policy, runDay, oldest)),
    ];
    const [team] = await tx.select({ id: teams.id }).from(teams).where(eq(teams.name, policy.teams[0]!.name));
    await raiseAlarms(tx, { candidates, runDay, defaultTeamId: team?.id ?? null });
    await tx.execute(sql`insert into job_runs (job, run_on, state, finished_at, summary) values ('alarms', ${runDay}, 'done', now(), 'previous run')`);
  });
}

/**
 * Promises made in a call two weeks ago, one in ten a plan of three instalments: 30% of the
 * debtors' fall due for judgement today, 20% tomorrow. A quarter of them were paid in full
 * and a quarter in part, dated before the run.
 */
export async function createDuePromises(bench: Bench): Promise<void> {
  const raw = await bench.db.raw();
  const batch = (from: number, to: number, promised: (id: string) => string, made: string, paidOn: string, prefix: string) => `
    WITH calls AS (
      INSERT INTO contact_logs (debtor_id, author_id, outcome_type, channel, reached, note, next_contact_on, contacted_at)
      SELECT d.id, d.collector_id, 'commitment', 'phone', true, 'Se compromete a pagar', ${promised('d.id')} + 1, ${at5pm(made)}
      FROM debtors d WHERE d.collector_id IS NOT NULL AND ${share('d.id', from, to)}
      RETURNING id, debtor_id, contacted_at
    ), made AS (
      INSERT INTO promises (debtor_id, contact_log_id, amount, currency, promised_on, instalment_no, instalment_count, created_at)
      SELECT c.debtor_id, c.id, 50000 + (c.debtor_id % 60) * 10000, 'MXN', ((${promised('c.debtor_id')}) + (g - 1) * interval '1 month')::date, g, k.n, c.contacted_at
      FROM calls c
      CROSS JOIN LATERAL (SELECT CASE WHEN ${bucket('c.debtor_id', 100, 10)} = 0 THEN 3 ELSE 1 END AS n) k
      CROSS JOIN LATERAL generate_series(1, k.n) g
      RETURNING id, debtor_id, amount, instalment_no
    )
    INSERT INTO payments (external_id, debtor_id, paid_on, amount, currency, method, reference)
    SELECT '${prefix}' || m.id, m.debtor_id, ${paidOn}, CASE WHEN ${bucket('m.debtor_id', 4, 4)} = 0 THEN m.amount ELSE m.amount / 2 END, 'MXN', 'SPEI', 'Pago comprometido'
    FROM made m WHERE m.instalment_no = 1 AND ${bucket('m.debtor_id', 4, 4)} IN (0, 1);`;
  const T = day(TODAY);
  await raw.exec(batch(0, 30, (id) => `${T} - 5 - ${id} % 3`, `${T} - 12 - d.id % 5`, `${T} - 3`, 'PBA'));
  await raw.exec(batch(30, 50, () => `${T} - 4`, `${T} - 10`, `${day(NEXT_WORKING_DAY)} - 2`, 'PBB'));
}

/** Planner statistics, as autovacuum would have them on a server that has run a while. */
export async function analyze(bench: Bench): Promise<void> {
  await (await bench.db.raw()).exec('ANALYZE');
}
