import type { Db } from '../db/database.js';
import type { IsoDate } from '../domain/calendar.js';
import type { Policy } from '../domain/policy.js';
import { debtorSummary, type DebtorSummary } from './debtor-summary.js';
import { searchDebtors, type DebtorHit } from './debtor-search.js';
import { findUserBySlackId } from './users.js';

export type DebtorLookup =
  | { kind: 'not_registered' }
  | { kind: 'card'; summary: DebtorSummary }
  | { kind: 'many'; hits: DebtorHit[] }
  | { kind: 'none'; suggestions: DebtorHit[] };

/**
 * A lookup reads in one read-only transaction: the card is consistent, and on the embedded
 * database, while an import or a job holds it, the lookup waits for one of their statements
 * rather than one per query (src/db/README.md).
 */
function readOnly<T>(db: Db, read: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction(read, { accessMode: 'read only' });
}

/** `/deudor <text>`: any registered user may look a debtor up. */
export function lookUpDebtor(db: Db, policy: Policy, input: { slackUserId: string; text: string; today: IsoDate }): Promise<DebtorLookup> {
  return readOnly(db, async (tx) => {
    if (!(await findUserBySlackId(tx, input.slackUserId))) return { kind: 'not_registered' };
    const found = await searchDebtors(tx, input.text);
    if (found.kind === 'many') return { kind: 'many', hits: found.debtors };
    if (found.kind === 'none') return { kind: 'none', suggestions: found.suggestions };
    const summary = await debtorSummary(tx, policy, found.debtor.id, input.today);
    return summary ? { kind: 'card', summary } : { kind: 'none', suggestions: [] };
  });
}

export type DebtorCardLookup = { kind: 'not_registered' } | { kind: 'not_found' } | { kind: 'card'; summary: DebtorSummary };

/** The card behind an `open_debtor` button. */
export function debtorCard(db: Db, policy: Policy, input: { slackUserId: string; debtorId: number; today: IsoDate }): Promise<DebtorCardLookup> {
  return readOnly(db, async (tx) => {
    if (!(await findUserBySlackId(tx, input.slackUserId))) return { kind: 'not_registered' };
    const summary = await debtorSummary(tx, policy, input.debtorId, input.today);
    return summary ? { kind: 'card', summary } : { kind: 'not_found' };
  });
}
