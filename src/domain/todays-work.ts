import { addWorkingDays, daysBetween, type IsoDate, type WorkCalendar } from './calendar.js';

/** Why a debtor is on a collector's list today. */
export type WorkReason =
  | 'promise_due_today'
  | 'pressure_deadline_today'
  | 'barrier_due_today'
  | 'pressure_deadline_passed'
  | 'overdue'
  | 'preventive';

/** Invoices falling due within this many working days get a preventive reminder. */
export const PREVENTIVE_WORKING_DAYS = 3;

/** The last day whose due invoices get a preventive reminder today. */
export function preventiveHorizon(cal: WorkCalendar, today: IsoDate): IsoDate {
  return addWorkingDays(cal, today, PREVENTIVE_WORKING_DAYS);
}

/** What `todaysWork` reads of an account (an account snapshot has it all). */
export interface WorkInput {
  oldestOverdueDue: IsoDate | null;
  nextDue: IsoDate | null;
  pendingPromises: number;
  promisesDueToday: number;
  openBarriers: number;
  barriersDueToday: number;
  barriersOverdue: number;
  pressureDeadlinesToday: number;
  pressureDeadlinesPassed: number;
  nextContactOn: IsoDate | null;
  lastContactOn: IsoDate | null;
}

/**
 * Whether a debtor belongs on today's list, and why. Dates that fall today always do.
 * An overdue debtor is chased when its next contact date has come (or it was never
 * contacted), except while a promise of theirs awaits judgement or a barrier on our
 * side is still within its due date: pressing then would undo the agreement.
 */
export function todaysWork(input: WorkInput, today: IsoDate, cal: WorkCalendar): WorkReason | null {
  if (input.promisesDueToday > 0) return 'promise_due_today';
  if (input.pressureDeadlinesToday > 0) return 'pressure_deadline_today';
  if (input.barriersDueToday > 0) return 'barrier_due_today';
  const contactDue = input.nextContactOn === null || input.nextContactOn <= today;
  if (input.oldestOverdueDue !== null && input.oldestOverdueDue < today) {
    if (input.pressureDeadlinesPassed > 0) return 'pressure_deadline_passed';
    if (input.pendingPromises > 0) return null;
    if (input.openBarriers > input.barriersOverdue) return null;
    return contactDue ? 'overdue' : null;
  }
  if (input.nextDue !== null && input.nextDue <= preventiveHorizon(cal, today)) {
    // One reminder per invoice run-up is enough: a contact in the week before counts.
    const remindedAlready = input.lastContactOn !== null && daysBetween(input.lastContactOn, input.nextDue) <= 7;
    return contactDue && !remindedAlready ? 'preventive' : null;
  }
  return null;
}

