import { sql } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import { jsonRows } from '../../db/json-rows.js';
import { queryRows } from '../../db/query-rows.js';
import { contactLogs, emailOutbox } from '../../db/schema/index.js';
import type { IsoDate } from '../../domain/calendar.js';
import { noticeToneOf } from '../../domain/notice-steps.js';
import type { Policy } from '../../domain/policy.js';
import { noticeEmail } from '../../mail/notice-email.js';
import { statementPdf } from '../../mail/statement-pdf.js';
import { openNoticesOf } from './day.js';
import { buildStatement, type OpenInvoice, type StatementParty } from './statement.js';

/** A debtor and currency ready for its email: who it goes to, who signs it, what it lists. */
export interface ReadyGroup {
  debtorId: number;
  currency: string;
  contactId: number;
  collectorId: number;
  party: StatementParty;
  invoices: OpenInvoice[];
}

export type Queued = { emails: number; queued: number; skipped: number };

const keyOf = (debtorId: number, currency: string) => `${Number(debtorId)}:${currency.trim()}`;

/** Locks the groups' notices still open, in id order: group key → notice ids and steps. */
async function lockOpenNotices(tx: Db, date: IsoDate, groups: readonly ReadyGroup[]) {
  const rows = await queryRows<{ id: number; debtor_id: number; currency: string; step: number }>(
    tx,
    sql`select n.id, n.debtor_id, n.currency::text as currency, n.step from notices n
        join ${jsonRows(
          groups.map((g) => ({ debtor_id: g.debtorId, currency: g.currency })),
          { debtor_id: 'int', currency: 'text' },
        )} on v.debtor_id = n.debtor_id and v.currency = n.currency
        where ${openNoticesOf(date)}
        order by n.id
        for update of n`,
  );
  const locked = new Map<string, { ids: number[]; steps: number[] }>();
  for (const r of rows) {
    const entry = locked.get(keyOf(r.debtor_id, r.currency)) ?? { ids: [], steps: [] };
    entry.ids.push(Number(r.id));
    if (!entry.steps.includes(Number(r.step))) entry.steps.push(Number(r.step));
    locked.set(keyOf(r.debtor_id, r.currency), entry);
  }
  return locked;
}

/** The email of each group, its PDF statement attached when the policy says so. */
async function render(policy: Policy, date: IsoDate, group: ReadyGroup, steps: number[]) {
  const statement = buildStatement(policy, date, group.party, group.invoices);
  const email = noticeEmail(statement, noticeToneOf(steps));
  const attachment = policy.notices.attachStatement ? await statementPdf(statement) : null;
  return {
    debtorId: group.debtorId,
    contactId: group.contactId,
    collectorId: group.collectorId,
    currency: group.currency,
    noticeOn: date,
    toAddress: group.party.recipient.email,
    replyTo: group.party.collector.email || null,
    subject: email.subject,
    text: email.text,
    html: email.html,
    attachmentName: attachment ? email.attachmentName : null,
    attachment,
  };
}

/**
 * Several groups' emails in one transaction and four statements: lock their open notices
 * (a group a concurrent run already took has none left), write the emails (one per debtor,
 * currency and day: the unique key decides), their contact logs and the notices' new state.
 */
export async function queueBatch(db: Db, policy: Policy, date: IsoDate, now: Date, groups: readonly ReadyGroup[]): Promise<Queued> {
  return db.transaction(async (tx) => {
    const locked = await lockOpenNotices(tx, date, groups);
    const ready = groups.filter((g) => locked.has(keyOf(g.debtorId, g.currency)));
    if (ready.length === 0) return { emails: 0, queued: 0, skipped: 0 };
    const values = await Promise.all(ready.map((g) => render(policy, date, g, locked.get(keyOf(g.debtorId, g.currency))!.steps)));
    const written = await tx
      .insert(emailOutbox)
      .values(values)
      .onConflictDoNothing({ target: [emailOutbox.debtorId, emailOutbox.currency, emailOutbox.noticeOn] })
      .returning({ id: emailOutbox.id, debtorId: emailOutbox.debtorId, currency: emailOutbox.currency, subject: emailOutbox.subject });
    const emailOf = new Map(written.map((w) => [keyOf(w.debtorId, w.currency), w]));
    const states: Array<{ id: number; email_id: number | null }> = [];
    for (const group of ready) {
      const email = emailOf.get(keyOf(group.debtorId, group.currency));
      // No row: today's email of this debtor and currency was queued already; these triggers came too late for it.
      for (const id of locked.get(keyOf(group.debtorId, group.currency))!.ids) states.push({ id, email_id: email ? Number(email.id) : null });
    }
    if (written.length > 0) {
      await tx
        .insert(contactLogs)
        .values(
          ready.flatMap((g) => {
            const email = emailOf.get(keyOf(g.debtorId, g.currency));
            if (!email) return [];
            const steps = locked.get(keyOf(g.debtorId, g.currency))!.steps.sort((a, b) => a - b);
            const emailId = Number(email.id);
            const details = { system: true, emailId, steps };
            return [{ debtorId: g.debtorId, authorId: g.collectorId, outcomeType: 'reminder' as const, channel: 'email' as const, reached: false, contactId: g.contactId, note: email.subject, details, idempotencyKey: `notice:${emailId}`, contactedAt: now }];
          }),
        )
        .onConflictDoNothing();
    }
    await tx.execute(sql`
      update notices set state = case when v.email_id is null then 'skipped'::notice_state else 'queued'::notice_state end,
             skip_reason = case when v.email_id is null then 'recent_notice' end, email_id = v.email_id
      from ${jsonRows(states, { id: 'int', email_id: 'bigint' })} where notices.id = v.id`);
    const queued = states.filter((s) => s.email_id !== null).length;
    return { emails: written.length, queued, skipped: states.length - queued };
  });
}
