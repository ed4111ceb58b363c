import { sql } from 'drizzle-orm';
import { bigint, char, customType, date, index, integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

export const invoices = pgTable(
  'invoices',
  {
    id: serial('id').primaryKey(),
    externalId: text('external_id').notNull().unique(),
    // No foreign key: the import proves the debtor exists in the same statement, and the
    // check would cost a large share of a million-row load.
    debtorId: integer('debtor_id').notNull(),
    number: text('number').notNull(),
    issueDate: date('issue_date', { mode: 'string' }).notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    /** Minor units of `currency`. */
    amount: bigint('amount', { mode: 'number' }).notNull(),
    /** What the ERP says is still owed, in minor units. */
    openAmount: bigint('open_amount', { mode: 'number' }).notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    /**
     * Digest of the ERP line the row was last imported from: the next export's same line is
     * skipped (src/services/import/line-digests.ts). Anything else that writes the row must
     * set it to NULL.
     */
    sourceDigest: bytea('source_digest'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('invoices_debtor_idx').on(t.debtorId),
    index('invoices_open_due_idx')
      .on(t.debtorId, t.dueDate)
      .where(sql`${t.openAmount} > 0`),
  ],
);

export type Invoice = typeof invoices.$inferSelect;
