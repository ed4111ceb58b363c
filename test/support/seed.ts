import type { Db } from '../../src/db/database.js';
import { contactLogs, debtors, invoices, payments, promises, teams, users } from '../../src/db/schema/index.js';
import { normaliseSearchText, taxIdKey } from '../../src/domain/search-text.js';
import type { Role } from '../../src/domain/vocabulary.js';

// Small direct inserts for tests that need a few rows without going through a CSV.

export async function seedUser(db: Db, slackUserId: string, role: Role = 'collector', teamName = 'default') {
  const [team] = await db
    .insert(teams)
    .values({ name: teamName })
    .onConflictDoUpdate({ target: teams.name, set: { name: teamName } })
    .returning();
  const [user] = await db
    .insert(users)
    .values({ slackUserId, name: `User ${slackUserId}`, email: `${slackUserId.toLowerCase()}@example.com`, role, teamId: team!.id })
    .returning();
  return user!;
}

export async function seedDebtor(db: Db, externalId: string, name: string, opts: { taxId?: string; collectorId?: number | null } = {}) {
  const taxId = opts.taxId ?? `TAX${externalId}`;
  const [debtor] = await db
    .insert(debtors)
    .values({
      externalId,
      name,
      searchName: normaliseSearchText(name),
      taxId,
      taxIdKey: taxIdKey(taxId),
      collectorId: opts.collectorId ?? null,
    })
    .returning();
  return debtor!;
}

export async function seedInvoice(
  db: Db,
  debtorId: number,
  externalId: string,
  dueDate: string,
  openAmount: number,
  currency = 'MXN',
) {
  const [invoice] = await db
    .insert(invoices)
    .values({
      externalId,
      debtorId,
      number: externalId,
      issueDate: '2026-01-01',
      dueDate,
      amount: openAmount,
      openAmount,
      currency,
    })
    .returning();
  return invoice!;
}

export async function seedPromise(
  db: Db,
  debtorId: number,
  input: { amount: number; promisedOn: string; createdOn: string; instalmentNo?: number; instalmentCount?: number; contactLogId?: number },
) {
  const [promise] = await db
    .insert(promises)
    .values({
      debtorId,
      amount: input.amount,
      currency: 'MXN',
      promisedOn: input.promisedOn,
      instalmentNo: input.instalmentNo ?? 1,
      instalmentCount: input.instalmentCount ?? 1,
      contactLogId: input.contactLogId ?? null,
      createdAt: new Date(`${input.createdOn}T16:00:00Z`),
    })
    .returning();
  return promise!;
}

export async function seedPayment(db: Db, debtorId: number, externalId: string, paidOn: string, amount: number) {
  await db.insert(payments).values({ externalId, debtorId, paidOn, amount, currency: 'MXN' });
}

export async function seedContact(db: Db, debtorId: number, authorId: number, on: string) {
  const [log] = await db
    .insert(contactLogs)
    .values({ debtorId, authorId, outcomeType: 'reminder', channel: 'phone', reached: true, contactedAt: new Date(`${on}T16:00:00Z`) })
    .returning();
  return log!;
}
