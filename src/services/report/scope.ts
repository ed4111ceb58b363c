import { eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import { teams } from '../../db/schema/index.js';
import type { Policy } from '../../domain/policy.js';

/**
 * Whose figures a team's report holds. A debtor belongs to the team of its current
 * collector (`users.team_id`). Debtors without a collector belong to no team in
 * `receivable_history` (team null); like their alarms, they are reported with the policy's
 * first team, as the collector `null`.
 */
export interface TeamScope {
  team: { id: number; name: string };
  /** Whether debtors without a collector are reported here (the policy's first team). */
  withUnassigned: boolean;
}

export async function teamScope(db: Db, policy: Policy, teamId: number): Promise<TeamScope> {
  const [team] = await db.select({ id: teams.id, name: teams.name }).from(teams).where(eq(teams.id, teamId));
  if (!team) throw new Error(`no team with id ${teamId}`);
  return { team, withUnassigned: team.name === policy.teams[0]?.name };
}

/**
 * The team's debtors as a FROM item `s(debtor_id, collector_id)`; `collector_id` is null for
 * debtors without a collector (or whose collector is no user).
 */
export function scopedDebtors(scope: TeamScope): SQL {
  const member = scope.withUnassigned ? sql`(u.team_id = ${scope.team.id} or u.id is null)` : sql`u.team_id = ${scope.team.id}`;
  return sql`(select d.id as debtor_id, u.id as collector_id
      from debtors d left join users u on u.id = d.collector_id
      where ${member}) s`;
}

/** The team's rows of `receivable_history`, aliased `h`. */
export function scopedHistory(scope: TeamScope): SQL {
  return scope.withUnassigned ? sql`(h.team_id = ${scope.team.id} or h.team_id is null)` : sql`h.team_id = ${scope.team.id}`;
}
