import { integer, pgTable, serial, smallint, text, unique } from 'drizzle-orm/pg-core';

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
  },
  (t) => [unique('contacts_debtor_name_key').on(t.debtorId, t.name)],
);

export type Contact = typeof contacts.$inferSelect;
