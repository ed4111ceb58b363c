import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import { jsonRows } from '../../db/json-rows.js';
import { queryRows } from '../../db/query-rows.js';
import { teams } from '../../db/schema/index.js';
import type { IsoDate } from '../../domain/calendar.js';
import { minorDigits } from '../../domain/money.js';
import type { Policy } from '../../domain/policy.js';
import type { AlarmCandidate } from '../alarm-candidates.js';
import { raiseAlarms } from '../alarms.js';
import { enqueueAlarmMessages } from '../outbox.js';
import { NOTICE_BARRIER_KINDS, openNoticesOf, type NoticeSkipReason } from './day.js';
import { queueBatch, type ReadyGroup } from './queue-batch.js';
import type { OpenInvoice } from './statement.js';

export interface QueueResult {
  /** Emails written to email_outbox (one per debtor and currency). */
  emails: number;
  /** Notices those emails carry. */
  queued: number;
  /** Notices a rule stopped (state `skipped`, reason kept). */
  skipped: number;
  /** Notices left `planned` because no contact has an email (they wait). */
  waiting: number;
  /** `no_email` alarms raised now (once per debtor). */
  alarms: number;
}

/** One debtor and currency with notices to decide today, and what the rules say. */
type GroupRow = {
  debtor_id: number;
  currency: string;
  debtor_name: string;
  external_id: string;
  tax_id: string;
  level: number;
  collector_id: number | null;
  collector_name: string | null;
  collector_email: string | null;
  contact_id: number | null;
  contact_name: string | null;
  contact_email: string | null;
  reason: NoticeSkipReason | null;
};

/**
 * Every debtor and currency with notices to decide on `date`, each with its recipient (the
 * contact with an email at the debtor's ladder level, else the nearest lower level; at one
 * level a working address first) and the first rule that stops it, in the order:
 * promise_pending, open_barrier, recent_notice, under_min_amount, then no_collector,
 * no_email and bounced. One statement for the whole day.
 *
 * `recent_notice`: an email of the debtor (any currency, not failed) whose day is less than
 * `minDaysBetween` days before `date`, or an email already queued today in this currency;
 * or a contact logged with channel email, by hand, on a local day less than `minDaysBetween`
 * days before `date` or on `date` itself. The notices' own contact logs are not counted
 * twice (their emails are), so a debtor's second currency is not stopped by the first.
 *
 * `under_min_amount`: `notices.minAmount` is in the policy's currency, so only an open total
 * in that currency is compared; other currencies are never stopped by it (no exchange rates).
 */
function groupsQuery(policy: Policy, date: IsoDate) {
  const { minDaysBetween, minAmount } = policy.notices;
  const minMinor = Math.round(minAmount * 10 ** minorDigits(policy.currency));
  const kinds = sql.join(
    NOTICE_BARRIER_KINDS.map((k) => sql`${k}`),
    sql`, `,
  );
  const localDay = sql`(cl.contacted_at at time zone ${policy.timeZone})::date`;
  return sql`
    with g as (
      select n.debtor_id, n.currency from notices n where ${openNoticesOf(date)} group by n.debtor_id, n.currency
    )
    select g.debtor_id, g.currency::text as currency, d.name as debtor_name, d.external_id, d.tax_id,
           d.escalation_level as level, u.id as collector_id, u.name as collector_name, u.email as collector_email,
           r.id as contact_id, r.name as contact_name, r.email as contact_email,
           case
             when exists (select 1 from promises p where p.debtor_id = g.debtor_id and p.state = 'pending') then 'promise_pending'
             when exists (select 1 from barriers b where b.debtor_id = g.debtor_id and b.state = 'open' and b.kind::text in (${kinds})) then 'open_barrier'
             when exists (select 1 from email_outbox e where e.debtor_id = g.debtor_id and (
                    (e.notice_on = ${date}::date and e.currency = g.currency)
                    or (e.state <> 'failed' and e.notice_on < ${date}::date and e.notice_on > ${date}::date - ${minDaysBetween}::int)))
               or exists (select 1 from contact_logs cl where cl.debtor_id = g.debtor_id and cl.channel = 'email'
                    and (cl.idempotency_key is null or cl.idempotency_key not like 'notice:%')
                    and ${localDay} > ${date}::date - ${minDaysBetween}::int and ${localDay} <= ${date}::date) then 'recent_notice'
             when g.currency = ${policy.currency} and tot.open_total < ${minMinor}::bigint then 'under_min_amount'
             when u.id is null then 'no_collector'
             when r.id is null then 'no_email'
             when r.bounced then 'bounced'
           end as reason
    from g
    join debtors d on d.id = g.debtor_id
    left join users u on u.id = d.collector_id
    left join lateral (
      select c.id, c.name, trim(c.email) as email, c.email_bounced_at is not null as bounced
      from contacts c
      where c.debtor_id = g.debtor_id and c.level <= d.escalation_level and trim(c.email) <> ''
      order by c.level desc, c.email_bounced_at is not null, c.id
      limit 1
    ) r on true
    cross join lateral (
      select coalesce(sum(i.open_amount), 0) as open_total from invoices i
      where i.debtor_id = g.debtor_id and i.currency = g.currency and i.open_amount > 0
    ) tot
    order by g.debtor_id, g.currency`;
}

/** Marks the open notices of these groups skipped with their reasons; returns how many. Locks in id order. */
async function skipGroups(db: Db, date: IsoDate, groups: Array<{ debtor_id: number; currency: string; reason: string }>): Promise<number> {
  if (groups.length === 0) return 0;
  const rows = await queryRows<{ id: number }>(
    db,
    sql`with target as (
          select n.id, v.reason from notices n
          join ${jsonRows(groups, { debtor_id: 'int', currency: 'text', reason: 'text' })} on v.debtor_id = n.debtor_id and v.currency = n.currency
          where ${openNoticesOf(date)}
          order by n.id
          for update of n
        )
        update notices set state = 'skipped', skip_reason = target.reason from target where notices.id = target.id
        returning notices.id`,
  );
  return rows.length;
}

/** Notices whose invoice was paid since they were planned: nothing to remind. */
async function skipPaid(db: Db, date: IsoDate): Promise<number> {
  const rows = await queryRows<{ id: number }>(
    db,
    sql`with target as (
          select n.id from notices n join invoices i on i.id = n.invoice_id
          where ${openNoticesOf(date)} and i.open_amount <= 0
          order by n.id
          for update of n
        )
        update notices set state = 'skipped', skip_reason = 'invoice_paid' from target where notices.id = target.id
        returning notices.id`,
  );
  return rows.length;
}

/** The groups with no address: their notices wait (skip_reason `no_email`), one alarm per debtor. */
async function waitForEmail(db: Db, policy: Policy, date: IsoDate, groups: GroupRow[]): Promise<{ waiting: number; alarms: number }> {
  if (groups.length === 0) return { waiting: 0, alarms: 0 };
  return db.transaction(async (tx) => {
    const rows = await queryRows<{ id: number }>(
      tx,
      sql`with target as (
            select n.id from notices n
            join ${jsonRows(groups, { debtor_id: 'int', currency: 'text' })} on v.debtor_id = n.debtor_id and v.currency = n.currency
            where ${openNoticesOf(date)}
            order by n.id
            for update of n
          )
          update notices set skip_reason = 'no_email' from target where notices.id = target.id
          returning notices.id`,
    );
    const debtorLevels = new Map(groups.map((g) => [Number(g.debtor_id), Number(g.level)]));
    const candidates: AlarmCandidate[] = [...debtorLevels].map(([debtorId, level]) => ({
      kind: 'no_email',
      debtorId,
      // Once per debtor: its notices wait until the contacts import gives someone an email.
      uniqueKey: `no_email:${debtorId}`,
      params: { level },
      mentions: [],
      mentionRoles: [],
    }));
    const [defaultTeam] = await tx.select({ id: teams.id }).from(teams).where(eq(teams.name, policy.teams[0]!.name));
    const raised = await raiseAlarms(tx, { candidates, runDay: date, defaultTeamId: defaultTeam?.id ?? null });
    await enqueueAlarmMessages(tx, raised);
    return { waiting: rows.length, alarms: raised.length };
  });
}

type InvoiceRow = { debtor_id: number; currency: string; number: string; issue_date: string; due_date: string; amount: string | number; open_amount: string | number };

/** Every open invoice of these debtors in these currencies, oldest due first: one query. */
async function openInvoicesOf(db: Db, groups: GroupRow[]): Promise<Map<string, OpenInvoice[]>> {
  const byGroup = new Map<string, OpenInvoice[]>();
  if (groups.length === 0) return byGroup;
  const rows = await queryRows<InvoiceRow>(
    db,
    sql`select i.debtor_id, i.currency::text as currency, i.number, i.issue_date::text as issue_date, i.due_date::text as due_date,
               i.amount, i.open_amount
        from ${jsonRows(
          groups.map((g) => ({ debtor_id: g.debtor_id, currency: g.currency })),
          { debtor_id: 'int', currency: 'text' },
        )}
        join invoices i on i.debtor_id = v.debtor_id and i.currency = v.currency
        where i.open_amount > 0
        order by i.debtor_id, i.currency, i.due_date, i.issue_date, i.id`,
  );
  for (const r of rows) {
    const key = groupKey(r.debtor_id, r.currency);
    const list = byGroup.get(key) ?? [];
    list.push({ number: r.number, issueDate: r.issue_date, dueDate: r.due_date, amount: Number(r.amount), open: Number(r.open_amount) });
    byGroup.set(key, list);
  }
  return byGroup;
}

const groupKey = (debtorId: number, currency: string) => `${Number(debtorId)}:${currency}`;

/** Emails rendered and written per transaction: few statements, and little held in memory. */
const BATCH = 50;

function readyGroup(group: GroupRow, invoices: OpenInvoice[]): ReadyGroup {
  return {
    debtorId: Number(group.debtor_id),
    currency: group.currency,
    contactId: Number(group.contact_id),
    collectorId: Number(group.collector_id),
    party: {
      debtor: { name: group.debtor_name, externalId: group.external_id, taxId: group.tax_id },
      currency: group.currency,
      collector: { name: group.collector_name!, email: group.collector_email! },
      recipient: { name: group.contact_name!, email: group.contact_email! },
    },
    invoices,
  };
}

/**
 * Turns the day's planned notices into emails: one per debtor and currency, or a skip with
 * its reason (see `groupsQuery` for the rules and their order). Groups without any contact
 * email wait, planned, and raise one `no_email` alarm per debtor. Selection is a few
 * statements for the whole day; the emails are rendered and written in batches, each batch
 * in its own transaction.
 * Safe to re-run and to run twice at once: row locks and the email's unique key keep it
 * to one email and one contact log per group.
 */
export async function queueNotices(db: Db, policy: Policy, date: IsoDate, now: Date, onBatch?: () => void): Promise<QueueResult> {
  let skipped = await skipPaid(db, date);
  const groups = await queryRows<GroupRow>(db, groupsQuery(policy, date));
  const stopped = groups.filter((g) => g.reason !== null && g.reason !== 'no_email') as Array<GroupRow & { reason: NoticeSkipReason }>;
  skipped += await skipGroups(db, date, stopped);
  const { waiting, alarms } = await waitForEmail(
    db,
    policy,
    date,
    groups.filter((g) => g.reason === 'no_email'),
  );

  const ready = groups.filter((g) => g.reason === null);
  let emails = 0;
  let queued = 0;
  for (let start = 0; start < ready.length; start += BATCH) {
    // Each batch reads its own invoices: a day's emails can list hundreds of thousands.
    const slice = ready.slice(start, start + BATCH);
    const invoices = await openInvoicesOf(db, slice);
    const batch = slice.map((g) => readyGroup(g, invoices.get(groupKey(g.debtor_id, g.currency)) ?? []));
    const result = await queueBatch(db, policy, date, now, batch);
    emails += result.emails;
    queued += result.queued;
    skipped += result.skipped;
    if (result.emails > 0) onBatch?.();
  }
  return { emails, queued, skipped, waiting, alarms };
}
