import { and, asc, desc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../db/database.js';
import { barriers, contactLogs, contacts, debtors, pressures, promises, users } from '../db/schema/index.js';
import type { IsoDate } from '../domain/calendar.js';
import { effectiveCreditStatus } from '../domain/credit.js';
import type { Suggestion } from '../domain/next-best-action.js';
import type { Policy } from '../domain/policy.js';
import type { CreditStatus } from '../domain/vocabulary.js';
import { snapshotOfDebtor, type AccountSnapshot } from './account-snapshots.js';
import { recentlyResolvedBarriers } from './barriers.js';
import { assess } from './worklist.js';

const LAST_CONTACTS = 5;
const RESOLVED_BARRIERS = 5;

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
    /** The status that applies: the stricter of the ERP's and the team's decision. */
    creditStatus: string;
    escalationLevel: number;
  };
  /** The ERP's own credit status and the team's decision (null when there is none). */
  credit: {
    erp: CreditStatus;
    decision: { status: CreditStatus; decidedAt: Date; decidedBy: PersonRef | null } | null;
  };
  collector: (PersonRef & { teamId: number }) | null;
  totals: Array<{ currency: string; open: number; overdue: number }>;
  oldestOverdueDays: number;
  openPromises: Array<{ id: number; amount: number; currency: string; promisedOn: IsoDate; instalmentNo: number; instalmentCount: number }>;
  openBarriers: Array<{ id: number; kind: string; description: string; dueOn: IsoDate; owner: PersonRef }>;
  /** Barriers resolved lately, newest first; `resolvedBySlackId` null when resolved automatically. */
  resolvedBarriers: Array<{ id: number; kind: string; resolvedAt: Date; resolvedBySlackId: string | null }>;
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
  /** The people on the debtor's side, by ladder level, with how to reach them ('' when unknown). */
  contacts: Array<{ id: number; name: string; level: number; phone: string; email: string; whatsapp: string }>;
  suggestion: Suggestion;
  priority: number;
}

export async function debtorSummary(db: Db, policy: Policy, debtorId: number, today: IsoDate): Promise<DebtorSummary | null> {
  const snapshot = await snapshotOfDebtor(db, debtorId, { today, timeZone: policy.timeZone });
  if (!snapshot) return null;
  const account = await accountOf(db, debtorId);
  if (!account) return null;
  const [openPromises, openBarriers, pendingPressures, lastContacts, debtorContacts, resolvedBarriers] = await Promise.all([
    openPromisesOf(db, debtorId),
    openBarriersOf(db, debtorId),
    pendingPressuresOf(db, debtorId),
    lastContactsOf(db, debtorId),
    contactsOf(db, debtorId),
    recentlyResolvedBarriers(db, { debtorId }, today, RESOLVED_BARRIERS),
  ]);
  const { state, suggestion, priority } = assess(snapshot, today, policy);
  return {
    ...describeAccount(account),
    totals: totalsOf(snapshot),
    oldestOverdueDays: state.oldestOverdueDays,
    openPromises,
    openBarriers,
    resolvedBarriers: resolvedBarriers.map((b) => ({ id: b.id, kind: b.kind, resolvedAt: b.resolvedAt!, resolvedBySlackId: b.resolvedBySlackId })),
    pendingPressures,
    lastContacts,
    contacts: debtorContacts,
    suggestion,
    priority,
  };
}

/** The debtor's own row with its collector and whoever took the team's credit decision. */
async function accountOf(db: Db, debtorId: number) {
  const decider = alias(users, 'decider');
  const [account] = await db
    .select({
      id: debtors.id,
      externalId: debtors.externalId,
      name: debtors.name,
      taxId: debtors.taxId,
      segment: debtors.segment,
      risk: debtors.risk,
      creditStatus: debtors.creditStatus,
      teamCreditStatus: debtors.teamCreditStatus,
      creditDecidedAt: debtors.creditDecidedAt,
      decider: { id: decider.id, slackUserId: decider.slackUserId, name: decider.name },
      escalationLevel: debtors.escalationLevel,
      collectorId: users.id,
      collectorSlackId: users.slackUserId,
      collectorName: users.name,
      collectorTeamId: users.teamId,
    })
    .from(debtors)
    .leftJoin(users, eq(users.id, debtors.collectorId))
    .leftJoin(decider, eq(decider.id, debtors.creditDecidedBy))
    .where(eq(debtors.id, debtorId));
  return account;
}

type Account = NonNullable<Awaited<ReturnType<typeof accountOf>>>;

function describeAccount(account: Account): Pick<DebtorSummary, 'debtor' | 'credit' | 'collector'> {
  return {
    debtor: {
      id: account.id,
      externalId: account.externalId,
      name: account.name,
      taxId: account.taxId,
      segment: account.segment,
      risk: account.risk,
      creditStatus: effectiveCreditStatus(account.creditStatus, account.teamCreditStatus),
      escalationLevel: account.escalationLevel,
    },
    credit: {
      erp: account.creditStatus,
      decision:
        account.teamCreditStatus && account.creditDecidedAt
          ? { status: account.teamCreditStatus, decidedAt: account.creditDecidedAt, decidedBy: account.decider }
          : null,
    },
    collector:
      account.collectorId === null
        ? null
        : { id: account.collectorId, slackUserId: account.collectorSlackId!, name: account.collectorName!, teamId: account.collectorTeamId! },
  };
}

/** Open and overdue amounts per currency, in currency order. */
function totalsOf(snapshot: AccountSnapshot): DebtorSummary['totals'] {
  return Object.keys(snapshot.open)
    .sort()
    .map((currency) => ({ currency, open: snapshot.open[currency] ?? 0, overdue: snapshot.overdue[currency] ?? 0 }));
}

function openPromisesOf(db: Db, debtorId: number) {
  return db
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
    .orderBy(asc(promises.promisedOn), asc(promises.id));
}

function openBarriersOf(db: Db, debtorId: number) {
  const owner = alias(users, 'owner');
  return db
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
    .orderBy(asc(barriers.dueOn), asc(barriers.id));
}

function pendingPressuresOf(db: Db, debtorId: number) {
  return db
    .select({ id: pressures.id, consequence: pressures.consequence, deadline: pressures.deadline })
    .from(pressures)
    .where(and(eq(pressures.debtorId, debtorId), eq(pressures.state, 'pending')))
    .orderBy(asc(pressures.deadline));
}

/** The latest contacts logged, newest first, with who logged them and whom they reached. */
function lastContactsOf(db: Db, debtorId: number) {
  const author = alias(users, 'author');
  return db
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
    .limit(LAST_CONTACTS);
}

function contactsOf(db: Db, debtorId: number) {
  return db
    .select({ id: contacts.id, name: contacts.name, level: contacts.level, phone: contacts.phone, email: contacts.email, whatsapp: contacts.whatsapp })
    .from(contacts)
    .where(eq(contacts.debtorId, debtorId))
    .orderBy(asc(contacts.level), asc(contacts.name));
}
