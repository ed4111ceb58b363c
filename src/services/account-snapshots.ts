import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { queryRows } from '../db/query-rows.js';
import type { IsoDate } from '../domain/calendar.js';
import { effectiveCreditStatus } from '../domain/credit.js';
import type { CreditStatus, Risk } from '../domain/vocabulary.js';

/** Everything the collection rules need to know about one debtor's account on a day. */
export interface AccountSnapshot {
  debtorId: number;
  externalId: string;
  name: string;
  collectorId: number | null;
  escalationLevel: number;
  /** The status that applies: the stricter of the ERP's and the team's decision. */
  creditStatus: CreditStatus;
  risk: Risk;
  /** Overdue minor units per currency (invoices due before today, still open). */
  overdue: Record<string, number>;
  /** Open minor units per currency, due or not. */
  open: Record<string, number>;
  oldestOverdueDue: IsoDate | null;
  nextDue: IsoDate | null;
  pendingPromises: number;
  promisesDueToday: number;
  brokenPromises: number;
  openBarriers: number;
  barriersDueToday: number;
  barriersOverdue: number;
  pressuresPending: number;
  pressureDeadlinesToday: number;
  pressureDeadlinesPassed: number;
  /** Day of the latest contact logged (in the policy's time zone); null when never contacted. */
  lastContactOn: IsoDate | null;
  nextContactOn: IsoDate | null;
  hasPaid: boolean;
}

type Count = string | number | null;
/** One snapshot row as the query sends it: a JSON array, in the order of `COLUMNS`. */
type Row = [
  debtorId: number,
  externalId: string,
  name: string,
  collectorId: number | null,
  escalationLevel: number,
  erpCreditStatus: CreditStatus,
  risk: Risk,
  currencies: string[] | null,
  open: Array<string | number> | null,
  overdue: Array<string | number> | null,
  oldestOverdueDue: string | null,
  nextDue: string | null,
  pendingPromises: Count,
  promisesDueToday: Count,
  brokenPromises: Count,
  openBarriers: Count,
  barriersDueToday: Count,
  barriersOverdue: Count,
  pressuresPending: Count,
  pressureToday: Count,
  pressurePassed: Count,
  lastContactOn: string | null,
  nextContactOn: string | null,
  hasPaid: boolean,
  teamCreditStatus: CreditStatus | null,
];

/** The columns of `Row`, in its order. */
const COLUMNS = sql.raw(`d.id, d.external_id, d.name, d.collector_id, d.escalation_level, d.credit_status, d.risk,
      inv.currencies, inv.open, inv.overdue, inv.oldest::text, inv.next_due::text,
      pr.pending, pr.due_today, pr.broken,
      ba.open, ba.due_today, ba.overdue,
      ps.pending, ps.today, ps.passed,
      cl.last_on::text, cl.next_contact_on::text,
      exists (select 1 from payments p where p.debtor_id = d.id), d.team_credit_status`);

function perCurrency(currencies: string[] | null, minor: Array<string | number> | null, keepZero: boolean): Record<string, number> {
  const result: Record<string, number> = {};
  currencies?.forEach((currency, i) => {
    const value = Number(minor?.[i] ?? 0);
    if (keepZero || value > 0) result[currency] = value;
  });
  return result;
}

/** Which debtors a query covers; `rows` narrows each table aggregated per debtor the same way. */
interface Scope {
  debtors: SQL;
  rows: (debtorId: SQL) => SQL;
  /** Keeps only accounts that may have work today (see `mayHaveWork`). */
  workUntil?: IsoDate;
}

/**
 * What every account on today's list has, whatever `todaysWork` then decides: something
 * falls due today, or an invoice is overdue or falls due by `preventiveUntil` and either
 * the next contact date has come or a pressure deadline passed. The rules stay in the
 * domain; this only spares reading the accounts that cannot qualify (at 100,000 debtors,
 * 71,352 of 97,991).
 */
function mayHaveWork(day: SQL, preventiveUntil: IsoDate): SQL {
  return sql`(pr.due_today > 0 or ps.today > 0 or ba.due_today > 0
    or ((inv.oldest < ${day} or inv.next_due <= ${preventiveUntil}::date)
        and (cl.next_contact_on is null or cl.next_contact_on <= ${day} or ps.passed > 0)))`;
}

/**
 * Invoices, promises, barriers, pressures and contacts aggregated per debtor, each table
 * grouped once and joined by debtor id, so every collector's list costs one pass over
 * each table rather than one lookup per debtor. Dates are cast to text so both drivers
 * return 'YYYY-MM-DD'.
 */
async function snapshots(db: Db, today: IsoDate, timeZone: string, scope: Scope): Promise<AccountSnapshot[]> {
  const day = sql`${today}::date`;
  // Each row comes as one JSON array: at 100,000 debtors, decoding two dozen columns per
  // row in the driver cost more than the query itself, and an object with the column
  // names sent 15 MB for the morning's lists where the array sends 6 MB.
  const rows = await queryRows<{ json: string }>(
    db,
    sql`
    with per_currency as (
      select debtor_id, currency, sum(open_amount)::int8 as open,
             (coalesce(sum(open_amount) filter (where due_date < ${day}), 0))::int8 as overdue,
             min(due_date) filter (where due_date < ${day}) as oldest,
             min(due_date) filter (where due_date >= ${day}) as next_due
      from invoices where open_amount > 0 and ${scope.rows(sql`debtor_id`)} group by debtor_id, currency
    ), inv as (
      select debtor_id, array_agg(currency::text) as currencies, array_agg(open) as open, array_agg(overdue) as overdue,
             min(oldest) as oldest, min(next_due) as next_due
      from per_currency group by debtor_id
    ), pr as (
      select debtor_id, count(*) filter (where state = 'pending') as pending,
             count(*) filter (where state = 'pending' and promised_on = ${day}) as due_today,
             count(*) filter (where state = 'broken') as broken
      from promises where state in ('pending', 'broken') and ${scope.rows(sql`debtor_id`)} group by debtor_id
    ), ba as (
      select debtor_id, count(*) as open, count(*) filter (where due_on = ${day}) as due_today,
             count(*) filter (where due_on < ${day}) as overdue
      from barriers where state = 'open' and ${scope.rows(sql`debtor_id`)} group by debtor_id
    ), ps as (
      select debtor_id, count(*) as pending, count(*) filter (where deadline = ${day}) as today,
             count(*) filter (where deadline < ${day}) as passed
      from pressures where state = 'pending' and ${scope.rows(sql`debtor_id`)} group by debtor_id
    ), cl as (
      select distinct on (debtor_id) debtor_id, (contacted_at at time zone ${timeZone})::date as last_on, next_contact_on
      from contact_logs where ${scope.rows(sql`debtor_id`)} order by debtor_id, contacted_at desc
    )
    select json_build_array(${COLUMNS})::text as json
    from debtors d
    left join inv on inv.debtor_id = d.id
    left join pr on pr.debtor_id = d.id
    left join ba on ba.debtor_id = d.id
    left join ps on ps.debtor_id = d.id
    left join cl on cl.debtor_id = d.id
    where ${scope.debtors}${scope.workUntil ? sql` and ${mayHaveWork(day, scope.workUntil)}` : sql``}
    order by d.id`,
  );
  return rows.map(({ json }) => {
    const r = JSON.parse(json) as Row;
    return {
      debtorId: Number(r[0]),
      externalId: r[1],
      name: r[2],
      collectorId: r[3] === null ? null : Number(r[3]),
      escalationLevel: Number(r[4]),
      creditStatus: effectiveCreditStatus(r[5], r[24]),
      risk: r[6],
      overdue: perCurrency(r[7], r[9], false),
      open: perCurrency(r[7], r[8], true),
      oldestOverdueDue: r[10],
      nextDue: r[11],
      pendingPromises: Number(r[12] ?? 0),
      promisesDueToday: Number(r[13] ?? 0),
      brokenPromises: Number(r[14] ?? 0),
      openBarriers: Number(r[15] ?? 0),
      barriersDueToday: Number(r[16] ?? 0),
      barriersOverdue: Number(r[17] ?? 0),
      pressuresPending: Number(r[18] ?? 0),
      pressureDeadlinesToday: Number(r[19] ?? 0),
      pressureDeadlinesPassed: Number(r[20] ?? 0),
      lastContactOn: r[21],
      nextContactOn: r[22],
      hasPaid: r[23],
    };
  });
}

export interface SnapshotScope {
  today: IsoDate;
  timeZone: string;
}

/** Accounts that may be on today's list: the last day a preventive reminder looks ahead to. */
export interface WorkScope extends SnapshotScope {
  preventiveUntil: IsoDate;
}

export function snapshotsOfCollector(db: Db, collectorId: number, scope: WorkScope) {
  return snapshots(db, scope.today, scope.timeZone, {
    debtors: sql`d.collector_id = ${collectorId}`,
    rows: (debtorId) => sql`${debtorId} in (select id from debtors where collector_id = ${collectorId})`,
    workUntil: scope.preventiveUntil,
  });
}

/** Every debtor with a collector; the tables are read whole, which beats a filter on almost all rows. */
export function snapshotsOfAssignedDebtors(db: Db, scope: WorkScope) {
  return snapshots(db, scope.today, scope.timeZone, { debtors: sql`d.collector_id is not null`, rows: () => sql`true`, workUntil: scope.preventiveUntil });
}

export async function snapshotOfDebtor(db: Db, debtorId: number, scope: SnapshotScope) {
  const [snapshot] = await snapshots(db, scope.today, scope.timeZone, {
    debtors: sql`d.id = ${debtorId}`,
    rows: (column) => sql`${column} = ${debtorId}`,
  });
  return snapshot;
}
