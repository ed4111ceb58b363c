import { sql } from 'drizzle-orm';
import type { Db } from '../../src/db/database.js';
import { queryRows } from '../../src/db/query-rows.js';
import { searchDebtors, similarityScope, similarNamesQuery } from '../../src/services/debtor-search.js';
import { describe, expect, test } from '../support/database.js';
import { seedDebtor } from '../support/seed.js';

const NAMES: Array<[string, string, string]> = [
  ['D-1001', 'Construcciones Pérez, S.A. de C.V.', 'CPE980512AB3'],
  ['D-1002', 'Ferretería El Águila, S.A. de C.V.', 'FAG010203XY1'],
  ['D-1003', 'Constructora Sánchez del Bajío, S.A.', 'CSB111111AA1'],
  ['D-1004', 'Farmacias Güemes', 'FGU101010GG7'],
  ['D-1005', 'Farmacia Guerra', 'FGR101010GG8'],
  ['D-1006', 'Lácteos Ángeles del Norte', 'LAN121212FF6'],
];

async function seedAll(db: Db) {
  for (const [id, name, taxId] of NAMES) await seedDebtor(db, id, name, { taxId });
}

function names(result: Awaited<ReturnType<typeof searchDebtors>>): string[] {
  if (result.kind === 'one') return [result.debtor.name];
  if (result.kind === 'many') return result.debtors.map((d) => d.name);
  return result.suggestions.map((d) => d.name);
}

describe('searchDebtors', () => {
  test.for([
    ['partial name, lower case, no accents', 'construcciones perez', 'one', ['Construcciones Pérez, S.A. de C.V.']],
    ['one word', 'aguila', 'one', ['Ferretería El Águila, S.A. de C.V.']],
    ['tax id with separators and lower case', 'cpe-980512-ab3', 'one', ['Construcciones Pérez, S.A. de C.V.']],
    ['external id', 'd-1006', 'one', ['Lácteos Ángeles del Norte']],
    ['a typo', 'construciones peres', 'one', ['Construcciones Pérez, S.A. de C.V.']],
    ['ambiguous prefix', 'constru', 'many', ['Constructora Sánchez del Bajío, S.A.', 'Construcciones Pérez, S.A. de C.V.']],
    ['two similar names', 'farmacia', 'many', ['Farmacia Guerra', 'Farmacias Güemes']],
  ] as const)('%s: "%s"', async ([, text, kind, expected], { database }) => {
    await seedAll(database.db);
    const result = await searchDebtors(database.db, text);
    expect(result.kind).toBe(kind);
    expect(names(result).sort()).toEqual([...expected].sort());
  });

  test('nonsense finds nothing and suggests the closest names', async ({ database }) => {
    await seedAll(database.db);
    const result = await searchDebtors(database.db, 'zzqqxx');
    expect(result).toEqual({ kind: 'none', suggestions: [] });
    const near = await searchDebtors(database.db, 'lacteos del sur');
    expect(near.kind).not.toBe('one');
    expect(names(near)).toContain('Lácteos Ángeles del Norte');
  });

  test('punctuation alone searches nothing', async ({ database }) => {
    await seedAll(database.db);
    expect(await searchDebtors(database.db, ' ,.- ')).toEqual({ kind: 'none', suggestions: [] });
  });

  // The planner takes word_similarity for cheap: at a low threshold it would score every
  // debtor (0.7 s at 100,000) rather than the trigram index's candidates.
  test('similar names are scored from the trigram index, never by reading every debtor', async ({ database }) => {
    await seedAll(database.db);
    const plan = await database.db.transaction(async (tx) => {
      await similarityScope(tx, 0.3);
      const rows = await queryRows<{ 'QUERY PLAN': string }>(tx, sql`explain ${similarNamesQuery('farmacai guemes', 3)}`);
      return rows.map((r) => r['QUERY PLAN']).join('\n');
    });
    expect(plan).toMatch(/Index Scan on debtors_search_name_trgm_idx/);
    expect(plan).not.toMatch(/Seq Scan/);
  });

  test('a search for similar names inside a transaction leaves the planner as it found it', async ({ database }) => {
    await seedAll(database.db);
    const after = await database.db.transaction(
      async (tx) => {
        expect((await searchDebtors(tx, 'construciones peres')).kind).toBe('one');
        return queryRows<{ seqscan: string }>(tx, sql`select current_setting('enable_seqscan') as seqscan`);
      },
      { accessMode: 'read only' },
    );
    expect(after).toEqual([{ seqscan: 'on' }]);
  });
});
