// The night's invoices as a first load in two dialects: the semicolon / decimal-comma /
// DD/MM/YYYY export against the default one, both through `cobranza import` into an
// emptied invoices table. The ratio is what the dialect costs; the stored rows must be
// the same. The default file goes last, so later stages find the table as they expect.
import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { failedRow, ratioRow, type StageRow } from '../report.js';
import type { Bench, Stage } from '../lib/context.js';
import { runCli } from '../lib/cli-process.js';
import { DIALECT_CSV, writeDialectInvoices } from '../lib/dialect-export.js';
import { parseSummary } from '../lib/import-measure.js';

const NAME = 'import-invoices-dialect';
const TARGET = 1.3;

/** A fingerprint of the stored invoices that leaves out ids and timestamps. */
const FINGERPRINT = `
  SELECT count(*)::text || ':' || md5(string_agg(external_id || number || issue_date || due_date || amount || open_amount || currency, ',' ORDER BY external_id)) AS f
  FROM invoices`;

async function firstLoad(bench: Bench, file: string, env: Record<string, string>) {
  const raw = await bench.db.raw();
  await raw.exec('TRUNCATE invoices CASCADE');
  await bench.db.settle();
  await bench.db.release();
  const run = await runCli(['import', 'invoices', file], env);
  const [row] = await (await bench.db.raw()).query<{ f: string }>(FINGERPRINT);
  return { run, summary: parseSummary(run.stdout), fingerprint: row?.f };
}

async function measureDialect(bench: Bench): Promise<StageRow[]> {
  const file = bench.files.invoicesNext;
  const dialectFile = join(dirname(file), 'invoices-dialect.csv');
  await writeDialectInvoices(file, dialectFile);
  const policyFile = join(dirname(bench.policyFile), 'policy-dialect.json');
  await writeFile(policyFile, JSON.stringify({ teams: bench.policy.teams, csv: DIALECT_CSV }));
  const dialect = await firstLoad(bench, dialectFile, { ...bench.childEnv(), POLICY_FILE: policyFile });
  const byDefault = await firstLoad(bench, file, bench.childEnv());
  bench.processes.push({ stage: NAME, peakRssMb: dialect.run.peakRssMb });
  const same = dialect.fingerprint !== undefined && dialect.fingerprint === byDefault.fingerprint;
  return [
    ratioRow(NAME, 'wall', dialect.run.ms, byDefault.run.ms, TARGET, {
      peak_rss_mb: Math.round(dialect.run.peakRssMb),
      checksPassed: same,
      details: {
        baseline: 'the same first load of the default-dialect file',
        rows: dialect.summary?.rows,
        default_in_process_ms: byDefault.summary?.inProcessMs,
        dialect_in_process_ms: dialect.summary?.inProcessMs,
        same_changes: same,
      },
    }),
  ];
}

export const stage: Stage = {
  name: NAME,
  run: async (bench, measure) => {
    if (!measure) return [];
    try {
      return await measureDialect(bench);
    } catch (error) {
      return [failedRow(NAME, 'wall', TARGET, `≤ ${TARGET}`, error)];
    }
  },
};
