import { sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { queryRows } from '../db/query-rows.js';
import { calendarOf, type IsoDate } from '../domain/calendar.js';
import type { Policy } from '../domain/policy.js';
import { isDue, judgeInstalment, type JudgedState } from '../domain/promise-judgement.js';

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
 * day it was made up to the day before `runDay` (the ERP's export of yesterday).
 */
export async function judgeDuePromises(db: Db, policy: Policy, runDay: IsoDate): Promise<JudgedPromise[]> {
  const cal = calendarOf(policy);
  const rows = await queryRows<Row>(
    db,
    sql`
    select p.id, p.debtor_id, p.amount, p.currency, p.promised_on::text as promised_on, p.instalment_no, p.instalment_count,
      coalesce((select sum(e.amount) from promises e
                where p.contact_log_id is not null and e.contact_log_id = p.contact_log_id
                  and e.instalment_no < p.instalment_no), 0) as owed_before,
      coalesce((select sum(pay.amount) from payments pay
                where pay.debtor_id = p.debtor_id and pay.currency = p.currency
                  and pay.paid_on >= (p.created_at at time zone ${policy.timeZone})::date
                  and pay.paid_on < ${runDay}::date), 0) as paid
    from promises p
    where p.state = 'pending' and p.promised_on < ${runDay}::date
    order by p.id`,
  );
  const judged: JudgedPromise[] = [];
  for (const r of rows) {
    if (!isDue(cal, r.promised_on, policy.promiseGraceDays, runDay)) continue;
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
  if (judged.length > 0) {
    const values = JSON.stringify(judged.map((j) => ({ id: j.id, state: j.state, paid: j.paid })));
    await db.execute(sql`
      update promises p set state = v.state::promise_state, paid_amount = v.paid, judged_on = ${runDay}::date
      from json_to_recordset(${values}::json) as v(id int, state text, paid bigint)
      where p.id = v.id`);
  }
  return judged;
}
