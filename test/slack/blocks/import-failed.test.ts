import { describe, expect, it } from 'vitest';
import { importFailedMessage } from '../../../src/slack/blocks/index.js';
import { expectWithinLimits, visibleText } from './slack-limits.js';

describe('importFailedMessage', () => {
  // The error comes from the import already in the policy's language (see describeProblem).
  const failure = (error: string) => ({ file: 'debtors<2026>.csv', movedTo: 'failed/debtors<2026>.csv', error });

  it.each([
    [
      'es',
      'debtors<2026>.csv línea 3, columna risk: "altísimo" no es ninguno de estos valores: low, medium, high (+2)',
      'No se pudo importar debtors&lt;2026&gt;.csv',
      'no se guardó nada',
      'línea 3, columna risk: "altísimo" no es ninguno',
    ],
    [
      'en',
      'debtors<2026>.csv line 3, column risk: "altísimo" is not one of low, medium, high (+2)',
      'Could not import debtors&lt;2026&gt;.csv',
      'nothing of that file was stored',
      'line 3, column risk: "altísimo" is not one of',
    ],
  ] as const)('names the file, the error with line and column, and where the file went (%s)', (locale, error, notification, nothingStored, where) => {
    const message = importFailedMessage(failure(error), locale);
    expect(message.text).toContain(notification);
    const text = visibleText(message.blocks);
    for (const part of ['`debtors&lt;2026&gt;.csv`', nothingStored, where, '`failed/debtors&lt;2026&gt;.csv`']) {
      expect(text).toContain(part);
    }
    expectWithinLimits(message);
  });
});
