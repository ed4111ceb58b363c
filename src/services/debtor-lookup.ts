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

/** `/deudor <text>`: any registered user may look a debtor up. */
export async function lookUpDebtor(
  db: Db,
  policy: Policy,
  input: { slackUserId: string; text: string; today: IsoDate },
): Promise<DebtorLookup> {
  if (!(await findUserBySlackId(db, input.slackUserId))) return { kind: 'not_registered' };
  const found = await searchDebtors(db, input.text);
  if (found.kind === 'many') return { kind: 'many', hits: found.debtors };
  if (found.kind === 'none') return { kind: 'none', suggestions: found.suggestions };
  const summary = await debtorSummary(db, policy, found.debtor.id, input.today);
  return summary ? { kind: 'card', summary } : { kind: 'none', suggestions: [] };
}

export type DebtorCardLookup = { kind: 'not_registered' } | { kind: 'not_found' } | { kind: 'card'; summary: DebtorSummary };

/** The card behind an `open_debtor` button. */
export async function debtorCard(
  db: Db,
  policy: Policy,
  input: { slackUserId: string; debtorId: number; today: IsoDate },
): Promise<DebtorCardLookup> {
  if (!(await findUserBySlackId(db, input.slackUserId))) return { kind: 'not_registered' };
  const summary = await debtorSummary(db, policy, input.debtorId, input.today);
  return summary ? { kind: 'card', summary } : { kind: 'not_found' };
}
