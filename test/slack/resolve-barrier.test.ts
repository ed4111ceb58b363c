import { and, count, eq } from 'drizzle-orm';
import type { Database } from '../../src/db/database.js';
import { alarms, auditLog, barriers, invoices, users } from '../../src/db/schema/index.js';
import { defaultPolicy, type Policy } from '../../src/domain/policy.js';
import { alarmsJob } from '../../src/jobs/alarms.js';
import { barrierOverdueAlarms } from '../../src/services/alarm-candidates.js';
import { findBarrierAlarm } from '../../src/services/alarms.js';
import { debtorSummary } from '../../src/services/debtor-summary.js';
import { alreadyResolvedMessage, errorMessage } from '../../src/slack/blocks/index.js';
import { jobRenderer } from '../../src/slack/job-renderer.js';
import { ACTION, BLOCK } from '../../src/slack/ids.js';
import { describe, expect, test } from '../support/database.js';
import { DEMO_DAY, DEMO_NOW, debtorId, loadExampleCompany } from '../support/demo-data.js';
import { openView, viewSubmission } from '../support/outcome-view.js';
import { withHarness, type SlackHarness } from '../support/slack-app.js';

// Barrier cases closed with `resolve_barrier` from each place the button appears, once,
// by those allowed; and by the alarms job once nothing is overdue.

// No alarm channel: the example company raises a dozen alarms the next day, and posting
// them one a second would only slow these tests (the alarm is rendered as the deliverer would).
const policy: Policy = defaultPolicy;
const NEXT_DAY = '2026-11-24';
const NEXT_NOW = new Date('2026-11-24T15:00:00Z');

type Element = { action_id?: string; value?: string };
type Block = { type: string; block_id?: string; accessory?: Element; elements?: Element[] };
type Clicked = { value: string; blockId: string | undefined };
type Where = { channel: string; ts: string; ephemeral?: boolean } | 'home' | 'modal';

async function company(database: Database) {
  await loadExampleCompany(database, policy);
}

/** The example company's barrier: Abarrotes Doña Lupita's missing document, owned by the admin, due on DEMO_DAY. */
async function lupitaBarrier(database: Database) {
  const [barrier] = await database.db.select().from(barriers).where(eq(barriers.debtorId, await debtorId(database, 'D-1004')));
  return barrier!;
}

/** The `resolve_barrier` buttons of a message or view, with the block each sits in. */
function resolveButtons(blocks: unknown): Clicked[] {
  return (blocks as Block[]).flatMap((b) =>
    [...(b.accessory ? [b.accessory] : []), ...(b.elements ?? [])]
      .filter((e) => e.action_id === ACTION.resolveBarrier)
      .map((e) => ({ value: e.value!, blockId: b.block_id })),
  );
}

/** A click on the button, shaped as Slack sends it from a message (ephemeral or not) or from App Home. */
function click(harness: SlackHarness, userId: string, button: Clicked, where: Where) {
  const action = { type: 'button', action_id: ACTION.resolveBarrier, block_id: button.blockId ?? 'Xk3', value: button.value, action_ts: '1.0' };
  const user = { id: userId, username: userId.toLowerCase(), name: userId.toLowerCase(), team_id: 'T0STANDIN' };
  const common = {
    type: 'block_actions',
    user,
    api_app_id: 'A0COBRANZA',
    token: 'verification-token',
    trigger_id: `${Date.now()}.1.trigger`,
    team: { id: 'T0STANDIN', domain: 'cobranza' },
    actions: [action],
  };
  if (where === 'home' || where === 'modal') {
    const view = { id: `V${where.toUpperCase()}1`, type: where, blocks: [], hash: 'h' };
    return harness.interactive({ ...common, container: { type: 'view', view_id: view.id }, view });
  }
  return harness.interactive({
    ...common,
    container: { type: 'message', message_ts: where.ts, channel_id: where.channel, is_ephemeral: where.ephemeral ?? false },
    channel: { id: where.channel, name: 'cobranza' },
    response_url: harness.responseUrl(),
  });
}

async function resolutions(database: Database, barrierId: number): Promise<number> {
  const [row] = await database.db
    .select({ n: count() })
    .from(auditLog)
    .where(and(eq(auditLog.action, 'resolve_barrier'), eq(auditLog.entityId, String(barrierId))));
  return row!.n;
}

async function userId(database: Database, slackUserId: string): Promise<number> {
  const [user] = await database.db.select().from(users).where(eq(users.slackUserId, slackUserId));
  return user!.id;
}

describe('resolve_barrier', () => {
  test("a barrier logged in the modal is resolved once from its owner's DM, which then says who and when", async ({ database }) => {
    await company(database);
    const id = await debtorId(database, 'D-1001');
    await withHarness(database, { policy, now: DEMO_NOW }, async (harness) => {
      const view = openView(id, {
        outcome_type: 'barrier',
        channel: 'phone',
        contact: 'none',
        note: 'La factura salió con el RFC equivocado',
        barrier_kind: 'invoice_error',
        barrier_description: 'Refacturar A-50001',
        barrier_owner: 'U0COB0003',
        barrier_due: '2026-11-27',
      });
      await harness.interactive(viewSubmission('U0COB0001', view));
      const dm = await harness.waitFor(() => harness.slack.callsTo('chat.postMessage').find((c) => c.args.channel === 'U0COB0003'));
      const [barrier] = await database.db.select().from(barriers).where(eq(barriers.debtorId, id));
      const [button] = resolveButtons(dm.args.blocks);
      expect(button).toEqual({ value: String(barrier!.id), blockId: BLOCK.barrierAssigned });
      expect((await debtorSummary(database.db, policy, id, DEMO_DAY))!.suggestion.objective).toBe('barrier');

      const where = { channel: 'D0COB3', ts: '1700000000.000100' };
      expect((await click(harness, 'U0COB0003', button!, where)).status).toBe(200);
      const update = await harness.waitFor(() => harness.slack.callsTo('chat.update')[0]);
      expect(update.args).toMatchObject({ channel: 'D0COB3', ts: '1700000000.000100' });
      expect(JSON.stringify(update.args.blocks)).toContain('Resuelta por <@U0COB0003> el 23 nov 2026 09:00');
      expect(JSON.stringify(update.args.blocks)).toContain('Refacturar A-50001');
      expect(resolveButtons(update.args.blocks)).toEqual([]);

      const [stored] = await database.db.select().from(barriers).where(eq(barriers.id, barrier!.id));
      expect(stored).toMatchObject({ state: 'resolved', resolvedAt: DEMO_NOW, resolvedBy: await userId(database, 'U0COB0003') });
      expect(await resolutions(database, barrier!.id)).toBe(1);
      // Resolved, it no longer drives the next action nor raises an alarm once its date passes.
      expect((await debtorSummary(database.db, policy, id, DEMO_DAY))!.suggestion.objective).not.toBe('barrier');
      expect((await barrierOverdueAlarms(database.db, '2026-11-30')).filter((c) => c.debtorId === id)).toEqual([]);

      // The collector clicks the same button later: nothing changes, and they are told who did it.
      const before = harness.slack.responses.length;
      await click(harness, 'U0COB0001', button!, where);
      const answer = await harness.waitFor(() => harness.slack.responses[before]);
      const already = alreadyResolvedMessage({ bySlackId: 'U0COB0003', at: DEMO_NOW }, policy.timeZone, 'es');
      expect(answer.args).toMatchObject({ response_type: 'ephemeral', text: already.text });
      expect(already.text).toContain('<@U0COB0003> ya resolvió esta barrera el 23 nov 2026 09:00');
      const [still] = await database.db.select().from(barriers).where(eq(barriers.id, barrier!.id));
      expect(still).toEqual(stored);
      expect(await resolutions(database, barrier!.id)).toBe(1);
    });
  });

  test('from the debtor card, the ephemeral card is replaced by one that shows it resolved', async ({ database }) => {
    await company(database);
    const barrier = await lupitaBarrier(database);
    await withHarness(database, { policy, now: DEMO_NOW }, async (harness) => {
      await harness.command('U0COB0001', 'D-1004');
      const card = await harness.waitFor(() => harness.slack.responses[0]);
      const [button] = resolveButtons(card.args.blocks);
      expect(button!.value).toBe(String(barrier.id));

      await click(harness, 'U0COB0001', button!, { channel: 'C0GENERAL', ts: '1700000000.000300', ephemeral: true });
      const replaced = await harness.waitFor(() => harness.slack.responses[1]);
      expect(replaced.args.replace_original).toBe(true);
      const text = JSON.stringify(replaced.args.blocks);
      expect(text).toContain('Barreras resueltas recientemente');
      expect(text).toContain('Falta un documento · Resuelta por <@U0COB0001> el 23 nov 2026 09:00');
      expect(resolveButtons(replaced.args.blocks)).toEqual([]);
      expect(harness.slack.callsTo('chat.update')).toEqual([]);
      expect(await resolutions(database, barrier.id)).toBe(1);
    });
  });

  test('from the card App Home opens in a modal, the modal is updated, and a second click is answered on top of it', async ({ database }) => {
    await company(database);
    const barrier = await lupitaBarrier(database);
    await withHarness(database, { policy, now: DEMO_NOW }, async (harness) => {
      const button = { value: String(barrier.id), blockId: undefined };
      await click(harness, 'U0GER0001', button, 'modal');
      const update = await harness.waitFor(() => harness.slack.callsTo('views.update')[0]);
      expect(update.args.view_id).toBe('VMODAL1');
      const view = update.args.view as { type: string; blocks: unknown };
      expect(view.type).toBe('modal');
      expect(JSON.stringify(view.blocks)).toContain('Falta un documento · Resuelta por <@U0GER0001> el 23 nov 2026 09:00');
      expect(resolveButtons(view.blocks)).toEqual([]);

      await click(harness, 'U0GER0001', button, 'modal');
      const pushed = await harness.waitFor(() => harness.slack.callsTo('views.push')[0]);
      expect(JSON.stringify(pushed.args.view)).toContain('<@U0GER0001> ya resolvió esta barrera');
      expect(await resolutions(database, barrier.id)).toBe(1);
    });
  });

  test("from the barrier's overdue alarm, the alarm message shows it resolved and keeps its acknowledgement button", async ({ database }) => {
    await company(database);
    const barrier = await lupitaBarrier(database);
    const outcome = await alarmsJob({ db: database.db, policy, render: jobRenderer(policy), now: NEXT_NOW }, NEXT_DAY);
    expect(outcome.status).toBe('ran');
    // The message as the outbox deliverer renders it when it posts the alarm.
    const alarm = await findBarrierAlarm(database.db, barrier);
    const posted = jobRenderer(policy).alarm(alarm!) as { blocks: unknown };
    const [button] = resolveButtons(posted.blocks);
    expect(button).toEqual({ value: String(barrier.id), blockId: BLOCK.alarmActions });
    await withHarness(database, { policy, now: NEXT_NOW }, async (harness) => {

      await click(harness, 'U0JEF0001', button!, { channel: 'C0ALARMS', ts: '1700000000.000500' });
      const update = await harness.waitFor(() => harness.slack.callsTo('chat.update')[0]);
      expect(update.args).toMatchObject({ channel: 'C0ALARMS', ts: '1700000000.000500' });
      const text = JSON.stringify(update.args.blocks);
      expect(text).toContain('Barrera vencida');
      expect(text).toContain('Resuelta por <@U0JEF0001> el 24 nov 2026 09:00');
      expect(text).toContain(`"action_id":"${ACTION.ackAlarm}"`);
      expect(resolveButtons(update.args.blocks)).toEqual([]);
      expect(await resolutions(database, barrier.id)).toBe(1);

      // Acknowledged afterwards, the alarm keeps saying the barrier is resolved.
      await harness.clickButton('U0JEF0001', ACTION.ackAlarm, String(alarm!.id), { channel: 'C0ALARMS', ts: '1700000000.000500' });
      const acknowledged = await harness.waitFor(() => harness.slack.callsTo('chat.update')[1]);
      expect(JSON.stringify(acknowledged.args.blocks)).toContain('Resuelta por <@U0JEF0001> el 24 nov 2026 09:00');
      expect(JSON.stringify(acknowledged.args.blocks)).toContain('Atendida por <@U0JEF0001>');
      expect(resolveButtons(acknowledged.args.blocks)).toEqual([]);
    });
  });

  test('from App Home, the tab is published again with the barrier among those resolved, and a second click is answered in a modal', async ({ database }) => {
    await company(database);
    const barrier = await lupitaBarrier(database);
    await withHarness(database, { policy, now: DEMO_NOW }, async (harness) => {
      await harness.event({ type: 'app_home_opened', user: 'U0COB0001', channel: 'D0COB1', tab: 'home', event_ts: '1.1' });
      const home = await harness.waitFor(() => harness.slack.callsTo('views.publish')[0]);
      const [button] = resolveButtons((home.args.view as { blocks: unknown }).blocks);
      expect(button!.value).toBe(String(barrier.id));

      await click(harness, 'U0COB0001', button!, 'home');
      const republished = await harness.waitFor(() => harness.slack.callsTo('views.publish')[1]);
      expect(republished.args.user_id).toBe('U0COB0001');
      const view = republished.args.view as { blocks: unknown };
      expect(JSON.stringify(view.blocks)).toContain('Resuelta por <@U0COB0001> el 23 nov 2026 09:00');
      expect(resolveButtons(view.blocks)).toEqual([]);

      await click(harness, 'U0COB0001', button!, 'home');
      const modal = await harness.waitFor(() => harness.slack.callsTo('views.open')[0]);
      expect(JSON.stringify(modal.args.view)).toContain('ya resolvió esta barrera');
      expect(await resolutions(database, barrier.id)).toBe(1);
    });
  });

  test('someone who may not resolve it, an unknown barrier, a value that is not an id and a stranger are each told why, and nothing is stored', async ({ database }) => {
    await company(database);
    const barrier = await lupitaBarrier(database);
    await withHarness(database, { policy, now: DEMO_NOW }, async (harness) => {
      const cases: Array<[string, string, string]> = [
        // Another collector: not the owner (the admin) nor D-1004's collector.
        ['U0COB0002', String(barrier.id), errorMessage('forbidden', 'es').text],
        ['U0COB0001', '2147483647', errorMessage('barrier_not_found', 'es').text],
        ['U0COB0001', '12abc', errorMessage('unreadable', 'es').text],
        ['U0STRANGER', String(barrier.id), errorMessage('not_registered', 'es').text],
      ];
      for (const [i, [user, value, told]] of cases.entries()) {
        const res = await click(harness, user, { value, blockId: BLOCK.barrierAssigned }, { channel: 'D0X', ts: '1700000000.000700' });
        expect(res.status).toBe(200);
        const answer = await harness.waitFor(() => harness.slack.responses[i]);
        expect(answer.args).toMatchObject({ response_type: 'ephemeral', text: told });
      }
      expect(harness.slack.callsTo('chat.update')).toEqual([]);
      expect(await lupitaBarrier(database)).toEqual(barrier);
      const [audits] = await database.db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, 'resolve_barrier'));
      expect(audits!.n).toBe(0);
    });
  });

  test('the alarms job resolves the barriers of a debtor who paid everything, before they can raise an alarm; the card says so', async ({ database }) => {
    await company(database);
    const paid = await lupitaBarrier(database);
    const [owner] = await database.db.select().from(users).where(eq(users.slackUserId, 'U0COB0001'));
    const ferreteria = await debtorId(database, 'D-1002');
    // Ferretería El Águila still owes an invoice due 2026-11-20: its barrier stays open and is overdue.
    const [owed] = await database.db.insert(barriers).values({ debtorId: ferreteria, kind: 'dispute', ownerId: owner!.id, dueOn: '2026-11-20' }).returning();
    await database.db.update(invoices).set({ openAmount: 0 }).where(eq(invoices.debtorId, paid.debtorId));

    const outcome = await alarmsJob({ db: database.db, policy, render: jobRenderer(policy), now: NEXT_NOW }, NEXT_DAY);
    expect(outcome).toMatchObject({ status: 'ran', summary: { barriersResolved: 1 } });
    expect(await lupitaBarrier(database)).toMatchObject({ state: 'resolved', resolvedAt: NEXT_NOW, resolvedBy: null });
    const [stillOpen] = await database.db.select().from(barriers).where(eq(barriers.id, owed!.id));
    expect(stillOpen!.state).toBe('open');
    const raised = await database.db.select({ key: alarms.uniqueKey }).from(alarms).where(eq(alarms.kind, 'barrier_overdue'));
    expect(raised.map((r) => r.key)).toEqual([`barrier_overdue:${ferreteria}:${owed!.id}:2026-11-20`]);

    await withHarness(database, { policy, now: NEXT_NOW }, async (harness) => {
      await harness.command('U0COB0001', 'D-1004');
      const card = await harness.waitFor(() => harness.slack.responses[0]);
      expect(JSON.stringify(card.args.blocks)).toContain('Falta un documento · Resuelta automáticamente el 24 nov 2026 09:00, sin nada vencido');
      expect(resolveButtons(card.args.blocks)).toEqual([]);
    });
  });
});
