// The lead's morning summary in the team's channel: one line per collector (today's list,
// yesterday's contacts, promises due and broken, money promised and collected) and the
// team's totals. Long teams are capped to stay within one message.

import type { IsoDate } from '../../domain/calendar.js';
import { formatMoney } from '../../domain/money.js';
import type { CollectorDay } from '../../services/daily-summary.js';
import { t, type Locale } from '../i18n/index.js';
import { capLines, context, header, section } from './elements.js';
import { MAX_MESSAGE_BLOCKS, MESSAGE_TEXT_BUDGET } from './limits.js';
import type { Message } from './slack-types.js';
import { formatShortDate, mention, safe } from './text.js';

export interface LeadSummaryInput {
  teamName: string;
  date: IsoDate;
  collectors: CollectorDay[];
  locale: Locale;
}

function amounts(perCurrency: Record<string, number>, locale: Locale): string {
  const entries = Object.entries(perCurrency).filter(([, minor]) => minor !== 0);
  if (entries.length === 0) return '—';
  return entries
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, minor]) => formatMoney(minor, currency, locale))
    .join(' + ');
}

function sum(days: CollectorDay[], pick: (d: CollectorDay) => Record<string, number>): Record<string, number> {
  const total: Record<string, number> = {};
  for (const d of days) for (const [c, v] of Object.entries(pick(d))) total[c] = (total[c] ?? 0) + v;
  return total;
}

export function leadSummaryMessage(input: LeadSummaryInput): Message {
  const { locale, collectors } = input;
  const date = formatShortDate(input.date, locale);
  const line = (d: { who: string; onList: number; contactsLogged: number; promisesDueToday: number; promisesBroken: number; promised: Record<string, number>; collected: Record<string, number> }) =>
    t(locale, 'leadSummary.line', {
      who: d.who,
      onList: d.onList,
      contacts: d.contactsLogged,
      due: d.promisesDueToday,
      broken: d.promisesBroken,
      promised: amounts(d.promised, locale),
      collected: amounts(d.collected, locale),
    });
  const lines = collectors.map((d) => line({ ...d, who: `${mention(d.slackUserId)} (${safe(d.name, 60)})` }));
  const total = line({
    who: t(locale, 'leadSummary.team'),
    onList: collectors.reduce((n, d) => n + d.onList, 0),
    contactsLogged: collectors.reduce((n, d) => n + d.contactsLogged, 0),
    promisesDueToday: collectors.reduce((n, d) => n + d.promisesDueToday, 0),
    promisesBroken: collectors.reduce((n, d) => n + d.promisesBroken, 0),
    promised: sum(collectors, (d) => d.promised),
    collected: sum(collectors, (d) => d.collected),
  });
  const title = t(locale, 'leadSummary.title', { team: safe(input.teamName, 60), date });
  // One section per line, capped so the message stays under Slack's block limit.
  const { shown, hidden } = capLines(lines, MAX_MESSAGE_BLOCKS - 5, MESSAGE_TEXT_BUDGET - 2000);
  const blocks = [
    header(title),
    context(t(locale, 'leadSummary.legend')),
    ...shown.map((l) => section(l)),
    ...(hidden > 0 ? [context(t(locale, 'common.andMore', { count: hidden }))] : []),
    section(`*${total}*`),
  ];
  return { text: `${title} — ${total}`, blocks };
}
