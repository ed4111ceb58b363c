import { asc } from 'drizzle-orm';
import { invoices } from '../../src/db/schema/index.js';
import { policySchema } from '../../src/domain/policy.js';
import { importStream } from '../../src/services/import/index.js';
import { STAGED_PIECE_PAGES, stagedInPieces } from '../../src/db/table-pieces.js';
import type { BulkTx, Database } from '../../src/db/database.js';
import { describe, expect, test, workerDatabase } from '../support/database.js';

const policy = policySchema.parse({ teams: [{ name: 'centro', alarmChannel: 'C0CENTRO' }] });
const INVOICES = 'external_id,debtor_external_id,number,issue_date,due_date,amount,open_amount,currency';

const invoiceLines = (count: number, open: (i: number) => string) =>
  Array.from({ length: count }, (_, i) => `F-${i + 1},D-${(i % 40) + 1},${i + 1},2026-01-05,2026-02-04,1000.00,${open(i)},MXN`);

const importInvoices = (database: Parameters<typeof importStream>[0], lines: string[]) =>
  importStream(database, policy, 'invoices', [`${[INVOICES, ...lines].join('\n')}\n`], 'invoices.csv');

/** Every row of a 20,000-row table as the import's staged rows are read: the pieces, their sizes and the whole. */
async function readInPieces(tx: BulkTx) {
  await tx.query(`CREATE TEMP TABLE numbers ON COMMIT DROP AS SELECT n, repeat('x', 60) AS filler FROM generate_series(1, 20000) n`);
  const found = await stagedInPieces(tx, 'numbers', (piece) => Promise.resolve(piece));
  const sizes: number[] = [];
  for (const piece of found) sizes.push((await tx.query<{ rows: number }>(`SELECT count(*)::int AS rows FROM ${piece} p`))[0]!.rows);
  const [all] = await tx.query<{ rows: number; distinct: number }>(
    `SELECT count(*)::int AS rows, count(DISTINCT n)::int AS distinct FROM (${found.map((p) => `SELECT n FROM ${p} p`).join(' UNION ALL ')}) u`,
  );
  const plan = await tx.query<{ 'QUERY PLAN': string }>(`EXPLAIN SELECT * FROM ${found[0]!} p`);
  return { found, sizes, all, plan: plan.map((r) => r['QUERY PLAN']).join('\n') };
}

async function withWorker(work: (database: Database) => Promise<void>): Promise<void> {
  const { database } = await workerDatabase();
  try {
    await work(database);
  } finally {
    await database.close();
  }
}

describe('work over a whole table', () => {
  test('is cut into pieces that hold every row once on the serving app\'s embedded database', async () => {
    await withWorker(async (database) => {
      const read = await database.bulk(readInPieces);
      expect(read.all).toEqual({ rows: 20000, distinct: 20000 });
      expect(read.found.length).toBeGreaterThan(5);
      expect(Math.max(...read.sizes)).toBeLessThan(3000);
      expect(read.plan).toMatch(/Tid Range Scan/);
    });
  });

  test('is one statement where nothing waits for it: PostgreSQL, or PGlite in a one-shot command', async ({ database }) => {
    const read = await database.bulk(readInPieces);
    expect(read.found).toEqual(['numbers']);
    expect(read.all).toEqual({ rows: 20000, distinct: 20000 });
  });

  test('an import stored in pieces counts and stores every row, new, changed and unchanged', async () => {
    await withWorker(async (database) => {
      const debtors = Array.from({ length: 40 }, (_, i) => `D-${i + 1},Cliente ${i + 1},,,,,`).join('\n');
      await importStream(database, policy, 'debtors', [`external_id,name,tax_id,segment,risk,collector_slack_id,credit_status\n${debtors}\n`], 'debtors.csv');
      // Well over one piece of staged rows (STAGED_PIECE_PAGES pages hold about 500).
      const count = 12 * 1000;
      expect(count).toBeGreaterThan(STAGED_PIECE_PAGES * 100);
      expect(await importInvoices(database, invoiceLines(count, () => '1000.00'))).toMatchObject({ rows: count, inserted: count, updated: 0 });

      // Every third invoice paid down; 500 new; the rest repeated as written, or with the same values written differently.
      const next = invoiceLines(count + 500, (i) => (i % 3 === 0 ? '250.00' : '1000.00')).map((line, i) =>
        i % 3 === 1 ? line.replace(',1000.00,1000.00,', ',1000,1000.0,') : line,
      );
      expect(await importInvoices(database, next)).toMatchObject({ rows: count + 500, inserted: 500, updated: count / 3 });

      const stored = await database.db.select({ id: invoices.externalId, open: invoices.openAmount }).from(invoices).orderBy(asc(invoices.id));
      expect(stored).toHaveLength(count + 500);
      expect(stored.filter((r) => r.open === 25000).length).toBe(Math.ceil((count + 500) / 3));
      // The lines written differently were remembered: the same file again is only counted.
      expect(await importInvoices(database, next)).toMatchObject({ rows: count + 500, inserted: 0, updated: 0, unchanged: count + 500 });
    });
  });
});
