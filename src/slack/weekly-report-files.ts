import type { WeeklyReport } from '../services/report/types.js';
import type { UploadPayload } from '../services/outbox.js';
import { t, type Locale } from './i18n/index.js';
import { fileNamePart } from '../domain/plain-text.js';

/** Whether a currency's last weeks hold anything to draw: an open amount or a payment. */
export function hasHistory(history: WeeklyReport['currencies'][number]['history']): boolean {
  return history.some((week) => week.collected !== 0 || Object.values(week.aging).some((amount) => amount !== 0));
}

/** A team's name in a file name, lower case. */
const slug = (text: string): string => fileNamePart(text, 'team').toLowerCase();

/**
 * The weekly report's charts as files to share in the team's channel: one PNG per currency
 * with history, titled in the policy's language. The chart module (ECharts, resvg) is
 * loaded only when a report is made.
 */
export async function weeklyReportCharts(report: WeeklyReport, locale: Locale): Promise<UploadPayload[]> {
  const { weeklyChartPng } = await import('../chart/weekly-chart.js');
  return report.currencies
    .filter((c) => hasHistory(c.history))
    .map((c) => {
      const vars = { team: report.team.name, week: report.week.label, currency: c.currency };
      const title = t(locale, 'reportFiles.title', vars);
      const png = weeklyChartPng({ currency: c.currency, history: c.history, locale, title });
      return {
        filename: `cobranza-${slug(report.team.name)}-${report.week.label}-${c.currency}.png`,
        title,
        alt_text: t(locale, 'reportFiles.altText', vars),
        content_base64: png.toString('base64'),
      };
    });
}
