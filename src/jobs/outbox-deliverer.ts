import { randomUUID } from 'node:crypto';
import type { webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import type { Db } from '../db/database.js';
import { findAlarm, type AlarmRecord } from '../services/alarms.js';
import { claimMessages, markFailed, markRetry, markSent, releaseMessages } from '../services/outbox.js';
import { awaitedLater } from './awaited-later.js';
import type { Payload } from './job-deps.js';
import { classifySlackError } from './slack-errors.js';

/** Slack allows about one message per second per channel. */
export const CHANNEL_PACE_MS = 1000;
const MAX_ATTEMPTS = 8;
/** Channels claimed per pass: each is delivered at once, waiting only for its own pace. */
const CHANNELS_PER_PASS = 500;
/** Channels claimed first in a pass, on their own: the longest queues (see `deliverBatch`). */
const FIRST_CLAIM = 25;
/**
 * Messages of one channel claimed together and sent one after another at the pace: a
 * busy channel needs no new claim per message, and a pass lasts a few seconds at most.
 */
const PER_CHANNEL = 5;

const backoffMs = (attempts: number) => Math.min(5 * 60_000, 1000 * 2 ** (attempts - 1));

export interface DelivererDeps {
  db: Db;
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
 * honouring 429 Retry-After, retrying transient errors with backoff and marking
 * permanent ones failed with Slack's reason. Any number of deliverers may run at once.
 */
export function createDeliverer(deps: DelivererDeps) {
  const worker = randomUUID();
  const now = deps.now ?? (() => new Date());
  const sleep = deps.sleep ?? realSleep;
  const paceMs = deps.paceMs ?? CHANNEL_PACE_MS;
  const lastSent = new Map<string, number>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;
  let stopped = false;

  type Claimed = Awaited<ReturnType<typeof claimMessages>>[number];

  /** The stored payload, or the alarm's message as it stands now; null when its alarm is gone. */
  async function payloadOf(row: Claimed): Promise<object | null> {
    if (row.payload) return row.payload;
    const alarmId = row.ref?.startsWith('alarm:') ? Number(row.ref.slice('alarm:'.length)) : NaN;
    const alarm = Number.isInteger(alarmId) ? await findAlarm(deps.db, alarmId) : undefined;
    return alarm ? deps.renderAlarm(alarm) : null;
  }

  async function deliverOne(row: Claimed, report: DeliveryReport): Promise<'sent' | 'failed' | 'retried'> {
    const payload = await payloadOf(row);
    if (!payload) {
      deps.logger.warn({ outboxId: row.id, ref: row.ref }, 'slack message has nothing to send');
      await markFailed(deps.db, row.id, 'nothing_to_send');
      report.failed++;
      return 'failed';
    }
    const wait = (lastSent.get(row.channel) ?? 0) + paceMs - now().getTime();
    if (wait > 0) await sleep(wait);
    try {
      const result = (await deps.client.apiCall(row.method, { ...asFormFields(payload), channel: row.channel })) as { ts?: string };
      lastSent.set(row.channel, now().getTime());
      await markSent(deps.db, row.id, result.ts ?? null, worker);
      report.sent++;
      return 'sent';
    } catch (error) {
      lastSent.set(row.channel, now().getTime());
      const failure = classifySlackError(error);
      if (failure.kind === 'permanent' || (failure.kind === 'transient' && row.attempts >= MAX_ATTEMPTS)) {
        deps.logger.warn({ outboxId: row.id, channel: row.channel, reason: failure.reason }, 'slack message failed');
        await markFailed(deps.db, row.id, failure.reason);
        report.failed++;
        return 'failed';
      }
      const delay = failure.kind === 'rate_limited' ? failure.retryAfterMs : backoffMs(row.attempts);
      deps.logger.info({ outboxId: row.id, channel: row.channel, reason: failure.reason, delay }, 'slack message retried');
      await markRetry(deps.db, row.id, new Date(now().getTime() + delay), failure.reason);
      report.retried++;
      return 'retried';
    }
  }

  /**
   * A channel's claimed messages, in order; those behind one to be retried are given back
   * to wait for it. `firstTried` is called once the first has been tried, however it went.
   */
  async function deliverChannel(rows: readonly Claimed[], report: DeliveryReport, firstTried: () => void = () => undefined) {
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
    const deliverLater = async (queue: Claimed[]) => {
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
    for (;;) {
      const claimed = await deliverBatch(report);
      if (claimed > 0) continue;
      if (opts.untilEmpty && (await opts.untilEmpty())) return report;
      if (opts.deadline && now() >= opts.deadline) return report;
      // Messages may wait behind a channel that just spoke: pass again once the first is free.
      const cooling = [...coolingChannels().values()];
      if (cooling.length > 0) {
        await sleep(Math.min(...cooling));
        continue;
      }
      if (!opts.untilEmpty) return report;
      await sleep(200);
    }
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
