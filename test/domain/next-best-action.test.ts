import { describe, expect, it } from 'vitest';
import { isSuspectedFraud, nextBestAction, type AccountState, type ReasonCode } from '../../src/domain/next-best-action.js';
import type { OutcomeType, Risk } from '../../src/domain/vocabulary.js';

// An account worked before, 15 days overdue, contacted once since without a commitment.
const base: AccountState = {
  today: '2026-06-15',
  overdueAmount: 500000,
  oldestOverdueDays: 15,
  daysToNextDue: null,
  isNew: false,
  openBarriers: 0,
  pendingPromises: 0,
  promiseDueToday: false,
  brokenPromises: 0,
  contactedSinceOverdue: true,
  pressurePending: false,
  pressureDeadlinePassedUnpaid: false,
  escalationLevel: 0,
  suspectedFraud: false,
  longOverdueDays: 90,
};

const notOverdue: Partial<AccountState> = { overdueAmount: 0, oldestOverdueDays: 0, contactedSinceOverdue: false };

describe('nextBestAction', () => {
  it.each<[string, Partial<AccountState>, OutcomeType, ReasonCode, Record<string, string | number>]>([
    // Reminders: preventive, new, first contact on a fresh overdue.
    ['invoice due in 5 days', { ...notOverdue, daysToNextDue: 5 }, 'reminder', 'preventive', { days: 5 }],
    ['invoice due today', { ...notOverdue, daysToNextDue: 0 }, 'reminder', 'due_today', {}],
    ['nothing owed at all', { ...notOverdue }, 'reminder', 'up_to_date', {}],
    ['new debtor, invoice falling due: the invoice is the opener', { ...notOverdue, isNew: true, daysToNextDue: 20 }, 'reminder', 'preventive', { days: 20 }],
    ['new debtor already overdue', { isNew: true, contactedSinceOverdue: false }, 'reminder', 'new_debtor', { days: 15 }],
    ['overdue, not contacted since', { contactedSinceOverdue: false, oldestOverdueDays: 3 }, 'reminder', 'recently_overdue', { days: 3 }],

    // Commitment after the first excuse.
    ['overdue, contacted, no promise', {}, 'commitment', 'overdue_no_promise', { days: 15 }],
    ['overdue, contacted since', { contactedSinceOverdue: true, oldestOverdueDays: 40 }, 'commitment', 'overdue_no_promise', { days: 40 }],
    ['one broken promise still asks for a commitment', { brokenPromises: 1 }, 'commitment', 'overdue_no_promise', { days: 15 }],

    // Promises.
    ['promise due today', { pendingPromises: 1, promiseDueToday: true }, 'reminder', 'promise_due_today', {}],
    ['promise due today, nothing overdue', { ...notOverdue, pendingPromises: 1, promiseDueToday: true }, 'reminder', 'promise_due_today', {}],
    ['promise pending for later', { pendingPromises: 2 }, 'reminder', 'promise_pending', { count: 2 }],

    // Barrier.
    ['open barrier', { openBarriers: 1 }, 'barrier', 'open_barrier', { count: 1 }],
    ['open barrier beats a promise due today', { openBarriers: 2, pendingPromises: 1, promiseDueToday: true }, 'barrier', 'open_barrier', { count: 2 }],
    ['open barrier on a new debtor', { openBarriers: 1, isNew: true, contactedSinceOverdue: false }, 'barrier', 'open_barrier', { count: 1 }],

    // Pressure.
    ['two broken promises', { brokenPromises: 2 }, 'pressure', 'broken_promises', { count: 2 }],
    ['an open barrier holds pressure back, even after broken promises', { brokenPromises: 3, openBarriers: 1 }, 'barrier', 'open_barrier', { count: 1 }],
    ['an open barrier holds pressure back on suspected fraud', { suspectedFraud: true, openBarriers: 1 }, 'barrier', 'open_barrier', { count: 1 }],
    ['broken promises beat a promise due today', { brokenPromises: 2, pendingPromises: 1, promiseDueToday: true }, 'pressure', 'broken_promises', { count: 2 }],
    ['broken promises, paid up since', { ...notOverdue, brokenPromises: 4, daysToNextDue: 3 }, 'reminder', 'preventive', { days: 3 }],
    ['long overdue', { oldestOverdueDays: 90 }, 'pressure', 'long_overdue', { days: 90 }],
    ['just short of long overdue', { oldestOverdueDays: 89 }, 'commitment', 'overdue_no_promise', { days: 89 }],
    ['long overdue on a new debtor', { oldestOverdueDays: 200, isNew: true, contactedSinceOverdue: false }, 'pressure', 'long_overdue', { days: 200 }],
    ['suspected fraud', { suspectedFraud: true }, 'pressure', 'suspected_fraud', {}],
    ['suspected fraud beats broken promises', { suspectedFraud: true, brokenPromises: 5 }, 'pressure', 'suspected_fraud', {}],
    ['consequence announced, deadline ahead', { pressurePending: true }, 'pressure', 'pressure_pending', {}],

    // Terms change.
    ['pressure deadline passed unpaid', { pressureDeadlinePassedUnpaid: true }, 'terms_change', 'pressure_deadline_passed', {}],
    [
      'deadline passed beats everything',
      { pressureDeadlinePassedUnpaid: true, suspectedFraud: true, brokenPromises: 3, openBarriers: 1, promiseDueToday: true },
      'terms_change',
      'pressure_deadline_passed',
      {},
    ],
  ])('%s', (_name, overrides, objective, code, params) => {
    expect(nextBestAction({ ...base, ...overrides })).toEqual({ objective, reason: { code, params } });
  });

  it.each([30, 60, 120])('long overdue follows the threshold passed in (%i days)', (longOverdueDays) => {
    expect(nextBestAction({ ...base, oldestOverdueDays: longOverdueDays, longOverdueDays }).objective).toBe('pressure');
    expect(nextBestAction({ ...base, oldestOverdueDays: longOverdueDays - 1, longOverdueDays }).objective).toBe('commitment');
  });
});

describe('isSuspectedFraud', () => {
  it.each<[Risk, number, boolean]>([
    ['fraud', 6, true],
    ['fraud', 1, true],
    // Nothing overdue yet: nothing to demand.
    ['fraud', 0, false],
    // A bakery six days overdue with a high risk is late, not a fraud suspect.
    ['high', 6, false],
    ['high', 400, false],
    ['medium', 30, false],
    ['low', 30, false],
  ])('risk %s, %i days overdue -> %s', (risk, days, expected) => {
    expect(isSuspectedFraud(risk, days)).toBe(expected);
  });
});
