import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { UserError } from '../../src/config/errors.js';
import { lockDataDir } from '../../src/db/data-dir-lock.js';

const temp = mkdtempSync(join(tmpdir(), 'cobranza-lock-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

let dirs = 0;
function freshDir(): string {
  return join(temp, `data-${++dirs}`);
}

const pidFile = (dir: string) => join(dir, 'cobranza.pid');

/** The pid of a process that has already exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

describe('lockDataDir', () => {
  test('creates the data dir and writes this process id into it; release removes the file', () => {
    const dir = freshDir();
    const release = lockDataDir(dir);
    expect(readFileSync(pidFile(dir), 'utf8')).toBe(String(process.pid));
    release();
    expect(existsSync(pidFile(dir))).toBe(false);
    expect(existsSync(dir)).toBe(true);
  });

  test('after release, the dir can be locked again', () => {
    const dir = freshDir();
    lockDataDir(dir)();
    const release = lockDataDir(dir);
    expect(existsSync(pidFile(dir))).toBe(true);
    release();
  });

  test('a dir held by another live process is refused, saying what to do', () => {
    const dir = freshDir();
    mkdirSync(dir);
    // The parent of this worker is alive and is not this process.
    writeFileSync(pidFile(dir), String(process.ppid));
    let error: unknown;
    try {
      lockDataDir(dir);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UserError);
    const message = (error as UserError).message;
    expect(message).toMatch(/^DATA_DIR: /);
    expect(message).toContain(`in use by process ${process.ppid}`);
    expect(message).toContain('DATABASE_URL');
    // The holder's file is left alone.
    expect(readFileSync(pidFile(dir), 'utf8')).toBe(String(process.ppid));
  });

  test('a pid file left by a process that is gone is taken over', () => {
    const dir = freshDir();
    mkdirSync(dir);
    const dead = deadPid();
    expect(dead).toBeGreaterThan(0);
    writeFileSync(pidFile(dir), String(dead));
    const release = lockDataDir(dir);
    expect(readFileSync(pidFile(dir), 'utf8')).toBe(String(process.pid));
    release();
  });

  test.each([[''], ['not a pid'], ['-1']])('a pid file holding %j (a crash mid-write) is taken over', (content) => {
    const dir = freshDir();
    mkdirSync(dir);
    writeFileSync(pidFile(dir), content);
    const release = lockDataDir(dir);
    expect(readFileSync(pidFile(dir), 'utf8')).toBe(String(process.pid));
    release();
  });

  // A container's process usually has the same pid on every start (often 1), so a file
  // naming this very process can only be left over from an earlier run: it is taken over.
  test('a pid file naming this process is taken over', () => {
    const dir = freshDir();
    const first = lockDataDir(dir);
    const second = lockDataDir(dir);
    expect(readFileSync(pidFile(dir), 'utf8')).toBe(String(process.pid));
    second();
    expect(existsSync(pidFile(dir))).toBe(false);
    first();
  });
});
