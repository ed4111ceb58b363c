// Whether a debtor may buy on credit. The ERP keeps its own status (read by the debtors
// import); the collection team keeps its decision apart, so a re-import never undoes it.

import { MAX_LEVEL, type CreditStatus, type TermsKind } from './vocabulary.js';

const STRICTNESS: Readonly<Record<CreditStatus, number>> = { active: 0, hold: 1, revoked: 2 };

/** The status that applies: the stricter of the ERP's and the team's decision (none: the ERP's). */
export function effectiveCreditStatus(erp: CreditStatus, team: CreditStatus | null): CreditStatus {
  return team !== null && STRICTNESS[team] > STRICTNESS[erp] ? team : erp;
}

const DECISION_OF: Partial<Readonly<Record<TermsKind, CreditStatus>>> = {
  credit_hold: 'hold',
  credit_revoked: 'revoked',
  // Recorded as a decision of its own, so the export tells the ERP to unblock.
  credit_restored: 'active',
};

/** The team's credit decision a terms change makes; null for terms that leave credit alone. */
export function creditDecisionOf(kind: TermsKind): CreditStatus | null {
  return DECISION_OF[kind] ?? null;
}

/** Why the escalation ladder revoked credit, as its decision records it. */
export const LADDER_REVOCATION_REASON = `escalation level ${MAX_LEVEL}`;
