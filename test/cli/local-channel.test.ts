import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { appChannelHandlers } from '../../src/app-channel.js';
import { loadPolicy } from '../../src/config/policy-file.js';
import { lockDataDir } from '../../src/db/data-dir-lock.js';
import type { Database } from '../../src/db/database.js';
import { askRunningApp, serveLocalChannel, type LocalChannel } from '../../src/db/local-channel.js';
import { openDatabase } from '../../src/db/open.js';
import { listUsers } from '../../src/services/users.js';
import { runCobranza, type CliRun } from '../support/cli-process.js';

// One "running app" for the file: this process opens an embedded data directory as the app
// does (taking its lock, PGlite in its thread) and serves the local channel with the app's handlers; the CLI runs as a child
// process against the same DATA_DIR, as an admin's `cobranza import` beside `cobranza start`.
const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/csv/${name}`, import.meta.url));
const temp = mkdtempSync(join(tmpdir(), 'cobranza-chan-'));
const dataDir = join(temp, 'data');
const policyFile = join(temp, 'policy.json');
writeFileSync(policyFile, JSON.stringify({ teams: [{ name: 'centro' }, { name: 'norte' }] }));

let database: Database;
let channel: LocalChannel;

beforeAll(async () => {
  database = await openDatabase({ DATA_DIR: dataDir, DATABASE_URL: undefined }, { serving: { onStopped: () => undefined } });
  channel = await serveLocalChannel(dataDir, appChannelHandlers(database, await loadPolicy(policyFile)));
}, 60_000);

afterAll(async () => {
  await channel?.stop();
  await database?.close();
  rmSync(temp, { recursive: true, force: true });
});

function cobranza(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  return runCobranza(args, { DATA_DIR: dataDir, POLICY_FILE: policyFile, LOG_LEVEL: 'warn', ...env });
}

const slackIds = async () => (await listUsers(database.db)).map((u) => u.slackUserId).sort();

describe('the local channel of a running app', () => {
  test('the socket lives in DATA_DIR, owner only', () => {
    expect(channel.path).toBe(join(dataDir, 'cobranza.sock'));
    expect(statSync(channel.path).isSocket()).toBe(true);
    expect(statSync(channel.path).mode & 0o777).toBe(0o600);
  });

  test('nothing listening: askRunningApp answers undefined', async () => {
    expect(await askRunningApp(join(temp, 'nowhere'), { op: 'backup', out: join(temp, 'x.tar.gz') })).toBeUndefined();
  });

  test('a bad request is answered, not dropped', async () => {
    expect(await askRunningApp(dataDir, { op: 'import', kind: 'users', file: 'relative.csv' })).toEqual({ ok: false, error: 'local channel: bad request' });
  });

  test('cobranza import hands the file to the app, which stores it in its own database', { timeout: 120_000 }, async () => {
    const run = await cobranza(['import', 'users', fixture('users.csv')]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout.trim()).toMatch(new RegExp(`^users ${fixture('users.csv')}: 4 filas, 4 nuevas, 0 actualizadas, 0 sin cambios \\(\\d+,\\d s\\)$`));
    expect(await slackIds()).toEqual(['U0COB001', 'U0COB002', 'U0GER001', 'U0JEF001']);
  });

  test('two imports at once are queued and both succeed; a bad file gets its error lines', { timeout: 120_000 }, async () => {
    const more = join(temp, 'more-users.csv');
    writeFileSync(more, 'slack_user_id,name,email,role,team\nU0COB101,Ana Ruiz,ana.ruiz@example.com,collector,centro\nU0COB102,Beto Paz,beto.paz@example.com,collector,norte\n');
    const bad = join(temp, 'bad-users.csv');
    writeFileSync(bad, 'slack_user_id,name,email,role,team\nU0COB201,Eva Sol,eva.sol@example.com,emperor,centro\n');
    const [again, second, wrong] = await Promise.all([
      cobranza(['import', 'users', fixture('users.csv')]),
      cobranza(['import', 'users', more]),
      cobranza(['import', 'users', bad]),
    ]);
    expect(again).toMatchObject({ code: 0, stderr: '' });
    expect(again.stdout).toContain('4 filas, 0 nuevas, 0 actualizadas, 4 sin cambios');
    expect(second).toMatchObject({ code: 0, stderr: '' });
    expect(second.stdout).toContain(`users ${more}: 2 filas, 2 nuevas`);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/^cobranza: .*bad-users\.csv/);
    expect(wrong.stderr).toContain('emperor');
    expect(await slackIds()).toEqual(['U0COB001', 'U0COB002', 'U0COB101', 'U0COB102', 'U0GER001', 'U0JEF001']);
  });

  test('a data dir held by a live process whose socket does not answer is still refused', { timeout: 120_000 }, async () => {
    const held = join(temp, 'held');
    const release = lockDataDir(held);
    try {
      const run = await cobranza(['import', 'users', fixture('users.csv')], { DATA_DIR: held });
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`is in use by process ${process.pid}`);
    } finally {
      release();
    }
  });

  test('backup while the app holds the data dir, restore into a new one: the same users', { timeout: 180_000 }, async () => {
    const out = join(temp, 'x.tar.gz');
    const backup = await cobranza(['backup', '--out', out]);
    expect(backup).toMatchObject({ code: 0, stderr: '' });
    expect(backup.stdout.trim()).toMatch(new RegExp(`^backup ${out}: \\d+ KB$`));
    expect(statSync(out).size).toBeGreaterThan(0);

    const restoredDir = join(temp, 'restored');
    mkdirSync(restoredDir); // empty is as good as missing
    const restore = await cobranza(['restore', out], { DATA_DIR: restoredDir });
    expect(restore).toMatchObject({ code: 0, stderr: '' });
    expect(existsSync(join(restoredDir, 'cobranza.pid'))).toBe(false);
    expect(existsSync(join(restoredDir, 'cobranza.sock'))).toBe(false);
    const restored = await openDatabase({ DATA_DIR: restoredDir, DATABASE_URL: undefined });
    try {
      expect((await listUsers(restored.db)).map((u) => u.slackUserId).sort()).toEqual(await slackIds());
    } finally {
      await restored.close();
    }

    const refused = await cobranza(['restore', out], { DATA_DIR: restoredDir });
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim()).toBe(`cobranza: restore: DATA_DIR ${restoredDir} no está vacío; restaure en un directorio vacío o nuevo`);

    // With no app holding it, backup opens the data dir itself.
    const offline = await cobranza(['backup', '--out', join(temp, 'y.tar.gz')], { DATA_DIR: restoredDir });
    expect(offline).toMatchObject({ code: 0, stderr: '' });
    expect(existsSync(join(temp, 'y.tar.gz'))).toBe(true);
  });

  test('on PostgreSQL, backup points at the server own backups', { timeout: 60_000 }, async () => {
    const run = await cobranza(['backup'], { DATABASE_URL: 'postgres://app@127.0.0.1:1/app' });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('pg_dump');
  });
});
