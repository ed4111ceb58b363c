import { pgTable, serial, text } from 'drizzle-orm/pg-core';

export const teams = pgTable('teams', {
  id: serial('id').primaryKey(),
  name: text('name').notNull().unique(),
  alarmChannel: text('alarm_channel'),
});

export type Team = typeof teams.$inferSelect;
