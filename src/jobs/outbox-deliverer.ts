import type { webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import type { Database, Db } from '../db/database.js';
import type { AlarmRecord } from '../services/alarms.js';
import { messagePayload } from '../services/outbox-messages.js';
import {
  claimHolders,
  claimMessages,
  markFailed,
  markRetry,
  markSent,
  nextRetry,
  releaseMessages,
  takeBackClaims,
  type ClaimedMessage,
} from '../services/outbox.js';
import { awaitedLater } from './awaited-later.js';
import { claimIsDead, newWorkerId } from './delivery-workers.js';
import type { Payload } from './job-deps.js';
import { findPostedMessage, outboxMetadata } from './outbox-metadata.js';
import { classifySlackError, type SlackFailure } from './slack-errors.js';

/** Slack allows about one message per second per channel. */
export const CHANNEL_PACE_MS = 1000;
/** The only method that takes message metadata, hence the only one whose posts can be looked up. */
const POST = 'chat.postMessage';
/** Channels claimed per pass: each is delivered at once, waiting only for its own pace. */
const CHANNELS_PER_PASS = 500;
/** Channels claimed first in a pass, on their own: the longest queues (see `deliverBatch`). */
const FIRST_CLAIM = 25;
/**
 * Messages of one channel claimed together and sent one after another at the pace: a
 * busy channel needs no new claim per message, and a pass lasts a few seconds at most.
 */
const PER_CHANNEL = 5;

/** Transient errors are retried forever, 1 s after the first attempt, doubling up to 5 minutes. */
const MAX_BACKOFF_MS = 5 * 60_000;
const backoffMs = (attempts: number) => Math.min(MAX_BACKOFF_MS, 1000 * 2 ** (attempts - 1));
/** How often an idle `drain` that waits for the outbox to empty looks again, at least and at most. */
const IDLE_POLL_MS = { min: 200, max: 5000 };

export interface DelivererDeps {
  db: Db;
  /** On embedded PGlite every claim of another process is dead: only one process opens the data. */
  databaseKind: Database['kind'];
  /** A Web API client built with `retryConfig: { retries: 0 }` and `rejectRateLimitedCalls: true`. */
  client: webApi.WebClient;
  logger: Logger;
  /** Alarm messages are rendered when sent, so they show the alarm as it stands then. */
  renderAlarm: (alarm: AlarmRecord) => Payload;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
  /** Least time between two messages to one channel; Slack's pace unless a test says otherwise. */
  paceMs?: number;
}

export interface DeliveryReport {
  sent: number;
  failed: number;
  retried: number;
}

/**
 * Object fields (blocks, attachments) as the JSON text the client sends them as anyway: the
 * client otherwise walks every nested object once more to build a debug line, the largest
 * share of its work per message.
 */
function asFormFields(payload: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(payload).map(([key, value]) => [key, value !== null && typeof value === 'object' ? JSON.stringify(value) : value]));
}

/** Claimed messages by channel, the longest queues first (the claim's order, kept stable). */
function queuesOf<T extends { channel: string }>(rows: readonly T[]): T[][] {
  const queues = new Map<string, T[]>();
  for (const row of rows) queues.set(row.channel, [...(queues.get(row.channel) ?? []), row]);
  return [...queues.values()].sort((a, b) => b.length - a.length);
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Delivers the outbox: the oldest message of each channel first, paced per channel,
 * honouring 429 Retry-After, retrying transient errors with backoff for as long as they
 * last and marking permanent ones failed with Slack's reason. Any number of deliverers
 * may run at once. Each message goes out once, also across a crash: one that a dead
 * process may have posted is looked up in its channel's history before it is sent again,
 * and a restarted process takes back the claims of the one it replaces at once.
 */
export function createDeliverer(deps: DelivererDeps) {
  const worker = newWorkerId();
  const now = deps.now ?? (() => new Date());
  const sleep = deps.sleep ?? realSleep;
  const paceMs = deps.paceMs ?? CHANNEL_PACE_MS;
  const lastSent = new Map<string, number>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;
  let stopped = false;
  let botId: string | undefined;
  let tookBackDeadClaims: Promise<void> | undefined;

  /** Once per deliverer: claims of processes known to be gone go back to the queue at once. */
  function takeBackDeadClaims(): Promise<void> {
    tookBackDeadClaims ??= (async () => {
      const dead = (await claimHolders(deps.db)).filter((holder) => claimIsDead(holder, deps.databaseKind));
      const messages = await takeBackClaims(deps.db, dead);
      if (messages > 0) deps.logger.info({ messages, workers: dead }, 'outbox claims of a stopped process taken back');
    })().catch((error: unknown) => {
      tookBackDeadClaims = undefined;
      throw error;
    });
    return tookBackDeadClaims;
  }

  /** The `ts` of an in-doubt message found in its channel's history, or null. */
  async function postedEarlier(row: ClaimedMessage, since: Date): Promise<string | null> {
    botId ??= ((await deps.client.apiCall('auth.test', {})) as { bot_id?: string }).bot_id ?? '';
    return findPostedMessage(deps.client, { botId, channel: row.channel, outboxId: row.id, since });
  }

  async function post(row: ClaimedMessage, payload: object): Promise<string | null> {
    const wait = (lastSent.get(row.channel) ?? 0) + paceMs - now().getTime();
    if (wait > 0) await sleep(wait);
    const metadata = row.method === POST ? { metadata: JSON.stringify(outboxMetadata(row.id)) } : {};
    try {
      const result = (await deps.client.apiCall(row.method, { ...asFormFields(payload), ...metadata, channel: row.channel })) as { ts?: string };
      return result.ts ?? null;
    } finally {
      lastSent.set(row.channel, now().getTime());
    }
  }

  /**
   * Sends one claimed message. One that may already be in Slack (its process died while
   * sending it, or Slack's answer was lost) is first looked up in the channel's history and
   * recorded as sent if found there.
   * Only the Slack calls are caught: a failure to record an answer leaves the claim to be
   * taken back, in doubt, rather than sending the message again.
   */
  async function deliverOne(row: ClaimedMessage, report: DeliveryReport): Promise<'sent' | 'failed' | 'retried'> {
    const payload = await messagePayload(deps.db, row, deps.renderAlarm);
    if (!payload) {
      deps.logger.warn({ outboxId: row.id, ref: row.ref }, 'slack message has nothing to send');
      await markFailed(deps.db, row.id, { error: 'nothing_to_send', inDoubtSince: null });
      report.failed++;
      return 'failed';
    }
    let ts: string | null = null;
    if (row.inDoubtSince && row.method === POST) {
      try {
        ts = await postedEarlier(row, row.inDoubtSince);
      } catch (error) {
        return settleFailure(row, classifySlackError(error), { check: true }, report);
      }
      if (ts) deps.logger.info({ outboxId: row.id, channel: row.channel, ts }, 'slack message in doubt was already posted');
    }
    if (!ts) {
      try {
        ts = await post(row, payload);
      } catch (error) {
        return settleFailure(row, classifySlackError(error), { check: false }, report);
      }
    }
    await markSent(deps.db, row.id, ts, worker);
    report.sent++;
    return 'sent';
  }

  /**
   * A failed Slack call: permanent errors fail the message with Slack's reason, any other
   * is retried, after Retry-After or the backoff. The message stays in doubt when its
   * history check failed, and becomes so when a post's answer was lost on the way.
   */
  async function settleFailure(row: ClaimedMessage, failure: SlackFailure, at: { check: boolean }, report: DeliveryReport): Promise<'failed' | 'retried'> {
    const error = at.check ? `history check: ${failure.reason}` : failure.reason;
    const lostAnswer = !at.check && failure.kind === 'transient' && failure.unanswered && row.method === POST;
    const inDoubtSince = at.check ? row.inDoubtSince : lostAnswer ? row.claimedAt : null;
    if (failure.kind === 'permanent') {
      deps.logger.warn({ outboxId: row.id, channel: row.channel, reason: error }, 'slack message failed');
      await markFailed(deps.db, row.id, { error, inDoubtSince });
      report.failed++;
      return 'failed';
    }
    const delay = failure.kind === 'rate_limited' ? failure.retryAfterMs : backoffMs(row.attempts);
    deps.logger.info({ outboxId: row.id, channel: row.channel, reason: error, delay }, 'slack message retried');
    await markRetry(deps.db, row.id, { nextAttemptAt: new Date(now().getTime() + delay), error, inDoubtSince });
    report.retried++;
    return 'retried';
  }

  /**
   * A channel's claimed messages, in order; those behind one to be retried are given back
   * to wait for it. `firstTried` is called once the first has been tried, however it went.
   */
  async function deliverChannel(rows: readonly ClaimedMessage[], report: DeliveryReport, firstTried: () => void = () => undefined) {
    for (const [i, row] of rows.entries()) {
      let outcome;
      try {
        outcome = await deliverOne(row, report);
      } finally {
        if (i === 0) firstTried();
      }
      if (outcome === 'retried') {
        await releaseMessages(deps.db, rows.slice(i + 1).map((r) => r.id), worker);
        return;
      }
    }
  }

  /** Channels that spoke within the pace, with the time each becomes free again. */
  function coolingChannels(): Map<string, number> {
    const at = now().getTime();
    const cooling = new Map<string, number>();
    for (const [channel, sent] of lastSent) {
      if (sent + paceMs > at) cooling.set(channel, sent + paceMs - at);
      else lastSent.delete(channel); // free again: nothing to remember
    }
    return cooling;
  }

  const claim = (channels: number, skipChannels: readonly string[]) =>
    claimMessages(deps.db, { worker, channels, perChannel: PER_CHANNEL, now: now(), skipChannels });

  /**
   * One pass: claims the queues of channels free to speak and delivers them all at once,
   * each channel at its own pace. Channels that spoke within the pace are left for a later
   * pass, so their wait never holds up the others.
   *
   * The longest queues decide when the outbox is empty: they are claimed first, on their
   * own, and their first messages go out while the other channels are claimed; those start
   * once the first messages have been tried, so as not to hold them up on the client's
   * calls in flight.
   */
  async function deliverBatch(report: DeliveryReport): Promise<number> {
    const skipChannels = [...coolingChannels().keys()];
    const first = queuesOf(await claim(FIRST_CLAIM, skipChannels));
    if (first.length === 0) return 0;
    const rest =
      first.length < FIRST_CLAIM
        ? Promise.resolve([])
        : awaitedLater(claim(CHANNELS_PER_PASS - FIRST_CLAIM, [...skipChannels, ...first.map((queue) => queue[0]!.channel)]).then(queuesOf));
    const busiest = first.filter((queue) => queue.length === first[0]!.length);
    let untried = busiest.length;
    let letOthersStart: () => void = () => undefined;
    const othersMayStart = new Promise<void>((resolve) => (letOthersStart = resolve));
    const tried = () => {
      if (--untried === 0) letOthersStart();
    };
    const deliverLater = async (queue: ClaimedMessage[]) => {
      await othersMayStart;
      await deliverChannel(queue, report);
    };
    await Promise.all([
      ...busiest.map((queue) => deliverChannel(queue, report, tried)),
      ...first.slice(busiest.length).map(deliverLater),
      rest.then((queues) => Promise.all(queues.map(deliverLater))),
    ]);
    return [...first, ...(await rest)].reduce((n, queue) => n + queue.length, 0);
  }

  /**
   * Delivers until nothing is claimable; with `untilEmpty` it also waits out retries and
   * rate limits until the outbox holds nothing pending, or `deadline` passes.
   */
  async function drain(opts: { untilEmpty?: (() => Promise<boolean>) | undefined; deadline?: Date } = {}): Promise<DeliveryReport> {
    const report: DeliveryReport = { sent: 0, failed: 0, retried: 0 };
    // Dead claims are taken back beside the first pass, not before it: what they give back is
    // claimed by the next pass, and the live queues do not wait for the look-up.
    let takingBack: Promise<{ error: unknown } | null> | null = takeBackDeadClaims().then(
      () => null,
      (error: unknown) => ({ error }),
    );
    for (;;) {
      const claimed = await deliverBatch(report);
      if (claimed > 0) continue;
      if (takingBack) {
        const failed = await takingBack;
        takingBack = null;
        if (failed) throw failed.error;
        continue;
      }
      if (opts.untilEmpty && (await opts.untilEmpty())) return report;
      if (opts.deadline && now() >= opts.deadline) return report;
      // Messages may wait behind a channel that just spoke: pass again once the first is free.
      const cooling = [...coolingChannels().values()];
      if (cooling.length > 0) {
        await sleep(Math.min(...cooling));
        continue;
      }
      if (!opts.untilEmpty) return report;
      await sleep(await idleWait());
    }
  }

  /** Until the next retry falls due, within IDLE_POLL_MS; briefly while others are sending. */
  async function idleWait(): Promise<number> {
    const next = await nextRetry(deps.db);
    const wait = next.at && !next.sending ? next.at.getTime() - now().getTime() : IDLE_POLL_MS.min;
    return Math.min(IDLE_POLL_MS.max, Math.max(IDLE_POLL_MS.min, wait));
  }

  function schedule(ms: number) {
    if (stopped) return;
    timer = setTimeout(() => {
      running = drain()
        .catch((error: unknown) => deps.logger.error({ err: error }, 'outbox delivery failed'))
        .finally(() => schedule(1000));
    }, ms);
  }

  return {
    drain,
    /** Delivers in the background, polling every second. */
    start() {
      stopped = false;
      schedule(0);
    },
    /** Delivers soon, without waiting for the next poll. */
    kick() {
      if (stopped || !timer) return;
      clearTimeout(timer);
      schedule(0);
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}

export type Deliverer = ReturnType<typeof createDeliverer>;
