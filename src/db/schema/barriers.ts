import { date, index, integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { contactLogs } from './contact-logs.js';
import { barrierKindEnum, barrierStateEnum } from './enums.js';
import { debtors } from './debtors.js';
import { users } from './users.js';

/** Something on our side or theirs that stops the debtor paying, with an owner and a due date. */
export const barriers = pgTable(
  'barriers',
  {
    id: serial('id').primaryKey(),
    debtorId: integer('debtor_id')
      .notNull()
      .references(() => debtors.id),
    contactLogId: integer('contact_log_id').references(() => contactLogs.id),
    kind: barrierKindEnum('kind').notNull(),
    description: text('description').notNull().default(''),
    ownerId: integer('owner_id')
      .notNull()
      .references(() => users.id),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    state: barrierStateEnum('state').notNull().default('open'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    /** Who closed it; null when the alarms job closed it because nothing is overdue any more. */
    resolvedBy: integer('resolved_by').references(() => users.id),
  },
  (t) => [index('barriers_debtor_state_idx').on(t.debtorId, t.state)],
);

export type Barrier = typeof barriers.$inferSelect;
