import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { auditLog, barriers, contactLogs, debtors, pressures, promises, termsChanges, users, type Debtor, type User } from '../db/schema/index.js';
import { addMonths, type IsoDate } from '../domain/calendar.js';
import { creditDecisionOf, effectiveCreditStatus } from '../domain/credit.js';
import { splitEvenly } from '../domain/money.js';
import type { Outcome } from '../domain/outcome.js';
import { recordCreditDecisions } from './credit-decisions.js';
import { enqueueMessages, type OutgoingMessage } from './outbox.js';

export type RecordOutcomeResult =
  | { status: 'stored'; contactLogId: number; barrierOwner: User | null }
  | { status: 'duplicate' }
  | { status: 'unknown_owner' }
  | { status: 'unknown_debtor' };

/** Ids of what an outcome created, for the messages that announce it (the owner's DM names its barrier). */
export interface OutcomeRecords {
  barrierId: number | null;
}

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
 * A terms change: a credit hold, revocation or restoration becomes the team's decision
 * (the ERP's own status stays as imported), and the change is kept with the effective
 * statuses before and after. Changing the terms is how an announced consequence gets applied.
 */
async function applyTermsChange(
  tx: Db,
  input: { debtor: Debtor; actor: User; contactLogId: number; outcome: Extract<Outcome, { type: 'terms_change' }> },
): Promise<void> {
  const { debtor, actor, contactLogId, outcome } = input;
  const decision = creditDecisionOf(outcome.newTerms);
  const before = effectiveCreditStatus(debtor.creditStatus, debtor.teamCreditStatus);
  await tx.insert(termsChanges).values({
    debtorId: debtor.id,
    contactLogId,
    kind: outcome.newTerms,
    details: outcome.details,
    previousCreditStatus: before,
    newCreditStatus: decision === null ? before : effectiveCreditStatus(debtor.creditStatus, decision),
    newDueDate: outcome.newDueDate,
  });
  if (decision !== null) {
    const reason = outcome.details.trim() || outcome.newTerms;
    await recordCreditDecisions(tx, [{ debtorId: debtor.id, status: decision, decidedBy: actor.id, reason }], new Date());
  }
  if (outcome.plan) await insertPromises(tx, { debtorId: debtor.id, contactLogId, ...outcome.plan });
  await tx
    .update(pressures)
    .set({ state: 'applied', resolvedAt: new Date() })
    .where(and(eq(pressures.debtorId, debtor.id), eq(pressures.state, 'pending')));
}

/**
 * Stores a collection contact with its follow-up (promises, barrier case, pressure
 * deadline, terms change) and an audit row, in one transaction. The same
 * `idempotencyKey` twice (a double click, a retried request) stores one contact. `messages`
 * (a DM to a barrier's owner…) are built once the records they name exist, and go to the
 * outbox in the same transaction.
 */
export async function recordOutcome(
  db: Db,
  input: {
    actor: User;
    debtorId: number;
    outcome: Outcome;
    idempotencyKey: string;
    messages?: (created: OutcomeRecords) => OutgoingMessage[];
  },
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

    let barrierId: number | null = null;
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
      case 'barrier': {
        const [barrier] = await tx
          .insert(barriers)
          .values({
            debtorId,
            contactLogId,
            kind: outcome.barrierKind,
            description: outcome.description,
            ownerId: barrierOwner!.id,
            dueOn: outcome.dueOn,
          })
          .returning({ id: barriers.id });
        barrierId = barrier!.id;
        break;
      }
      case 'pressure':
        await tx.insert(pressures).values({ debtorId, contactLogId, consequence: outcome.consequence, deadline: outcome.deadline });
        break;
      case 'terms_change':
        await applyTermsChange(tx, { debtor, actor, contactLogId, outcome });
        break;
    }

    await enqueueMessages(tx, input.messages?.({ barrierId }) ?? []);
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
