import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { queryRows } from '../db/query-rows.js';
import type { IsoDate } from '../domain/calendar.js';

/** One collector's line in the lead's morning summary. */
export interface CollectorDay extends CollectorActivity {
  /** Debtors on today's list. */
  onList: number;
}

/** What a collector did since the previous working day, and what today holds. */
export interface CollectorActivity {
  collectorId: number;
  name: string;
  slackUserId: string;
  teamId: number;
  contactsLogged: number;
  promisesDueToday: number;
  promisesBroken: number;
  /** Minor units per currency. */
  promised: Record<string, number>;
  collected: Record<string, number>;
}

type Row = {
  id: number;
  name: string;
  slack_user_id: string;
  team_id: number;
  contacts: string | number;
  due_today: string | number;
  broken: string | number;
  promised: Record<string, string | number> | string | null;
  collected: Record<string, string | number> | string | null;
};

function perCurrency(value: Row['promised']): Record<string, number> {
  const parsed = typeof value === 'string' ? (JSON.parse(value) as Record<string, string | number>) : (value ?? {});
  return Object.fromEntries(Object.entries(parsed).map(([c, v]) => [c, Number(v)]));
}

/**
 * What each collector did since the previous working day (`since` up to the day before
 * `today`, so a weekend's payments count too) and what today holds: contacts logged,
 * amounts promised and collected, promises due today and promises judged broken today.
 */
export async function collectorDays(
  db: Db,
  input: { today: IsoDate; since: IsoDate; timeZone: string },
): Promise<CollectorActivity[]> {
  const rows = await queryRows<Row>(db, activityQuery(input));
  return rows.map(toActivity);
}

/**
 * Each table grouped once by collector (or author) and joined to the people. The dates and
 * the zone are written into the statement (checked values, quoted by drizzle) rather than
 * sent as parameters: postgres.js asks the server for a statement's parameter types first
 * and reads the answer only when this process is free, which would hold the query back
 * while the morning job renders the lists.
 */
function activityQuery(input: { today: IsoDate; since: IsoDate; timeZone: string }): SQL {
  const { today, since, timeZone } = input;
  // The window as instants, so contacts are compared on their stored column.
  const from = sql`(${since}::date::timestamp at time zone ${timeZone})`;
  const until = sql`(${today}::date::timestamp at time zone ${timeZone})`;
  return sql`
    with contacts as (
      select author_id, count(*) as n from contact_logs
      where contacted_at >= ${from} and contacted_at < ${until} group by author_id
    ), promised as (
      select author_id, jsonb_object_agg(currency, total) as amounts from (
        select c.author_id, p.currency, sum(p.amount) as total
        from promises p join contact_logs c on c.id = p.contact_log_id
        where c.contacted_at >= ${from} and c.contacted_at < ${until}
        group by c.author_id, p.currency) per_currency
      group by author_id
    ), judged as (
      select d.collector_id,
             count(*) filter (where p.state = 'pending' and p.promised_on = ${today}::date) as due_today,
             count(*) filter (where p.state = 'broken' and p.judged_on = ${today}::date) as broken
      from promises p join debtors d on d.id = p.debtor_id
      where (p.state = 'pending' and p.promised_on = ${today}::date) or (p.state = 'broken' and p.judged_on = ${today}::date)
      group by d.collector_id
    ), collected as (
      select collector_id, jsonb_object_agg(currency, total) as amounts from (
        select d.collector_id, pay.currency, sum(pay.amount) as total
        from payments pay join debtors d on d.id = pay.debtor_id
        where pay.paid_on >= ${since}::date and pay.paid_on < ${today}::date and d.collector_id is not null
        group by d.collector_id, pay.currency) per_currency
      group by collector_id
    )
    select u.id, u.name, u.slack_user_id, u.team_id,
      coalesce(contacts.n, 0) as contacts, coalesce(judged.due_today, 0) as due_today, coalesce(judged.broken, 0) as broken,
      promised.amounts as promised, collected.amounts as collected
    from users u
    left join contacts on contacts.author_id = u.id
    left join promised on promised.author_id = u.id
    left join judged on judged.collector_id = u.id
    left join collected on collected.collector_id = u.id
    where u.role = 'collector' or exists (select 1 from debtors d where d.collector_id = u.id)
    order by u.name`.inlineParams();
}

function toActivity(r: Row): CollectorActivity {
  return {
    collectorId: Number(r.id),
    name: r.name,
    slackUserId: r.slack_user_id,
    teamId: Number(r.team_id),
    contactsLogged: Number(r.contacts),
    promisesDueToday: Number(r.due_today),
    promisesBroken: Number(r.broken),
    promised: perCurrency(r.promised),
    collected: perCurrency(r.collected),
  };
}
