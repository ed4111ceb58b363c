import type { Logger } from 'pino';
import type { Database, Db } from '../db/database.js';
import { claimHolders, takeBackClaims } from '../services/outbox.js';
import { claimIsDead } from './delivery-workers.js';

/**
 * Takes back, once per deliverer, the claims of processes known to be gone, so their
 * messages go back to the queue at once. A failed attempt is tried again on the next call.
 */
export function deadClaimsTaker(deps: { db: Db; databaseKind: Database['kind']; logger: Logger }): () => Promise<void> {
  let tookBack: Promise<void> | undefined;
  return () => {
    tookBack ??= (async () => {
      const dead = (await claimHolders(deps.db)).filter((holder) => claimIsDead(holder, deps.databaseKind));
      const messages = await takeBackClaims(deps.db, dead);
      if (messages > 0) deps.logger.info({ messages, workers: dead }, 'outbox claims of a stopped process taken back');
    })().catch((error: unknown) => {
      tookBack = undefined;
      throw error;
    });
    return tookBack;
  };
}
