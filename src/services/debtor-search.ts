import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { queryRows } from '../db/query-rows.js';
import { normaliseSearchText, taxIdKey } from '../domain/search-text.js';

export interface DebtorHit {
  id: number;
  externalId: string;
  name: string;
  taxId: string;
}

export type DebtorSearchResult =
  | { kind: 'one'; debtor: DebtorHit }
  | { kind: 'many'; debtors: DebtorHit[] }
  | { kind: 'none'; suggestions: DebtorHit[] };

const MANY_LIMIT = 10;
const SUGGESTIONS = 3;
/** pg_trgm's default word similarity: a typo in one word still clears it. */
const MATCH_SIMILARITY = 0.6;
/** Names this close are offered when nothing matches. */
const SUGGESTION_SIMILARITY = 0.3;

type HitRow = { id: number; external_id: string; name: string; tax_id: string; search_name: string };

const toHit = (r: HitRow): DebtorHit => ({ id: Number(r.id), externalId: r.external_id, name: r.name, taxId: r.tax_id });

/**
 * Finds debtors for `/deudor`: an exact code or tax id first, then names containing the
 * text (accents and case ignored), and only on a miss the trigram similarity that forgives
 * typos; the cheap query answers most look-ups.
 */
export async function searchDebtors(db: Db, text: string): Promise<DebtorSearchResult> {
  const query = normaliseSearchText(text);
  const key = taxIdKey(text);
  if (!query) return { kind: 'none', suggestions: [] };

  const exact = await queryRows<HitRow>(
    db,
    sql`select id, external_id, name, tax_id, search_name from debtors
        where upper(external_id) = upper(${text.trim()}) or (${key} <> '' and tax_id_key = ${key})
        order by id limit 2`,
  );
  if (exact.length === 1) return { kind: 'one', debtor: toHit(exact[0]!) };

  // The normalised text holds only letters, digits and spaces: no LIKE wildcards to escape.
  const pattern = `%${query}%`;
  const containing = await queryRows<HitRow>(
    db,
    sql`select id, external_id, name, tax_id, search_name from debtors
        where search_name like ${pattern}
        order by (search_name = ${query}) desc, (search_name like ${`${query}%`}) desc, length(search_name), name
        limit ${MANY_LIMIT + 1}`,
  );
  const clear = containing.find((r) => r.search_name === query);
  if (containing.length === 1 || clear) return { kind: 'one', debtor: toHit(clear ?? containing[0]!) };
  if (containing.length > 1) return { kind: 'many', debtors: containing.slice(0, MANY_LIMIT).map(toHit) };

  const similar = await similarNames(db, query, MATCH_SIMILARITY, MANY_LIMIT);
  if (similar.length === 1) return { kind: 'one', debtor: toHit(similar[0]!) };
  if (similar.length > 1) {
    const [best, second] = similar;
    if (Number(best!.score) >= 0.75 && Number(best!.score) - Number(second!.score) >= 0.2) {
      return { kind: 'one', debtor: toHit(best!) };
    }
    return { kind: 'many', debtors: similar.map(toHit) };
  }
  const closest = await similarNames(db, query, SUGGESTION_SIMILARITY, SUGGESTIONS);
  return { kind: 'none', suggestions: closest.map(toHit) };
}

/**
 * Names with a word at least `threshold` similar to the text, best first, through the
 * trigram index (a plain similarity() over every name would read them all).
 */
async function similarNames(db: Db, query: string, threshold: number, limit: number) {
  // Read-only: on the embedded database it need not wait for a transaction under way.
  return db.transaction(
    async (tx) => {
      const seqscan = await similarityScope(tx, threshold);
      const rows = await queryRows<HitRow & { score: number }>(tx, similarNamesQuery(query, limit));
      // Within a caller's transaction the scope would outlive this query.
      await tx.execute(sql`select set_config('enable_seqscan', ${seqscan}, true)`);
      return rows;
    },
    { accessMode: 'read only' },
  );
}

/** The statement of `similarNames`; it runs under `similarityScope`. */
export function similarNamesQuery(query: string, limit: number): SQL {
  return sql`select id, external_id, name, tax_id, search_name, word_similarity(${query}, search_name) as score
             from debtors where ${query} <% search_name
             order by score desc, name limit ${limit}`;
}

/**
 * For the rest of the transaction: the similarity threshold, and no sequential scan.
 * word_similarity costs far more per row than the planner assumes, so at the suggestions'
 * low threshold it would score every debtor rather than only the trigram index's candidates.
 * Answers the `enable_seqscan` setting it replaced.
 */
export async function similarityScope(tx: Db, threshold: number): Promise<string> {
  const [before] = await queryRows<{ seqscan: string }>(
    tx,
    sql`select current_setting('enable_seqscan') as seqscan, set_config('pg_trgm.word_similarity_threshold', ${String(threshold)}, true),
               set_config('enable_seqscan', 'off', true)`,
  );
  return before?.seqscan ?? 'on';
}
