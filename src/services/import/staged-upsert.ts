import type { BulkTx } from '../../db/database.js';
import type { Locale } from '../../domain/policy.js';
import { ImportError, type ProblemList } from './errors.js';
import { runChecks } from './import-checks.js';
import { runUpsert, stagingTable, type KindSpec } from './kind-spec.js';

/** The statement was refused by a NOT NULL column or by a key met twice: a check will say where. */
function isRefusal(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23502' || code === '21000';
}

/**
 * Stores the staged rows. The upsert itself refuses a row with an unknown debtor (see
 * Check.skippable); a savepoint keeps the transaction usable to find out which rows those were.
 */
export async function upsertStaged(
  tx: BulkTx,
  spec: KindSpec,
  problems: ProblemList,
  file: string,
  locale: Locale,
): Promise<{ inserted: number; updated: number }> {
  await tx.query('SAVEPOINT import_upsert');
  try {
    return await runUpsert(tx, spec.upsert, stagingTable(spec.kind));
  } catch (error) {
    if (!isRefusal(error)) throw error;
    await tx.query('ROLLBACK TO SAVEPOINT import_upsert');
    await runChecks(tx, spec.checks.filter((c) => c.skippable === 'upsert' || c.skippable === 'repeats'), problems, locale);
    if (problems.total > 0) throw new ImportError(locale, file, problems.sorted, problems.total);
    throw error;
  }
}
