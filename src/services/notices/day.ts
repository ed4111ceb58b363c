import { sql, type SQL } from 'drizzle-orm';
import type { IsoDate } from '../../domain/calendar.js';

/**
 * The notices of `date` still to decide, as a condition on the notices table aliased `n`:
 * those planned for that day, and those of earlier days that wait for an email address
 * (left `planned` with skip_reason `no_email`). Held, queued and skipped ones are done.
 */
export function openNoticesOf(date: IsoDate): SQL {
  return sql`(n.state = 'planned' and (n.notice_on = ${date}::date or (n.notice_on < ${date}::date and n.skip_reason = 'no_email')))`;
}

/** The barrier kinds that stop notices while open: the debtor can not pay until they are solved. */
export const NOTICE_BARRIER_KINDS = ['missing_document', 'invoice_error', 'withholding_certificate', 'supplier_data', 'dispute'] as const;

/** Why a notice was not sent (notices.skip_reason); `no_email` leaves the notice planned, waiting. */
export type NoticeSkipReason =
  | 'invoice_paid'
  | 'promise_pending'
  | 'open_barrier'
  | 'recent_notice'
  | 'under_min_amount'
  | 'no_collector'
  | 'no_email'
  | 'bounced';
