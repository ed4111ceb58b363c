import { describe, expect, it } from 'vitest';
import { debtorCard } from '../../../src/slack/blocks/index.js';
import { t, type Locale } from '../../../src/slack/i18n/index.js';
import { ACTION } from '../../../src/slack/ids.js';
import { debtorSummary, longName, TODAY } from './fixtures.js';
import { expectWithinLimits, findAll, visibleText } from './slack-limits.js';

const LOCALES: Locale[] = ['es', 'en'];

describe('debtorCard', () => {
  it('shows the whole account in Spanish', () => {
    const card = debtorCard(debtorSummary(), { locale: 'es', taxIdLabel: 'RFC', today: TODAY, timeZone: 'America/Mexico_City' });
    const text = visibleText(card.blocks);
    expect(card.blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: 'Construcciones Pérez & Hijos, S.A. de C.V.', emoji: true } });
    for (const expected of [
      'Código C-00042 · RFC CPE980512AB3',
      '<@U0COLLECT1>',
      'Contactos del deudor',
      '*Rodrigo Martínez* · 0 · Encargado de pagos · Tel. +52 81 5555 0101 · Correo pagos@perez.example · WhatsApp +52 81 5555 0102',
      '*Claudia Ruiz* · 2 · Gerente · Correo claudia.ruiz@perez.example',
      '2 · Gerente',
      'Crédito suspendido',
      '97 días',
      'MXN: $9,876,543.21 MXN abierto, $4,567,890.12 MXN vencido',
      'Siguiente acción sugerida: Presionar',
      'Vencido hace 97 días: anuncia una consecuencia.',
      'Promesas abiertas (2)',
      'lun 23 nov 2026: $10,000.00 MXN (hoy), pago 1 de 3',
      'Barreras abiertas (1)',
      'Falta un documento, a cargo de <@U00000008X>, venció el sáb 21 nov 2026',
      'Consecuencias anunciadas (1)',
      'Cobranza judicial, plazo el jue 26 nov 2026',
      'Últimas gestiones',
      '20 nov 2026 · Recordar · Teléfono · Ana Gómez (habló con Lic. Rodrigo Martínez)',
      'el complemento &lt;CFDI&gt;',
    ]) {
      expect(text).toContain(expected);
    }
    expect(card.text).toBe('Ficha de Construcciones Pérez &amp; Hijos, S.A. de C.V.: $4,567,890.12 MXN vencido');
    const actions = card.blocks.at(-1)!;
    expect(actions).toEqual({
      type: 'actions',
      elements: [{ type: 'button', text: { type: 'plain_text', text: 'Registrar gestión', emoji: true }, action_id: ACTION.logOutcome, value: '42', style: 'primary' }],
    });
    expectWithinLimits(card);
  });

  it('shows the whole account in English', () => {
    const card = debtorCard(debtorSummary(), { locale: 'en', taxIdLabel: 'CUIT', today: TODAY });
    const text = visibleText(card.blocks);
    for (const expected of [
      'Code C-00042 · CUIT CPE980512AB3',
      "Debtor's contacts",
      '*Rodrigo Martínez* · 0 · Payments clerk · Phone +52 81 5555 0101 · Email pagos@perez.example · WhatsApp +52 81 5555 0102',
      '*Claudia Ruiz* · 2 · Manager · Email claudia.ruiz@perez.example',
      '2 · Manager',
      'Credit on hold',
      'Suggested next action: Apply pressure',
      '97 days overdue: announce a consequence.',
      'Mon, Nov 23, 2026: $10,000.00 MXN (today), instalment 1 of 3',
      'Missing document, owned by <@U00000008X>, was due Sat, Nov 21, 2026',
      'Legal referral, deadline Thu, Nov 26, 2026',
      'Last contacts',
    ]) {
      expect(text).toContain(expected);
    }
    expect(findAll(card.blocks, 'button').map((b) => [b.action_id, b.value])).toEqual([
      [ACTION.resolveBarrier, '600'],
      [ACTION.logOutcome, '42'],
    ]);
    expectWithinLimits(card);
  });

  it.each(LOCALES)('an unassigned, quiet account says so (%s)', (locale) => {
    const summary = { ...debtorSummary({ collector: false, promises: 0, barriers: 0, pressures: 0, contacts: 0 }), totals: [], oldestOverdueDays: 0, contacts: [] };
    const text = visibleText(debtorCard(summary, { locale, taxIdLabel: 'RFC', today: TODAY }).blocks);
    expect(text).toContain(t(locale, 'common.noCollector'));
    expect(text).toContain(t(locale, 'card.nothingOverdue'));
    expect(text).toContain(t(locale, 'card.noBalance'));
    expect(text).toContain(t(locale, 'card.noContacts'));
    expect(text).toContain(t(locale, 'card.noPeople'));
    expect(text).not.toContain(t(locale, 'card.promises', { count: 0 }));
  });

  it.each(LOCALES)('the largest account fits one message (%s)', (locale) => {
    const summary = debtorSummary({
      name: longName(200),
      promises: 50,
      barriers: 30,
      resolvedBarriers: 5,
      pressures: 12,
      contacts: 5,
      currencies: 8,
      noteLength: 3000,
    });
    summary.openBarriers.forEach((b) => (b.description = longName(3000)));
    summary.lastContacts.forEach((c) => (c.author = longName(200)));
    summary.contacts = Array.from({ length: 40 }, (_, i) => ({ id: i, name: longName(200, i), level: i % 4, phone: longName(100, i), email: longName(300, i), whatsapp: longName(100, i) }));
    const card = debtorCard(summary, { locale, taxIdLabel: 'RFC', today: TODAY });
    expectWithinLimits(card);
    const text = visibleText(card.blocks);
    expect(text).toContain(t(locale, 'common.andMore', { count: 45 }));
    expect(text).toContain(t(locale, 'common.andMore', { count: 25 }));
    expect(text).toContain(t(locale, 'common.andMore', { count: 7 }));
    expect(text).toContain(t(locale, 'common.andMore', { count: 3 }));
  });
});

describe('debtorCard credit lines', () => {
  const at = new Date(`${TODAY}T16:30:00Z`);
  const manager = { id: 9, slackUserId: 'U0MANAGER1', name: 'Laura Ríos' };
  type Credit = ReturnType<typeof debtorSummary>['credit'];

  /** The text of the card's credit field, as Slack receives it. */
  function creditField(effective: string, credit: Credit, locale: Locale): string {
    const summary = debtorSummary();
    const card = debtorCard({ ...summary, debtor: { ...summary.debtor, creditStatus: effective }, credit }, { locale, taxIdLabel: 'RFC', today: TODAY, timeZone: 'America/Mexico_City' });
    const fields = findAll(card.blocks, 'mrkdwn').map((f) => String(f.text));
    return fields.find((text) => text.startsWith(`*${t(locale, 'card.credit')}*`))!;
  }

  it.each<[string, Locale, string, Credit, string]>([
    ['no decision: the ERP status alone', 'es', 'hold', { erp: 'hold', decision: null }, '*Crédito*\nCrédito suspendido'],
    [
      "a collector's hold over an active ERP status",
      'es',
      'hold',
      { erp: 'active', decision: { status: 'hold', decidedAt: at, decidedBy: manager } },
      '*Crédito*\nCrédito suspendido\n_Suspendido por <@U0MANAGER1> el 23 nov 2026_\n_En el ERP: Crédito activo_',
    ],
    [
      'restored by the team while the ERP still holds',
      'es',
      'hold',
      { erp: 'hold', decision: { status: 'active', decidedAt: at, decidedBy: manager } },
      '*Crédito*\nCrédito suspendido\n_Restablecido por <@U0MANAGER1> el 23 nov 2026_\n_En el ERP: Crédito suspendido_',
    ],
    [
      'the ladder revoked, and so did the ERP',
      'es',
      'revoked',
      { erp: 'revoked', decision: { status: 'revoked', decidedAt: at, decidedBy: null } },
      '*Crédito*\nCrédito revocado\n_Revocado por el escalamiento al llegar al nivel 4, el 23 nov 2026_',
    ],
    [
      'in English',
      'en',
      'revoked',
      { erp: 'hold', decision: { status: 'revoked', decidedAt: at, decidedBy: manager } },
      '*Credit*\nCredit revoked\n_Revoked by <@U0MANAGER1> on Nov 23, 2026_\n_In the ERP: Credit on hold_',
    ],
  ])('%s (%s)', (_name, locale, effective, credit, expected) => {
    expect(creditField(effective, credit, locale)).toBe(expected);
  });
});

describe('debtorCard barriers', () => {
  it.each(LOCALES)('each open barrier has its resolve button; past five they are counted (%s)', (locale) => {
    const card = debtorCard(debtorSummary({ barriers: 7 }), { locale, taxIdLabel: 'RFC', today: TODAY });
    const resolve = findAll(card.blocks, 'button').filter((b) => b.action_id === ACTION.resolveBarrier);
    expect(resolve.map((b) => b.value)).toEqual(['600', '601', '602', '603', '604']);
    expect(resolve.every((b) => (b.text as { text: string }).text === t(locale, 'barrierResolution.resolve'))).toBe(true);
    const text = visibleText(card.blocks);
    expect(text).toContain(t(locale, 'card.barriers', { count: 7 }));
    expect(text).toContain(t(locale, 'common.andMore', { count: 2 }));
    expectWithinLimits(card);
  });

  it.each([
    [
      'es',
      [
        '*Barreras resueltas recientemente*',
        '• Falta un documento · Resuelta por <@U00000008X> el 23 nov 2026 09:14',
        '• Error en la factura · Resuelta automáticamente el 22 nov 2026 09:14, sin nada vencido',
      ],
    ],
    [
      'en',
      [
        '*Recently resolved barriers*',
        '• Missing document · Resolved by <@U00000008X> on Nov 23, 2026 09:14',
        '• Invoice error · Resolved automatically on Nov 22, 2026 09:14, nothing overdue',
      ],
    ],
  ] as const)('shows the barriers resolved lately, by whom or automatically, without buttons (%s)', (locale, lines) => {
    const card = debtorCard(debtorSummary({ barriers: 0, resolvedBarriers: 2 }), { locale, taxIdLabel: 'RFC', today: TODAY, timeZone: 'America/Mexico_City' });
    const text = visibleText(card.blocks);
    for (const line of lines) expect(text).toContain(line);
    expect(text).not.toContain(t(locale, 'card.barriers', { count: 0 }));
    expect(findAll(card.blocks, 'button').map((b) => b.action_id)).toEqual([ACTION.logOutcome]);
    expectWithinLimits(card);
  });
});
