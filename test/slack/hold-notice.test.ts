import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../src/db/database.js';
import { contacts, emailOutbox, notices, outbox } from '../../src/db/schema/index.js';
import { defaultPolicy, type Policy } from '../../src/domain/policy.js';
import { dailyListJob } from '../../src/jobs/daily-list.js';
import { queueNotices } from '../../src/services/notices/index.js';
import { syncTeams } from '../../src/services/teams.js';
import { errorMessage, markNoticeHeld, noticeAlreadySentMessage, type KnownBlock } from '../../src/slack/blocks/index.js';
import { es } from '../../src/slack/i18n/es.js';
import { jobRenderer } from '../../src/slack/job-renderer.js';
import { ACTION, noticeBlockId } from '../../src/slack/ids.js';
import { describe, expect, test } from '../support/database.js';
import { seedDebtor, seedInvoice, seedUser } from '../support/seed.js';
import { withHarness, type SlackHarness } from '../support/slack-app.js';

// The morning DM's notices message and its `hold_notice` button, through Bolt's HTTP
// receiver with signed requests: the hold redraws the message in place and keeps the
// debtor's email from being queued that day.

// 2026-12-08 is a Tuesday; an invoice due 12-07 reaches step 1 that day. 16:00Z is 10:00 in Mexico City.
const DATE = '2026-12-08';
const NOW = new Date('2026-12-08T16:00:00Z');
const DUE_STEP_1 = '2026-12-07';

const policy: Policy = {
  ...defaultPolicy,
  locale: 'es',
  notices: { ...defaultPolicy.notices, enabled: true, sendTime: '10:30', companyName: 'ACME SA', paymentInstructions: 'CLABE 012345678901234567' },
};

type Button = { type: string; action_id?: string; value?: string };
type Block = KnownBlock & { block_id?: string; accessory?: Button };
type Posted = { text: string; blocks: Block[] };

/** A collector's debtor with a contact email and an MXN invoice (and optionally a USD one) reaching step 1 on DATE. */
async function debtorWithNotice(db: Db, collectorId: number, code: string, usd = false) {
  const debtor = await seedDebtor(db, code, `Cliente ${code}`, { collectorId });
  await db.insert(contacts).values({ debtorId: debtor.id, name: `Pagos ${code}`, level: 0, email: `pagos-${code.toLowerCase()}@cliente.mx` });
  await seedInvoice(db, debtor.id, `${code}-F1`, DUE_STEP_1, 100_000);
  await seedInvoice(db, debtor.id, `${code}-F2`, '2026-12-01', 50_000); // step 7: a second trigger, same currency
  if (usd) await seedInvoice(db, debtor.id, `${code}-USD`, DUE_STEP_1, 70_000, 'USD');
  return debtor;
}

const noticesOf = (db: Db, debtorId: number) => db.select().from(notices).where(eq(notices.debtorId, debtorId)).orderBy(asc(notices.id));
const emailsOf = (db: Db, debtorId: number) => db.select().from(emailOutbox).where(eq(emailOutbox.debtorId, debtorId)).orderBy(asc(emailOutbox.id));

/** The DMs the daily-list job queued for `slackId` that carry `hold_notice` buttons. */
async function noticesMessages(db: Db, slackId: string): Promise<Posted[]> {
  const rows = await db.select().from(outbox).where(eq(outbox.channel, slackId)).orderBy(asc(outbox.id));
  return rows
    .map((r) => r.payload as unknown as Posted)
    .filter((p) => p.blocks.some((b) => b.accessory?.action_id === ACTION.holdNotice));
}

/** A click on a message's `hold_notice` button, shaped as Slack posts it, with the message clicked. */
function clickHold(harness: SlackHarness, userId: string, value: string, message: Posted, blockId = 'Xk3') {
  return harness.interactive({
    type: 'block_actions',
    user: { id: userId, username: userId.toLowerCase(), name: userId.toLowerCase(), team_id: 'T0STANDIN' },
    api_app_id: 'A0COBRANZA',
    token: 'verification-token',
    container: { type: 'message', message_ts: '1765209600.000100', channel_id: 'D0COL1', is_ephemeral: false },
    trigger_id: `${Date.now()}.1.trigger`,
    team: { id: 'T0STANDIN', domain: 'cobranza' },
    channel: { id: 'D0COL1', name: 'directmessage' },
    message: { type: 'message', user: 'U0BOT', ts: '1765209600.000100', text: message.text, blocks: message.blocks },
    response_url: harness.responseUrl(),
    actions: [{ type: 'button', action_id: ACTION.holdNotice, block_id: blockId, value, action_ts: '1765209700.000200' }],
  });
}

describe('hold_notice', () => {
  test('the morning DM offers the notice; its collector holds it, the message shows it held, and no email is queued for it', async ({ database }) => {
    const { db } = database;
    await syncTeams(db, policy);
    const collector = await seedUser(db, 'U0COL1');
    const other = await seedUser(db, 'U0COL2');
    const held = await debtorWithNotice(db, collector.id, 'D1', true);
    const sent = await debtorWithNotice(db, collector.id, 'D2');
    await debtorWithNotice(db, other.id, 'D9');

    const outcome = await dailyListJob({ db, policy, render: jobRenderer(policy) }, DATE);
    expect(outcome.status).toBe('ran');

    // The collector's DM: after the list, the notices going out at sendTime, one per debtor and currency.
    const [message, ...more] = await noticesMessages(db, 'U0COL1');
    expect(more).toEqual([]);
    expect(message!.text).toBe(es.noticesToday.intro.replace('{time}', '10:30').replace('{count}', '3'));
    const [heldMxn, heldMxn2, heldUsd] = await noticesOf(db, held.id);
    const [sentFirst] = await noticesOf(db, sent.id);
    expect([heldMxn, heldMxn2, heldUsd].map((n) => [n!.currency, n!.state])).toEqual([
      ['MXN', 'planned'],
      ['MXN', 'planned'],
      ['USD', 'planned'],
    ]);
    const items = message!.blocks.filter((b) => b.accessory);
    expect(items.map((b) => [b.block_id, b.accessory!.action_id, b.accessory!.value])).toEqual([
      [noticeBlockId(heldMxn!.id), ACTION.holdNotice, String(heldMxn!.id)],
      [noticeBlockId(heldUsd!.id), ACTION.holdNotice, String(heldUsd!.id)],
      [noticeBlockId(sentFirst!.id), ACTION.holdNotice, String(sentFirst!.id)],
    ]);
    expect(JSON.stringify(items[0])).toContain('*Cliente D1* · $1,500.00 MXN · 7 días vencido');
    // The other collector's DM lists only their own debtor.
    const [otherMessage] = await noticesMessages(db, 'U0COL2');
    expect(otherMessage!.blocks.filter((b) => b.accessory)).toHaveLength(1);

    await withHarness(database, { policy, now: NOW }, async (harness) => {
      // Another collector may not hold it: told so, nothing changes.
      expect((await clickHold(harness, 'U0COL2', String(heldMxn!.id), message!, noticeBlockId(heldMxn!.id))).status).toBe(200);
      const forbidden = await harness.waitFor(() => harness.slack.responses[0]);
      expect(forbidden.args).toMatchObject({ response_type: 'ephemeral', replace_original: false, text: errorMessage('forbidden', 'es').text });
      expect(forbidden.args.text).toBe(es.error.forbidden);
      expect((await noticesOf(db, held.id)).map((n) => n.state)).toEqual(['planned', 'planned', 'planned']);

      // Its collector holds it: the message is replaced with that item held, the others untouched.
      expect((await clickHold(harness, 'U0COL1', String(heldMxn!.id), message!, noticeBlockId(heldMxn!.id))).status).toBe(200);
      const replaced = await harness.waitFor(() => harness.slack.responses[1]);
      expect(replaced.args).toMatchObject({ replace_original: true, text: message!.text });
      const blocks = replaced.args.blocks as Block[];
      expect(blocks).toEqual(markNoticeHeld(message!.blocks, heldMxn!.id, collector.name, 'es'));
      expect(JSON.stringify(blocks)).toContain(es.noticesToday.held.replace('{user}', collector.name));
      expect(blocks.filter((b) => b.accessory).map((b) => b.accessory!.value)).toEqual([String(heldUsd!.id), String(sentFirst!.id)]);
      expect(harness.slack.callsTo('chat.update')).toEqual([]);

      // Both MXN triggers of that debtor are held by the collector; the USD one is not.
      expect((await noticesOf(db, held.id)).map((n) => [n.currency, n.state, n.heldBy])).toEqual([
        ['MXN', 'held', collector.id],
        ['MXN', 'held', collector.id],
        ['USD', 'planned', null],
      ]);

      // The notices job: no MXN email for the held debtor; the others go.
      const queued = await queueNotices(db, policy, DATE, NOW);
      expect(queued).toMatchObject({ emails: 3 });
      expect((await emailsOf(db, held.id)).map((e) => e.currency)).toEqual(['USD']);
      expect(await emailsOf(db, sent.id)).toHaveLength(1);
      expect((await noticesOf(db, held.id)).map((n) => n.state)).toEqual(['held', 'held', 'queued']);

      // Too late: the email of D2 is already queued.
      await clickHold(harness, 'U0COL1', String(sentFirst!.id), message!, noticeBlockId(sentFirst!.id));
      const late = await harness.waitFor(() => harness.slack.responses[2]);
      expect(late.args).toMatchObject({ response_type: 'ephemeral', replace_original: false, text: noticeAlreadySentMessage('es').text });
      expect(late.args.text).toBe(es.noticesToday.alreadySent);
      expect((await noticesOf(db, sent.id)).map((n) => n.state)).toEqual(['queued', 'queued']);

      // A value that is not an id.
      await clickHold(harness, 'U0COL1', '12abc', message!);
      const unreadable = await harness.waitFor(() => harness.slack.responses[3]);
      expect(unreadable.args).toMatchObject({ response_type: 'ephemeral', text: errorMessage('unreadable', 'es').text });
      expect(unreadable.args.text).toContain('No pude leer este botón');

      // A notice that does not exist.
      await clickHold(harness, 'U0COL1', '2147483647', message!);
      const unknown = await harness.waitFor(() => harness.slack.responses[4]);
      expect(unknown.args).toMatchObject({ response_type: 'ephemeral', text: es.error.notice_not_found });

      expect(harness.slack.responses).toHaveLength(5);
    });
    // A second run of the job queues nothing more, and the held email never goes that day.
    expect(await queueNotices(db, policy, DATE, NOW)).toMatchObject({ emails: 0 });
    expect((await emailsOf(db, held.id)).map((e) => e.currency)).toEqual(['USD']);
  });
});
