import type { BulkTx, Database } from '../../db/database.js';
import type { Policy } from '../../domain/policy.js';
import { syncTeams } from '../teams.js';
import { Cells } from './cells.js';
import { CsvSyntaxError, readCsv, type CsvBatch, type CsvSource } from './csv-reader.js';
import { ImportError, ProblemList } from './errors.js';
import { runUpsert, stagingColumns, stagingTable, type Check, type KindSpec } from './kind-spec.js';
import { LineDigests, storedDigests } from './line-digests.js';
import { RepeatDetector } from './repeats.js';
import { CHUNK_CHARS } from './staging-text.js';
import type { ImportProblem, ImportSummary } from './types.js';

/** Problems kept per file (and asked of each SQL check); the rest are only counted. */
const KEEP = 100;

/** Maps the file's header onto the kind's columns: `order[i]` is where column i sits in a record. */
function readHeader(spec: KindSpec, header: readonly string[], line: number): { order: number[]; problems: ImportProblem[] } {
  const names = header.map((h) => h.trim());
  const problems: ImportProblem[] = [];
  names.forEach((name, i) => {
    if (!spec.columns.includes(name)) problems.push({ line, message: `unknown column "${name}"` });
    else if (names.indexOf(name) !== i) problems.push({ line, message: `column "${name}" appears twice` });
  });
  const missing = spec.columns.filter((c) => !names.includes(c));
  if (missing.length) problems.push({ line, message: `missing ${missing.length === 1 ? 'column' : 'columns'} ${missing.join(', ')}` });
  const last = problems.at(-1);
  if (last) last.message += ` (a ${spec.kind} file has the header ${spec.columns.join(',')})`;
  return { order: spec.columns.map((c) => names.indexOf(c)), problems };
}

function syntaxProblem(error: CsvSyntaxError): ImportProblem {
  return { line: error.line, message: `not valid CSV: ${error.message}` };
}

/** The statement was refused by a NOT NULL column or by a key met twice: a check will say where. */
function isRefusal(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23502' || code === '21000';
}

async function runChecks(tx: BulkTx, checks: readonly Check[], problems: ProblemList): Promise<void> {
  for (const check of checks) {
    if (check.exists && (await tx.query(check.exists)).length === 0) continue;
    const shown = await tx.query<{ line: number; total: number }>(
      `SELECT *, count(*) OVER ()::int AS total FROM (${check.sql}) found ORDER BY line LIMIT ${KEEP}`,
    );
    problems.addCounted(
      shown.map((row) => check.problem(row)),
      shown[0]?.total ?? 0,
    );
  }
}

/**
 * Reads, checks and stores one file in one transaction; any problem leaves the database as
 * it was. The file is streamed: each row is checked in JS and written as CSV text to COPY
 * into a temporary staging table; references and repeated keys are then checked in SQL
 * over the whole file, and one upsert stores it.
 */
export async function runImport(
  database: Database,
  policy: Policy,
  spec: KindSpec,
  source: CsvSource,
  file: string,
): Promise<ImportSummary> {
  const started = performance.now();
  const batches = readCsv(source);
  try {
    return await importBatches(database, policy, spec, batches, file, started);
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
  file: string,
  started: number,
): Promise<ImportSummary> {
  const fail = (problems: ImportProblem[], total?: number) => new ImportError(file, problems, total);

  // The header decides the column order; it is read before any transaction starts.
  let first: CsvBatch;
  try {
    const next = await batches.next();
    if (next.done) throw fail([{ line: 1, message: `the file is empty (expected the header ${spec.columns.join(',')})` }]);
    first = next.value;
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw fail([syntaxProblem(error)]);
    throw error;
  }
  const header = first.fields(0);
  const { order, problems: headerProblems } = readHeader(spec, header, first.lines[0]!);
  if (headerProblems.length) throw fail(headerProblems);

  if (spec.kind === 'users') await syncTeams(database.db, policy);

  const table = stagingTable(spec.kind);
  const problems = new ProblemList(KEEP);
  const cells = new Cells(spec.columns, problems);
  const writeRow = spec.rowWriter(policy, cells);
  const repeats = new RepeatDetector();
  const [key0, key1] = spec.key;
  const inOrder = order.every((at, i) => at === i);
  const width = header.length;
  const staging = stagingColumns(spec);
  let digests: LineDigests | undefined;
  let rows = 0;
  let staged = 0;
  let held = 0;

  // A key the file holds twice, reported as the check of repeated keys reports it.
  const keyNames = spec.key.map((col) => spec.columns[col]!);
  const repeated = (line: number, firstLine: number, keys: readonly unknown[]) => {
    const check = spec.checks.find((c) => c.skippable === 'repeats');
    const row = Object.fromEntries(keyNames.map((name, k) => [name, keys[k]]));
    if (check) problems.add(check.problem({ ...row, line: Math.max(line, firstLine), first_line: Math.min(line, firstLine) }));
  };

  // Valid rows go to COPY as CSV text; invalid ones are reported and left out, and reading
  // goes on so that one run lists the file's problems. A line stored before is only counted.
  function* stagingText(batch: CsvBatch, from: number): Generator<string> {
    let out = '';
    for (let i = from; i < batch.size; i++) {
      const line = batch.lines[i]!;
      rows++;
      const firstHeld = digests?.read(batch, i, line) ?? 0;
      if (firstHeld === line) {
        held++;
        continue;
      }
      const record = batch.fields(i);
      if (firstHeld > 0) {
        repeated(line, firstHeld, spec.key.map((col) => record[order[col]!]!.trim()));
        continue;
      }
      if (record.length !== width) {
        problems.add({ line, message: `expected ${width} fields, found ${record.length}` });
        continue;
      }
      const fields = inOrder ? record : order.map((at) => record[at]!);
      cells.start(fields, line);
      const text = writeRow();
      if (!cells.ok) continue;
      repeats.add(key1 === undefined ? fields[key0!]!.trim() : `${fields[key0!]!.trim()}\u0001${fields[key1]!.trim()}`);
      out += digests ? `${line},${text},${digests.copyText}\n` : `${line},${text}\n`;
      staged++;
      if (out.length >= CHUNK_CHARS) {
        yield out;
        out = '';
      }
    }
    if (out) yield out;
  }

  /** Staged rows for a stored row whose own line the file holds too: a key met twice. */
  async function heldTwice(tx: BulkTx): Promise<void> {
    if (!spec.lineDigests || !digests || held === 0 || staged === 0) return;
    const found = await tx.query<{ line: number; digest: string } & Record<string, unknown>>(spec.lineDigests.storedOfStaged);
    for (const row of found) {
      const firstHeld = digests.lineOf(row.digest);
      if (firstHeld > 0) repeated(row.line, firstHeld, keyNames.map((name) => row[name]));
    }
  }
  async function* chunks(): AsyncGenerator<string> {
    yield* stagingText(first, 1);
    for await (const batch of batches) yield* stagingText(batch, 0);
  }

  return database.bulk(async (tx) => {
    const columns = staging.map(([name, type]) => `${name} ${type}`).join(', ');
    await tx.query(`CREATE TEMP TABLE ${table} (line integer NOT NULL, ${columns}) ON COMMIT DROP`);
    if (spec.lineDigests) {
      // Imports of the table run one after another: the digests read now must stay those of
      // the stored rows until this import commits.
      await tx.query(`LOCK TABLE ${spec.upsert.table} IN SHARE ROW EXCLUSIVE MODE`);
      const context = [order.join(','), ...spec.lineDigests.context(policy)];
      digests = new LineDigests(await storedDigests(tx, spec.upsert.table), context);
    }
    try {
      await tx.copyCsv(
        table,
        ['line', ...staging.map(([name]) => name)],
        chunks(),
      );
    } catch (error) {
      if (error instanceof CsvSyntaxError) {
        problems.add(syntaxProblem(error));
        throw fail(problems.sorted, problems.total);
      }
      throw error;
    }

    const needed = (c: Check) => c.skippable !== 'repeats' || repeats.needsExactCheck;
    if (problems.total > 0) {
      // The file fails anyway: list what the SQL checks find too, in one report.
      await runChecks(tx, spec.checks.filter(needed), problems);
      await heldTwice(tx);
      throw fail(problems.sorted, problems.total);
    }
    await runChecks(tx, spec.checks.filter((c) => needed(c) && c.skippable !== 'upsert'), problems);
    await heldTwice(tx);
    if (problems.total > 0) throw fail(problems.sorted, problems.total);

    // Every line was stored before: nothing to compare.
    if (staged === 0) return summary(0, 0);

    // The upsert itself refuses a row with an unknown debtor (see Check.skippable); a
    // savepoint keeps the transaction usable to find out which rows those were.
    await tx.query('SAVEPOINT import_upsert');
    let counts: { inserted: number; updated: number };
    try {
      counts = await runUpsert(tx, spec.upsert);
    } catch (error) {
      if (!isRefusal(error)) throw error;
      await tx.query('ROLLBACK TO SAVEPOINT import_upsert');
      await runChecks(tx, spec.checks.filter((c) => c.skippable === 'upsert' || c.skippable === 'repeats'), problems);
      if (problems.total > 0) throw fail(problems.sorted, problems.total);
      throw error;
    }
    const { inserted, updated } = counts;
    // Some staged rows held the values stored already: keep their new digests.
    if (spec.lineDigests && inserted + updated < staged) await tx.query(spec.lineDigests.remember);
    return summary(inserted, updated);
  });

  function summary(inserted: number, updated: number): ImportSummary {
    return {
      kind: spec.kind,
      file,
      rows,
      inserted,
      updated,
      unchanged: rows - inserted - updated,
      ms: Math.round(performance.now() - started),
    };
  }
}
