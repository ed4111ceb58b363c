import { describe, expect, it } from 'vitest';
import { priorityScore, type PriorityInput } from '../../src/domain/priority.js';

const base: PriorityInput = {
  overdueAmount: 10_000_000, // 100,000.00
  oldestOverdueDays: 20,
  brokenPromises: 0,
  promiseDueToday: false,
  escalationLevel: 0,
  newlyOverdue: false,
};

describe('priorityScore', () => {
  it.each<[string, Partial<PriorityInput>]>([
    ['nothing overdue, nothing due', { overdueAmount: 0, oldestOverdueDays: 0 }],
    ['nothing overdue, old broken promises and a level', { overdueAmount: 0, oldestOverdueDays: 0, brokenPromises: 3, escalationLevel: 2 }],
    ['credit balance', { overdueAmount: -5000, oldestOverdueDays: 0 }],
  ])('%s scores 0', (_name, overrides) => {
    expect(priorityScore({ ...base, ...overrides })).toBe(0);
  });

  it.each<[string, Partial<PriorityInput>, Partial<PriorityInput>]>([
    // name, works first, works later
    ['same amount, older first', { oldestOverdueDays: 45 }, { oldestOverdueDays: 10 }],
    ['same age, larger amount first', { overdueAmount: 20_000_000 }, { overdueAmount: 10_000_000 }],
    ['a promise due today outranks a slightly larger amount', { promiseDueToday: true }, { overdueAmount: 11_000_000 }],
    ['a promise due today with nothing overdue beats nothing at all', { overdueAmount: 0, promiseDueToday: true }, { overdueAmount: 0 }],
    ['broken promises first', { brokenPromises: 2 }, { brokenPromises: 1 }],
    ['higher escalation level first', { escalationLevel: 2 }, { escalationLevel: 1 }],
    ['newly overdue first', { oldestOverdueDays: 2, newlyOverdue: true }, { oldestOverdueDays: 2 }],
    // The log keeps a huge debtor from burying an old one: 100x the money, a quarter the age.
    ['old debt is not buried by a huge recent one', { oldestOverdueDays: 120 }, { overdueAmount: 1_000_000_000, oldestOverdueDays: 30 }],
    ['any overdue amount beats nothing overdue', { overdueAmount: 100, oldestOverdueDays: 1 }, { overdueAmount: 0 }],
  ])('%s', (_name, first, later) => {
    expect(priorityScore({ ...base, ...first })).toBeGreaterThan(priorityScore({ ...base, ...later }));
  });

  it.each<[string, Partial<PriorityInput>]>([
    ['broken promises beyond the cap add nothing', { brokenPromises: 10 }],
  ])('%s', (_name, overrides) => {
    expect(priorityScore({ ...base, ...overrides })).toBe(priorityScore({ ...base, brokenPromises: 3 }));
  });

  it.each([
    [{ ...base }, 11.667],
    [{ ...base, oldestOverdueDays: 0 }, 7],
    [{ ...base, promiseDueToday: true, brokenPromises: 1, escalationLevel: 2, newlyOverdue: true }, 11.667 + 10 + 4 + 6 + 5],
  ])('is deterministic: %o -> %d', (input, score) => {
    expect(priorityScore(input)).toBeCloseTo(score, 2);
    expect(priorityScore(input)).toBe(priorityScore({ ...input }));
  });
});
