import type { Db } from '../db/database.js';
import { daysOverdue } from '../domain/aging.js';
import { calendarOf, daysBetween, type IsoDate } from '../domain/calendar.js';
import { isSuspectedFraud, nextBestAction, type AccountState, type Suggestion } from '../domain/next-best-action.js';
import type { Policy } from '../domain/policy.js';
import { priorityScore } from '../domain/priority.js';
import { preventiveHorizon, todaysWork, type WorkReason } from '../domain/todays-work.js';
import { snapshotsOfAssignedDebtors, snapshotsOfCollector, type AccountSnapshot, type WorkScope } from './account-snapshots.js';

export interface WorkItem {
  snapshot: AccountSnapshot;
  why: WorkReason;
  suggestion: Suggestion;
  priority: number;
  oldestOverdueDays: number;
  /** The currency with most overdue, and that amount; null when nothing is overdue. */
  mainOverdue: { currency: string; minor: number } | null;
}

/** Names in Spanish order; one collator, not one per comparison. */
const byName = new Intl.Collator('es');

/** Invoices that fell due this recently count as newly overdue, which lifts priority. */
const NEWLY_OVERDUE_DAYS = 5;

export function mainOverdue(snapshot: AccountSnapshot): WorkItem['mainOverdue'] {
  const entries = Object.entries(snapshot.overdue).filter(([, minor]) => minor > 0);
  if (entries.length === 0) return null;
  const [currency, minor] = entries.reduce((best, e) => (e[1] > best[1] ? e : best));
  return { currency, minor };
}

/** The domain's view of an account, from its snapshot. */
export function accountState(snapshot: AccountSnapshot, today: IsoDate, policy: Policy): AccountState {
  const oldestOverdueDays = snapshot.oldestOverdueDue ? daysOverdue(snapshot.oldestOverdueDue, today) : 0;
  return {
    today,
    overdueAmount: mainOverdue(snapshot)?.minor ?? 0,
    oldestOverdueDays,
    daysToNextDue: snapshot.nextDue ? daysBetween(today, snapshot.nextDue) : null,
    isNew: snapshot.lastContactOn === null,
    openBarriers: snapshot.openBarriers,
    pendingPromises: snapshot.pendingPromises,
    promiseDueToday: snapshot.promisesDueToday > 0,
    brokenPromises: snapshot.brokenPromises,
    contactedSinceOverdue: snapshot.lastContactOn !== null && snapshot.oldestOverdueDue !== null && snapshot.lastContactOn >= snapshot.oldestOverdueDue,
    pressurePending: snapshot.pressuresPending > 0,
    pressureDeadlinePassedUnpaid: snapshot.pressureDeadlinesPassed > 0,
    escalationLevel: snapshot.escalationLevel,
    // Only the team's own mark says fraud; a high risk alone (a late bakery) is not suspicion.
    suspectedFraud: isSuspectedFraud(snapshot.risk, oldestOverdueDays),
    longOverdueDays: policy.escalation.daysOverdue[2],
  };
}

/** Suggestion and priority for one account, whether or not it is on today's list. */
export function assess(snapshot: AccountSnapshot, today: IsoDate, policy: Policy) {
  const state = accountState(snapshot, today, policy);
  const priority = priorityScore({
    overdueAmount: state.overdueAmount,
    oldestOverdueDays: state.oldestOverdueDays,
    brokenPromises: state.brokenPromises,
    promiseDueToday: state.promiseDueToday,
    escalationLevel: state.escalationLevel,
    newlyOverdue: state.oldestOverdueDays > 0 && state.oldestOverdueDays <= NEWLY_OVERDUE_DAYS,
  });
  return { state, suggestion: nextBestAction(state), priority };
}

function toWorkItems(snapshots: AccountSnapshot[], today: IsoDate, policy: Policy): WorkItem[] {
  const cal = calendarOf(policy);
  const items: WorkItem[] = [];
  for (const snapshot of snapshots) {
    const why = todaysWork(snapshot, today, cal);
    if (why === null) continue;
    const { state, suggestion, priority } = assess(snapshot, today, policy);
    items.push({
      snapshot,
      why,
      suggestion,
      priority,
      oldestOverdueDays: state.oldestOverdueDays,
      mainOverdue: mainOverdue(snapshot),
    });
  }
  // Highest priority first; ties by name, then by debtor, so the order is the same from day to day.
  return items.sort((a, b) => b.priority - a.priority || byName.compare(a.snapshot.name, b.snapshot.name) || a.snapshot.debtorId - b.snapshot.debtorId);
}

function workScope(policy: Policy, today: IsoDate): WorkScope {
  return { today, timeZone: policy.timeZone, preventiveUntil: preventiveHorizon(calendarOf(policy), today) };
}

/** A collector's debtors to work today, in priority order. */
export async function collectorWorklist(db: Db, policy: Policy, collectorId: number, today: IsoDate): Promise<WorkItem[]> {
  return toWorkItems(await snapshotsOfCollector(db, collectorId, workScope(policy, today)), today, policy);
}

/** Every collector's list for today, keyed by collector id (collectors with nothing to do are absent). */
export async function allWorklists(db: Db, policy: Policy, today: IsoDate): Promise<Map<number, WorkItem[]>> {
  const snapshots = await snapshotsOfAssignedDebtors(db, workScope(policy, today));
  const byCollector = new Map<number, WorkItem[]>();
  for (const item of toWorkItems(snapshots, today, policy)) {
    const id = item.snapshot.collectorId!;
    const list = byCollector.get(id) ?? [];
    list.push(item);
    byCollector.set(id, list);
  }
  return byCollector;
}
