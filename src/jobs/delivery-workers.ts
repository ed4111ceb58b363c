import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Database } from '../db/database.js';
import { processAlive } from '../db/data-dir-lock.js';

// A deliverer claims outbox messages under a worker id `host:pid:random`. A claim whose
// process is known to be gone can be taken back at once; any other claim only once it is
// older than STALE_CLAIM_MS, since it may belong to a live instance elsewhere.

/** Deliverers created in this process: their claims are alive, whatever their age. */
const ownWorkers = new Set<string>();

/** A worker id for a new deliverer of this process. */
export function newWorkerId(): string {
  const id = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  ownWorkers.add(id);
  return id;
}

/**
 * Whether the process that holds a claim is known to be gone. On embedded PGlite only one
 * process opens the data directory, so a claim of any other process is dead. On PostgreSQL
 * that is known only for this host: a pid that no longer runs, or this process's own pid
 * under a worker it did not create (a restart with the same pid, as in a container).
 */
export function claimIsDead(worker: string, databaseKind: Database['kind']): boolean {
  if (ownWorkers.has(worker)) return false;
  if (databaseKind === 'pglite') return true;
  const [host, pidText, rest] = worker.split(':');
  const pid = Number(pidText);
  if (host !== hostname() || rest === undefined || !Number.isInteger(pid) || pid <= 0) return false;
  return pid === process.pid || !processAlive(pid);
}
