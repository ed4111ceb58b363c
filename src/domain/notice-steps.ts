// When an invoice's notices go out, and how firm they sound. A step is a number of days
// from the due date (negative: before it); its day is due + step. A step whose day is not
// a working day goes out on the next working day, so on a working day D the notices due
// are those whose day is D or one of the non-working days right before D. Pure calendar
// arithmetic on 'YYYY-MM-DD' dates: no instants, so no time-zone or DST drift.

import { addDays, isWorkingDay, nextWorkingDay, type IsoDate, type WorkCalendar } from './calendar.js';

/** How firm a notice sounds: before the due date friendly, just overdue a reminder, long overdue firm. */
export type NoticeTone = 'before_due' | 'overdue' | 'firm';

/** Steps from here on are past the due date: an "it is overdue" notice. */
export const OVERDUE_FROM_STEP = 0;
/** Steps from here on are long overdue: a firm notice. */
export const FIRM_FROM_STEP = 15;

/** The tone of the notice a step triggers. */
export function noticeTone(step: number): NoticeTone {
  if (step >= FIRM_FROM_STEP) return 'firm';
  if (step >= OVERDUE_FROM_STEP) return 'overdue';
  return 'before_due';
}

/** The tone of one email carrying several steps: the firmest of them. */
export function noticeToneOf(steps: readonly number[]): NoticeTone {
  if (steps.length === 0) throw new RangeError('an email carries at least one step');
  return noticeTone(Math.max(...steps));
}

/** The working day a step whose day is `day` goes out: that day, or the next working day. */
export function noticeDayOf(cal: WorkCalendar, day: IsoDate): IsoDate {
  return isWorkingDay(cal, day) ? day : nextWorkingDay(cal, day);
}

// A calendar can not hold more than a few weeks of days off in a row; a year is a broken policy.
const MAX_DAYS_OFF = 366;

/**
 * The step days whose notices go out on `date`: `date` itself and the non-working days right
 * before it, oldest first. None when `date` is not a working day (its steps wait for the next).
 */
export function stepDaysSentOn(cal: WorkCalendar, date: IsoDate): IsoDate[] {
  if (!isWorkingDay(cal, date)) return [];
  const days: IsoDate[] = [date];
  let day = addDays(date, -1);
  for (let i = 0; i < MAX_DAYS_OFF && !isWorkingDay(cal, day); i++) {
    days.unshift(day);
    day = addDays(day, -1);
  }
  return days;
}

/** The steps an invoice due on `dueDate` reaches on `date` (in the order of `steps`). */
export function noticeStepsOn(dueDate: IsoDate, steps: readonly number[], cal: WorkCalendar, date: IsoDate): number[] {
  const days = new Set(stepDaysSentOn(cal, date));
  return steps.filter((step) => days.has(addDays(dueDate, step)));
}

/** A step and the due date whose invoices reach it on the day asked. */
export interface NoticeTrigger {
  step: number;
  dueDate: IsoDate;
}

/**
 * Every (step, due date) pair reaching a step on `date`: the invoices due on one of these
 * dates are the day's triggers. A handful of dates, so the database can select by them.
 */
export function noticeTriggersOn(steps: readonly number[], cal: WorkCalendar, date: IsoDate): NoticeTrigger[] {
  const days = stepDaysSentOn(cal, date);
  return steps.flatMap((step) => days.map((day) => ({ step, dueDate: addDays(day, -step) })));
}
