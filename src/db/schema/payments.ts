import { bigint, char, date, index, integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';

export const payments = pgTable(
  'payments',
  {
    id: serial('id').primaryKey(),
    externalId: text('external_id').notNull().unique(),
    // Checked by the import itself (see invoices).
    debtorId: integer('debtor_id').notNull(),
    /** Null for a payment on account. */
    invoiceId: integer('invoice_id'),
    paidOn: date('paid_on', { mode: 'string' }).notNull(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    method: text('method').notNull().default(''),
    reference: text('reference').notNull().default(''),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // By day too: each morning's summary reads the payments since the previous working day.
  (t) => [index('payments_debtor_paid_idx').on(t.debtorId, t.paidOn), index('payments_paid_idx').on(t.paidOn)],
);

export type Payment = typeof payments.$inferSelect;
