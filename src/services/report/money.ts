import { sql } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import { queryRows } from '../../db/query-rows.js';
import { AGING_BUCKETS, type AgingBucket } from '../../domain/aging.js';
import { addDays, type IsoDate } from '../../domain/calendar.js';
import { historyTeam, scopedDebtors, scopedHistory, type ReportScope } from './scope.js';
import type { ReportWeek } from './types.js';

// Every amount here is in minor units of one currency: sums are grouped by currency and
// never added across currencies.

export function emptyAging(): Record<AgingBucket, number> {
  return { current: 0, '1-30': 0, '31-60': 0, '61-90': 0, '90+': 0 };
}

/** Overdue: every bucket but `current`. */
export function overdueOf(aging: Record<AgingBucket, number>): number {
  return AGING_BUCKETS.reduce((sum, b) => (b === 'current' ? sum : sum + aging[b]), 0);
}

export function openOf(aging: Record<AgingBucket, number>): number {
  return AGING_BUCKETS.reduce((sum, b) => sum + aging[b], 0);
}

/** Money a team saw move in one week, by person (the debtor's current collector; null: none) and currency. */
export interface WeekFlows {
  /** Keyed by the week's Monday, then currency: the team's collected amount. */
  collectedByWeek: Map<IsoDate, Map<string, number>>;
  /** Keyed by collector (null: no collector), then currency, for `week` only. */
  collected: Map<number | null, Map<string, number>>;
  promisedDue: Map<number | null, Map<string, number>>;
}

function add<K>(map: Map<K, Map<string, number>>, key: K, currency: string, amount: number) {
  let inner = map.get(key);
  if (!inner) {
    inner = new Map();
    map.set(key, inner);
  }
  inner.set(currency, (inner.get(currency) ?? 0) + amount);
}

/** An entry per team of the scope, each made by `empty`. */
function perTeam<T>(scope: ReportScope, empty: () => T): Map<number, T> {
  return new Map(scope.teams.map((t) => [t.id, empty()]));
}

type FlowRow = { kind: string; team_id: number; week_start: string; collector_id: number | null; currency: string; amount: number | string };

/**
 * In one query, for the debtors of each team of the scope (keyed by team id):
 * - collected: payments whose `paid_on` falls in a week, credited to the debtor's current
 *   collector, per currency (for every week from `first.start` to `week.end`);
 * - promisedDue: promises (not cancelled, whatever else their state) whose `promised_on`
 *   falls in `week`, their amount per currency, credited to the debtor's current collector.
 */
export async function weekFlows(db: Db, scope: ReportScope, week: ReportWeek, first: ReportWeek): Promise<Map<number, WeekFlows>> {
  const rows = await queryRows<FlowRow>(
    db,
    sql`
    select 'collected' as kind, s.team_id, (p.paid_on - (extract(isodow from p.paid_on)::int - 1))::text as week_start,
           s.collector_id, p.currency::text as currency, sum(p.amount) as amount
    from payments p join ${scopedDebtors(scope)} on s.debtor_id = p.debtor_id
    where p.paid_on between ${first.start}::date and ${week.end}::date
    group by 2, 3, 4, 5
    union all
    select 'promised', s.team_id, ${week.start}::text, s.collector_id, pr.currency::text, sum(pr.amount)
    from promises pr join ${scopedDebtors(scope)} on s.debtor_id = pr.debtor_id
    where pr.promised_on between ${week.start}::date and ${week.end}::date and pr.state <> 'cancelled'
    group by 2, 3, 4, 5`,
  );
  const result = perTeam<WeekFlows>(scope, () => ({ collectedByWeek: new Map(), collected: new Map(), promisedDue: new Map() }));
  for (const r of rows) {
    const flows = result.get(Number(r.team_id))!;
    const amount = Number(r.amount);
    const collector = r.collector_id === null ? null : Number(r.collector_id);
    if (r.kind === 'promised') add(flows.promisedDue, collector, r.currency, amount);
    else {
      add(flows.collectedByWeek, r.week_start, r.currency, amount);
      if (r.week_start === week.start) add(flows.collected, collector, r.currency, amount);
    }
  }
  return result;
}

/** What `receivable_history` says was owed as of one date, for the team. */
export interface Position {
  /** The history day used: the latest recorded (by any team) on or before the date; null: no history yet. */
  day: IsoDate | null;
  /** By currency: the team's aging. */
  team: Map<string, Record<AgingBucket, number>>;
  /** By collector (null: no collector), then currency. */
  byCollector: Map<number | null, Map<string, Record<AgingBucket, number>>>;
}

type PositionRow = {
  target: string;
  day: string | null;
  team_id: number | null;
  collector_id: number | null;
  currency: string | null;
  bucket: string | null;
  open: number | string | null;
};

/**
 * In one query, each team's aging as of each date in `asOf` (the week ends of the report's
 * history): the rows of `receivable_history` of the latest day on or before that date. The
 * day is looked up across all teams, since the alarms job records every team at once: a team
 * with nothing owed that day is owed nothing, not taken from an older day. Keyed by team id.
 */
export async function positions(db: Db, scope: ReportScope, asOf: readonly IsoDate[]): Promise<Map<number, Map<IsoDate, Position>>> {
  const rows = await queryRows<PositionRow>(
    db,
    sql`
    with targets as (
      select t::date as target from jsonb_array_elements_text(${JSON.stringify(asOf)}::jsonb) t
    ), resolved as (
      select target, (select max(day) from receivable_history where day <= target) as day from targets
    )
    select r.target::text as target, r.day::text as day, ${historyTeam(scope)} as team_id, h.collector_id, h.currency, h.bucket, sum(h.open) as open
    from resolved r left join receivable_history h on h.day = r.day and ${scopedHistory(scope)}
    group by 1, 2, 3, 4, 5, 6`,
  );
  const result = perTeam(scope, () => new Map(asOf.map((date): [IsoDate, Position] => [date, { day: null, team: new Map(), byCollector: new Map() }])));
  for (const r of rows) {
    for (const byDate of result.values()) byDate.get(r.target)!.day = r.day;
    if (r.team_id === null || r.currency === null || r.bucket === null) continue;
    addPosition(result.get(Number(r.team_id))!.get(r.target)!, r.collector_id === null ? null : Number(r.collector_id), r.currency, r.bucket as AgingBucket, Number(r.open));
  }
  return result;
}

function addPosition(position: Position, collector: number | null, currency: string, bucket: AgingBucket, open: number) {
  let team = position.team.get(currency);
  if (!team) position.team.set(currency, (team = emptyAging()));
  team[bucket] += open;
  let byCurrency = position.byCollector.get(collector);
  if (!byCurrency) position.byCollector.set(collector, (byCurrency = new Map<string, Record<AgingBucket, number>>()));
  let aging = byCurrency.get(currency);
  if (!aging) byCurrency.set(currency, (aging = emptyAging()));
  aging[bucket] += open;
}

/** Credit sales per currency: the amounts of the team's invoices issued in a period. */
export interface Sales {
  /** The 28 days ending at the week's end (the CEI's period). */
  fourWeeks: number;
  /** The 90 days ending at the week's end (the DSO's). */
  ninetyDays: number;
}

/**
 * In one query, per team of the scope (keyed by team id) and currency, the sum of `amount`
 * of the team's invoices (whatever is still open) with `issue_date` in the 28 and in the 90
 * days ending at `end`.
 */
export async function sales(db: Db, scope: ReportScope, end: IsoDate): Promise<Map<number, Map<string, Sales>>> {
  const rows = await queryRows<{ team_id: number; currency: string; four_weeks: number | string; ninety_days: number | string }>(
    db,
    sql`
    select s.team_id, i.currency, sum(i.four_weeks) as four_weeks, sum(i.ninety_days) as ninety_days
    from (
      select debtor_id, currency::text as currency, sum(amount) as ninety_days,
             coalesce(sum(amount) filter (where issue_date >= ${addDays(end, -27)}::date), 0) as four_weeks
      from invoices
      where issue_date between ${addDays(end, -89)}::date and ${end}::date
      group by 1, 2
    ) i join ${scopedDebtors(scope)} on s.debtor_id = i.debtor_id
    group by 1, 2`,
  );
  const result = perTeam(scope, () => new Map<string, Sales>());
  for (const r of rows) result.get(Number(r.team_id))!.set(r.currency, { fourWeeks: Number(r.four_weeks), ninetyDays: Number(r.ninety_days) });
  return result;
}

export type TopOverdue = Array<{ debtorId: number; name: string; overdue: number }>;

/**
 * In one query, per team of the scope (keyed by team id) and currency, the ten debtors of
 * the team owing the most overdue money, largest first, from the live invoices (not the
 * history): open amount (> 0) of invoices with `due_date` before `cutoff`. For a past week
 * the cutoff is the day after the week's end, so an invoice due on the Sunday counts: it is
 * overdue when the report goes out.
 */
export async function topOverdue(db: Db, scope: ReportScope, cutoff: IsoDate, limit = 10): Promise<Map<number, Map<string, TopOverdue>>> {
  const rows = await queryRows<{ team_id: number; currency: string; debtor_id: number; name: string; overdue: number | string }>(
    db,
    sql`
    select team_id, currency, debtor_id, name, overdue from (
      select s.team_id, i.currency, d.id as debtor_id, d.name, i.overdue,
             row_number() over (partition by s.team_id, i.currency order by i.overdue desc, d.name, d.id) as rank
      from (
        select debtor_id, currency::text as currency, sum(open_amount) as overdue
        from invoices
        where open_amount > 0 and due_date < ${cutoff}::date
        group by 1, 2
      ) i join ${scopedDebtors(scope)} on s.debtor_id = i.debtor_id join debtors d on d.id = i.debtor_id
    ) ranked
    where rank <= ${limit}
    order by team_id, currency, rank`,
  );
  const result = perTeam(scope, () => new Map<string, TopOverdue>());
  for (const r of rows) {
    const byCurrency = result.get(Number(r.team_id))!;
    let list = byCurrency.get(r.currency);
    if (!list) byCurrency.set(r.currency, (list = []));
    list.push({ debtorId: Number(r.debtor_id), name: r.name, overdue: Number(r.overdue) });
  }
  return result;
}
