// The local Slack's page in a real browser, against the real bot on the example company:
// a person plays each member of the demo team, as `cobranza demo` lets them.

import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inArray } from 'drizzle-orm';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { parseEnv } from '../../src/config/env.js';
import { createLogger } from '../../src/config/logger.js';
import { parsePolicy } from '../../src/config/policy-file.js';
import type { Database } from '../../src/db/database.js';
import { outbox } from '../../src/db/schema/index.js';
import type { Policy } from '../../src/domain/policy.js';
import { startLocalSlack, type LocalSlack } from '../../src/local-slack/run.js';
import { loadDemo } from '../../src/services/demo.js';
import { describe, expect, test } from '../support/database.js';
import { DEMO_DAY, EXAMPLES } from '../support/demo-data.js';

// CI runs on two busy cores, and the outbox posts about one message a second per channel.
const TEST_TIMEOUT = 120_000;
const WAIT = { timeout: 30_000 };
const SLOW_WAIT = { timeout: 60_000 };

const LAURA = 'U0COB0001';
const RICARDO = 'U0JEF0001';
const ELENA = 'U0ADM0001';
const ALARM_CHANNEL = 'C0COBRANZA';
const FERRETERIA = 'Ferretería El Águila, S.A. de C.V.';

let browser: Browser;
let policy: Policy;

beforeAll(async () => {
  policy = parsePolicy(await readFile(join(EXAMPLES, 'policy.json'), 'utf8'), 'examples/policy.json');
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

afterAll(async () => {
  await browser?.close();
});

/**
 * The example company in the local Slack, its clock on DEMO_DAY (a Monday), and a fresh
 * browser page; `story` plays it, and everything stops afterwards.
 */
async function withLocalSlack(database: Database, story: (page: Page, localSlack: LocalSlack) => Promise<void>): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'cobranza-page-'));
  // PORT 0 (an ephemeral port) is no port parseEnv accepts from the environment.
  const env = { ...parseEnv({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' }), PORT: 0 };
  const ctx = { env, policy, logger: createLogger('silent') };
  const localSlack = await startLocalSlack(ctx, database, {
    firstDay: DEMO_DAY,
    prepare: async (db, firstDay) => {
      await loadDemo(db, policy, firstDay, EXAMPLES);
    },
  });
  const context = await browser.newContext({ locale: 'es-MX', timezoneId: policy.timeZone }).catch(async (error: unknown) => {
    await localSlack.stop();
    throw error;
  });
  context.setDefaultTimeout(WAIT.timeout);
  try {
    const page = await context.newPage();
    await page.goto(localSlack.url);
    await story(page, localSlack).catch(async (error: unknown) => {
      // What the page showed says more than a timeout's call log.
      const shown = await page.locator('body').innerText({ timeout: 5_000 }).catch(() => '(the page could not be read)');
      throw new Error(`${error instanceof Error ? error.message : String(error)}\n--- the page showed ---\n${shown}`, { cause: error });
    });
  } finally {
    await context.close();
    await localSlack.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** Plays `userId`: chooses them in the `Usuario` control. */
async function as(page: Page, userId: string): Promise<void> {
  await page.getByLabel('Usuario', { exact: true }).selectOption(userId);
  await expect.poll(() => page.getByLabel('Usuario', { exact: true }).inputValue(), WAIT).toBe(userId);
}

/** Opens a conversation from the sidebar (`Cobranza` for the bot's DM) and returns its pane. */
async function openConversation(page: Page, name: string): Promise<Locator> {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // The button's name ends with its unread badge, if any.
  await page.getByRole('navigation').getByRole('button', { name: new RegExp(`^${escaped}( \\d+ sin leer)?$`) }).click();
  const pane = page.getByRole('region', { name, exact: true });
  await pane.waitFor(WAIT);
  return pane;
}

const openDm = (page: Page) => openConversation(page, 'Cobranza');

/** The messages of a pane that contain every one of `texts`. */
function messagesWith(pane: Locator, ...texts: string[]): Locator {
  return texts.reduce((found, text) => found.filter({ hasText: text }), pane.locator('li.message'));
}

/** `/deudor <search>` in the DM, then `Registrar gestión` on the card: the outcome dialog. */
async function openOutcome(page: Page, search: string, debtor: string): Promise<Locator> {
  const dm = await openDm(page);
  await dm.getByLabel('Mensaje').fill(`/deudor ${search}`);
  await dm.getByRole('button', { name: 'Enviar' }).click();
  const card = messagesWith(dm, debtor, 'Solo tú puedes ver este mensaje').last();
  await card.getByRole('button', { name: 'Registrar gestión' }).click();
  const dialog = page.getByRole('dialog', { name: 'Registrar gestión' });
  await dialog.waitFor(WAIT);
  return dialog;
}

/** Chooses the outcome's objective; the dialog redraws with that objective's fields. */
async function chooseObjective(dialog: Locator, objective: string, firstNewField: string): Promise<void> {
  await dialog.getByLabel('Objetivo de la gestión').selectOption({ label: objective });
  await dialog.getByLabel(firstNewField).waitFor(WAIT);
}

/** By phone, with the debtor's first contact (the option after the placeholder). */
async function byPhoneWithFirstContact(dialog: Locator): Promise<void> {
  await dialog.getByLabel('Medio').selectOption({ label: 'Teléfono' });
  await dialog.getByLabel('¿Con quién hablaste?').selectOption({ index: 1 });
}

/** `Guardar`, and the dialog turns into the confirmation. */
async function saveOutcome(page: Page, dialog: Locator, expected: string): Promise<void> {
  await dialog.getByRole('button', { name: 'Guardar' }).click();
  const stored = page.getByRole('dialog', { name: 'Gestión registrada' });
  await stored.getByText(expected).waitFor(WAIT);
  await stored.getByRole('button', { name: 'Cerrar' }).first().click();
  await stored.waitFor({ state: 'detached', ...WAIT });
}

/** The clock control: runs the morning of `date` and waits until the page shows it as today. */
async function runMorningOf(page: Page, date: string): Promise<void> {
  await page.getByLabel('Ejecutar la mañana del').fill(date);
  await page.getByRole('button', { name: 'Ejecutar', exact: true }).click();
  await page.getByText(`Hoy: ${date}`).waitFor(SLOW_WAIT);
  await page.getByRole('button', { name: 'Ejecutar', exact: true }).and(page.locator(':enabled')).waitFor(SLOW_WAIT);
}

/** Waits until the outbox has delivered everything it holds. */
async function outboxDelivered(database: Database): Promise<void> {
  const waiting = async () => (await database.db.select({ id: outbox.id }).from(outbox).where(inArray(outbox.state, ['pending', 'sending']))).length;
  await expect.poll(waiting, SLOW_WAIT).toBe(0);
}

/** What the page shows of a channel once the bot has posted everything: every message. */
async function settledMessageCount(database: Database, localSlack: LocalSlack, pane: Locator, channel: string): Promise<number> {
  await outboxDelivered(database);
  const posted = localSlack.workspace.messagesIn(channel).filter((m) => !m.ephemeralTo).length;
  await expect.poll(() => pane.locator('li.message').count(), WAIT).toBe(posted);
  return posted;
}

describe('the local Slack page', () => {
  test(
    'a collector logs a promise, the morning after its date the lead sees it broken and acknowledges it',
    async ({ database }) => {
      await withLocalSlack(database, async (page, localSlack) => {
        await as(page, LAURA);
        await expect.poll(() => page.getByText(`Hoy: ${DEMO_DAY}`).count(), WAIT).toBe(1);

        // Monday: Laura phones Ferretería El Águila, who promises to pay on Wednesday.
        const dialog = await openOutcome(page, 'Ferretería', FERRETERIA);
        await chooseObjective(dialog, 'Compromiso de pago', 'Monto prometido');
        await byPhoneWithFirstContact(dialog);
        await dialog.getByLabel('Monto prometido').fill('23450.75');
        await dialog.getByLabel('Fecha prometida').fill('2026-11-25');
        await saveOutcome(page, dialog, 'Promesa de');

        // The next Tuesday, past the promise and its two days of grace, nothing was paid.
        await runMorningOf(page, '2026-12-01');

        await as(page, RICARDO);
        const channel = await openConversation(page, '# cobranza-cobranza');
        const alarm = messagesWith(channel, 'Promesa incumplida', 'Ferretería El Águila');
        await alarm.waitFor(SLOW_WAIT);
        const ts = await alarm.getAttribute('data-ts');
        const before = await settledMessageCount(database, localSlack, channel, ALARM_CHANNEL);

        await alarm.getByRole('button', { name: 'Marcar atendida' }).click();

        // The same message, changed in place.
        const same = channel.locator(`li.message[data-ts="${ts}"]`);
        await same.getByText(/Atendida por @?Ricardo Treviño/).waitFor(WAIT);
        expect(await same.getByRole('button', { name: 'Marcar atendida' }).count()).toBe(0);
        expect(await channel.locator('li.message').count()).toBe(before);
        expect(await messagesWith(channel, 'Promesa incumplida', 'Ferretería El Águila').count()).toBe(1);
      });
    },
    TEST_TIMEOUT,
  );

  test(
    'a collector assigns a barrier to the admin, who resolves it from her DM',
    async ({ database }) => {
      await withLocalSlack(database, async (page) => {
        await as(page, LAURA);

        const dialog = await openOutcome(page, 'Ferretería', FERRETERIA);
        await chooseObjective(dialog, 'Eliminar barrera de pago', 'Responsable interno');
        await byPhoneWithFirstContact(dialog);
        await dialog.getByLabel('Tipo de barrera').selectOption({ label: 'Falta un documento' });
        await dialog.getByLabel('Descripción').fill('Piden la factura 2291 timbrada de nuevo.');
        await dialog.getByLabel('Responsable interno').selectOption({ label: 'Elena Castillo' });
        await dialog.getByLabel('Resolver a más tardar').fill('2026-11-26');
        await saveOutcome(page, dialog, 'Barrera: Falta un documento');

        await as(page, ELENA);
        const dm = await openDm(page);
        const assigned = messagesWith(dm, 'te asignó una barrera de pago', 'Ferretería El Águila');
        await assigned.waitFor(SLOW_WAIT);
        const ts = await assigned.getAttribute('data-ts');
        await assigned.getByRole('button', { name: 'Marcar resuelta' }).click();

        const same = dm.locator(`li.message[data-ts="${ts}"]`);
        await same.getByText(/Resuelta por @?Elena Castillo/).waitFor(WAIT);
        expect(await same.getByRole('button', { name: 'Marcar resuelta' }).count()).toBe(0);
        expect(await messagesWith(dm, 'te asignó una barrera de pago', 'Ferretería El Águila').count()).toBe(1);
      });
    },
    TEST_TIMEOUT,
  );

  test(
    'a promise date too far ahead is refused under its field, and the dialog stays',
    async ({ database }) => {
      await withLocalSlack(database, async (page) => {
        await as(page, LAURA);

        const dialog = await openOutcome(page, 'Ferretería', FERRETERIA);
        await chooseObjective(dialog, 'Compromiso de pago', 'Fecha prometida');
        await byPhoneWithFirstContact(dialog);
        await dialog.getByLabel('Monto prometido').fill('23450.75');
        await dialog.getByLabel('Fecha prometida').fill('2027-11-23');
        await dialog.getByRole('button', { name: 'Guardar' }).click();

        // The error sits in the field's block and describes its control.
        const field = dialog.locator('.bk-input[data-block-id="promise_date"]').last();
        const error = field.getByRole('alert');
        await error.waitFor(WAIT);
        expect(await error.innerText()).toMatch(/^La fecha no puede ser posterior/);
        const control = dialog.getByLabel('Fecha prometida');
        expect(await control.getAttribute('aria-invalid')).toBe('true');
        const describedBy = (await control.getAttribute('aria-describedby'))?.split(' ') ?? [];
        expect(describedBy).toContain(await error.getAttribute('id'));

        // Still the same dialog, with what was typed.
        expect(await page.getByRole('dialog', { name: 'Registrar gestión' }).count()).toBe(1);
        expect(await control.inputValue()).toBe('2027-11-23');
        expect(await dialog.getByLabel('Monto prometido').inputValue()).toBe('23450.75');
      });
    },
    TEST_TIMEOUT,
  );
});
