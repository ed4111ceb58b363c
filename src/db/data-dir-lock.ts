import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../config/errors.js';

// Embedded PGlite belongs to one process at a time: a second process opening the same
// files would corrupt them. A pid file in DATA_DIR says who holds it.
const LOCK_FILE = 'cobranza.pid';

/** Whether a process with this id runs on this machine (EPERM: it runs, under another user). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The live process other than this one that holds `dataDir`, if any. */
export function dataDirHolder(dataDir: string): number | undefined {
  let holder: number;
  try {
    holder = Number(readFileSync(join(dataDir, LOCK_FILE), 'utf8').trim());
  } catch {
    return undefined;
  }
  return Number.isInteger(holder) && holder > 0 && holder !== process.pid && processAlive(holder) ? holder : undefined;
}

/** Takes the data directory for this process; returns the release function. */
export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(path, 'utf8').trim());
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && processAlive(holder)) {
        throw new UserError(
          `DATA_DIR: the embedded database in ${dataDir} is in use by process ${holder} (a running "cobranza start"?). ` +
            'Stop it first, or run the app and this command against PostgreSQL with DATABASE_URL.',
        );
      }
      rmSync(path, { force: true }); // left by a process that is gone
    }
  }
  throw new UserError(`DATA_DIR: cannot lock ${dataDir}`);
}
