import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { queryRows } from '../db/query-rows.js';
import type { IsoDate } from '../domain/calendar.js';
import type { CreditStatus, Risk } from '../domain/vocabulary.js';

/** Everything the collection rules need to know about one debtor's account on a day. */
export interface AccountSnapshot {
  debtorId: number;
  externalId: string;
  name: string;
  collectorId: number | null;
  escalationLevel: number;
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
  /** Pending promises whose date is before today: still inside their grace period. */
  promisesAwaitingJudgement: number;
  brokenPromises: number;
  openBarriers: number;
  barriersDueToday: number;
  barriersOverdue: number;
  pressuresPending: number;
  pressureDeadlinesToday: number;
  pressureDeadlinesPassed: number;
  contactsLogged: number;
  contactsSinceOverdue: number;
  lastContactOn: IsoDate | null;
  nextContactOn: IsoDate | null;
  paymentsEver: number;
}

type Row = {
  debtor_id: number;
  external_id: string;
  name: string;
  collector_id: number | null;
  escalation_level: number;
  credit_status: CreditStatus;
  risk: Risk;
  overdue: Record<string, string | number> | string | null;
  open: Record<string, string | number> | string | null;
  oldest_overdue_due: string | null;
  next_due: string | null;
  pending_promises: string | number;
  promises_due_today: string | number;
  promises_awaiting: string | number;
  broken_promises: string | number;
  open_barriers: string | number;
  barriers_due_today: string | number;
  barriers_overdue: string | number;
  pressures_pending: string | number;
  pressure_today: string | number;
  pressure_passed: string | number;
  contacts_logged: string | number;
  contacts_since_overdue: string | number;
  last_contact_on: string | null;
  next_contact_on: string | null;
  payments_ever: string | number;
};

// Dates are cast to text in SQL so both drivers return 'YYYY-MM-DD'; jsonb may arrive as text.
function amounts(value: Row['overdue']): Record<string, number> {
  const parsed = typeof value === 'string' ? (JSON.parse(value) as Record<string, string | number>) : (value ?? {});
  return Object.fromEntries(Object.entries(parsed).map(([currency, minor]) => [currency, Number(minor)]));
}

/**
 * One set-based query for many debtors: invoices, promises, barriers, pressures and
 * contacts aggregated per debtor. `where` picks the debtors (a collector, one debtor…).
 */
async function snapshots(db: Db, today: IsoDate, timeZone: string, where: SQL): Promise<AccountSnapshot[]> {
  const rows = await queryRows<Row>(
    db,
    sql`
    select d.id as debtor_id, d.external_id, d.name, d.collector_id, d.escalation_level, d.credit_status, d.risk,
      inv.overdue, inv.open, inv.oldest_overdue_due::text, inv.next_due::text,
      coalesce(pr.pending, 0) as pending_promises, coalesce(pr.due_today, 0) as promises_due_today,
      coalesce(pr.awaiting, 0) as promises_awaiting, coalesce(pr.broken, 0) as broken_promises,
      coalesce(ba.open, 0) as open_barriers, coalesce(ba.due_today, 0) as barriers_due_today,
      coalesce(ba.overdue, 0) as barriers_overdue,
      coalesce(ps.pending, 0) as pressures_pending, coalesce(ps.today, 0) as pressure_today,
      coalesce(ps.passed, 0) as pressure_passed,
      coalesce(cl.logged, 0) as contacts_logged, coalesce(cl.since_overdue, 0) as contacts_since_overdue,
      cl.last_on::text as last_contact_on, cl.next_on::text as next_contact_on,
      coalesce(pay.n, 0) as payments_ever
    from debtors d
    left join lateral (
      select jsonb_object_agg(currency, overdue) filter (where overdue > 0) as overdue,
             jsonb_object_agg(currency, open) as open,
             min(oldest) as oldest_overdue_due, min(next_due) as next_due
      from (
        select currency, sum(open_amount) as open,
               coalesce(sum(open_amount) filter (where due_date < ${today}::date), 0) as overdue,
               min(due_date) filter (where due_date < ${today}::date) as oldest,
               min(due_date) filter (where due_date >= ${today}::date) as next_due
        from invoices where debtor_id = d.id and open_amount > 0 group by currency
      ) per_currency
    ) inv on true
    left join lateral (
      select count(*) filter (where state = 'pending') as pending,
             count(*) filter (where state = 'pending' and promised_on = ${today}::date) as due_today,
             count(*) filter (where state = 'pending' and promised_on < ${today}::date) as awaiting,
             count(*) filter (where state = 'broken') as broken
      from promises where debtor_id = d.id and state in ('pending', 'broken')
    ) pr on true
    left join lateral (
      select count(*) as open,
             count(*) filter (where due_on = ${today}::date) as due_today,
             count(*) filter (where due_on < ${today}::date) as overdue
      from barriers where debtor_id = d.id and state = 'open'
    ) ba on true
    left join lateral (
      select count(*) as pending,
             count(*) filter (where deadline = ${today}::date) as today,
             count(*) filter (where deadline < ${today}::date) as passed
      from pressures where debtor_id = d.id and state = 'pending'
    ) ps on true
    left join lateral (
      select count(*) as logged,
             count(*) filter (where (contacted_at at time zone ${timeZone})::date >= inv.oldest_overdue_due) as since_overdue,
             max((contacted_at at time zone ${timeZone})::date) as last_on,
             (array_agg(next_contact_on order by contacted_at desc))[1] as next_on
      from contact_logs where debtor_id = d.id
    ) cl on true
    left join lateral (select count(*) as n from (select 1 from payments where debtor_id = d.id limit 1) p) pay on true
    where ${where}
    order by d.id`,
  );
  return rows.map((r) => ({
    debtorId: Number(r.debtor_id),
    externalId: r.external_id,
    name: r.name,
    collectorId: r.collector_id === null ? null : Number(r.collector_id),
    escalationLevel: Number(r.escalation_level),
    creditStatus: r.credit_status,
    risk: r.risk,
    overdue: amounts(r.overdue),
    open: amounts(r.open),
    oldestOverdueDue: r.oldest_overdue_due,
    nextDue: r.next_due,
    pendingPromises: Number(r.pending_promises),
    promisesDueToday: Number(r.promises_due_today),
    promisesAwaitingJudgement: Number(r.promises_awaiting),
    brokenPromises: Number(r.broken_promises),
    openBarriers: Number(r.open_barriers),
    barriersDueToday: Number(r.barriers_due_today),
    barriersOverdue: Number(r.barriers_overdue),
    pressuresPending: Number(r.pressures_pending),
    pressureDeadlinesToday: Number(r.pressure_today),
    pressureDeadlinesPassed: Number(r.pressure_passed),
    contactsLogged: Number(r.contacts_logged),
    contactsSinceOverdue: Number(r.contacts_since_overdue),
    lastContactOn: r.last_contact_on,
    nextContactOn: r.next_contact_on,
    paymentsEver: Number(r.payments_ever),
  }));
}

export interface SnapshotScope {
  today: IsoDate;
  timeZone: string;
}

export function snapshotsOfCollector(db: Db, collectorId: number, scope: SnapshotScope) {
  return snapshots(db, scope.today, scope.timeZone, sql`d.collector_id = ${collectorId}`);
}

export function snapshotsOfAssignedDebtors(db: Db, scope: SnapshotScope) {
  return snapshots(db, scope.today, scope.timeZone, sql`d.collector_id is not null`);
}

export async function snapshotOfDebtor(db: Db, debtorId: number, scope: SnapshotScope) {
  const [snapshot] = await snapshots(db, scope.today, scope.timeZone, sql`d.id = ${debtorId}`);
  return snapshot;
}
