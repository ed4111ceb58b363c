import { describe, expect, it } from 'vitest';
import { levelFromDaysOverdue, nextLevel, type EscalationCause } from '../../src/domain/escalation.js';

const thresholds = [30, 60, 90, 120] as const;

describe('levelFromDaysOverdue', () => {
  it.each([
    [0, 0],
    [29, 0],
    [30, 1],
    [59, 1],
    [60, 2],
    [90, 3],
    [119, 3],
    [120, 4],
    [900, 4],
  ])('%i days -> level %i', (days, level) => {
    expect(levelFromDaysOverdue(days, thresholds)).toBe(level);
  });
});

describe('nextLevel', () => {
  it.each<[string, number, number, number, number, EscalationCause | null]>([
    // name, current, oldest overdue days, broken since last rise, expected level, cause
    ['stays at 0 with a fresh overdue', 0, 10, 0, 0, null],
    ['rises on crossing the first threshold', 0, 30, 0, 1, 'days_overdue'],
    ['jumps several levels when days say so', 0, 95, 0, 3, 'days_overdue'],
    ['one broken promise is not enough', 0, 10, 1, 0, null],
    ['two broken promises raise one level', 0, 10, 2, 1, 'broken_promises'],
    ['four broken promises raise two levels', 1, 10, 4, 3, 'broken_promises'],
    ['broken promises add to the level days give', 0, 60, 2, 3, 'days_overdue'],
    ['never drops while overdue', 3, 5, 0, 3, null],
    ['keeps the level days already gave', 2, 65, 0, 2, null],
    ['never above 4', 3, 200, 6, 4, 'days_overdue'],
    ['at 4 nothing changes', 4, 200, 4, 4, null],
    ['back to 0 once paid up', 3, 0, 0, 0, 'paid_up'],
    ['back to 0 even with broken promises', 2, 0, 5, 0, 'paid_up'],
    ['0 stays 0 with nothing overdue', 0, 0, 0, 0, null],
  ])('%s', (_name, current, oldestOverdueDays, brokenSinceLastRise, level, cause) => {
    expect(nextLevel({ current, oldestOverdueDays, brokenSinceLastRise, thresholds, brokenPromisesPerLevel: 2 })).toEqual({ level, cause });
  });

  it.each([
    [1, 1, 1, 'broken_promises'],
    [3, 5, 1, 'broken_promises'],
    [3, 2, 0, null],
  ] as const)('with %i broken promises per level, %i broken from 0 gives level %i', (perLevel, broken, level, cause) => {
    expect(nextLevel({ current: 0, oldestOverdueDays: 5, brokenSinceLastRise: broken, thresholds, brokenPromisesPerLevel: perLevel })).toEqual({
      level,
      cause,
    });
  });
});
