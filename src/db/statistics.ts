import { sql } from 'drizzle-orm';
import type { Database } from './database.js';
import { queryRows } from './query-rows.js';

// PostgreSQL's autovacuum keeps the planner's statistics; PGlite runs no autovacuum, and its
// per-table change counters stay at zero. A table's size, against the page count its last
// ANALYZE recorded in pg_class, is what tells that it changed enough to analyze again.

/** A table is analyzed again once its size moved by this share of the pages last recorded… */
const MOVED_SHARE = 0.1;
/** …and by at least this many pages, so a small table is not analyzed for a few rows. */
const MOVED_PAGES = 8;

/**
 * The tables of the public schema that hold rows and were never analyzed, or whose size
 * moved since (see MOVED_SHARE and MOVED_PAGES), by name.
 */
const STALE_TABLES = sql`
  select name from (
    select c.relname::text as name, c.reltuples, c.relpages,
           (pg_relation_size(c.oid) / current_setting('block_size')::int)::int as pages
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind = 'r'
  ) t
  where pages > 0
    and (reltuples < 0 or abs(pages - relpages) >= greatest(${MOVED_PAGES}::int, ceil(relpages * ${MOVED_SHARE}::float8)))
  order by name`;

/**
 * On PGlite, analyzes each table that changed enough since its last ANALYZE (one statement
 * per table, so Slack's reads get the session between them); answers the tables analyzed.
 * On PostgreSQL, autovacuum does this: nothing is done.
 */
export async function refreshStatistics(database: Database): Promise<string[]> {
  if (database.kind !== 'pglite') return [];
  const stale = await queryRows<{ name: string }>(database.db, STALE_TABLES);
  for (const { name } of stale) await database.db.execute(sql`analyze ${sql.identifier(name)}`);
  return stale.map((t) => t.name);
}
