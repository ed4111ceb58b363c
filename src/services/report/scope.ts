import { inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import { teams } from '../../db/schema/index.js';
import type { IsoDate } from '../../domain/calendar.js';
import type { Policy } from '../../domain/policy.js';

/**
 * Whose figures the reports hold: one or more teams, read together. A debtor belongs to
 * the team of its current collector (`users.team_id`). Debtors without a collector belong
 * to no team in `receivable_history` (team null); like their alarms, they are reported with
 * the policy's first team, as the collector `null`.
 */
export interface ReportScope {
  /** In the order asked for. */
  teams: Array<{ id: number; name: string }>;
  /** The team reporting debtors without a collector (the policy's first), when among `teams`. */
  unassignedTeamId: number | null;
}

export async function reportScope(db: Db, policy: Policy, teamIds: readonly number[]): Promise<ReportScope> {
  const found = teamIds.length === 0 ? [] : await db.select({ id: teams.id, name: teams.name }).from(teams).where(inArray(teams.id, [...teamIds]));
  const byId = new Map(found.map((t) => [t.id, t]));
  const scoped = teamIds.map((id) => {
    const team = byId.get(id);
    if (!team) throw new Error(`no team with id ${id}`);
    return team;
  });
  const first = scoped.find((t) => t.name === policy.teams[0]?.name);
  return { teams: scoped, unassignedTeamId: first?.id ?? null };
}

/** The ids of the scope's teams as an SQL list, for `in`. */
function teamList(scope: ReportScope): SQL {
  return sql`(${sql.join(scope.teams.map((t) => sql`${t.id}::int`), sql`, `)})`;
}

/**
 * The scope's debtors as a FROM item `s(debtor_id, collector_id, team_id)`; `collector_id`
 * is null for debtors without a collector (or whose collector is no user). Two branches,
 * so the planner sees how many debtors each team has.
 */
export function scopedDebtors(scope: ReportScope): SQL {
  const unassigned = scope.unassignedTeamId;
  return sql`(select d.id as debtor_id, u.id as collector_id, u.team_id
      from debtors d join users u on u.id = d.collector_id
      where u.team_id in ${teamList(scope)}
      union all
      select d.id, null, ${unassigned}::int
      from debtors d
      where ${unassigned}::int is not null and not exists (select from users u where u.id = d.collector_id)) s`;
}

/** The team a row of `receivable_history` (aliased `h`) is reported with. */
export function historyTeam(scope: ReportScope): SQL {
  return sql`coalesce(h.team_id, ${scope.unassignedTeamId}::int)`;
}

/** Whether a row of `receivable_history` (aliased `h`) is the scope's. */
export function scopedHistory(scope: ReportScope): SQL {
  return sql`${historyTeam(scope)} in ${teamList(scope)}`;
}

/** Whether users (aliased `a`) are of the scope's teams. */
export function scopedUsers(scope: ReportScope): SQL {
  return sql`a.team_id in ${teamList(scope)}`;
}

/**
 * Whether a timestamp falls on a local day (in `timeZone`) from `start` to `end`. The
 * instants a day either side bound it for an index, whatever the zone's offsets; the local
 * dates decide.
 */
export function onLocalDays(column: SQL, timeZone: string, start: IsoDate, end: IsoDate): SQL {
  return sql`${column} >= (${start}::date - 1)::timestamp at time zone ${timeZone}
        and ${column} < (${end}::date + 2)::timestamp at time zone ${timeZone}
        and (${column} at time zone ${timeZone})::date between ${start}::date and ${end}::date`;
}
