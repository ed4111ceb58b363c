// Import the debtors' contact people.
import type { Stage } from '../lib/context.js';
import { contactsBaseline } from '../lib/baseline-imports.js';
import { importStage } from '../lib/import-measure.js';

export const stage: Stage = {
  name: 'import-contacts',
  run: (bench, measure) =>
    importStage(
      bench,
      { name: 'import-contacts', kind: 'contacts', file: (b) => b.files.contacts, baseline: contactsBaseline, target: 1.5, freshBaselineTable: true },
      measure,
    ),
};
