import { describe, expect, it } from 'vitest';
import { CHART_HEIGHT, CHART_WIDTH, weeklyChartPng, weeklyChartSvg, type WeeklyChartInput } from '../../src/chart/weekly-chart.js';
import { AGING_BUCKETS, type AgingBucket } from '../../src/domain/aging.js';
import type { CurrencyReport } from '../../src/services/report/types.js';
import { pngSize } from '../support/png.js';

type History = CurrencyReport['history'];

/** 12 weeks ending on Sundays, the last one 2026-12-06 (2026-W49). */
function weeks(): Array<{ start: string; end: string; label: string }> {
  return Array.from({ length: 12 }, (_, i) => {
    const end = new Date(Date.UTC(2026, 8, 20 + 7 * i));
    const start = new Date(end.getTime() - 6 * 86_400_000);
    return { start: start.toISOString().slice(0, 10), end: end.toISOString().slice(0, 10), label: `2026-W${38 + i}` };
  });
}

/** A team of a few million pesos, the old buckets growing slowly. */
function realisticHistory(): History {
  return weeks().map((week, i) => ({
    week,
    aging: {
      current: 310_000_000 + i * 4_000_000,
      '1-30': 120_000_000 - i * 2_500_000,
      '31-60': 64_000_000 + (i % 3) * 5_000_000,
      '61-90': 31_000_000 + i * 1_200_000,
      '90+': 22_000_000 + i * 1_500_000,
    },
    collected: 58_000_000 + ((i * 7) % 13) * 3_100_000,
  }));
}

function zeroHistory(): History {
  const aging: Record<AgingBucket, number> = { current: 0, '1-30': 0, '31-60': 0, '61-90': 0, '90+': 0 };
  return weeks().map((week) => ({ week, aging: { ...aging }, collected: 0 }));
}

function input(overrides: Partial<WeeklyChartInput> = {}): WeeklyChartInput {
  return { currency: 'MXN', history: realisticHistory(), locale: 'es', title: 'Cartera Norte — MXN, 2026-W49', ...overrides };
}

/** The text of every <text> element, unescaped. */
function texts(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) =>
    (m[1] ?? '').replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&amp;', '&'),
  );
}

describe('weeklyChartPng', () => {
  it('is a PNG of the stated size, at least 1000 px wide', () => {
    const size = pngSize(weeklyChartPng(input()));
    expect(size).toEqual({ width: CHART_WIDTH, height: CHART_HEIGHT });
    expect(size.width).toBeGreaterThanOrEqual(1000);
  });

  it('gives the same bytes for the same input', () => {
    const first = weeklyChartPng(input());
    const second = weeklyChartPng(input());
    expect(second.equals(first)).toBe(true);
    expect(weeklyChartSvg(input())).toBe(weeklyChartSvg(input()));
  });

  it('renders a team’s first week, when everything is zero', () => {
    const png = weeklyChartPng(input({ history: zeroHistory(), currency: 'USD' }));
    expect(pngSize(png)).toEqual({ width: CHART_WIDTH, height: CHART_HEIGHT });
    expect(texts(weeklyChartSvg(input({ history: zeroHistory() })))).toContain('$0');
  });

  it('differs when the figures differ', () => {
    const other = realisticHistory();
    other[11]!.aging['90+'] += 50_000_000;
    expect(weeklyChartPng(input({ history: other })).equals(weeklyChartPng(input()))).toBe(false);
  });
});

describe('weeklyChartSvg', () => {
  it('writes the legend, the axis names and the weeks in Spanish', () => {
    const all = texts(weeklyChartSvg(input()));
    for (const label of ['Al corriente', '1 a 30 días', '31 a 60 días', '61 a 90 días', 'Más de 90 días', 'Cobrado']) {
      expect(all).toContain(label);
    }
    expect(all).toContain('Saldo por antigüedad (MXN)');
    expect(all).toContain('Cartera Norte — MXN, 2026-W49');
    const days = ['20 sep', '27 sep', '4 oct', '11 oct', '18 oct', '25 oct', '1 nov', '8 nov', '15 nov', '22 nov', '29 nov', '6 dic'];
    expect(all.filter((text) => /^\d{1,2} [a-z]{3}$/.test(text))).toEqual(days);
  });

  it('writes the legend, the axis names and the weeks in English', () => {
    const all = texts(weeklyChartSvg(input({ locale: 'en', title: 'North team' })));
    for (const label of ['Current', '1 to 30 days', '31 to 60 days', '61 to 90 days', 'Over 90 days', 'Collected']) {
      expect(all).toContain(label);
    }
    const days = all.filter((text) => /^[A-Z][a-z]{2} \d{1,2}$/.test(text));
    expect(days).toHaveLength(12);
    expect(days[0]).toBe('Sep 20');
    expect(days[11]).toBe('Dec 6');
    expect(all).not.toContain('Cobrado');
  });

  it('has one legend entry per aging bucket and one for collected, in bucket order', () => {
    const all = texts(weeklyChartSvg(input({ locale: 'en' })));
    const legend = ['Current', '1 to 30 days', '31 to 60 days', '61 to 90 days', 'Over 90 days', 'Collected'];
    expect(legend).toHaveLength(AGING_BUCKETS.length + 1);
    expect(all.filter((text) => legend.includes(text))).toEqual(legend);
  });

  it('labels the amounts in major units of each currency, with thousands separators', () => {
    const mxn = texts(weeklyChartSvg(input({ currency: 'MXN', locale: 'en' })));
    const usd = texts(weeklyChartSvg(input({ currency: 'USD', locale: 'en' })));
    // 5.5 million pesos open at the most: the axis goes up in millions of pesos, not centavos.
    expect(mxn).toContain('$1,000,000');
    expect(mxn).not.toContain('$100,000,000');
    expect(mxn).toContain('Open by age (MXN)');
    expect(usd).toContain('Open by age (USD)');
    expect(usd).toContain('Collected (USD)');
    expect(usd).not.toEqual(mxn);
    // A currency without minor units: the same numbers are 100 times as many yen.
    const jpy = texts(weeklyChartSvg(input({ currency: 'JPY', locale: 'en' })));
    expect(jpy).toContain('¥100,000,000');
  });

  it('writes thousands as Mexico does in Spanish (es-MX, not es-ES)', () => {
    const es = texts(weeklyChartSvg(input({ currency: 'MXN', locale: 'es' })));
    expect(es).toContain('$1,000,000');
    expect(es).not.toContain('1.000.000 $');
  });

  it('cuts a title too long for the image with an ellipsis', () => {
    const title = `${'Cartera de la Región Norte, Distribución y Mayoreo '.repeat(3)}— MXN, 2026-W49`;
    const drawn = texts(weeklyChartSvg(input({ title }))).find((text) => text.startsWith('Cartera de la Región'));
    expect(drawn).toMatch(/\.\.\.$/);
    expect(drawn!.length).toBeLessThan(title.length);
  });

  it('draws a week whose refunds outweigh its payments below zero', () => {
    const history = realisticHistory();
    history[5]!.collected = -2_000_000;
    expect(pngSize(weeklyChartPng(input({ history })))).toEqual({ width: CHART_WIDTH, height: CHART_HEIGHT });
    expect(texts(weeklyChartSvg(input({ history, locale: 'en' }))).some((text) => text.startsWith('-$'))).toBe(true);
  });

  it('escapes the title', () => {
    const svg = weeklyChartSvg(input({ title: 'A & B <Norte> "1"' }));
    expect(svg).toContain('A &amp; B &lt;Norte&gt;');
    expect(texts(svg)).toContain('A & B <Norte> "1"');
  });
});
