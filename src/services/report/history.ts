import { sql } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import { queryRows } from '../../db/query-rows.js';
import { jsonRows } from '../../db/json-rows.js';
import { readInPieces } from '../../db/table-pieces.js';
import type { IsoDate } from '../../domain/calendar.js';
import { byDebtorRanges } from '../debtor-ranges.js';

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

type Fresh = { team_id: number | null; collector_id: number | null; currency: string; bucket: string; open: number; debtors: number };

/**
 * Records what is owed on `day` in `receivable_history`: per team, collector, currency and
 * aging bucket (days past due on `day`), the open amount of the invoices issued by then
 * with `open_amount > 0` and how many debtors owe it. The team is the debtor's collector's
 * (`users.team_id`); debtors without a collector are recorded with collector and team null.
 *
 * Summed in short statements: each piece of the invoices per debtor into a temporary
 * table, then each range of debtors from it (ranges hold different debtors, so their
 * counts add up). One statement then upserts the day's rows and deletes the day's rows of
 * combinations that no longer exist (everything paid), so running it again for the same
 * day replaces that day's figures. Answers how many rows the day has.
 */
export function recordReceivableHistory(db: Db, day: IsoDate): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`drop table if exists pg_temp.receivable_parts`);
    await tx.execute(sql`create temp table receivable_parts (debtor_id int, currency text, bucket text, open bigint) on commit drop`);
    await readInPieces(tx, 'invoices', async (piece) => {
      await tx.execute(sql`
        insert into receivable_parts
        select i.debtor_id, i.currency::text, ${agingBucketSql(day)}, sum(i.open_amount) from ${piece} i
        where i.open_amount > 0 and i.issue_date <= ${day}::date group by 1, 2, 3`);
      return [];
    });
    await tx.execute(sql`create index on receivable_parts (debtor_id)`);
    const ranges = await byDebtorRanges(tx, (from, to) =>
      queryRows<Omit<Fresh, 'open' | 'debtors'> & { open: number | string; debtors: number | string }>(
        tx,
        sql`select u.team_id, u.id as collector_id, o.currency, o.bucket, sum(o.open) as open, count(*) as debtors
            from (
              select debtor_id, currency, bucket, sum(open) as open from receivable_parts
              where debtor_id between ${from} and ${to} group by 1, 2, 3
            ) o join debtors d on d.id = o.debtor_id and d.id between ${from} and ${to}
            left join users u on u.id = d.collector_id
            group by 1, 2, 3, 4`,
      ),
    );
    const fresh = new Map<string, Fresh>();
    for (const r of ranges) {
      const key = `${r.team_id}|${r.collector_id}|${r.currency}|${r.bucket}`;
      const row = fresh.get(key) ?? { team_id: r.team_id, collector_id: r.collector_id, currency: r.currency, bucket: r.bucket, open: 0, debtors: 0 };
      row.open += Number(r.open);
      row.debtors += Number(r.debtors);
      fresh.set(key, row);
    }
    return writeDay(tx, day, [...fresh.values()]);
  });
}

async function writeDay(db: Db, day: IsoDate, fresh: Fresh[]): Promise<number> {
  const rows = await queryRows<{ written: number | string }>(
    db,
    sql`
    with fresh as (
      select v.team_id, v.collector_id, v.currency, v.bucket, v.open, v.debtors
      from ${jsonRows(fresh, { team_id: 'int', collector_id: 'int', currency: 'text', bucket: 'text', open: 'bigint', debtors: 'int' })}
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
