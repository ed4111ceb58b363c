import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  addWorkingDays,
  calendarOf,
  daysAgoInWorkingDays,
  daysBetween,
  instantAt,
  isIsoDate,
  isoWeekday,
  isWorkingDay,
  nextWorkingDay,
  todayIn,
  workingDaysBetween,
  type WorkCalendar,
} from '../../src/domain/calendar.js';
import { defaultPolicy, policySchema } from '../../src/domain/policy.js';

// December 2026: Fri 4, Mon 7, Fri 11, Fri 25 (Christmas), Fri 1 Jan 2027.
const monFri: WorkCalendar = { timeZone: 'America/Mexico_City', workingDays: [1, 2, 3, 4, 5], holidays: ['2026-12-25', '2027-01-01'] };
const monSat: WorkCalendar = { timeZone: 'America/Santiago', workingDays: [1, 2, 3, 4, 5, 6], holidays: ['2026-09-18', '2026-09-19'] };
const plain: WorkCalendar = { timeZone: 'UTC', workingDays: [1, 2, 3, 4, 5], holidays: [] };

describe('calendarOf', () => {
  it.each([
    [defaultPolicy, { timeZone: 'America/Mexico_City', workingDays: [1, 2, 3, 4, 5], holidays: [] }],
    [
      policySchema.parse({ timeZone: 'Europe/Madrid', workingDays: [1, 2, 3, 4], holidays: ['2026-12-25'] }),
      { timeZone: 'Europe/Madrid', workingDays: [1, 2, 3, 4], holidays: ['2026-12-25'] },
    ],
  ])('takes zone, working days and holidays from the policy', (policy, expected) => {
    expect(calendarOf(policy)).toEqual(expected);
  });
});

describe('isIsoDate', () => {
  it.each(['2026-02-28', '2028-02-29', '2000-02-29', '2026-12-31', '2026-04-30', '0001-01-01'])('accepts %s', (text) => {
    expect(isIsoDate(text)).toBe(true);
  });

  it.each([
    '2026-02-29',
    '1900-02-29',
    '2026-02-30',
    '2026-04-31',
    '2026-13-01',
    '2026-00-10',
    '2026-01-00',
    '2026-1-5',
    '26-01-05',
    '2026/01/05',
    '2026-01-05T00:00',
    ' 2026-01-05',
    '',
    '05-01-2026',
  ])('refuses %j', (text) => {
    expect(isIsoDate(text)).toBe(false);
  });
});

describe('day arithmetic', () => {
  it.each([
    ['2026-12-04', 5],
    ['2026-12-06', 7],
    ['2026-12-07', 1],
    ['1970-01-01', 4],
    ['2000-01-01', 6],
    ['2028-02-29', 2],
  ])('%s is ISO weekday %i', (date, weekday) => {
    expect(isoWeekday(date)).toBe(weekday);
  });

  it.each([
    ['2026-02-28', 1, '2026-03-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2000-02-28', 1, '2000-02-29'],
    ['1900-02-28', 1, '1900-03-01'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-03-28', 2, '2026-03-30'],
    ['2026-10-24', 2, '2026-10-26'],
    ['2026-01-15', 0, '2026-01-15'],
    ['2026-01-01', 365, '2027-01-01'],
    ['2026-01-01', -3650, '2016-01-04'],
  ])('addDays(%s, %i) = %s', (date, n, expected) => {
    expect(addDays(date, n)).toBe(expected);
    expect(daysBetween(date, expected)).toBe(n);
  });

  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2026-05-31', 1, '2026-06-30'],
    ['2026-01-31', 2, '2026-03-31'],
    ['2026-11-15', 3, '2027-02-15'],
    ['2026-12-31', 12, '2027-12-31'],
    ['2026-01-15', -13, '2024-12-15'],
    ['2026-05-10', 0, '2026-05-10'],
  ])('addMonths(%s, %i) = %s', (date, n, expected) => {
    expect(addMonths(date, n)).toBe(expected);
  });

  it.each([
    ['2026-01-01', '2026-12-31', 364],
    ['2028-01-01', '2029-01-01', 366],
    ['2026-03-01', '2026-02-01', -28],
    ['2026-06-15', '2026-06-15', 0],
    ['2026-03-28', '2026-03-30', 2],
  ])('daysBetween(%s, %s) = %i', (from, to, days) => {
    expect(daysBetween(from, to)).toBe(days);
  });

  it.each([
    () => addDays('2026-02-30', 1),
    () => addMonths('2026-1-1', 1),
    () => daysBetween('2026-01-01', 'tomorrow'),
  ])('refuses a date that is not ISO (%#)', (call) => {
    expect(call).toThrow(RangeError);
  });
});

describe('working days', () => {
  it.each([
    [monFri, '2026-12-04', true],
    [monFri, '2026-12-05', false],
    [monFri, '2026-12-06', false],
    [monFri, '2026-12-25', false],
    [monFri, '2026-12-24', true],
    [monSat, '2026-09-12', true],
    [monSat, '2026-09-13', false],
    [monSat, '2026-09-18', false],
    [monSat, '2026-09-19', false],
  ])('isWorkingDay(%#: %s) = %s', (cal, date, expected) => {
    expect(isWorkingDay(cal, date)).toBe(expected);
  });

  it.each([
    [monFri, '2026-12-04', '2026-12-07'],
    [monFri, '2026-12-05', '2026-12-07'],
    [monFri, '2026-12-07', '2026-12-08'],
    [monFri, '2026-12-24', '2026-12-28'],
    [monFri, '2026-12-31', '2027-01-04'],
    [monSat, '2026-09-17', '2026-09-21'],
    [monSat, '2026-09-11', '2026-09-12'],
  ])('nextWorkingDay(%#: %s) = %s', (cal, date, expected) => {
    expect(nextWorkingDay(cal, date)).toBe(expected);
  });

  it.each([
    [monFri, '2026-12-04', 0, '2026-12-04'],
    [monFri, '2026-12-05', 0, '2026-12-05'],
    [monFri, '2026-12-04', 1, '2026-12-07'],
    [monFri, '2026-12-07', 2, '2026-12-09'],
    [monFri, '2026-12-04', 5, '2026-12-11'],
    [monFri, '2026-12-23', 2, '2026-12-28'],
    [monFri, '2026-12-23', 6, '2027-01-04'],
    [monSat, '2026-09-16', 3, '2026-09-22'],
  ])('addWorkingDays(%#: %s, %i) = %s', (cal, date, n, expected) => {
    expect(addWorkingDays(cal, date, n)).toBe(expected);
  });

  it.each([-1, 1.5])('addWorkingDays refuses n = %d', (n) => {
    expect(() => addWorkingDays(monFri, '2026-12-04', n)).toThrow(RangeError);
  });

  it('refuses a calendar without any working day instead of looping', () => {
    expect(() => nextWorkingDay({ timeZone: 'UTC', workingDays: [], holidays: [] }, '2026-01-01')).toThrow(RangeError);
  });

  it.each([
    [monFri, '2026-12-04', '2026-12-07', 1],
    [monFri, '2026-12-04', '2026-12-04', 0],
    [monFri, '2026-12-07', '2026-12-04', 0],
    [monFri, '2026-12-05', '2026-12-06', 0],
    [monFri, '2026-12-04', '2026-12-11', 5],
    [monFri, '2026-12-18', '2027-01-08', 13],
    [plain, '2026-01-01', '2026-12-31', 260],
    [monSat, '2026-09-01', '2026-09-30', 23],
  ])('workingDaysBetween(%#: %s, %s) = %i', (cal, from, to, expected) => {
    expect(workingDaysBetween(cal, from, to)).toBe(expected);
  });

  // The week-at-a-time count must agree with walking day by day.
  it.each([
    ['2026-12-01', 0],
    ['2026-12-03', 1],
    ['2026-12-20', 6],
    ['2026-12-24', 13],
    ['2026-11-30', 45],
    ['2026-12-31', 400],
  ])('workingDaysBetween from %s over %i days counts like a day-by-day walk', (from, span) => {
    for (const cal of [monFri, monSat]) {
      let walked = 0;
      for (let i = 1; i <= span; i++) if (isWorkingDay(cal, addDays(from, i))) walked += 1;
      expect(workingDaysBetween(cal, from, addDays(from, span))).toBe(walked);
    }
  });
});

describe('todayIn', () => {
  it.each([
    // Mexico City: UTC-6 all year since DST was abolished in 2022.
    ['America/Mexico_City', '2026-03-10T05:59:59Z', '2026-03-09'],
    ['America/Mexico_City', '2026-03-10T06:00:00Z', '2026-03-10'],
    ['America/Mexico_City', '2026-07-01T05:30:00Z', '2026-06-30'],
    ['America/Mexico_City', '2021-07-01T05:30:00Z', '2021-07-01'],
    ['America/Mexico_City', '2027-01-01T05:59:59Z', '2026-12-31'],
    // Santiago: the clock jumps from 00:00 to 01:00 on 2026-09-06 and falls back from
    // 00:00 to 23:00 on 2026-04-05, so 2026-04-04 lasts 25 hours.
    ['America/Santiago', '2026-09-06T03:59:59Z', '2026-09-05'],
    ['America/Santiago', '2026-09-06T04:00:00Z', '2026-09-06'],
    ['America/Santiago', '2026-04-05T02:59:59Z', '2026-04-04'],
    ['America/Santiago', '2026-04-05T03:00:00Z', '2026-04-04'],
    ['America/Santiago', '2026-04-05T03:59:59Z', '2026-04-04'],
    ['America/Santiago', '2026-04-05T04:00:00Z', '2026-04-05'],
    // Madrid: UTC+1 in winter, +2 in summer.
    ['Europe/Madrid', '2026-03-28T22:59:59Z', '2026-03-28'],
    ['Europe/Madrid', '2026-03-28T23:00:00Z', '2026-03-29'],
    ['Europe/Madrid', '2026-07-31T21:59:59Z', '2026-07-31'],
    ['Europe/Madrid', '2026-07-31T22:00:00Z', '2026-08-01'],
    ['Europe/Madrid', '2026-10-25T22:59:59Z', '2026-10-25'],
    ['Europe/Madrid', '2026-10-25T23:00:00Z', '2026-10-26'],
    ['UTC', '2026-12-31T23:59:59.999Z', '2026-12-31'],
  ])('%s at %s is %s', (zone, instant, date) => {
    expect(todayIn(zone, new Date(instant))).toBe(date);
  });
});

describe('instantAt', () => {
  it.each([
    ['America/Mexico_City', '2026-06-15', '08:30', '2026-06-15T14:30:00.000Z'],
    ['America/Mexico_City', '2026-01-15', '07:30', '2026-01-15T13:30:00.000Z'],
    ['America/Mexico_City', '2021-06-15', '08:30', '2021-06-15T13:30:00.000Z'],
    ['America/Mexico_City', '2026-12-31', '23:59', '2027-01-01T05:59:00.000Z'],
    ['Europe/Madrid', '2026-01-15', '07:30', '2026-01-15T06:30:00.000Z'],
    ['Europe/Madrid', '2026-07-15', '07:30', '2026-07-15T05:30:00.000Z'],
    ['Europe/Madrid', '2026-03-29', '07:30', '2026-03-29T05:30:00.000Z'],
    ['Europe/Madrid', '2026-10-25', '07:30', '2026-10-25T06:30:00.000Z'],
    // Skipped by the spring jump (02:00 -> 03:00): the same distance past the jump.
    ['Europe/Madrid', '2026-03-29', '02:30', '2026-03-29T01:30:00.000Z'],
    // Happens twice in the autumn: the first occurrence.
    ['Europe/Madrid', '2026-10-25', '02:30', '2026-10-25T00:30:00.000Z'],
    ['America/Santiago', '2026-09-05', '08:30', '2026-09-05T12:30:00.000Z'],
    ['America/Santiago', '2026-09-06', '08:30', '2026-09-06T11:30:00.000Z'],
    ['America/Santiago', '2026-09-06', '00:00', '2026-09-06T04:00:00.000Z'],
    ['America/Santiago', '2026-09-06', '00:30', '2026-09-06T04:30:00.000Z'],
    ['America/Santiago', '2026-04-04', '23:30', '2026-04-05T02:30:00.000Z'],
    ['America/Santiago', '2026-04-05', '07:30', '2026-04-05T11:30:00.000Z'],
    ['UTC', '2026-06-01', '00:00', '2026-06-01T00:00:00.000Z'],
  ])('%s %s %s is %s', (zone, date, hhmm, instant) => {
    expect(instantAt(zone, date, hhmm).toISOString()).toBe(instant);
  });

  it.each([
    ['America/Mexico_City', '2026-01-01'],
    ['America/Santiago', '2026-04-01'],
    ['America/Santiago', '2026-09-01'],
    ['Europe/Madrid', '2026-03-25'],
    ['Europe/Madrid', '2026-10-22'],
  ])('in %s every local midnight and list time from %s falls on its own date', (zone, start) => {
    for (let i = 0; i < 10; i++) {
      const date = addDays(start, i);
      for (const hhmm of ['00:00', '07:30', '08:30', '23:59']) expect(todayIn(zone, instantAt(zone, date, hhmm))).toBe(date);
    }
  });

  it.each(['8:30', '24:00', '12:60', ''])('refuses the time %j', (hhmm) => {
    expect(() => instantAt('UTC', '2026-01-01', hhmm)).toThrow(RangeError);
  });
});

describe('daysAgoInWorkingDays', () => {
  it.each([
    // calendar, to, working days, latest day that far back
    [monFri, '2026-12-09', 1, '2026-12-08'],
    [monFri, '2026-12-09', 3, '2026-12-06'],
    [monFri, '2026-12-07', 1, '2026-12-06'],
    [monFri, '2026-12-05', 1, '2026-12-03'],
    [monFri, '2026-12-09', 0, '2026-12-09'],
  ])('%#: from %s, %i working days back -> %s', (cal, to, n, expected) => {
    expect(daysAgoInWorkingDays(cal, to, n)).toBe(expected);
  });

  it.each([1, 3, 5, 10])('draws the same line as workingDaysBetween >= %i', (n) => {
    for (const cal of [monFri, monSat]) {
      for (let r = 0; r < 30; r++) {
        const to = addDays('2026-12-01', r);
        const line = daysAgoInWorkingDays(cal, to, n);
        for (let back = 0; back < 25; back++) {
          const day = addDays(to, -back);
          expect(workingDaysBetween(cal, day, to) >= n).toBe(day <= line);
        }
      }
    }
  });
});
