import { sql, type SQL } from 'drizzle-orm';

/**
 * A FROM item holding `rows` as a table `v` with the given columns plus `ord`, their
 * position. The whole list travels as one JSON parameter: one statement, however many
 * rows, and no limit on bind parameters. `order by v.ord` keeps the caller's order.
 * Read as `json`, not `jsonb`: each value is taken from the text as it is, where `jsonb`
 * would first rebuild the whole list (half the time of queueing the morning's lists).
 */
export function jsonRows(rows: readonly object[], columns: Record<string, string>): SQL {
  const definitions = Object.entries(columns)
    .map(([name, type]) => `${name} ${type}`)
    .join(', ');
  const names = Object.keys(columns).join(', ');
  return sql`rows from (json_to_recordset(${JSON.stringify(rows)}::json) as (${sql.raw(definitions)})) with ordinality as v(${sql.raw(names)}, ord)`;
}

/** Integers as a one-column set (`value`), from one JSON parameter. */
export function jsonIds(ids: readonly number[]): SQL {
  return sql`(select value::int from jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))`;
}
