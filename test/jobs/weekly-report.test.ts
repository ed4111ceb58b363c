import { eq } from 'drizzle-orm';
import pino from 'pino';
import type { Database } from '../../src/db/database.js';
import { jobRuns, outbox, teams } from '../../src/db/schema/index.js';
import { CHART_HEIGHT, CHART_WIDTH } from '../../src/chart/weekly-chart.js';
import { defaultPolicy, type Policy } from '../../src/domain/policy.js';
import { dryRunJob } from '../../src/jobs/dry-run.js';
import { createDeliverer } from '../../src/jobs/outbox-deliverer.js';
import { runJob } from '../../src/jobs/run-job.js';
import { scheduledJobs } from '../../src/jobs/scheduler.js';
import { UPLOAD_FILE } from '../../src/services/outbox.js';
import { syncTeams } from '../../src/services/teams.js';
import { deliveryClient } from '../../src/slack/delivery-client.js';
import { jobRenderer } from '../../src/slack/job-renderer.js';
import { describe, expect, test } from '../support/database.js';
import { seedContact, seedDebtor, seedInvoice, seedPayment, seedUser } from '../support/seed.js';
import { SlackStandIn } from '../support/slack-stand-in.js';
import { pngSize } from '../support/png.js';

const policy: Policy = { ...defaultPolicy, teams: [{ name: 'norte', alarmChannel: 'C0NORTE' }, { name: 'sur' }] as Policy['teams'] };
const render = jobRenderer(policy);
// Monday 7 December 2026: the report covers Monday 30 November to Sunday 6 December (2026-W49).
const MONDAY = '2026-12-07';
const TUESDAY = '2026-12-08';
const now = new Date(`${MONDAY}T15:00:00Z`);
const UPLOAD_SEQUENCE = ['chat.postMessage', 'files.getUploadURLExternal', 'upload', 'files.completeUploadExternal'];

/** A team with a channel and one without, each with a collector who collected in the week. */
async function seedTwoTeams(database: Database) {
  const { db } = database;
  const ana = await seedUser(db, 'U0ANA', 'collector', 'norte');
  const beto = await seedUser(db, 'U0BETO', 'collector', 'sur');
  await syncTeams(db, policy);
  for (const [user, ext] of [
    [ana, 'N'],
    [beto, 'S'],
  ] as const) {
    const debtor = await seedDebtor(db, `D-${ext}`, `Deudor ${ext}`, { collectorId: user.id });
    await seedInvoice(db, debtor.id, `F-${ext}`, '2026-10-15', 500_000);
    await seedPayment(db, debtor.id, `P-${ext}`, '2026-12-02', 120_000);
    await seedContact(db, debtor.id, user.id, '2026-12-01');
  }
}

function deliverer(database: Database, slack: SlackStandIn) {
  return createDeliverer({
    db: database.db,
    databaseKind: database.kind,
    client: deliveryClient({ SLACK_API_URL: slack.url }, 'xoxb-test'),
    logger: pino({ level: 'silent' }),
    renderAlarm: render.alarm,
    paceMs: 0,
    sleep: () => Promise.resolve(),
  });
}

async function deliverAll(database: Database, slack: SlackStandIn) {
  return deliverer(database, slack).drain({ untilEmpty: true, deadline: new Date(Date.now() + 60_000) });
}

const run = (database: Database, date: string) => runJob({ db: database.db, policy, render, now }, 'weekly-report', date);

describe('the weekly-report job', () => {
  test('on the report day: the message, then the chart uploaded in three steps, to the team channel only', async ({ database }) => {
    await seedTwoTeams(database);
    const outcome = await run(database, MONDAY);
    expect(outcome).toMatchObject({ status: 'ran', summary: { teams: 1, messages: 1, charts: 1 } });
    const rows = await database.db.select().from(outbox).orderBy(outbox.id);
    expect(rows.map((r) => [r.channel, r.method, r.ref])).toEqual([
      ['C0NORTE', 'chat.postMessage', 'weekly-report:1:2026-W49'],
      ['C0NORTE', UPLOAD_FILE, 'weekly-report:1:2026-W49'],
    ]);

    const slack = await new SlackStandIn().start();
    try {
      expect(await deliverAll(database, slack)).toMatchObject({ sent: 2, failed: 0 });
      expect(slack.calls.map((c) => c.method).filter((m) => UPLOAD_SEQUENCE.includes(m))).toEqual(UPLOAD_SEQUENCE);
      expect(slack.messagesIn('C0NORTE')).toHaveLength(1);
      expect(String(slack.messagesIn('C0NORTE')[0]!.text)).toContain('norte');

      const [asked] = slack.callsTo('files.getUploadURLExternal');
      const [completed] = slack.callsTo('files.completeUploadExternal');
      const [fileId, bytes] = [...slack.uploads.entries()][0]!;
      expect(asked!.args).toMatchObject({ filename: 'cobranza-norte-2026-W49-MXN.png', length: String(bytes.length) });
      expect(completed!.args).toMatchObject({ channel_id: 'C0NORTE', files: [{ id: fileId, title: expect.stringContaining('2026-W49') as unknown }] });
      // The bytes queued are the bytes uploaded: a PNG of the chart's size, at least 1000 px wide.
      expect(bytes).toEqual(Buffer.from(String(rows[1]!.payload!.content_base64), 'base64'));
      expect(pngSize(bytes)).toEqual({ width: CHART_WIDTH, height: CHART_HEIGHT });
      expect(CHART_WIDTH).toBeGreaterThanOrEqual(1000);

      // The file id is recorded where a message keeps its ts.
      const sent = await database.db.select().from(outbox).where(eq(outbox.method, UPLOAD_FILE));
      expect(sent).toEqual([expect.objectContaining({ state: 'sent', messageTs: fileId })]);
    } finally {
      await slack.stop();
    }
  });

  test('runs once per date: a second run sends nothing more', async ({ database }) => {
    await seedTwoTeams(database);
    expect((await run(database, MONDAY)).status).toBe('ran');
    expect((await run(database, MONDAY)).status).toBe('already_ran');
    const slack = await new SlackStandIn().start();
    try {
      await deliverAll(database, slack);
      expect((await run(database, MONDAY)).status).toBe('already_ran');
      await deliverAll(database, slack);
      expect(slack.callsTo('chat.postMessage')).toHaveLength(1);
      expect(slack.callsTo('files.completeUploadExternal')).toHaveLength(1);
    } finally {
      await slack.stop();
    }
  });

  test('not on another weekday, and the scheduler leaves it out that day', async ({ database }) => {
    await seedTwoTeams(database);
    const outcome = await run(database, TUESDAY);
    expect(outcome.status).toBe('not_report_day');
    expect(outcome.line).toContain('weeklyReportDay');
    expect(await database.db.select().from(outbox)).toEqual([]);
    expect(await database.db.select().from(jobRuns)).toEqual([]);
    expect(scheduledJobs(policy, TUESDAY)).not.toContain('weekly-report');
    expect(scheduledJobs(policy, MONDAY)).toContain('weekly-report');
    // The day is the policy's.
    expect(scheduledJobs({ ...policy, weeklyReportDay: 2 }, TUESDAY)).toContain('weekly-report');
    expect((await runJob({ db: database.db, policy: { ...policy, weeklyReportDay: 2 }, render, now }, 'weekly-report', TUESDAY)).status).toBe('ran');
  });

  test('a team without an alarm channel gets nothing', async ({ database }) => {
    await seedTwoTeams(database);
    await database.db.update(teams).set({ alarmChannel: null });
    expect(await run(database, MONDAY)).toMatchObject({ status: 'ran', summary: { teams: 0, messages: 0, charts: 0 } });
    expect(await database.db.select().from(outbox)).toEqual([]);
  });

  test('a failed upload step is retried from the first step; the message is not sent twice', async ({ database }) => {
    await seedTwoTeams(database);
    await run(database, MONDAY);
    const slack = await new SlackStandIn().start();
    try {
      slack.script('files.completeUploadExternal', { status: 500 });
      const report = await deliverAll(database, slack);
      expect(report).toMatchObject({ sent: 2, failed: 0, retried: 1 });
      expect(slack.callsTo('chat.postMessage')).toHaveLength(1);
      expect(slack.callsTo('files.getUploadURLExternal')).toHaveLength(2);
      expect(slack.callsTo('files.completeUploadExternal')).toHaveLength(2);
      const [upload] = await database.db.select().from(outbox).where(eq(outbox.method, UPLOAD_FILE));
      expect(upload).toMatchObject({ state: 'sent', attempts: 2, inDoubt: false });
    } finally {
      await slack.stop();
    }
  });

  test('a permanent error fails the upload with Slack\'s reason', async ({ database }) => {
    await seedTwoTeams(database);
    await run(database, MONDAY);
    const slack = await new SlackStandIn().start();
    try {
      slack.script('files.completeUploadExternal', { error: 'not_in_channel' });
      expect(await deliverAll(database, slack)).toMatchObject({ sent: 1, failed: 1 });
      const [upload] = await database.db.select().from(outbox).where(eq(outbox.method, UPLOAD_FILE));
      expect(upload).toMatchObject({ state: 'failed', lastError: 'not_in_channel' });
    } finally {
      await slack.stop();
    }
  });

  test('a dry run shows the message and the chart file, and stores nothing', async ({ database }) => {
    await seedTwoTeams(database);
    const dry = await dryRunJob({ db: database.db, policy, render, now }, 'weekly-report', MONDAY);
    expect(dry.outcome.status).toBe('ran');
    expect(dry.messages.map((m) => [m.channel, m.recipient, m.payload === null, m.file?.filename])).toEqual([
      ['C0NORTE', 'team "norte"', false, undefined],
      ['C0NORTE', 'team "norte"', true, 'cobranza-norte-2026-W49-MXN.png'],
    ]);
    expect(dry.messages[1]!.file!.bytes).toBeGreaterThan(1000);
    expect(await database.db.select().from(outbox)).toEqual([]);
    expect(await database.db.select().from(jobRuns)).toEqual([]);
  });
});
