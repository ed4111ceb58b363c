import { describe, expect, it } from 'vitest';
import { barrierAssignedMessage, errorMessage, type ErrorKind } from '../../../src/slack/blocks/index.js';
import { t, type Locale } from '../../../src/slack/i18n/index.js';
import { ACTION } from '../../../src/slack/ids.js';
import { longName } from './fixtures.js';
import { expectWithinLimits, findAll, visibleText } from './slack-limits.js';

const LOCALES: Locale[] = ['es', 'en'];

describe('barrierAssignedMessage', () => {
  const barrier = {
    debtorName: 'Lácteos & Ángeles del Norte',
    debtorId: 77,
    kind: 'withholding_certificate' as const,
    description: 'Piden la constancia de retención de octubre.',
    dueOn: '2026-11-27',
    assignedBySlackId: 'U0COLLECT1',
  };

  it.each([
    ['es', 'Constancia fiscal o de retención', 'vie 27 nov 2026', 'te asignó'],
    ['en', 'Tax or withholding certificate', 'Fri, Nov 27, 2026', 'assigned you'],
  ] as const)('tells the owner whose barrier, what and by when (%s)', (locale, kind, date, verb) => {
    const message = barrierAssignedMessage(barrier, locale);
    const text = visibleText(message.blocks);
    for (const part of ['<@U0COLLECT1>', verb, '*Lácteos &amp; Ángeles del Norte*', kind, date, '> Piden la constancia de retención de octubre.']) {
      expect(text).toContain(part);
    }
    expect(message.text).toContain(date);
    expect(findAll(message.blocks, 'button').map((b) => [b.action_id, b.value, (b.text as { text: string }).text])).toEqual([
      [ACTION.openDebtor, '77', t(locale, 'common.openDebtor')],
    ]);
    expectWithinLimits(message);
  });

  it('long names and descriptions stay within limits', () => {
    expectWithinLimits(barrierAssignedMessage({ ...barrier, debtorName: longName(200), description: longName(3000) }, 'es'));
  });
});

describe('errorMessage', () => {
  const KINDS: ErrorKind[] = ['not_registered', 'forbidden', 'failed', 'debtor_not_found', 'already_acknowledged'];

  it.each(KINDS.flatMap((kind) => LOCALES.map((locale) => [kind, locale] as const)))('%s (%s)', (kind, locale) => {
    const message = errorMessage(kind, locale);
    expect(message.text.length).toBeGreaterThan(10);
    expect(message.text).not.toContain('{');
    expect(visibleText(message.blocks)).toBe(message.text);
    expectWithinLimits(message);
  });

  it('speaks the language asked for', () => {
    expect(errorMessage('forbidden', 'es').text).toContain('No tienes permiso');
    expect(errorMessage('forbidden', 'en').text).toContain('You are not allowed');
  });
});
