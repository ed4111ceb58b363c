// The weekly report's chart: the last 12 weeks of open receivables by aging bucket, stacked,
// with the amount collected in each week as a line. A pure builder from figures to an
// image: ECharts draws it as SVG on the server, resvg turns the SVG into a PNG with the
// font shipped in assets/fonts, so the same figures give the same bytes on every machine.

import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { AGING_BUCKETS, type AgingBucket } from '../domain/aging.js';
import { minorDigits } from '../domain/money.js';
import { packageDir } from '../package-dir.js';
import { t, type Locale } from '../slack/i18n/index.js';
import type { CurrencyReport } from '../services/report/types.js';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TitleComponent, SVGRenderer]);

export interface WeeklyChartInput {
  currency: string;
  /** The last 12 weeks, oldest first, minor units of `currency`. */
  history: CurrencyReport['history'];
  locale: Locale;
  title: string;
}

/** Size of the image, in pixels: wide enough to read in Slack's preview and full view. */
export const CHART_WIDTH = 1200;
export const CHART_HEIGHT = 600;

const FONT_FAMILY = 'DejaVu Sans';
const FONT_FILES = [join(packageDir, 'assets/fonts/DejaVuSans.ttf'), join(packageDir, 'assets/fonts/DejaVuSans-Bold.ttf')];

/** From green (not yet due) to red (more than 90 days late). */
const BUCKET_COLOURS: Record<AgingBucket, string> = {
  current: '#2e7d32',
  '1-30': '#9ccc65',
  '31-60': '#fbc02d',
  '61-90': '#ef6c00',
  '90+': '#c62828',
};
const COLLECTED_COLOUR = '#1a3a8f';
const TEXT_COLOUR = '#333333';
const MUTED_COLOUR = '#666666';

// Month abbreviations written out here rather than asked of ICU, whose short forms vary
// between Node versions ("sept" / "sep."), so the labels are the same everywhere.
const MONTHS: Record<Locale, readonly string[]> = {
  es: ['ene', 'feb', 'mar', 'abr', 'may', 'jun', 'jul', 'ago', 'sep', 'oct', 'nov', 'dic'],
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
};

const INTL_LOCALE: Record<Locale, string> = { es: 'es-MX', en: 'en-US' };

/** A week's last day as the axis shows it: "7 dic" / "Dec 7". */
function dayLabel(isoDate: string, locale: Locale): string {
  const [, month, day] = isoDate.split('-').map(Number);
  const name = MONTHS[locale][(month ?? 1) - 1] ?? '';
  return locale === 'es' ? `${day} ${name}` : `${name} ${day}`;
}

const amountFormats = new Map<string, Intl.NumberFormat>();

/** Major units with the currency's narrow symbol and thousands separators: "$1,250,000". */
function amountFormat(currency: string, locale: Locale): Intl.NumberFormat {
  const key = `${locale} ${currency}`;
  let format = amountFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(INTL_LOCALE[locale], {
      style: 'currency',
      currency,
      currencyDisplay: 'narrowSymbol',
      minimumFractionDigits: 0,
      maximumFractionDigits: minorDigits(currency),
    });
    amountFormats.set(key, format);
  }
  return format;
}

/** The ECharts option for the chart; exported for tests and for anyone who wants another renderer. */
export function weeklyChartOption(input: WeeklyChartInput): echarts.EChartsCoreOption {
  const { currency, history, locale } = input;
  const scale = 10 ** minorDigits(currency);
  const major = (minor: number): number => minor / scale;
  const format = amountFormat(currency, locale);
  const axisLabel = (value: number): string => format.format(value);
  const textStyle = { fontFamily: FONT_FAMILY, color: TEXT_COLOUR };

  const collectedName = t(locale, 'chart.collected');
  const bars = AGING_BUCKETS.map((bucket) => ({
    name: t(locale, `aging.${bucket}`),
    type: 'bar' as const,
    stack: 'aging',
    barMaxWidth: 56,
    itemStyle: { color: BUCKET_COLOURS[bucket] },
    emphasis: { disabled: true },
    data: history.map((week) => major(week.aging[bucket])),
  }));
  const line = {
    name: collectedName,
    type: 'line' as const,
    yAxisIndex: 1,
    z: 10,
    symbol: 'circle',
    symbolSize: 8,
    lineStyle: { color: COLLECTED_COLOUR, width: 3 },
    itemStyle: { color: COLLECTED_COLOUR, borderColor: '#ffffff', borderWidth: 1.5 },
    emphasis: { disabled: true },
    data: history.map((week) => major(week.collected)),
  };

  const valueAxis = (name: string, colour: string, position: 'left' | 'right') => ({
    type: 'value' as const,
    name,
    position,
    // No min: a value axis starts from zero, and goes below it (on nice ticks) only for a week
    // whose refunds outweigh its payments. Steps of one major unit at the least: a first week
    // with nothing in it shows $0 and $1, not $0.2 steps.
    minInterval: 1,
    nameTextStyle: { ...textStyle, color: colour, fontSize: 13, align: position },
    axisLabel: { ...textStyle, color: colour, fontSize: 12, formatter: axisLabel },
    axisLine: { show: false },
    axisTick: { show: false },
    splitLine: { show: position === 'left', lineStyle: { color: '#e4e4e4' } },
    // The right axis puts its ticks on the left axis's grid lines, so neither reads off a line of the other.
    alignTicks: position === 'right',
  });

  return {
    animation: false,
    backgroundColor: '#ffffff',
    textStyle,
    title: {
      text: input.title,
      left: 24,
      top: 16,
      // ECharts measures text with Arial-like widths; DejaVu Sans Bold comes out near a quarter wider.
      textStyle: { ...textStyle, fontSize: 20, fontWeight: 'bold', width: Math.round((CHART_WIDTH - 48) / 1.3), overflow: 'truncate' },
    },
    legend: {
      bottom: 14,
      left: 'center',
      itemGap: 28,
      itemWidth: 18,
      itemHeight: 12,
      textStyle: { ...textStyle, fontSize: 13 },
      data: [...bars.map((bar) => bar.name), collectedName],
    },
    // The plot shrinks until the axis labels and names fit inside these margins.
    grid: { left: 24, right: 24, top: 64, bottom: 44, outerBoundsMode: 'same', outerBoundsContain: 'all' },
    xAxis: {
      type: 'category',
      data: history.map((week) => dayLabel(week.week.end, locale)),
      name: t(locale, 'chart.weekEnding'),
      nameLocation: 'middle',
      nameGap: 30,
      nameTextStyle: { ...textStyle, color: MUTED_COLOUR, fontSize: 12 },
      axisLabel: { ...textStyle, fontSize: 12, interval: 0 },
      axisTick: { alignWithLabel: true },
      axisLine: { lineStyle: { color: '#999999' } },
    },
    yAxis: [
      valueAxis(`${t(locale, 'chart.openByAging')} (${currency})`, MUTED_COLOUR, 'left'),
      valueAxis(`${collectedName} (${currency})`, COLLECTED_COLOUR, 'right'),
    ],
    series: [...bars, line],
  };
}

/**
 * ECharts names its CSS classes and clip paths after a counter of chart instances and one of
 * classes, both shared by the whole process ("zr7-cls-93"): numbered again from the start, so
 * the same figures give the same SVG. Only ids and classes are touched: text is XML-escaped,
 * so a title can never hold `class="` or `<style`.
 */
function stableIds(svg: string): string {
  const names = new Map<string, string>();
  const rename = (value: string): string =>
    value.replace(/zr\d+-(cls-\d+|[a-z]+-?\d+)/g, (whole: string, rest: string) => {
      let name = names.get(whole);
      if (name === undefined) {
        name = rest.startsWith('cls-') ? `zr-cls-${names.size}` : `zr-${rest}`;
        names.set(whole, name);
      }
      return name;
    });
  return svg
    .replace(/ (class|id|clip-path)="([^"]*)"/g, (_whole, attr: string, value: string) => ` ${attr}="${rename(value)}"`)
    .replace(/<style[^>]*>[\s\S]*?<\/style>/g, rename);
}

/** The chart as an SVG document, CHART_WIDTH × CHART_HEIGHT. */
export function weeklyChartSvg(input: WeeklyChartInput): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: CHART_WIDTH, height: CHART_HEIGHT });
  try {
    chart.setOption(weeklyChartOption(input));
    return stableIds(chart.renderToSVGString());
  } finally {
    chart.dispose();
  }
}

/** The chart as a PNG, CHART_WIDTH × CHART_HEIGHT, drawn with DejaVu Sans and no system fonts. */
export function weeklyChartPng(input: WeeklyChartInput): Buffer {
  const resvg = new Resvg(weeklyChartSvg(input), {
    font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: FONT_FAMILY },
    fitTo: { mode: 'width', value: CHART_WIDTH },
    shapeRendering: 2,
    textRendering: 1,
  });
  return resvg.render().asPng();
}
