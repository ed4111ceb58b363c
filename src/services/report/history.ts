import { sql } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import { queryRows } from '../../db/query-rows.js';
import type { IsoDate } from '../../domain/calendar.js';

/**
 * The aging bucket of an invoice on `day`, in SQL: the same thresholds as `agingBucket`
 * (src/domain/aging.ts) applied to calendar days past due (`day - due_date`).
 */
export function agingBucketSql(day: IsoDate, dueDate = sql.raw('i.due_date')) {
  return sql`case
      when ${day}::date - ${dueDate} <= 0 then 'current'
      when ${day}::date - ${dueDate} <= 30 then '1-30'
      when ${day}::date - ${dueDate} <= 60 then '31-60'
      when ${day}::date - ${dueDate} <= 90 then '61-90'
      else '90+' end`;
}

/**
 * Records what is owed on `day` in `receivable_history`: per team, collector, currency and
 * aging bucket (days past due on `day`), the open amount of the invoices issued by then
 * with `open_amount > 0` and how many debtors owe it. The team is the debtor's collector's
 * (`users.team_id`); debtors without a collector are recorded with collector and team null.
 *
 * One statement: the day's rows are upserted, and the day's rows of combinations that no
 * longer exist (everything paid) are deleted, so running it again for the same day replaces
 * that day's figures. Answers how many rows the day has.
 */
export async function recordReceivableHistory(db: Db, day: IsoDate): Promise<number> {
  const rows = await queryRows<{ written: number | string }>(
    db,
    sql`
    with fresh as (
      select u.team_id, u.id as collector_id, i.currency::text as currency, ${agingBucketSql(day)} as bucket,
             sum(i.open_amount) as open, count(distinct i.debtor_id)::int as debtors
      from invoices i
      join debtors d on d.id = i.debtor_id
      left join users u on u.id = d.collector_id
      where i.open_amount > 0 and i.issue_date <= ${day}::date
      group by 1, 2, 3, 4
    ), gone as (
      delete from receivable_history h
      where h.day = ${day}::date
        and not exists (
          select 1 from fresh f
          where f.team_id is not distinct from h.team_id and f.collector_id is not distinct from h.collector_id
            and f.currency = h.currency and f.bucket = h.bucket)
    ), written as (
      insert into receivable_history (day, team_id, collector_id, currency, bucket, open, debtors)
      select ${day}::date, team_id, collector_id, currency, bucket, open, debtors from fresh
      on conflict on constraint receivable_history_key
      do update set open = excluded.open, debtors = excluded.debtors
      returning 1
    )
    select count(*) as written from written`,
  );
  return Number(rows[0]?.written ?? 0);
}
