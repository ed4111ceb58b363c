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
}

type Count = string | number | null;
/** One snapshot row, named. */
interface Row {
  debtorId: number;
  externalId: string;
  name: string;
  collectorId: number | null;
  escalationLevel: number;
  erpCreditStatus: CreditStatus;
  teamCreditStatus: CreditStatus | null;
  risk: Risk;
  currencies: string[] | null;
  open: Array<string | number> | null;
  overdue: Array<string | number> | null;
  oldestOverdueDue: string | null;
  nextDue: string | null;
  pendingPromises: Count;
  promisesDueToday: Count;
  brokenPromises: Count;
  openBarriers: Count;
  barriersDueToday: Count;
  barriersOverdue: Count;
  pressuresPending: Count;
  pressureToday: Count;
  pressurePassed: Count;
  lastContactOn: string | null;
  nextContactOn: string | null;
}

/**
 * Each `Row` field and the expression that selects it. The row travels as one JSON array
 * (decoding two dozen named columns per row in the driver, or sending their names in every
 * row, costs more than the query at scale); the select list follows this object's order
 * and `AT` gives each field its place, so a column is named once.
 */
const COLUMNS: { readonly [K in keyof Row]: string } = {
  debtorId: 'd.id',
  externalId: 'd.external_id',
  name: 'd.name',
  collectorId: 'd.collector_id',
  escalationLevel: 'd.escalation_level',
  erpCreditStatus: 'd.credit_status',
  teamCreditStatus: 'd.team_credit_status',
  risk: 'd.risk',
  currencies: 'inv.currencies',
  open: 'inv.open',
  overdue: 'inv.overdue',
  oldestOverdueDue: 'inv.oldest::text',
  nextDue: 'inv.next_due::text',
  pendingPromises: 'pr.pending',
  promisesDueToday: 'pr.due_today',
  brokenPromises: 'pr.broken',
  openBarriers: 'ba.open',
  barriersDueToday: 'ba.due_today',
  barriersOverdue: 'ba.overdue',
  pressuresPending: 'ps.pending',
  pressureToday: 'ps.today',
  pressurePassed: 'ps.passed',
  lastContactOn: 'cl.last_on::text',
  nextContactOn: 'cl.next_contact_on::text',
};
const NAMES = Object.keys(COLUMNS) as Array<keyof Row>;
const SELECT_ARRAY = sql.raw(`json_build_array(${Object.values(COLUMNS).join(', ')})::text`);
/** Each field's place in the row's array. */
const AT = Object.fromEntries(NAMES.map((name, i) => [name, i])) as { readonly [K in keyof Row]: number };

/** A snapshot read straight from its row's array: a named row object per debtor would double the garbage at scale. */
function toSnapshot(json: string): AccountSnapshot {
  const values = JSON.parse(json) as unknown[];
  const r = <K extends keyof Row>(name: K) => values[AT[name]] as Row[K];
  const collectorId = r('collectorId');
  const currencies = r('currencies');
  return {
    debtorId: Number(r('debtorId')),
    externalId: r('externalId'),
    name: r('name'),
    collectorId: collectorId === null ? null : Number(collectorId),
    escalationLevel: Number(r('escalationLevel')),
    creditStatus: effectiveCreditStatus(r('erpCreditStatus'), r('teamCreditStatus')),
    risk: r('risk'),
    overdue: perCurrency(currencies, r('overdue'), false),
    open: perCurrency(currencies, r('open'), true),
    oldestOverdueDue: r('oldestOverdueDue'),
    nextDue: r('nextDue'),
    pendingPromises: Number(r('pendingPromises') ?? 0),
    promisesDueToday: Number(r('promisesDueToday') ?? 0),
    brokenPromises: Number(r('brokenPromises') ?? 0),
    openBarriers: Number(r('openBarriers') ?? 0),
    barriersDueToday: Number(r('barriersDueToday') ?? 0),
    barriersOverdue: Number(r('barriersOverdue') ?? 0),
    pressuresPending: Number(r('pressuresPending') ?? 0),
    pressureDeadlinesToday: Number(r('pressureToday') ?? 0),
    pressureDeadlinesPassed: Number(r('pressurePassed') ?? 0),
    lastContactOn: r('lastContactOn'),
    nextContactOn: r('nextContactOn'),
  };
}

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
 * domain; this only spares reading the accounts that cannot qualify, which on a
 * typical day are most of them.
 */
function mayHaveWork(day: SQL, preventiveUntil: IsoDate): SQL {
  return sql`(pr.due_today > 0 or ps.today > 0 or ba.due_today > 0
    or ((inv.oldest < ${day} or inv.next_due <= ${preventiveUntil}::date)
        and (cl.next_contact_on is null or cl.next_contact_on <= ${day} or ps.passed > 0)))`;
}

/**
 * Invoices, promises, barriers and pressures aggregated per debtor, each table grouped
 * once and joined by debtor id with the latest contact, so every collector's list costs
 * one pass over each table rather than one lookup per debtor.
 */
async function snapshots(db: Db, today: IsoDate, timeZone: string, scope: Scope): Promise<AccountSnapshot[]> {
  const rows = await queryRows<{ json: string }>(db, snapshotQuery(today, timeZone, scope));
  return rows.map(({ json }) => toSnapshot(json));
}

/** One row per debtor in `scope`, as a JSON array in `COLUMNS` order; dates as text so both drivers return 'YYYY-MM-DD'. */
function snapshotQuery(today: IsoDate, timeZone: string, scope: Scope): SQL {
  const day = sql`${today}::date`;
  return sql`
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
      select debtor_id, (contacted_at at time zone ${timeZone})::date as last_on, next_contact_on
      from last_contacts where ${scope.rows(sql`debtor_id`)}
    )
    select ${SELECT_ARRAY} as json
    from debtors d
    left join inv on inv.debtor_id = d.id
    left join pr on pr.debtor_id = d.id
    left join ba on ba.debtor_id = d.id
    left join ps on ps.debtor_id = d.id
    left join cl on cl.debtor_id = d.id
    where ${scope.debtors}${scope.workUntil ? sql` and ${mayHaveWork(day, scope.workUntil)}` : sql``}`;
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
