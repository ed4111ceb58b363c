import { date, index, integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { contactLogs } from './contact-logs.js';
import { creditStatusEnum, termsKindEnum } from './enums.js';
import { debtors } from './debtors.js';

/** A change to the debtor's terms: credit status, a payment plan or a new due date. */
export const termsChanges = pgTable(
  'terms_changes',
  {
    id: serial('id').primaryKey(),
    debtorId: integer('debtor_id')
      .notNull()
      .references(() => debtors.id),
    contactLogId: integer('contact_log_id').references(() => contactLogs.id),
    kind: termsKindEnum('kind').notNull(),
    details: text('details').notNull().default(''),
    previousCreditStatus: creditStatusEnum('previous_credit_status').notNull(),
    newCreditStatus: creditStatusEnum('new_credit_status').notNull(),
    newDueDate: date('new_due_date', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('terms_changes_debtor_idx').on(t.debtorId)],
);

export type TermsChange = typeof termsChanges.$inferSelect;
