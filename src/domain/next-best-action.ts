// The suggested objective ("next best action") for the next contact with a debtor, from
// the state of the account. The daily list and the debtor card show it with its reason.

import type { IsoDate } from './calendar.js';
import type { OutcomeType, Risk } from './vocabulary.js';

export interface AccountState {
  today: IsoDate;
  /** Minor units past due. */
  overdueAmount: number;
  oldestOverdueDays: number;
  /** Days until the earliest open, not-yet-due invoice; null if none. */
  daysToNextDue: number | null;
  /** No contact logged yet. */
  isNew: boolean;
  openBarriers: number;
  pendingPromises: number;
  promiseDueToday: boolean;
  /** Broken promises, ever. */
  brokenPromises: number;
  /** A contact was logged since the oldest overdue invoice fell due (and no promise came of it). */
  contactedSinceOverdue: boolean;
  /** A consequence was announced and its deadline has not passed. */
  pressurePending: boolean;
  pressureDeadlinePassedUnpaid: boolean;
  escalationLevel: number;
  suspectedFraud: boolean;
  /** Oldest overdue days from which a debt is "long overdue" (policy.escalation.daysOverdue[2]). */
  longOverdueDays: number;
}

export const REASON_CODES = [
  'pressure_deadline_passed',
  'suspected_fraud',
  'pressure_pending',
  'broken_promises',
  'long_overdue',
  'open_barrier',
  'overdue_no_promise',
  'promise_due_today',
  'promise_pending',
  'new_debtor',
  'recently_overdue',
  'due_today',
  'preventive',
  'up_to_date',
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

export interface Suggestion {
  objective: OutcomeType;
  /** A message key and its values; the Slack layer words it in the user's language. */
  reason: { code: ReasonCode; params: Record<string, string | number> };
}

/**
 * Suspected fraud is the team's mark (risk `fraud`), never inferred from a high risk; it is
 * the reason to press only while something is overdue (nothing can be demanded before).
 */
export function isSuspectedFraud(risk: Risk, oldestOverdueDays: number): boolean {
  return risk === 'fraud' && oldestOverdueDays > 0;
}

function suggest(objective: OutcomeType, code: ReasonCode, params: Record<string, string | number> = {}): Suggestion {
  return { objective, reason: { code, params } };
}

/**
 * Precedence, strongest first (the first rule that holds wins):
 *  1. an announced consequence whose deadline passed unpaid -> terms_change (apply it);
 *  2. an open barrier -> barrier (nothing will be paid until it is removed, and pressing
 *     while the obstacle is on our side only spoils the relationship);
 *  3. suspected fraud; a pending consequence; two or more broken promises or long overdue
 *     while money is overdue -> pressure (talking has stopped working);
 *  4. overdue, no pending promise, after the first excuse -> commitment (ask for a date);
 *  5. a promise due today, or pending, while overdue -> reminder of the promise;
 *  6. new debtor, first contact on a recent overdue, invoice about to fall due -> reminder
 *     (before anything is overdue, the invoice about to fall due is the better opener).
 */
export function nextBestAction(state: AccountState): Suggestion {
  const overdue = state.overdueAmount > 0;
  const days = state.oldestOverdueDays;

  if (state.pressureDeadlinePassedUnpaid) return suggest('terms_change', 'pressure_deadline_passed');

  if (state.openBarriers > 0) return suggest('barrier', 'open_barrier', { count: state.openBarriers });

  if (state.suspectedFraud) return suggest('pressure', 'suspected_fraud');
  if (state.pressurePending) return suggest('pressure', 'pressure_pending');
  if (overdue && state.brokenPromises >= 2) return suggest('pressure', 'broken_promises', { count: state.brokenPromises });
  if (overdue && days >= state.longOverdueDays) return suggest('pressure', 'long_overdue', { days });

  if (overdue && state.pendingPromises === 0 && state.contactedSinceOverdue) {
    return suggest('commitment', 'overdue_no_promise', { days });
  }

  if (state.promiseDueToday) return suggest('reminder', 'promise_due_today');
  if (overdue && state.pendingPromises > 0) return suggest('reminder', 'promise_pending', { count: state.pendingPromises });

  if (overdue) return suggest('reminder', state.isNew ? 'new_debtor' : 'recently_overdue', { days });
  if (state.daysToNextDue === 0) return suggest('reminder', 'due_today');
  if (state.daysToNextDue !== null) return suggest('reminder', 'preventive', { days: state.daysToNextDue });
  return suggest('reminder', 'up_to_date');
}
