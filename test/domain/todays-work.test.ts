import { describe, expect, test } from 'vitest';
import type { WorkCalendar } from '../../src/domain/calendar.js';
import { todaysWork, type WorkInput } from '../../src/domain/todays-work.js';

const cal: WorkCalendar = { timeZone: 'America/Mexico_City', workingDays: [1, 2, 3, 4, 5], holidays: ['2026-11-26'] };

const MONDAY = '2026-11-23';
const base: WorkInput = {
  oldestOverdueDue: null,
  nextDue: null,
  pendingPromises: 0,
  promisesDueToday: 0,
  openBarriers: 0,
  barriersDueToday: 0,
  barriersOverdue: 0,
  pressureDeadlinesToday: 0,
  pressureDeadlinesPassed: 0,
  nextContactOn: null,
  lastContactOn: null,
};

describe('todaysWork', () => {
  test.each<[string, Partial<WorkInput>, ReturnType<typeof todaysWork>]>([
    ['nothing owed', {}, null],
    ['overdue, never contacted', { oldestOverdueDue: '2026-11-20' }, 'overdue'],
    ['due today is not overdue yet', { oldestOverdueDue: null, nextDue: '2026-11-23' }, 'preventive'],
    ['overdue, next contact today', { oldestOverdueDue: '2026-10-01', nextContactOn: '2026-11-23' }, 'overdue'],
    ['overdue, next contact later', { oldestOverdueDue: '2026-10-01', nextContactOn: '2026-11-25' }, null],
    ['overdue with a promise awaiting judgement', { oldestOverdueDue: '2026-10-01', pendingPromises: 1 }, null],
    ['promise due today', { oldestOverdueDue: '2026-10-01', pendingPromises: 1, promisesDueToday: 1 }, 'promise_due_today'],
    ['open barrier within its date: not pressed', { oldestOverdueDue: '2026-10-01', openBarriers: 1 }, null],
    ['barrier overdue: chase again', { oldestOverdueDue: '2026-10-01', openBarriers: 1, barriersOverdue: 1 }, 'overdue'],
    ['barrier due today', { oldestOverdueDue: '2026-10-01', openBarriers: 1, barriersDueToday: 1 }, 'barrier_due_today'],
    ['pressure deadline today', { oldestOverdueDue: '2026-10-01', pressureDeadlinesToday: 1 }, 'pressure_deadline_today'],
    [
      'pressure deadline passed, even with a later contact date',
      { oldestOverdueDue: '2026-10-01', pressureDeadlinesPassed: 1, nextContactOn: '2026-11-30' },
      'pressure_deadline_passed',
    ],
    // Three working days after Monday with Thursday a holiday: Tue, Wed, Fri.
    ['invoice due on Friday, across the holiday', { nextDue: '2026-11-27' }, 'preventive'],
    ['invoice due next Monday', { nextDue: '2026-11-30' }, null],
    ['reminded already this week', { nextDue: '2026-11-25', lastContactOn: '2026-11-20' }, null],
    ['reminded long ago', { nextDue: '2026-11-25', lastContactOn: '2026-10-01' }, 'preventive'],
  ])('%s', (_name, input, expected) => {
    expect(todaysWork({ ...base, ...input }, MONDAY, cal)).toBe(expected);
  });
});
