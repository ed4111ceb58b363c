import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import { queryRows } from '../../db/query-rows.js';
import { debtors, notices, users } from '../../db/schema/index.js';
import type { IsoDate } from '../../domain/calendar.js';
import { canHoldNotice } from '../../domain/permissions.js';
import { openNoticesOf } from './day.js';

export type HoldResult =
  /** The debtor's notices in that currency will not go out today (`held`: how many were held now; 0 when already held or skipped). */
  | { status: 'held'; debtorId: number; debtorName: string; currency: string; date: IsoDate; held: number }
  /** Too late: its email is already queued (or sent, or failed). */
  | { status: 'already_sent'; debtorId: number; debtorName: string; currency: string }
  /** The user is not in the register, or is not the debtor's collector, the team's lead or manager, or an admin. */
  | { status: 'not_allowed' }
  | { status: 'not_found' };

const SENT_STATES = new Set(['queued', 'sent', 'failed']);

/**
 * Holds a notice for `date` (the `hold_notice` button of the morning DM): every trigger of
 * that debtor and currency still planned for the day becomes `held`, with who held it, so
 * the day's email does not go. `userId` is the user's id in the register (users.id), not
 * the Slack id. A hold racing `queueNotices` waits for its row locks: whichever commits
 * first wins, and the loser says so.
 */
export async function holdNotice(db: Db, noticeId: number, userId: number, date: IsoDate): Promise<HoldResult> {
  const [notice] = await db
    .select({
      debtorId: notices.debtorId,
      currency: notices.currency,
      state: notices.state,
      debtorName: debtors.name,
      collectorId: debtors.collectorId,
      teamId: users.teamId,
    })
    .from(notices)
    .innerJoin(debtors, eq(debtors.id, notices.debtorId))
    .leftJoin(users, eq(users.id, debtors.collectorId))
    .where(eq(notices.id, noticeId));
  if (!notice) return { status: 'not_found' };
  const [actor] = await db.select({ id: users.id, role: users.role, teamId: users.teamId }).from(users).where(eq(users.id, userId));
  if (!actor || !canHoldNotice(actor, { collectorId: notice.collectorId, teamId: notice.teamId })) return { status: 'not_allowed' };
  const about = { debtorId: notice.debtorId, debtorName: notice.debtorName, currency: notice.currency };
  if (SENT_STATES.has(notice.state)) return { status: 'already_sent', ...about };

  const held = await queryRows<{ id: number }>(
    db,
    sql`update notices n set state = 'held', held_by = ${userId}
        where n.debtor_id = ${notice.debtorId} and n.currency = ${notice.currency} and ${openNoticesOf(date)}
        returning n.id`,
  );
  if (held.length === 0) {
    // Nothing left to hold: queued meanwhile, or already held or skipped.
    const [now] = await db.select({ state: notices.state }).from(notices).where(eq(notices.id, noticeId));
    if (now && SENT_STATES.has(now.state)) return { status: 'already_sent', ...about };
  }
  return { status: 'held', ...about, date, held: held.length };
}
