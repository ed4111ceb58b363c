// The notices that go to a collector's debtors today, after the morning list: each with a
// `hold_notice` button that keeps it from going out today. A held one is redrawn in place.

import { formatMoney } from '../../domain/money.js';
import type { PlannedNotice } from '../../services/notices/index.js';
import { ACTION, noticeBlockId, parseNoticeBlockId } from '../ids.js';
import { t, type Locale } from '../i18n/index.js';
import { button, context, section } from './elements.js';
import { MAX_MESSAGE_BLOCKS, MESSAGE_TEXT_BUDGET, textLength } from './limits.js';
import type { KnownBlock, Message } from './slack-types.js';
import { safe } from './text.js';

/** "vence en 3 días", "vence hoy", "7 días vencido". */
function stepText(step: number, locale: Locale): string {
  if (step === -1) return t(locale, 'noticesToday.dueTomorrow');
  if (step < 0) return t(locale, 'noticesToday.beforeDue', { days: -step });
  if (step === 0) return t(locale, 'noticesToday.dueToday');
  if (step === 1) return t(locale, 'noticesToday.overdueOne');
  return t(locale, 'noticesToday.overdue', { days: step });
}

function itemSection(item: PlannedNotice, locale: Locale): KnownBlock {
  const line = `*${safe(item.debtorName, 150)}* · ${formatMoney(item.openTotal, item.currency, locale)} · ${stepText(item.step, locale)}`;
  return { ...section(line, button(t(locale, 'noticesToday.hold'), ACTION.holdNotice, String(item.noticeId))), block_id: noticeBlockId(item.noticeId) };
}

/** The day's notices, in as few messages as Slack's limits allow once every item is held; none when there are none. */
export function noticesTodayMessages(input: { items: PlannedNotice[]; sendTime: string; locale: Locale }): Message[] {
  const { items, sendTime, locale } = input;
  if (items.length === 0) return [];
  const intro = t(locale, 'noticesToday.intro', { count: items.length, time: sendTime });
  // Split by Slack's block limit and by our text budget (the intro and fallback text repeat
  // in each), leaving room in each message for every item to be held: a hold adds a context
  // line below the item (markNoticeHeld), in the message Slack then replaces.
  const reserve = textLength(section(intro)) + intro.length;
  const heldLine = textLength(heldContext(HELD_BY_MAX, locale));
  const chunks: KnownBlock[][] = [];
  let current: KnownBlock[] = [];
  let used = reserve;
  for (const block of items.map((item) => itemSection(item, locale))) {
    const size = textLength(block) + heldLine;
    if (current.length > 0 && (1 + 2 * (current.length + 1) > MAX_MESSAGE_BLOCKS || used + size > MESSAGE_TEXT_BUDGET)) {
      chunks.push(current);
      current = [];
      used = reserve;
    }
    current.push(block);
    used += size;
  }
  chunks.push(current);
  return chunks.map((blocks) => ({ text: intro, blocks: [section(intro), ...blocks] }));
}

/** The longest "held by" name shown (a longer one is cut). */
const HELD_BY_MAX = 'x'.repeat(80);

function heldContext(heldBy: string, locale: Locale): KnownBlock {
  return context(t(locale, 'noticesToday.held', { user: safe(heldBy, HELD_BY_MAX.length) }));
}

/** The clicked message with the held notice's button replaced by who held it. */
export function markNoticeHeld(blocks: readonly KnownBlock[], noticeId: number, heldBy: string, locale: Locale): KnownBlock[] {
  return blocks.flatMap((block) => {
    if (!('block_id' in block) || parseNoticeBlockId(block.block_id) !== noticeId || block.type !== 'section') return [block];
    const withoutButton = { ...block };
    delete withoutButton.accessory;
    return [withoutButton, heldContext(heldBy, locale)];
  });
}

/** The answer to a hold that came too late. */
export function noticeAlreadySentMessage(locale: Locale): Message {
  const text = t(locale, 'noticesToday.alreadySent');
  return { text, blocks: [section(text)] };
}
