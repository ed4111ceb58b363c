import { bigint, char, date, index, integer, pgTable, serial, smallint, timestamp } from 'drizzle-orm/pg-core';
import { contactLogs } from './contact-logs.js';
import { promiseStateEnum } from './enums.js';
import { debtors } from './debtors.js';

/** A promise to pay, or one instalment of a plan (same contact log, numbered 1..count). */
export const promises = pgTable(
  'promises',
  {
    id: serial('id').primaryKey(),
    debtorId: integer('debtor_id')
      .notNull()
      .references(() => debtors.id),
    contactLogId: integer('contact_log_id').references(() => contactLogs.id),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    promisedOn: date('promised_on', { mode: 'string' }).notNull(),
    instalmentNo: smallint('instalment_no').notNull().default(1),
    instalmentCount: smallint('instalment_count').notNull().default(1),
    state: promiseStateEnum('state').notNull().default('pending'),
    /** Paid toward this promise when judged (minor units). */
    paidAmount: bigint('paid_amount', { mode: 'number' }),
    judgedOn: date('judged_on', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('promises_debtor_state_idx').on(t.debtorId, t.state),
    index('promises_pending_date_idx').on(t.state, t.promisedOn),
    // The morning's summary counts the promises judged broken that day.
    index('promises_judged_idx').on(t.state, t.judgedOn),
  ],
);

export type PromiseRow = typeof promises.$inferSelect;
