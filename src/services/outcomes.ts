import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { auditLog, debtors, pressures, termsChanges, users, type Debtor, type User } from '../db/schema/index.js';
import { addMonths, type IsoDate } from '../domain/calendar.js';
import { creditDecisionOf, effectiveCreditStatus } from '../domain/credit.js';
import { splitEvenly } from '../domain/money.js';
import type { Outcome } from '../domain/outcome.js';
import { recordCreditDecisions } from './credit-decisions.js';
import { insertBarrier, insertContactLog, insertPressure, insertPromises, type Instalment } from './follow-ups.js';
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

export interface RecordOutcomeInput {
  actor: User;
  debtorId: number;
  outcome: Outcome;
  idempotencyKey: string;
  messages?: (created: OutcomeRecords) => OutgoingMessage[];
}

/** A promise, or a monthly plan of instalments that add up exactly to the total. */
function monthlyPlan(plan: { amount: number; currency: string; firstDate: IsoDate; instalments: number }): Instalment[] {
  return splitEvenly(plan.amount, plan.instalments).map((amount, i) => ({
    amount,
    currency: plan.currency,
    promisedOn: addMonths(plan.firstDate, i),
  }));
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
  if (outcome.plan) await insertPromises(tx, { debtorId: debtor.id, contactLogId }, monthlyPlan(outcome.plan));
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
export async function recordOutcome(db: Db, input: RecordOutcomeInput): Promise<RecordOutcomeResult> {
  return db.transaction((tx) => recordOutcomeIn(tx, input));
}

async function recordOutcomeIn(tx: Db, input: RecordOutcomeInput): Promise<RecordOutcomeResult> {
  const { actor, debtorId, outcome } = input;
  const [debtor] = await tx.select().from(debtors).where(eq(debtors.id, debtorId)).for('update');
  if (!debtor) return { status: 'unknown_debtor' };
  let barrierOwner: User | null = null;
  if (outcome.type === 'barrier') {
    [barrierOwner = null] = await tx.select().from(users).where(eq(users.slackUserId, outcome.ownerSlackId));
    if (!barrierOwner) return { status: 'unknown_owner' };
  }
  const contactLogId = await insertContactLog(tx, {
    debtorId,
    authorId: actor.id,
    outcomeType: outcome.type,
    channel: outcome.channel,
    reached: outcome.reached,
    contactId: outcome.contactId,
    note: outcome.note,
    nextContactOn: outcome.nextContactOn,
    idempotencyKey: input.idempotencyKey,
  });
  if (contactLogId === null) return { status: 'duplicate' };
  const barrierId = await storeFollowUp(tx, { debtor, actor, contactLogId, outcome, barrierOwner });
  await enqueueMessages(tx, input.messages?.({ barrierId }) ?? []);
  await auditOutcome(tx, { actor, contactLogId, debtorId, outcome });
  return { status: 'stored', contactLogId, barrierOwner };
}

/** What the outcome's type creates beside the contact; the barrier's id when it opened one. */
async function storeFollowUp(
  tx: Db,
  input: { debtor: Debtor; actor: User; contactLogId: number; outcome: Outcome; barrierOwner: User | null },
): Promise<number | null> {
  const { debtor, contactLogId, outcome } = input;
  const of = { debtorId: debtor.id, contactLogId };
  switch (outcome.type) {
    case 'reminder':
      return null;
    case 'commitment':
      await insertPromises(tx, of, monthlyPlan({ ...outcome, firstDate: outcome.promisedOn }));
      return null;
    case 'barrier':
      return insertBarrier(tx, of, { kind: outcome.barrierKind, description: outcome.description, ownerId: input.barrierOwner!.id, dueOn: outcome.dueOn });
    case 'pressure':
      await insertPressure(tx, of, { consequence: outcome.consequence, deadline: outcome.deadline });
      return null;
    case 'terms_change':
      await applyTermsChange(tx, { debtor, actor: input.actor, contactLogId, outcome });
      return null;
  }
}

async function auditOutcome(tx: Db, input: { actor: User; contactLogId: number; debtorId: number; outcome: Outcome }): Promise<void> {
  await tx.insert(auditLog).values({
    actorId: input.actor.id,
    slackUserId: input.actor.slackUserId,
    action: 'log_outcome',
    entity: 'contact_log',
    entityId: String(input.contactLogId),
    details: { debtorId: input.debtorId, outcome: input.outcome as unknown as Record<string, unknown> },
  });
}
