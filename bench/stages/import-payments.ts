// Import the payments (they refer to debtors and invoices).
import type { Stage } from '../lib/context.js';
import { paymentsBaseline } from '../lib/baseline-imports.js';
import { importStage } from '../lib/import-measure.js';

export const stage: Stage = {
  name: 'import-payments',
  run: (bench, measure) =>
    importStage(
      bench,
      { name: 'import-payments', kind: 'payments', file: (b) => b.files.payments, baseline: paymentsBaseline, target: 1.5, freshBaselineTable: true },
      measure,
    ),
};
