import { describe, expect, it } from 'vitest';
import { addDays } from '../../../src/domain/calendar.js';
import { ALARM_KINDS, homeView, type HomeInput } from '../../../src/slack/blocks/index.js';
import { t, type Locale } from '../../../src/slack/i18n/index.js';
import { ACTION } from '../../../src/slack/ids.js';
import { alarmView, longName, slackId, TODAY, workItems } from './fixtures.js';
import { expectWithinLimits, findAll, visibleText } from './slack-limits.js';

const LOCALES: Locale[] = ['es', 'en'];

function input(overrides: Partial<HomeInput> = {}): HomeInput {
  return {
    locale: 'es',
    today: TODAY,
    userName: 'Ana Gómez',
    worklist: workItems(3),
    promises: [
      { debtorId: 2, debtorName: 'Farmacias Güemes', promisedOn: '2026-11-30', amount: 500_000, currency: 'MXN', instalmentNo: 2, instalmentCount: 3 },
      { debtorId: 1, debtorName: 'Papelería La Pluma', promisedOn: '2026-11-24', amount: 1_000_000, currency: 'MXN', instalmentNo: 1, instalmentCount: 1 },
    ],
    barriers: [{ id: 31, debtorId: 3, debtorName: 'Lácteos & Ángeles', kind: 'invoice_error', dueOn: '2026-11-20', ownerSlackId: 'U0OWNER01' }],
    resolvedBarriers: [],
    timeZone: 'America/Mexico_City',
    alarms: null,
    ...overrides,
  };
}

describe('homeView', () => {
  it('shows the list, promises by date and barriers (es)', () => {
    const view = homeView(input());
    expect(view.type).toBe('home');
    const text = visibleText(view.blocks);
    expect(text).toContain('Hola, Ana Gómez');
    expect(text).toContain('Tu lista de hoy, lun 23 nov');
    expect(text).toContain('3 deudores por gestionar.');
    expect(text).toContain('Promesas abiertas');
    // By date: the 24th before the 30th, whatever order they came in.
    expect(text).toMatch(/mar 24 nov 2026 · \*Papelería La Pluma\* · \$10,000.00 MXN\n• lun 30 nov 2026 · \*Farmacias Güemes\* · \$5,000.00 MXN \(2\/3\)/);
    expect(text).toContain('vie 20 nov 2026 _(vencida)_ · *Lácteos &amp; Ángeles* · Error en la factura · <@U0OWNER01>');
    expect(text).not.toContain(t('es', 'home.alarms'));
    expect(findAll(view.blocks, 'button').map((b) => [b.action_id, b.value])).toEqual([
      ...workItems(3).map((item) => [ACTION.logOutcome, String(item.snapshot.debtorId)]),
      [ACTION.resolveBarrier, '31'],
    ]);
    expectWithinLimits(view);
  });

  it.each([
    ['es', ['*Farmacias Güemes* · Error en la factura · Resuelta por <@U0OWNER01> el 23 nov 2026 09:14', '*Papelería La Pluma* · Falta un documento · Resuelta automáticamente el 22 nov 2026 09:14, sin nada vencido']],
    ['en', ['*Farmacias Güemes* · Invoice error · Resolved by <@U0OWNER01> on Nov 23, 2026 09:14', '*Papelería La Pluma* · Missing document · Resolved automatically on Nov 22, 2026 09:14, nothing overdue']],
  ] as const)('shows barriers resolved lately, by whom or automatically, without a button (%s)', (locale, lines) => {
    const resolvedBarriers = [
      { id: 40, debtorId: 2, debtorName: 'Farmacias Güemes', kind: 'invoice_error' as const, resolution: { bySlackId: 'U0OWNER01', at: new Date('2026-11-23T15:14:00Z') } },
      { id: 41, debtorId: 1, debtorName: 'Papelería La Pluma', kind: 'missing_document' as const, resolution: { bySlackId: null, at: new Date('2026-11-22T15:14:00Z') } },
    ];
    const view = homeView(input({ locale, barriers: [], resolvedBarriers }));
    const text = visibleText(view.blocks);
    expect(text).toContain(t(locale, 'home.barriersEmpty'));
    expect(text).toContain(t(locale, 'barrierResolution.recent'));
    for (const line of lines) expect(text).toContain(line);
    expect(findAll(view.blocks, 'button').filter((b) => b.action_id === ACTION.resolveBarrier)).toEqual([]);
    expectWithinLimits(view);
  });

  it.each(LOCALES)('an empty day says so in every part (%s)', (locale) => {
    const view = homeView(input({ locale, worklist: [], promises: [], barriers: [], alarms: [] }));
    const text = visibleText(view.blocks);
    for (const key of ['home.todayEmpty', 'home.promisesEmpty', 'home.barriersEmpty', 'home.alarmsEmpty'] as const) expect(text).toContain(t(locale, key));
    expectWithinLimits(view);
  });

  it.each(LOCALES)('a lead sees the unacknowledged alarms with ack buttons (%s)', (locale) => {
    const acknowledged = { bySlackId: 'U0LEAD001', at: new Date('2026-11-23T15:00:00Z') };
    const alarms = [alarmView('promise_broken', { id: 1 }), alarmView('no_contact', { id: 2, acknowledged }), alarmView('no_collector', { id: 3 })];
    const view = homeView(input({ locale, alarms }));
    expect(visibleText(view.blocks)).toContain(t(locale, 'home.alarms'));
    const acks = findAll(view.blocks, 'button').filter((b) => b.action_id === ACTION.ackAlarm);
    expect(acks.map((b) => b.value)).toEqual(['1', '3']);
    expectWithinLimits(view);
  });

  it.each(LOCALES)('500 work items, 300 promises, 100 barriers and 200 alarms fit 100 blocks (%s)', (locale) => {
    const view = homeView(
      input({
        locale,
        userName: longName(200),
        worklist: workItems(500, (i) => longName(200, i)),
        promises: Array.from({ length: 300 }, (_, i) => ({
          debtorId: i,
          debtorName: longName(200, i),
          promisedOn: addDays(TODAY, i % 40),
          amount: 123_456_789,
          currency: 'MXN',
          instalmentNo: (i % 36) + 1,
          instalmentCount: 36,
        })),
        barriers: Array.from({ length: 100 }, (_, i) => ({
          id: i + 1,
          debtorId: i,
          debtorName: longName(200, i),
          kind: 'withholding_certificate' as const,
          dueOn: addDays(TODAY, (i % 20) - 10),
          ownerSlackId: slackId(i),
        })),
        resolvedBarriers: Array.from({ length: 60 }, (_, i) => ({
          id: 1000 + i,
          debtorId: i,
          debtorName: longName(200, i),
          kind: 'withholding_certificate' as const,
          resolution: { bySlackId: i % 2 === 0 ? slackId(i) : null, at: new Date('2026-11-23T15:14:00Z') },
        })),
        alarms: Array.from({ length: 200 }, (_, i) =>
          alarmView(ALARM_KINDS[i % ALARM_KINDS.length]!, { id: i, debtor: { id: i, name: longName(200, i) } }),
        ),
      }),
    );
    expectWithinLimits(view);
    const text = visibleText(view.blocks);
    expect(text).toContain(t(locale, 'common.andMore', { count: 480 }));
    expect(text).toContain(t(locale, 'common.andMore', { count: 185 }));
    // 100 open barriers: 15 with their button, the rest counted.
    expect(findAll(view.blocks, 'button').filter((b) => b.action_id === ACTION.resolveBarrier)).toHaveLength(15);
    expect(text).toContain(t(locale, 'common.andMore', { count: 85 }));
  });
});
