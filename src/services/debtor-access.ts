import { asc, desc, eq, and, gt, sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { contacts, debtors, invoices, users, type User } from '../db/schema/index.js';
import { canLogOutcome } from '../domain/permissions.js';
import type { Policy } from '../domain/policy.js';

/** A debtor as the outcome modal needs it: who owns it, whom to reach, in which currency. */
export interface DebtorForOutcome {
  id: number;
  name: string;
  collectorId: number | null;
  teamId: number | null;
  currency: string;
  contacts: Array<{ id: number; name: string; level: number }>;
}

export async function debtorForOutcome(db: Db, policy: Policy, debtorId: number): Promise<DebtorForOutcome | undefined> {
  const [debtor] = await db
    .select({ id: debtors.id, name: debtors.name, collectorId: debtors.collectorId, teamId: users.teamId })
    .from(debtors)
    .leftJoin(users, eq(users.id, debtors.collectorId))
    .where(eq(debtors.id, debtorId));
  if (!debtor) return undefined;
  const [people, [main]] = await Promise.all([
    db
      .select({ id: contacts.id, name: contacts.name, level: contacts.level })
      .from(contacts)
      .where(eq(contacts.debtorId, debtorId))
      .orderBy(asc(contacts.level), asc(contacts.name)),
    // Promises are made in the currency most of the open debt is in.
    db
      .select({ currency: invoices.currency })
      .from(invoices)
      .where(and(eq(invoices.debtorId, debtorId), gt(invoices.openAmount, 0)))
      .groupBy(invoices.currency)
      .orderBy(desc(sql`sum(${invoices.openAmount})`))
      .limit(1),
  ]);
  return { ...debtor, currency: main?.currency ?? policy.currency, contacts: people };
}

export type DebtorAccess =
  | { status: 'ok'; actor: User; debtor: DebtorForOutcome }
  | { status: 'not_registered' }
  | { status: 'unknown_debtor' }
  | { status: 'forbidden' };

/** Whether this Slack user may log a contact for this debtor, and the debtor if so. */
export async function outcomeAccess(db: Db, policy: Policy, slackUserId: string, debtorId: number): Promise<DebtorAccess> {
  const [actor] = await db.select().from(users).where(eq(users.slackUserId, slackUserId));
  if (!actor) return { status: 'not_registered' };
  const debtor = await debtorForOutcome(db, policy, debtorId);
  if (!debtor) return { status: 'unknown_debtor' };
  if (!canLogOutcome(actor, debtor)) return { status: 'forbidden' };
  return { status: 'ok', actor, debtor };
}
