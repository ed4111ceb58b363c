import { describe, expect, test } from 'vitest';
import { todayIn, type WorkCalendar } from '../../src/domain/calendar.js';
import {
  FIRM_FROM_STEP,
  noticeDayOf,
  noticeStepsOn,
  noticeTone,
  noticeToneOf,
  noticeTriggersOn,
  OVERDUE_FROM_STEP,
  stepDaysSentOn,
  type NoticeTone,
} from '../../src/domain/notice-steps.js';

// 2026-12-04 is a Friday, 12-05/06 the weekend, 12-07 a Monday; 12-25 a Friday holiday.
const weekdays: WorkCalendar = { timeZone: 'America/Mexico_City', workingDays: [1, 2, 3, 4, 5], holidays: ['2026-12-25', '2027-01-01'] };
const STEPS = [-3, 1, 7, 15, 30];

describe('noticeStepsOn', () => {
  test.each<[string, string, readonly number[], WorkCalendar, string, number[]]>([
    ['a step whose day is the day itself', '2026-12-01', STEPS, weekdays, '2026-12-02', [1]],
    ['before the due date', '2026-12-10', STEPS, weekdays, '2026-12-07', [-3]],
    ['due that very day with a step 0', '2026-12-07', [0], weekdays, '2026-12-07', [0]],
    ['no step that day', '2026-12-01', STEPS, weekdays, '2026-12-03', []],
    ['a Saturday step goes out on Monday', '2026-11-28', STEPS, weekdays, '2026-12-07', [7]],
    ['a Sunday step goes out on Monday', '2026-11-29', STEPS, weekdays, '2026-12-07', [7]],
    ['the Friday step went out on Friday, not Monday', '2026-11-27', STEPS, weekdays, '2026-12-07', []],
    ['nothing goes out on a Saturday', '2026-11-28', STEPS, weekdays, '2026-12-05', []],
    ['nothing goes out on a holiday', '2026-12-18', STEPS, weekdays, '2026-12-25', []],
    ['the holiday step goes out after the holiday weekend', '2026-12-18', STEPS, weekdays, '2026-12-28', [7]],
    ['a step on the Saturday after the holiday too', '2026-12-19', STEPS, weekdays, '2026-12-28', [7]],
    ['two steps meeting on one Monday', '2026-11-05', [30, 31, 32], weekdays, '2026-12-07', [30, 31, 32]],
    ['across the year end and New Year', '2026-12-31', [1], weekdays, '2027-01-04', [1]],
    ['across a leap day', '2028-02-28', [1], { ...weekdays, holidays: [] }, '2028-02-29', [1]],
    ['a six-day week sends on Saturday', '2026-11-28', [7], { ...weekdays, workingDays: [1, 2, 3, 4, 5, 6] }, '2026-12-05', [7]],
    ['a six-day week: the Sunday step on Monday', '2026-11-29', [7], { ...weekdays, workingDays: [1, 2, 3, 4, 5, 6] }, '2026-12-07', [7]],
    // DST in the USA ends on 2026-11-01 and starts on 2027-03-14: dates are whole days, no drift.
    ['across the end of DST', '2026-10-31', [1, 2], { ...weekdays, timeZone: 'America/New_York' }, '2026-11-02', [1, 2]],
    ['across the start of DST', '2027-03-13', [1, 2], { ...weekdays, timeZone: 'America/New_York' }, '2027-03-15', [1, 2]],
  ])('%s', (_name, dueDate, steps, cal, date, expected) => {
    expect(noticeStepsOn(dueDate, steps, cal, date)).toEqual(expected);
  });

  test.each<[string, Date, string, number[]]>([
    // The day is the policy zone's date at the instant: 05:30 UTC Monday is still Sunday in Mexico City.
    ['Sunday night in Mexico City is Monday in UTC: no notices yet', new Date('2026-12-07T05:30:00Z'), 'America/Mexico_City', []],
    ['Monday morning in Mexico City', new Date('2026-12-07T16:00:00Z'), 'America/Mexico_City', [7]],
    ['Monday already in Tokyo while Sunday in UTC', new Date('2026-12-06T16:00:00Z'), 'Asia/Tokyo', [7]],
  ])('%s', (_name, now, timeZone, expected) => {
    const cal = { ...weekdays, timeZone };
    expect(noticeStepsOn('2026-11-29', [7], cal, todayIn(timeZone, now))).toEqual(expected);
  });

  test('every step day goes out exactly once over a stretch of days', () => {
    const due = '2026-11-20';
    const sent: number[] = [];
    for (let d = 0; d < 60; d++) {
      const date = new Date(Date.UTC(2026, 10, 10 + d)).toISOString().slice(0, 10);
      sent.push(...noticeStepsOn(due, STEPS, weekdays, date));
    }
    expect(sent.sort((a, b) => a - b)).toEqual(STEPS);
  });
});

describe('stepDaysSentOn and noticeDayOf', () => {
  test.each<[string, string, string[]]>([
    ['a Tuesday', '2026-12-08', ['2026-12-08']],
    ['a Monday takes the weekend', '2026-12-07', ['2026-12-05', '2026-12-06', '2026-12-07']],
    ['the Monday after a Friday holiday', '2026-12-28', ['2026-12-25', '2026-12-26', '2026-12-27', '2026-12-28']],
    ['a Saturday sends nothing', '2026-12-05', []],
  ])('%s', (_name, date, expected) => {
    expect(stepDaysSentOn(weekdays, date)).toEqual(expected);
  });

  test.each<[string, string]>([
    ['2026-12-04', '2026-12-04'],
    ['2026-12-05', '2026-12-07'],
    ['2026-12-25', '2026-12-28'],
  ])('a step on %s goes out on %s', (day, expected) => {
    expect(noticeDayOf(weekdays, day)).toBe(expected);
  });
});

describe('noticeTriggersOn', () => {
  test('the due dates reaching each step on a Monday', () => {
    expect(noticeTriggersOn([-3, 7], weekdays, '2026-12-07')).toEqual([
      { step: -3, dueDate: '2026-12-08' },
      { step: -3, dueDate: '2026-12-09' },
      { step: -3, dueDate: '2026-12-10' },
      { step: 7, dueDate: '2026-11-28' },
      { step: 7, dueDate: '2026-11-29' },
      { step: 7, dueDate: '2026-11-30' },
    ]);
  });

  test('none on a day off', () => {
    expect(noticeTriggersOn(STEPS, weekdays, '2026-12-06')).toEqual([]);
  });

  test('agrees with noticeStepsOn', () => {
    const date = '2026-12-28';
    for (const { step, dueDate } of noticeTriggersOn(STEPS, weekdays, date)) {
      expect(noticeStepsOn(dueDate, STEPS, weekdays, date)).toContain(step);
    }
  });
});

describe('noticeTone', () => {
  test.each<[number, NoticeTone]>([
    [-30, 'before_due'],
    [-1, 'before_due'],
    [OVERDUE_FROM_STEP, 'overdue'],
    [1, 'overdue'],
    [14, 'overdue'],
    [FIRM_FROM_STEP, 'firm'],
    [30, 'firm'],
    [365, 'firm'],
  ])('step %i is %s', (step, tone) => {
    expect(noticeTone(step)).toBe(tone);
  });

  test.each<[number[], NoticeTone]>([
    [[-3], 'before_due'],
    [[-3, 1], 'overdue'],
    [[1, 30, 7], 'firm'],
  ])('an email with steps %j is %s (the firmest)', (steps, tone) => {
    expect(noticeToneOf(steps)).toBe(tone);
  });
});
