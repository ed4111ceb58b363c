import { bigint, date, index, integer, pgTable, serial, text, unique } from 'drizzle-orm/pg-core';
import { teams } from './teams.js';
import { users } from './users.js';

/**
 * What was owed each working day, by team, collector, currency and aging bucket, as the
 * alarms job saw it: the ERP overwrites open amounts every night, so trends are kept here.
 * `collector_id` null: debtors without a collector.
 */
export const receivableHistory = pgTable(
  'receivable_history',
  {
    id: serial('id').primaryKey(),
    day: date('day', { mode: 'string' }).notNull(),
    teamId: integer('team_id').references(() => teams.id),
    collectorId: integer('collector_id').references(() => users.id),
    currency: text('currency').notNull(),
    /** An aging bucket: current, 1-30, 31-60, 61-90, 90+. */
    bucket: text('bucket').notNull(),
    /** Open amount, minor units of `currency`. */
    open: bigint('open', { mode: 'number' }).notNull(),
    debtors: integer('debtors').notNull(),
  },
  (t) => [
    unique('receivable_history_key').on(t.day, t.teamId, t.collectorId, t.currency, t.bucket).nullsNotDistinct(),
    index('receivable_history_team_day_idx').on(t.teamId, t.day),
  ],
);

export type ReceivableHistoryRow = typeof receivableHistory.$inferSelect;
