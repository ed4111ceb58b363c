// The nightly drop folder (IMPORT_DIR): the running app polls it and imports what the ERP
// leaves there, one file at a time, through the same import service as `cobranza import`.

import type { Logger } from 'pino';
import type { Database } from '../db/database.js';
import type { Policy } from '../domain/policy.js';
import { enqueueMessages } from '../services/outbox.js';
import { importDropped, listDropped, prepareDropFolder, type DropOutcome, type DroppedFile } from '../services/import/drop-folder.js';

export const IMPORT_POLL_MS = 5000;

export interface ImportFolderDeps {
  database: Database;
  policy: Policy;
  logger: Logger;
  dir: string;
  /** The alarm-channel message for a failed file (chat.postMessage arguments but the channel). */
  renderFailure: (failure: { file: string; movedTo: string; error: string }) => object;
  /** Called after a failure was queued: the deliverer sends it now rather than at its next poll. */
  onQueued: () => void;
  clock?: () => Date;
}

export interface ImportFolder {
  /** One look at the folder; a pass already under way is joined, never run twice at once. */
  pass(): Promise<DropOutcome[]>;
  /** Polls now, then `intervalMs` after each pass ends. */
  start(intervalMs?: number): void;
  /** Stops polling and waits for the file being imported. */
  stop(): Promise<void>;
}

const sameFile = (a: DroppedFile, b: DroppedFile | undefined) => b !== undefined && a.size === b.size && a.mtimeMs === b.mtimeMs;

/**
 * A file is taken once its size and modification time are unchanged since the previous
 * poll, so an export still being written is never read half-way. Files are taken in
 * dependency order, stopping at the first one still arriving: debtors never go in before
 * the users they name.
 */
export function createImportFolder(deps: ImportFolderDeps): ImportFolder {
  const clock = deps.clock ?? (() => new Date());
  let seen = new Map<string, DroppedFile>();
  let running: Promise<DropOutcome[]> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  async function runPass(): Promise<DropOutcome[]> {
    await prepareDropFolder(deps.dir);
    const files = await listDropped(deps.dir);
    const previous = seen;
    seen = new Map(files.map((f) => [f.name, f]));
    const outcomes: DropOutcome[] = [];
    for (const file of files) {
      if (stopped || !sameFile(file, previous.get(file.name))) break;
      const outcome = await importDropped(deps.database, deps.policy, deps.dir, file, clock());
      seen.delete(file.name);
      outcomes.push(outcome);
      await report(deps, outcome);
    }
    return outcomes;
  }

  const pass = () => {
    running ??= runPass().finally(() => (running = undefined));
    return running;
  };

  const schedule = (intervalMs: number, delayMs = intervalMs) => {
    if (stopped) return;
    timer = setTimeout(() => {
      pass()
        .catch((error: unknown) => deps.logger.error({ err: error, dir: deps.dir }, 'import folder pass failed'))
        .finally(() => schedule(intervalMs));
    }, delayMs);
  };

  return {
    pass,
    start: (intervalMs = IMPORT_POLL_MS) => schedule(intervalMs, 0),
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await running?.catch(() => undefined);
    },
  };
}

/** Logs the outcome; a failed file is queued for every team's alarm channel. */
async function report(deps: ImportFolderDeps, outcome: DropOutcome): Promise<void> {
  if (outcome.status === 'done') {
    deps.logger.info({ ...outcome.summary }, 'imported from the drop folder');
    return;
  }
  deps.logger.warn({ file: outcome.file, error: outcome.error }, 'import from the drop folder failed');
  const channels = [...new Set(deps.policy.teams.flatMap((t) => (t.alarmChannel ? [t.alarmChannel] : [])))];
  if (channels.length === 0) return;
  const payload = deps.renderFailure(outcome);
  try {
    await enqueueMessages(deps.database.db, channels.map((channel) => ({ channel, payload })));
    deps.onQueued();
  } catch (error) {
    deps.logger.error({ err: error, file: outcome.file }, 'could not queue the failed-import message');
  }
}
