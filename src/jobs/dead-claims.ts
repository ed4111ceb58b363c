import type { Logger } from 'pino';
import type { Database, Db } from '../db/database.js';
import { claimHolders, takeBackClaims } from '../services/outbox.js';
import { claimIsDead } from './delivery-workers.js';

/** A queue whose rows are claimed under worker ids: who holds claims, and how to give them back. */
export interface ClaimedQueue {
  /** Named in the log line, e.g. `outbox`. */
  name: string;
  holders: (db: Db) => Promise<string[]>;
  takeBack: (db: Db, workers: readonly string[]) => Promise<number>;
}

/** The Slack outbox. */
export const slackOutboxClaims: ClaimedQueue = { name: 'outbox', holders: claimHolders, takeBack: takeBackClaims };

/**
 * Takes back, once per deliverer, the claims of processes known to be gone, so their
 * messages go back to the queue at once; answers how many. A failed attempt is tried again
 * on the next call.
 */
export function deadClaimsTaker(deps: { db: Db; databaseKind: Database['kind']; logger: Logger }, queue: ClaimedQueue = slackOutboxClaims): () => Promise<number> {
  let tookBack: Promise<number> | undefined;
  return () => {
    tookBack ??= (async () => {
      const dead = (await queue.holders(deps.db)).filter((holder) => claimIsDead(holder, deps.databaseKind));
      const messages = await queue.takeBack(deps.db, dead);
      if (messages > 0) deps.logger.info({ messages, workers: dead }, `${queue.name} claims of a stopped process taken back`);
      return messages;
    })().catch((error: unknown) => {
      tookBack = undefined;
      throw error;
    });
    return tookBack;
  };
}
