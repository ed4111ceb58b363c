import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { UserError } from '../../config/errors.js';
import { askAppHoldingDataDir } from '../../db/local-channel.js';
import { checkImportFile, IMPORT_KINDS, importFile, isImportKind, type ImportKind, type ImportSummary } from '../../services/import/index.js';
import { t, type Locale } from '../../slack/i18n/index.js';
import { withDatabase, type CliContext } from '../context.js';
import { importProgress } from '../import-progress.js';

export function summaryLine(s: ImportSummary, locale: Locale): string {
  const seconds = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1, useGrouping: false }).format(s.ms / 1000);
  const line = t(locale, 'cli.importSummary', { kind: s.kind, file: s.file, rows: s.rows, inserted: s.inserted, updated: s.updated, unchanged: s.unchanged, seconds });
  return s.encoding === 'windows-1252' ? `${line}. ${t(locale, 'cli.importWindows1252')}` : line;
}

/** `<kind> <file.csv>`, read with node's parseArgs: no options but `--help`, which run.ts answers. */
function parseImportArgs(args: string[], locale: Locale): { kind: ImportKind; file: string } {
  const usage = t(locale, 'cli.importUsage', { kinds: IMPORT_KINDS.join('|') });
  let positionals: string[];
  try {
    ({ positionals } = parseArgs({ args, allowPositionals: true, strict: true, options: {} }));
  } catch {
    throw new UserError(usage);
  }
  const [kind, file, ...extra] = positionals;
  if (!kind || !file || extra.length > 0) throw new UserError(usage);
  if (!isImportKind(kind)) throw new UserError(t(locale, 'cli.importUnknownKind', { kind, usage }));
  return { kind, file };
}

/** `cobranza import <kind> <file.csv>`: one ERP export, one transaction. */
export async function importCommand(ctx: CliContext, args: string[]): Promise<void> {
  const { kind, file } = parseImportArgs(args, ctx.policy.locale);
  await checkImportFile(file, ctx.policy.locale);
  // While the app holds the embedded database, it imports the file itself (one at a time).
  if (!ctx.env.DATABASE_URL) {
    const absolute = resolve(file);
    const answer = await askAppHoldingDataDir<ImportSummary>(ctx.env.DATA_DIR, { op: 'import', kind, file: absolute });
    if (answer) {
      // The app names the file by its absolute path; the lines name it as it was typed.
      if (!answer.ok) throw new UserError(answer.error.replaceAll(absolute, file));
      if (!('summary' in answer)) throw new UserError('import: unexpected answer from the running app');
      ctx.out(summaryLine({ ...answer.summary, file }, ctx.policy.locale));
      return;
    }
  }
  const progress = importProgress(ctx.policy.locale);
  let summary: ImportSummary;
  try {
    summary = await withDatabase(ctx, (database) => importFile(database, ctx.policy, kind, file, { onProgress: progress?.report }));
  } finally {
    progress?.clear();
  }
  ctx.out(summaryLine(summary, ctx.policy.locale));
}
