import { and, asc, desc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../db/database.js';
import { barriers, contactLogs, contacts, debtors, pressures, promises, users } from '../db/schema/index.js';
import type { IsoDate } from '../domain/calendar.js';
import type { Suggestion } from '../domain/next-best-action.js';
import type { Policy } from '../domain/policy.js';
import { snapshotOfDebtor } from './account-snapshots.js';
import { assess } from './worklist.js';

const LAST_CONTACTS = 5;

export interface PersonRef {
  id: number;
  slackUserId: string;
  name: string;
}

/** What the debtor card shows. */
export interface DebtorSummary {
  debtor: {
    id: number;
    externalId: string;
    name: string;
    taxId: string;
    segment: string;
    risk: string;
    creditStatus: string;
    escalationLevel: number;
  };
  collector: (PersonRef & { teamId: number }) | null;
  totals: Array<{ currency: string; open: number; overdue: number }>;
  oldestOverdueDays: number;
  openPromises: Array<{ id: number; amount: number; currency: string; promisedOn: IsoDate; instalmentNo: number; instalmentCount: number }>;
  openBarriers: Array<{ id: number; kind: string; description: string; dueOn: IsoDate; owner: PersonRef }>;
  pendingPressures: Array<{ id: number; consequence: string; deadline: IsoDate }>;
  lastContacts: Array<{
    contactedAt: Date;
    outcomeType: string;
    channel: string;
    reached: boolean;
    contactName: string | null;
    note: string;
    author: string;
  }>;
  contacts: Array<{ id: number; name: string; level: number }>;
  suggestion: Suggestion;
  priority: number;
}

export async function debtorSummary(db: Db, policy: Policy, debtorId: number, today: IsoDate): Promise<DebtorSummary | null> {
  const snapshot = await snapshotOfDebtor(db, debtorId, { today, timeZone: policy.timeZone });
  if (!snapshot) return null;
  const [debtor] = await db
    .select({
      id: debtors.id,
      externalId: debtors.externalId,
      name: debtors.name,
      taxId: debtors.taxId,
      segment: debtors.segment,
      risk: debtors.risk,
      creditStatus: debtors.creditStatus,
      escalationLevel: debtors.escalationLevel,
      collectorId: users.id,
      collectorSlackId: users.slackUserId,
      collectorName: users.name,
      collectorTeamId: users.teamId,
    })
    .from(debtors)
    .leftJoin(users, eq(users.id, debtors.collectorId))
    .where(eq(debtors.id, debtorId));
  if (!debtor) return null;

  const owner = alias(users, 'owner');
  const author = alias(users, 'author');
  const [openPromises, openBarriers, pendingPressures, lastContacts, debtorContacts] = await Promise.all([
    db
      .select({
        id: promises.id,
        amount: promises.amount,
        currency: promises.currency,
        promisedOn: promises.promisedOn,
        instalmentNo: promises.instalmentNo,
        instalmentCount: promises.instalmentCount,
      })
      .from(promises)
      .where(and(eq(promises.debtorId, debtorId), eq(promises.state, 'pending')))
      .orderBy(asc(promises.promisedOn), asc(promises.id)),
    db
      .select({
        id: barriers.id,
        kind: barriers.kind,
        description: barriers.description,
        dueOn: barriers.dueOn,
        owner: { id: owner.id, slackUserId: owner.slackUserId, name: owner.name },
      })
      .from(barriers)
      .innerJoin(owner, eq(owner.id, barriers.ownerId))
      .where(and(eq(barriers.debtorId, debtorId), eq(barriers.state, 'open')))
      .orderBy(asc(barriers.dueOn), asc(barriers.id)),
    db
      .select({ id: pressures.id, consequence: pressures.consequence, deadline: pressures.deadline })
      .from(pressures)
      .where(and(eq(pressures.debtorId, debtorId), eq(pressures.state, 'pending')))
      .orderBy(asc(pressures.deadline)),
    db
      .select({
        contactedAt: contactLogs.contactedAt,
        outcomeType: contactLogs.outcomeType,
        channel: contactLogs.channel,
        reached: contactLogs.reached,
        contactName: contacts.name,
        note: contactLogs.note,
        author: author.name,
      })
      .from(contactLogs)
      .innerJoin(author, eq(author.id, contactLogs.authorId))
      .leftJoin(contacts, eq(contacts.id, contactLogs.contactId))
      .where(eq(contactLogs.debtorId, debtorId))
      .orderBy(desc(contactLogs.contactedAt), desc(contactLogs.id))
      .limit(LAST_CONTACTS),
    db
      .select({ id: contacts.id, name: contacts.name, level: contacts.level })
      .from(contacts)
      .where(eq(contacts.debtorId, debtorId))
      .orderBy(asc(contacts.level), asc(contacts.name)),
  ]);

  const { state, suggestion, priority } = assess(snapshot, today, policy);
  const currencies = Object.keys(snapshot.open).sort();
  return {
    debtor: {
      id: debtor.id,
      externalId: debtor.externalId,
      name: debtor.name,
      taxId: debtor.taxId,
      segment: debtor.segment,
      risk: debtor.risk,
      creditStatus: debtor.creditStatus,
      escalationLevel: debtor.escalationLevel,
    },
    collector:
      debtor.collectorId === null
        ? null
        : { id: debtor.collectorId, slackUserId: debtor.collectorSlackId!, name: debtor.collectorName!, teamId: debtor.collectorTeamId! },
    totals: currencies.map((currency) => ({
      currency,
      open: snapshot.open[currency] ?? 0,
      overdue: snapshot.overdue[currency] ?? 0,
    })),
    oldestOverdueDays: state.oldestOverdueDays,
    openPromises,
    openBarriers,
    pendingPressures,
    lastContacts,
    contacts: debtorContacts,
    suggestion,
    priority,
  };
}
