import { nextRetry, nothingWaiting } from '../services/outbox.js';
import type { Delivery, DeliveryReport } from './delivery-context.js';
import { deliverPass } from './delivery-pass.js';

/** How often an idle `drain` that waits for the outbox to empty looks again, at least and at most. */
const IDLE_POLL_MS = { min: 200, max: 5000 };

export interface DrainOptions {
  /** Keep going, through retries and rate limits, until the outbox holds nothing pending. */
  untilEmpty?: boolean;
  deadline?: Date;
}

/**
 * Delivers until nothing is claimable; with `untilEmpty` it also waits out retries and
 * rate limits until the outbox holds nothing pending, or `deadline` passes.
 */
export async function drainOutbox(delivery: Delivery, opts: DrainOptions = {}): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, failed: 0, retried: 0 };
  // Dead claims are taken back beside the first pass, not before it: what they give back is
  // claimed by the next pass, and the live queues do not wait for the look-up.
  let takingBack: Promise<{ messages: number } | { error: unknown }> | null = delivery.takeBackDeadClaims().then(
    (messages) => ({ messages }),
    (error: unknown) => ({ error }),
  );
  for (;;) {
    const claimed = await deliverPass(delivery, report);
    if (takingBack) {
      const tookBack = await takingBack;
      takingBack = null;
      if ('error' in tookBack) throw tookBack.error;
      if (tookBack.messages > 0) continue;
    }
    // An outbox found empty needs no further pass to say so.
    if (opts.untilEmpty && (await nothingWaiting(delivery.deps.db))) return report;
    if (claimed > 0) continue;
    if (opts.deadline && delivery.now() >= opts.deadline) return report;
    // Messages may wait behind a channel that just spoke: pass again once the first is free.
    const cooling = [...delivery.pace.cooling().values()];
    if (cooling.length > 0) {
      await delivery.sleep(Math.min(...cooling));
      continue;
    }
    if (!opts.untilEmpty) return report;
    await delivery.sleep(await idleWait(delivery));
  }
}

/** Until the next retry falls due, within IDLE_POLL_MS; briefly while others are sending. */
async function idleWait(delivery: Delivery): Promise<number> {
  const next = await nextRetry(delivery.deps.db);
  const wait = next.at && !next.sending ? next.at.getTime() - delivery.now().getTime() : IDLE_POLL_MS.min;
  return Math.min(IDLE_POLL_MS.max, Math.max(IDLE_POLL_MS.min, wait));
}
