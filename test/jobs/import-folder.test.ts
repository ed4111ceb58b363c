import { spawn } from 'node:child_process';
import { appendFile, copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { afterEach, beforeEach, inject, vi } from 'vitest';
import { debtors, invoices, outbox, users } from '../../src/db/schema/index.js';
import { defaultPolicy, type Policy } from '../../src/domain/policy.js';
import { createImportFolder, type ImportFolderDeps } from '../../src/jobs/import-folder.js';
import type { Database } from '../../src/db/database.js';
import { importFailedMessage } from '../../src/slack/blocks/index.js';
import { copyOfTemplate, describe, expect, test } from '../support/database.js';
import { SlackStandIn } from '../support/slack-stand-in.js';

const policy: Policy = { ...defaultPolicy, teams: [{ name: 'default', alarmChannel: 'C0ALARMS' }] };
const examples = new URL('../../examples/', import.meta.url);
const AT = new Date('2026-12-07T02:00:00Z');

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cobranza-drop-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function folder(database: Database, onQueued: ImportFolderDeps['onQueued'] = () => undefined) {
  return createImportFolder({
    database,
    policy,
    logger: pino({ level: 'silent' }),
    dir,
    renderFailure: (failure) => importFailedMessage(failure, policy.locale),
    onQueued,
    clock: () => AT,
  });
}

const drop = (example: string, as: string) => copyFile(new URL(example, examples), join(dir, as));
const count = async (database: Database, table: typeof debtors | typeof invoices | typeof users) =>
  (await database.db.select().from(table)).length;

describe('the IMPORT_DIR drop folder', () => {
  test('imports a nightly drop in dependency order once the files are stable, and leaves other files alone', async ({ database }) => {
    await drop('invoices.csv', 'invoices-2026-12-06.csv');
    await drop('debtors.csv', 'debtors-2026-12-06.csv');
    await drop('users.csv', 'users.csv');
    await writeFile(join(dir, 'notes.txt'), 'not an export');
    await writeFile(join(dir, 'clientes.csv'), 'not ours either');
    // A users.csv of an earlier night is already in done/: the new one gets a timestamp.
    await mkdir(join(dir, 'done'), { recursive: true });
    await writeFile(join(dir, 'done', 'users.csv'), 'yesterday');
    const poller = folder(database);

    expect(await poller.pass()).toEqual([]);
    const outcomes = await poller.pass();

    expect(outcomes.map((o) => [o.status, o.file])).toEqual([
      ['done', 'users.csv'],
      ['done', 'debtors-2026-12-06.csv'],
      ['done', 'invoices-2026-12-06.csv'],
    ]);
    expect((await readdir(join(dir, 'done'))).sort()).toEqual([
      'debtors-2026-12-06.csv',
      'invoices-2026-12-06.csv',
      'users.2026-12-07T02-00-00-000Z.csv',
      'users.csv',
    ]);
    expect((await readdir(dir)).sort()).toEqual(['clientes.csv', 'done', 'failed', 'notes.txt']);
    expect([await count(database, users), await count(database, debtors), await count(database, invoices)]).toEqual([6, 15, 20]);
    expect(await poller.pass()).toEqual([]);
  });

  test('moves a bad file to failed/ with its errors, stores nothing of it and tells the alarm channel', async ({ database }) => {
    await drop('users.csv', 'users.csv');
    const bad = (await readFile(new URL('debtors.csv', examples), 'utf8')).replace('D-1002,"Ferretería El Águila, S.A. de C.V.",FAG010203XY1,Ferretería,low', 'D-1002,"Ferretería El Águila, S.A. de C.V.",FAG010203XY1,Ferretería,altísimo');
    await writeFile(join(dir, 'debtors-bad.csv'), bad);
    let kicks = 0;
    const poller = folder(database, () => kicks++);

    await poller.pass();
    const outcomes = await poller.pass();

    expect(outcomes.map((o) => [o.status, o.file, o.movedTo])).toEqual([
      ['done', 'users.csv', join('done', 'users.csv')],
      ['failed', 'debtors-bad.csv', join('failed', 'debtors-bad.csv')],
    ]);
    expect((await readdir(join(dir, 'failed'))).sort()).toEqual(['debtors-bad.csv', 'debtors-bad.csv.errors.txt']);
    const errors = await readFile(join(dir, 'failed', 'debtors-bad.csv.errors.txt'), 'utf8');
    expect(errors).toMatch(/debtors-bad\.csv: 1 error, no se importó nada\n {2}\S*debtors-bad\.csv línea 3, columna risk: "altísimo" no es ninguno de estos valores: /);
    expect(await count(database, debtors)).toBe(0);
    const queued = await database.db.select().from(outbox);
    expect(queued.map((m) => m.channel)).toEqual(['C0ALARMS']);
    const payload = queued[0]!.payload as { text: string; blocks: unknown[] };
    expect(payload.text).toContain('debtors-bad.csv');
    expect(JSON.stringify(payload.blocks)).toMatch(/línea 3, columna risk: \\"altísimo\\" no es ninguno/);
    expect(kicks).toBe(1);
  });

  test('does not take a file whose size is still changing', async ({ database }) => {
    const [header, first, second] = (await readFile(new URL('users.csv', examples), 'utf8')).split('\n');
    const path = join(dir, 'users-night.csv');
    await writeFile(path, `${header}\n${first}\n`);
    const poller = folder(database);

    expect(await poller.pass()).toEqual([]);
    await appendFile(path, `${second}\n`);
    expect(await poller.pass()).toEqual([]);
    expect((await poller.pass()).map((o) => o.status)).toEqual(['done']);
    expect(await count(database, users)).toBe(2);
  });

  test('the polling loop imports a dropped file on its own and stops cleanly', async ({ database }) => {
    await drop('users.csv', 'users.csv');
    const poller = folder(database);
    poller.start(5);
    await vi.waitFor(async () => expect(await readdir(join(dir, 'done'))).toEqual(['users.csv']), { timeout: 20_000, interval: 20 });
    await poller.stop();
    expect(await count(database, users)).toBe(6);
  });
});

// The real entry point, as the ERP's nightly drop meets it: `cobranza start` on the
// embedded database (on PostgreSQL with TEST_DATABASE_URL), files dropped while it serves,
// SIGTERM at the end.
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('cobranza start with IMPORT_DIR', () => {
  test('imports a file dropped while it serves, fails a bad one into failed/ with a channel message, and stops on SIGTERM', { timeout: 120_000 }, async () => {
    const slack = await new SlackStandIn().start();
    const policyFile = join(dir, 'policy.json');
    await writeFile(policyFile, JSON.stringify({ teams: [{ name: 'default', alarmChannel: 'C0ALARMS' }] }));
    const importDir = join(dir, 'drop');
    const port = await freePort();
    const templateUrl = inject('postgresTemplateUrl');
    const postgres = templateUrl ? await copyOfTemplate(templateUrl) : undefined;
    const child = spawn(process.execPath, ['bin/cobranza.js', 'start'], {
      cwd: fileURLToPath(new URL('../..', import.meta.url)),
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? dir,
        SLACK_BOT_TOKEN: 'xoxb-test-token',
        SLACK_SIGNING_SECRET: 'test-signing-secret',
        SLACK_API_URL: slack.url,
        DATA_DIR: join(dir, 'data'),
        PORT: String(port),
        POLICY_FILE: policyFile,
        IMPORT_DIR: importDir,
        ...(postgres ? { DATABASE_URL: postgres.url } : {}),
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.resume();
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    try {
      // Serving once /healthz answers at all (its Slack check may be slow on a busy machine).
      await vi.waitFor(() => fetch(`http://127.0.0.1:${port}/healthz`), { timeout: 90_000, interval: 200 });
      await mkdir(importDir, { recursive: true });
      await drop('users.csv', join('drop', 'users.csv'));
      await writeFile(join(importDir, 'debtors.csv'), 'external_id,name\nD-1,Sin columnas\n');
      const settled = async () => expect((await readdir(join(importDir, 'failed'))).sort()).toEqual(['debtors.csv', 'debtors.csv.errors.txt']);
      await vi.waitFor(settled, { timeout: 60_000, interval: 200 });
      expect(await readdir(join(importDir, 'done'))).toEqual(['users.csv']);
      // The morning's jobs may post to the same channel, depending on the day and hour the test runs.
      const failureMessages = () => slack.callsTo('chat.postMessage').filter((c) => String(c.args.text).includes('debtors.csv'));
      await vi.waitFor(() => expect(failureMessages().map((c) => c.args.channel)).toEqual(['C0ALARMS']), { timeout: 30_000, interval: 100 });
    } finally {
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      await slack.stop();
      await postgres?.drop();
    }
  });
});
