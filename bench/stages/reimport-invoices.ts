// The same file again: nothing changes, nothing may be written.
import type { Stage } from '../lib/context.js';
import { invoicesBaseline } from '../lib/baseline-imports.js';
import { importStage } from '../lib/import-measure.js';

export const stage: Stage = {
  name: 'reimport-invoices',
  run: (bench, measure) =>
    importStage(
      bench,
      { name: 'reimport-invoices', kind: 'invoices', file: (b) => b.files.invoices, baseline: invoicesBaseline, target: 1.3 },
      measure,
    ),
};
