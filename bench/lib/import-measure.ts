// An import stage: the product's `cobranza import` as a whole process, against the least
// the database needs for the same rows — COPY of the same file into a staging table and
// one INSERT … ON CONFLICT into an indexed copy of the target table, which writes only
// rows that differ.
import { importFile, type ImportKind } from '../../src/services/import/index.js';
import { failedRow, ratioRow, type StageRow } from '../report.js';
import type { Raw } from './bench-db.js';
import type { Bench } from './context.js';
import { runCli } from './cli-process.js';

export interface BaselineImport {
  /** The product table whose shape (columns, indexes, constraints) the baseline copies. */
  table: string;
  /** Staging columns in the file's column order: `name type, …`. */
  staging: string;
  key: readonly string[];
  columns: readonly string[];
  /** SELECT over the staging table `s` producing `columns` by name. */
  select: string;
  touch?: string;
}

export const baselineTable = (table: string) => `bench_${table}`;

/** An empty copy of `table` with its indexes and its own id sequence. */
export async function createBaselineTable(raw: Raw, table: string): Promise<void> {
  const copy = baselineTable(table);
  await raw.exec(`
    DROP TABLE IF EXISTS ${copy};
    DROP SEQUENCE IF EXISTS ${copy}_id_seq;
    CREATE SEQUENCE ${copy}_id_seq;
    CREATE TABLE ${copy} (LIKE ${table} INCLUDING ALL);
    ALTER TABLE ${copy} ALTER COLUMN id SET DEFAULT nextval('${copy}_id_seq');`);
}

/** Makes sure the copy exists and holds what `table` holds (when the stage before was not measured). */
async function ensureBaselineTable(raw: Raw, table: string): Promise<void> {
  const [found] = await raw.query<{ t: string | null }>(`SELECT to_regclass('${baselineTable(table)}')::text AS t`);
  if (found?.t) return;
  await createBaselineTable(raw, table);
  const copy = baselineTable(table);
  await raw.exec(`
    INSERT INTO ${copy} SELECT * FROM ${table};
    SELECT setval('${copy}_id_seq', coalesce((SELECT max(id) FROM ${copy}), 0) + 1, false);
    ANALYZE ${copy};`);
}

function upsertSql(spec: BaselineImport, staging: string): string {
  const target = baselineTable(spec.table);
  const compared = spec.columns.filter((c) => !spec.key.includes(c));
  const tuple = (alias: string) => `(${compared.map((c) => `${alias}.${c}`).join(', ')})`;
  const set = [...compared.map((c) => `${c} = excluded.${c}`), ...(spec.touch ? [`${spec.touch} = now()`] : [])];
  return `
    WITH src AS (${spec.select.replaceAll('{staging}', staging)}),
    changed AS (
      INSERT INTO ${target} AS t (${spec.columns.join(', ')})
      SELECT ${spec.columns.join(', ')} FROM src
      WHERE NOT EXISTS (SELECT 1 FROM ${target} cur WHERE ${spec.key.map((k) => `cur.${k} = src.${k}`).join(' AND ')}
                        AND ${tuple('cur')} IS NOT DISTINCT FROM ${tuple('src')})
      ON CONFLICT (${spec.key.join(', ')}) DO UPDATE SET ${set.join(', ')}
      WHERE ${tuple('t')} IS DISTINCT FROM ${tuple('excluded')}
      RETURNING (xmax = 0) AS inserted)
    SELECT (count(*) FILTER (WHERE inserted))::int AS inserted, (count(*) FILTER (WHERE NOT inserted))::int AS updated FROM changed`;
}

export async function runBaselineImport(bench: Bench, spec: BaselineImport, file: string): Promise<{ ms: number; inserted: number; updated: number }> {
  const staging = `bench_staging_${spec.table}`;
  const sql = upsertSql(spec, staging);
  await bench.db.settle();
  const started = performance.now();
  const counts = await bench.db.transaction(async (raw) => {
    await raw.exec(`CREATE TEMP TABLE ${staging} (${spec.staging}) ON COMMIT DROP`);
    await raw.copyFile(staging, file);
    const [row] = await raw.query<{ inserted: number; updated: number }>(sql);
    return row!;
  });
  return { ms: performance.now() - started, inserted: Number(counts.inserted), updated: Number(counts.updated) };
}

/**
 * What `cobranza import` printed, in either locale: "<kind> <file>: N rows, I inserted, U updated,
 * X unchanged (S s)" or "N filas, I nuevas, U actualizadas, X sin cambios (S s)" (S with a decimal comma).
 */
export function parseSummary(stdout: string) {
  const m = /(\d+) (?:rows|filas), (\d+) \S+, (\d+) \S+, (\d+) (?:unchanged|sin cambios) \((\d+[.,]\d+) s\)/.exec(stdout);
  if (!m) return undefined;
  const seconds = Number(m[5]!.replace(',', '.'));
  return { rows: Number(m[1]), inserted: Number(m[2]), updated: Number(m[3]), unchanged: Number(m[4]), inProcessMs: seconds * 1000 };
}

export interface ImportStageSpec {
  name: string;
  kind: ImportKind;
  file: (bench: Bench) => string;
  baseline: BaselineImport;
  target: number;
  /** The baseline starts from an empty copy of the table (a first load); otherwise from the copy as the stage before left it. */
  freshBaselineTable?: boolean;
}

export async function importStage(bench: Bench, spec: ImportStageSpec, measure: boolean): Promise<StageRow[]> {
  const file = spec.file(bench);
  if (!measure) {
    await importFile(await bench.db.database(), bench.policy, spec.kind, file);
    return [];
  }
  const raw = await bench.db.raw();
  if (spec.freshBaselineTable) await createBaselineTable(raw, spec.baseline.table);
  else await ensureBaselineTable(raw, spec.baseline.table);
  await bench.db.settle();
  // The CLI opens the database itself; embedded PGlite admits one process at a time.
  await bench.db.release();
  let product;
  try {
    product = await runCli(['import', spec.kind, file], bench.childEnv());
  } catch (error) {
    return [failedRow(spec.name, 'wall', spec.target, `≤ ${spec.target}`, error)];
  }
  bench.processes.push({ stage: spec.name, peakRssMb: product.peakRssMb });
  const summary = parseSummary(product.stdout);
  const baseline = await runBaselineImport(bench, spec.baseline, file);
  const same = summary !== undefined && summary.inserted === baseline.inserted && summary.updated === baseline.updated;
  return [
    ratioRow(spec.name, 'wall', product.ms, baseline.ms, spec.target, {
      peak_rss_mb: Math.round(product.peakRssMb),
      details: {
        rows: summary?.rows,
        product: summary && { inserted: summary.inserted, updated: summary.updated, unchanged: summary.unchanged, in_process_ms: summary.inProcessMs },
        baseline: { inserted: baseline.inserted, updated: baseline.updated },
        // The CLI's own figure leaves out starting Node, opening and migrating the database.
        process_overhead_ms: summary ? Math.round(product.ms - summary.inProcessMs) : undefined,
        same_changes: same,
      },
    }),
  ];
}
