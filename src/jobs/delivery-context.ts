import type { webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import type { Database, Db } from '../db/database.js';
import type { AlarmRecord } from '../services/alarms.js';
import { CHANNEL_PACE_MS, channelPace, type ChannelPace } from './channel-pace.js';
import { deadClaimsTaker } from './dead-claims.js';
import { newWorkerId } from './delivery-workers.js';
import type { Payload } from './job-deps.js';

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

/** What the steps of one deliverer share: its worker id, clock, channel pace and Slack bot. */
export interface Delivery {
  deps: DelivererDeps;
  /** The id this deliverer claims messages under. */
  worker: string;
  now: () => Date;
  sleep: (ms: number) => Promise<void>;
  pace: ChannelPace;
  /** The app's bot id, asked of Slack once: in-doubt messages are looked up by it. */
  botId: () => Promise<string>;
  /** Answers how many messages it gave back to the queue. */
  takeBackDeadClaims: () => Promise<number>;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function newDelivery(deps: DelivererDeps): Delivery {
  const now = deps.now ?? (() => new Date());
  const sleep = deps.sleep ?? realSleep;
  let botId: string | undefined;
  return {
    deps,
    worker: newWorkerId(),
    now,
    sleep,
    pace: channelPace(deps.paceMs ?? CHANNEL_PACE_MS, { now, sleep }),
    botId: async () => (botId ??= ((await deps.client.apiCall('auth.test', {})) as { bot_id?: string }).bot_id ?? ''),
    takeBackDeadClaims: deadClaimsTaker(deps),
  };
}
