import { integer, pgTable, serial, smallint, text, timestamp, unique } from 'drizzle-orm/pg-core';

/** People on the debtor's side, each at a level of the escalation ladder (0-3). */
export const contacts = pgTable(
  'contacts',
  {
    id: serial('id').primaryKey(),
    // Checked by the import itself, the only writer of contacts (see invoices).
    debtorId: integer('debtor_id').notNull(),
    name: text('name').notNull(),
    level: smallint('level').notNull(),
    phone: text('phone').notNull().default(''),
    email: text('email').notNull().default(''),
    whatsapp: text('whatsapp').notNull().default(''),
    /**
     * The mail server refused `email` for good: no more notices to it. A contacts import
     * that changes the address clears it.
     */
    emailBouncedAt: timestamp('email_bounced_at', { withTimezone: true }),
    emailBounceReason: text('email_bounce_reason'),
  },
  (t) => [unique('contacts_debtor_name_key').on(t.debtorId, t.name)],
);

export type Contact = typeof contacts.$inferSelect;
