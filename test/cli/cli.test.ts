import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { lockDataDir } from '../../src/db/data-dir-lock.js';
import { createPGlite } from '../../src/db/pglite.js';

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

/** Runs `node bin/cobranza.js …` with only the variables given (plus PATH and HOME). */
function cobranza(args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/cobranza.js', ...args], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? temp, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
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

