import { dirname } from 'node:path';
import type { Logger } from 'pino';
import { UserError } from './config/errors.js';
import type { Database } from './db/database.js';
import type { LocalChannel, LocalHandlers } from './db/local-channel.js';
import type { Policy } from './domain/policy.js';
import { IMPORT_KINDS, importFile, isImportKind } from './services/import/index.js';
import { t } from './slack/i18n/index.js';

/**
 * What the running app does for a command on the same machine: imports a file into its
 * own database, or writes a backup of it. One at a time, in the order asked, so two imports
 * never compete for the one embedded database.
 */
export function appChannelHandlers(database: Database, policy: Policy, logger?: Pick<Logger, 'info' | 'warn'>): LocalHandlers {
  let queue: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(work: () => Promise<T>): Promise<T> => {
    const turn = queue.then(work);
    queue = turn.catch(() => undefined);
    return turn;
  };
  return {
    import(kind, file) {
      if (!isImportKind(kind)) {
        const usage = t(policy.locale, 'cli.importUsage', { kinds: IMPORT_KINDS.join('|') });
        return Promise.reject(new UserError(t(policy.locale, 'cli.importUnknownKind', { kind, usage })));
      }
      return inTurn(async () => {
        const summary = await importFile(database, policy, kind, file);
        logger?.info({ kind, file, rows: summary.rows }, 'imported a file for a command');
        return summary;
      });
    },
    backup(out) {
      return inTurn(async () => {
        const { heldDataDir } = await import('./db/pglite.js');
        const held = heldDataDir(database);
        if (!held) throw new UserError(t(policy.locale, 'cli.backupPostgres'));
        const { writeBackup } = await import('./db/backup.js');
        try {
          const bytes = await writeBackup(held.snapshot, out);
          logger?.info({ out, bytes }, 'wrote a backup for a command');
          return bytes;
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          const reason = code === 'ENOENT' ? t(policy.locale, 'cli.args.exportNoFolder') : (error as Error).message || String(error);
          throw new UserError(t(policy.locale, 'cli.backupCannotWrite', { file: out, reason, folder: dirname(out) }));
        }
      });
    },
  };
}

/**
 * Serves the local channel in the data directory `database` holds (embedded only); on
 * PostgreSQL, in memory, or where the socket cannot be made, nothing (and a warning).
 */
export async function startAppChannel(
  ctx: { policy: Policy; logger: Pick<Logger, 'info' | 'warn'> },
  database: Database,
): Promise<LocalChannel | undefined> {
  if (database.kind !== 'pglite') return undefined;
  const { heldDataDir } = await import('./db/pglite.js');
  const dataDir = heldDataDir(database)?.dataDir;
  if (!dataDir) return undefined;
  const { serveLocalChannel } = await import('./db/local-channel.js');
  try {
    const channel = await serveLocalChannel(dataDir, appChannelHandlers(database, ctx.policy, ctx.logger));
    ctx.logger.info({ socket: channel.path }, 'local channel for import and backup');
    return channel;
  } catch (error) {
    // A path too long for a Unix socket, say: the app serves, and commands are refused as before.
    ctx.logger.warn({ err: error, dataDir }, 'cannot open the local channel; import and backup need the app stopped');
    return undefined;
  }
}
