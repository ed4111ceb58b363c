import { sql } from 'drizzle-orm';
import { jsonIds, jsonRows } from '../../src/db/json-rows.js';
import { queryRows } from '../../src/db/query-rows.js';
import { describe, expect, test } from '../support/database.js';

describe('rows from one JSON parameter', () => {
  // Read as jsonb when a column is jsonb, as json otherwise: both ways give the same rows.
  test.for(['jsonb', 'json'])('keeps the order given, the column types and text that looks like SQL (tags as %s)', async (tagType, { database }) => {
    const input = Array.from({ length: 2_500 }, (_, i) => ({ id: 2_500 - i, name: `O'Brien; drop table debtors -- ${i}`, amount: 10 ** 12 + i, tags: { n: i } }));
    const rows = await queryRows<{ id: number; name: string; amount: string | number; tag: number; ord: string | number }>(
      database.db,
      sql`select v.id, v.name, v.amount, (v.tags->>'n')::int as tag, v.ord
          from ${jsonRows(input, { id: 'int', name: 'text', amount: 'bigint', tags: tagType })} order by v.ord`,
    );
    expect(rows).toHaveLength(2_500);
    expect(rows.map((r) => Number(r.id))).toEqual(input.map((r) => r.id));
    expect(rows[7]).toMatchObject({ name: input[7]!.name, tag: 7 });
    expect(Number(rows[2_499]!.amount)).toBe(10 ** 12 + 2_499);
    expect(Number(rows[0]!.ord)).toBe(1);
  });

  test('ids as a set', async ({ database }) => {
    const rows = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from ${jsonIds([3, 1, 2])} ids where value in (1, 3)`);
    expect(rows[0]!.n).toBe(2);
  });
});
