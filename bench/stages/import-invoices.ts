// First load of the invoices: every row is new.
import type { Stage } from '../lib/context.js';
import { invoicesBaseline } from '../lib/baseline-imports.js';
import { importStage } from '../lib/import-measure.js';

export const stage: Stage = {
  name: 'import-invoices',
  run: (bench, measure) =>
    importStage(
      bench,
      { name: 'import-invoices', kind: 'invoices', file: (b) => b.files.invoices, baseline: invoicesBaseline, target: 1.3, freshBaselineTable: true },
      measure,
    ),
};
