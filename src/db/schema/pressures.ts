import { date, index, integer, pgTable, serial, timestamp } from 'drizzle-orm/pg-core';
import { contactLogs } from './contact-logs.js';
import { consequenceEnum, pressureStateEnum } from './enums.js';
import { debtors } from './debtors.js';

/** A consequence announced to the debtor, to be applied if the deadline passes unpaid. */
export const pressures = pgTable(
  'pressures',
  {
    id: serial('id').primaryKey(),
    debtorId: integer('debtor_id')
      .notNull()
      .references(() => debtors.id),
    contactLogId: integer('contact_log_id').references(() => contactLogs.id),
    consequence: consequenceEnum('consequence').notNull(),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    state: pressureStateEnum('state').notNull().default('pending'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
  },
  (t) => [index('pressures_debtor_state_idx').on(t.debtorId, t.state)],
);

export type Pressure = typeof pressures.$inferSelect;
