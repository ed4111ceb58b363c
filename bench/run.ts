// `cobranza bench`: generates an ERP data set, loads it, and times each product path next
// to the least work the database can do for the same result, on PGlite or PostgreSQL.
// Stages run in the order of a working morning; each leaves the state the next expects.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { UserError } from '../src/config/errors.js';
import { policySchema } from '../src/domain/policy.js';
import { importFile } from '../src/services/import/index.js';
import { generateErpFiles } from './generate.js';
import { analyze, createDuePromises, createHistory, previousAlarmsRun } from './lib/activity.js';
import { pgliteBenchDb, postgresBenchDb, type BenchDb, type DbKind } from './lib/bench-db.js';
import { BENCH_TEAMS, erpFiles, TODAY, type Bench, type Stage } from './lib/context.js';
import { ensureBuiltCli } from './lib/cli-process.js';
import { writeNextInvoiceExport } from './lib/next-export.js';
import { describeError, failedRow, formatTable, writeReport, type BenchReport } from './report.js';
import { stage as alarms } from './stages/alarms.js';
import { stage as dailyLists } from './stages/daily-lists.js';
import { stage as deliver } from './stages/deliver.js';
import { stage as deudor } from './stages/deudor.js';
import { stage as deudorUnderLoad } from './stages/deudor-under-load.js';
import { stage as importContacts } from './stages/import-contacts.js';
import { stage as importDebtors } from './stages/import-debtors.js';
import { stage as importInvoices } from './stages/import-invoices.js';
import { stage as importInvoicesNext } from './stages/import-invoices-next.js';
import { stage as importPayments } from './stages/import-payments.js';
import { stage as memory } from './stages/memory.js';
import { stage as notices } from './stages/notices.js';
import { stage as weeklyReport } from './stages/weekly-report.js';
import { stage as reimportInvoices } from './stages/reimport-invoices.js';
import { stage as importInvoicesDialect } from './stages/import-invoices-dialect.js';
import { packageDir } from '../src/package-dir.js';

const IMPORTS: Stage[] = [importDebtors, importContacts, importInvoices, reimportInvoices, importInvoicesNext, importInvoicesDialect, importPayments];

/** What the team did before this morning; not measured, needed by every later stage. */
const history: Stage = {
  name: 'history',
  async run(bench) {
    const raw = await bench.db.raw();
    // The baselines' copies of the imported tables are done with.
    await raw.exec(['debtors', 'contacts', 'invoices', 'payments'].map((t) => `DROP TABLE IF EXISTS bench_${t}; DROP SEQUENCE IF EXISTS bench_${t}_id_seq;`).join('\n'));
    await createHistory(bench);
    await analyze(bench);
    await previousAlarmsRun(bench);
    await createDuePromises(bench);
    await analyze(bench);
    return [];
  },
};

const PIPELINE: Array<{ stage: Stage; setup?: boolean }> = [
  ...IMPORTS.map((stage) => ({ stage })),
  { stage: history, setup: true },
  { stage: alarms },
  { stage: dailyLists },
  { stage: deliver },
  { stage: deudor },
  { stage: deudorUnderLoad },
  { stage: notices },
  { stage: weeklyReport },
  { stage: memory },
];

export const STAGE_NAMES = PIPELINE.filter((p) => !p.setup).map((p) => p.stage.name);

export interface BenchOptions {
  /** 1 = 100,000 debtors, 1,000,000 invoices, 300,000 payments, 200 collectors. */
  scale: number;
  db: DbKind;
  /** Measure this stage only; the ones before it only prepare the data. */
  only?: string | undefined;
  /** PostgreSQL server URL; the bench creates and drops its own database on that server. */
  databaseUrl?: string | undefined;
  /** Where the JSON result goes; bench/results by default. */
  outDir?: string | undefined;
  /** Where the generated files and the PGlite directory live while the bench runs. */
  workDir?: string | undefined;
  out?: (line: string) => void;
  /** Leave the database and the generated files in place afterwards, to look into a figure. */
  keep?: boolean;
  /** `/deudor` commands per measurement; 1,000 unless a test wants a quicker run. */
  commands?: number;
  /** Drop the bench database on Ctrl-C (the CLI wants it; a test runner does not). */
  handleSignals?: boolean;
}

const USAGE = `usage: cobranza bench [--scale N] [--db pglite|postgres] [--only <${STAGE_NAMES.join('|')}>] [--out DIR] [--keep]`;

/** Reads `cobranza bench` arguments; a bad one stops with the usage line. */
export function parseBenchArgs(args: readonly string[], env: { DATABASE_URL?: string | undefined }): BenchOptions {
  const options: BenchOptions = { scale: 1, db: env.DATABASE_URL ? 'postgres' : 'pglite', databaseUrl: env.DATABASE_URL };
  for (let i = 0; i < args.length; i++) {
    const flag = args[i]!;
    const [name, inline] = flag.startsWith('--') && flag.includes('=') ? [flag.slice(0, flag.indexOf('=')), flag.slice(flag.indexOf('=') + 1)] : [flag, undefined];
    if (!['--scale', '--db', '--only', '--out', '--keep'].includes(name)) throw new UserError(`bench: unknown option "${flag}" (${USAGE})`);
    if (name === '--keep' && inline === undefined) {
      options.keep = true;
      continue;
    }
    const value = inline ?? args[++i];
    if (value === undefined) throw new UserError(`bench: ${name} needs a value (${USAGE})`);
    if (name === '--scale') {
      options.scale = Number(value);
      if (!(options.scale > 0) || options.scale > 100) throw new UserError(`bench: --scale must be a number above 0, at most 100 (got "${value}")`);
    } else if (name === '--db') {
      if (value !== 'pglite' && value !== 'postgres') throw new UserError(`bench: --db must be pglite or postgres (got "${value}")`);
      options.db = value;
    } else if (name === '--only') {
      if (!STAGE_NAMES.includes(value)) throw new UserError(`bench: unknown stage "${value}" (${STAGE_NAMES.join(', ')})`);
      options.only = value;
    } else {
      options.outDir = value;
    }
  }
  if (options.db === 'postgres' && !options.databaseUrl) {
    throw new UserError('bench: --db postgres needs DATABASE_URL (the bench creates and drops its own database on that server)');
  }
  return options;
}

/** Which pipeline steps run, and which of them are measured. */
function plan(only: string | undefined): Array<{ stage: Stage; measure: boolean }> {
  const measured = (s: Stage) => !only || s.name === only || (only === 'memory' && IMPORTS.includes(s));
  const last = PIPELINE.map((p) => !p.setup && measured(p.stage)).lastIndexOf(true);
  return PIPELINE.slice(0, last + 1).map((p) => ({ stage: p.stage, measure: !p.setup && measured(p.stage) }));
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export async function runBench(options: BenchOptions): Promise<{ report: BenchReport; path: string }> {
  const out = options.out ?? ((line: string) => process.stdout.write(`${line}\n`));
  const began = performance.now();
  const workDir = await mkdtemp(join(options.workDir ?? tmpdir(), 'cobranza-bench-'));
  let db: BenchDb | undefined;
  let cleaned = false;
  const cleanUp = async () => {
    if (cleaned) return;
    cleaned = true;
    if (options.keep) {
      out(`Kept ${workDir}${db ? ` and ${db.kind === 'postgres' ? db.childEnv.DATABASE_URL : 'the PGlite directory in it'}` : ''}`);
      await db?.close();
      return;
    }
    await db?.destroy().catch((error: unknown) => out(`bench: could not remove the bench database: ${String(error)}`));
    await rm(workDir, { recursive: true, force: true });
  };
  const onSignal = (signal: NodeJS.Signals) => {
    out(`bench: ${signal}, removing the bench database`);
    void cleanUp().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  if (options.handleSignals) {
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
  }

  try {
    // Teams with alarm channels, so the alarms job renders and queues its messages.
    const policyJson = { teams: BENCH_TEAMS.map((name) => ({ name, alarmChannel: `C0${name.toUpperCase()}` })) };
    const policyFile = join(workDir, 'policy.json');
    await writeFile(policyFile, JSON.stringify(policyJson));
    const policy = policySchema.parse(policyJson);

    await ensureBuiltCli(out);
    const erpDir = join(workDir, 'erp');
    let t = performance.now();
    const generated = await generateErpFiles({ dir: erpDir, scale: options.scale, today: TODAY, teams: BENCH_TEAMS });
    const files = erpFiles(erpDir);
    const next = await writeNextInvoiceExport(files.invoices, files.invoicesNext, TODAY);
    out(
      `Generated ${generated.debtors} debtors, ${generated.invoices} invoices (next export: ${next.changed} changed, ${next.added} new), ` +
        `${generated.payments} payments, ${generated.users} users in ${seconds(performance.now() - t)}`,
    );

    if (options.db === 'postgres') {
      const name = `cobranza_bench_${process.pid}`;
      db = await postgresBenchDb(options.databaseUrl!, name);
      out(`Database ${name} created next to DATABASE_URL (dropped at the end)`);
    } else {
      db = pgliteBenchDb(join(workDir, 'pglite'));
    }
    const bench: Bench = {
      scale: options.scale,
      db,
      commands: options.commands ?? 1000,
      policy,
      policyFile,
      files,
      counts: { debtors: generated.debtors, invoices: generated.invoices, payments: generated.payments, collectors: Math.max(1, Math.round(200 * options.scale)) },
      processes: [],
      childEnv: () => ({ ...db!.childEnv, POLICY_FILE: policyFile }),
      log: out,
    };
    await importFile(await db.database(), policy, 'users', files.users);

    const report: BenchReport = {
      machine: {
        cores: availableParallelism(),
        memoryGb: Math.round(totalmem() / 2 ** 30),
        node: process.version,
        database: db.kind,
        version: await db.version(),
      },
      scale: options.scale,
      date: new Date().toISOString().slice(0, 10),
      stages: [],
    };
    const outDir = options.outDir ?? join(packageDir, 'bench', 'results');
    let path = '';
    for (const { stage, measure } of plan(options.only)) {
      t = performance.now();
      try {
        const rows = await stage.run(bench, measure);
        report.stages.push(...rows);
        const summary = rows.map((r) => `${r.name} ${r.metric === 'peak_rss' ? `${r.peak_rss_mb} MB` : `${r.product_ms} ms vs ${r.baseline_ms} ms`}`).join('; ');
        out(`  ${stage.name}${measure ? '' : ' (set-up)'}: ${seconds(performance.now() - t)}${summary ? ` — ${summary}` : ''}`);
      } catch (error) {
        if (!measure) throw new Error(`${stage.name} (set-up): ${describeError(error)}`, { cause: error });
        const row = failedRow(stage.name, 'wall', null, '—', error);
        report.stages.push(row);
        out(`  ${stage.name}: failed after ${seconds(performance.now() - t)}: ${row.error}`);
      }
      // Written after every measured stage: a long run that is cut short keeps what it measured.
      if (measure) path = await writeReport(outDir, report);
    }
    path ||= await writeReport(outDir, report);
    out('');
    for (const line of formatTable(report)) out(line);
    out('');
    out(`Wrote ${path} (${seconds(performance.now() - began)} in all)`);
    return { report, path };
  } finally {
    if (options.handleSignals) {
      process.removeListener('SIGINT', onSignal);
      process.removeListener('SIGTERM', onSignal);
    }
    await cleanUp();
  }
}
