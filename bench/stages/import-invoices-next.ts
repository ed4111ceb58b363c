// The next night's export: 5% of the rows changed, 1% new.
import type { Stage } from '../lib/context.js';
import { invoicesBaseline } from '../lib/baseline-imports.js';
import { importStage } from '../lib/import-measure.js';

export const stage: Stage = {
  name: 'import-invoices-next',
  run: (bench, measure) =>
    importStage(
      bench,
      { name: 'import-invoices-next', kind: 'invoices', file: (b) => b.files.invoicesNext, baseline: invoicesBaseline, target: 1.3 },
      measure,
    ),
};
