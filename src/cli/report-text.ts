import { AGING_BUCKETS } from '../domain/aging.js';
import { formatMoney } from '../domain/money.js';
import type { Locale } from '../domain/policy.js';
import type { Activity, CollectorReport, MoneyFigures, WeeklyReport } from '../services/report/types.js';
import { formatDays, formatPercent, formatRate, overdueChange } from '../slack/blocks/weekly-report.js';
import { formatShortDate } from '../slack/i18n/dates.js';
import { t } from '../slack/i18n/index.js';

function activityLines(activity: Activity, locale: Locale): string[] {
  return [
    t(locale, 'weeklyReport.activity', { contacts: activity.contacts, debtors: activity.debtorsWorked, notices: activity.noticesSent }),
    t(locale, 'weeklyReport.promises', {
      kept: activity.promisesKept,
      partial: activity.promisesPartial,
      broken: activity.promisesBroken,
      rate: formatRate(activity.keptRate, locale),
    }),
  ];
}

function moneyLines(figures: MoneyFigures, currency: string, locale: Locale): string[] {
  const money = (minor: number) => formatMoney(minor, currency, locale);
  const before =
    figures.overdueFourWeeksAgo === null
      ? t(locale, 'weeklyReport.noHistory')
      : `${money(figures.overdueFourWeeksAgo)}; ${overdueChange(figures.overdueNow, figures.overdueFourWeeksAgo, currency, locale)}`;
  return [
    `${t(locale, 'weeklyReport.collected')}: ${money(figures.collected)}`,
    `${t(locale, 'weeklyReport.promisedDue')}: ${money(figures.promisedDue)}`,
    `${t(locale, 'weeklyReport.overdueNow')}: ${money(figures.overdueNow)} (${t(locale, 'weeklyReport.overdueBefore')}: ${before})`,
    `${t(locale, 'weeklyReport.aging')}: ${AGING_BUCKETS.map((bucket) => `${t(locale, `aging.${bucket}`)} ${money(figures.aging[bucket])}`).join(' · ')}`,
  ];
}

function collectorLines(collector: CollectorReport, locale: Locale): string[] {
  const name = collector.collectorId === null ? t(locale, 'reportText.noCollector') : collector.name;
  const lines = [`${name}:`, ...activityLines(collector.activity, locale).map((line) => `  ${line}`)];
  for (const [currency, figures] of Object.entries(collector.money)) {
    lines.push(`  ${currency}:`, ...moneyLines(figures, currency, locale).map((line) => `    ${line}`));
  }
  return lines;
}

/**
 * A team's weekly report as terminal text: the team's activity, each currency's figures
 * (CEI, DSO, the largest overdue debtors), then each collector's. No Slack markup.
 */
export function reportText(report: WeeklyReport, locale: Locale): string[] {
  const lines = [
    t(locale, 'weeklyReport.title', {
      team: report.team.name,
      week: report.week.label,
      start: formatShortDate(report.week.start, locale),
      end: formatShortDate(report.week.end, locale),
    }),
    '',
    `${t(locale, 'weeklyReport.teamActivity')}:`,
    ...activityLines(report.activity, locale).map((line) => `  ${line}`),
  ];
  if (report.currencies.length === 0) lines.push(`  ${t(locale, 'weeklyReport.noMoney')}`);
  for (const c of report.currencies) {
    lines.push('', `${c.currency}:`, ...moneyLines(c.team, c.currency, locale).map((line) => `  ${line}`));
    lines.push(`  ${t(locale, 'weeklyReport.cei')}: ${formatPercent(c.cei, locale)} · ${t(locale, 'weeklyReport.dso')}: ${formatDays(c.dso, locale)}`);
    lines.push(`  ${t(locale, 'weeklyReport.topOverdue')}:`);
    if (c.topOverdue.length === 0) lines.push(`    ${t(locale, 'weeklyReport.noOverdue')}`);
    c.topOverdue.forEach((debtor, i) => lines.push(`    ${i + 1}. ${debtor.name} — ${formatMoney(debtor.overdue, c.currency, locale)}`));
  }
  lines.push('', `${t(locale, 'weeklyReport.byCollector')}:`);
  if (report.collectors.length === 0) lines.push(`  ${t(locale, 'weeklyReport.noCollectors')}`);
  for (const collector of report.collectors) lines.push(...collectorLines(collector, locale).map((line) => `  ${line}`));
  return lines;
}
