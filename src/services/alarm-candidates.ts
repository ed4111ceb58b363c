import { sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { jsonIds } from '../db/json-rows.js';
import { queryRows } from '../db/query-rows.js';
import { calendarOf, daysAgoInWorkingDays, daysBetween, workingDaysBetween, type IsoDate } from '../domain/calendar.js';
import { formatMoney } from '../domain/money.js';
import type { Policy } from '../domain/policy.js';
import type { AlarmKind, Role } from '../domain/vocabulary.js';
import { byDebtorRanges } from './debtor-ranges.js';
import { idsBetween } from './overdue.js';

/** An alarm the rules call for; raised only if its unique key was never raised before. */
export interface AlarmCandidate {
  kind: AlarmKind;
  debtorId: number;
  /** (kind, debtor, subject, date): the same situation never alarms twice. */
  uniqueKey: string;
  params: Record<string, string | number | null>;
  mentions: string[];
  /** Roles of the debtor's team to mention as well (the lead at level 2, the manager above). */
  mentionRoles: Role[];
}

/** Whether debtor `d` still owes something that fell due before `runDay` (the ERP's open amounts). */
export const OVERDUE = (runDay: IsoDate) =>
  sql`exists (select 1 from invoices i where i.debtor_id = d.id and i.open_amount > 0 and i.due_date < ${runDay}::date)`;

function amountsText(value: Record<string, string | number> | string | null, policy: Policy): string {
  const parsed = typeof value === 'string' ? (JSON.parse(value) as Record<string, string | number>) : (value ?? {});
  return Object.entries(parsed)
    .map(([currency, minor]) => formatMoney(Number(minor), currency, policy.locale))
    .join(' + ');
}

/** Pending consequences of debtors who paid everything overdue are met: nothing to apply. */
export async function closeMetPressures(db: Db, runDay: IsoDate, now: Date): Promise<void> {
  await db.execute(sql`
    update pressures pr set state = 'met', resolved_at = ${now.toISOString()}::timestamptz
    from debtors d
    where d.id = pr.debtor_id and pr.state = 'pending' and not ${OVERDUE(runDay)}`);
}

/** Announced consequences whose deadline passed while money is still overdue: apply them. */
export async function pressureDeadlineAlarms(db: Db, runDay: IsoDate): Promise<AlarmCandidate[]> {
  const rows = await queryRows<{ id: number; debtor_id: number; consequence: string; deadline: string }>(
    db,
    sql`select pr.id, pr.debtor_id, pr.consequence, pr.deadline::text as deadline
        from pressures pr join debtors d on d.id = pr.debtor_id
        where pr.state = 'pending' and pr.deadline < ${runDay}::date and ${OVERDUE(runDay)}`,
  );
  return rows.map((r) => ({
    kind: 'pressure_deadline',
    debtorId: Number(r.debtor_id),
    uniqueKey: `pressure_deadline:${r.debtor_id}:${r.id}:${r.deadline}`,
    params: { consequence: r.consequence, deadline: r.deadline },
    mentions: [],
    mentionRoles: ['lead'],
  }));
}

/** The unique key of a barrier's overdue alarm: its due date never moves, so one alarm at most. */
export function barrierOverdueKey(barrier: { id: number; debtorId: number; dueOn: IsoDate }): string {
  return `barrier_overdue:${barrier.debtorId}:${barrier.id}:${barrier.dueOn}`;
}

/** Barrier cases past their due date; the owner is mentioned. */
export async function barrierOverdueAlarms(db: Db, runDay: IsoDate): Promise<AlarmCandidate[]> {
  const rows = await queryRows<{ id: number; debtor_id: number; kind: string; due_on: string; owner: string }>(
    db,
    sql`select b.id, b.debtor_id, b.kind, b.due_on::text as due_on, u.slack_user_id as owner
        from barriers b join users u on u.id = b.owner_id
        where b.state = 'open' and b.due_on < ${runDay}::date`,
  );
  return rows.map((r) => ({
    kind: 'barrier_overdue',
    debtorId: Number(r.debtor_id),
    uniqueKey: barrierOverdueKey({ id: Number(r.id), debtorId: Number(r.debtor_id), dueOn: r.due_on }),
    // The id lets the alarm offer `resolve_barrier` and show the barrier's state.
    params: { kind: r.kind, owner: r.owner, dueOn: r.due_on, barrierId: Number(r.id) },
    mentions: [r.owner],
    mentionRoles: [],
  }));
}

type NeglectRow = {
  id: number;
  collector_id: number | null;
  last_contact: string | null;
  overdue: Record<string, string | number> | string | null;
};

/**
 * Overdue debtors nobody has contacted for `noContactWorkingDays` working days (counted
 * from the last contact, or from when the oldest invoice fell due), and overdue debtors
 * without a collector. Keyed by the last contact (or the due date), so each silence
 * alarms once. `oldest`: each overdue debtor's oldest due date (`oldestOverdue`). Asked in
 * short statements (see debtor-ranges.ts).
 */
export async function neglectAlarms(db: Db, policy: Policy, runDay: IsoDate, oldest: ReadonlyMap<number, IsoDate>): Promise<AlarmCandidate[]> {
  const cal = calendarOf(policy);
  // A debtor last heard from (or overdue since) this day or earlier has been silent long enough.
  const silentSince = daysAgoInWorkingDays(cal, runDay, policy.noContactWorkingDays);
  const silentSinceOf = (r: NeglectRow) => {
    const due = oldest.get(Number(r.id))!;
    return r.last_contact && r.last_contact > due ? r.last_contact : due;
  };
  const candidate = (r: NeglectRow): AlarmCandidate => {
    const debtorId = Number(r.id);
    if (r.collector_id === null) {
      return {
        kind: 'no_collector',
        debtorId,
        uniqueKey: `no_collector:${debtorId}:${oldest.get(debtorId)!}`,
        params: { amount: amountsText(r.overdue, policy) },
        mentions: [],
        mentionRoles: ['lead'],
      };
    }
    const since = silentSinceOf(r);
    return {
      kind: 'no_contact',
      debtorId,
      uniqueKey: `no_contact:${debtorId}:${r.last_contact ?? 'never'}:${oldest.get(debtorId)!}`,
      params: { days: daysBetween(since, runDay), workingDays: workingDaysBetween(cal, since, runDay) },
      mentions: [],
      mentionRoles: [],
    };
  };
  // Each range's candidates are built as its rows arrive: the app's event loop is held for one range's work at most.
  return byDebtorRanges(db, async (from, to) => {
    const ids = idsBetween(oldest, from, to);
    if (ids.length === 0) return [];
    const rows = await queryRows<NeglectRow>(
      db,
      sql`select d.id, d.collector_id, (lc.contacted_at at time zone ${policy.timeZone})::date::text as last_contact,
            -- Only an unassigned debtor's alarm names the amount.
            case when d.collector_id is null then (select jsonb_object_agg(currency, total) from (
               select i.currency, sum(i.open_amount) as total from invoices i
               where i.debtor_id = d.id and i.open_amount > 0 and i.due_date < ${runDay}::date group by i.currency) x) end as overdue
          from debtors d left join last_contacts lc on lc.debtor_id = d.id
          where d.id in ${jsonIds(ids)}`,
    );
    return rows.filter((r) => r.collector_id === null || silentSinceOf(r) <= silentSince).map(candidate);
  });
}
