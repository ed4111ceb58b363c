import { sql } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import { jsonRows } from '../../db/json-rows.js';
import { queryRows } from '../../db/query-rows.js';
import { calendarOf, type IsoDate } from '../../domain/calendar.js';
import { noticeTriggersOn } from '../../domain/notice-steps.js';
import type { Policy } from '../../domain/policy.js';

export interface PlanResult {
  /** Triggers stored by this call (0 when an earlier or concurrent run stored them). */
  planned: number;
}

/**
 * Stores the day's notice triggers in one statement: each open invoice of a debtor with a
 * collector whose due date makes it reach a step of `notices.steps` on `date` (a step on a
 * non-working day counts on the next working day). The due dates concerned are computed
 * from the steps and the calendar, a handful of dates the invoices are selected by. Once per
 * (debtor, step, invoice): re-runs and concurrent runs add nothing (the unique key).
 */
export async function planNotices(db: Db, policy: Policy, date: IsoDate): Promise<PlanResult> {
  const triggers = noticeTriggersOn(policy.notices.steps, calendarOf(policy), date).map((t) => ({ step: t.step, due_date: t.dueDate }));
  if (triggers.length === 0) return { planned: 0 };
  const rows = await queryRows<{ id: number }>(
    db,
    sql`insert into notices (debtor_id, invoice_id, step, currency, notice_on)
        select i.debtor_id, i.id, v.step, i.currency, ${date}::date
        from ${jsonRows(triggers, { step: 'int', due_date: 'date' })}
        join invoices i on i.due_date = v.due_date and i.open_amount > 0
        join debtors d on d.id = i.debtor_id and d.collector_id is not null
        order by i.debtor_id, i.id, v.step
        on conflict (debtor_id, step, invoice_id) do nothing
        returning id`,
  );
  return { planned: rows.length };
}
