import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { auditLog, barriers, contactLogs, debtors, pressures, promises, termsChanges, users, type User } from '../db/schema/index.js';
import { addMonths, type IsoDate } from '../domain/calendar.js';
import { splitEvenly } from '../domain/money.js';
import type { Outcome } from '../domain/outcome.js';
import type { CreditStatus, TermsKind } from '../domain/vocabulary.js';
import { enqueueMessages, type OutgoingMessage } from './outbox.js';

export type RecordOutcomeResult =
  | { status: 'stored'; contactLogId: number; barrierOwner: User | null }
  | { status: 'duplicate' }
  | { status: 'unknown_owner' }
  | { status: 'unknown_debtor' };

const CREDIT_STATUS_AFTER: Partial<Record<TermsKind, CreditStatus>> = {
  credit_hold: 'hold',
  credit_revoked: 'revoked',
  credit_restored: 'active',
};

interface PlanInput {
  debtorId: number;
  contactLogId: number;
  amount: number;
  currency: string;
  firstDate: IsoDate;
  instalments: number;
}

/** A promise, or a monthly plan of instalments that add up exactly to the total. */
async function insertPromises(tx: Db, plan: PlanInput): Promise<void> {
  // A new commitment replaces what was still pending: the debtor renegotiated.
  await tx
    .update(promises)
    .set({ state: 'cancelled' })
    .where(and(eq(promises.debtorId, plan.debtorId), eq(promises.state, 'pending')));
  const amounts = splitEvenly(plan.amount, plan.instalments);
  await tx.insert(promises).values(
    amounts.map((amount, i) => ({
      debtorId: plan.debtorId,
      contactLogId: plan.contactLogId,
      amount,
      currency: plan.currency,
      promisedOn: addMonths(plan.firstDate, i),
      instalmentNo: i + 1,
      instalmentCount: plan.instalments,
    })),
  );
}

/**
 * Stores a collection contact with its follow-up (promises, barrier case, pressure
 * deadline, terms change) and an audit row, in one transaction. The same
 * `idempotencyKey` twice (a double click, a retried request) stores one contact. `messages`
 * (a DM to a barrier's owner…) go to the outbox in the same transaction.
 */
export async function recordOutcome(
  db: Db,
  input: { actor: User; debtorId: number; outcome: Outcome; idempotencyKey: string; messages?: OutgoingMessage[] },
): Promise<RecordOutcomeResult> {
  const { actor, debtorId, outcome, idempotencyKey } = input;
  return db.transaction(async (tx) => {
    const [debtor] = await tx.select().from(debtors).where(eq(debtors.id, debtorId)).for('update');
    if (!debtor) return { status: 'unknown_debtor' } as const;
    let barrierOwner: User | null = null;
    if (outcome.type === 'barrier') {
      [barrierOwner = null] = await tx.select().from(users).where(eq(users.slackUserId, outcome.ownerSlackId));
      if (!barrierOwner) return { status: 'unknown_owner' } as const;
    }
    const [log] = await tx
      .insert(contactLogs)
      .values({
        debtorId,
        authorId: actor.id,
        outcomeType: outcome.type,
        channel: outcome.channel,
        reached: outcome.reached,
        contactId: outcome.contactId,
        note: outcome.note,
        nextContactOn: outcome.nextContactOn,
        idempotencyKey,
      })
      .onConflictDoNothing({ target: contactLogs.idempotencyKey })
      .returning({ id: contactLogs.id });
    if (!log) return { status: 'duplicate' } as const;
    const contactLogId = log.id;

    switch (outcome.type) {
      case 'reminder':
        break;
      case 'commitment':
        await insertPromises(tx, {
          debtorId,
          contactLogId,
          amount: outcome.amount,
          currency: outcome.currency,
          firstDate: outcome.promisedOn,
          instalments: outcome.instalments,
        });
        break;
      case 'barrier':
        await tx.insert(barriers).values({
          debtorId,
          contactLogId,
          kind: outcome.barrierKind,
          description: outcome.description,
          ownerId: barrierOwner!.id,
          dueOn: outcome.dueOn,
        });
        break;
      case 'pressure':
        await tx.insert(pressures).values({ debtorId, contactLogId, consequence: outcome.consequence, deadline: outcome.deadline });
        break;
      case 'terms_change': {
        const newCreditStatus = CREDIT_STATUS_AFTER[outcome.newTerms] ?? debtor.creditStatus;
        await tx.insert(termsChanges).values({
          debtorId,
          contactLogId,
          kind: outcome.newTerms,
          details: outcome.details,
          previousCreditStatus: debtor.creditStatus,
          newCreditStatus,
          newDueDate: outcome.newDueDate,
        });
        if (newCreditStatus !== debtor.creditStatus) {
          await tx.update(debtors).set({ creditStatus: newCreditStatus, updatedAt: new Date() }).where(eq(debtors.id, debtorId));
        }
        if (outcome.plan) await insertPromises(tx, { debtorId, contactLogId, ...outcome.plan });
        // Changing the terms is how an announced consequence gets applied.
        await tx
          .update(pressures)
          .set({ state: 'applied', resolvedAt: new Date() })
          .where(and(eq(pressures.debtorId, debtorId), eq(pressures.state, 'pending')));
        break;
      }
    }

    await enqueueMessages(tx, input.messages ?? []);
    await tx.insert(auditLog).values({
      actorId: actor.id,
      slackUserId: actor.slackUserId,
      action: 'log_outcome',
      entity: 'contact_log',
      entityId: String(contactLogId),
      details: { debtorId, outcome: outcome as unknown as Record<string, unknown> },
    });
    return { status: 'stored', contactLogId, barrierOwner } as const;
  });
}
