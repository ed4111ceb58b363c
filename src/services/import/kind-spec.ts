import type { BulkTx } from '../../db/database.js';
import type { Locale, Policy } from '../../domain/policy.js';
import { t } from '../../slack/i18n/index.js';
import type { Cells } from './cells.js';
import { DIGEST_COLUMN } from './line-digests.js';
import { stagedInPieces } from '../../db/table-pieces.js';
import type { ImportKind, ImportProblem } from './types.js';

export type CheckRow = Record<string, unknown> & { line: number };

/** A set-based check on the staging table: `sql` selects the offending rows with their `line`. */
export interface Check {
  /**
   * When a good file may skip it. `repeats`: the file's keys were followed while reading and
   * none repeated. `upsert`: the upsert cannot store such a row (it would put NULL in a NOT
   * NULL column) and fails instead, and only then does this check run to name the lines.
   */
  skippable?: 'repeats' | 'upsert';
  /**
   * A cheaper first question, `SELECT 1 … LIMIT 1`: the detailed query runs only when it
   * finds something. Worth it where the detailed form costs more (a window over the file).
   */
  exists?: string;
  /** The offending rows: `line` plus what the message needs. */
  sql: string;
  /** The problem of an offending row, its message in `locale`. */
  problem(row: CheckRow, locale: Locale): ImportProblem;
}

export interface KindSpec {
  kind: ImportKind;
  /** The header columns of the file, as the ERP writes them (any order in the file). */
  columns: readonly string[];
  /** The columns (indexes into `columns`) that identify a row. */
  key: readonly number[];
  /** Staging table columns after `line`: `[name, SQL type]`, in the order rows are written. */
  staging: readonly (readonly [string, string])[];
  /**
   * Per file: returns the function that turns the current record of `cells` into its
   * staging CSV fields (after `line`), or reports problems through `cells`.
   */
  rowWriter(policy: Policy, cells: Cells): () => string;
  checks: readonly Check[];
  /** The upsert from the staging table. */
  upsert: Upsert;
  /**
   * The stored rows keep the digest of the line they came from, and a line stored before is
   * only counted (see line-digests.ts).
   */
  lineDigests?: {
    /** What besides the line decides the row it stores (defaults taken from the policy). */
    context: (policy: Policy) => string[];
    /**
     * Staged rows of `staged` (a FROM item, see Upsert) whose row is stored from another
     * line: `line`, the key columns by their names in `columns`, and the stored `digest` in
     * hex. Should the file hold that other line too, it holds the key twice.
     */
    storedOfStaged: (staged: string) => string;
    /**
     * Stores the digest of staged rows (of `staged`) the upsert found unchanged: the same
     * values from a line written differently (or read under other rules) are not read again
     * next time.
     */
    remember: (staged: string) => string;
  };
}

/**
 * The upsert of a kind, in the form for a table that holds rows and for an empty one. Each
 * form reads the staging table as `staged`, a FROM item: the whole table or a piece of it
 * (see table-pieces.ts).
 */
export interface Upsert {
  table: string;
  /** Drops unchanged rows by comparing them with the stored ones first; answers one row `{ inserted, updated }`. */
  compared: (staged: string) => string;
  /**
   * Nothing stored to compare with or to conflict with: a plain INSERT, without ON
   * CONFLICT's speculative insertion per row. Also the only safe form then: the planner
   * knows a vacuumed empty table has no pages and would rescan it once per file row, for a
   * table the statement itself is filling. Every row it writes is new, so its own row
   * count is the count of inserted rows, with nothing returned.
   */
  plain: (staged: string) => string;
}

export const stagingTable = (kind: ImportKind) => `import_${kind}`;

/** The staging table's columns after `line`: the kind's, then the line digest where it keeps one. */
export function stagingColumns(spec: KindSpec): readonly (readonly [string, string])[] {
  return spec.lineDigests ? [...spec.staging, [DIGEST_COLUMN, 'bytea']] : spec.staging;
}

/**
 * Repeated keys within the file. Runs only when the keys followed while reading may repeat
 * (or were too many to follow); it then asks whether any key repeats, and names every later
 * occurrence with the line of the first.
 */
export function duplicateCheck(
  table: string,
  keys: readonly string[],
  column: string,
  message: (row: CheckRow, locale: Locale) => string,
): Check {
  const k = keys.join(', ');
  return {
    skippable: 'repeats',
    exists: `SELECT 1 FROM ${table} GROUP BY ${k} HAVING count(*) > 1 LIMIT 1`,
    sql: `SELECT line, first_line, ${k} FROM (
            SELECT s.line, ${keys.map((c) => `s.${c}`).join(', ')}, min(s.line) OVER (PARTITION BY ${keys.map((c) => `s.${c}`).join(', ')}) AS first_line
            FROM ${table} s JOIN (SELECT ${k} FROM ${table} GROUP BY ${k} HAVING count(*) > 1) d USING (${k})
          ) x WHERE line > first_line`,
    problem: (row, locale) => ({ line: row.line, column, message: message(row, locale) }),
  };
}

/** What a row names, as the messages call it (`importProblem.debtor`). */
export type ImportThing = 'debtor' | 'invoice' | 'payment' | 'user';

/** `invoice "F-1" appears again (first on line 2)` in `locale`, for a duplicateCheck's message. */
export function repeatedMessage(what: ImportThing, key: string): (row: CheckRow, locale: Locale) => string {
  return (row, locale) =>
    t(locale, 'importProblem.repeated', { what: t(locale, `importProblem.${what}`), key: String(row[key]), first: String(row.first_line) });
}

/**
 * Rows whose `column` names nothing in `target` (matched on `targetKey`); empty cells are
 * NULL and skipped. The message names the row as `what` and the file (`debtors.csv`) to
 * import first. `refusedByUpsert`: the upsert refuses such rows itself (see `Check.skippable`).
 */
export function referenceCheck(
  table: string,
  column: string,
  target: string,
  targetKey: string,
  what: ImportThing,
  firstFile: string,
  refusedByUpsert: boolean,
): Check {
  const where = `s.${column} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ${target} t WHERE t.${targetKey} = s.${column})`;
  // No `exists` form: under LIMIT 1 the planner probes the index once per row, where the
  // full question is one hash anti-join.
  return {
    ...(refusedByUpsert ? { skippable: 'upsert' as const } : {}),
    sql: `SELECT s.line, s.${column} AS value FROM ${table} s WHERE ${where}`,
    problem: (row, locale) => ({
      line: row.line,
      column,
      message: t(locale, 'importProblem.missingReference', { what: t(locale, `importProblem.${what}`), key: String(row.value), file: firstFile }),
    }),
  };
}

/**
 * `INSERT … ON CONFLICT DO UPDATE` that writes only rows that differ: an unchanged row gets
 * no new version and keeps its `updated_at` (`touch`). Conflicts are found through the key's
 * unique index whatever the planner believes; the statement reads no table it writes, as a
 * plan made while that table is empty (a nested loop scanning it) would turn quadratic as
 * the statement fills it.
 */
export function upsertSql(options: {
  table: string;
  key: readonly string[];
  columns: readonly string[];
  /** A SELECT over `staged` (the staging table, or a piece of it) producing exactly `columns`, by those names. */
  source: (staged: string) => string;
  /** Columns stored with a changed row but not compared: on their own they change nothing. */
  written?: readonly string[];
  touch?: string;
  /**
   * More `column = expression` assignments made when a stored row changes, in the same
   * statement (`t` is the row as stored, `excluded` the new one).
   */
  alsoSet?: readonly string[];
}): Upsert {
  const { table, key, columns, source, written = [], touch, alsoSet = [] } = options;
  const compared = columns.filter((c) => !key.includes(c) && !written.includes(c));
  const row = (alias: string) => `(${compared.map((c) => `${alias}.${c}`).join(', ')})`;
  const set = [...[...compared, ...written].map((c) => `${c} = excluded.${c}`), ...(touch ? [`${touch} = now()`] : []), ...alsoSet];
  // Unchanged rows are dropped by one anti-join first: ON CONFLICT would try a speculative
  // insertion for every row of a nightly re-export, most of which changed nothing.
  const unchanged = `WHERE NOT EXISTS (SELECT 1 FROM ${table} cur WHERE ${key.map((k) => `cur.${k} = src.${k}`).join(' AND ')}
                      AND ${row('cur')} IS NOT DISTINCT FROM ${row('src')})`;
  const insert = (staged: string) => `INSERT INTO ${table} AS t (${columns.join(', ')})
    SELECT ${columns.map((c) => `src.${c}`).join(', ')} FROM (${source(staged)}) src`;
  const counted = (statement: string) => `WITH changed AS (${statement}
    RETURNING (xmax = 0) AS inserted
  )
  SELECT (count(*) FILTER (WHERE inserted))::int AS inserted, (count(*) FILTER (WHERE NOT inserted))::int AS updated FROM changed`;
  return {
    table,
    compared: (staged) =>
      counted(`${insert(staged)}
    ${unchanged}
    ON CONFLICT (${key.join(', ')}) DO UPDATE SET ${set.join(', ')}
    WHERE ${row('t')} IS DISTINCT FROM ${row('excluded')}`),
    plain: insert,
  };
}

const holdsRows = async (tx: BulkTx, table: string) =>
  (await tx.query<{ any: boolean }>(`SELECT EXISTS (SELECT 1 FROM ${table}) AS any`))[0]?.any === true;

/**
 * The form of `upsert` for its table as it is now. An empty table is locked against other
 * writers before the plain form is chosen, so that no row can arrive to conflict with it.
 */
export async function upsertStatement(tx: BulkTx, upsert: Upsert): Promise<{ text: (staged: string) => string; plain: boolean }> {
  const compared = { text: upsert.compared, plain: false };
  if (await holdsRows(tx, upsert.table)) return compared;
  await tx.query(`LOCK TABLE ${upsert.table} IN SHARE ROW EXCLUSIVE MODE`);
  return (await holdsRows(tx, upsert.table)) ? compared : { text: upsert.plain, plain: true };
}

/** Runs the upsert over the staging table `staging`, in the form `upsertStatement` chose, piece by piece. */
export async function runUpsert(tx: BulkTx, upsert: Upsert, staging: string): Promise<{ inserted: number; updated: number }> {
  const statement = await upsertStatement(tx, upsert);
  const counts = await stagedInPieces(tx, staging, async (piece) => {
    if (statement.plain) return { inserted: await tx.run(statement.text(piece)), updated: 0 };
    const [row] = await tx.query<{ inserted: number; updated: number }>(statement.text(piece));
    return row ?? { inserted: 0, updated: 0 };
  });
  return counts.reduce((sum, c) => ({ inserted: sum.inserted + c.inserted, updated: sum.updated + c.updated }), { inserted: 0, updated: 0 });
}
