import { defaultPolicy } from '../../src/domain/policy.js';
import { jobRenderer } from '../../src/slack/job-renderer.js';
import { eq } from 'drizzle-orm';
import pino from 'pino';
import type { Database } from '../../src/db/database.js';
import { alarms, outbox, teams } from '../../src/db/schema/index.js';
import { createDeliverer } from '../../src/jobs/outbox-deliverer.js';
import { raiseAlarms } from '../../src/services/alarms.js';
import { claimMessages, enqueueAlarmMessages, enqueueMessages, outboxCounts, releaseMessages, STALE_CLAIM_MS } from '../../src/services/outbox.js';
import { ACTION } from '../../src/slack/ids.js';
import { deliveryClient } from '../../src/slack/delivery-client.js';
import { describe, expect, test } from '../support/database.js';
import { seedDebtor, seedUser } from '../support/seed.js';
import { SlackStandIn } from '../support/slack-stand-in.js';

const silent = pino({ level: 'silent' });

function deliverer(database: Database, slack: SlackStandIn, extra: { now?: () => Date; paceMs?: number } = {}) {
  return createDeliverer({ db: database.db, client: deliveryClient({ SLACK_API_URL: slack.url }, 'xoxb-test'), logger: silent, renderAlarm: jobRenderer(defaultPolicy).alarm, ...extra });
}

async function queue(database: Database, channel: string, texts: string[]) {
  await enqueueMessages(database.db, texts.map((text) => ({ channel, payload: { text } })));
}

const sentTexts = (slack: SlackStandIn, channel: string) =>
  slack.callsTo('chat.postMessage').filter((c) => c.args.channel === channel).map((c) => c.args.text);

async function drainAll(d: ReturnType<typeof deliverer>, database: Database) {
  return d.drain({ untilEmpty: async () => (await outboxCounts(database.db)).waiting === 0, deadline: new Date(Date.now() + 20_000) });
}

describe('outbox delivery', () => {
  test('queues messages in the order given, past one statement, with their payloads as written', async ({ database }) => {
    // 2,500 messages take three statements; the ids must still follow the list.
    const messages = Array.from({ length: 2500 }, (_, i) => ({
      channel: `U0${i % 7}`,
      payload: { text: `m${i} «Peña» 'x' "y" \\ \n`, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: `*${i}*` } }] },
      ...(i % 2 ? { ref: `ref:${i}` } : {}),
    }));
    await enqueueMessages(database.db, messages);
    const rows = await database.db.select({ channel: outbox.channel, payload: outbox.payload, ref: outbox.ref }).from(outbox).orderBy(outbox.id);
    expect(rows).toEqual(messages.map((m) => ({ channel: m.channel, payload: m.payload, ref: m.ref ?? null })));
  });

  test('delivers each channel in order, one message per second per channel, and records the ts', async ({ database }) => {
    const slack = await new SlackStandIn().start();
    try {
      await queue(database, 'U0A', ['a1', 'a2', 'a3']);
      await queue(database, 'U0B', ['b1', 'b2']);
      const report = await drainAll(deliverer(database, slack), database);
      expect(report).toMatchObject({ sent: 5, failed: 0 });
      expect(sentTexts(slack, 'U0A')).toEqual(['a1', 'a2', 'a3']);
      expect(sentTexts(slack, 'U0B')).toEqual(['b1', 'b2']);
      const times = slack.callsTo('chat.postMessage').filter((c) => c.args.channel === 'U0A').map((c) => c.at);
      expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(950);
      expect(times[2]! - times[1]!).toBeGreaterThanOrEqual(950);
      const rows = await database.db.select().from(outbox);
      expect(rows.every((r) => r.state === 'sent' && r.messageTs)).toBe(true);
    } finally {
      await slack.stop();
    }
  });

  test('a 429 with Retry-After delays that channel and loses nothing; a 500 is retried', async ({ database }) => {
    const slack = await new SlackStandIn().start();
    try {
      slack.script('chat.postMessage', { rateLimited: 1 }, { status: 500 });
      await queue(database, 'U0A', ['first', 'second']);
      const started = Date.now();
      const report = await drainAll(deliverer(database, slack, { paceMs: 0 }), database);
      expect(report.sent).toBe(2);
      expect(report.retried).toBe(2);
      expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
      expect(sentTexts(slack, 'U0A')).toEqual(['first', 'first', 'first', 'second']);
      const rows = await database.db.select().from(outbox).orderBy(outbox.id);
      expect(rows.map((r) => [r.state, r.attempts])).toEqual([
        ['sent', 3],
        ['sent', 1],
      ]);
    } finally {
      await slack.stop();
    }
  });

  test('channel_not_found fails that message with its reason and the others are delivered', async ({ database }) => {
    const slack = await new SlackStandIn().start();
    try {
      slack.script('chat.postMessage', { error: 'channel_not_found' });
      await queue(database, 'C0GONE', ['lost']);
      await queue(database, 'U0A', ['kept']);
      const report = await drainAll(deliverer(database, slack, { paceMs: 0 }), database);
      expect(report).toMatchObject({ sent: 1, failed: 1 });
      const [gone] = await database.db.select().from(outbox).where(eq(outbox.channel, 'C0GONE'));
      expect(gone).toMatchObject({ state: 'failed', lastError: 'channel_not_found' });
      expect(sentTexts(slack, 'U0A')).toEqual(['kept']);
    } finally {
      await slack.stop();
    }
  });

  test('messages claimed by a process that died are sent after a restart, once', async ({ database }) => {
    const slack = await new SlackStandIn().start();
    try {
      await queue(database, 'U0A', ['claimed by the dead']);
      const claimed = await claimMessages(database.db, { worker: 'dead-process', channels: 10, perChannel: 5, now: new Date() });
      expect(claimed).toHaveLength(1);
      // A restarted instance does not take it while the claim is fresh …
      expect((await deliverer(database, slack).drain()).sent).toBe(0);
      // … and does once the claim is stale.
      const later = () => new Date(Date.now() + STALE_CLAIM_MS + 1000);
      expect((await deliverer(database, slack, { now: later }).drain()).sent).toBe(1);
      expect(sentTexts(slack, 'U0A')).toEqual(['claimed by the dead']);
    } finally {
      await slack.stop();
    }
  });

  test('two deliverers at once never send a message twice', async ({ database }) => {
    const slack = await new SlackStandIn().start();
    try {
      for (let c = 0; c < 6; c++) await queue(database, `U0C${c}`, ['one', 'two']);
      const [a, b] = await Promise.all([drainAll(deliverer(database, slack, { paceMs: 0 }), database), drainAll(deliverer(database, slack, { paceMs: 0 }), database)]);
      expect(a.sent + b.sent).toBe(12);
      expect(slack.callsTo('chat.postMessage')).toHaveLength(12);
      for (let c = 0; c < 6; c++) expect(sentTexts(slack, `U0C${c}`)).toEqual(['one', 'two']);
    } finally {
      await slack.stop();
    }
  });

  test('claims the channels with the longest queues first, skipping channels that just spoke', async ({ database }) => {
    await queue(database, 'U0ONE', ['one']);
    await queue(database, 'U0THREE', ['three-1', 'three-2', 'three-3']);
    await queue(database, 'U0TWO', ['two-1', 'two-2']);
    const claim = (skipChannels: string[] = []) => claimMessages(database.db, { worker: 'w', channels: 2, perChannel: 1, now: new Date(), skipChannels });
    // The busiest channel decides when the outbox is empty: its head goes first.
    expect((await claim()).map((r) => r.channel).sort()).toEqual(['U0THREE', 'U0TWO']);
    await database.db.update(outbox).set({ state: 'pending', claimedBy: null });
    expect((await claim(['U0THREE'])).map((r) => r.channel).sort()).toEqual(['U0ONE', 'U0TWO']);
  });

  test("claims a channel's oldest messages in order, and nothing of a channel another deliverer holds", async ({ database }) => {
    await queue(database, 'U0A', ['a1', 'a2', 'a3', 'a4']);
    await queue(database, 'U0B', ['b1', 'b2']);
    const claim = (worker: string) => claimMessages(database.db, { worker, channels: 10, perChannel: 3, now: new Date() });
    const first = await claim('one');
    expect(first.map((r) => r.payload?.text)).toEqual(['a1', 'a2', 'a3', 'b1', 'b2']);
    // Another deliverer finds both channels held (a4 waits behind a3).
    expect(await claim('two')).toEqual([]);
    // Given back unsent behind a retried a1, a2 and a3 are claimable again only with a1.
    await releaseMessages(database.db, [first[1]!.id, first[2]!.id], 'one');
    expect(await claim('two')).toEqual([]);
    const rows = await database.db.select().from(outbox).where(eq(outbox.channel, 'U0A')).orderBy(outbox.id);
    expect(rows.map((r) => [r.state, r.attempts])).toEqual([
      ['sending', 1],
      ['pending', 0],
      ['pending', 0],
      ['pending', 0],
    ]);
  });

  test('a busy channel goes first and paces itself without holding up the others', async ({ database }) => {
    const slack = await new SlackStandIn().start();
    try {
      // More quiet channels than a pass claims first: the rest are claimed meanwhile.
      for (let c = 0; c < 20; c++) await queue(database, `U0Q${c}`, ['only']);
      await queue(database, 'C0BUSY', ['b1', 'b2', 'b3']);
      for (let c = 20; c < 40; c++) await queue(database, `U0Q${c}`, ['only']);
      const report = await drainAll(deliverer(database, slack), database);
      expect(report).toMatchObject({ sent: 43, failed: 0, retried: 0 });
      expect(sentTexts(slack, 'C0BUSY')).toEqual(['b1', 'b2', 'b3']);
      for (let c = 0; c < 40; c++) expect(sentTexts(slack, `U0Q${c}`)).toEqual(['only']);
      expect(slack.callsTo('chat.postMessage')[0]!.args.channel).toBe('C0BUSY');
      // Two paced seconds for the busy channel; the forty others go out meanwhile, in one pass.
      const quiet = slack.callsTo('chat.postMessage').filter((c) => c.args.channel !== 'C0BUSY').map((c) => c.at);
      const busy = slack.callsTo('chat.postMessage').filter((c) => c.args.channel === 'C0BUSY').map((c) => c.at);
      expect(Math.max(...quiet)).toBeLessThan(busy[1]!);
      expect(busy[2]! - busy[1]!).toBeGreaterThanOrEqual(950);
    } finally {
      await slack.stop();
    }
  });

  test("an alarm's message is rendered when sent: acknowledged meanwhile, it goes out acknowledged", async ({ database }) => {
    const slack = await new SlackStandIn().start();
    try {
      const { db } = database;
      const lead = await seedUser(db, 'U0LEAD', 'lead');
      await db.update(teams).set({ alarmChannel: 'C0ALARMS' });
      const debtor = await seedDebtor(db, 'C-1', 'Aceros del Norte');
      const candidate = (key: string) => ({ kind: 'no_collector' as const, debtorId: debtor.id, uniqueKey: key, params: { amount: '$1.00 MXN' }, mentions: [], mentionRoles: ['lead' as const] });
      const ids = await raiseAlarms(db, { candidates: [candidate('a'), candidate('b')], runDay: '2026-11-23', defaultTeamId: lead.teamId });
      expect(await enqueueAlarmMessages(db, ids)).toBe(2);
      const [first, second] = ids as [number, number];
      await db.update(alarms).set({ acknowledgedBy: lead.id, acknowledgedAt: new Date('2026-11-23T15:00:00Z') }).where(eq(alarms.id, first));
      await db.delete(alarms).where(eq(alarms.id, second));

      const report = await drainAll(deliverer(database, slack, { paceMs: 0 }), database);
      expect(report).toMatchObject({ sent: 1, failed: 1 });
      const [sent] = slack.callsTo('chat.postMessage');
      expect(sent!.args).toMatchObject({ channel: 'C0ALARMS' });
      expect(String(sent!.args.text)).toContain('<@U0LEAD>');
      expect(JSON.stringify(sent!.args.blocks)).toContain('<@U0LEAD>');
      expect(JSON.stringify(sent!.args.blocks)).not.toContain(ACTION.ackAlarm);
      const [gone] = await db.select().from(outbox).where(eq(outbox.ref, `alarm:${second}`));
      expect(gone).toMatchObject({ state: 'failed', lastError: 'nothing_to_send' });
      const [alarm] = await db.select().from(alarms).where(eq(alarms.id, first));
      expect(alarm).toMatchObject({ channel: 'C0ALARMS', messageTs: expect.any(String) as string });
    } finally {
      await slack.stop();
    }
  });
});
