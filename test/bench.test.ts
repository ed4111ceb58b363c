// The bench itself (`npm run bench:smoke`, not part of `npm test`): a tiny run must go
// through every stage and write a complete result.
// Figures are not judged here (that is what the bench is for), only that they exist.
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { BenchReport } from '../bench/report.js';
import * as benchRun from '../bench/run.js';
import { runBench, STAGE_NAMES, type BenchOptions } from '../bench/run.js';
import type { BenchEntry } from '../src/cli/commands/bench.js';
import { UserError } from '../src/config/errors.js';

// `cobranza bench` loads bench/run.ts by path, untyped: this assignment keeps the two in step.
const { parseBenchArgs }: BenchEntry<BenchOptions> = benchRun;

describe('bench arguments', () => {
  test('scale, database and stage are read; PostgreSQL is the default when DATABASE_URL is set', () => {
    expect(parseBenchArgs(['--scale', '0.1', '--db', 'pglite', '--only', 'deudor'], {})).toMatchObject({ scale: 0.1, db: 'pglite', only: 'deudor' });
    expect(parseBenchArgs(['--scale=2'], { DATABASE_URL: 'postgres://127.0.0.1/x' })).toMatchObject({ scale: 2, db: 'postgres' });
    expect(parseBenchArgs([], {})).toMatchObject({ scale: 1, db: 'pglite' });
  });

  test('a bad value stops with a message naming it', () => {
    expect(() => parseBenchArgs(['--scale', '0'], {})).toThrow(UserError);
    expect(() => parseBenchArgs(['--db', 'mysql'], {})).toThrow(/--db/);
    expect(() => parseBenchArgs(['--only', 'everything'], {})).toThrow(/unknown stage/);
    expect(() => parseBenchArgs(['--db', 'postgres'], {})).toThrow(/DATABASE_URL/);
    expect(() => parseBenchArgs(['--fast'], {})).toThrow(/unknown option/);
  });
});

const serverUrl = process.env.TEST_DATABASE_URL;
const databases: Array<'pglite' | 'postgres'> = serverUrl ? ['pglite', 'postgres'] : ['pglite'];

describe.each(databases)('bench on %s', (db) => {
  test(
    'a tiny run measures every stage and writes the JSON result',
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'cobranza-bench-test-'));
      try {
        const outDir = join(dir, 'results');
        const { path } = await runBench({
          scale: 0.002,
          db,
          databaseUrl: serverUrl,
          outDir,
          workDir: dir,
          // Enough commands to exercise every kind of query; 1,000 would only take longer.
          commands: 40,
          out: () => undefined,
        });
        const report = JSON.parse(await readFile(path, 'utf8')) as BenchReport;
        expect(await readdir(outDir)).toEqual([`${report.date}-${db}-0.002.json`]);
        expect(report.scale).toBe(0.002);
        expect(report.machine).toMatchObject({ database: db, node: process.version });
        expect(report.machine.cores).toBeGreaterThan(0);
        expect(report.machine.version).toMatch(db === 'pglite' ? /PGlite/ : /PostgreSQL/);

        expect(report.stages.map((s) => s.name)).toEqual(STAGE_NAMES);
        for (const stage of report.stages) {
          expect(stage.error, stage.name).toBeUndefined();
          if (stage.metric === 'peak_rss') {
            expect(stage.peak_rss_mb, stage.name).toBeGreaterThan(0);
            continue;
          }
          expect(typeof stage.product_ms, stage.name).toBe('number');
          expect(typeof stage.baseline_ms, stage.name).toBe('number');
          expect(typeof stage.ratio, stage.name).toBe('number');
          expect(typeof stage.target, stage.name).toBe('number');
          expect(typeof stage.pass, stage.name).toBe('boolean');
        }
        // Each baseline did the same work as the product it is compared with.
        const details = (name: string) => report.stages.find((s) => s.name === name)!.details!;
        for (const name of STAGE_NAMES.filter((n) => n.includes('import'))) expect(details(name).same_changes, name).toBe(true);
        expect(details('alarms').same_result).toBe(true);
        expect(details('daily-lists').same_debtors).toBe(true);
        expect(details('deliver')).toMatchObject({ lost: 0, duplicated: 0 });
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
    10 * 60_000,
  );
});
