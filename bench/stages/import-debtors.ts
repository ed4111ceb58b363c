// Import the ERP's debtors into an empty register.
import type { Stage } from '../lib/context.js';
import { debtorsBaseline } from '../lib/baseline-imports.js';
import { importStage } from '../lib/import-measure.js';

export const stage: Stage = {
  name: 'import-debtors',
  run: (bench, measure) =>
    importStage(
      bench,
      { name: 'import-debtors', kind: 'debtors', file: (b) => b.files.debtors, baseline: debtorsBaseline, target: 1.5, freshBaselineTable: true },
      measure,
    ),
};
