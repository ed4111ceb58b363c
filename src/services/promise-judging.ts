import { sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { jsonRows } from '../db/json-rows.js';
import { queryRows } from '../db/query-rows.js';
import { calendarOf, type IsoDate } from '../domain/calendar.js';
import type { Policy } from '../domain/policy.js';
import { judgeInstalment, lastPromisedDayDue, type JudgedState } from '../domain/promise-judgement.js';
import { byDebtorRanges, inSlices } from './debtor-ranges.js';

export interface JudgedPromise {
  id: number;
  debtorId: number;
  amount: number;
  currency: string;
  promisedOn: IsoDate;
  instalmentNo: number;
  instalmentCount: number;
  state: JudgedState;
  paid: number;
  missing: number;
}

type Row = {
  id: number;
  debtor_id: number;
  amount: string | number;
  currency: string;
  promised_on: string;
  instalment_no: number;
  instalment_count: number;
  owed_before: string | number;
  paid: string | number;
};

/**
 * Judges every pending promise whose judgement day has come: paid in full, in part or
 * not at all, against the debtor's payments in the promise's currency dated from the
 * day it was made up to the day before `runDay` (the ERP's export of yesterday). Asked and
 * written in short statements (see debtor-ranges.ts); the promises in id order.
 */
export async function judgeDuePromises(db: Db, policy: Policy, runDay: IsoDate): Promise<JudgedPromise[]> {
  const dueUntil = lastPromisedDayDue(calendarOf(policy), policy.promiseGraceDays, runDay);
  // Payments and earlier instalments are summed per due promise in one pass each.
  const rows = await byDebtorRanges(db, (from, to) =>
    queryRows<Row>(
      db,
      sql`
      with due as (
        select p.id, p.debtor_id, p.amount, p.currency, p.promised_on, p.instalment_no, p.instalment_count, p.contact_log_id,
               (p.created_at at time zone ${policy.timeZone})::date as made_on
        from promises p where p.state = 'pending' and p.promised_on <= ${dueUntil}::date and p.debtor_id between ${from} and ${to}
      ), paid as (
        select due.id, sum(pay.amount) as paid
        from due join payments pay on pay.debtor_id = due.debtor_id and pay.currency = due.currency
                                  and pay.paid_on >= due.made_on and pay.paid_on < ${runDay}::date
        where pay.debtor_id between ${from} and ${to}
        group by due.id
      ), owed as (
        select due.id, sum(e.amount) as owed
        from due join promises e on e.contact_log_id = due.contact_log_id and e.instalment_no < due.instalment_no
        -- A plan's instalments are its debtor's: the range narrows the read to them.
        where e.debtor_id between ${from} and ${to}
        group by due.id
      )
      select due.id, due.debtor_id, due.amount, due.currency, due.promised_on::text as promised_on, due.instalment_no,
             due.instalment_count, coalesce(owed.owed, 0) as owed_before, coalesce(paid.paid, 0) as paid
      from due left join paid on paid.id = due.id left join owed on owed.id = due.id`,
    ),
  );
  rows.sort((a, b) => Number(a.id) - Number(b.id));
  const judged: JudgedPromise[] = [];
  for (const r of rows) {
    const amount = Number(r.amount);
    const verdict = judgeInstalment({ amount, owedBefore: Number(r.owed_before), paidSinceCreation: Number(r.paid) });
    judged.push({
      id: Number(r.id),
      debtorId: Number(r.debtor_id),
      amount,
      currency: r.currency,
      promisedOn: r.promised_on,
      instalmentNo: Number(r.instalment_no),
      instalmentCount: Number(r.instalment_count),
      state: verdict.state,
      paid: verdict.paidTowardThis,
      missing: verdict.missing,
    });
  }
  await inSlices(judged, async (slice) => {
    const verdicts = jsonRows(
      slice.map((j) => ({ id: j.id, state: j.state, paid: j.paid })),
      { id: 'int', state: 'text', paid: 'bigint' },
    );
    await db.execute(sql`
      update promises p set state = v.state::promise_state, paid_amount = v.paid, judged_on = ${runDay}::date
      from ${verdicts}
      where p.id = v.id`);
    return [];
  });
  return judged;
}
