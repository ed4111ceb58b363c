import type { BulkTx } from '../../db/database.js';
import type { Locale } from '../../domain/policy.js';
import { ImportError, type ProblemList } from './errors.js';
import type { Check, KindSpec } from './kind-spec.js';
import type { FileStaging } from './file-staging.js';

/** Problems kept per file (and asked of each SQL check); the rest are only counted. */
export const KEEP = 100;

/** Runs `checks` over the staging table, adding the first KEEP problems of each and counting all. */
export async function runChecks(tx: BulkTx, checks: readonly Check[], problems: ProblemList, locale: Locale): Promise<void> {
  for (const check of checks) {
    if (check.exists && (await tx.query(check.exists)).length === 0) continue;
    const shown = await tx.query<{ line: number; total: number }>(
      `SELECT *, count(*) OVER ()::int AS total FROM (${check.sql}) found ORDER BY line LIMIT ${KEEP}`,
    );
    problems.addCounted(
      shown.map((row) => check.problem(row, locale)),
      shown[0]?.total ?? 0,
    );
  }
}

/**
 * The SQL checks over the whole staged file (references, repeated keys), failing the import
 * with every problem found, those of the rows too. Checks the upsert makes itself are left
 * to it when the file is clean so far.
 */
export async function checkStaged(
  tx: BulkTx,
  spec: KindSpec,
  staging: FileStaging,
  problems: ProblemList,
  file: string,
  locale: Locale,
): Promise<void> {
  const needed = (c: Check) => c.skippable !== 'repeats' || staging.repeats.needsExactCheck;
  // When the file fails anyway, list what the SQL checks find too, in one report.
  const failing = problems.total > 0;
  await runChecks(tx, spec.checks.filter((c) => needed(c) && (failing || c.skippable !== 'upsert')), problems, locale);
  await staging.heldTwice(tx);
  if (problems.total > 0) throw new ImportError(locale, file, problems.sorted, problems.total);
}
