import { date, index, integer, jsonb, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { alarmKindEnum } from './enums.js';
import { debtors } from './debtors.js';
import { teams } from './teams.js';
import { users } from './users.js';

/** An alarm raised to a team's channel; `uniqueKey` (kind, debtor, subject, date) makes it once. */
export const alarms = pgTable(
  'alarms',
  {
    id: serial('id').primaryKey(),
    kind: alarmKindEnum('kind').notNull(),
    debtorId: integer('debtor_id')
      .notNull()
      .references(() => debtors.id),
    teamId: integer('team_id').references(() => teams.id),
    uniqueKey: text('unique_key').notNull().unique(),
    raisedOn: date('raised_on', { mode: 'string' }).notNull(),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    /** Where the alarm message was posted, so acknowledging can update it. */
    channel: text('channel'),
    messageTs: text('message_ts'),
    acknowledgedBy: integer('acknowledged_by').references(() => users.id),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('alarms_team_open_idx').on(t.teamId, t.acknowledgedAt), index('alarms_debtor_idx').on(t.debtorId)],
);

export type Alarm = typeof alarms.$inferSelect;
