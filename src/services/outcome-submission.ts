import type { Db } from '../db/database.js';
import type { IsoDate } from '../domain/calendar.js';
import { validateOutcome, type Outcome, type OutcomeErrorCode } from '../domain/outcome.js';
import type { Policy } from '../domain/policy.js';
import { outcomeAccess, type DebtorForOutcome } from './debtor-access.js';
import type { OutgoingMessage } from './outbox.js';
import { recordOutcome } from './outcomes.js';

export type SubmitOutcomeResult =
  | { status: 'not_registered' | 'unknown_debtor' | 'forbidden' | 'unknown_owner' }
  | { status: 'invalid'; errors: Record<string, OutcomeErrorCode> }
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
    notices: (outcome: Outcome, debtor: DebtorForOutcome) => OutgoingMessage[];
  },
): Promise<SubmitOutcomeResult> {
  const access = await outcomeAccess(db, policy, input.slackUserId, input.debtorId);
  if (access.status !== 'ok') return access;
  const validation = validateOutcome(input.form, { today: input.today, currency: access.debtor.currency });
  if (!validation.ok) return { status: 'invalid', errors: validation.errors };
  const outcome = validation.value;
  const result = await recordOutcome(db, {
    actor: access.actor,
    debtorId: access.debtor.id,
    outcome,
    idempotencyKey: input.idempotencyKey,
    messages: input.notices(outcome, access.debtor),
  });
  if (result.status === 'unknown_owner' || result.status === 'unknown_debtor') return { status: result.status };
  return { status: result.status, outcome, debtor: access.debtor };
}
