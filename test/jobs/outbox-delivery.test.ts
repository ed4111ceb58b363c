import { spawnSync } from 'node:child_process';
import { hostname } from 'node:os';
import { defaultPolicy } from '../../src/domain/policy.js';
import { jobRenderer } from '../../src/slack/job-renderer.js';
import { eq } from 'drizzle-orm';
import pino from 'pino';
import { parseOutboxArgs, runOutbox } from '../../src/cli/commands/outbox.js';
import type { Database } from '../../src/db/database.js';
import { alarms, outbox, teams } from '../../src/db/schema/index.js';
import { claimIsDead, newWorkerId } from '../../src/jobs/delivery-workers.js';
import { createDeliverer } from '../../src/jobs/outbox-deliverer.js';
import { OUTBOX_EVENT_TYPE } from '../../src/jobs/outbox-metadata.js';
import { raiseAlarms } from '../../src/services/alarms.js';
import { alarmIdOfRef, claimMessages, enqueueAlarmMessages, enqueueMessages, markFailed, markSent, nothingWaiting, outboxCounts, releaseMessages, STALE_CLAIM_MS } from '../../src/services/outbox.js';
import { ACTION } from '../../src/slack/ids.js';
import { deliveryClient } from '../../src/slack/delivery-client.js';
import { describe, expect, test } from '../support/database.js';
import { seedDebtor, seedUser } from '../support/seed.js';
import { SlackStandIn } from '../support/slack-stand-in.js';

const silent = pino({ level: 'silent' });

type Extra = { now?: () => Date; sleep?: (ms: number) => Promise<void>; paceMs?: number };

function deliverer(database: Database, slack: SlackStandIn, extra: Extra = {}) {
  return createDeliverer({
    db: database.db,
    databaseKind: database.kind,
    client: deliveryClient({ SLACK_API_URL: slack.url }, 'xoxb-test'),
    logger: silent,
    renderAlarm: jobRenderer(defaultPolicy).alarm,
    ...extra,
  });
}

/** A worker id of a process of this host that has exited: its claims are dead on any database. */
function deadWorker(): string {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return `${hostname()}:${child.stdout}:0dead`;
}

/** Virtual time: `sleep` moves the clock on at once. */
function virtualClock(start: Date) {
  let at = start.getTime();
  return {
    now: () => new Date(at),
    sleep: (ms: number) => {
      at += ms;
      return Promise.resolve();
    },
  };
}

/** Virtual time that stands still until `release()`; from then on `sleep` moves it on at once. */
function heldClock(start: Date) {
  const clock = virtualClock(start);
  let release = () => undefined as void;
  const released = new Promise<void>((resolve) => (release = resolve));
  return {
    now: clock.now,
    sleep: async (ms: number) => {
      await released;
      await clock.sleep(ms);
    },
    release: () => release(),
  };
}

/** Polls `check` until it holds; a bound on the wait, not on how fast the work went. */
async function eventually(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 600 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 50));
  if (!check()) throw new Error(`timed out waiting until ${what}`);
}

/** What `cobranza outbox …` prints, run against the test's database. */
async function outboxCli(database: Database, args: string[], now = new Date()): Promise<string[]> {
  const lines: string[] = [];
  await runOutbox(database.db, { out: (line) => lines.push(line), locale: 'en', now, renderAlarm: jobRenderer(defaultPolicy).alarm }, parseOutboxArgs(args, 'en'));
  return lines;
}

async function queue(database: Database, channel: string, texts: string[]) {
  await enqueueMessages(database.db, texts.map((text) => ({ channel, payload: { text } })));
}

const sentTexts = (slack: SlackStandIn, channel: string) =>
  slack.callsTo('chat.postMessage').filter((c) => c.args.channel === channel).map((c) => c.args.text);

async function drainAll(d: ReturnType<typeof deliverer>) {
  return d.drain({ untilEmpty: true, deadline: new Date(Date.now() + 20_000) });
}

/**
 * The claim's instant, a second ahead of the database's clock: it stamps next_attempt_at in
 * microseconds, Date has milliseconds, so a message inserted in the same millisecond is due.
 */
const dueNow = () => new Date(Date.now() + 1000);

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

  test('nothing waits once every message is sent or failed, whatever else the outbox holds', async ({ database }) => {
    expect(await nothingWaiting(database.db)).toBe(true);
    await queue(database, 'U0A', ['a1', 'a2']);
    expect(await nothingWaiting(database.db)).toBe(false);
    const worker = newWorkerId();
    const [a1, a2] = await claimMessages(database.db, { worker, channels: 1, perChannel: 5, now: new Date() });
    expect(await nothingWaiting(database.db)).toBe(false);
    await markSent(database.db, a1!, '1.0001', worker);
    expect(await nothingWaiting(database.db)).toBe(false);
    await markFailed(database.db, a2!.id, { error: 'channel_not_found', inDoubtSince: null });
    expect(await nothingWaiting(database.db)).toBe(true);
  });

  test('delivers each channel in order, one message per second per channel, and records the ts', async ({ database }) => {
    await queue(database, 'U0A', ['a1', 'a2', 'a3']);
    await queue(database, 'U0B', ['b1', 'b2']);
    const clock = virtualClock(new Date());
    const slack = await new SlackStandIn(() => clock.now().getTime()).start();
    try {
      const report = await drainAll(deliverer(database, slack, clock));
      expect(report).toMatchObject({ sent: 5, failed: 0 });
      expect(sentTexts(slack, 'U0A')).toEqual(['a1', 'a2', 'a3']);
      expect(sentTexts(slack, 'U0B')).toEqual(['b1', 'b2']);
      const times = slack.callsTo('chat.postMessage').filter((c) => c.args.channel === 'U0A').map((c) => c.at);
      expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(1000);
      expect(times[2]! - times[1]!).toBeGreaterThanOrEqual(1000);
      const rows = await database.db.select().from(outbox).orderBy(outbox.id);
      expect(rows.every((r) => r.state === 'sent' && r.messageTs)).toBe(true);
      // Each message carries its outbox id; nothing is in doubt, so no history is read.
      expect(slack.messagesIn('U0A').map((m) => [m.ts, m.metadata])).toEqual(
        rows.filter((r) => r.channel === 'U0A').map((r) => [r.messageTs, { event_type: OUTBOX_EVENT_TYPE, event_payload: { outbox_id: r.id } }]),
      );
      expect(slack.callsTo('conversations.history')).toEqual([]);
      expect(slack.callsTo('conversations.open')).toEqual([]);
    } finally {
      await slack.stop();
    }
  });

  test('a 429 with Retry-After delays that channel and loses nothing; a 500 is retried', async ({ database }) => {
    const slack = await new SlackStandIn().start();
    try {
      slack.script('chat.postMessage', { rateLimited: 1 }, { status: 500 });
      await queue(database, 'U0A', ['first', 'second']);
      const clock = virtualClock(new Date());
      const started = clock.now().getTime();
      const report = await drainAll(deliverer(database, slack, { ...clock, paceMs: 0 }));
      expect(report.sent).toBe(2);
      expect(report.retried).toBe(2);
      expect(clock.now().getTime() - started).toBeGreaterThanOrEqual(1000);
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
      const report = await drainAll(deliverer(database, slack, { paceMs: 0 }));
      expect(report).toMatchObject({ sent: 1, failed: 1 });
      const [gone] = await database.db.select().from(outbox).where(eq(outbox.channel, 'C0GONE'));
      expect(gone).toMatchObject({ state: 'failed', lastError: 'channel_not_found' });
      expect(sentTexts(slack, 'U0A')).toEqual(['kept']);
    } finally {
      await slack.stop();
    }
  });

  // Only one process opens a PGlite data directory: any claim of another is dead. On
  // PostgreSQL that is known only of this host's processes; others' claims wait to go stale.
  test.each<[string, () => string, { pglite: boolean; postgres: boolean }]>([
    ['a worker of this process', () => newWorkerId(), { pglite: false, postgres: false }],
    ['an exited process of this host', deadWorker, { pglite: true, postgres: true }],
    ['a live process of this host', () => `${hostname()}:${process.ppid}:cafe`, { pglite: true, postgres: false }],
    ['an earlier run with this pid (a container restart)', () => `${hostname()}:${process.pid}:0ld`, { pglite: true, postgres: true }],
    ['a process of another host', () => `elsewhere:${process.pid}:beef`, { pglite: true, postgres: false }],
    ['an id of another format', () => 'f81d4fae-7dec-11d0-a765-00a0c91e6bf6', { pglite: true, postgres: false }],
  ])('a claim of %s is dead: %o', (_name, worker, dead) => {
    const id = worker();
    expect({ pglite: claimIsDead(id, 'pglite'), postgres: claimIsDead(id, 'postgres') }).toEqual(dead);
  });

  test('a claim of another host is taken over once stale, its head first looked up in the history', async ({ database }) => {
    const slack = await new SlackStandIn().start();
    try {
      await queue(database, 'C0A', ['head', 'behind']);
      expect(await claimMessages(database.db, { worker: 'elsewhere:42:beef', channels: 10, perChannel: 5, now: dueNow() })).toHaveLength(2);
      // While the claim is fresh, only PGlite knows it is dead (one process per data directory).
      expect((await deliverer(database, slack, { paceMs: 0 }).drain()).sent).toBe(database.kind === 'pglite' ? 2 : 0);
      const later = () => new Date(Date.now() + STALE_CLAIM_MS + 1000);
      await deliverer(database, slack, { now: later, paceMs: 0 }).drain();
      expect(slack.messagesIn('C0A').map((m) => m.text)).toEqual(['head', 'behind']);
      // Only the head may have reached Slack: the one behind it was never tried.
      expect(slack.callsTo('conversations.history').map((c) => c.args)).toEqual([expect.objectContaining({ channel: 'C0A', include_all_metadata: 'true' })]);
      expect((await outboxCounts(database.db)).waiting).toBe(0);
    } finally {
      await slack.stop();
    }
  });

  test('a message in doubt that reached Slack is recorded with its ts; one that did not is posted, once', async ({ database }) => {
    const slack = await new SlackStandIn().start();
    try {
      await queue(database, 'C0A', ['posted before the crash', 'never tried']);
      await queue(database, 'U0B', ['not posted before the crash']);
      const claimed = await claimMessages(database.db, { worker: deadWorker(), channels: 10, perChannel: 5, now: dueNow() });
      // The dead process had posted C0A's head, with its outbox id, and died before the answer.
      const client = deliveryClient({ SLACK_API_URL: slack.url }, 'xoxb-test');
      const metadata = { event_type: OUTBOX_EVENT_TYPE, event_payload: { outbox_id: claimed[0]!.id } };
      const earlier = (await client.chat.postMessage({ channel: 'C0A', text: 'posted before the crash', metadata })) as { ts: string };

      const report = await drainAll(deliverer(database, slack, { paceMs: 0 }));
      expect(report).toMatchObject({ sent: 3, failed: 0 });
      expect(slack.messagesIn('C0A').map((m) => m.text)).toEqual(['posted before the crash', 'never tried']);
      expect(slack.messagesIn('U0B').map((m) => m.text)).toEqual(['not posted before the crash']);
      const [head] = await database.db.select().from(outbox).where(eq(outbox.id, claimed[0]!.id));
      expect(head).toMatchObject({ state: 'sent', messageTs: earlier.ts, inDoubt: false });
      // The heads of both channels were looked up, the DM through the id conversations.open gives.
      expect(slack.callsTo('conversations.open').map((c) => c.args.users)).toEqual(['U0B']);
      expect(slack.callsTo('conversations.history').map((c) => c.args.channel).sort()).toEqual(['C0A', 'D0B']);
    } finally {
      await slack.stop();
    }
  });

  test('a history check refused for a missing scope fails the message, still in doubt; once granted, retry looks again', async ({ database }) => {
    const slack = await new SlackStandIn().start();
    try {
      await queue(database, 'C0A', ['alarm']);
      await claimMessages(database.db, { worker: deadWorker(), channels: 1, perChannel: 1, now: dueNow() });
      slack.script('conversations.history', { body: { ok: false, error: 'missing_scope', needed: 'channels:history' } });
      const d = deliverer(database, slack, { paceMs: 0 });
      expect(await drainAll(d)).toMatchObject({ sent: 0, failed: 1 });
      const [failed] = await database.db.select().from(outbox);
      expect(failed).toMatchObject({ state: 'failed', inDoubt: true, lastError: 'history check: missing_scope (needs channels:history)' });

      expect(await outboxCli(database, ['retry'])).toEqual(['Failed messages back in the queue: 1.']);
      expect(await drainAll(d)).toMatchObject({ sent: 1, failed: 0 });
      expect(slack.callsTo('conversations.history')).toHaveLength(2);
      expect(slack.messagesIn('C0A').map((m) => m.text)).toEqual(['alarm']);
    } finally {
      await slack.stop();
    }
  });

  test('ten minutes of 5xx answers: retried with backoff up to 5 minutes, never failed, then sent once', async ({ database }) => {
    const slack = await new SlackStandIn().start();
    try {
      // Virtual time starts an hour back, so the stand-in's ts (real time) fall after it.
      const start = new Date(Date.now() - 3_600_000);
      const clock = virtualClock(start);
      await queue(database, 'C0ALARMS', ['alarm']);
      await database.db.update(outbox).set({ createdAt: start, nextAttemptAt: start });
      // Nine 500s, then one after which the message did reach the channel.
      slack.script('chat.postMessage', ...Array.from({ length: 9 }, () => ({ status: 500 })), { status: 503, posted: true });
      const d = deliverer(database, slack, clock);
      const tenMinutes = new Date(start.getTime() + 10 * 60_000);
      await d.drain({ untilEmpty: true, deadline: tenMinutes });

      // Still waiting after ten minutes: 1 + 2 + 4 … + 256 s between the first ten attempts.
      expect(await outboxCounts(database.db)).toEqual({ waiting: 1, failed: 0 });
      const [waiting] = await outboxCli(database, [], clock.now());
      expect(waiting).toMatch(/^#\d+ → C0ALARMS · pending · queued 10 min ago · 10 attempt\(s\) · last error: http_503 · next attempt in 3 min · may already be in Slack/);

      const report = await d.drain({ untilEmpty: true, deadline: new Date(start.getTime() + 30 * 60_000) });
      expect(report).toMatchObject({ sent: 1, failed: 0 });
      expect(slack.messagesIn('C0ALARMS').map((m) => m.text)).toEqual(['alarm']);
      const [row] = await database.db.select().from(outbox);
      expect(row).toMatchObject({ state: 'sent', attempts: 11, messageTs: slack.messagesIn('C0ALARMS')[0]!.ts });
      // The eleventh attempt comes 5 minutes (the cap) after the tenth, at 511 + 300 s.
      expect(clock.now().getTime() - start.getTime()).toBeGreaterThanOrEqual(811_000);
      expect(clock.now().getTime() - start.getTime()).toBeLessThan(830_000);
      expect(slack.callsTo('chat.postMessage')).toHaveLength(10);
    } finally {
      await slack.stop();
    }
  });

  test('a permanent error fails the message; once fixed, outbox retry delivers it', async ({ database }) => {
    const slack = await new SlackStandIn().start();
    try {
      slack.script('chat.postMessage', { error: 'not_in_channel' });
      await queue(database, 'C0ALARMS', ['alarm']);
      await queue(database, 'U0A', ['list']);
      const d = deliverer(database, slack, { paceMs: 0 });
      expect(await drainAll(d)).toMatchObject({ sent: 1, failed: 1 });
      const [failed] = await database.db.select().from(outbox).where(eq(outbox.channel, 'C0ALARMS'));
      expect(await outboxCli(database, [])).toEqual([expect.stringMatching(new RegExp(`^#${failed!.id} → C0ALARMS · failed · queued \\d+ s ago · 1 attempt\\(s\\) · last error: not_in_channel: alarm$`))]);
      expect(await outboxCli(database, ['show', `#${failed!.id}`])).toEqual([
        `Message #${failed!.id} → C0ALARMS`,
        expect.stringMatching(/^ {2}failed · queued \d+ s ago · 1 attempt\(s\) · last error: not_in_channel$/),
        'Text:',
        '  alarm',
      ]);

      // The bot is invited to the channel; the operator puts the message back in the queue.
      const sent = (await database.db.select().from(outbox).where(eq(outbox.channel, 'U0A')))[0]!;
      expect(await outboxCli(database, ['retry', String(failed!.id), String(sent.id), '999'])).toEqual([
        `#${failed!.id} is back in the queue.`,
        `#${sent.id} has not failed (state: sent): left as it is.`,
        '#999 does not exist.',
      ]);
      expect(await drainAll(d)).toMatchObject({ sent: 1, failed: 0 });
      expect(slack.messagesIn('C0ALARMS').map((m) => m.text)).toEqual(['alarm']);
      expect(await outboxCli(database, [])).toEqual(['The outbox is empty: every message was delivered.']);
      expect(await outboxCli(database, ['retry'])).toEqual(['No failed messages.']);
    } finally {
      await slack.stop();
    }
  });

  test('two deliverers at once never send a message twice', async ({ database }) => {
    const slack = await new SlackStandIn().start();
    try {
      for (let c = 0; c < 6; c++) await queue(database, `U0C${c}`, ['one', 'two']);
      const [a, b] = await Promise.all([drainAll(deliverer(database, slack, { paceMs: 0 })), drainAll(deliverer(database, slack, { paceMs: 0 }))]);
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
    const claim = (skipChannels: string[] = []) => claimMessages(database.db, { worker: 'w', channels: 2, perChannel: 1, now: dueNow(), skipChannels });
    // The busiest channel decides when the outbox is empty: its head goes first.
    expect((await claim()).map((r) => r.channel).sort()).toEqual(['U0THREE', 'U0TWO']);
    await database.db.update(outbox).set({ state: 'pending', claimedBy: null });
    expect((await claim(['U0THREE'])).map((r) => r.channel).sort()).toEqual(['U0ONE', 'U0TWO']);
  });

  test("claims a channel's oldest messages in order, and nothing of a channel another deliverer holds", async ({ database }) => {
    await queue(database, 'U0A', ['a1', 'a2', 'a3', 'a4']);
    await queue(database, 'U0B', ['b1', 'b2']);
    const claim = (worker: string) => claimMessages(database.db, { worker, channels: 10, perChannel: 3, now: dueNow() });
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
    // More quiet channels than a pass claims first: the rest are claimed meanwhile.
    for (let c = 0; c < 20; c++) await queue(database, `U0Q${c}`, ['only']);
    await queue(database, 'C0BUSY', ['b1', 'b2', 'b3']);
    for (let c = 20; c < 40; c++) await queue(database, `U0Q${c}`, ['only']);
    // Time stands still until the others are out, so however slow the machine the busy
    // channel is within its pace all along: they must not wait for it.
    // A second ahead of the database's clock: it stamps next_attempt_at in microseconds, so a
    // clock read in the same millisecond as the last insert would find that message not due.
    const clock = heldClock(new Date(Date.now() + 1000));
    const slack = await new SlackStandIn(() => clock.now().getTime()).start();
    const draining = drainAll(deliverer(database, slack, clock));
    try {
      const quietSent = () => slack.callsTo('chat.postMessage').filter((c) => c.args.channel !== 'C0BUSY').length;
      await eventually(() => quietSent() === 40, 'the forty quiet channels are sent');
      expect(sentTexts(slack, 'C0BUSY')).toEqual(['b1']);
      clock.release();
      const report = await draining;
      expect(report).toMatchObject({ sent: 43, failed: 0, retried: 0 });
      expect(sentTexts(slack, 'C0BUSY')).toEqual(['b1', 'b2', 'b3']);
      for (let c = 0; c < 40; c++) expect(sentTexts(slack, `U0Q${c}`)).toEqual(['only']);
      expect(slack.callsTo('chat.postMessage')[0]!.args.channel).toBe('C0BUSY');
      // Two paced seconds for the busy channel; the forty others went out before them.
      const quiet = slack.callsTo('chat.postMessage').filter((c) => c.args.channel !== 'C0BUSY').map((c) => c.at);
      const busy = slack.callsTo('chat.postMessage').filter((c) => c.args.channel === 'C0BUSY').map((c) => c.at);
      expect(Math.max(...quiet)).toBeLessThan(busy[1]!);
      expect(busy[1]! - busy[0]!).toBeGreaterThanOrEqual(1000);
      expect(busy[2]! - busy[1]!).toBeGreaterThanOrEqual(1000);
    } finally {
      // Settled first when a check above failed, so that nothing runs on after the test.
      clock.release();
      await draining.catch(() => undefined);
      await slack.stop();
    }
  });

  test("an alarm's message is rendered when sent (outbox show tells which alarm until then): acknowledged meanwhile, it goes out acknowledged", async ({ database }) => {
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
      // `outbox show` says which alarm a message is about before it is written.
      const [firstMessage, secondMessage] = await db.select({ id: outbox.id }).from(outbox).orderBy(outbox.id);
      const shown = await outboxCli(database, ['show', String(firstMessage!.id)]);
      expect(shown.slice(0, 3)).toEqual([
        `Message #${firstMessage!.id} → C0ALARMS`,
        expect.stringMatching(/^ {2}pending · queued \d+ s ago · 0 attempt\(s\) · next attempt: now$/),
        `Message of alarm #${first}: written when it is sent. As it would read now:`,
      ]);
      expect(shown.join('\n')).toContain('Aceros del Norte');
      expect((await outboxCli(database, ['show', String(secondMessage!.id)])).at(-1)).toBe(`Message of alarm #${second}, which no longer exists: nothing to send.`);

      const report = await drainAll(deliverer(database, slack, { paceMs: 0 }));
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

describe('the alarm a message announces', () => {
  const cases: Array<[string | null, number | null]> = [
    ['alarm:42', 42],
    ['alarm:7', 7],
    ['alarm:', null],
    ['alarm:x', null],
    ['alarm:4.5', null],
    ['alarm:-1', null],
    ['weekly:norte', null],
    [null, null],
  ];
  for (const [ref, id] of cases) {
    test(`${String(ref)} → ${String(id)}`, () => {
      expect(alarmIdOfRef(ref)).toBe(id);
    });
  }
});

describe('cobranza outbox arguments', () => {
  test.each<[string[], ReturnType<typeof parseOutboxArgs>]>([
    [[], { action: 'list' }],
    [['retry'], { action: 'retry', ids: [] }],
    [['retry', '#12', '13'], { action: 'retry', ids: [12, 13] }],
    [['show', '7'], { action: 'show', id: 7 }],
  ])('%j reads as %j', (args, parsed) => {
    expect(parseOutboxArgs(args, 'en')).toEqual(parsed);
  });

  test.each([
    [['show'], 'outbox show: give one message id (usage: cobranza outbox [retry [ID…] | show ID])'],
    [['show', '1', '2'], 'outbox show: give one message id (usage: cobranza outbox [retry [ID…] | show ID])'],
    [['retry', 'abc'], 'outbox retry: "abc" is not a message id (the number after # in "cobranza outbox")'],
    [['retry', '0'], 'outbox retry: "0" is not a message id (the number after # in "cobranza outbox")'],
    [['retry', '99999999999'], 'outbox retry: "99999999999" is not a message id (the number after # in "cobranza outbox")'],
    [['retry', '--all'], 'outbox: unknown option "--all" (usage: cobranza outbox [retry [ID…] | show ID])'],
    [['resend'], 'outbox: unknown action "resend" (usage: cobranza outbox [retry [ID…] | show ID])'],
  ])('%j is refused in one line', (args, message) => {
    expect(() => parseOutboxArgs(args, 'en')).toThrow(message);
  });
});
