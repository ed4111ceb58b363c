import { asc, eq, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { jsonRows } from '../db/json-rows.js';
import { debtors, users } from '../db/schema/index.js';
import type { CreditStatus } from '../domain/vocabulary.js';

/** The collection team's credit decision on one debtor. */
export interface CreditDecision {
  debtorId: number;
  status: CreditStatus;
  /** The user who decided; null when the escalation ladder did. */
  decidedBy: number | null;
  reason: string;
}

/**
 * Records the team's decisions, each replacing the debtor's earlier one. The ERP's own
 * status (`credit_status`) is left to the debtors import.
 */
export async function recordCreditDecisions(db: Db, decisions: readonly CreditDecision[], at: Date): Promise<void> {
  if (decisions.length === 0) return;
  const rows = decisions.map((d) => ({ id: d.debtorId, status: d.status, decided_by: d.decidedBy, reason: d.reason }));
  await db.execute(sql`
    update debtors d set
      team_credit_status = v.status::credit_status,
      credit_decided_at = ${at.toISOString()}::timestamptz,
      credit_decided_by = v.decided_by,
      credit_decision_reason = v.reason,
      updated_at = ${at.toISOString()}::timestamptz
    from ${jsonRows(rows, { id: 'int', status: 'text', decided_by: 'int', reason: 'text' })}
    where d.id = v.id`);
}

/** One line of `cobranza export credit-status`. */
export interface CreditDecisionRow {
  externalId: string;
  name: string;
  creditStatus: CreditStatus;
  /** The day of the decision in the policy's time zone, YYYY-MM-DD. */
  decidedOn: string;
  /** The user's name; empty when the escalation ladder decided. */
  decidedBy: string;
  reason: string;
}

/** Every debtor with a team decision, by external id: what the ERP must apply to its orders. */
export async function creditDecisionRows(db: Db, timeZone: string): Promise<CreditDecisionRow[]> {
  const rows = await db
    .select({
      externalId: debtors.externalId,
      name: debtors.name,
      creditStatus: debtors.teamCreditStatus,
      decidedOn: sql<string | null>`(${debtors.creditDecidedAt} at time zone ${timeZone})::date::text`,
      decidedBy: users.name,
      reason: debtors.creditDecisionReason,
    })
    .from(debtors)
    .leftJoin(users, eq(users.id, debtors.creditDecidedBy))
    .where(isNotNull(debtors.teamCreditStatus))
    .orderBy(asc(debtors.externalId));
  return rows.map((r) => ({
    externalId: r.externalId,
    name: r.name,
    creditStatus: r.creditStatus!,
    decidedOn: r.decidedOn ?? '',
    decidedBy: r.decidedBy ?? '',
    reason: r.reason ?? '',
  }));
}
