import { formatMoney } from '../domain/money.js';
import type { Locale } from '../domain/policy.js';
import type { WorkItem } from '../services/worklist.js';
import { formatDate } from '../slack/i18n/dates.js';
import { t } from '../slack/i18n/index.js';

/** A collector's list as terminal text: one line per debtor, reason on the next. */
export function worklistText(collectorName: string, items: WorkItem[], date: string, locale: Locale): string[] {
  const lines = [t(locale, 'worklist.title', { name: collectorName, count: items.length, date: formatDate(date, locale) })];
  if (items.length === 0) lines.push(`  ${t(locale, 'worklist.empty')}`);
  items.forEach((item, i) => {
    const amount = item.mainOverdue ? formatMoney(item.mainOverdue.minor, item.mainOverdue.currency, locale) : '—';
    const days = item.oldestOverdueDays > 0 ? t(locale, 'worklist.daysOverdue', { days: item.oldestOverdueDays }) : t(locale, 'worklist.notOverdue');
    const objective = t(locale, `objective.${item.suggestion.objective}`);
    lines.push(`  ${i + 1}. ${item.snapshot.name} — ${amount}, ${days}`);
    lines.push(`     ${objective}: ${t(locale, `reason.${item.suggestion.reason.code}`, item.suggestion.reason.params)}`);
  });
  return lines;
}
