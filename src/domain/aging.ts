// How late money is. Aging buckets follow the usual accounts-receivable report, so the
// numbers in Slack match what finance sees in the ERP.

import { daysBetween, type IsoDate } from './calendar.js';

export const AGING_BUCKETS = ['current', '1-30', '31-60', '61-90', '90+'] as const;
export type AgingBucket = (typeof AGING_BUCKETS)[number];

/** Calendar days past the due date; 0 when due today or later. */
export function daysOverdue(dueDate: IsoDate, today: IsoDate): number {
  return Math.max(0, daysBetween(dueDate, today));
}

export function agingBucket(daysOverdue: number): AgingBucket {
  if (daysOverdue <= 0) return 'current';
  if (daysOverdue <= 30) return '1-30';
  if (daysOverdue <= 60) return '31-60';
  if (daysOverdue <= 90) return '61-90';
  return '90+';
}

export interface OpenItem {
  dueDate: IsoDate;
  /** Minor units still owed, as the ERP reports it. */
  openAmount: number;
  currency: string;
}

/** Days overdue of the oldest invoice that still has money owed; 0 when nothing is overdue. */
export function oldestOverdueDays(items: readonly OpenItem[], today: IsoDate): number {
  let oldest = 0;
  for (const item of items) {
    if (item.openAmount > 0) oldest = Math.max(oldest, daysOverdue(item.dueDate, today));
  }
  return oldest;
}

function emptyTotals(): Record<AgingBucket, number> {
  return { current: 0, '1-30': 0, '31-60': 0, '61-90': 0, '90+': 0 };
}

/**
 * Open amounts per currency and bucket. Credit balances (open amount <= 0) are left out:
 * they are not owed, and netting them would hide old debt behind a recent credit note.
 */
export function agingTotals(items: readonly OpenItem[], today: IsoDate): Map<string, Record<AgingBucket, number>> {
  const totals = new Map<string, Record<AgingBucket, number>>();
  for (const item of items) {
    if (item.openAmount <= 0) continue;
    let row = totals.get(item.currency);
    if (!row) {
      row = emptyTotals();
      totals.set(item.currency, row);
    }
    row[agingBucket(daysOverdue(item.dueDate, today))] += item.openAmount;
  }
  return totals;
}
