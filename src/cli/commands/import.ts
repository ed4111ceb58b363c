import { UserError } from '../../config/errors.js';
import { checkImportFile, IMPORT_KINDS, importFile, isImportKind, type ImportSummary } from '../../services/import/index.js';
import { withDatabase, type CliContext } from '../context.js';

export function summaryLine(s: ImportSummary): string {
  return (
    `${s.kind} ${s.file}: ${s.rows} rows, ${s.inserted} inserted, ${s.updated} updated, ` +
    `${s.unchanged} unchanged (${(s.ms / 1000).toFixed(1)} s)`
  );
}

/** `cobranza import <kind> <file.csv>`: one ERP export, one transaction. */
export async function importCommand(ctx: CliContext, args: string[]): Promise<void> {
  const [kind, file, ...extra] = args;
  const usage = `usage: cobranza import <${IMPORT_KINDS.join('|')}> <file.csv>`;
  if (!kind || !file || extra.length > 0) throw new UserError(usage);
  if (!isImportKind(kind)) throw new UserError(`import: unknown kind "${kind}" (${usage})`);
  await checkImportFile(file);
  const summary = await withDatabase(ctx, (database) => importFile(database, ctx.policy, kind, file));
  ctx.out(summaryLine(summary));
}
