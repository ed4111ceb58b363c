import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { asc, eq } from 'drizzle-orm';
import type { Database } from '../../src/db/database.js';
import { debtors, termsChanges, users } from '../../src/db/schema/index.js';
import { todayIn } from '../../src/domain/calendar.js';
import { defaultPolicy, type Policy } from '../../src/domain/policy.js';
import { runJob } from '../../src/jobs/run-job.js';
import { creditDecisionRows } from '../../src/services/credit-decisions.js';
import { debtorSummary } from '../../src/services/debtor-summary.js';
import { importStream } from '../../src/services/import/index.js';
import { recordOutcome } from '../../src/services/outcomes.js';
import { syncTeams } from '../../src/services/teams.js';
import { formatDayIn } from '../../src/slack/blocks/text.js';
import { jobRenderer } from '../../src/slack/job-renderer.js';
import { describe, expect, test } from '../support/database.js';
import { DEMO_DAY, DEMO_NOW, EXAMPLES, debtorId, loadExampleCompany } from '../support/demo-data.js';
import { openView, viewSubmission } from '../support/outcome-view.js';
import { withHarness } from '../support/slack-app.js';

const COMMON = { channel: 'phone', contact: 'none', note: 'Llamada a tesorería' };
const tz = defaultPolicy.timeZone;

/** The example company's debtors.csv again, every credit_status replaced by `status` ('' = the ERP says nothing). */
function reimportDebtors(database: Database, policy: Policy, status: '' | 'active') {
  const lines = readFileSync(join(EXAMPLES, 'debtors.csv'), 'utf8').trimEnd().split('\n');
  const text = [lines[0], ...lines.slice(1).map((line) => line.replace(/,(active|hold|revoked)$/, `,${status}`))].join('\n');
  return importStream(database, policy, 'debtors', [`${text}\n`], 'debtors.csv');
}

async function creditOf(database: Database, id: number) {
  const [row] = await database.db
    .select({
      erp: debtors.creditStatus,
      team: debtors.teamCreditStatus,
      decidedAt: debtors.creditDecidedAt,
      decidedBy: debtors.creditDecidedBy,
      reason: debtors.creditDecisionReason,
    })
    .from(debtors)
    .where(eq(debtors.id, id));
  return row!;
}

async function termsOf(database: Database, id: number) {
  return database.db
    .select({ kind: termsChanges.kind, previous: termsChanges.previousCreditStatus, next: termsChanges.newCreditStatus, details: termsChanges.details })
    .from(termsChanges)
    .where(eq(termsChanges.debtorId, id))
    .orderBy(asc(termsChanges.id));
}

describe("the team's credit decisions", () => {
  test('a hold logged in Slack survives re-imports, shows on the card with its author, is exported, and credit_restored lifts it', async ({ database }) => {
    await loadExampleCompany(database);
    const id = await debtorId(database, 'D-1006');
    const [jorge] = await database.db.select().from(users).where(eq(users.slackUserId, 'U0COB0002'));
    await withHarness(database, { now: DEMO_NOW }, async (harness) => {
      const hold = openView(id, { ...COMMON, outcome_type: 'terms_change', new_terms: 'credit_hold', terms_details: 'Sin surtido hasta pagar' }, 'VHOLD');
      expect((await harness.interactive(viewSubmission('U0COB0002', hold))).json()).toMatchObject({ response_action: 'update' });

      const decided = await creditOf(database, id);
      expect(decided).toMatchObject({ erp: 'active', team: 'hold', decidedBy: jorge!.id, reason: 'Sin surtido hasta pagar' });
      expect(await termsOf(database, id)).toEqual([{ kind: 'credit_hold', previous: 'active', next: 'hold', details: 'Sin surtido hasta pagar' }]);

      // The ERP's nightly export says `active`, then nothing at all: neither loosens the team's hold.
      await reimportDebtors(database, defaultPolicy, 'active');
      await reimportDebtors(database, defaultPolicy, '');
      expect(await creditOf(database, id)).toEqual(decided);
      const summary = await debtorSummary(database.db, defaultPolicy, id, DEMO_DAY);
      expect(summary!.debtor.creditStatus).toBe('hold');

      const before = harness.slack.responses.length;
      await harness.command('U0COB0002', 'hospital san jose');
      const card = JSON.stringify((await harness.waitFor(() => harness.slack.responses[before])).args);
      expect(card).toContain('Crédito suspendido');
      expect(card).toContain(`Suspendido por <@U0COB0002> el ${formatDayIn(decided.decidedAt!, tz, 'es')}`);
      expect(card).toContain('En el ERP: Crédito activo');

      expect(await creditDecisionRows(database.db, tz)).toEqual([
        {
          externalId: 'D-1006',
          name: 'Hospital San José de Monterrey, A.C.',
          creditStatus: 'hold',
          decidedOn: todayIn(tz, decided.decidedAt!),
          decidedBy: 'Jorge Hernández',
          reason: 'Sin surtido hasta pagar',
        },
      ]);

      // Restored with nothing typed: the team's decision becomes `active` (so the ERP unblocks), the ERP's status applies.
      const restore = openView(id, { ...COMMON, outcome_type: 'terms_change', new_terms: 'credit_restored' }, 'VRESTORE');
      expect((await harness.interactive(viewSubmission('U0COB0002', restore))).json()).toMatchObject({ response_action: 'update' });
      expect(await creditOf(database, id)).toMatchObject({ erp: 'active', team: 'active', decidedBy: jorge!.id, reason: 'credit_restored' });
      expect((await termsOf(database, id)).at(-1)).toEqual({ kind: 'credit_restored', previous: 'hold', next: 'active', details: '' });
      expect((await debtorSummary(database.db, defaultPolicy, id, DEMO_DAY))!.debtor.creditStatus).toBe('active');
      expect((await creditDecisionRows(database.db, tz)).map((r) => [r.externalId, r.creditStatus, r.decidedBy])).toEqual([
        ['D-1006', 'active', 'Jorge Hernández'],
      ]);
    });
  });

  test("the revocation at level 4 is the team's decision, keeps a person's earlier one, and survives a re-import", async ({ database }) => {
    // Thresholds low enough that the example company's oldest debts reach level 4 on the demo day.
    const policy: Policy = {
      ...defaultPolicy,
      teams: [{ name: 'default', alarmChannel: 'C0ALARMS' }],
      escalation: { ...defaultPolicy.escalation, daysOverdue: [10, 20, 30, 60] },
    };
    await loadExampleCompany(database, policy);
    await syncTeams(database.db, policy);
    const [manager] = await database.db.select().from(users).where(eq(users.slackUserId, 'U0GER0001'));
    const [plain, erpHold, byPerson] = await Promise.all(['D-1001', 'D-1011', 'D-1006'].map((x) => debtorId(database, x)));
    const stored = await recordOutcome(database.db, {
      actor: manager!,
      debtorId: byPerson!,
      outcome: { type: 'terms_change', channel: 'meeting', reached: true, contactId: null, note: '', nextContactOn: null, newTerms: 'credit_revoked', details: 'Pasa a jurídico', plan: null, newDueDate: null },
      idempotencyKey: 'credit-test:revoke',
    });
    expect(stored.status).toBe('stored');
    const personDecision = await creditOf(database, byPerson!);

    const result = await runJob({ db: database.db, policy, render: jobRenderer(policy), now: DEMO_NOW }, 'alarms', DEMO_DAY);
    expect(result.status).toBe('ran');
    expect(await creditOf(database, plain!)).toEqual({ erp: 'active', team: 'revoked', decidedAt: DEMO_NOW, decidedBy: null, reason: 'escalation level 4' });
    expect(await creditOf(database, erpHold!)).toMatchObject({ erp: 'hold', team: 'revoked', decidedBy: null });
    expect(await termsOf(database, plain!)).toEqual([{ kind: 'credit_revoked', previous: 'active', next: 'revoked', details: 'escalation level 4' }]);
    expect(await termsOf(database, erpHold!)).toEqual([{ kind: 'credit_revoked', previous: 'hold', next: 'revoked', details: 'escalation level 4' }]);
    // Already revoked by the manager: the ladder leaves that decision, and its author, alone.
    expect(await creditOf(database, byPerson!)).toEqual(personDecision);
    expect(await termsOf(database, byPerson!)).toHaveLength(1);

    await reimportDebtors(database, policy, '');
    expect(await creditOf(database, plain!)).toMatchObject({ erp: 'active', team: 'revoked' });
    expect(await creditOf(database, erpHold!)).toMatchObject({ erp: 'active', team: 'revoked' });
    const card = await debtorSummary(database.db, policy, erpHold!, DEMO_DAY);
    expect(card!.debtor.creditStatus).toBe('revoked');
    expect(card!.credit).toEqual({ erp: 'active', decision: { status: 'revoked', decidedAt: DEMO_NOW, decidedBy: null } });

    const exported = await creditDecisionRows(database.db, policy.timeZone);
    expect(exported.find((r) => r.externalId === 'D-1001')).toEqual({
      externalId: 'D-1001',
      name: 'Construcciones Pérez, S.A. de C.V.',
      creditStatus: 'revoked',
      decidedOn: DEMO_DAY,
      decidedBy: '',
      reason: 'escalation level 4',
    });
    expect(exported.find((r) => r.externalId === 'D-1006')).toMatchObject({ creditStatus: 'revoked', decidedBy: 'Patricia Núñez', reason: 'Pasa a jurídico' });
  });
});
