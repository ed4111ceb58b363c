import { describe, expect, it } from 'vitest';
import { addDays, type WorkCalendar } from '../../src/domain/calendar.js';
import { isDue, judgeInstalment, judgementDay, lastPromisedDayDue, paymentWindow, planInstalments } from '../../src/domain/promise-judgement.js';

const monFri: WorkCalendar = { timeZone: 'America/Mexico_City', workingDays: [1, 2, 3, 4, 5], holidays: [] };
// Tuesday 2026-12-08 a holiday, inside the grace period of a promise for Friday 12-04.
const withHoliday: WorkCalendar = { ...monFri, holidays: ['2026-12-08', '2026-12-25', '2027-01-01'] };
const monSat: WorkCalendar = { timeZone: 'America/Santiago', workingDays: [1, 2, 3, 4, 5, 6], holidays: [] };

describe('judgementDay', () => {
  it.each([
    // name, calendar, promised on, grace, judged by the run of
    ['Friday promise, grace 2', monFri, '2026-12-04', 2, '2026-12-09'],
    ['Friday promise, no grace', monFri, '2026-12-04', 0, '2026-12-07'],
    ['Monday promise, grace 2', monFri, '2026-12-07', 2, '2026-12-10'],
    ['Saturday promise, grace 2', monFri, '2026-12-05', 2, '2026-12-09'],
    ['holiday inside the grace period', withHoliday, '2026-12-04', 2, '2026-12-10'],
    ['holiday on the first working day after', withHoliday, '2026-12-07', 1, '2026-12-10'],
    ['over Christmas and New Year', withHoliday, '2026-12-24', 2, '2026-12-30'],
    ['over New Year', withHoliday, '2026-12-31', 2, '2027-01-06'],
    ['Saturdays are working days', monSat, '2026-12-04', 2, '2026-12-08'],
  ])('%s', (_name, cal, promisedOn, grace, expected) => {
    expect(judgementDay(cal, promisedOn, grace)).toBe(expected);
  });
});

describe('isDue', () => {
  it.each([
    ['2026-12-08', false],
    ['2026-12-09', true],
    ['2026-12-14', true],
    ['2026-12-04', false],
  ])('Friday 12-04 promise, grace 2, run of %s -> %s', (runDay, due) => {
    expect(isDue(monFri, '2026-12-04', 2, runDay)).toBe(due);
  });

  it.each([
    ['2026-12-09', false],
    ['2026-12-10', true],
  ])('with the holiday, run of %s -> %s', (runDay, due) => {
    expect(isDue(withHoliday, '2026-12-04', 2, runDay)).toBe(due);
  });
});

describe('lastPromisedDayDue', () => {
  it.each([
    // name, calendar, grace, run of, latest promised day judged
    ['Wednesday run, grace 2: the Friday before and its weekend', monFri, 2, '2026-12-09', '2026-12-06'],
    ['Thursday run, grace 2: the Monday before', monFri, 2, '2026-12-10', '2026-12-07'],
    ['Monday run, no grace: Friday and the weekend', monFri, 0, '2026-12-07', '2026-12-06'],
    ['holiday inside the grace period', withHoliday, 2, '2026-12-09', '2026-12-03'],
    ['Saturdays work', monSat, 1, '2026-12-08', '2026-12-06'],
  ])('%s', (_name, cal, grace, runDay, expected) => {
    expect(lastPromisedDayDue(cal, grace, runDay)).toBe(expected);
  });

  // It draws the same line as isDue, promise by promise.
  it.each([
    [monFri, 0],
    [monFri, 2],
    [withHoliday, 2],
    [monSat, 3],
  ])('agrees with isDue over a month of runs (%#)', (cal, grace) => {
    for (let r = 0; r < 40; r++) {
      const runDay = addDays('2026-12-01', r);
      const last = lastPromisedDayDue(cal, grace, runDay);
      for (let p = -20; p < 0; p++) {
        const promisedOn = addDays(runDay, p);
        expect(isDue(cal, promisedOn, grace, runDay)).toBe(promisedOn <= last);
      }
    }
  });
});

describe('paymentWindow', () => {
  it.each([
    ['2026-12-01', '2026-12-09', { from: '2026-12-01', to: '2026-12-08' }],
    ['2026-12-31', '2027-01-05', { from: '2026-12-31', to: '2027-01-04' }],
    ['2026-03-01', '2026-03-01', { from: '2026-03-01', to: '2026-02-28' }],
  ])('created %s, run %s', (createdOn, runDay, window) => {
    expect(paymentWindow(createdOn, runDay)).toEqual(window);
  });
});

describe('judgeInstalment', () => {
  it.each([
    // name, amount, owed before, paid since creation, state, paid toward this, missing
    ['single promise paid in full', 10000, 0, 10000, 'kept', 10000, 0],
    ['single promise overpaid', 10000, 0, 15000, 'kept', 10000, 0],
    ['single promise partly paid', 10000, 0, 2550, 'partial', 2550, 7450],
    ['single promise unpaid', 10000, 0, 0, 'broken', 0, 10000],
    // A plan of 3 x 1000 with 1500 paid: 1.5 instalments covered.
    ['plan 1/3 with 1.5 instalments paid', 1000, 0, 1500, 'kept', 1000, 0],
    ['plan 2/3 with 1.5 instalments paid', 1000, 1000, 1500, 'partial', 500, 500],
    ['plan 3/3 with 1.5 instalments paid', 1000, 2000, 1500, 'broken', 0, 1000],
    ['plan 3/3 paid in full, remainder on the last', 334, 666, 1000, 'kept', 334, 0],
    ['plan 2/3 with exactly one instalment paid', 1000, 1000, 1000, 'broken', 0, 1000],
  ] as const)('%s', (_name, amount, owedBefore, paidSinceCreation, state, paidTowardThis, missing) => {
    expect(judgeInstalment({ amount, owedBefore, paidSinceCreation })).toEqual({ state, paidTowardThis, missing });
  });
});

describe('planInstalments', () => {
  it.each([
    [
      300000,
      3,
      '2026-01-31',
      [
        { instalmentNo: 1, amount: 100000, promisedOn: '2026-01-31' },
        { instalmentNo: 2, amount: 100000, promisedOn: '2026-02-28' },
        { instalmentNo: 3, amount: 100000, promisedOn: '2026-03-31' },
      ],
    ],
    [
      1000,
      3,
      '2026-11-15',
      [
        { instalmentNo: 1, amount: 333, promisedOn: '2026-11-15' },
        { instalmentNo: 2, amount: 333, promisedOn: '2026-12-15' },
        { instalmentNo: 3, amount: 334, promisedOn: '2027-01-15' },
      ],
    ],
    [5000, 1, '2026-06-01', [{ instalmentNo: 1, amount: 5000, promisedOn: '2026-06-01' }]],
  ])('%i in %i from %s', (total, count, first, expected) => {
    expect(planInstalments(total, count, first)).toEqual(expected);
  });
});
