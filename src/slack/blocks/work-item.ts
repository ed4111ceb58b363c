// One debtor of a collector's list as one section with its "Registrar gestión" button:
// shared by the daily list and App Home so both read the same.

import { formatMoney } from '../../domain/money.js';
import type { WorkItem } from '../../services/worklist.js';
import { t, type Locale } from '../i18n/index.js';
import { ACTION } from '../ids.js';
import { button, section } from './elements.js';
import type { SectionBlock } from './slack-types.js';
import { safe } from './text.js';

/** Characters of a debtor's name in a list line: a list is scanned, not read. */
export const NAME_IN_LINE = 120;

export function workItemText(item: WorkItem, locale: Locale): string {
  const name = `*${safe(item.snapshot.name, NAME_IN_LINE)}*`;
  const overdue = item.mainOverdue
    ? `${formatMoney(item.mainOverdue.minor, item.mainOverdue.currency, locale)}, ${t(locale, 'worklist.daysOverdue', { days: item.oldestOverdueDays })}`
    : t(locale, 'worklist.notOverdue');
  const objective = t(locale, `objective.${item.suggestion.objective}`);
  const reason = t(locale, `reason.${item.suggestion.reason.code}`, item.suggestion.reason.params);
  return `${name} · ${overdue}\n_${objective}_ · ${reason}`;
}

export function workItemSection(item: WorkItem, locale: Locale): SectionBlock {
  return section(
    workItemText(item, locale),
    button(t(locale, 'common.logOutcome'), ACTION.logOutcome, String(item.snapshot.debtorId), 'primary'),
  );
}
