import { sql } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import { queryRows } from '../../db/query-rows.js';
import type { Policy } from '../../domain/policy.js';
import { keptRate } from './ratios.js';
import { onLocalDays, scopedDebtors, scopedUsers, type ReportScope } from './scope.js';
import type { Activity, ReportWeek } from './types.js';

export interface TeamActivity {
  team: Activity;
  /** By users.id; the key null: debtors without a collector. */
  byPerson: Map<number | null, Activity>;
}

export function emptyActivity(): Activity {
  return { contacts: 0, debtorsWorked: 0, noticesSent: 0, promisesKept: 0, promisesPartial: 0, promisesBroken: 0, keptRate: null };
}

type Row = { total: number | string; team_id: number; person: number | null; kind: string; n: number | string; debtors: number | string };

/**
 * What each team of the scope did in the week, per person and for the whole team, in one query:
 * - contacts: contact logs whose `contacted_at` falls in the week (days in `policy.timeZone`),
 *   counted for their author, a user of the team;
 * - debtorsWorked: distinct debtors of those contacts (for the team: distinct across everyone);
 * - noticesSent: notice emails (`email_outbox`) sent (`sent_at`, local days) in the week to
 *   the team's debtors, counted for the debtor's current collector;
 * - promisesKept/Partial/Broken: promises of the team's debtors judged (`judged_on`) in the
 *   week, by their state, counted for the debtor's current collector; keptRate = kept ÷
 *   (kept + partial + broken), partial counted apart (null when none was judged).
 *
 * Keyed by team id; every team of the scope has an entry.
 */
export async function weekActivity(db: Db, policy: Policy, scope: ReportScope, week: ReportWeek): Promise<Map<number, TeamActivity>> {
  const rows = await queryRows<Row>(
    db,
    sql`
    with ev as (
      select 'contact' as kind, a.team_id, c.author_id as person, c.debtor_id
      from contact_logs c join users a on a.id = c.author_id
      where ${scopedUsers(scope)} and ${onLocalDays(sql`c.contacted_at`, policy.timeZone, week.start, week.end)}
      union all
      select 'notice', s.team_id, s.collector_id, e.debtor_id
      from email_outbox e join ${scopedDebtors(scope)} on s.debtor_id = e.debtor_id
      where e.state = 'sent' and ${onLocalDays(sql`e.sent_at`, policy.timeZone, week.start, week.end)}
      union all
      select p.state::text, s.team_id, s.collector_id, p.debtor_id
      from promises p join ${scopedDebtors(scope)} on s.debtor_id = p.debtor_id
      where p.judged_on between ${week.start}::date and ${week.end}::date and p.state in ('kept', 'partial', 'broken')
    )
    select grouping(person) as total, team_id, person, kind, count(*) as n, count(distinct debtor_id) as debtors
    from ev group by grouping sets ((team_id, person, kind), (team_id, kind))`,
  );
  const result = new Map<number, TeamActivity>(scope.teams.map((t) => [t.id, { team: emptyActivity(), byPerson: new Map() }]));
  for (const r of rows) {
    const { team, byPerson } = result.get(Number(r.team_id))!;
    let target = team;
    if (Number(r.total) === 0) {
      const person = r.person === null ? null : Number(r.person);
      target = byPerson.get(person) ?? emptyActivity();
      byPerson.set(person, target);
    }
    count(target, r);
  }
  for (const { team, byPerson } of result.values()) {
    for (const a of [team, ...byPerson.values()]) a.keptRate = keptRate(a.promisesKept, a.promisesPartial, a.promisesBroken);
  }
  return result;
}

function count(target: Activity, r: Row) {
  const n = Number(r.n);
  if (r.kind === 'contact') {
    target.contacts = n;
    target.debtorsWorked = Number(r.debtors);
  } else if (r.kind === 'notice') target.noticesSent = n;
  else if (r.kind === 'kept') target.promisesKept = n;
  else if (r.kind === 'partial') target.promisesPartial = n;
  else if (r.kind === 'broken') target.promisesBroken = n;
}
