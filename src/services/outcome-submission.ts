import type { Db } from '../db/database.js';
import type { IsoDate } from '../domain/calendar.js';
import {
  OUTCOME_FIELD,
  outcomeDateLimit,
  validateOutcome,
  type BarrierOutcome,
  type DateLimit,
  type Outcome,
  type OutcomeErrorCode,
} from '../domain/outcome.js';
import type { Policy } from '../domain/policy.js';
import { outcomeAccess, type DebtorForOutcome } from './debtor-access.js';
import type { OutgoingMessage } from './outbox.js';
import { recordOutcome, type OutcomeRecords } from './outcomes.js';

export type SubmitOutcomeResult =
  | { status: 'not_registered' | 'unknown_debtor' | 'forbidden' | 'unknown_owner' }
  /** `dateLimit` names the furthest date accepted in the message of a date too far ahead. */
  | { status: 'invalid'; errors: Record<string, OutcomeErrorCode>; dateLimit: DateLimit }
  | { status: 'stored' | 'duplicate'; outcome: Outcome; debtor: DebtorForOutcome };

/** What the barrier owner's DM tells them: a barrier is theirs to clear, and who gave it to them. */
export interface BarrierAssignment {
  barrierId: number;
  debtorId: number;
  debtorName: string;
  kind: BarrierOutcome['barrierKind'];
  description: string;
  dueOn: IsoDate;
  assignedBySlackId: string;
}

/**
 * The outcome modal's submission: who may, whether the values hold, then the contact and
 * its follow-up stored at once. A new barrier's DM to its owner goes into the outbox in the
 * same transaction; `barrierAssignedMessage` is the pure builder of its payload.
 */
export async function submitOutcome(
  db: Db,
  policy: Policy,
  input: {
    slackUserId: string;
    debtorId: number;
    form: Record<string, string | undefined>;
    idempotencyKey: string;
    today: IsoDate;
    barrierAssignedMessage: (assignment: BarrierAssignment) => object;
  },
): Promise<SubmitOutcomeResult> {
  const access = await outcomeAccess(db, policy, input.slackUserId, input.debtorId);
  if (access.status !== 'ok') return access;
  const ctx = { today: input.today, currency: access.debtor.currency, maxDaysAhead: policy.maxDaysAhead };
  const validation = validateOutcome(input.form, ctx);
  if (!validation.ok) return { status: 'invalid', errors: validation.errors, dateLimit: outcomeDateLimit(ctx) };
  const outcome = validation.value;
  // The modal lists only the debtor's contacts; a forged or stale id must not be stored.
  if (outcome.contactId !== null && !access.debtor.contacts.some((c) => c.id === outcome.contactId)) {
    return { status: 'invalid', errors: { [OUTCOME_FIELD.contact]: 'unknown_contact' }, dateLimit: outcomeDateLimit(ctx) };
  }
  const result = await recordOutcome(db, {
    actor: access.actor,
    debtorId: access.debtor.id,
    outcome,
    idempotencyKey: input.idempotencyKey,
    messages: (created) => ownerNotices(outcome, access.debtor, created, input),
  });
  if (result.status === 'unknown_owner' || result.status === 'unknown_debtor') return { status: result.status };
  return { status: result.status, outcome, debtor: access.debtor };
}

/** The DM a newly logged barrier sends its owner; nothing for other outcomes. */
function ownerNotices(
  outcome: Outcome,
  debtor: DebtorForOutcome,
  created: OutcomeRecords,
  input: { slackUserId: string; barrierAssignedMessage: (assignment: BarrierAssignment) => object },
): OutgoingMessage[] {
  if (outcome.type !== 'barrier' || created.barrierId === null) return [];
  const assignment: BarrierAssignment = {
    barrierId: created.barrierId,
    debtorName: debtor.name,
    debtorId: debtor.id,
    kind: outcome.barrierKind,
    description: outcome.description,
    dueOn: outcome.dueOn,
    assignedBySlackId: input.slackUserId,
  };
  return [{ channel: outcome.ownerSlackId, payload: input.barrierAssignedMessage(assignment) }];
}
