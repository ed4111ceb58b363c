import { bigint, bigserial, char, customType, date, index, integer, pgTable, serial, smallint, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { contacts } from './contacts.js';
import { debtors } from './debtors.js';
import { noticeStateEnum, outboxStateEnum } from './enums.js';
import { invoices } from './invoices.js';
import { users } from './users.js';

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

/**
 * One step of `notices.steps` reached by one open invoice: the trigger of a notice. Once
 * per (debtor, step, invoice) whatever runs the job; the triggers of a debtor, currency
 * and day share one email.
 */
export const notices = pgTable(
  'notices',
  {
    id: serial('id').primaryKey(),
    debtorId: integer('debtor_id')
      .notNull()
      .references(() => debtors.id),
    invoiceId: integer('invoice_id')
      .notNull()
      .references(() => invoices.id),
    /** Days from the invoice's due date (negative: before). */
    step: smallint('step').notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    /** The working day it goes out. */
    noticeOn: date('notice_on', { mode: 'string' }).notNull(),
    state: noticeStateEnum('state').notNull().default('planned'),
    /** Why a rule stopped it (`promise_pending`, `open_barrier`, `recent_notice`, …). */
    skipReason: text('skip_reason'),
    heldBy: integer('held_by').references(() => users.id),
    emailId: bigint('email_id', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // By email too: delivery settles an email's notices when the server answers.
  (t) => [unique('notices_once_key').on(t.debtorId, t.step, t.invoiceId), index('notices_day_idx').on(t.noticeOn, t.state), index('notices_email_idx').on(t.emailId)],
);

/** Notice emails, written with their notices and sent later, once, like the Slack outbox. */
export const emailOutbox = pgTable(
  'email_outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    debtorId: integer('debtor_id')
      .notNull()
      .references(() => debtors.id),
    contactId: integer('contact_id').references(() => contacts.id),
    /** The collector who signs it and gets the replies. */
    collectorId: integer('collector_id').references(() => users.id),
    currency: char('currency', { length: 3 }).notNull(),
    noticeOn: date('notice_on', { mode: 'string' }).notNull(),
    toAddress: text('to_address').notNull(),
    replyTo: text('reply_to'),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html').notNull(),
    attachmentName: text('attachment_name'),
    attachment: bytea('attachment'),
    state: outboxStateEnum('state').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    claimedBy: text('claimed_by'),
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
    lastError: text('last_error'),
    /** The Message-ID the SMTP server accepted. */
    messageId: text('message_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [unique('email_outbox_once_key').on(t.debtorId, t.currency, t.noticeOn), index('email_outbox_due_idx').on(t.state, t.nextAttemptAt, t.id)],
);

export type Notice = typeof notices.$inferSelect;
export type EmailOutboxRow = typeof emailOutbox.$inferSelect;
