import { sql } from 'drizzle-orm';
import type { Db } from '../../src/db/database.js';
import { queryRows } from '../../src/db/query-rows.js';
import { debtors } from '../../src/db/schema/index.js';
import { readInPieces } from '../../src/db/table-pieces.js';
import { policySchema } from '../../src/domain/policy.js';
import { byDebtorRanges, debtorRanges, inSlices } from '../../src/services/debtor-ranges.js';
import { recomputeLevels } from '../../src/services/escalation-levels.js';
import { oldestOverdue } from '../../src/services/overdue.js';
import { recordReceivableHistory } from '../../src/services/report/history.js';
import { describe, expect, test } from '../support/database.js';
import { seedDebtor, seedInvoice, seedUser } from '../support/seed.js';

const policy = policySchema.parse({});

/** Debtors whose ids lie far apart, in different ranges of DEBTORS_PER_RANGE, each with an overdue invoice. */
async function spreadDebtors(db: Db, ids: number[]) {
  const collector = await seedUser(db, 'U1');
  for (const [n, id] of ids.entries()) {
    const debtor = await seedDebtor(db, `D-${id}`, `Cliente ${id}`, { collectorId: n % 2 === 0 ? collector.id : null });
    await db.execute(sql`update debtors set id = ${id} where id = ${debtor.id}`);
    await seedInvoice(db, id, `F-${id}`, '2026-01-15', 1000 * (n + 1));
  }
}

describe('debtor ranges', () => {
  test('cover every debtor id once, in order, however sparse', async ({ database: { db } }) => {
    expect(await debtorRanges(db)).toEqual([]);
    await spreadDebtors(db, [5, 12, 30005]);
    expect(await debtorRanges(db, 10_000)).toEqual([
      [5, 10004],
      [10005, 20004],
      [20005, 30004],
      [30005, 30005],
    ]);
    const ids = await byDebtorRanges(db, (from, to) => db.select({ id: debtors.id }).from(debtors).where(sql`${debtors.id} between ${from} and ${to}`), 3);
    expect(ids.map((r) => r.id)).toEqual([5, 12, 30005]);
  });

  test('the morning figures count debtors in every range', async ({ database: { db } }) => {
    await spreadDebtors(db, [1, 15_000, 35_000]);
    const oldest = await oldestOverdue(db, '2026-03-02');
    expect([...oldest.entries()].sort(([a], [b]) => a - b)).toEqual([
      [1, '2026-01-15'],
      [15_000, '2026-01-15'],
      [35_000, '2026-01-15'],
    ]);
    const changes = await recomputeLevels(db, policy, '2026-03-02', new Date('2026-03-02T14:00:00Z'), oldest);
    expect(changes.map((c) => c.debtorId).sort((a, b) => a - b)).toEqual([1, 15_000, 35_000]);
    // Two debtors of the collector, one without: their amounts and their count.
    expect(await recordReceivableHistory(db, '2026-03-02')).toBe(2);
    const rows = await queryRows<{ collector: boolean; open: string; debtors: number }>(
      db,
      sql`select collector_id is not null as collector, open::text as open, debtors from receivable_history order by 1`,
    );
    expect(rows).toEqual([
      { collector: false, open: '2000', debtors: 1 },
      { collector: true, open: '4000', debtors: 2 },
    ]);
  });
});

describe('a table read in pieces', () => {
  test('reads every row once, a few pages at a time', async ({ database: { db } }) => {
    await db.execute(sql`create table numbers as select n, repeat('x', 60) as filler from generate_series(1, 20000) n`);
    let pieces = 0;
    const rows = await readInPieces(
      db,
      'numbers',
      async (piece) => {
        pieces++;
        return queryRows<{ n: number }>(db, sql`select n from ${piece} p`);
      },
      8,
    );
    expect(pieces).toBeGreaterThan(10);
    expect(rows.map((r) => Number(r.n)).sort((a, b) => a - b)).toEqual(Array.from({ length: 20000 }, (_, i) => i + 1));
  });
});

test('lists are written in slices, in order', async () => {
  const seen: number[][] = [];
  const out = await inSlices(
    [1, 2, 3, 4, 5],
    (slice) => {
      seen.push(slice);
      return Promise.resolve(slice.map((n) => n * 10));
    },
    2,
  );
  expect(seen).toEqual([[1, 2], [3, 4], [5]]);
  expect(out).toEqual([10, 20, 30, 40, 50]);
});
