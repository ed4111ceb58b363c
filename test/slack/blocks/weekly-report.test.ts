import { describe, expect, it } from 'vitest';
import type { Activity, CollectorReport, CurrencyReport, MoneyFigures, WeeklyReport } from '../../../src/services/report/types.js';
import { collectorNotFoundMessage, weeklyReportMessage } from '../../../src/slack/blocks/index.js';
import { formatDays, formatPercent, formatRate, overdueChange } from '../../../src/slack/blocks/weekly-report.js';
import { t, type Locale } from '../../../src/slack/i18n/index.js';
import { expectWithinLimits, visibleText } from './slack-limits.js';

const LOCALES: Locale[] = ['es', 'en'];
const WEEK = { start: '2026-11-16', end: '2026-11-22', label: '2026-W47' };

function activity(over: Partial<Activity> = {}): Activity {
  return { contacts: 0, debtorsWorked: 0, noticesSent: 0, promisesKept: 0, promisesPartial: 0, promisesBroken: 0, keptRate: null, ...over };
}

function money(over: Partial<MoneyFigures> = {}): MoneyFigures {
  return {
    collected: 0,
    promisedDue: 0,
    overdueNow: 0,
    overdueFourWeeksAgo: null,
    aging: { current: 0, '1-30': 0, '31-60': 0, '61-90': 0, '90+': 0 },
    ...over,
  };
}

function currency(code: string, over: Partial<CurrencyReport> = {}): CurrencyReport {
  return { currency: code, team: money(), cei: null, dso: null, topOverdue: [], history: [], ...over };
}

function collector(id: number | null, name: string, over: Partial<CollectorReport> = {}): CollectorReport {
  return { collectorId: id, name, slackUserId: id === null ? null : `U0C${id}`, activity: activity(), money: {}, ...over };
}

const laura = collector(1, 'Laura Gómez', {
  activity: activity({ contacts: 12, debtorsWorked: 8, promisesKept: 2, promisesPartial: 1, promisesBroken: 0, keptRate: 2 / 3 }),
  money: {
    MXN: money({ collected: 18_500_000, promisedDue: 5_000_000, overdueNow: 40_000_000, overdueFourWeeksAgo: 30_000_000 }),
    USD: money({ collected: 120_000, overdueNow: 50_000, overdueFourWeeksAgo: 80_000 }),
  },
});
const jorge = collector(2, 'Jorge Hernández & Hijos <Norte>', {
  activity: activity({ contacts: 3, debtorsWorked: 2, promisesBroken: 1, keptRate: 0 }),
  money: { MXN: money({ collected: 2_750_000, overdueNow: 9_900_000, overdueFourWeeksAgo: 9_900_000 }) },
});

function fullReport(): WeeklyReport {
  return {
    team: { id: 1, name: 'Cobranza Norte' },
    week: WEEK,
    activity: activity({ contacts: 15, debtorsWorked: 10, noticesSent: 4, promisesKept: 2, promisesPartial: 1, promisesBroken: 1, keptRate: 0.5 }),
    collectors: [jorge, laura],
    currencies: [
      currency('MXN', {
        team: money({
          collected: 21_250_000,
          promisedDue: 5_000_000,
          overdueNow: 49_900_000,
          overdueFourWeeksAgo: 39_900_000,
          aging: { current: 10_000_000, '1-30': 20_000_000, '31-60': 9_900_000, '61-90': 0, '90+': 20_000_000 },
        }),
        cei: 87.54,
        dso: 45.4,
        topOverdue: [
          { debtorId: 7, name: 'Construcciones Pérez, S.A. de C.V.', overdue: 18_500_000 },
          { debtorId: 8, name: 'Lácteos & Ángeles', overdue: 9_900_000 },
        ],
      }),
      currency('USD', {
        team: money({ collected: 120_000, overdueNow: 50_000, overdueFourWeeksAgo: 80_000, aging: { current: 0, '1-30': 50_000, '31-60': 0, '61-90': 0, '90+': 0 } }),
        topOverdue: [{ debtorId: 9, name: 'Importadora Texas LLC', overdue: 50_000 }],
      }),
    ],
  };
}

function emptyReport(): WeeklyReport {
  return { team: { id: 1, name: 'Cobranza' }, week: WEEK, activity: activity(), collectors: [], currencies: [] };
}

describe('weekly report number formats', () => {
  it.each<[string, () => string, string]>([
    ['kept rate in es', () => formatRate(2 / 3, 'es'), '66.7 %'],
    ['kept rate in en', () => formatRate(2 / 3, 'en'), '66.7%'],
    ['kept rate of 1', () => formatRate(1, 'es'), '100 %'],
    ['kept rate of 0', () => formatRate(0, 'en'), '0%'],
    ['no promise judged', () => formatRate(null, 'es'), '—'],
    ['CEI in percent', () => formatPercent(87.54, 'es'), '87.5 %'],
    ['no CEI', () => formatPercent(null, 'en'), '—'],
    ['DSO rounded to days (es)', () => formatDays(45.4, 'es'), '45 días'],
    ['DSO in en, grouped', () => formatDays(1234.6, 'en'), '1,235 days'],
    ['no DSO', () => formatDays(null, 'es'), '—'],
    ['overdue grew', () => overdueChange(40_000_000, 30_000_000, 'MXN', 'es'), '▲ $100,000.00 MXN'],
    ['overdue fell', () => overdueChange(50_000, 80_000, 'USD', 'en'), '▼ $300.00 USD'],
    ['overdue the same', () => overdueChange(5, 5, 'MXN', 'es'), 'sin cambio'],
    ['no history four weeks back', () => overdueChange(5, null, 'MXN', 'en'), 'no history yet'],
  ])('%s', (_name, format, expected) => {
    expect(format()).toBe(expected);
  });
});

describe('weeklyReportMessage', () => {
  it.each([
    [
      'es',
      'Informe semanal · Cobranza Norte · semana 2026-W47 (lun 16 nov–dom 22 nov)',
      [
        '15 gestiones registradas · 10 deudores trabajados · 4 avisos enviados',
        'Promesas: 2 cumplidas · 1 parciales · 1 incumplidas · cumplimiento 50 %',
        '*Cobrado*\n$212,500.00 MXN',
        '$499,000.00 MXN (▲ $100,000.00 MXN)',
        '*CEI (4 semanas)*\n87.5 %',
        '*DSO*\n45 días',
        'Más de 90 días: $200,000.00 MXN',
        '1. Construcciones Pérez, S.A. de C.V. — $185,000.00 MXN',
        '2. Lácteos &amp; Ángeles — $99,000.00 MXN',
        '*CEI (4 semanas)*\n—',
        '$500.00 USD (▼ $300.00 USD)',
        'Gestor',
        'Cumplimiento: promesas cumplidas',
      ],
    ],
    [
      'en',
      'Weekly report · Cobranza Norte · week 2026-W47 (Mon, Nov 16–Sun, Nov 22)',
      [
        '15 contacts logged · 10 debtors worked · 4 notices sent',
        'Promises: 2 kept · 1 partly kept · 1 broken · kept rate 50%',
        '*Collected*\n$212,500.00 MXN',
        '*DSO*\n45 days',
        'Over 90 days: $200,000.00 MXN',
        '*DSO*\n—',
        'Collector',
        'Kept rate: promises kept',
      ],
    ],
  ] as const)('the team report in %s', (locale, title, parts) => {
    const message = weeklyReportMessage(fullReport(), locale);
    expect(message.blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: title, emoji: true } });
    const text = visibleText(message.blocks);
    for (const part of parts) expect(text).toContain(part);
    // Data is escaped; mrkdwn never sees a raw < or &.
    expect(text).toContain('Jorge Hernández &amp; H…');
    expect(text).not.toContain('<Norte>');
    expect(message.text).toContain(title);
    expectWithinLimits(message);
  });

  it('keeps two currencies apart: each has its own figures, nothing is added across them', () => {
    const message = weeklyReportMessage(fullReport(), 'es');
    const sections = message.blocks.filter((b) => b.type === 'section' && 'fields' in b && b.fields);
    expect(sections.map((s) => (s as { text: { text: string } }).text.text)).toEqual(['*MXN*', '*USD*']);
    const [mxn, usd] = sections.map((s) => visibleText(s));
    expect(mxn).toContain('$212,500.00 MXN');
    expect(mxn).not.toContain('USD');
    expect(usd).toContain('$1,200.00 USD');
    expect(usd).not.toContain('MXN');
    // The table puts a collector's currencies side by side, never summed.
    expect(visibleText(message.blocks)).toContain('$185,000.00 MXN + $1,200.00 USD');
    expect(visibleText(message.blocks)).not.toContain('$186,200.00');
  });

  it('lists collectors by collected, highest first', () => {
    const text = visibleText(weeklyReportMessage(fullReport(), 'en').blocks);
    expect(text.indexOf('Laura Gómez')).toBeGreaterThan(-1);
    expect(text.indexOf('Laura Gómez')).toBeLessThan(text.indexOf('Jorge Hernández'));
    expect(text).toMatch(/Laura Gómez\s+\$185,000\.00 MXN \+ \$1,200\.00 USD\s+12\s+8\s+66\.7%/);
    expect(text).toMatch(/Jorge Hernández.*\s+\$27,500\.00 MXN\s+3\s+2\s+0%/);
  });

  it.each(LOCALES)('an empty week shows zeros and dashes (%s)', (locale) => {
    const message = weeklyReportMessage(emptyReport(), locale);
    const text = visibleText(message.blocks);
    expect(text).toContain(t(locale, 'weeklyReport.promises', { kept: 0, partial: 0, broken: 0, rate: '—' }));
    expect(text).toContain(t(locale, 'weeklyReport.activity', { contacts: 0, debtors: 0, notices: 0 }));
    expect(text).toContain(t(locale, 'weeklyReport.noMoney'));
    expect(text).toContain(t(locale, 'weeklyReport.noCollectors'));
    expectWithinLimits(message);
  });

  it('a currency with no overdue debtor and no history says so', () => {
    const report = emptyReport();
    report.currencies = [currency('MXN')];
    const text = visibleText(weeklyReportMessage(report, 'es').blocks);
    expect(text).toContain('Ningún deudor tiene saldo vencido.');
    expect(text).toContain('$0.00 MXN (sin historial)');
    expect(text).toContain('*Hace 4 semanas*\nsin historial');
  });

  it.each(LOCALES)('200 collectors with long names still fit in one message: the top 20 by collected and "and N more" (%s)', (locale) => {
    const report = fullReport();
    report.currencies.push(currency('EUR'), currency('CLP'));
    report.currencies[0]!.topOverdue = Array.from({ length: 10 }, (_, i) => ({ debtorId: i, name: `Deudor ${i} ${'con nombre largo '.repeat(8)}`, overdue: 1_000_000 * (10 - i) }));
    report.collectors = Array.from({ length: 200 }, (_, i) =>
      collector(i + 1, `Gestor ${String(i).padStart(3, '0')} ${'Apellido Largo '.repeat(5)}`, {
        activity: activity({ contacts: i, debtorsWorked: i, keptRate: i % 3 === 0 ? null : 0.5 }),
        money: { MXN: money({ collected: i * 100_00 }), USD: money({ collected: i }) },
      }),
    );
    const message = weeklyReportMessage(report, locale);
    expectWithinLimits(message);
    const text = visibleText(message.blocks);
    expect(text).toContain('Gestor 199');
    expect(text).toContain('Gestor 180');
    expect(text).not.toContain('Gestor 179');
    expect(text).toContain(t(locale, 'common.andMore', { count: 180 }));
    // A fourth currency is named, not shown.
    expect(text).toContain(t(locale, 'weeklyReport.moreCurrencies', { currencies: 'CLP' }));
  });

  it.each([
    ['es', 'Informe semanal · Laura Gómez · Cobranza Norte · semana 2026-W47', 'Actividad de Laura Gómez', 'cumplimiento 66.7 %'],
    ['en', 'Weekly report · Laura Gómez · Cobranza Norte · week 2026-W47', "Laura Gómez's activity", 'kept rate 66.7%'],
  ] as const)('onlyCollectorId shows that collector\'s own figures, nothing of the team (%s)', (locale, title, heading, rate) => {
    const message = weeklyReportMessage(fullReport(), locale, { onlyCollectorId: 1 });
    const text = visibleText(message.blocks);
    expect(text).toContain(title);
    expect(text).toContain(heading);
    expect(text).toContain(rate);
    expect(text).toContain('$185,000.00 MXN');
    expect(text).toContain('$400,000.00 MXN (▲ $100,000.00 MXN)');
    expect(text).toContain('$1,200.00 USD');
    // Not the team's totals, the other collector, the debtors of others, or team ratios.
    expect(text).not.toContain('$212,500.00');
    expect(text).not.toContain('Jorge');
    expect(text).not.toContain('Construcciones Pérez');
    expect(text).not.toContain('CEI');
    expect(text).not.toContain('DSO');
    expectWithinLimits(message);
  });

  it('onlyCollectorId for a collector with nothing this week: zeros, no crash', () => {
    const report = fullReport();
    report.collectors.push(collector(3, 'Sofía Martínez'));
    const message = weeklyReportMessage(report, 'es', { onlyCollectorId: 3 });
    const text = visibleText(message.blocks);
    expect(text).toContain('Actividad de Sofía Martínez');
    expect(text).toContain('0 gestiones registradas');
    expect(text).toContain('cumplimiento —');
    expect(text).toContain('Sin saldos ni cobros.');
    expectWithinLimits(message);
    expectWithinLimits(weeklyReportMessage(emptyReport(), 'en', { onlyCollectorId: 99 }));
  });

  it.each(LOCALES)('a name that matches no one, or several people (%s)', (locale) => {
    const none = collectorNotFoundMessage('Pedro <x>', [], locale);
    expect(none.text).toContain('Pedro &lt;x&gt;');
    expect(none.text).toContain('`/cartera`');
    expectWithinLimits(none);
    const several = collectorNotFoundMessage('laura', ['Laura Gómez', 'Laura Ruiz'], locale);
    expect(several.text).toContain('Laura Gómez, Laura Ruiz');
    expectWithinLimits(several);
  });
});
