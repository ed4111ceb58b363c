import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { UserError } from '../../config/errors.js';
import { askAppHoldingDataDir } from '../../db/local-channel.js';
import { t, type Locale } from '../../slack/i18n/index.js';
import type { CliContext } from '../context.js';

function parseOrExplain(args: string[], command: 'backup' | 'restore', locale: Locale) {
  const usage = t(locale, command === 'backup' ? 'cli.backupUsage' : 'cli.restoreUsage');
  try {
    const { values, positionals } = parseArgs({ args, options: { out: { type: 'string' } }, allowPositionals: true, strict: true });
    if (command === 'restore' && values.out !== undefined) throw new Error(`Unknown option '--out'`);
    return { usage, out: values.out, positionals };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') throw new UserError(usage);
    const name = /'([^']+)'/.exec((error as Error).message)?.[1] ?? args.join(' ');
    throw new UserError(`${t(locale, 'cli.args.unknownArgument', { command, name })} (${usage})`);
  }
}

/** Today in the policy's time zone, as YYYY-MM-DD. */
function today(timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

function cannotWrite(locale: Locale, file: string, error: unknown): UserError {
  const code = (error as NodeJS.ErrnoException).code;
  const reason = code === 'ENOENT' ? t(locale, 'cli.args.exportNoFolder') : (error as Error).message || String(error);
  return new UserError(t(locale, 'cli.backupCannotWrite', { file, reason }));
}

/**
 * `cobranza backup [--out FILE]`: a consistent copy of the embedded database. While an app
 * holds DATA_DIR it writes the copy itself (over the local channel); else this process
 * opens the directory (taking its lock) and dumps it.
 */
export async function backupCommand(ctx: CliContext, args: string[]): Promise<void> {
  const { locale, timeZone } = ctx.policy;
  const { out: outOption, positionals, usage } = parseOrExplain(args, 'backup', locale);
  if (positionals.length > 0) throw new UserError(`${t(locale, 'cli.args.unknownArgument', { command: 'backup', name: positionals[0]! })} (${usage})`);
  if (outOption === '') throw new UserError(usage);
  if (ctx.env.DATABASE_URL) throw new UserError(t(locale, 'cli.backupPostgres'));
  const file = outOption ?? `cobranza-backup-${today(timeZone)}.tar.gz`;
  const out = resolve(file);
  const dataDir = ctx.env.DATA_DIR;
  let bytes: number;
  const answer = await askAppHoldingDataDir(dataDir, { op: 'backup', out });
  if (answer) {
    if (!answer.ok) throw new UserError(answer.error);
    bytes = 'bytes' in answer ? answer.bytes : (await stat(out)).size;
  } else {
    const { backupDataDir, hasDatabase } = await import('../../db/backup.js');
    if (!hasDatabase(dataDir)) throw new UserError(t(locale, 'cli.backupNoDatabase', { dir: dataDir }));
    try {
      bytes = await backupDataDir(dataDir, out);
    } catch (error) {
      if (error instanceof UserError) throw error;
      throw cannotWrite(locale, file, error);
    }
  }
  ctx.out(t(locale, 'cli.backupWritten', { file, size: Math.max(1, Math.round(bytes / 1024)) }));
}

/** `cobranza restore FILE`: a `cobranza backup` copy into an empty or missing DATA_DIR. */
export async function restoreCommand(ctx: CliContext, args: string[]): Promise<void> {
  const { locale } = ctx.policy;
  const { positionals, usage } = parseOrExplain(args, 'restore', locale);
  const [file, ...extra] = positionals;
  if (!file) throw new UserError(usage);
  if (extra.length > 0) throw new UserError(`${t(locale, 'cli.args.unknownArgument', { command: 'restore', name: extra[0]! })} (${usage})`);
  if (ctx.env.DATABASE_URL) throw new UserError(t(locale, 'cli.restorePostgres'));
  const dataDir = ctx.env.DATA_DIR;
  const { isEmptyDir, restoreDataDir } = await import('../../db/backup.js');
  if (!isEmptyDir(dataDir)) throw new UserError(t(locale, 'cli.restoreNotEmpty', { dir: dataDir }));
  try {
    if (!(await stat(file)).isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(t(locale, 'cli.restoreCannotRead', { file, reason: code ?? (error as Error).message }));
  }
  try {
    await restoreDataDir(dataDir, file);
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError(t(locale, 'cli.restoreFailed', { file, reason: (error as Error).message }));
  }
  ctx.out(t(locale, 'cli.restored', { file, dir: dataDir }));
}
