// The weekly report for leads (the `weekly-report` job and `/cartera`): the team's
// activity, each currency's money kept apart (collected, promised, overdue against four
// weeks before, aging, CEI, DSO, the largest overdue debtors), a per-collector table, and
// one-line definitions. With `onlyCollectorId`, one collector's own figures only.
// Large teams are capped (top collectors by collected, "and N more") to stay in one message.

import { AGING_BUCKETS } from '../../domain/aging.js';
import { formatMoney } from '../../domain/money.js';
import type { Activity, CollectorReport, MoneyFigures, WeeklyReport } from '../../services/report/types.js';
import { t, type Locale } from '../i18n/index.js';
import { CARTERA } from '../ids.js';
import { context, divider, header, mrkdwn, section } from './elements.js';
import { MAX_FIELD_TEXT, MAX_HEADER_TEXT, MESSAGE_TEXT_BUDGET, textLength, truncate } from './limits.js';
import type { KnownBlock, Message, SectionBlock } from './slack-types.js';
import { formatShortDate, safe } from './text.js';

/** Collectors listed by name in the table; the rest are counted ("and N more"). */
export const MAX_REPORT_COLLECTORS = 20;
/** Currencies shown in full; more are named in a context line (policy's currency first). */
export const MAX_REPORT_CURRENCIES = 3;

const NAME_WIDTH = 24;
const INTL: Record<Locale, string> = { es: 'es-MX', en: 'en-US' };

const numberFormats = new Map<string, Intl.NumberFormat>();
function formatNumber(value: number, locale: Locale, fractionDigits = 0): string {
  const key = `${locale}|${fractionDigits}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(INTL[locale], { maximumFractionDigits: fractionDigits });
    numberFormats.set(key, f);
  }
  return f.format(value);
}

/** A percentage already in percent (CEI: 87.5 → "87.5 %"), or "—" when there is none. */
export function formatPercent(value: number | null, locale: Locale): string {
  if (value === null || !Number.isFinite(value)) return '—';
  return t(locale, 'weeklyReport.percent', { value: formatNumber(value, locale, 1) });
}

/** The kept rate, a fraction (2/3 → "66.7 %"), or "—" when no promise was judged. */
export function formatRate(rate: number | null, locale: Locale): string {
  return rate === null ? '—' : formatPercent(rate * 100, locale);
}

/** Days sales outstanding, whole days ("45 días"), or "—" without sales. */
export function formatDays(days: number | null, locale: Locale): string {
  if (days === null || !Number.isFinite(days)) return '—';
  return t(locale, 'weeklyReport.days', { days: formatNumber(Math.round(days), locale) });
}

/** Overdue now against four weeks before: "▲ $1,000.00 MXN", "▼ …", "no change", or "no history yet". */
export function overdueChange(now: number, before: number | null, currency: string, locale: Locale): string {
  if (before === null) return t(locale, 'weeklyReport.noHistory');
  const change = now - before;
  if (change === 0) return t(locale, 'weeklyReport.unchanged');
  return `${change > 0 ? '▲' : '▼'} ${formatMoney(Math.abs(change), currency, locale)}`;
}

const ZERO_ACTIVITY: Activity = {
  contacts: 0,
  debtorsWorked: 0,
  noticesSent: 0,
  promisesKept: 0,
  promisesPartial: 0,
  promisesBroken: 0,
  keptRate: null,
};

function activityText(activity: Activity, heading: string, locale: Locale): string {
  return [
    `*${heading}*`,
    t(locale, 'weeklyReport.activity', {
      contacts: formatNumber(activity.contacts, locale),
      debtors: formatNumber(activity.debtorsWorked, locale),
      notices: formatNumber(activity.noticesSent, locale),
    }),
    t(locale, 'weeklyReport.promises', {
      kept: formatNumber(activity.promisesKept, locale),
      partial: formatNumber(activity.promisesPartial, locale),
      broken: formatNumber(activity.promisesBroken, locale),
      rate: formatRate(activity.keptRate, locale),
    }),
  ].join('\n');
}

function field(label: string, value: string): string {
  return `*${label}*\n${value}`;
}

function figuresSection(currency: string, money: MoneyFigures, extra: string[], locale: Locale): SectionBlock {
  const m = (minor: number) => formatMoney(minor, currency, locale);
  const before = money.overdueFourWeeksAgo;
  const fields = [
    field(t(locale, 'weeklyReport.collected'), m(money.collected)),
    field(t(locale, 'weeklyReport.promisedDue'), m(money.promisedDue)),
    field(t(locale, 'weeklyReport.overdueNow'), `${m(money.overdueNow)} (${overdueChange(money.overdueNow, before, currency, locale)})`),
    field(t(locale, 'weeklyReport.overdueBefore'), before === null ? t(locale, 'weeklyReport.noHistory') : m(before)),
    ...extra,
  ];
  return { type: 'section', text: mrkdwn(`*${currency}*`), fields: fields.map((f) => mrkdwn(f, MAX_FIELD_TEXT)) };
}

function agingSection(currency: string, money: MoneyFigures, locale: Locale): SectionBlock {
  const lines = AGING_BUCKETS.map((bucket) => `${t(locale, `aging.${bucket}`)}: ${formatMoney(money.aging[bucket] ?? 0, currency, locale)}`);
  return section([`*${t(locale, 'weeklyReport.aging')}*`, ...lines].join('\n'));
}

function topOverdueSection(top: Array<{ name: string; overdue: number }>, currency: string, locale: Locale): SectionBlock {
  const lines = top
    .slice(0, 10)
    .map((d, i) => `${i + 1}. ${safe(d.name, 60)} — ${formatMoney(d.overdue, currency, locale)}`);
  const body = lines.length > 0 ? lines : [t(locale, 'weeklyReport.noOverdue')];
  return section([`*${t(locale, 'weeklyReport.topOverdue')}*`, ...body].join('\n'));
}

function collectorName(c: CollectorReport | undefined, locale: Locale): string {
  if (!c) return '—';
  return c.name.trim() || (c.collectorId === null ? t(locale, 'common.noCollector') : '—');
}

/** Currency codes in the report's order (policy's first), then any others the collectors hold. */
function currencyOrder(report: WeeklyReport): string[] {
  const codes = report.currencies.map((c) => c.currency);
  const others = new Set<string>();
  for (const c of report.collectors) for (const code of Object.keys(c.money)) if (!codes.includes(code)) others.add(code);
  return [...codes, ...[...others].sort()];
}

/** Higher collected first, in the currencies' order; then more contacts; then by name. */
function byCollected(order: string[]) {
  return (a: CollectorReport, b: CollectorReport): number => {
    for (const code of order) {
      const diff = (b.money[code]?.collected ?? 0) - (a.money[code]?.collected ?? 0);
      if (diff !== 0) return diff;
    }
    return b.activity.contacts - a.activity.contacts || a.name.localeCompare(b.name);
  };
}

function pad(text: string, width: number, right = false): string {
  const cut = truncate(text, width);
  const gap = ' '.repeat(Math.max(0, width - cut.length));
  return right ? gap + cut : cut + gap;
}

/** The per-collector table as a monospace block, and how many collectors it leaves out. */
function collectorTable(report: WeeklyReport, order: string[], locale: Locale, maxChars: number): { text: string; hidden: number } {
  const collected = (c: CollectorReport) => {
    const parts = order.filter((code) => (c.money[code]?.collected ?? 0) !== 0).map((code) => formatMoney(c.money[code]!.collected, code, locale));
    return parts.length > 0 ? parts.join(' + ') : '—';
  };
  const sorted = [...report.collectors].sort(byCollected(order));
  const rows = sorted.map((c) => [
    safe(collectorName(c, locale), NAME_WIDTH),
    collected(c),
    formatNumber(c.activity.contacts, locale),
    formatNumber(c.activity.debtorsWorked, locale),
    formatRate(c.activity.keptRate, locale),
  ]);
  const head = (['colName', 'colCollected', 'colContacts', 'colDebtors', 'colKept'] as const).map((k) => t(locale, `weeklyReport.${k}`));
  const widths = head.map((h, i) => Math.min(i === 0 ? NAME_WIDTH : 40, Math.max(h.length, ...rows.slice(0, MAX_REPORT_COLLECTORS).map((r) => r[i]!.length))));
  const line = (cells: string[]) => cells.map((cell, i) => pad(cell, widths[i]!, i > 0)).join('  ').trimEnd();
  const title = `*${t(locale, 'weeklyReport.byCollector')}*`;
  const lines = [line(head)];
  let used = title.length + lines[0]!.length + 10;
  let shown = 0;
  for (const row of rows) {
    const text = line(row);
    if (shown >= MAX_REPORT_COLLECTORS || used + text.length + 1 > maxChars) break;
    lines.push(text);
    used += text.length + 1;
    shown++;
  }
  return { text: `${title}\n\`\`\`\n${lines.join('\n')}\n\`\`\``, hidden: rows.length - shown };
}

function weekParams(report: WeeklyReport, locale: Locale) {
  return {
    team: report.team.name.replace(/\s+/g, ' ').trim(),
    week: report.week.label,
    start: formatShortDate(report.week.start, locale),
    end: formatShortDate(report.week.end, locale),
  };
}

function collectedSummary(entries: Array<[string, number]>, locale: Locale): string {
  const shown = entries.filter(([, minor]) => minor !== 0);
  return shown.length > 0 ? shown.map(([code, minor]) => formatMoney(minor, code, locale)).join(' + ') : '—';
}

/** The report as one Slack message; `onlyCollectorId` keeps to that collector's figures. */
export function weeklyReportMessage(report: WeeklyReport, locale: Locale, opts: { onlyCollectorId?: number } = {}): Message {
  return opts.onlyCollectorId === undefined ? teamMessage(report, locale) : collectorMessage(report, opts.onlyCollectorId, locale);
}

function moreCurrencies(codes: string[], locale: Locale): KnownBlock[] {
  return codes.length > 0 ? [context(t(locale, 'weeklyReport.moreCurrencies', { currencies: codes.join(', ') }))] : [];
}

function teamMessage(report: WeeklyReport, locale: Locale): Message {
  const title = t(locale, 'weeklyReport.title', weekParams(report, locale));
  const order = currencyOrder(report);
  const blocks: KnownBlock[] = [header(title), section(activityText(report.activity, t(locale, 'weeklyReport.teamActivity'), locale))];

  const shown = report.currencies.slice(0, MAX_REPORT_CURRENCIES);
  for (const c of shown) {
    blocks.push(
      divider(),
      figuresSection(
        c.currency,
        c.team,
        [field(t(locale, 'weeklyReport.cei'), formatPercent(c.cei, locale)), field(t(locale, 'weeklyReport.dso'), formatDays(c.dso, locale))],
        locale,
      ),
      agingSection(c.currency, c.team, locale),
      topOverdueSection(c.topOverdue, c.currency, locale),
    );
  }
  if (report.currencies.length === 0) blocks.push(section(t(locale, 'weeklyReport.noMoney')));
  blocks.push(...moreCurrencies(report.currencies.slice(MAX_REPORT_CURRENCIES).map((c) => c.currency), locale));

  const fallback = t(locale, 'weeklyReport.fallback', {
    title: t(locale, 'weeklyReport.title', { ...weekParams(report, locale), team: safe(report.team.name, 80) }),
    collected: collectedSummary(report.currencies.map((c) => [c.currency, c.team.collected]), locale),
    contacts: formatNumber(report.activity.contacts, locale),
    rate: formatRate(report.activity.keptRate, locale),
  });
  const definitions = context(t(locale, 'weeklyReport.definitions'));
  const andMoreReserve = 60;

  blocks.push(divider());
  if (report.collectors.length === 0) {
    blocks.push(section(`*${t(locale, 'weeklyReport.byCollector')}*\n${t(locale, 'weeklyReport.noCollectors')}`));
  } else {
    // Whatever the text budget has left after everything else goes to the table.
    const room = MESSAGE_TEXT_BUDGET - textLength(blocks) - textLength(definitions) - fallback.length - andMoreReserve;
    const table = collectorTable(report, order, locale, Math.min(room, 2900));
    blocks.push(section(table.text));
    if (table.hidden > 0) blocks.push(context(t(locale, 'common.andMore', { count: table.hidden })));
  }
  blocks.push(definitions);
  return { text: fallback, blocks };
}

function collectorMessage(report: WeeklyReport, collectorId: number, locale: Locale): Message {
  const collector = report.collectors.find((c) => c.collectorId === collectorId);
  const name = collectorName(collector, locale);
  const title = t(locale, 'weeklyReport.titleCollector', { ...weekParams(report, locale), name: name.replace(/\s+/g, ' ').trim() });
  const activity = collector?.activity ?? ZERO_ACTIVITY;
  const blocks: KnownBlock[] = [
    header(truncate(title, MAX_HEADER_TEXT)),
    section(activityText(activity, t(locale, 'weeklyReport.collectorActivity', { name: safe(name, 80) }), locale)),
  ];
  const money = collector?.money ?? {};
  const codes = currencyOrder(report).filter((code) => money[code] !== undefined);
  for (const code of codes.slice(0, MAX_REPORT_CURRENCIES)) {
    blocks.push(divider(), figuresSection(code, money[code]!, [], locale), agingSection(code, money[code]!, locale));
  }
  if (codes.length === 0) blocks.push(section(t(locale, 'weeklyReport.noMoney')));
  blocks.push(...moreCurrencies(codes.slice(MAX_REPORT_CURRENCIES), locale));
  blocks.push(context(t(locale, 'weeklyReport.definitionKept')));
  const text = t(locale, 'weeklyReport.fallback', {
    title: t(locale, 'weeklyReport.titleCollector', { ...weekParams(report, locale), team: safe(report.team.name, 80), name: safe(name, 80) }),
    collected: collectedSummary(codes.map((code) => [code, money[code]!.collected]), locale),
    contacts: formatNumber(activity.contacts, locale),
    rate: formatRate(activity.keptRate, locale),
  });
  return { text, blocks };
}

/** `/cartera <name>` when no one, or more than one person, answers to the name. */
export function collectorNotFoundMessage(text: string, candidates: string[], locale: Locale): Message {
  const shown = safe(text, 80);
  const message =
    candidates.length > 1
      ? t(locale, 'weeklyReport.collectorAmbiguous', { text: shown, names: candidates.slice(0, 10).map((n) => safe(n, 60)).join(', ') })
      : t(locale, 'weeklyReport.collectorNotFound', { text: shown, command: `\`${CARTERA}\`` });
  return { text: message, blocks: [section(message)] };
}
