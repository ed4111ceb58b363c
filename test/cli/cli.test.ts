import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { alarmChannelWarning } from '../../src/config/alarm-channels.js';
import { lockDataDir } from '../../src/db/data-dir-lock.js';
import { createPGlite } from '../../src/db/pglite.js';
import { SlackStandIn } from '../support/slack-stand-in.js';

// The real entry point, as `npx cobranza` runs it: exit status and stderr are the contract.
const root = fileURLToPath(new URL('../..', import.meta.url));
const temp = mkdtempSync(join(tmpdir(), 'cobranza-cli-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

let dirs = 0;
function freshDataDir(): string {
  return join(temp, `data-${++dirs}`);
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `node bin/cobranza.js …` with only the variables given (plus PATH and HOME). A
 * process still running after `killAfterMs` is killed and answers code null: a command
 * that should have stopped fails its test instead of outliving it.
 */
function cobranza(args: string[], env: Record<string, string>, killAfterMs = 120_000): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/cobranza.js', ...args], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? temp, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    const kill = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(kill);
      resolve({ code, stdout, stderr });
    });
  });
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

describe('cobranza CLI', () => {
  test('migrate on a fresh data dir, then again, exits 0 and leaves the same schema', { timeout: 180_000 }, async () => {
    const dataDir = freshDataDir();
    const first = await cobranza(['migrate'], { DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout).toContain(`Database is up to date (embedded, ${dataDir})`);
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
    expect(lines(run.stderr)[0]).toBe('cobranza: unknown command "frobnicate"');
    expect(run.stderr).toContain('Usage: cobranza <command>');
    expect(run.stderr).toContain('cobranza migrate');
    expect(run.stdout).toBe('');
  });

  test('help exits 0 with the usage on stdout', async () => {
    const run = await cobranza(['help'], { DATA_DIR: freshDataDir() });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain('Usage: cobranza <command>');
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
      const child = spawn(process.execPath, ['bin/cobranza.js', 'demo'], {
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
    const again = await cobranza(['demo'], { DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/invoices\.csv: 0 \S+, 0 \S+, 20 /);
  });
});


// `start` must stop on every bad setting: each run is killed after 60 s (a bound for a busy
// machine, not a measurement), so one that hangs, as a missing signing secret once did
// holding DATA_DIR, fails instead of passing.
describe.concurrent('cobranza start refuses a bad configuration with one line naming it', { timeout: 90_000 }, () => {
  async function start(env: Record<string, string>): Promise<Run & { dataDir: string }> {
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
      `ok      env: HTTP mode on port 3000, PostgreSQL at postgres://cobranza@127.0.0.1:${port}/cobranza`,
      `ok      policy: ${policyFile}, 1 team, time zone America/Mexico_City, locale es`,
      `failed  database: DATABASE_URL: cannot connect to postgres://cobranza@127.0.0.1:${port}/cobranza (connection refused)`,
      'failed  slack: SLACK_BOT_TOKEN: Slack rejected the bot token (invalid_auth)',
      'ok      teams[0].alarmChannel: team "norte" posts to C0NORTE',
    ]);
    expect(run.stderr).toBe('cobranza: check: 2 of 5 checks failed\n');
  });
});

describe('cobranza check and run-job --dry-run on a fresh embedded database', () => {
  test('check passes with only the missing channel as a warning; the dry run warns alike and stores nothing', { timeout: 180_000 }, async () => {
    const slack = await slackStandIn();
    const dataDir = freshDataDir();
    const warning = alarmChannelWarning('default', 0);

    const check = await cobranza(['check'], { ...slackEnv(slack), DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
    expect(check).toMatchObject({ code: 0, stderr: '' });
    expect(lines(check.stdout)).toEqual([
      `ok      env: HTTP mode on port 3000, embedded database in ${dataDir}`,
      'ok      policy: built-in defaults, 1 team, time zone America/Mexico_City, locale es',
      `ok      database: embedded in ${dataDir} answers, schema up to date`,
      'ok      slack: the bot token works (workspace Stand-in, bot user U0BOT)',
      `warning ${warning}`,
    ]);

    // No Slack settings at all: a dry run needs none.
    const dryRun = await cobranza(['run-job', 'alarms', '--dry-run', '--date', '2026-11-23'], { DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
    expect(dryRun).toMatchObject({ code: 0, stderr: '' });
    expect(lines(dryRun.stdout)).toEqual([
      `warning: ${warning}`,
      expect.stringMatching(/^Dry run: alarms 2026-11-23: .*alarms 0, posted 0\b/),
      'Dry run: 0 message(s) would be sent; nothing was stored or sent.',
    ]);
    const pg = await createPGlite(dataDir);
    try {
      expect((await pg.query('SELECT count(*)::int AS n FROM job_runs')).rows).toEqual([{ n: 0 }]);
    } finally {
      await pg.close();
    }
  });
});
