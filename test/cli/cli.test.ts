import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test, vi } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { runCobranza as cobranza, type CliRun } from '../support/cli-process.js';
import { lockDataDir } from '../../src/db/data-dir-lock.js';
import { createPGlite } from '../../src/db/pglite-engine.js';
import { SlackStandIn } from '../support/slack-stand-in.js';

// The real entry point, as `npx cobranza` runs it: exit status and stderr are the contract.
const root = fileURLToPath(new URL('../..', import.meta.url));
const temp = mkdtempSync(join(tmpdir(), 'cobranza-cli-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

let dirs = 0;
function freshDataDir(): string {
  return join(temp, `data-${++dirs}`);
}

/** A local port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A Slack stand-in for one test (scripted answers are per stand-in), stopped after the file. */
const standIns: SlackStandIn[] = [];
afterAll(() => Promise.all(standIns.map((s) => s.stop())));
async function slackStandIn(): Promise<SlackStandIn> {
  const slack = await new SlackStandIn().start();
  standIns.push(slack);
  return slack;
}

/** Slack settings that pass every check, against a stand-in. */
function slackEnv(slack: SlackStandIn): Record<string, string> {
  return { SLACK_BOT_TOKEN: 'xoxb-test-token', SLACK_SIGNING_SECRET: 'test-signing-secret', SLACK_API_URL: slack.url };
}

function lines(text: string): string[] {
  return text.split('\n').filter((line) => line !== '');
}

/** Tables, columns, indexes and applied migrations of an embedded database, read after the CLI exits. */
async function schemaOf(dataDir: string): Promise<{ columns: unknown[]; indexes: unknown[]; migrations: number }> {
  const pg = await createPGlite(dataDir);
  try {
    const columns = await pg.query(
      `SELECT table_schema, table_name, column_name, data_type, is_nullable, column_default
         FROM information_schema.columns WHERE table_schema IN ('public', 'drizzle')
        ORDER BY table_schema, table_name, column_name`,
    );
    const indexes = await pg.query(
      `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY indexname`,
    );
    const migrations = await pg.query<{ n: number }>('SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations');
    return { columns: columns.rows, indexes: indexes.rows, migrations: migrations.rows[0]?.n ?? 0 };
  } finally {
    await pg.close();
  }
}

const COMMANDS = ['start', 'check', 'migrate', 'import', 'export', 'run-job', 'outbox', 'report', 'backup', 'restore', 'demo', 'bench'];

// Help for every command through the same router the binary runs, in this process (a spawn
// per command would cost a second each); the spawned runs above prove the binary answers alike.
describe('cobranza help <command> and <command> --help', () => {
  test.each(COMMANDS)('%s: usage, options and an example; nothing runs', async (name) => {
    const dataDir = freshDataDir();
    vi.stubEnv('DATA_DIR', dataDir);
    vi.stubEnv('POLICY_FILE', '');
    try {
      const outputs: string[] = [];
      for (const argv of [['help', name], [name, '--help'], [name, '-h']]) {
        const out: string[] = [];
        const err: string[] = [];
        expect(await runCli(argv, { out: (line) => out.push(line), err: (line) => err.push(line) })).toBe(0);
        expect(err).toEqual([]);
        outputs.push(out.join('\n'));
      }
      expect(outputs[1]).toBe(outputs[0]);
      expect(outputs[2]).toBe(outputs[0]);
      expect(outputs[0]).toMatch(new RegExp(`\\nUso:\\n  cobranza ${name}\\b`));
      expect(outputs[0]).toContain('Opciones:\n');
      expect(outputs[0]).toMatch(new RegExp(`\\nEjemplo:\\n  .*cobranza ${name}\\b`));
      expect(existsSync(dataDir)).toBe(false);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});

describe('cobranza CLI', () => {
  test('migrate on a fresh data dir, then again, exits 0 and leaves the same schema', { timeout: 180_000 }, async () => {
    const dataDir = freshDataDir();
    const first = await cobranza(['migrate'], { DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout).toContain(`La base de datos está al día (embebida, ${dataDir})`);
    expect(existsSync(join(dataDir, 'cobranza.pid'))).toBe(false);
    const before = await schemaOf(dataDir);
    expect(before.columns.length).toBeGreaterThan(0);
    expect(before.migrations).toBeGreaterThan(0);

    const second = await cobranza(['migrate'], { DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
    expect(second).toMatchObject({ code: 0, stderr: '' });
    expect(await schemaOf(dataDir)).toEqual(before);
  });
});

// Each of these is one short process that never opens a database: run them side by side.
describe.concurrent('cobranza CLI refusals', { timeout: 60_000 }, () => {
  test('an unknown command exits 1 with the usage on stderr', async () => {
    const run = await cobranza(['frobnicate'], { DATA_DIR: freshDataDir() });
    expect(run.code).toBe(1);
    expect(lines(run.stderr)[0]).toBe('cobranza: comando desconocido "frobnicate"');
    expect(run.stderr).toContain('Uso: cobranza <comando>');
    expect(run.stderr).toMatch(/^ {2}migrate +Aplica las migraciones/m);
    expect(run.stdout).toBe('');
  });

  test('help lists every command with one line each, in Spanish even when the policy file is bad', async () => {
    const run = await cobranza(['help'], { DATA_DIR: freshDataDir(), POLICY_FILE: join(temp, 'missing-policy.json') });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain('Uso: cobranza <comando>');
    for (const name of COMMANDS) expect(run.stdout).toMatch(new RegExp(`^ {2}${name} +\\S`, 'm'));
    expect(run.stdout).toContain('cobranza help <comando>');
  });

  test('demo --help prints the help and does not run the demo: DATA_DIR is not created', async () => {
    const dataDir = freshDataDir();
    const run = await cobranza(['demo', '--help'], { DATA_DIR: dataDir });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain('Uso:\n  cobranza demo [--print]\n');
    expect(run.stdout).toContain('--print');
    expect(run.stdout).toContain('Ejemplo:');
    expect(existsSync(dataDir)).toBe(false);
  });

  test('with "locale": "en" in the policy, help is in English', async () => {
    const policyFile = join(temp, 'policy-en.json');
    writeFileSync(policyFile, JSON.stringify({ locale: 'en' }));
    const run = await cobranza(['import', '--help'], { DATA_DIR: freshDataDir(), POLICY_FILE: policyFile });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(lines(run.stdout)).toEqual([
      'Imports one ERP export in one transaction.',
      'Usage:',
      '  cobranza import <users|debtors|contacts|invoices|payments> <file.csv>',
      'Arguments:',
      '  <users|debtors|contacts|invoices|payments>  what the file holds: users, debtors, contacts, invoices or payments',
      '  <file.csv>                                  the CSV file exported from the ERP',
      'Options:',
      '  -h, --help  prints this help without running the command',
      'Example:',
      '  cobranza import invoices exports/invoices.csv',
    ]);
  });

  test.each([
    ['PORT', { PORT: 'abc' }],
    ['POLICY_FILE', { POLICY_FILE: 'missing-policy.json' }],
  ])('a bad %s exits 1 with one line naming it', async (name, env) => {
    const dataDir = freshDataDir();
    const run = await cobranza(['migrate'], { DATA_DIR: dataDir, ...env });
    expect(run.code).toBe(1);
    expect(lines(run.stderr)).toHaveLength(1);
    expect(run.stderr).toMatch(new RegExp(`^cobranza: ${name}: .+\\n$`));
    // The configuration is refused before the database is touched.
    expect(existsSync(dataDir)).toBe(false);
  });

  test('migrate refuses a data dir held by a live process, and says what to do', async () => {
    const dataDir = freshDataDir();
    // This test process stands in for a running `cobranza start`.
    const release = lockDataDir(dataDir);
    try {
      const run = await cobranza(['migrate'], { DATA_DIR: dataDir });
      expect(run.code).toBe(1);
      expect(lines(run.stderr)).toHaveLength(1);
      expect(run.stderr).toMatch(/^cobranza: DATA_DIR: /);
      expect(run.stderr).toContain(`in use by process ${process.pid}`);
      expect(run.stderr).toContain('Stop it first');
      expect(run.stderr).toContain('DATABASE_URL');
      expect(existsSync(join(dataDir, 'cobranza.pid'))).toBe(true);
    } finally {
      release();
    }
  });

  test('a reader that stops early (`| head -1`) ends the output, not the command: the demo still loads', { timeout: 180_000 }, async () => {
    const dataDir = freshDataDir();
    const code = await new Promise<number | null>((resolve, reject) => {
      const child = spawn(process.execPath, ['bin/cobranza.js', 'demo', '--print'], {
        cwd: root,
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? temp, DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      // Like `head -1`: read the first chunk, then close the pipe.
      child.stdout.once('data', () => child.stdout.destroy());
      child.on('error', reject);
      child.on('close', resolve);
    });
    expect(code).toBe(0);
    const again = await cobranza(['demo', '--print'], { DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/invoices\.csv: 0 \S+, 0 \S+, 20 /);
  });
});


// `start` must stop on every bad setting: each run is killed after 60 s (a bound for a busy
// machine, not a measurement), so one that hangs, as a missing signing secret once did
// holding DATA_DIR, fails instead of passing.
describe.concurrent('cobranza start refuses a bad configuration with one line naming it', { timeout: 90_000 }, () => {
  async function start(env: Record<string, string>): Promise<CliRun & { dataDir: string }> {
    const dataDir = freshDataDir();
    const run = await cobranza(['start'], { DATA_DIR: dataDir, PORT: String(await closedPort()), LOG_LEVEL: 'warn', ...env }, 60_000);
    return { ...run, dataDir };
  }

  test.each([
    ['SLACK_SIGNING_SECRET', { SLACK_BOT_TOKEN: 'xoxb-test-token' }],
    ['PORT', { SLACK_BOT_TOKEN: 'xoxb-test-token', SLACK_SIGNING_SECRET: 's', PORT: '70000' }],
    ['DATABASE_URL', { SLACK_BOT_TOKEN: 'xoxb-test-token', SLACK_SIGNING_SECRET: 's', DATABASE_URL: 'postgres://cobranza:s3cret@127.0.0.1:notaport/cobranza' }],
  ])('a missing or malformed %s, before the database is opened', async (name, env) => {
    const run = await start(env);
    expect(run.code).toBe(1);
    expect(lines(run.stderr)).toHaveLength(1);
    expect(run.stderr).toMatch(new RegExp(`^cobranza: ${name}: .+\\n$`));
    expect(run.stderr).not.toContain('s3cret');
    expect(existsSync(run.dataDir)).toBe(false);
  });

  test('an unreachable DATABASE_URL, named without its password', async () => {
    const slack = await slackStandIn();
    const port = await closedPort();
    const run = await start({ ...slackEnv(slack), DATABASE_URL: `postgres://cobranza:s3cret@127.0.0.1:${port}/cobranza` });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`cobranza: DATABASE_URL: cannot connect to postgres://cobranza@127.0.0.1:${port}/cobranza (connection refused)\n`);
  });

  test('a bot token Slack rejects: one line naming SLACK_BOT_TOKEN, after one auth.test', async () => {
    const slack = await slackStandIn();
    slack.script('auth.test', { error: 'invalid_auth' });
    const run = await start(slackEnv(slack));
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('cobranza: SLACK_BOT_TOKEN: Slack rejected the bot token (invalid_auth)\n');
    expect(slack.callsTo('auth.test')).toHaveLength(1);
    expect(existsSync(run.dataDir)).toBe(false);
  });

  test('Slack unreachable at SLACK_API_URL', async () => {
    const url = `http://127.0.0.1:${await closedPort()}/api/`;
    const run = await start({ SLACK_BOT_TOKEN: 'xoxb-test-token', SLACK_SIGNING_SECRET: 's', SLACK_API_URL: url });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`cobranza: SLACK_BOT_TOKEN: cannot be checked, Slack does not answer at SLACK_API_URL ${url} (ECONNREFUSED)\n`);
  });

  test('check: one line per check, exit 1 when one fails', async () => {
    const slack = await slackStandIn();
    slack.script('auth.test', { error: 'invalid_auth' });
    const port = await closedPort();
    const policyFile = join(temp, 'policy-norte.json');
    writeFileSync(policyFile, JSON.stringify({ teams: [{ name: 'norte', alarmChannel: 'C0NORTE' }] }));
    const env = { ...slackEnv(slack), DATABASE_URL: `postgres://cobranza@127.0.0.1:${port}/cobranza`, POLICY_FILE: policyFile };
    const run = await cobranza(['check'], env, 60_000);
    expect(run.code).toBe(1);
    expect(lines(run.stdout)).toEqual([
      `ok      env: modo HTTP en el puerto 3000, PostgreSQL en postgres://cobranza@127.0.0.1:${port}/cobranza`,
      `ok      policy: ${policyFile}, 1 equipo, zona horaria America/Mexico_City, idioma es`,
      `falla   database: DATABASE_URL: cannot connect to postgres://cobranza@127.0.0.1:${port}/cobranza (connection refused)`,
      'falla   slack: SLACK_BOT_TOKEN: Slack rejected the bot token (invalid_auth)',
      'ok      SMTP: sin configurar (no se envía ningún correo)',
      'ok      teams[0].alarmChannel: el equipo "norte" publica en C0NORTE',
    ]);
    expect(run.stderr).toBe('cobranza: check: fallaron 2 de 6 revisiones\n');
  });
});

describe('cobranza check and run-job --dry-run on a fresh embedded database', () => {
  test('check passes with only the missing channel as a warning; the dry run warns alike and stores nothing', { timeout: 180_000 }, async () => {
    const slack = await slackStandIn();
    const dataDir = freshDataDir();
    const warning = 'teams[0].alarmChannel: el equipo "default" no tiene canal de alarmas, así que sus alarmas y resúmenes no llegan a nadie';

    const check = await cobranza(['check'], { ...slackEnv(slack), DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
    expect(check).toMatchObject({ code: 0, stderr: '' });
    expect(lines(check.stdout)).toEqual([
      `ok      env: modo HTTP en el puerto 3000, base de datos embebida en ${dataDir}`,
      'ok      policy: valores por defecto, 1 equipo, zona horaria America/Mexico_City, idioma es',
      `ok      database: embebida en ${dataDir} responde, esquema al día`,
      'ok      slack: el token del bot funciona (espacio de trabajo Stand-in, usuario del bot U0BOT)',
      'ok      SMTP: sin configurar (no se envía ningún correo)',
      `aviso   ${warning}`,
    ]);

    // No Slack settings at all: a dry run needs none.
    const dryRun = await cobranza(['run-job', 'alarms', '--dry-run', '--date', '2026-11-23'], { DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
    expect(dryRun).toMatchObject({ code: 0, stderr: '' });
    expect(lines(dryRun.stdout)).toEqual([
      `aviso: ${warning}`,
      expect.stringMatching(/^Simulación: alarms 2026-11-23: .*alarmas 0, publicadas 0\.$/),
      'Simulación: se enviarían 0 mensaje(s); no se guardó ni envió nada.',
    ]);
    const pg = await createPGlite(dataDir);
    try {
      expect((await pg.query('SELECT count(*)::int AS n FROM job_runs')).rows).toEqual([{ n: 0 }]);
    } finally {
      await pg.close();
    }
  });
});
