import { count } from 'drizzle-orm';
import { auditLog, contactLogs } from '../../src/db/schema/index.js';
import { defaultPolicy } from '../../src/domain/policy.js';
import { deudorHelp, errorMessage } from '../../src/slack/blocks/index.js';
import { describe, expect, test } from '../support/database.js';
import { DEMO_NOW, loadExampleCompany } from '../support/demo-data.js';
import { SIGNING_SECRET, withHarness, type SlackHarness } from '../support/slack-app.js';
import { postSigned, slackSignature, slashCommandBody } from '../support/slack-requests.js';

type Answer = { response_type?: string; text?: string; blocks?: Array<Record<string, unknown>> };

async function ask(harness: SlackHarness, user: string, text: string): Promise<Answer> {
  const before = harness.slack.responses.length;
  const res = await harness.command(user, text);
  expect(res.status).toBe(200);
  const posted = await harness.waitFor(() => harness.slack.responses[before]);
  return posted.args;
}

const allText = (answer: Answer) => JSON.stringify(answer);

function buttons(answer: Answer): Array<{ action_id: string; value: string }> {
  const found: Array<{ action_id: string; value: string }> = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (o.type === 'button') found.push({ action_id: String(o.action_id), value: String(o.value) });
      Object.values(o).forEach(walk);
    }
  };
  walk(answer.blocks);
  return found;
}

describe('/deudor', () => {
  test('finds a debtor by a partial name typed in lower case without accents, and shows its card', async ({ database }) => {
    await loadExampleCompany(database);
    await withHarness(database, { now: DEMO_NOW }, async (harness) => {
      const card = await ask(harness, 'U0COB0002', 'construcciones perez');
      expect(card.response_type).toBe('ephemeral');
      expect(allText(card)).toContain('Construcciones Pérez, S.A. de C.V.');
      expect(allText(card)).toContain('<@U0COB0001>');
      expect(allText(card)).toContain('Código D-1001 · RFC CPE980512AB3');
      // The people to call, as the contacts import loaded them.
      expect(allText(card)).toContain(
        '*Roberto Pérez Lozano* · 0 · Encargado de pagos · Tel. +52 81 5550 1001 · Correo pagos@construccionesperez.example · WhatsApp +52 81 5550 1001',
      );
      expect(allText(card)).toContain('*Ing. Manuel Pérez* · 2 · Gerente · Tel. +52 81 5550 1003 · Correo gerencia@construccionesperez.example');
      expect(buttons(card).map((b) => b.action_id)).toContain('log_outcome');

      const byTaxId = await ask(harness, 'U0COB0002', 'CPE980512AB3');
      expect(allText(byTaxId)).toContain('Construcciones Pérez, S.A. de C.V.');
      expect(buttons(byTaxId)).toEqual(buttons(card));
    });
  });

  test('several matches answer with a pick list of open_debtor buttons', async ({ database }) => {
    await loadExampleCompany(database);
    await withHarness(database, { now: DEMO_NOW }, async (harness) => {
      const answer = await ask(harness, 'U0COB0001', 'constru');
      const picks = buttons(answer).filter((b) => b.action_id === 'open_debtor');
      expect(picks.length).toBe(2);
      expect(allText(answer)).toContain('Constructora Sánchez del Bajío');
    });
  });

  test('nonsense says nothing was found and suggests close names; help explains', async ({ database }) => {
    await loadExampleCompany(database);
    await withHarness(database, { now: DEMO_NOW }, async (harness) => {
      const none = await ask(harness, 'U0COB0001', 'lacteos del sur');
      expect(allText(none)).toContain('Lácteos Ángeles del Norte');
      expect(buttons(none).some((b) => b.action_id === 'open_debtor')).toBe(true);
      expect(buttons(none).some((b) => b.action_id === 'log_outcome')).toBe(false);

      const help = await ask(harness, 'U0COB0001', 'help');
      expect(allText(help)).toContain('/deudor');
      const bare = await ask(harness, 'U0COB0001', '');
      expect(bare.text).toBe(help.text);
    });
  });

  test('a Slack user who is not in the register is politely refused and nothing is stored', async ({ database }) => {
    await loadExampleCompany(database);
    await withHarness(database, { now: DEMO_NOW }, async (harness) => {
      const [before] = await database.db.select({ n: count() }).from(contactLogs);
      const answer = await ask(harness, 'U0STRANGER', 'construcciones perez');
      expect(allText(answer)).not.toContain('Construcciones Pérez');
      expect(answer.text).toBe(errorMessage('not_registered', 'es').text);
      expect(await database.db.select({ n: count() }).from(contactLogs)).toEqual([before]);
      expect(await database.db.select({ n: count() }).from(auditLog)).toEqual([{ n: 0 }]);
    });
  });

  test('answers in English when the policy says so', async ({ database }) => {
    const policy = { ...defaultPolicy, locale: 'en' as const, taxIdLabel: 'CUIT' };
    await loadExampleCompany(database, policy);
    await withHarness(database, { now: DEMO_NOW, policy }, async (harness) => {
      const help = await ask(harness, 'U0COB0001', 'help');
      expect(help.text).toBe(deudorHelp({ locale: 'en', taxIdLabel: 'CUIT' }).text);
      expect(help.text).not.toBe(deudorHelp({ locale: 'es', taxIdLabel: 'CUIT' }).text);
      expect(allText(help)).toContain('by tax ID (CUIT)');
      expect(allText(help)).not.toContain('RFC');
      const card = await ask(harness, 'U0COB0001', 'ferreteria aguila');
      expect(allText(card)).toContain('Ferretería El Águila');
      expect(allText(card)).toMatch(/overdue/i);
      expect(allText(card)).toContain('Code D-1002 · CUIT FAG010203XY1');
      expect(allText(card)).toContain("Debtor's contacts");
    });
  });

  test('requests with a bad or old signature are refused by the receiver', async ({ database }) => {
    await withHarness(database, { now: DEMO_NOW }, async (harness) => {
      const body = slashCommandBody({ command: '/deudor', text: 'x', user_id: 'U0COB0001', response_url: harness.responseUrl() });
      const forged = await postSigned(harness.eventsUrl, SIGNING_SECRET, body, 'application/x-www-form-urlencoded', {
        signature: slackSignature('another-secret', Math.floor(Date.now() / 1000), body),
      });
      expect(forged.status).toBe(401);
      const old = await postSigned(harness.eventsUrl, SIGNING_SECRET, body, 'application/x-www-form-urlencoded', {
        timestamp: Math.floor(Date.now() / 1000) - 600,
      });
      expect(old.status).toBe(401);
      expect(harness.slack.responses).toEqual([]);
    });
  });

  test('/healthz answers 200 while the database answers', async ({ database }) => {
    await withHarness(database, {}, async (harness) => {
      const res = await fetch(`http://127.0.0.1:${harness.port}/healthz`);
      expect(res.status).toBe(200);
    });
  });
});
