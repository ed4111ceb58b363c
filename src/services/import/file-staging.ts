import type { BulkTx } from '../../db/database.js';
import type { Policy } from '../../domain/policy.js';
import { t } from '../../slack/i18n/index.js';
import { Cells } from './cells.js';
import type { CsvBatch } from './csv-reader.js';
import type { ProblemList } from './errors.js';
import { stagingColumns, stagingTable, type KindSpec } from './kind-spec.js';
import { LineDigests, storedDigests } from './line-digests.js';
import { RepeatDetector } from './repeats.js';
import { stagedInPieces } from '../../db/table-pieces.js';
import { CHUNK_CHARS } from './staging-text.js';
import type { HeaderLayout } from './import-header.js';
import type { ImportOptions } from './types.js';

/**
 * One file on its way into the staging table: valid rows become CSV text for COPY; invalid
 * ones are reported and left out, and reading goes on so that one run lists the file's
 * problems. A line stored before (same digest) is only counted.
 */
export class FileStaging {
  readonly table: string;
  readonly repeats = new RepeatDetector();
  /** Records read, staged, and held already (stored before, unchanged). */
  rows = 0;
  staged = 0;
  held = 0;
  private digests: LineDigests | undefined;
  private readonly cells: Cells;
  private readonly writeRow: () => string;
  private readonly inOrder: boolean;
  private readonly keyNames: string[];

  constructor(
    private readonly spec: KindSpec,
    private readonly policy: Policy,
    private readonly layout: HeaderLayout,
    private readonly problems: ProblemList,
    private readonly onProgress: ImportOptions['onProgress'],
  ) {
    this.table = stagingTable(spec.kind);
    this.cells = new Cells(spec.columns, problems, policy.csv, policy.locale);
    this.writeRow = spec.rowWriter(policy, this.cells);
    this.inOrder = layout.order.every((at, i) => at === i);
    this.keyNames = spec.key.map((col) => spec.columns[col]!);
  }

  /** Creates the staging table and, for kinds that keep line digests, reads the stored ones. */
  async open(tx: BulkTx): Promise<void> {
    const columns = stagingColumns(this.spec)
      .map(([name, type]) => `${name} ${type}`)
      .join(', ');
    await tx.query(`CREATE TEMP TABLE ${this.table} (line integer NOT NULL, ${columns}) ON COMMIT DROP`);
    if (!this.spec.lineDigests) return;
    // Imports of the table run one after another: the digests read now must stay those of
    // the stored rows until this import commits.
    await tx.query(`LOCK TABLE ${this.spec.upsert.table} IN SHARE ROW EXCLUSIVE MODE`);
    // A plain line hashes as its text: a semicolon file's must not meet a comma file's.
    const separator = this.layout.first.separator === ',' ? [] : [this.layout.first.separator];
    const context = [this.layout.order.join(','), ...separator, ...this.spec.lineDigests.context(this.policy)];
    this.digests = await LineDigests.load(await storedDigests(tx, this.spec.upsert.table), context);
  }

  /** COPYs every record after the header into the staging table. */
  async copy(tx: BulkTx, batches: AsyncGenerator<CsvBatch>): Promise<void> {
    await tx.copyCsv(this.table, ['line', ...stagingColumns(this.spec).map(([name]) => name)], this.chunks(batches));
  }

  /** Staged rows for a stored row whose own line the file holds too: a key met twice. */
  async heldTwice(tx: BulkTx): Promise<void> {
    const { digests } = this;
    if (!this.spec.lineDigests || !digests || this.held === 0 || this.staged === 0) return;
    const { storedOfStaged } = this.spec.lineDigests;
    const pieces = await stagedInPieces(tx, this.table, (piece) =>
      tx.query<{ line: number; digest: string } & Record<string, unknown>>(storedOfStaged(piece)),
    );
    for (const row of pieces.flat()) {
      const firstHeld = digests.lineOf(row.digest);
      if (firstHeld > 0) this.repeated(row.line, firstHeld, this.keyNames.map((name) => row[name]));
    }
  }

  private async *chunks(batches: AsyncGenerator<CsvBatch>): AsyncGenerator<string> {
    yield* this.text(this.layout.first, 1);
    for await (const batch of batches) {
      yield* this.text(batch, 0);
      this.onProgress?.({ phase: 'reading', rows: this.rows });
    }
  }

  /** The staging CSV text of a batch's records from `from` on, in pieces of about CHUNK_CHARS. */
  private *text(batch: CsvBatch, from: number): Generator<string> {
    let out = '';
    for (let i = from; i < batch.size; i++) {
      const text = this.stagedLine(batch, i);
      if (text === null) continue;
      out += text;
      if (out.length >= CHUNK_CHARS) {
        yield out;
        out = '';
      }
    }
    if (out) yield out;
  }

  /** Record `i` of the batch as a staging line, or null when it is held, repeated or invalid. */
  private stagedLine(batch: CsvBatch, i: number): string | null {
    const { spec, layout, digests } = this;
    const line = batch.lines[i]!;
    this.rows++;
    const firstHeld = digests?.read(batch, i, line) ?? 0;
    if (firstHeld === line) {
      this.held++;
      return null;
    }
    const record = batch.fields(i);
    if (firstHeld > 0) {
      this.repeated(line, firstHeld, spec.key.map((col) => record[layout.order[col]!]!.trim()));
      return null;
    }
    if (record.length !== layout.width) {
      this.problems.add({ line, message: t(this.policy.locale, 'importProblem.fieldCount', { expected: layout.width, found: record.length }) });
      return null;
    }
    const fields = this.inOrder ? record : layout.order.map((at) => record[at]!);
    this.cells.start(fields, line);
    const text = this.writeRow();
    if (!this.cells.ok) return null;
    const [key0, key1] = spec.key;
    this.repeats.add(key1 === undefined ? fields[key0!]!.trim() : `${fields[key0!]!.trim()}\u0001${fields[key1]!.trim()}`);
    this.staged++;
    return digests ? `${line},${text},${digests.copyText}\n` : `${line},${text}\n`;
  }

  /** A key the file holds twice, reported as the check of repeated keys reports it. */
  private repeated(line: number, firstLine: number, keys: readonly unknown[]): void {
    const check = this.spec.checks.find((c) => c.skippable === 'repeats');
    const row = Object.fromEntries(this.keyNames.map((name, k) => [name, keys[k]]));
    if (check) this.problems.add(check.problem({ ...row, line: Math.max(line, firstLine), first_line: Math.min(line, firstLine) }, this.policy.locale));
  }
}
