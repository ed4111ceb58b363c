import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { UserError } from '../../config/errors.js';
import type { Database } from '../../db/database.js';
import type { Locale, Policy } from '../../domain/policy.js';
import { t } from '../../slack/i18n/index.js';
import type { CsvSource } from './csv-reader.js';
import type { KindSpec } from './kind-spec.js';
import { contactsSpec } from './kinds/contacts.js';
import { debtorsSpec } from './kinds/debtors.js';
import { invoicesSpec } from './kinds/invoices.js';
import { paymentsSpec } from './kinds/payments.js';
import { usersSpec } from './kinds/users.js';
import { runImport } from './run-import.js';
import type { ImportKind, ImportOptions, ImportSummary } from './types.js';

export { ImportError, describeProblem } from './errors.js';
export { IMPORT_KINDS, isImportKind, type ImportKind, type ImportOptions, type ImportProblem, type ImportProgress, type ImportSummary } from './types.js';
export type { CsvSource } from './csv-reader.js';

const SPECS: Record<ImportKind, KindSpec> = {
  users: usersSpec,
  debtors: debtorsSpec,
  contacts: contactsSpec,
  invoices: invoicesSpec,
  payments: paymentsSpec,
};

/** The header an ERP export of `kind` must have (columns in any order). */
export function importColumns(kind: ImportKind): readonly string[] {
  return SPECS[kind].columns;
}

/**
 * Imports CSV text from any stream or iterable (`fileLabel` names it in errors). One
 * transaction: on any problem it throws `ImportError` and nothing is stored.
 */
export function importStream(
  database: Database,
  policy: Policy,
  kind: ImportKind,
  source: CsvSource,
  fileLabel: string,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  return runImport(database, policy, SPECS[kind], source, fileLabel, options);
}

/** Refuses, as one line in `locale`, a path that is not a readable file. */
export async function checkImportFile(path: string, locale: Locale = 'es'): Promise<void> {
  let isFile: boolean;
  try {
    isFile = (await stat(path)).isFile();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(
      code === 'ENOENT' ? t(locale, 'importProblem.noSuchFile', { path }) : t(locale, 'importProblem.unreadableFile', { path, code: code ?? String(error) }),
    );
  }
  if (!isFile) throw new UserError(t(locale, 'importProblem.notAFile', { path }));
}

/** Imports one ERP export file; see `importStream`. */
export async function importFile(database: Database, policy: Policy, kind: ImportKind, path: string, options: ImportOptions = {}): Promise<ImportSummary> {
  await checkImportFile(path, policy.locale);
  // Reads of the default 64 KB: larger reads leave the parser working on large strings in
  // bursts that COPY then waits for.
  return runImport(database, policy, SPECS[kind], createReadStream(path), path, options);
}
