import { isNotNull } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import { teams, type Team } from '../../db/schema/index.js';

/** The teams the `weekly-report` job writes to: those with an alarm channel, by id. */
export function teamsWithReports(db: Db): Promise<Team[]> {
  return db.select().from(teams).where(isNotNull(teams.alarmChannel)).orderBy(teams.id);
}
