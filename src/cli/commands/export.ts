import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { stringify } from 'csv-stringify/sync';
import { UserError } from '../../config/errors.js';
import { creditDecisionRows } from '../../services/credit-decisions.js';
import { t, type Locale } from '../../slack/i18n/index.js';
import { withDatabase, type CliContext } from '../context.js';

const CREDIT_STATUS_COLUMNS = ['external_id', 'name', 'credit_status', 'decided_on', 'decided_by', 'reason'];

function parseOrExplain(args: string[], locale: Locale) {
  const usage = t(locale, 'cli.args.exportUsage');
  try {
    return parseArgs({ args, options: { out: { type: 'string' } }, allowPositionals: true, strict: true });
  } catch (error) {
    // Node's messages run to three lines; one naming the argument is enough.
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') throw new UserError(t(locale, 'cli.args.exportNeedsFile', { usage }));
    const name = /'([^']+)'/.exec((error as Error).message)?.[1] ?? args.join(' ');
    throw new UserError(`${t(locale, 'cli.args.unknownArgument', { command: 'export', name })} (${usage})`);
  }
}

function parseExportArgs(args: string[], locale: Locale): { kind: string; out: string | undefined } {
  const parsed = parseOrExplain(args, locale);
  const usage = t(locale, 'cli.args.exportUsage');
  const [kind, ...extra] = parsed.positionals;
  if (!kind) throw new UserError(usage);
  if (kind !== 'credit-status') throw new UserError(t(locale, 'cli.args.exportUnknownKind', { kind, usage }));
  if (extra.length > 0) throw new UserError(`${t(locale, 'cli.args.unknownArgument', { command: 'export', name: extra[0]! })} (${usage})`);
  if (parsed.values.out === '') throw new UserError(t(locale, 'cli.args.exportNeedsFile', { usage }));
  return { kind, out: parsed.values.out };
}

/** Writes `text` beside `file` first and renames it over: a reader never sees half a file. */
async function writeAtomically(file: string, text: string, locale: Locale): Promise<void> {
  const temp = join(dirname(file), `.${basename(file)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temp, text, { encoding: 'utf8', flag: 'wx' });
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? t(locale, 'cli.args.exportNoFolder') : (error as Error).message;
    throw new UserError(t(locale, 'cli.args.exportCannotWrite', { file, reason }));
  }
}

/**
 * `cobranza export credit-status [--out FILE]`: the team's credit decisions as CSV, one
 * line per debtor with a decision, so the ERP blocks (or unblocks) orders the same way.
 */
export async function exportCommand(ctx: CliContext, args: string[]): Promise<void> {
  const { out } = parseExportArgs(args, ctx.policy.locale);
  const rows = await withDatabase(ctx, (database) => creditDecisionRows(database.db, ctx.policy.timeZone));
  const csv = stringify(
    rows.map((r) => [r.externalId, r.name, r.creditStatus, r.decidedOn, r.decidedBy, r.reason]),
    { header: true, columns: CREDIT_STATUS_COLUMNS },
  );
  if (out === undefined) {
    ctx.out(csv.replace(/\n$/, ''));
    return;
  }
  await writeAtomically(out, csv, ctx.policy.locale);
  ctx.out(t(ctx.policy.locale, 'cli.exported', { file: out, count: rows.length }));
}
