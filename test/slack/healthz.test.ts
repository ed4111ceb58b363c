import pino from 'pino';
import { parseEnv } from '../../src/config/env.js';
import type { Database } from '../../src/db/database.js';
import { pgliteDatabase } from '../../src/db/pglite.js';
import { createPGlite } from '../../src/db/pglite-engine.js';
import { defaultPolicy } from '../../src/domain/policy.js';
import { createApp } from '../../src/slack/app.js';
import { describe, expect, test } from '../support/database.js';
import { SIGNING_SECRET } from '../support/slack-app.js';
import { SlackStandIn } from '../support/slack-stand-in.js';

/** The app as `start` builds it, on a stand-in Slack, with `/healthz` to ask. */
async function serve(database: Database, slack: SlackStandIn, clock: () => Date) {
  const service = createApp({
    env: parseEnv({ SLACK_BOT_TOKEN: 'xoxb-test-token', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: slack.url }),
    policy: defaultPolicy,
    database,
    logger: pino({ level: 'silent' }),
    clock,
    // As `start` passes them after its own token check: Bolt then makes no auth.test of its own.
    bot: { botId: 'B0BOT', botUserId: 'U0BOT' },
  });
  const port = await service.start(0);
  const health = async () => {
    const res = await fetch(`http://127.0.0.1:${port}/healthz`);
    return { status: res.status, body: await res.json() };
  };
  return { service, health };
}

describe('/healthz', () => {
  test('reports the database and Slack, asking auth.test at most once per 30 s', async ({ database }) => {
    const slack = await new SlackStandIn().start();
    let now = new Date('2026-11-23T15:00:00Z');
    const { service, health } = await serve(database, slack, () => now);
    const later = (seconds: number) => (now = new Date(now.getTime() + seconds * 1000));
    try {
      expect(await health()).toEqual({ status: 200, body: { database: 'ok', slack: 'ok' } });
      later(29);
      expect(await health()).toEqual({ status: 200, body: { database: 'ok', slack: 'ok' } });
      expect(slack.callsTo('auth.test')).toHaveLength(1);

      slack.script('auth.test', { error: 'token_revoked' });
      later(1);
      expect(await health()).toEqual({ status: 200, body: { database: 'ok', slack: 'rejected' } });
      expect(slack.callsTo('auth.test')).toHaveLength(2);

      // Slack gone: the instance still serves (the outbox waits), so the status stays 200.
      await slack.stop();
      later(30);
      expect(await health()).toEqual({ status: 200, body: { database: 'ok', slack: 'unreachable' } });
    } finally {
      await service.stop();
      await slack.stop();
    }
  });

  test('answers 503 when the database does not answer', async () => {
    const slack = await new SlackStandIn().start();
    const pg = await createPGlite(undefined);
    const closed = pgliteDatabase(pg);
    const { service, health } = await serve(closed, slack, () => new Date());
    try {
      await closed.close();
      expect(await health()).toEqual({ status: 503, body: { database: 'unreachable', slack: 'ok' } });
    } finally {
      await service.stop();
      await slack.stop();
    }
  });
});
