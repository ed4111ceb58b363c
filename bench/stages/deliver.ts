// Delivery of the day's lists: the outbox deliverer, at its default pace, against a Slack
// stand-in that holds Slack's own pace (two messages to one channel within a second get a
// 429 with Retry-After). The floor is what the pace alone allows: a channel's n messages
// need n - 1 seconds between them, plus one call.
import { jobRenderer } from '../../src/slack/job-renderer.js';
import pino from 'pino';
import { createDeliverer } from '../../src/jobs/outbox-deliverer.js';
import { deliveryClient } from '../../src/slack/delivery-client.js';
import { ratioRow } from '../report.js';
import type { Stage } from '../lib/context.js';
import { BenchSlack, messageKey } from '../lib/slack-stand-in.js';
import { summarize } from '../lib/latency.js';

/** Slack's pace: one message per second per channel. */
const SLACK_PACE_MS = 1000;

export const stage: Stage = {
  name: 'deliver',
  async run(bench, measure) {
    if (!measure) return [];
    const database = await bench.db.database();
    const raw = await bench.db.raw();
    // Alarm messages wait in the outbox too; this stage is about the lists. How long the
    // alarms alone would take at Slack's pace is reported below.
    const aside = await raw.query<{ channel: string; n: number }>(`
      WITH set_aside AS (
        UPDATE outbox SET state = 'failed', last_error = 'set aside by the bench'
        WHERE state IN ('pending', 'sending') AND ref LIKE 'alarm:%' RETURNING channel)
      SELECT channel, count(*)::int AS n FROM set_aside GROUP BY channel`);
    const queued = await raw.query<{ channel: string; payload: Record<string, unknown> | string }>(
      `SELECT channel, payload FROM outbox WHERE state IN ('pending', 'sending') ORDER BY id`,
    );
    const expected = new Map<string, number>();
    const perChannel = new Map<string, number>();
    for (const row of queued) {
      const payload = typeof row.payload === 'string' ? (JSON.parse(row.payload) as Record<string, unknown>) : row.payload;
      const key = messageKey(row.channel, payload.text, payload.blocks);
      expected.set(key, (expected.get(key) ?? 0) + 1);
      perChannel.set(row.channel, (perChannel.get(row.channel) ?? 0) + 1);
    }

    const slack = await new BenchSlack().start();
    try {
      // A running app's client has been sending all day: it is warmed up first, with the
      // day's own messages to other channels, and one call's round trip on it is the
      // floor's share of a call.
      const client = deliveryClient({ SLACK_API_URL: slack.url }, 'xoxb-bench');
      const samples = queued.slice(0, 50).map((row) => (typeof row.payload === 'string' ? (JSON.parse(row.payload) as Record<string, unknown>) : row.payload));
      await Promise.all(samples.map((payload, i) => client.apiCall('chat.postMessage', { ...payload, channel: `C0WARM${i}` })));
      const probeMs: number[] = [];
      for (let i = 0; i < 5; i++) {
        const t = performance.now();
        await client.apiCall('chat.postMessage', { ...samples[i % samples.length], channel: `C0PROBE${i}` });
        probeMs.push(performance.now() - t);
      }
      slack.forget();
      slack.paceMs = SLACK_PACE_MS;

      const deliverer = createDeliverer({
        db: database.db,
        databaseKind: database.kind,
        client,
        logger: pino({ level: 'silent' }),
        renderAlarm: jobRenderer(bench.policy).alarm,
      });
      const started = performance.now();
      const report = await deliverer.drain({
        untilEmpty: true,
        deadline: new Date(Date.now() + 15 * 60_000),
      });
      const productMs = performance.now() - started;

      const arrived = new Map<string, number>();
      for (const m of slack.accepted) arrived.set(m.key, (arrived.get(m.key) ?? 0) + 1);
      let lost = 0;
      let duplicated = 0;
      for (const [key, n] of expected) lost += Math.max(0, n - (arrived.get(key) ?? 0));
      for (const [key, n] of arrived) duplicated += Math.max(0, n - (expected.get(key) ?? 0));
      const most = Math.max(0, ...perChannel.values());
      const floorMs = (most - 1) * SLACK_PACE_MS + summarize(probeMs).p50;
      const alarmMost = Math.max(0, ...aside.map((a) => Number(a.n)));
      return [
        ratioRow('deliver', 'wall', productMs, floorMs, 1.1, {
          checksPassed: lost === 0 && duplicated === 0,
          details: {
            messages: queued.length,
            channels: perChannel.size,
            most_in_one_channel: most,
            sent: report.sent,
            retried: report.retried,
            failed: report.failed,
            rate_limited: slack.rateLimited,
            lost,
            duplicated,
            alarm_messages_set_aside: aside.reduce((sum, a) => sum + Number(a.n), 0),
            alarm_channels: aside.length,
            // At one message per second per channel, the busiest alarm channel needs this long.
            alarm_delivery_floor_s: Math.max(0, alarmMost - 1),
          },
        }),
      ];
    } finally {
      await slack.stop();
    }
  },
};
