import { describe, expect, it } from 'vitest';
import type { DebtorHit } from '../../../src/services/debtor-search.js';
import { debtorNotFound, debtorPickList, deudorHelp } from '../../../src/slack/blocks/index.js';
import { t, type Locale } from '../../../src/slack/i18n/index.js';
import { ACTION, COMMAND } from '../../../src/slack/ids.js';
import { longName } from './fixtures.js';
import { expectWithinLimits, findAll, visibleText } from './slack-limits.js';

const LOCALES: Locale[] = ['es', 'en'];
const words = (locale: Locale, taxIdLabel = 'RFC') => ({ locale, taxIdLabel });

const HITS: DebtorHit[] = [
  { id: 1, externalId: 'D-1001', name: 'Construcciones Pérez, S.A. de C.V.', taxId: 'CPE980512AB3' },
  { id: 3, externalId: 'D-1003', name: 'Constructora Sánchez del Bajío, S.A.', taxId: 'CSB111111AA1' },
];

const openButtons = (blocks: unknown) => findAll(blocks, 'button').map((b) => [b.action_id, b.value]);

describe('debtorPickList', () => {
  it.each(LOCALES)('lists each debtor with an open_debtor button (%s)', (locale) => {
    const message = debtorPickList(HITS, 'constru', words(locale, 'CUIT'));
    expect(openButtons(message.blocks)).toEqual([
      [ACTION.openDebtor, '1'],
      [ACTION.openDebtor, '3'],
    ]);
    const text = visibleText(message.blocks);
    expect(text).toContain(t(locale, 'search.pickTitle', { count: 2, query: 'constru' }));
    expect(text).toContain('Construcciones Pérez, S.A. de C.V.');
    expect(text).toContain(t(locale, 'card.ids', { externalId: 'D-1003', taxIdLabel: 'CUIT', taxId: 'CSB111111AA1' }));
    expectWithinLimits(message);
  });

  it.each(LOCALES)('many hits with 200-character names stay within limits (%s)', (locale) => {
    const hits = Array.from({ length: 60 }, (_, i) => ({ id: i + 1, externalId: `D-${i}`, name: longName(200, i), taxId: '' }));
    const message = debtorPickList(hits, `<b>${longName(300)}`, words(locale));
    expectWithinLimits(message);
    expect(visibleText(message.blocks)).toContain(t(locale, 'common.andMore', { count: 40 }));
  });
});

describe('debtorNotFound', () => {
  it.each(LOCALES)('says nothing matched, suggests the closest and how to search (%s)', (locale) => {
    const message = debtorNotFound('constrctora <x>', HITS, words(locale));
    const text = visibleText(message.blocks);
    expect(message.text).toBe(t(locale, 'search.notFound', { query: 'constrctora &lt;x&gt;' }));
    expect(text).toContain(t(locale, 'search.suggestions'));
    expect(text).toContain(`\`${COMMAND}\``);
    expect(openButtons(message.blocks)).toEqual([
      [ACTION.openDebtor, '1'],
      [ACTION.openDebtor, '3'],
    ]);
    expectWithinLimits(message);
  });

  it.each(LOCALES)('without suggestions only says so and how to search (%s)', (locale) => {
    const message = debtorNotFound('zzz', [], words(locale, 'CUIT'));
    expect(visibleText(message.blocks)).not.toContain(t(locale, 'search.suggestions'));
    expect(visibleText(message.blocks)).toContain(t(locale, 'search.usageHint', { command: `\`${COMMAND}\``, taxIdLabel: 'CUIT' }));
    expect(openButtons(message.blocks)).toEqual([]);
    expectWithinLimits(message);
  });
});

describe('deudorHelp', () => {
  it.each(LOCALES)('explains the command with examples (%s)', (locale) => {
    const message = deudorHelp(words(locale, 'CUIT'));
    const text = visibleText(message.blocks);
    expect(text).toContain(`${COMMAND} &lt;`);
    expect(text).toContain(`\`${COMMAND} C-0042\``);
    expect(text).toContain(t(locale, 'search.helpByTaxId', { taxIdLabel: 'CUIT' }));
    // The tax id is named as the policy names it, never as Mexico's RFC.
    expect(text).toContain('CUIT');
    expect(text).not.toContain('RFC');
    expect(message.text).toBe(t(locale, 'search.helpFallback', { command: COMMAND }));
    expectWithinLimits(message);
  });
});
