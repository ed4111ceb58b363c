import { describe, expect, it } from 'vitest';
import { alreadyResolvedMessage, barrierAssignedMessage, errorMessage, type ErrorKind } from '../../../src/slack/blocks/index.js';
import { t, type Locale } from '../../../src/slack/i18n/index.js';
import { ACTION, BLOCK } from '../../../src/slack/ids.js';
import { longName } from './fixtures.js';
import { expectWithinLimits, findAll, visibleText } from './slack-limits.js';

const LOCALES: Locale[] = ['es', 'en'];

describe('barrierAssignedMessage', () => {
  const barrier = {
    barrierId: 600,
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
  ] as const)('tells the owner whose barrier, what and by when, with the button to resolve it (%s)', (locale, kind, date, verb) => {
    const message = barrierAssignedMessage(barrier, locale);
    const text = visibleText(message.blocks);
    for (const part of ['<@U0COLLECT1>', verb, '*Lácteos &amp; Ángeles del Norte*', kind, date, '> Piden la constancia de retención de octubre.']) {
      expect(text).toContain(part);
    }
    expect(message.text).toContain(date);
    expect(findAll(message.blocks, 'button').map((b) => [b.action_id, b.value, (b.text as { text: string }).text])).toEqual([
      [ACTION.resolveBarrier, '600', t(locale, 'barrierResolution.resolve')],
      [ACTION.openDebtor, '77', t(locale, 'common.openDebtor')],
    ]);
    expect(message.blocks.at(-1)).toMatchObject({ type: 'actions', block_id: BLOCK.barrierAssigned });
    expectWithinLimits(message);
  });

  it.each([
    ['es', 'U0OWNER01', 'Resuelta por <@U0OWNER01> el 23 nov 2026 09:14'],
    ['en', 'U0OWNER01', 'Resolved by <@U0OWNER01> on Nov 23, 2026 09:14'],
    ['es', null, 'Resuelta automáticamente el 23 nov 2026 09:14, sin nada vencido'],
    ['en', null, 'Resolved automatically on Nov 23, 2026 09:14, nothing overdue'],
  ] as const)('once resolved, says who and when in the policy zone instead of the button (%s, by %s)', (locale, bySlackId, expected) => {
    const resolved = { bySlackId, at: new Date('2026-11-23T15:14:00Z') };
    const message = barrierAssignedMessage({ ...barrier, resolved, timeZone: 'America/Mexico_City' }, locale);
    expect(visibleText(message.blocks)).toContain(expected);
    expect(visibleText(message.blocks)).toContain('Lácteos &amp; Ángeles del Norte');
    expect(findAll(message.blocks, 'button').map((b) => b.action_id)).toEqual([ACTION.openDebtor]);
    expectWithinLimits(message);
  });

  it('long names and descriptions stay within limits', () => {
    expectWithinLimits(barrierAssignedMessage({ ...barrier, debtorName: longName(200), description: longName(3000) }, 'es'));
  });
});

describe('alreadyResolvedMessage', () => {
  const at = new Date('2026-11-23T15:14:00Z');

  it.each([
    ['es', 'U0OWNER01', '<@U0OWNER01> ya resolvió esta barrera el 23 nov 2026 09:14'],
    ['en', 'U0OWNER01', '<@U0OWNER01> already resolved this barrier on Nov 23, 2026 09:14'],
    ['es', null, 'Esta barrera ya se resolvió automáticamente el 23 nov 2026 09:14'],
    ['en', null, 'This barrier was already resolved automatically on Nov 23, 2026 09:14'],
  ] as const)('says who resolved it and when (%s, by %s)', (locale, bySlackId, expected) => {
    const message = alreadyResolvedMessage({ bySlackId, at }, 'America/Mexico_City', locale);
    expect(message.text).toContain(expected);
    expect(visibleText(message.blocks)).toBe(message.text);
    expectWithinLimits(message);
  });
});

describe('errorMessage', () => {
  const KINDS: ErrorKind[] = ['not_registered', 'forbidden', 'failed', 'debtor_not_found', 'already_acknowledged', 'barrier_not_found'];

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
