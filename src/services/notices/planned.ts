import { sql } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import { queryRows } from '../../db/query-rows.js';
import type { IsoDate } from '../../domain/calendar.js';

/** One email the notices job will send today, as the collector's morning DM lists it. */
export interface PlannedNotice {
  /** The first trigger's id: the `hold_notice` button's value. */
  noticeId: number;
  debtorId: number;
  debtorName: string;
  currency: string;
  /** Open total of the debtor in that currency, minor units. */
  openTotal: number;
  /** The firmest step reached (it sets the email's tone). */
  step: number;
  /** Every step reached, ascending. */
  steps: number[];
}

type Row = {
  collector_id: number;
  notice_id: number;
  debtor_id: number;
  debtor_name: string;
  currency: string;
  open_total: string | number | null;
  steps: number[] | string;
};

function intList(value: number[] | string): number[] {
  const list = typeof value === 'string' ? (JSON.parse(value) as number[]) : value;
  return list.map(Number);
}

/**
 * The day's planned notices by collector (users.id), one entry per debtor and currency, in
 * debtor name order: what each morning DM offers to hold. One query for every collector.
 */
export async function plannedNoticesByCollector(db: Db, date: IsoDate): Promise<Map<number, PlannedNotice[]>> {
  const rows = await queryRows<Row>(
    db,
    sql`select d.collector_id, min(n.id) as notice_id, n.debtor_id, d.name as debtor_name, n.currency::text as currency,
               (select sum(i.open_amount) from invoices i
                where i.debtor_id = n.debtor_id and i.currency = n.currency and i.open_amount > 0) as open_total,
               to_json(array_agg(distinct n.step order by n.step)) as steps
        from notices n join debtors d on d.id = n.debtor_id
        where d.collector_id is not null and n.state = 'planned' and n.notice_on = ${date}::date
        group by d.collector_id, n.debtor_id, d.name, n.currency
        order by d.collector_id, d.name, n.debtor_id, n.currency`,
  );
  const byCollector = new Map<number, PlannedNotice[]>();
  for (const r of rows) {
    const list = byCollector.get(Number(r.collector_id)) ?? [];
    list.push(plannedNotice(r));
    byCollector.set(Number(r.collector_id), list);
  }
  return byCollector;
}

function plannedNotice(r: Row): PlannedNotice {
  const steps = intList(r.steps);
  return {
    noticeId: Number(r.notice_id),
    debtorId: Number(r.debtor_id),
    debtorName: r.debtor_name,
    currency: r.currency.trim(),
    openTotal: Number(r.open_total ?? 0),
    step: Math.max(...steps),
    steps,
  };
}
