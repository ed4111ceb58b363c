import { describe, expect, it } from 'vitest';
import { importFailedMessage } from '../../../src/slack/blocks/index.js';
import { expectWithinLimits, visibleText } from './slack-limits.js';

describe('importFailedMessage', () => {
  const failure = {
    file: 'debtors<2026>.csv',
    movedTo: 'failed/debtors<2026>.csv',
    error: 'debtors<2026>.csv line 3, column risk: "altísimo" is not one of low, medium, high (+2)',
  };

  it.each([
    ['es', 'No se pudo importar debtors&lt;2026&gt;.csv', 'no se guardó nada'],
    ['en', 'Could not import debtors&lt;2026&gt;.csv', 'nothing of that file was stored'],
  ] as const)('names the file, the error with line and column, and where the file went (%s)', (locale, notification, nothingStored) => {
    const message = importFailedMessage(failure, locale);
    expect(message.text).toContain(notification);
    const text = visibleText(message.blocks);
    for (const part of ['`debtors&lt;2026&gt;.csv`', nothingStored, 'line 3, column risk', '`failed/debtors&lt;2026&gt;.csv`']) {
      expect(text).toContain(part);
    }
    expectWithinLimits(message);
  });
});
