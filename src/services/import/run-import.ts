import type { Database } from '../../db/database.js';
import type { Policy } from '../../domain/policy.js';
import { syncTeams } from '../teams.js';
import { CsvSyntaxError, readCsv, type CsvBatch, type CsvDialect, type CsvSource } from './csv-reader.js';
import { ImportError, ProblemList } from './errors.js';
import { FileStaging } from './file-staging.js';
import { checkStaged, KEEP } from './import-checks.js';
import { readHeaderBatch, syntaxProblem } from './import-header.js';
import { stagingTable, type KindSpec } from './kind-spec.js';
import { upsertStaged } from './staged-upsert.js';
import { stagedInPieces } from '../../db/table-pieces.js';
import type { ImportOptions, ImportSummary } from './types.js';

/**
 * Reads, checks and stores one file in one transaction; any problem leaves the database as
 * it was. The file is streamed: each row is checked in JS and written as CSV text to COPY
 * into a temporary staging table; references and repeated keys are then checked in SQL
 * over the whole file, and the upsert stores it (in pieces on PGlite, see table-pieces.ts).
 */
export async function runImport(
  database: Database,
  policy: Policy,
  spec: KindSpec,
  source: CsvSource,
  file: string,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const started = performance.now();
  const dialect: CsvDialect = { separator: ',', encoding: 'utf-8' };
  const batches = readCsv(source, dialect);
  try {
    return await importBatches(database, policy, spec, batches, { file, started, dialect, ...options });
  } finally {
    // Closes the file when the import stops before its end.
    await batches.return(undefined);
  }
}

async function importBatches(
  database: Database,
  policy: Policy,
  spec: KindSpec,
  batches: AsyncGenerator<CsvBatch>,
  { file, started, dialect, onProgress }: ImportOptions & { file: string; started: number; dialect: CsvDialect },
): Promise<ImportSummary> {
  const { locale } = policy;
  const layout = await readHeaderBatch(spec, batches, file, locale);
  if (spec.kind === 'users') await syncTeams(database.db, policy);
  const problems = new ProblemList(KEEP);
  const staging = new FileStaging(spec, policy, layout, problems, onProgress);
  const summary = (inserted: number, updated: number): ImportSummary => ({
    kind: spec.kind,
    file,
    rows: staging.rows,
    inserted,
    updated,
    unchanged: staging.rows - inserted - updated,
    ms: Math.round(performance.now() - started),
    encoding: dialect.encoding,
  });

  return database.bulk(async (tx) => {
    await staging.open(tx);
    try {
      await staging.copy(tx, batches);
    } catch (error) {
      if (!(error instanceof CsvSyntaxError)) throw error;
      problems.add(syntaxProblem(locale, error));
      throw new ImportError(locale, file, problems.sorted, problems.total);
    }
    onProgress?.({ phase: 'checking', rows: staging.rows });
    await checkStaged(tx, spec, staging, problems, file, locale);
    // Every line was stored before: nothing to compare.
    if (staging.staged === 0) return summary(0, 0);
    onProgress?.({ phase: 'storing', rows: staging.rows });
    const { inserted, updated } = await upsertStaged(tx, spec, problems, file, locale);
    // Some staged rows held the values stored already: keep their new digests.
    const { lineDigests } = spec;
    if (lineDigests && inserted + updated < staging.staged) {
      await stagedInPieces(tx, stagingTable(spec.kind), (piece) => tx.run(lineDigests.remember(piece)));
    }
    return summary(inserted, updated);
  });
}
