import { index, integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { roleEnum } from './enums.js';
import { teams } from './teams.js';

export const users = pgTable(
  'users',
  {
    id: serial('id').primaryKey(),
    slackUserId: text('slack_user_id').notNull().unique(),
    name: text('name').notNull(),
    email: text('email').notNull(),
    role: roleEnum('role').notNull(),
    teamId: integer('team_id')
      .notNull()
      .references(() => teams.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('users_team_idx').on(t.teamId)],
);

export type User = typeof users.$inferSelect;
