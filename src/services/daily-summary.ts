import { sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { queryRows } from '../db/query-rows.js';
import type { IsoDate } from '../domain/calendar.js';

/** One collector's line in the lead's morning summary. */
export interface CollectorDay {
  collectorId: number;
  name: string;
  slackUserId: string;
  teamId: number;
  onList: number;
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
  input: { today: IsoDate; since: IsoDate; timeZone: string; onList: Map<number, number> },
): Promise<CollectorDay[]> {
  const { today, since, timeZone } = input;
  const rows = await queryRows<Row>(
    db,
    sql`
    select u.id, u.name, u.slack_user_id, u.team_id,
      (select count(*) from contact_logs c where c.author_id = u.id
         and (c.contacted_at at time zone ${timeZone})::date >= ${since}::date
         and (c.contacted_at at time zone ${timeZone})::date < ${today}::date) as contacts,
      (select count(*) from promises p join debtors d on d.id = p.debtor_id
         where d.collector_id = u.id and p.state = 'pending' and p.promised_on = ${today}::date) as due_today,
      (select count(*) from promises p join debtors d on d.id = p.debtor_id
         where d.collector_id = u.id and p.state = 'broken' and p.judged_on = ${today}::date) as broken,
      (select jsonb_object_agg(currency, total) from (
         select p.currency, sum(p.amount) as total from promises p join contact_logs c on c.id = p.contact_log_id
         where c.author_id = u.id
           and (c.contacted_at at time zone ${timeZone})::date >= ${since}::date
           and (c.contacted_at at time zone ${timeZone})::date < ${today}::date
         group by p.currency) x) as promised,
      (select jsonb_object_agg(currency, total) from (
         select pay.currency, sum(pay.amount) as total from payments pay join debtors d on d.id = pay.debtor_id
         where d.collector_id = u.id and pay.paid_on >= ${since}::date and pay.paid_on < ${today}::date
         group by pay.currency) y) as collected
    from users u
    where u.role = 'collector' or exists (select 1 from debtors d where d.collector_id = u.id)
    order by u.name`,
  );
  return rows.map((r) => ({
    collectorId: Number(r.id),
    name: r.name,
    slackUserId: r.slack_user_id,
    teamId: Number(r.team_id),
    onList: input.onList.get(Number(r.id)) ?? 0,
    contactsLogged: Number(r.contacts),
    promisesDueToday: Number(r.due_today),
    promisesBroken: Number(r.broken),
    promised: perCurrency(r.promised),
    collected: perCurrency(r.collected),
  }));
}
