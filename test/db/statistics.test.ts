import type { Database } from '../../src/db/database.js';
import { refreshStatistics } from '../../src/db/statistics.js';
import { describe, expect, test } from '../support/database.js';

async function addDebtors(database: Database, from: number, count: number): Promise<void> {
  await database.bulk((tx) =>
    tx.query(`INSERT INTO debtors (external_id, name, search_name, tax_id, tax_id_key)
              SELECT 'D' || g, 'Deudor ' || g, 'deudor ' || g, 'RFC' || g, 'rfc' || g FROM generate_series(${from}, ${from + count - 1}) g`),
  );
}

const recorded = async (database: Database) =>
  (await database.bulk((tx) => tx.query<{ tuples: number }>(`SELECT reltuples::int AS tuples FROM pg_class WHERE relname = 'debtors'`)))[0]!.tuples;

describe('refreshStatistics', () => {
  test('on PGlite analyzes a table once it holds rows, again only when its size moved by a tenth; on PostgreSQL leaves it to autovacuum', async ({ database }) => {
    const embedded = database.kind === 'pglite';
    // Emptied tables have nothing to analyze.
    expect(await refreshStatistics(database)).toEqual([]);

    await addDebtors(database, 1, 3000);
    expect(await refreshStatistics(database)).toEqual(embedded ? ['debtors'] : []);
    if (embedded) expect(await recorded(database)).toBe(3000);
    expect(await refreshStatistics(database)).toEqual([]);

    // A few more rows: under a tenth of the pages, not worth a new ANALYZE.
    await addDebtors(database, 3001, 50);
    expect(await refreshStatistics(database)).toEqual([]);

    await addDebtors(database, 3051, 3000);
    expect(await refreshStatistics(database)).toEqual(embedded ? ['debtors'] : []);
    if (embedded) expect(await recorded(database)).toBe(6050);
  });
});
