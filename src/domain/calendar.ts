// Dates of the collection process (due, promised, deadlines) are calendar dates written
// 'YYYY-MM-DD'. Arithmetic on them is done on whole day numbers, never on Date objects
// in the process's zone, so a DST change can not shift a date by one. Only `todayIn` and
// `instantAt` cross between dates and instants, and they take the policy's zone.

import type { Policy } from './policy.js';

/** A calendar date 'YYYY-MM-DD'. */
export type IsoDate = string;

export interface WorkCalendar {
  timeZone: string;
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  workingDays: readonly number[];
  holidays: readonly string[];
}

export function calendarOf(policy: Policy): WorkCalendar {
  return { timeZone: policy.timeZone, workingDays: policy.workingDays, holidays: policy.holidays };
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Strict: the shape 'YYYY-MM-DD' and a day that exists (no 2026-02-30). */
export function isIsoDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

interface Ymd {
  year: number;
  month: number;
  day: number;
}

function parse(date: IsoDate): Ymd {
  if (!isIsoDate(date)) throw new RangeError(`not an ISO date: ${date}`);
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return { year, month, day };
}

function format({ year, month, day }: Ymd): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

// A morning's lists read the same few thousand dates tens of thousands of times.
const dayNumbers = new Map<IsoDate, number>();
const KNOWN_DAYS = 10_000;

function toDayNumber(date: IsoDate): number {
  let days = dayNumbers.get(date);
  if (days === undefined) {
    days = civilDayNumber(parse(date));
    if (dayNumbers.size >= KNOWN_DAYS) dayNumbers.clear();
    dayNumbers.set(date, days);
  }
  return days;
}

// Days since 1970-01-01 in the proleptic Gregorian calendar (Hinnant's civil algorithms):
// integer arithmetic, no Date quirks for early years.
function civilDayNumber({ year, month, day }: Ymd): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function fromDayNumber(days: number): IsoDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return format({ year, month, day });
}

/** ISO weekday of a date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: IsoDate): number {
  // 1970-01-01 was a Thursday (4).
  return ((((toDayNumber(date) + 3) % 7) + 7) % 7) + 1;
}

export function addDays(date: IsoDate, n: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + n);
}

/** Calendar months; a day past the end of the target month clamps to its last day. */
export function addMonths(date: IsoDate, n: number): IsoDate {
  const { year, month, day } = parse(date);
  const index = year * 12 + (month - 1) + n;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12 + 1;
  return format({ year: targetYear, month: targetMonth, day: Math.min(day, daysInMonth(targetYear, targetMonth)) });
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

// Holiday lists are short but looked up for every day walked; one Set per list.
const holidaySets = new WeakMap<readonly string[], ReadonlySet<string>>();

function holidaySet(cal: WorkCalendar): ReadonlySet<string> {
  let set = holidaySets.get(cal.holidays);
  if (!set) {
    set = new Set(cal.holidays);
    holidaySets.set(cal.holidays, set);
  }
  return set;
}

export function isWorkingDay(cal: WorkCalendar, date: IsoDate): boolean {
  return cal.workingDays.includes(isoWeekday(date)) && !holidaySet(cal).has(date);
}

// A calendar whose every day is a holiday would loop for ever; ten years without a single
// working day can only be a broken policy.
const MAX_SEARCH_DAYS = 3660;

/** The first working day strictly after `date`. */
export function nextWorkingDay(cal: WorkCalendar, date: IsoDate): IsoDate {
  let day = toDayNumber(date);
  for (let i = 0; i < MAX_SEARCH_DAYS; i++) {
    day += 1;
    const candidate = fromDayNumber(day);
    if (isWorkingDay(cal, candidate)) return candidate;
  }
  throw new RangeError(`no working day within ${MAX_SEARCH_DAYS} days after ${date}`);
}

/** The n-th working day strictly after `date`; n = 0 returns `date` itself. */
export function addWorkingDays(cal: WorkCalendar, date: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n) || n < 0) throw new RangeError('n must be a non-negative integer');
  let current = date;
  for (let i = 0; i < n; i++) current = nextWorkingDay(cal, current);
  return current;
}

/** Working days d with from < d <= to; 0 when `to` is not after `from`. */
export function workingDaysBetween(cal: WorkCalendar, from: IsoDate, to: IsoDate): number {
  const span = daysBetween(from, to);
  if (span <= 0) return 0;
  // Whole weeks hold every working weekday once; walk only the remainder, then take
  // out the holidays that fall on a working weekday inside the range.
  const weekdays = new Set(cal.workingDays);
  const fullWeeks = Math.floor(span / 7);
  let count = fullWeeks * weekdays.size;
  const start = toDayNumber(from);
  for (let d = start + fullWeeks * 7 + 1; d <= start + span; d++) {
    if (weekdays.has(isoWeekday(fromDayNumber(d)))) count += 1;
  }
  for (const holiday of holidaySet(cal)) {
    if (isIsoDate(holiday) && holiday > from && holiday <= to && weekdays.has(isoWeekday(holiday))) count -= 1;
  }
  return count;
}

// Formatters are costly to build and the zone set is tiny (usually one).
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

interface WallClock extends Ymd {
  hour: number;
  minute: number;
  second: number;
}

function wallClock(timeZone: string, instant: number): WallClock {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

/**
 * The latest day from which at least `n` working days have passed by `to`
 * (workingDaysBetween(d, to) >= n): anything last touched on or before it is that stale.
 */
export function daysAgoInWorkingDays(cal: WorkCalendar, to: IsoDate, n: number): IsoDate {
  // workingDaysBetween only grows as the day goes back, so the first day found is the latest.
  let day = to;
  while (workingDaysBetween(cal, day, to) < n) day = addDays(day, -1);
  return day;
}

/** The local calendar date of `now` in `timeZone`: "today" for the collection process. */
export function todayIn(timeZone: string, now: Date): IsoDate {
  return format(wallClock(timeZone, now.getTime()));
}

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;

/** Milliseconds to add to UTC to get the zone's wall clock at `instant`. */
function offsetAt(timeZone: string, instant: number): number {
  const w = wallClock(timeZone, instant);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - (instant - (((instant % 1000) + 1000) % 1000));
}

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/**
 * The instant at which the wall clock of `timeZone` shows `hhmm` on `date`. A time skipped
 * by a DST jump is taken as the same distance past the jump (02:30 in a 02:00→03:00 gap
 * is 03:30); a time that happens twice takes its first occurrence, so a job never runs late.
 */
export function instantAt(timeZone: string, date: IsoDate, hhmm: string): Date {
  const match = HHMM.exec(hhmm);
  if (!match) throw new RangeError(`not a HH:MM time: ${hhmm}`);
  const local = toDayNumber(date) * MS_PER_DAY + (Number(match[1]) * 60 + Number(match[2])) * MS_PER_MINUTE;
  // Zones change offset at most once within a day either side, so the offsets a day
  // before and a day after are the only candidates.
  const before = offsetAt(timeZone, local - MS_PER_DAY);
  const after = offsetAt(timeZone, local + MS_PER_DAY);
  const candidates = [local - before, local - after].filter((t) => offsetAt(timeZone, t) === local - t);
  if (candidates.length > 0) return new Date(Math.min(...candidates));
  return new Date(local - before);
}
