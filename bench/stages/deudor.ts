// `/deudor` at rest: 1,000 signed slash commands through the app's HTTP receiver, each
// timed until its ephemeral answer reaches the response_url, against the bare search
// queries on prepared statements for the same texts.
import { lookUpDebtor } from '../../src/services/debtor-lookup.js';
import { searchDebtors } from '../../src/services/debtor-search.js';
import { ratioRow } from '../report.js';
import { BENCH_USER, BenchApp, bareSearch, byKind } from '../lib/app.js';
import { TODAY, type Bench, type LatencySummary, type Stage } from '../lib/context.js';
import { deudorQueries, type DeudorQuery, type QueryKind } from '../lib/deudor-queries.js';
import { summarize } from '../lib/latency.js';

/** Commands sent untimed first: connections, JIT and caches warm up. */
const WARM_UP = 20;

/**
 * Where a command's time goes, on every tenth query: the search alone and the whole
 * look-up with the card's data, called in-process (no HTTP, no Bolt, no Block Kit).
 */
async function serviceSplit(bench: Bench, queries: readonly DeudorQuery[]) {
  const { db } = await bench.db.database();
  const sample = queries.filter((_, i) => i % 10 === 0);
  const search: number[] = [];
  const lookup: number[] = [];
  for (const q of sample) {
    let t = performance.now();
    await searchDebtors(db, q.text);
    search.push(performance.now() - t);
    t = performance.now();
    await lookUpDebtor(db, bench.policy, { slackUserId: BENCH_USER, text: q.text, today: TODAY });
    lookup.push(performance.now() - t);
  }
  return { queries: sample.length, search: summarize(search), lookup_with_card: summarize(lookup) };
}

/** The product at rest, for this stage and for the one under load. */
export async function idleDeudor(bench: Bench, app: BenchApp) {
  const queries = await deudorQueries(await bench.db.raw(), bench.commands);
  await app.commands(queries.slice(0, WARM_UP));
  const timings = await app.commands(queries);
  const summary: LatencySummary = summarize(timings.map((t) => t.ms));
  bench.idleDeudor = summary;
  return { queries, timings, summary };
}

export const stage: Stage = {
  name: 'deudor',
  async run(bench, measure) {
    if (!measure) return [];
    const app = await new BenchApp(bench).start();
    try {
      const { queries, timings, summary } = await idleDeudor(bench, app);
      const search = await bareSearch(bench);
      for (const q of queries.slice(0, WARM_UP)) await search(q);
      const bare: Array<{ kind: QueryKind; ms: number; path: string }> = [];
      for (const q of queries) bare.push({ kind: q.kind, ...(await search(q)) });
      const baseline = summarize(bare.map((b) => b.ms));
      const split = await serviceSplit(bench, queries);
      const paths: Record<string, number> = {};
      for (const b of bare) paths[b.path] = (paths[b.path] ?? 0) + 1;
      return [
        ratioRow('deudor', 'p99', summary.p99, baseline.p99, 1.5, {
          details: {
            product: summary,
            baseline,
            ack: summarize(timings.map((t) => t.ackMs)),
            product_by_kind: byKind(timings),
            baseline_by_kind: byKind(bare),
            baseline_paths: paths,
            in_process: split,
          },
        }),
      ];
    } finally {
      await app.stop();
    }
  },
};
