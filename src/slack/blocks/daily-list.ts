// The collector's daily list, as DMs. One section per debtor (the button is its
// accessory): delivery is paced per message, so fewer blocks and messages go out faster.
// A long list is split so that no message passes Slack's block limit or our text budget.

import type { IsoDate } from '../../domain/calendar.js';
import type { WorkItem } from '../../services/worklist.js';
import { t, type Locale } from '../i18n/index.js';
import { context, header, section } from './elements.js';
import { MAX_MESSAGE_BLOCKS, MESSAGE_TEXT_BUDGET, textLength } from './limits.js';
import type { KnownBlock, Message } from './slack-types.js';
import { formatShortDate, safe } from './text.js';
import { workItemSection } from './work-item.js';

export interface DailyListInput {
  collectorName: string;
  date: IsoDate;
  items: WorkItem[];
  locale: Locale;
}

/** The one message of a day with nothing on the list. */
export function nothingTodayMessage(input: { date: IsoDate; locale: Locale }): Message {
  const text = t(input.locale, 'dailyList.nothing', { date: formatShortDate(input.date, input.locale) });
  return { text, blocks: [section(text)] };
}

/** The debtors of `items`, in their order, over as few messages as the limits allow. */
export function dailyListMessages(input: DailyListInput): Message[] {
  const { items, locale } = input;
  if (items.length === 0) return [nothingTodayMessage(input)];

  const date = formatShortDate(input.date, locale);
  const count = items.length;
  const name = safe(input.collectorName, 80);
  const title = count === 1 ? t(locale, 'dailyList.titleOne', { date }) : t(locale, 'dailyList.title', { date, count });
  const firstText = count === 1 ? t(locale, 'dailyList.textOne', { name, date }) : t(locale, 'dailyList.text', { name, date, count });
  const continued = (part: number, parts: number) => context(t(locale, 'dailyList.continued', { part, parts }));
  const continuedText = (part: number, parts: number) => t(locale, 'dailyList.continuedText', { date, part, parts });

  // Room kept for the lines every message adds; part numbers never have more digits than
  // the item count, so the widest label is measured with it.
  const widest = count;
  const firstReserve = textLength(header(title)) + firstText.length;
  const laterReserve = textLength(continued(widest, widest)) + continuedText(widest, widest).length;

  const sections = items.map((item) => workItemSection(item, locale));
  const chunks: KnownBlock[][] = [];
  let current: KnownBlock[] = [];
  let used = firstReserve;
  for (const block of sections) {
    const size = textLength(block);
    if (current.length > 0 && (current.length + 1 >= MAX_MESSAGE_BLOCKS || used + size > MESSAGE_TEXT_BUDGET)) {
      chunks.push(current);
      current = [];
      used = laterReserve;
    }
    current.push(block);
    used += size;
  }
  chunks.push(current);

  const parts = chunks.length;
  return chunks.map((blocks, i) =>
    i === 0
      ? { text: firstText, blocks: [header(title), ...blocks] }
      : { text: continuedText(i + 1, parts), blocks: [continued(i + 1, parts), ...blocks] },
  );
}
