import { inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { teams, type Team } from '../db/schema/index.js';
import type { Policy } from '../domain/policy.js';

/**
 * Stores the policy's teams by name, with their alarm channels, and returns them. Teams
 * that left the policy stay (users and alarms may point at them); only a changed channel
 * is written, so running it at every start or import costs nothing.
 */
export async function syncTeams(db: Db, policy: Policy): Promise<Team[]> {
  const names = policy.teams.map((t) => t.name);
  await db
    .insert(teams)
    .values(policy.teams.map((t) => ({ name: t.name, alarmChannel: t.alarmChannel ?? null })))
    .onConflictDoUpdate({
      target: teams.name,
      set: { alarmChannel: sql`excluded.alarm_channel` },
      setWhere: sql`${teams.alarmChannel} IS DISTINCT FROM excluded.alarm_channel`,
    });
  const rows = await db.select().from(teams).where(inArray(teams.name, names));
  return names.map((name) => rows.find((r) => r.name === name)!);
}

export function listTeams(db: Db): Promise<Team[]> {
  return db.select().from(teams).orderBy(teams.id);
}
