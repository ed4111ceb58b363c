import { describe, expect, test } from 'vitest';
import { isWeekLabel, previousWeek, reportWeek, reportWeekOf, weeksEndingWith } from '../../src/domain/report-week.js';

describe('reportWeek', () => {
  test.each([
    // [label or date, start, end, label]
    ['2026-12-07', '2026-12-07', '2026-12-13', '2026-W50'], // a Monday
    ['2026-12-06', '2026-11-30', '2026-12-06', '2026-W49'], // a Sunday
    ['2026-W49', '2026-11-30', '2026-12-06', '2026-W49'],
    ['2026-01-01', '2025-12-29', '2026-01-04', '2026-W01'], // Thursday 1 January: week 1 of 2026
    ['2026-W01', '2025-12-29', '2026-01-04', '2026-W01'],
    ['2026-W53', '2026-12-28', '2027-01-03', '2026-W53'], // 2026 starts on a Thursday: 53 weeks
    ['2027-01-03', '2026-12-28', '2027-01-03', '2026-W53'],
    ['2027-01-04', '2027-01-04', '2027-01-10', '2027-W01'],
    ['2021-01-01', '2020-12-28', '2021-01-03', '2020-W53'], // Friday 1 January: last week of 2020
    ['2019-12-30', '2019-12-30', '2020-01-05', '2020-W01'], // Monday 30 December: week 1 of 2020
    ['2024-12-31', '2024-12-30', '2025-01-05', '2025-W01'],
    ['2025-W52', '2025-12-22', '2025-12-28', '2025-W52'],
    ['2024-02-29', '2024-02-26', '2024-03-03', '2024-W09'], // leap day
  ])('%s → %s … %s (%s)', (input, start, end, label) => {
    expect(reportWeek(input)).toEqual({ start, end, label });
  });

  test.each(['2025-W53', '2026-W00', '2026-W54', '2026-W5', '2026W50', '2026-02-30', 'last week', ''])('refuses %j', (input) => {
    expect(() => reportWeek(input)).toThrow(RangeError);
  });

  test.each([
    ['2026-W53', true],
    ['2020-W53', true],
    ['2025-W53', false],
    ['2026-W01', true],
    ['2026-12-07', false],
  ])('isWeekLabel(%s) = %s', (input, expected) => {
    expect(isWeekLabel(input)).toBe(expected);
  });
});

describe('previousWeek and weeksEndingWith', () => {
  test.each([
    ['2026-W50', '2026-W49'],
    ['2026-W01', '2025-W52'],
    ['2027-W01', '2026-W53'],
    ['2021-W01', '2020-W53'],
  ])('the week before %s is %s', (label, before) => {
    expect(previousWeek(reportWeek(label)).label).toBe(before);
  });

  test('the 12 weeks ending with a week, oldest first, across a year end', () => {
    const weeks = weeksEndingWith(reportWeek('2027-W02'));
    expect(weeks.map((w) => w.label)).toEqual([
      '2026-W44', '2026-W45', '2026-W46', '2026-W47', '2026-W48', '2026-W49',
      '2026-W50', '2026-W51', '2026-W52', '2026-W53', '2027-W01', '2027-W02',
    ]);
    expect(weeks[0]).toEqual({ start: '2026-10-26', end: '2026-11-01', label: '2026-W44' });
    expect(weeksEndingWith(reportWeek('2026-W50'), 1)).toEqual([reportWeek('2026-W50')]);
  });
});

describe('reportWeekOf', () => {
  test.each([
    ['2026-12-07', '2026-W49'], // Monday: the week that ended yesterday
    ['2026-12-09', '2026-W49'],
    ['2026-12-13', '2026-W49'], // Sunday: not the week still running
    ['2026-12-14', '2026-W50'],
    ['2027-01-04', '2026-W53'],
  ])('a report sent on %s is about %s', (today, label) => {
    expect(reportWeekOf(today).label).toBe(label);
  });
});
