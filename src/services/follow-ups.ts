import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { barriers, contactLogs, pressures, promises } from '../db/schema/index.js';
import type { IsoDate } from '../domain/calendar.js';
import type { BarrierKind, Consequence, ContactChannel, OutcomeType, PromiseState } from '../domain/vocabulary.js';

/**
 * The one write path for a contact and the follow-up it creates (promises, a barrier case,
 * a pressure deadline): `recordOutcome` stores what a collector logs now, the demo stores
 * its story with past instants through the same functions. Without `at`, the database's
 * clock stamps the row.
 */

export interface ContactRecord {
  debtorId: number;
  authorId: number;
  outcomeType: OutcomeType;
  channel: ContactChannel;
  reached: boolean;
  contactId: number | null;
  note: string;
  nextContactOn: IsoDate | null;
  idempotencyKey: string;
  at?: Date;
}

/** Stores the contact; null when its idempotency key is already stored (a double click, a retry). */
export async function insertContactLog(tx: Db, contact: ContactRecord): Promise<number | null> {
  const { at, ...values } = contact;
  const [log] = await tx
    .insert(contactLogs)
    .values({ ...values, contactedAt: at })
    .onConflictDoNothing({ target: contactLogs.idempotencyKey })
    .returning({ id: contactLogs.id });
  return log?.id ?? null;
}

/** The contact a follow-up comes from. */
export interface FollowUpOf {
  debtorId: number;
  contactLogId: number;
  at?: Date;
}

/** One promise, or one instalment of a plan; `state` and what follows only for history already judged. */
export interface Instalment {
  amount: number;
  currency: string;
  promisedOn: IsoDate;
  state?: PromiseState;
  paidAmount?: number | null;
  judgedOn?: IsoDate | null;
}

/** A promise or a plan (instalments numbered in order); it replaces what was still pending, as the debtor renegotiated. */
export async function insertPromises(tx: Db, of: FollowUpOf, instalments: Instalment[]): Promise<void> {
  await tx
    .update(promises)
    .set({ state: 'cancelled' })
    .where(and(eq(promises.debtorId, of.debtorId), eq(promises.state, 'pending')));
  await tx.insert(promises).values(
    instalments.map((instalment, i) => ({
      ...instalment,
      debtorId: of.debtorId,
      contactLogId: of.contactLogId,
      instalmentNo: i + 1,
      instalmentCount: instalments.length,
      createdAt: of.at,
    })),
  );
}

export async function insertBarrier(
  tx: Db,
  of: FollowUpOf,
  barrier: { kind: BarrierKind; description: string; ownerId: number; dueOn: IsoDate },
): Promise<number> {
  const [row] = await tx
    .insert(barriers)
    .values({ ...barrier, debtorId: of.debtorId, contactLogId: of.contactLogId, createdAt: of.at })
    .returning({ id: barriers.id });
  return row!.id;
}

export async function insertPressure(tx: Db, of: FollowUpOf, pressure: { consequence: Consequence; deadline: IsoDate }): Promise<void> {
  await tx.insert(pressures).values({ ...pressure, debtorId: of.debtorId, contactLogId: of.contactLogId, createdAt: of.at });
}
