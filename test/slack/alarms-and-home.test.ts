import { eq } from 'drizzle-orm';
import { WebSocket } from 'ws';
import { alarms, users } from '../../src/db/schema/index.js';
import { describe, expect, test } from '../support/database.js';
import { DEMO_DAY, DEMO_NOW, debtorId, loadExampleCompany } from '../support/demo-data.js';
import { withHarness } from '../support/slack-app.js';
import type { Database } from '../../src/db/database.js';
import { errorMessage } from '../../src/slack/blocks/index.js';

async function raiseAlarm(database: Database, externalId: string) {
  const id = await debtorId(database, externalId);
  const [lead] = await database.db.select().from(users).where(eq(users.slackUserId, 'U0JEF0001'));
  const [alarm] = await database.db
    .insert(alarms)
    .values({
      kind: 'promise_broken',
      debtorId: id,
      teamId: lead!.teamId,
      uniqueKey: `promise_broken:${id}:1:${DEMO_DAY}`,
      raisedOn: DEMO_DAY,
      details: { params: { amount: '$185,000.00 MXN', date: '2026-10-26' }, mentions: [] },
      channel: 'C0ALARMS',
      messageTs: '1700000000.000100',
    })
    .returning();
  return alarm!;
}

describe('alarm acknowledgement', () => {
  test('ack_alarm acknowledges once and updates the message to say who and when', async ({ database }) => {
    await loadExampleCompany(database);
    const alarm = await raiseAlarm(database, 'D-1001');
    await withHarness(database, { now: DEMO_NOW }, async (harness) => {
      await harness.clickButton('U0JEF0001', 'ack_alarm', String(alarm.id), { channel: 'C0ALARMS', ts: '1700000000.000100' });
      const update = await harness.waitFor(() => harness.slack.callsTo('chat.update')[0]);
      expect(update.args).toMatchObject({ channel: 'C0ALARMS', ts: '1700000000.000100' });
      expect(JSON.stringify(update.args)).toContain('<@U0JEF0001>');
      expect(JSON.stringify(update.args)).not.toContain('"ack_alarm"');

      const [stored] = await database.db.select().from(alarms).where(eq(alarms.id, alarm.id));
      expect(stored!.acknowledgedAt).toEqual(DEMO_NOW);

      // A second click by someone else changes nothing and says it was already done.
      const before = harness.slack.responses.length;
      await harness.clickButton('U0COB0001', 'ack_alarm', String(alarm.id), { channel: 'C0ALARMS', ts: '1700000000.000100' });
      await harness.waitFor(() => harness.slack.responses[before]);
      const [still] = await database.db.select().from(alarms).where(eq(alarms.id, alarm.id));
      expect(still!.acknowledgedBy).toBe(stored!.acknowledgedBy);
    });
  });

  test('a collector of another debtor may not acknowledge', async ({ database }) => {
    await loadExampleCompany(database);
    const alarm = await raiseAlarm(database, 'D-1001');
    await withHarness(database, { now: DEMO_NOW }, async (harness) => {
      await harness.clickButton('U0COB0002', 'ack_alarm', String(alarm.id), { channel: 'C0ALARMS', ts: '1.1' });
      await harness.waitFor(() => harness.slack.responses[0]);
      expect(harness.slack.callsTo('chat.update')).toEqual([]);
      const [stored] = await database.db.select().from(alarms).where(eq(alarms.id, alarm.id));
      expect(stored!.acknowledgedAt).toBeNull();
    });
  });
});

describe('App Home', () => {
  test("publishes a collector's list, promises and barriers, and a lead's alarms", async ({ database }) => {
    await loadExampleCompany(database);
    await raiseAlarm(database, 'D-1001');
    await withHarness(database, { now: DEMO_NOW }, async (harness) => {
      await harness.event({ type: 'app_home_opened', user: 'U0COB0001', channel: 'D0COB1', tab: 'home', event_ts: '1.1' });
      const collectorHome = await harness.waitFor(() => harness.slack.callsTo('views.publish')[0]);
      expect(collectorHome.args.user_id).toBe('U0COB0001');
      const text = JSON.stringify(collectorHome.args.view);
      expect(text).toContain('Abarrotes Doña Lupita');
      expect(text).toContain('log_outcome');
      expect(text).not.toContain('ack_alarm');

      await harness.event({ type: 'app_home_opened', user: 'U0JEF0001', channel: 'D0JEF1', tab: 'home', event_ts: '1.2' });
      const leadHome = await harness.waitFor(() => harness.slack.callsTo('views.publish')[1]);
      expect(JSON.stringify(leadHome.args.view)).toContain('ack_alarm');
    });
  });

  test('someone not in the register sees a short explanation', async ({ database }) => {
    await withHarness(database, { now: DEMO_NOW }, async (harness) => {
      await harness.event({ type: 'app_home_opened', user: 'U0STRANGER', channel: 'D0X', tab: 'home', event_ts: '1.1' });
      const home = await harness.waitFor(() => harness.slack.callsTo('views.publish')[0]);
      expect(JSON.stringify(home.args.view)).toMatch(/registr/i);
    });
  });
});

describe('Socket Mode', () => {
  test('answers a slash command envelope over the local WebSocket', async ({ database }) => {
    await loadExampleCompany(database);
    await withHarness(database, { now: DEMO_NOW, env: { SLACK_APP_TOKEN: 'xapp-test-token' } }, async (harness) => {
      const socket = await harness.waitFor(() => harness.slack.sockets[0]);
      const acks: unknown[] = [];
      socket.on('message', (data: Buffer) => acks.push(JSON.parse(data.toString())));
      const responseUrl = harness.responseUrl();
      socket.send(
        JSON.stringify({
          envelope_id: 'env-1',
          type: 'slash_commands',
          accepts_response_payload: true,
          payload: {
            token: 'verification-token',
            team_id: 'T0STANDIN',
            team_domain: 'cobranza',
            channel_id: 'C0GENERAL',
            channel_name: 'general',
            user_id: 'U0COB0001',
            user_name: 'laura',
            command: '/deudor',
            text: 'farmacias guemes',
            api_app_id: 'A0COBRANZA',
            response_url: responseUrl,
            trigger_id: '1.2.3',
          },
        }),
      );
      await harness.waitFor(() => acks.find((a) => (a as { envelope_id?: string }).envelope_id === 'env-1'));
      const answer = await harness.waitFor(() => harness.slack.responses[0]);
      expect(JSON.stringify(answer.args)).toContain('Farmacias Güemes');
      expect(socket.readyState).toBe(WebSocket.OPEN);
    });
  });
});

describe('failures', () => {
  test('a user whose action failed is told so, in their language', async ({ database }) => {
    await loadExampleCompany(database);
    const id = await debtorId(database, 'D-1001');
    await withHarness(database, { now: DEMO_NOW }, async (harness) => {
      harness.slack.script('views.open', { error: 'expired_trigger_id' });
      await harness.clickButton('U0COB0001', 'log_outcome', String(id), { channel: 'C0GENERAL', ts: '1.1' });
      const told = await harness.waitFor(() => harness.slack.responses[0]);
      expect(told.args).toMatchObject({ response_type: 'ephemeral', text: errorMessage('failed', 'es').text });
    });
  });
});
