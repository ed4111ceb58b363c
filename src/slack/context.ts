import type { Logger } from 'pino';
import type { Database } from '../db/database.js';
import { todayIn, type IsoDate } from '../domain/calendar.js';
import type { Policy } from '../domain/policy.js';
import type { Deliverer } from '../jobs/outbox-deliverer.js';

/** What every listener may use; built once by `createApp`. */
export interface SlackDeps {
  database: Database;
  policy: Policy;
  logger: Logger;
  clock: () => Date;
  /** Asks the outbox deliverer to send what a listener just stored. */
  deliverer: Pick<Deliverer, 'kick'>;
}

export function today(deps: SlackDeps): IsoDate {
  return todayIn(deps.policy.timeZone, deps.clock());
}
