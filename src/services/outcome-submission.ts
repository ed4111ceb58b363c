import type { Db } from '../db/database.js';
import type { IsoDate } from '../domain/calendar.js';
import { outcomeDateLimit, validateOutcome, type DateLimit, type Outcome, type OutcomeErrorCode } from '../domain/outcome.js';
import type { Policy } from '../domain/policy.js';
import { outcomeAccess, type DebtorForOutcome } from './debtor-access.js';
import type { OutgoingMessage } from './outbox.js';
import { recordOutcome, type OutcomeRecords } from './outcomes.js';

export type SubmitOutcomeResult =
  | { status: 'not_registered' | 'unknown_debtor' | 'forbidden' | 'unknown_owner' }
  /** `dateLimit` names the furthest date accepted in the message of a date too far ahead. */
  | { status: 'invalid'; errors: Record<string, OutcomeErrorCode>; dateLimit: DateLimit }
  | { status: 'stored' | 'duplicate'; outcome: Outcome; debtor: DebtorForOutcome };

/**
 * The outcome modal's submission: who may, whether the values hold, then the contact and
 * its follow-up stored at once, with the messages it announces (`notices`) in the outbox.
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
    notices: (outcome: Outcome, debtor: DebtorForOutcome, created: OutcomeRecords) => OutgoingMessage[];
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
    return { status: 'invalid', errors: { contact: 'unknown_contact' }, dateLimit: outcomeDateLimit(ctx) };
  }
  const result = await recordOutcome(db, {
    actor: access.actor,
    debtorId: access.debtor.id,
    outcome,
    idempotencyKey: input.idempotencyKey,
    messages: (created) => input.notices(outcome, access.debtor, created),
  });
  if (result.status === 'unknown_owner' || result.status === 'unknown_debtor') return { status: result.status };
  return { status: result.status, outcome, debtor: access.debtor };
}
