import { newDelivery, type DelivererDeps } from './delivery-context.js';
import { drainOutbox, type DrainOptions } from './drain-outbox.js';

export { CHANNEL_PACE_MS } from './channel-pace.js';
export type { DelivererDeps, DeliveryReport } from './delivery-context.js';

/**
 * Delivers the outbox: the oldest message of each channel first, paced per channel,
 * honouring 429 Retry-After, retrying transient errors with backoff for as long as they
 * last and marking permanent ones failed with Slack's reason. Any number of deliverers
 * may run at once. Each message goes out once, also across a crash: one that a dead
 * process may have posted is looked up in its channel's history before it is sent again,
 * and a restarted process takes back the claims of the one it replaces at once.
 */
export function createDeliverer(deps: DelivererDeps) {
  const delivery = newDelivery(deps);
  let timer: NodeJS.Timeout | undefined;
  // A kick during a pass starts another (claims keep them apart); stop waits for all.
  const running = new Set<Promise<unknown>>();
  let stopped = false;
  const drain = (opts: DrainOptions = {}) => drainOutbox(delivery, opts);

  function schedule(ms: number) {
    if (stopped) return;
    // One timer at a time: a pass that ends while another runs must not leave one behind.
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (stopped) return;
      const pass = drain()
        .catch((error: unknown) => deps.logger.error({ err: error }, 'outbox delivery failed'))
        .finally(() => {
          running.delete(pass);
          schedule(1000);
        });
      running.add(pass);
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
      await Promise.all(running);
    },
  };
}

export type Deliverer = ReturnType<typeof createDeliverer>;
