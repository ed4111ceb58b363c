// Runs the product's CLI as its own process, the way an admin or cron does, and measures
// the whole process: wall time from spawn to exit and peak resident memory.
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { buildIsFresh } from '../../bin/build-freshness.js';
import { packageDir } from '../../src/package-dir.js';

export const CLI = join(packageDir, 'bin', 'cobranza.js');
const REPO = packageDir;
// GNU time reads the child's own peak (ru_maxrss) when it exits: nothing is missed between polls.
const GNU_TIME = '/usr/bin/time';

/**
 * Builds dist/ when a source is newer: bin/cobranza.js would otherwise run the CLI's
 * processes through tsx, which starts about a second later than the build `npm install` makes.
 */
export async function ensureBuiltCli(out: (line: string) => void): Promise<void> {
  if (buildIsFresh()) return;
  out('Building dist/ (older than src/), so that the CLI stages run what npm install makes');
  await promisify(execFile)('npm', ['run', 'build'], { cwd: REPO });
}

export interface CliRun {
  ms: number;
  /** Peak resident set size of the CLI process, MB. */
  peakRssMb: number;
  stdout: string;
  stderr: string;
}

/** VmHWM (peak RSS) of a live process in kB; 0 once it is gone. */
async function vmHwmKb(pid: number): Promise<number> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    return Number(/^VmHWM:\s+(\d+)/m.exec(status)?.[1] ?? 0);
  } catch {
    return 0;
  }
}

export interface CliHandle {
  pid: number | undefined;
  done: Promise<CliRun>;
  /** Stops the process (SIGTERM); `done` then rejects. */
  stop: () => void;
}

/** Starts `cobranza <args>`; `done` resolves when it exits 0 and rejects with its stderr otherwise. */
export function startCli(args: string[], env: Record<string, string>): CliHandle {
  const useTime = existsSync(GNU_TIME);
  const rssFile = join(tmpdir(), `cobranza-bench-rss-${process.pid}-${Math.random().toString(36).slice(2)}`);
  const argv = useTime ? [GNU_TIME, '-f', '%M', '-o', rssFile, process.execPath, CLI, ...args] : [process.execPath, CLI, ...args];
  const started = performance.now();
  const child = spawn(argv[0]!, argv.slice(1), {
    cwd: REPO,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so that stopping it reaches the CLI under /usr/bin/time too.
    detached: true,
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
  child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
  let polledKb = 0;
  const poll = setInterval(() => {
    if (child.pid) void vmHwmKb(child.pid).then((kb) => (polledKb = Math.max(polledKb, kb)));
  }, 50);

  const done = new Promise<CliRun>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const ms = performance.now() - started;
      clearInterval(poll);
      void (async () => {
        let kb = polledKb;
        if (useTime) {
          const text = await readFile(rssFile, 'utf8').catch(() => '');
          await rm(rssFile, { force: true });
          // The last line holds %M; earlier lines say how the command ended.
          kb = Math.max(kb, Number(text.trim().split('\n').at(-1)) || 0);
        }
        if (code !== 0) {
          reject(new Error(`cobranza ${args.join(' ')} ${signal ? `stopped by ${signal}` : `exited with ${code}`}: ${stderr.trim().split('\n').slice(-3).join(' | ')}`));
          return;
        }
        resolve({ ms, peakRssMb: kb / 1024, stdout, stderr });
      })();
    });
  });
  // A stopped child is expected to fail; callers that stop it handle that themselves.
  done.catch(() => undefined);
  const stop = () => {
    if (child.pid && child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // Already gone.
      }
    }
  };
  return { pid: child.pid, done, stop };
}

export function runCli(args: string[], env: Record<string, string>): Promise<CliRun> {
  return startCli(args, env).done;
}
