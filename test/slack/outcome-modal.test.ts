import { count, eq } from 'drizzle-orm';
import { auditLog, barriers, contactLogs, debtors, outbox, pressures, promises } from '../../src/db/schema/index.js';
import { defaultPolicy } from '../../src/domain/policy.js';
import { describe, expect, test } from '../support/database.js';
import { DEMO_NOW, debtorId, loadExampleCompany } from '../support/demo-data.js';
import { openView, selectInView, viewSubmission } from '../support/outcome-view.js';
import { withHarness } from '../support/slack-app.js';
import { seedUser } from '../support/seed.js';

type Block = { type: string; block_id?: string };
type ViewArg = { callback_id?: string; blocks: Block[]; private_metadata?: string };

const blockIds = (view: ViewArg) => view.blocks.map((b) => b.block_id).filter(Boolean);

const COMMON = { channel: 'phone', contact: 'none', note: 'Llamada al área de pagos' };

describe('the outcome modal', () => {
  test('log_outcome opens the modal at once and fills it with the form for that debtor', async ({ database }) => {
    await loadExampleCompany(database);
    const id = await debtorId(database, 'D-1001');
    await withHarness(database, { now: DEMO_NOW }, async (harness) => {
      const res = await harness.clickButton('U0COB0001', 'log_outcome', String(id), { channel: 'D0COB1', ts: '1.1' });
      expect(res.status).toBe(200);
      const update = await harness.waitFor(() => harness.slack.callsTo('views.update')[0]);
      const opened = harness.slack.callsTo('views.open')[0]!;
      expect(opened.args.trigger_id).toBeTruthy();
      const view = update.args.view as ViewArg;
      expect(view.callback_id).toBe('log_outcome');
      expect(JSON.parse(view.private_metadata!)).toEqual({ debtorId: id });
      expect(blockIds(view)).toEqual(expect.arrayContaining(['outcome_type', 'channel', 'contact', 'note', 'next_contact']));
      expect(JSON.stringify(view)).toContain('Roberto Pérez Lozano');
    });
  });

  test.for([
    ['reminder', []],
    ['commitment', ['promise_amount', 'promise_date', 'instalments']],
    ['barrier', ['barrier_kind', 'barrier_owner', 'barrier_due']],
    ['pressure', ['consequence', 'deadline']],
    ['terms_change', ['new_terms']],
  ] as const)('choosing %s shows its fields and keeps what was typed', async ([type, fields], { database }) => {
    await loadExampleCompany(database);
    const id = await debtorId(database, 'D-1001');
    await withHarness(database, { now: DEMO_NOW }, async (harness) => {
      const view = openView(id, { ...COMMON, outcome_type: type });
      await harness.interactive(selectInView('U0COB0001', view, 'outcome_type', type));
      const update = await harness.waitFor(() => harness.slack.callsTo('views.update')[0]);
      expect(update.args.view_id).toBe(view.id);
      const redrawn = update.args.view as ViewArg;
      expect(blockIds(redrawn)).toEqual(expect.arrayContaining(['outcome_type', ...fields]));
      expect(JSON.stringify(redrawn)).toContain('Llamada al área de pagos');
    });
  });

  test('a bad amount and a past date are answered with errors on those blocks, and nothing is stored', async ({ database }) => {
    await loadExampleCompany(database);
    const id = await debtorId(database, 'D-1001');
    const [before] = await database.db.select({ n: count() }).from(contactLogs);
    await withHarness(database, { now: DEMO_NOW }, async (harness) => {
      const view = openView(id, { ...COMMON, outcome_type: 'commitment', promise_amount: '12,5O0', promise_date: '2026-11-02', instalments: '1' });
      const res = await harness.interactive(viewSubmission('U0COB0001', view));
      const body = res.json() as { response_action: string; errors: Record<string, string> };
      expect(body.response_action).toBe('errors');
      expect(Object.keys(body.errors).sort()).toEqual(['promise_amount', 'promise_date']);
      expect(await database.db.select({ n: count() }).from(contactLogs)).toEqual([before]);
    });
  });

  test('a valid commitment is stored with a plan of instalments that add up, and the same submission twice stores one contact', async ({ database }) => {
    await loadExampleCompany(database);
    const id = await debtorId(database, 'D-1002');
    await withHarness(database, { now: DEMO_NOW }, async (harness) => {
      const view = openView(id, { ...COMMON, outcome_type: 'commitment', promise_amount: '1000.00', promise_date: '2026-11-30', instalments: '3' });
      const first = await harness.interactive(viewSubmission('U0COB0001', view));
      expect((first.json() as { response_action: string }).response_action).toBe('update');
      const again = await harness.interactive(viewSubmission('U0COB0001', view));
      expect((again.json() as { response_action: string }).response_action).toBe('update');

      const logs = await database.db.select().from(contactLogs).where(eq(contactLogs.debtorId, id));
      expect(logs).toHaveLength(1);
      const plan = await database.db.select().from(promises).where(eq(promises.debtorId, id)).orderBy(promises.instalmentNo);
      expect(plan.map((p) => [p.promisedOn, p.amount, p.instalmentNo, p.instalmentCount])).toEqual([
        ['2026-11-30', 33333, 1, 3],
        ['2026-12-30', 33333, 2, 3],
        ['2027-01-30', 33334, 3, 3],
      ]);
      const audits = await database.db.select().from(auditLog);
      expect(audits.map((a) => [a.action, a.slackUserId])).toEqual([['log_outcome', 'U0COB0001']]);

      // The card shows the new promise.
      const before = harness.slack.responses.length;
      await harness.command('U0COB0001', 'ferreteria el aguila');
      const card = await harness.waitFor(() => harness.slack.responses[before]);
      expect(JSON.stringify(card.args)).toContain('pago 1 de 3');
    });
  });

  test('a barrier gets its owner, and the owner a direct message through the outbox', async ({ database }) => {
    await loadExampleCompany(database);
    const id = await debtorId(database, 'D-1002');
    await withHarness(database, { now: DEMO_NOW }, async (harness) => {
      const view = openView(id, {
        ...COMMON,
        outcome_type: 'barrier',
        barrier_kind: 'invoice_error',
        barrier_description: 'La factura A-50004 tiene mal el RFC',
        barrier_owner: 'U0ADM0001',
        barrier_due: '2026-11-25',
      });
      const res = await harness.interactive(viewSubmission('U0COB0001', view));
      expect((res.json() as { response_action: string }).response_action).toBe('update');
      const [barrier] = await database.db.select().from(barriers).where(eq(barriers.debtorId, id));
      expect(barrier).toMatchObject({ kind: 'invoice_error', dueOn: '2026-11-25', state: 'open' });
      const dm = await harness.waitFor(() => harness.slack.callsTo('chat.postMessage').find((c) => c.args.channel === 'U0ADM0001'));
      expect(JSON.stringify(dm.args)).toContain('Ferretería El Águila');
      await harness.waitFor(async () => (await database.db.select().from(outbox))[0]?.state === 'sent');
    });
  });

  test('pressure and terms changes create their follow-ups', async ({ database }) => {
    await loadExampleCompany(database);
    const id = await debtorId(database, 'D-1006');
    await withHarness(database, { now: DEMO_NOW }, async (harness) => {
      await harness.interactive(
        viewSubmission('U0COB0002', openView(id, { ...COMMON, outcome_type: 'pressure', consequence: 'legal', deadline: '2026-11-27' }, 'VP1')),
      );
      await harness.interactive(
        viewSubmission('U0COB0002', openView(id, { ...COMMON, outcome_type: 'terms_change', new_terms: 'credit_hold', terms_details: 'Sin surtido hasta pagar' }, 'VP2')),
      );
      // The terms change applies the consequence announced before it.
      expect(
        await database.db
          .select({ consequence: pressures.consequence, deadline: pressures.deadline, state: pressures.state })
          .from(pressures)
          .where(eq(pressures.debtorId, id)),
      ).toEqual([{ consequence: 'legal', deadline: '2026-11-27', state: 'applied' }]);
      const [debtor] = await database.db.select().from(debtors).where(eq(debtors.id, id));
      // The hold is the team's decision; the ERP's own status stays as imported.
      expect(debtor).toMatchObject({ teamCreditStatus: 'hold', creditStatus: 'active', creditDecisionReason: 'Sin surtido hasta pagar' });
    });
  });

  test("a collector cannot log for another team's debtor", async ({ database }) => {
    const policy = { ...defaultPolicy, teams: [{ name: 'norte' }, { name: 'sur' }] };
    await loadExampleCompany(database, policy);
    await seedUser(database.db, 'U0SUR0001', 'collector', 'sur');
    const id = await debtorId(database, 'D-1001');
    await withHarness(database, { now: DEMO_NOW, policy }, async (harness) => {
      await harness.clickButton('U0SUR0001', 'log_outcome', String(id), { channel: 'C0X', ts: '1.1' });
      const update = await harness.waitFor(() => harness.slack.callsTo('views.update')[0]);
      expect(JSON.stringify(update.args.view)).not.toContain('outcome_type');
      const res = await harness.interactive(viewSubmission('U0SUR0001', openView(id, { ...COMMON, outcome_type: 'reminder' })));
      expect((res.json() as { response_action: string }).response_action).toBe('errors');
      expect(await database.db.select({ n: count() }).from(contactLogs).where(eq(contactLogs.debtorId, id))).toEqual([{ n: 2 }]);
    });
  });
});
