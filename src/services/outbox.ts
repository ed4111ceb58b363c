import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { jsonIds, jsonRows } from '../db/json-rows.js';
import { queryRows } from '../db/query-rows.js';
import { alarms, outbox, type OutboxRow } from '../db/schema/index.js';

/** A Slack message to deliver later: `payload` holds the chat.postMessage arguments but the channel. */
export interface OutgoingMessage {
  channel: string;
  payload: object;
  /** What the message is about, e.g. `alarm:42`; its `ts` is recorded there once sent. */
  ref?: string;
}

/** Writes messages in the caller's transaction, so they exist if and only if the fact does. */
export async function enqueueMessages(tx: Db, messages: OutgoingMessage[]): Promise<void> {
  if (messages.length === 0) return;
  const rows = jsonRows(
    messages.map((m) => ({ channel: m.channel, payload: m.payload, ref: m.ref ?? null })),
    { channel: 'text', payload: 'jsonb', ref: 'text' },
  );
  await tx.execute(sql`
    insert into outbox (channel, payload, ref)
    select v.channel, v.payload, v.ref from ${rows}
    order by v.ord`); // ids in the order given: a channel's messages go out in id order
}

/**
 * Queues the message of each new alarm for its team's channel (teams without one get
 * none). The payload is left empty: the deliverer renders the alarm as it stands when sent.
 */
export async function enqueueAlarmMessages(tx: Db, alarmIds: number[]): Promise<number> {
  if (alarmIds.length === 0) return 0;
  const rows = await queryRows<{ id: number }>(
    tx,
    sql`insert into outbox (channel, ref)
        select t.alarm_channel, 'alarm:' || a.id
        from alarms a join teams t on t.id = a.team_id
        where a.id in ${jsonIds(alarmIds)} and t.alarm_channel is not null
        order by a.id
        returning id`,
  );
  return rows.length;
}

/** A claim older than this belongs to a process that died mid-delivery: take it over. */
export const STALE_CLAIM_MS = 2 * 60_000;

type ClaimRow = {
  id: string | number;
  channel: string;
  method: string;
  payload: Record<string, unknown> | string | null;
  attempts: number;
  ref: string | null;
};

/**
 * Claims the oldest undelivered message of up to `limit` channels, those with most waiting
 * first, leaving out `skipChannels`. Only a channel's oldest message is ever claimable, so
 * each channel receives its messages in order, and `FOR UPDATE SKIP LOCKED` keeps two
 * deliverers from taking the same row.
 */
export async function claimMessages(
  db: Db,
  opts: { worker: string; limit: number; now: Date; skipChannels?: readonly string[] },
): Promise<Array<Pick<OutboxRow, 'id' | 'channel' | 'method' | 'payload' | 'attempts' | 'ref'>>> {
  // Raw SQL takes instants as ISO text: the drivers disagree on Date parameters.
  const now = opts.now.toISOString();
  const stale = new Date(opts.now.getTime() - STALE_CLAIM_MS).toISOString();
  const claimable = sql`((o.state = 'pending' and o.next_attempt_at <= ${now}::timestamptz) or (o.state = 'sending' and o.claimed_at < ${stale}::timestamptz))`;
  const rows = await queryRows<ClaimRow>(
    db,
    sql`
    with heads as (
      select min(id) as id, count(*) as waiting from outbox
      where state in ('pending', 'sending')
      group by channel
    ), picked as (
      select o.id from outbox o join heads h on h.id = o.id
      where ${claimable}
        and o.channel not in (select value from jsonb_array_elements_text(${JSON.stringify(opts.skipChannels ?? [])}::jsonb))
      -- The longest queues first: at one message per second per channel, they decide when the outbox is empty.
      order by h.waiting desc, o.id
      limit ${opts.limit}
      for update of o skip locked
    )
    update outbox o set state = 'sending', claimed_by = ${opts.worker}, claimed_at = ${now}::timestamptz, attempts = o.attempts + 1
    from picked where o.id = picked.id
    returning o.id, o.channel, o.method, o.payload, o.attempts, o.ref`,
  );
  return rows
    .map((r) => ({
      id: Number(r.id),
      channel: r.channel,
      method: r.method,
      payload: typeof r.payload === 'string' ? (JSON.parse(r.payload) as Record<string, unknown>) : r.payload,
      attempts: Number(r.attempts),
      ref: r.ref,
    }))
    .sort((a, b) => a.id - b.id);
}

/** Records a delivered message (and its `ts` on the alarm it announced). */
export async function markSent(db: Db, id: number, messageTs: string | null, worker: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(outbox)
      .set({ state: 'sent', messageTs, sentAt: new Date(), lastError: null })
      .where(and(eq(outbox.id, id), eq(outbox.claimedBy, worker)))
      .returning({ ref: outbox.ref, channel: outbox.channel });
    const alarmId = row?.ref?.startsWith('alarm:') ? Number(row.ref.slice('alarm:'.length)) : null;
    if (alarmId !== null && messageTs) {
      await tx.update(alarms).set({ channel: row!.channel, messageTs }).where(eq(alarms.id, alarmId));
    }
  });
}

export async function markRetry(db: Db, id: number, nextAttemptAt: Date, error: string): Promise<void> {
  await db
    .update(outbox)
    .set({ state: 'pending', nextAttemptAt, lastError: error, claimedBy: null, claimedAt: null })
    .where(eq(outbox.id, id));
}

export async function markFailed(db: Db, id: number, error: string): Promise<void> {
  await db.update(outbox).set({ state: 'failed', lastError: error }).where(eq(outbox.id, id));
}

/** Pending and failed messages, oldest first, for `cobranza outbox`. */
export function undeliveredMessages(db: Db) {
  return db
    .select()
    .from(outbox)
    .where(inArray(outbox.state, ['pending', 'sending', 'failed']))
    .orderBy(outbox.id);
}

/** How many messages wait (pending or being sent) and how many failed for good. */
export async function outboxCounts(db: Db): Promise<{ waiting: number; failed: number }> {
  const rows = await queryRows<{ waiting: number; failed: number }>(
    db,
    sql`select count(*) filter (where state in ('pending', 'sending'))::int as waiting,
               count(*) filter (where state = 'failed')::int as failed
        from outbox`,
  );
  return { waiting: Number(rows[0]?.waiting ?? 0), failed: Number(rows[0]?.failed ?? 0) };
}
