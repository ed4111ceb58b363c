// When a promise to pay is judged and what it is judged against. The ERP's payments of
// a day arrive the next morning, so a promise gets working days of grace before the
// alarms run decides whether it was kept.

import { addMonths, addDays, addWorkingDays, nextWorkingDay, type IsoDate, type WorkCalendar } from './calendar.js';
import { splitEvenly } from './money.js';

/** The day whose alarms run judges a promise for `promisedOn`. */
export function judgementDay(cal: WorkCalendar, promisedOn: IsoDate, graceDays: number): IsoDate {
  return addWorkingDays(cal, nextWorkingDay(cal, promisedOn), graceDays);
}

/** Whether the run of `runDay` judges the promise (a run missed on its day catches up later). */
export function isDue(cal: WorkCalendar, promisedOn: IsoDate, graceDays: number, runDay: IsoDate): boolean {
  return runDay >= judgementDay(cal, promisedOn, graceDays);
}

/**
 * The latest promised day the run of `runDay` judges: every pending promise for that day
 * or earlier is due, so the database can select them by date.
 */
export function lastPromisedDayDue(cal: WorkCalendar, graceDays: number, runDay: IsoDate): IsoDate {
  // The judgement day never moves back as the promised day moves forward.
  let day = addDays(runDay, -1);
  while (!isDue(cal, day, graceDays, runDay)) day = addDays(day, -1);
  return day;
}

/** Payments that count: dated from the promise's creation to the day before the run. */
export function paymentWindow(createdOn: IsoDate, runDay: IsoDate): { from: IsoDate; to: IsoDate } {
  return { from: createdOn, to: addDays(runDay, -1) };
}

export type JudgedState = 'kept' | 'partial' | 'broken';

export interface InstalmentJudgement {
  state: JudgedState;
  paidTowardThis: number;
  /** What is still missing of this promise's amount (0 when kept). */
  missing: number;
}

/**
 * Cumulative rule for the instalments of a plan: money paid since the plan was created
 * covers the earlier instalments first, and only what is left counts toward this one.
 * A single promise is a plan of one (owedBefore = 0).
 */
export function judgeInstalment(input: { amount: number; owedBefore: number; paidSinceCreation: number }): InstalmentJudgement {
  const available = Math.max(0, input.paidSinceCreation - Math.max(0, input.owedBefore));
  const paidTowardThis = Math.min(input.amount, available);
  const missing = input.amount - paidTowardThis;
  const state: JudgedState = missing <= 0 ? 'kept' : paidTowardThis > 0 ? 'partial' : 'broken';
  return { state, paidTowardThis, missing };
}

export interface PlannedInstalment {
  instalmentNo: number;
  amount: number;
  promisedOn: IsoDate;
}

/**
 * A promise of `total` in `count` monthly instalments from `firstDate`: amounts split
 * exactly (the remainder on the last), dates a month apart counted from the first date so
 * a plan starting on the 31st keeps the month's last day (Jan 31, Feb 28, Mar 31).
 */
export function planInstalments(total: number, count: number, firstDate: IsoDate): PlannedInstalment[] {
  return splitEvenly(total, count).map((amount, i) => ({ instalmentNo: i + 1, amount, promisedOn: addMonths(firstDate, i) }));
}
