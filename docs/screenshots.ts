// `npm run screenshots`: the README's tour, made from the demo company in the local Slack
// (a throwaway data directory, real bot, headless Debian chromium). Rerun it after a
// change to what the bot sends; the PNGs land in docs/images/.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { parseEnv } from '../src/config/env.js';
import { createLogger } from '../src/config/logger.js';
import { loadPolicy } from '../src/config/policy-file.js';
import { openDatabase } from '../src/db/open.js';
import { addDays, isoWeekday } from '../src/domain/calendar.js';
import { startLocalSlack, type LocalSlack } from '../src/local-slack/run.js';
import { packageDir } from '../src/package-dir.js';
import { loadDemo } from '../src/services/demo.js';

const examples = join(packageDir, 'examples');
const images = join(packageDir, 'docs', 'images');
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--lang=es-MX'];

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(images, `${name}.png`) });
  console.log(`docs/images/${name}.png`);
}

/** Waits until the pane shows `text` (messages arrive at the outbox's pace). */
const showing = (page: Page, text: string) => page.getByText(text).first().waitFor({ timeout: 60_000 });

async function tour(page: Page, localSlack: LocalSlack): Promise<void> {
  const url = localSlack.url;
  await page.goto(`${url}?as=U0COB0001`);
  await showing(page, 'Tu lista de hoy');
  await shot(page, 'collector-daily-list');

  await page.getByRole('button', { name: 'Registrar gestión' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Registrar gestión' });
  await dialog.getByLabel('Objetivo de la gestión').selectOption({ label: 'Compromiso de pago' });
  await dialog.getByLabel('Monto prometido').waitFor();
  await shot(page, 'collector-outcome-modal');
  await dialog.getByRole('button', { name: 'Cancelar' }).click();

  await page.getByLabel('Mensaje').fill('/deudor Lupita');
  await page.getByLabel('Mensaje').press('Enter');
  await showing(page, 'Solo tú puedes ver este mensaje');
  await shot(page, 'collector-debtor-card');

  await page.getByLabel('Usuario').selectOption('U0JEF0001');
  await page.getByRole('button', { name: /cobranza-cobranza/ }).click();
  await page.getByRole('button', { name: 'Marcar atendida' }).nth(2).waitFor({ timeout: 60_000 });
  await shot(page, 'lead-alarm-channel');

  await page.getByRole('button', { name: 'Correo' }).click();
  await page.getByText('Recordatorio de pago').first().click();
  // The email's HTML is drawn in a sandboxed frame.
  await page.frameLocator('iframe').getByText('Instrucciones de pago').waitFor({ timeout: 60_000 });
  await shot(page, 'debtor-notice-email');

  // The weekly report goes out on Mondays: the clock moves there unless it is one already.
  const today = await page.getByText(/^Hoy: /).textContent();
  const day = (today ?? '').replace('Hoy: ', '').trim();
  if (isoWeekday(day) !== 1) await localSlack.morning(addDays(day, 8 - isoWeekday(day)));
  await page.getByRole('button', { name: /cobranza-cobranza/ }).click();
  await page.getByRole('img', { name: /Cobranza/ }).last().waitFor({ timeout: 60_000 });
  await page.setViewportSize({ width: 1280, height: 1500 });
  await page.getByText('Informe semanal').last().evaluate((element: { scrollIntoView(options: object): void }) => element.scrollIntoView({ block: 'start' }));
  await shot(page, 'lead-weekly-report');
}

const dataDir = await mkdtemp(join(tmpdir(), 'cobranza-screenshots-'));
const env = parseEnv({ DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
const policy = await loadPolicy(join(examples, 'policy.json'));
const database = await openDatabase(env);
const localSlack = await startLocalSlack({ env, policy, logger: createLogger('warn') }, database, {
  port: 0,
  prepare: async (db, day) => void (await loadDemo(db, policy, day, examples)),
});
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'es-MX' });
  await tour(page, localSlack);
} finally {
  await browser.close();
  await localSlack.stop();
  await database.close();
  await rm(dataDir, { recursive: true, force: true });
}
