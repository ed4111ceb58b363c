import { eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { jsonIds } from '../db/json-rows.js';
import { queryRows } from '../db/query-rows.js';
import { outbox, type OutboxRow } from '../db/schema/index.js';
import { inSlices } from './debtor-ranges.js';

/** A Slack message to deliver later: `payload` holds the chat.postMessage arguments but the channel. */
export interface OutgoingMessage {
  channel: string;
  payload: object;
  /** What the message is about, e.g. `alarm:42`; its `ts` is recorded there once sent. */
  ref?: string;
}

/** Rows per statement: 3 parameters each, well inside PostgreSQL's 65,535. */
const ENQUEUE_CHUNK = 1000;
/** An alarm's message has the ref `alarm:<id>`, written as such by `enqueueAlarmMessages`. */
const ALARM_REF = 'alarm:';

/**
 * Writes messages in the caller's transaction, so they exist if and only if the fact does.
 * Each payload is its own parameter: the server reads each as one JSON value, where a
 * single JSON list of all of them would be read twice.
 */
export async function enqueueMessages(tx: Db, messages: OutgoingMessage[]): Promise<void> {
  await inSlices(
    messages,
    async (slice) => {
      // VALUES are inserted in their order, so ids follow it: a channel's messages go out in id order.
      await tx.insert(outbox).values(slice.map((m) => ({ channel: m.channel, payload: m.payload as Record<string, unknown>, ref: m.ref ?? null })));
      return [];
    },
    ENQUEUE_CHUNK,
  );
}

/**
 * The outbox `method` of a file upload: not a Web API method but the deliverer's name for
 * Slack's three steps (files.getUploadURLExternal, the POST of the bytes,
 * files.completeUploadExternal). Its row's `payload` is an `UploadPayload`; once sent,
 * `message_ts` holds the file id.
 */
export const UPLOAD_FILE = 'files.uploadExternal';

/** What an upload row carries: the file itself, base64, and how it is shown in the channel. */
export interface UploadPayload {
  filename: string;
  title: string;
  alt_text: string;
  content_base64: string;
  /** A message posted with the file. */
  initial_comment?: string;
}

/** A file to share in a channel later, durably, like a message. */
export interface OutgoingUpload {
  channel: string;
  upload: UploadPayload;
  ref?: string;
}

/**
 * Writes file uploads in the caller's transaction, after any message it queued before: a
 * channel's rows go out in id order, so a file follows the message it belongs to.
 */
export async function enqueueUploads(tx: Db, uploads: OutgoingUpload[]): Promise<void> {
  for (const u of uploads) {
    await tx.insert(outbox).values({ channel: u.channel, method: UPLOAD_FILE, payload: { ...u.upload }, ref: u.ref ?? null });
  }
}

/**
 * Queues the message of each new alarm for its team's channel (teams without one get
 * none), a slice at a time. The payload is left empty: the deliverer renders the alarm as it
 * stands when sent.
 */
export async function enqueueAlarmMessages(tx: Db, alarmIds: number[]): Promise<number> {
  const rows = await inSlices(alarmIds, (slice) =>
    queryRows<{ id: number }>(
      tx,
      sql`insert into outbox (channel, ref)
          select t.alarm_channel, 'alarm:' || a.id
          from alarms a join teams t on t.id = a.team_id
          where a.id in ${jsonIds(slice)} and t.alarm_channel is not null
          order by a.id
          returning id`,
    ),
  );
  return rows.length;
}

/**
 * A claim older than this belongs to a process that died mid-delivery: take it over. Claims
 * of a process known to be gone are taken back at once (`takeBackClaims`).
 */
export const STALE_CLAIM_MS = 2 * 60_000;

/** A message claimed for delivery. */
export interface ClaimedMessage extends Pick<OutboxRow, 'id' | 'channel' | 'method' | 'payload' | 'attempts' | 'ref'> {
  claimedAt: Date;
  /**
   * Since when the message may already be in Slack, when a process died while sending it
   * (null otherwise): the channel's history from then on says whether it arrived.
   */
  inDoubtSince: Date | null;
}

type ClaimRow = {
  id: string | number;
  channel: string;
  method: string;
  payload: Record<string, unknown> | string | null;
  attempts: number;
  ref: string | null;
  in_doubt_since_ms: number | string | null;
};

/**
 * Claims the queues of up to `channels` channels, those with most waiting first, leaving
 * out `skipChannels`: each channel's oldest `perChannel` messages, in order. A channel is
 * claimed only with its oldest message, and `FOR UPDATE SKIP LOCKED` on that message keeps
 * two deliverers from taking the same channel, so each channel receives its messages in
 * order, from one deliverer at a time.
 */
export async function claimMessages(
  db: Db,
  opts: { worker: string; channels: number; perChannel: number; now: Date; skipChannels?: readonly string[] },
): Promise<ClaimedMessage[]> {
  // Raw SQL takes instants as ISO text: the drivers disagree on Date parameters.
  const now = opts.now.toISOString();
  const stale = new Date(opts.now.getTime() - STALE_CLAIM_MS).toISOString();
  const claimable = sql`((o.state = 'pending' and o.next_attempt_at <= ${now}::timestamptz) or (o.state = 'sending' and o.claimed_at < ${stale}::timestamptz))`;
  const rows = await db.transaction(async (tx) => {
    const heads = await queryRows<{ channel: string }>(
      tx,
      sql`
      with heads as (
        select min(id) as id, count(*) as waiting from outbox
        where state in ('pending', 'sending')
        group by channel
      )
      select o.channel from outbox o join heads h on h.id = o.id
      where ${claimable}
        and o.channel not in (select value from jsonb_array_elements_text(${JSON.stringify(opts.skipChannels ?? [])}::jsonb))
      -- The longest queues first: at one message per second per channel, they decide when the outbox is empty.
      order by h.waiting desc, o.id
      limit ${opts.channels}
      for update of o skip locked`,
    );
    if (heads.length === 0) return [];
    // A message is taken only with every older one of its channel: a gap would break the order.
    // A channel's head still 'sending' is the one its stale claim may have posted (each
    // channel is sent one message at a time): it is in doubt since that claim.
    return queryRows<ClaimRow>(
      tx,
      sql`
      with queue as (
        select o.id, o.claimed_at as claimed_before, row_number() over w as pos, bool_and(${claimable}) over w as ready
        from outbox o
        where o.state in ('pending', 'sending')
          and o.channel in (select value from jsonb_array_elements_text(${JSON.stringify(heads.map((h) => h.channel))}::jsonb))
        window w as (partition by o.channel order by o.id)
      )
      update outbox o set state = 'sending', claimed_by = ${opts.worker}, claimed_at = ${now}::timestamptz, attempts = o.attempts + 1,
        in_doubt = o.in_doubt or (q.pos = 1 and o.state = 'sending')
      from queue q where q.id = o.id and q.pos <= ${opts.perChannel} and q.ready
      returning o.id, o.channel, o.method, o.payload, o.attempts, o.ref,
        case when o.in_doubt then extract(epoch from coalesce(q.claimed_before, o.created_at)) * 1000 end as in_doubt_since_ms`,
    );
  });
  return rows
    .map((r) => ({
      id: Number(r.id),
      channel: r.channel,
      method: r.method,
      payload: typeof r.payload === 'string' ? (JSON.parse(r.payload) as Record<string, unknown>) : r.payload,
      attempts: Number(r.attempts),
      ref: r.ref,
      claimedAt: opts.now,
      inDoubtSince: r.in_doubt_since_ms === null ? null : new Date(Number(r.in_doubt_since_ms)),
    }))
    .sort((a, b) => a.id - b.id);
}

/** Workers holding claims now, for the deliverer to tell which of them are gone. */
export async function claimHolders(db: Db): Promise<string[]> {
  const rows = await queryRows<{ worker: string }>(db, sql`select distinct claimed_by as worker from outbox where state = 'sending' and claimed_by is not null`);
  return rows.map((r) => r.worker);
}

/**
 * Gives back at once the claims of workers known to be gone. The oldest claimed message of
 * each channel may have reached Slack (each channel is sent one message at a time): it is
 * marked in doubt and keeps its claim time, from which the channel's history is searched.
 */
export async function takeBackClaims(db: Db, workers: readonly string[]): Promise<number> {
  if (workers.length === 0) return 0;
  const rows = await queryRows<{ id: number }>(
    db,
    sql`
    with dead as (
      select id, channel from outbox
      where state = 'sending' and claimed_by in (select value from jsonb_array_elements_text(${JSON.stringify(workers)}::jsonb))
    ),
    heads as (
      select distinct on (channel) id from outbox
      where state in ('pending', 'sending') and channel in (select channel from dead)
      order by channel, id
    )
    update outbox o set state = 'pending', claimed_by = null,
      in_doubt = o.in_doubt or o.id in (select id from heads),
      claimed_at = case when o.id in (select id from heads) then o.claimed_at end
    from dead where dead.id = o.id
    returning o.id`,
  );
  return rows.length;
}

/** Gives claimed messages back unsent (they wait behind one that is to be retried); a doubt stays. */
export async function releaseMessages(db: Db, ids: readonly number[], worker: string): Promise<void> {
  if (ids.length === 0) return;
  await db.execute(sql`
    update outbox set state = 'pending', claimed_by = null, claimed_at = null, attempts = attempts - 1
    where id in ${jsonIds(ids)} and claimed_by = ${worker} and state = 'sending'`);
}

/** The alarm a message announces (its ref is `alarm:42`), or null. */
export function alarmIdOfRef(ref: string | null): number | null {
  if (!ref?.startsWith(ALARM_REF)) return null;
  const id = Number(ref.slice(ALARM_REF.length));
  return Number.isInteger(id) && id > 0 ? id : null;
}

/**
 * Records a delivered message, and its `ts` on the alarm it announced in the same statement.
 * Any other message is one short update: a morning's lists are hundreds of them.
 */
export async function markSent(db: Db, message: Pick<ClaimedMessage, 'id' | 'ref'>, messageTs: string | null, worker: string): Promise<void> {
  const sent = sql`update outbox set state = 'sent', message_ts = ${messageTs}, sent_at = now(), last_error = null, in_doubt = false
      where id = ${message.id} and claimed_by = ${worker}`;
  const alarmId = alarmIdOfRef(message.ref);
  if (alarmId === null || messageTs === null) {
    await db.execute(sent);
    return;
  }
  await db.execute(sql`
    with sent as (${sent} returning channel)
    update alarms a set channel = sent.channel, message_ts = ${messageTs}
    from sent where a.id = ${alarmId}`);
}

/**
 * How an unsent message is left: `inDoubtSince` (null when it is surely not in Slack) is
 * kept as its claim time, from which the channel's history is searched before it is sent.
 */
interface Unsent {
  error: string;
  inDoubtSince: Date | null;
}

export async function markRetry(db: Db, id: number, opts: Unsent & { nextAttemptAt: Date }): Promise<void> {
  await db
    .update(outbox)
    .set({ state: 'pending', nextAttemptAt: opts.nextAttemptAt, lastError: opts.error, inDoubt: opts.inDoubtSince !== null, claimedBy: null, claimedAt: opts.inDoubtSince })
    .where(eq(outbox.id, id));
}

export async function markFailed(db: Db, id: number, opts: Unsent): Promise<void> {
  await db
    .update(outbox)
    .set({ state: 'failed', lastError: opts.error, inDoubt: opts.inDoubtSince !== null, claimedBy: null, claimedAt: opts.inDoubtSince })
    .where(eq(outbox.id, id));
}

/** For an idle deliverer: when the next retry falls due, and whether messages are being sent. */
export async function nextRetry(db: Db): Promise<{ at: Date | null; sending: boolean }> {
  const rows = await queryRows<{ at_ms: number | string | null; sending: boolean }>(
    db,
    sql`select extract(epoch from min(next_attempt_at) filter (where state = 'pending')) * 1000 as at_ms,
               coalesce(bool_or(state = 'sending'), false) as sending
        from outbox where state in ('pending', 'sending')`,
  );
  const at = rows[0]?.at_ms;
  return { at: at === null || at === undefined ? null : new Date(Number(at)), sending: rows[0]?.sending === true };
}

/** What `retryFailedMessages` did with one id it was given. */
export type RetryOutcome = { id: number; outcome: 'queued' } | { id: number; outcome: 'not_failed'; state: OutboxRow['state'] } | { id: number; outcome: 'not_found' };

/**
 * Puts failed messages back in the queue, due now, their attempts counted afresh: those
 * given, or every failed one when `ids` is empty. A message in doubt stays in doubt.
 */
export async function retryFailedMessages(db: Db, ids: readonly number[]): Promise<RetryOutcome[]> {
  const picked = ids.length > 0 ? sql`and id in ${jsonIds(ids)}` : sql``;
  const queued = await queryRows<{ id: number | string }>(
    db,
    sql`update outbox set state = 'pending', next_attempt_at = now(), attempts = 0
        where state = 'failed' ${picked}
        returning id`,
  );
  const done = new Set(queued.map((r) => Number(r.id)));
  if (ids.length === 0) return [...done].sort((a, b) => a - b).map((id) => ({ id, outcome: 'queued' }));
  const others = ids.filter((id) => !done.has(id));
  const states = others.length > 0 ? await db.select({ id: outbox.id, state: outbox.state }).from(outbox).where(inArray(outbox.id, others)) : [];
  const stateOf = new Map(states.map((r) => [r.id, r.state]));
  return [...new Set(ids)].map((id): RetryOutcome => {
    if (done.has(id)) return { id, outcome: 'queued' };
    const state = stateOf.get(id);
    return state ? { id, outcome: 'not_failed', state } : { id, outcome: 'not_found' };
  });
}

/** One message of the outbox, whatever its state. */
export async function findOutboxMessage(db: Db, id: number): Promise<OutboxRow | undefined> {
  const [row] = await db.select().from(outbox).where(eq(outbox.id, id));
  return row;
}

/** Pending and failed messages, oldest first, for `cobranza outbox`. */
export function undeliveredMessages(db: Db) {
  return db
    .select()
    .from(outbox)
    .where(inArray(outbox.state, ['pending', 'sending', 'failed']))
    .orderBy(outbox.id);
}

/** Whether no message waits (pending or being sent); asked of the state index, whatever the outbox's size. */
export async function nothingWaiting(db: Db): Promise<boolean> {
  const rows = await queryRows<{ empty: boolean }>(db, sql`select not exists (select 1 from outbox where state in ('pending', 'sending')) as empty`);
  return rows[0]?.empty === true;
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
