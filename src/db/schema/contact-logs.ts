import { boolean, date, index, integer, jsonb, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { contactChannelEnum, outcomeTypeEnum } from './enums.js';
import { contacts } from './contacts.js';
import { debtors } from './debtors.js';
import { users } from './users.js';

/** One collection contact (call, email, WhatsApp, visit…) and its outcome. */
export const contactLogs = pgTable(
  'contact_logs',
  {
    id: serial('id').primaryKey(),
    debtorId: integer('debtor_id')
      .notNull()
      .references(() => debtors.id),
    authorId: integer('author_id')
      .notNull()
      .references(() => users.id),
    outcomeType: outcomeTypeEnum('outcome_type').notNull(),
    channel: contactChannelEnum('channel').notNull(),
    reached: boolean('reached').notNull(),
    contactId: integer('contact_id').references(() => contacts.id),
    note: text('note').notNull().default(''),
    nextContactOn: date('next_contact_on', { mode: 'string' }),
    /** Type-specific fields that create no follow-up row (invoices reminded, statement sent…). */
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    /** Makes a repeated submission (double click, network retry) store one contact. */
    idempotencyKey: text('idempotency_key').unique(),
    contactedAt: timestamp('contacted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // By instant too: each morning's summary reads the contacts since the previous working day.
  (t) => [index('contact_logs_debtor_idx').on(t.debtorId, t.contactedAt), index('contact_logs_contacted_idx').on(t.contactedAt)],
);

export type ContactLog = typeof contactLogs.$inferSelect;

/**
 * Each debtor's latest contact, kept by triggers on `contact_logs` (migration
 * 0012_last_contacts) and never written by the app: the daily lists and the alarms read one
 * row per debtor instead of sorting the whole log, which only grows.
 */
export const lastContacts = pgTable('last_contacts', {
  debtorId: integer('debtor_id')
    .primaryKey()
    .references(() => debtors.id),
  contactedAt: timestamp('contacted_at', { withTimezone: true }).notNull(),
  nextContactOn: date('next_contact_on', { mode: 'string' }),
});
