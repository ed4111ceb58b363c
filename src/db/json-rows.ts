import { sql, type SQL } from 'drizzle-orm';

/**
 * A FROM item holding `rows` as a table `v` with the given columns plus `ord`, their
 * position. The whole list travels as one JSON parameter: one statement, however many
 * rows, and no limit on bind parameters. `order by v.ord` keeps the caller's order.
 * The list is read as `json`, each value taken from the text as it is, unless a column
 * is `jsonb`: then it is read as `jsonb` once, rather than parsing each value apart.
 * Large JSON values are better sent one parameter each (see `enqueueMessages`): here
 * the server reads the whole list twice.
 */
export function jsonRows(rows: readonly object[], columns: Record<string, string>): SQL {
  const definitions = Object.entries(columns)
    .map(([name, type]) => `${name} ${type}`)
    .join(', ');
  const names = Object.keys(columns).join(', ');
  const recordset = Object.values(columns).includes('jsonb')
    ? sql`jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)`
    : sql`json_to_recordset(${JSON.stringify(rows)}::json)`;
  return sql`rows from (${recordset} as (${sql.raw(definitions)})) with ordinality as v(${sql.raw(names)}, ord)`;
}

/** Integers as a one-column set (`value`), from one JSON parameter. */
export function jsonIds(ids: readonly number[]): SQL {
  return sql`(select value::int from jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))`;
}
