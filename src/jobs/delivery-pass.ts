import { claimMessages, releaseMessages, type ClaimedMessage } from '../services/outbox.js';
import { awaitedLater } from './awaited-later.js';
import type { Delivery, DeliveryReport } from './delivery-context.js';
import { deliverMessage } from './deliver-message.js';

/** Channels claimed per pass: each is delivered at once, waiting only for its own pace. */
const CHANNELS_PER_PASS = 500;
/** Channels claimed first in a pass, on their own: the longest queues (see `deliverPass`). */
const FIRST_CLAIM = 25;
/**
 * Messages of one channel claimed together and sent one after another at the pace: a
 * busy channel needs no new claim per message, and a pass lasts a few seconds at most.
 */
const PER_CHANNEL = 5;

/**
 * One pass: claims the queues of channels free to speak and delivers them all at once,
 * each channel at its own pace, and returns how many messages it claimed. Channels that
 * spoke within the pace are left for a later pass, so their wait never holds up the others.
 *
 * The longest queues decide when the outbox is empty: they are claimed first, and the
 * others start once the busiest have tried their first message.
 */
export async function deliverPass(delivery: Delivery, report: DeliveryReport): Promise<number> {
  const skipChannels = [...delivery.pace.cooling().keys()];
  const first = queuesOf(await claim(delivery, FIRST_CLAIM, skipChannels));
  if (first.length === 0) return 0;
  const rest =
    first.length < FIRST_CLAIM
      ? Promise.resolve([])
      : awaitedLater(claim(delivery, CHANNELS_PER_PASS - FIRST_CLAIM, [...skipChannels, ...first.map((queue) => queue[0]!.channel)]).then(queuesOf));
  const busiest = first.filter((queue) => queue.length === first[0]!.length);
  const busiestTried = countdown(busiest.length);
  const deliverLater = async (queue: ClaimedMessage[]) => {
    await busiestTried.done;
    await deliverChannel(delivery, queue, report);
  };
  await Promise.all([
    ...busiest.map((queue) => deliverChannel(delivery, queue, report, busiestTried.tick)),
    ...first.slice(busiest.length).map(deliverLater),
    rest.then((queues) => Promise.all(queues.map(deliverLater))),
  ]);
  return [...first, ...(await rest)].reduce((n, queue) => n + queue.length, 0);
}

const claim = (delivery: Delivery, channels: number, skipChannels: readonly string[]) =>
  claimMessages(delivery.deps.db, { worker: delivery.worker, channels, perChannel: PER_CHANNEL, now: delivery.now(), skipChannels });

/** Claimed messages by channel, the longest queues first (the claim's order, kept stable). */
function queuesOf<T extends { channel: string }>(rows: readonly T[]): T[][] {
  const queues = new Map<string, T[]>();
  for (const row of rows) queues.set(row.channel, [...(queues.get(row.channel) ?? []), row]);
  return [...queues.values()].sort((a, b) => b.length - a.length);
}

/** A promise settled after `count` ticks. */
function countdown(count: number): { tick: () => void; done: Promise<void> } {
  let left = count;
  let resolve: () => void = () => undefined;
  const done = new Promise<void>((r) => (resolve = r));
  return {
    tick: () => {
      if (--left === 0) resolve();
    },
    done,
  };
}

/**
 * A channel's claimed messages, in order; those behind one to be retried are given back
 * to wait for it. `firstTried` is called once the first has been tried, however it went.
 */
async function deliverChannel(delivery: Delivery, rows: readonly ClaimedMessage[], report: DeliveryReport, firstTried: () => void = () => undefined) {
  for (const [i, row] of rows.entries()) {
    let outcome;
    try {
      outcome = await deliverMessage(delivery, row, report);
    } finally {
      if (i === 0) firstTried();
    }
    if (outcome === 'retried') {
      await releaseMessages(delivery.deps.db, rows.slice(i + 1).map((r) => r.id), delivery.worker);
      return;
    }
  }
}
