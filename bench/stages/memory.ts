// Peak resident memory of each product process the bench started. On PostgreSQL an import
// streams its file, so its peak must not grow with the file; on PGlite the database itself
// lives in the process's memory (its cache, and the working memory of its statements).
import type { StageRow } from '../report.js';
import type { Bench, Stage } from '../lib/context.js';

const IMPORT_LIMIT_MB = { postgres: 300, pglite: 500 };

export function memoryRow(bench: Bench): StageRow | undefined {
  if (bench.processes.length === 0) return undefined;
  const peak = Math.max(...bench.processes.map((p) => p.peakRssMb));
  const limit = IMPORT_LIMIT_MB[bench.db.kind];
  return {
    name: 'memory',
    product_ms: null,
    baseline_ms: null,
    ratio: null,
    target: limit,
    pass: peak <= limit,
    metric: 'peak_rss',
    target_text: `import ≤ ${limit} MB`,
    peak_rss_mb: Math.round(peak),
    details: { processes: bench.processes.map((p) => ({ stage: p.stage, peak_rss_mb: Math.round(p.peakRssMb) })) },
  };
}

/** Measured by the import stages; this stage only gathers their figures. */
export const stage: Stage = {
  name: 'memory',
  run: (bench, measure) => {
    const row = measure ? memoryRow(bench) : undefined;
    return Promise.resolve(row ? [row] : []);
  },
};
