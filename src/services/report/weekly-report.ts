import { inArray } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import { users } from '../../db/schema/index.js';
import type { AgingBucket } from '../../domain/aging.js';
import { addDays, type IsoDate } from '../../domain/calendar.js';
import type { Policy } from '../../domain/policy.js';
import { weeksEndingWith } from '../../domain/report-week.js';
import { emptyActivity, weekActivity, type TeamActivity } from './activity.js';
import { emptyAging, openOf, overdueOf, positions, sales, topOverdue, weekFlows, type Position, type Sales, type TopOverdue, type WeekFlows } from './money.js';
import { collectionEffectiveness, daysSalesOutstanding } from './ratios.js';
import { reportScope } from './scope.js';
import type { CollectorReport, CurrencyReport, MoneyFigures, ReportWeek, WeeklyReport } from './types.js';

export interface WeeklyReportsInput {
  /** The teams reported, in the order of the answer. */
  teamIds: readonly number[];
  week: ReportWeek;
  /** The day the report is made: an invoice counts as overdue in `topOverdue` only if due before it. */
  today: IsoDate;
}

export type WeeklyReportInput = Omit<WeeklyReportsInput, 'teamIds'> & { teamId: number };

/** How many weeks the report's history (and chart) shows, this one included. */
export const HISTORY_WEEKS = 12;

/**
 * A team's figures for a Monday-to-Sunday week (see DESIGN, "Measuring the work"). All
 * money is in minor units, per currency, never added across currencies. The team's
 * debtors are those whose current collector is in the team (plus the debtors without a
 * collector, in the policy's first team, as collector `null`).
 *
 * - collected: payments with `paid_on` in the week, credited to the debtor's current collector;
 * - promisedDue: promises (not cancelled) with `promised_on` in the week, their amount;
 * - activity: see `weekActivity` (contacts by author in local days, debtors worked, notices
 *   sent, promises judged in the week: kept, partial, broken; keptRate = kept ÷ judged);
 * - aging / overdueNow: `receivable_history` of the latest recorded day on or before the
 *   week's end (overdue = every bucket but current); overdueFourWeeksAgo: the same on or
 *   before the week's end − 28 days, null when there is no history that old;
 * - cei: over the 28 days ending at the week's end, (B + S − E) ÷ (B + S − C) × 100 with
 *   B = open at the period's start (history on or before its eve, the week's end − 28; 0 when none),
 *   S = credit sales (amounts of invoices issued in the period), E = open at the end,
 *   C = its current part (both from `aging`); null when B + S − C = 0;
 * - dso: open at the end (E) ÷ amounts invoiced in the 90 days ending at the week's end × 90;
 *   null when nothing was invoiced;
 * - topOverdue: the ten debtors with the largest overdue open amount, from the live invoices,
 *   due before the day after the week's end (or before `today` while the week is running);
 * - history: the 12 weeks ending with this one, oldest first: aging at each week's end (as
 *   above) and collected in that week.
 *
 * `collectors`: the team's users with the role collector, and anyone else of the team with a
 * figure (a lead who logged contacts), by name; then `null` (debtors without a collector, name
 * '') when it has a figure. Each collector's `money` holds the currencies it has a figure in.
 * Currencies: the policy's currency first, then by code.
 */
export async function weeklyReport(db: Db, policy: Policy, input: WeeklyReportInput): Promise<WeeklyReport> {
  const [report] = await weeklyReports(db, policy, { ...input, teamIds: [input.teamId] });
  return report!;
}

/** `weeklyReport` for several teams, each figure read once for all of them. */
export async function weeklyReports(db: Db, policy: Policy, input: WeeklyReportsInput): Promise<WeeklyReport[]> {
  const { week, today } = input;
  if (input.teamIds.length === 0) return [];
  const scope = await reportScope(db, policy, input.teamIds);
  const weeks = weeksEndingWith(week, HISTORY_WEEKS);
  const fourWeeksBefore = addDays(week.end, -28);
  const dayAfter = addDays(week.end, 1);
  const cutoff = today < dayAfter ? today : dayAfter;

  const [activity, flows, position, sold, top, members] = await Promise.all([
    weekActivity(db, policy, scope, week),
    weekFlows(db, scope, week, weeks[0]!),
    positions(db, scope, [...new Set([...weeks.map((w) => w.end), fourWeeksBefore])]),
    sales(db, scope, week.end),
    topOverdue(db, scope, cutoff),
    db
      .select({ id: users.id, name: users.name, slackUserId: users.slackUserId, role: users.role, teamId: users.teamId })
      .from(users)
      .where(inArray(users.teamId, [...input.teamIds])),
  ]);

  return scope.teams.map((team) => {
    const figures: TeamFigures = {
      activity: activity.get(team.id)!,
      flows: flows.get(team.id)!,
      position: position.get(team.id)!,
      sold: sold.get(team.id)!,
      top: top.get(team.id)!,
      members: members.filter((u) => u.teamId === team.id),
    };
    return teamReport(policy, { team, week, weeks, fourWeeksBefore, withUnassigned: team.id === scope.unassignedTeamId }, figures);
  });
}

interface TeamFigures {
  activity: TeamActivity;
  flows: WeekFlows;
  position: Map<IsoDate, Position>;
  sold: Map<string, Sales>;
  top: Map<string, TopOverdue>;
  members: Array<{ id: number; name: string; slackUserId: string; role: string }>;
}

interface TeamWeek {
  team: { id: number; name: string };
  week: ReportWeek;
  weeks: ReportWeek[];
  fourWeeksBefore: IsoDate;
  /** Whether debtors without a collector are reported with this team. */
  withUnassigned: boolean;
}

function moneyOf(
  collected: Map<string, number> | undefined,
  promised: Map<string, number> | undefined,
  agingNow: Map<string, Record<AgingBucket, number>> | undefined,
  agingBefore: Map<string, Record<AgingBucket, number>> | undefined,
  beforeDay: Position['day'],
  currency: string,
): MoneyFigures {
  const aging = { ...(agingNow?.get(currency) ?? emptyAging()) };
  const then = agingBefore?.get(currency);
  return {
    collected: collected?.get(currency) ?? 0,
    promisedDue: promised?.get(currency) ?? 0,
    overdueNow: overdueOf(aging),
    overdueFourWeeksAgo: beforeDay === null ? null : then ? overdueOf(then) : 0,
    aging,
  };
}

function teamReport(policy: Policy, at: TeamWeek, figures: TeamFigures): WeeklyReport {
  const { flows, position, sold, top } = figures;
  const { week, weeks } = at;
  const now = position.get(week.end)!;
  const before = position.get(at.fourWeeksBefore)!;

  const teamPromised = new Map<string, number>();
  for (const byCurrency of flows.promisedDue.values()) for (const [c, amount] of byCurrency) teamPromised.set(c, (teamPromised.get(c) ?? 0) + amount);

  // Currencies with any figure: the policy's first, then by code.
  const codes = new Set<string>([...teamPromised.keys(), ...sold.keys(), ...top.keys()]);
  for (const byCurrency of flows.collectedByWeek.values()) for (const c of byCurrency.keys()) codes.add(c);
  for (const p of position.values()) for (const c of p.team.keys()) codes.add(c);
  const currencyOrder = [...codes].sort((a, b) => (a === policy.currency ? -1 : b === policy.currency ? 1 : a.localeCompare(b)));

  const currencies: CurrencyReport[] = currencyOrder.map((currency) => {
    const team = moneyOf(flows.collectedByWeek.get(week.start), teamPromised, now.team, before.team, before.day, currency);
    const begin = before.team.get(currency);
    const soldIn = sold.get(currency) ?? { fourWeeks: 0, ninetyDays: 0 };
    const open = openOf(team.aging);
    return {
      currency,
      team,
      cei: collectionEffectiveness({ begin: begin ? openOf(begin) : 0, sales: soldIn.fourWeeks, end: open, current: team.aging.current }),
      dso: daysSalesOutstanding(open, soldIn.ninetyDays, 90),
      topOverdue: top.get(currency) ?? [],
      history: weeks.map((w) => ({
        week: w,
        aging: { ...(position.get(w.end)!.team.get(currency) ?? emptyAging()) },
        collected: flows.collectedByWeek.get(w.start)?.get(currency) ?? 0,
      })),
    };
  });
  return { team: at.team, week, activity: figures.activity.team, collectors: collectorReports(at, figures, currencyOrder), currencies };
}

function collectorReports(at: TeamWeek, figures: TeamFigures, currencyOrder: string[]): CollectorReport[] {
  const { activity, flows, position } = figures;
  const now = position.get(at.week.end)!;
  const before = position.get(at.fourWeeksBefore)!;
  // Who has a figure of their own this week.
  const withFigures = new Set<number | null>([
    ...activity.byPerson.keys(),
    ...flows.collected.keys(),
    ...flows.promisedDue.keys(),
    ...now.byCollector.keys(),
    ...before.byCollector.keys(),
  ]);
  const people: Array<Pick<CollectorReport, 'collectorId' | 'name' | 'slackUserId'>> = figures.members
    .filter((u) => u.role === 'collector' || withFigures.has(u.id))
    .sort((a, b) => a.name.localeCompare(b.name) || a.id - b.id)
    .map((u) => ({ collectorId: u.id, name: u.name, slackUserId: u.slackUserId }));
  if (at.withUnassigned && withFigures.has(null)) people.push({ collectorId: null, name: '', slackUserId: null });

  return people.map((p) => {
    const id = p.collectorId;
    const own = new Set<string>([
      ...(flows.collected.get(id)?.keys() ?? []),
      ...(flows.promisedDue.get(id)?.keys() ?? []),
      ...(now.byCollector.get(id)?.keys() ?? []),
      ...(before.byCollector.get(id)?.keys() ?? []),
    ]);
    const money: Record<string, MoneyFigures> = {};
    for (const currency of currencyOrder.filter((c) => own.has(c))) {
      money[currency] = moneyOf(flows.collected.get(id), flows.promisedDue.get(id), now.byCollector.get(id), before.byCollector.get(id), before.day, currency);
    }
    return { ...p, activity: activity.byPerson.get(id) ?? emptyActivity(), money };
  });
}
