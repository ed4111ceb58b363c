import { and, desc, eq, gte, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../db/database.js';
import { queryRows } from '../db/query-rows.js';
import { auditLog, barriers, contactLogs, debtors, users, type User } from '../db/schema/index.js';
import { addDays, type IsoDate } from '../domain/calendar.js';
import { canResolveBarrier } from '../domain/permissions.js';
import { OVERDUE } from './alarm-candidates.js';

/** How long a resolved barrier stays in the history of the debtor card and App Home. */
export const RESOLVED_HISTORY_DAYS = 30;

/** A barrier case with what its messages and its permission need. */
export interface BarrierRecord {
  id: number;
  debtorId: number;
  debtorName: string;
  kind: (typeof barriers.$inferSelect)['kind'];
  description: string;
  dueOn: IsoDate;
  state: (typeof barriers.$inferSelect)['state'];
  ownerId: number;
  ownerSlackId: string;
  /** Who logged it (the contact's author); null for a barrier not logged from a contact. */
  assignedBySlackId: string | null;
  collectorId: number | null;
  /** The debtor's team: its collector's. */
  teamId: number | null;
  resolvedAt: Date | null;
  /** Null while open, and when the alarms job resolved it. */
  resolvedBySlackId: string | null;
}

function barrierQuery(db: Db) {
  const owner = alias(users, 'owner');
  const collector = alias(users, 'collector');
  const author = alias(users, 'author');
  const resolver = alias(users, 'resolver');
  return db
    .select({
      id: barriers.id,
      debtorId: barriers.debtorId,
      debtorName: debtors.name,
      kind: barriers.kind,
      description: barriers.description,
      dueOn: barriers.dueOn,
      state: barriers.state,
      ownerId: barriers.ownerId,
      ownerSlackId: owner.slackUserId,
      assignedBySlackId: author.slackUserId,
      collectorId: debtors.collectorId,
      teamId: collector.teamId,
      resolvedAt: barriers.resolvedAt,
      resolvedBySlackId: resolver.slackUserId,
    })
    .from(barriers)
    .innerJoin(debtors, eq(debtors.id, barriers.debtorId))
    .innerJoin(owner, eq(owner.id, barriers.ownerId))
    .leftJoin(collector, eq(collector.id, debtors.collectorId))
    .leftJoin(contactLogs, eq(contactLogs.id, barriers.contactLogId))
    .leftJoin(author, eq(author.id, contactLogs.authorId))
    .leftJoin(resolver, eq(resolver.id, barriers.resolvedBy));
}

export async function findBarrier(db: Db, barrierId: number): Promise<BarrierRecord | undefined> {
  const [row] = await barrierQuery(db).where(eq(barriers.id, barrierId));
  return row;
}

export type ResolveBarrierResult =
  | { status: 'resolved'; barrier: BarrierRecord }
  | { status: 'already'; barrier: BarrierRecord }
  | { status: 'forbidden' }
  | { status: 'not_found' };

/** Closes a barrier case once: the first resolution stands, later clicks change nothing. */
export async function resolveBarrier(db: Db, input: { barrierId: number; actor: User; now: Date }): Promise<ResolveBarrierResult> {
  const { barrierId, actor, now } = input;
  const barrier = await findBarrier(db, barrierId);
  if (!barrier) return { status: 'not_found' };
  if (!canResolveBarrier(actor, barrier)) return { status: 'forbidden' };
  const changed = await db.transaction(async (tx) => {
    const [row] = await tx
      .update(barriers)
      .set({ state: 'resolved', resolvedAt: now, resolvedBy: actor.id })
      .where(and(eq(barriers.id, barrierId), eq(barriers.state, 'open')))
      .returning({ id: barriers.id });
    if (!row) return false;
    await tx.insert(auditLog).values({
      actorId: actor.id,
      slackUserId: actor.slackUserId,
      action: 'resolve_barrier',
      entity: 'barrier',
      entityId: String(barrierId),
      details: { debtorId: barrier.debtorId },
    });
    return true;
  });
  const current = (await findBarrier(db, barrierId))!;
  return { status: changed ? 'resolved' : 'already', barrier: current };
}

/**
 * Open barriers of debtors who no longer owe anything overdue are resolved, by nobody:
 * whatever stood in the way did not stop them paying. Returns how many were resolved.
 */
export async function resolveBarriersOfSettledDebtors(tx: Db, runDay: IsoDate, now: Date): Promise<number> {
  const rows = await queryRows<{ id: number }>(
    tx,
    sql`update barriers b set state = 'resolved', resolved_at = ${now.toISOString()}::timestamptz, resolved_by = null
        from debtors d
        where d.id = b.debtor_id and b.state = 'open' and not ${OVERDUE(runDay)}
        returning b.id`,
  );
  return rows.length;
}

/**
 * Barriers resolved in the last `RESOLVED_HISTORY_DAYS` days, newest first: of a debtor
 * (the card), or that a user owns or collects (App Home).
 */
export function recentlyResolvedBarriers(
  db: Db,
  scope: { debtorId: number } | { userId: number },
  today: IsoDate,
  limit: number,
): Promise<BarrierRecord[]> {
  const whose: SQL | undefined =
    'debtorId' in scope ? eq(barriers.debtorId, scope.debtorId) : or(eq(barriers.ownerId, scope.userId), eq(debtors.collectorId, scope.userId));
  const since = new Date(`${addDays(today, -RESOLVED_HISTORY_DAYS)}T00:00:00Z`);
  return barrierQuery(db)
    .where(and(eq(barriers.state, 'resolved'), gte(barriers.resolvedAt, since), whose))
    .orderBy(desc(barriers.resolvedAt), desc(barriers.id))
    .limit(limit);
}
