// The bench's verdicts: one row per stage, printed as a table and written as JSON.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface StageRow {
  name: string;
  /** Product time in ms: wall time, or the p99 latency for `metric: 'p99'`; null for memory. */
  product_ms: number | null;
  baseline_ms: number | null;
  /** product / baseline; null when there is no baseline. */
  ratio: number | null;
  /** The highest ratio that passes, or for memory the most MB. */
  target: number | null;
  /** null: reported only, no target on this database. */
  pass: boolean | null;
  metric: 'wall' | 'p99' | 'peak_rss';
  /** The target in words, as the table prints it. */
  target_text: string;
  peak_rss_mb?: number;
  /** Counts, checks and the breakdown behind the figures. */
  details?: Record<string, unknown>;
  /** The product path failed; the figures are what was measured before it did. */
  error?: string;
}

export interface BenchReport {
  machine: { cores: number; memoryGb: number; node: string; database: string; version: string };
  scale: number;
  date: string;
  stages: StageRow[];
}

const round = (n: number, digits = 0) => Math.round(n * 10 ** digits) / 10 ** digits;

/**
 * A row comparing product and baseline against a ratio target. `checksPassed: false` (lost
 * or duplicated messages, say) fails the row whatever the ratio.
 */
export function ratioRow(
  name: string,
  metric: 'wall' | 'p99',
  productMs: number,
  baselineMs: number,
  target: number,
  extra: Omit<Partial<StageRow>, 'pass'> & { checksPassed?: boolean } = {},
): StageRow {
  const { checksPassed = true, ...rest } = extra;
  const ratio = baselineMs > 0 ? round(productMs / baselineMs, 2) : null;
  return {
    name,
    product_ms: round(productMs, 1),
    baseline_ms: round(baselineMs, 1),
    ratio,
    target,
    pass: checksPassed && ratio !== null && ratio <= target,
    metric,
    target_text: `${metric === 'p99' ? 'p99 ' : ''}≤ ${target}`,
    ...rest,
  };
}

/**
 * One line about a failure. Driver errors can quote a whole statement with its thousands
 * of parameters; the cause (the database's own words) says more in less.
 */
export function describeError(error: unknown): string {
  const first = (e: unknown) => (e instanceof Error ? e.message : String(e)).split('\n')[0]!;
  const cause = error instanceof Error && error.cause !== undefined ? first(error.cause) : undefined;
  const message = first(error);
  const head = message.length > 160 ? `${message.slice(0, 160)}…` : message;
  return cause ? `${cause} (${head})` : head;
}

/** A row for a stage whose product path failed: what was measured before it did, and why. */
export function failedRow(
  name: string,
  metric: StageRow['metric'],
  target: number | null,
  targetText: string,
  error: unknown,
  measured: Partial<Pick<StageRow, 'product_ms' | 'baseline_ms' | 'details'>> = {},
): StageRow {
  return {
    name,
    product_ms: null,
    baseline_ms: null,
    ratio: null,
    target,
    pass: false,
    metric,
    target_text: targetText,
    ...measured,
    error: describeError(error),
  };
}

function cell(value: number | null | undefined, unit = ''): string {
  if (value === null || value === undefined) return '—';
  return `${value >= 100 ? Math.round(value).toLocaleString('en-US') : round(value, 1)}${unit}`;
}

/** The table, one line per stage; notes under it say what failed or was checked. */
export function formatTable(report: BenchReport): string[] {
  const header = ['stage', 'product', 'baseline', 'ratio', 'target', 'result'];
  const rows = report.stages.map((s) => {
    const product = s.metric === 'peak_rss' ? cell(s.peak_rss_mb, ' MB') : `${cell(s.product_ms, ' ms')}${s.metric === 'p99' ? ' p99' : ''}`;
    const baseline = s.metric === 'peak_rss' ? '—' : `${cell(s.baseline_ms, ' ms')}${s.metric === 'p99' && s.baseline_ms !== null ? ' p99' : ''}`;
    const result = s.error ? 'FAIL (error)' : s.pass === null ? 'report' : s.pass ? 'pass' : 'FAIL';
    return [s.name, product, baseline, s.ratio === null ? '—' : s.ratio.toFixed(2), s.target_text, result];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  const out = [
    `Cobranza bench — ${report.machine.database} (${report.machine.version}), scale ${report.scale}, ${report.machine.cores} cores, ${report.machine.memoryGb} GB, Node ${report.machine.node}`,
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
  ];
  for (const s of report.stages) {
    if (s.error) out.push(`  ${s.name}: ${s.error}`);
    const note = s.details?.note;
    if (typeof note === 'string') out.push(`  ${s.name}: ${note}`);
  }
  return out;
}

/** Writes `<dir>/<date>-<db>-<scale>.json` and returns its path. */
export async function writeReport(dir: string, report: BenchReport): Promise<string> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, `${report.date}-${report.machine.database}-${report.scale}.json`);
  await writeFile(path, `${JSON.stringify(report, null, 2)}\n`);
  return path;
}
