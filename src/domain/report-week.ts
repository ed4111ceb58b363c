// ISO 8601 weeks (Monday to Sunday) for the weekly report: a week is written `2026-W49`,
// belongs to the year of its Thursday, and week 1 is the one holding 4 January.

import { addDays, daysBetween, isIsoDate, isoWeekday, type IsoDate } from './calendar.js';

/** A Monday-to-Sunday week; `label` as ISO writes it (`2026-W49`). Same shape as the report's `ReportWeek`. */
export interface IsoWeek {
  start: IsoDate;
  end: IsoDate;
  label: string;
}

const WEEK_LABEL = /^(\d{4})-W(\d{2})$/;

function weekOfDate(date: IsoDate): IsoWeek {
  const start = addDays(date, 1 - isoWeekday(date));
  const thursday = addDays(start, 3);
  const year = thursday.slice(0, 4);
  const number = Math.floor(daysBetween(`${year}-01-01`, thursday) / 7) + 1;
  return { start, end: addDays(start, 6), label: `${year}-W${String(number).padStart(2, '0')}` };
}

/** Whether `text` names an ISO week that exists (`2026-W53` exists, `2025-W53` does not). */
export function isWeekLabel(text: string): boolean {
  const match = WEEK_LABEL.exec(text);
  if (!match) return false;
  const year = match[1]!;
  const number = Number(match[2]);
  if (number < 1 || number > 53) return false;
  return mondayOfLabel(year, number) !== null;
}

function mondayOfLabel(year: string, number: number): IsoDate | null {
  const jan4 = `${year}-01-04`;
  const monday = addDays(addDays(jan4, 1 - isoWeekday(jan4)), (number - 1) * 7);
  // Week 53 of a year with 52 weeks is week 1 of the next: refused.
  return weekOfDate(monday).label === `${year}-W${String(number).padStart(2, '0')}` ? monday : null;
}

/**
 * The ISO week named by a label (`2026-W49`) or holding a date (`2026-12-07`).
 * Throws a RangeError on anything else.
 */
export function reportWeek(labelOrDate: string): IsoWeek {
  if (isIsoDate(labelOrDate)) return weekOfDate(labelOrDate);
  const match = WEEK_LABEL.exec(labelOrDate);
  const monday = match ? mondayOfLabel(match[1]!, Number(match[2])) : null;
  if (!monday) throw new RangeError(`not an ISO week (YYYY-Www) or date: ${labelOrDate}`);
  return weekOfDate(monday);
}

/** The week before. */
export function previousWeek(week: IsoWeek): IsoWeek {
  return weekOfDate(addDays(week.start, -7));
}

/** The `count` weeks ending with `week`, oldest first (the report's history: 12). */
export function weeksEndingWith(week: IsoWeek, count = 12): IsoWeek[] {
  const weeks: IsoWeek[] = [];
  for (let i = count - 1; i >= 0; i--) weeks.push(weekOfDate(addDays(week.start, -7 * i)));
  return weeks;
}

/**
 * The week a report sent on `today` is about: the last whole Monday-to-Sunday week
 * before it (on a Monday, the week that ended the day before; on a Sunday, the one before
 * the week that ends today).
 */
export function reportWeekOf(today: IsoDate): IsoWeek {
  return previousWeek(weekOfDate(today));
}
