import { describe, expect, it } from 'vitest';
import { formatMoney } from '../../../src/domain/money.js';
import type { PlannedNotice } from '../../../src/services/notices/index.js';
import { markNoticeHeld, noticeAlreadySentMessage, noticesTodayMessages, type KnownBlock, type Message } from '../../../src/slack/blocks/index.js';
import { t, type Locale } from '../../../src/slack/i18n/index.js';
import { ACTION, noticeBlockId } from '../../../src/slack/ids.js';
import { longName } from './fixtures.js';
import { expectWithinLimits, findAll, visibleText } from './slack-limits.js';

const LOCALES: Locale[] = ['es', 'en'];

function notice(i: number, overrides: Partial<PlannedNotice> = {}): PlannedNotice {
  return {
    noticeId: 500 + i,
    debtorId: 100 + i,
    debtorName: `Cliente ${i} & Hijos`,
    currency: i % 3 === 2 ? 'USD' : 'MXN',
    openTotal: 123_456 + i * 1_000,
    step: 1,
    steps: [1],
    ...overrides,
  };
}

const buttons = (messages: Message[]) => messages.flatMap((m) => findAll(m.blocks, 'button'));

describe('noticesTodayMessages', () => {
  it.each<[Locale, number, string]>([
    ['es', -3, 'vence en 3 días'],
    ['es', -1, 'vence mañana'],
    ['es', 0, 'vence hoy'],
    ['es', 1, '1 día vencido'],
    ['es', 7, '7 días vencido'],
    ['es', 30, '30 días vencido'],
    ['en', -3, 'due in 3 days'],
    ['en', -1, 'due tomorrow'],
    ['en', 0, 'due today'],
    ['en', 1, '1 day overdue'],
    ['en', 7, '7 days overdue'],
  ])('the step says how far from due (%s, step %i)', (locale, step, said) => {
    const item = notice(1, { step, steps: [step] });
    const [message, ...rest] = noticesTodayMessages({ items: [item], sendTime: '10:00', locale });
    expect(rest).toEqual([]);
    const block = message!.blocks[1] as { text: { text: string } };
    expect(block.text.text).toBe(`*Cliente 1 &amp; Hijos* · ${formatMoney(item.openTotal, item.currency, locale)} · ${said}`);
    expectWithinLimits(message!);
  });

  it.each(LOCALES)('an intro with the send time and count, then one section per item with its hold button (%s)', (locale) => {
    const items = [notice(1), notice(2, { step: -3, steps: [-3] }), notice(3, { step: 15, steps: [7, 15] })];
    const messages = noticesTodayMessages({ items, sendTime: '09:30', locale });
    expect(messages).toHaveLength(1);
    const [message] = messages;
    const intro = t(locale, 'noticesToday.intro', { count: 3, time: '09:30' });
    expect(intro).toContain('09:30');
    expect(intro).toContain('3');
    expect(message!.text).toBe(intro);
    expect(message!.blocks).toHaveLength(4);
    expect(message!.blocks[0]).toEqual({ type: 'section', text: { type: 'mrkdwn', text: intro } });
    items.forEach((item, i) => {
      const block = message!.blocks[i + 1]!;
      expect(block).toMatchObject({
        type: 'section',
        block_id: noticeBlockId(item.noticeId),
        accessory: { type: 'button', action_id: ACTION.holdNotice, value: String(item.noticeId), text: { type: 'plain_text', text: t(locale, 'noticesToday.hold') } },
      });
      expect(visibleText(block)).toContain(formatMoney(item.openTotal, item.currency, locale));
    });
    expect(buttons(messages)).toHaveLength(3);
    expectWithinLimits(message!);
  });

  it.each(LOCALES)('no items, no message (%s)', (locale) => {
    expect(noticesTodayMessages({ items: [], sendTime: '10:00', locale })).toEqual([]);
  });

  it.each<[Locale, string]>([
    ['es', 'short'],
    ['en', 'short'],
    ['es', 'long'],
    ['en', 'long'],
  ])('120 items (%s, %s names): split within limits, each once, in order', (locale, names) => {
    const items = Array.from({ length: 120 }, (_, i) =>
      notice(i, { debtorName: names === 'long' ? longName(200, i) : `Cliente ${i}`, openTotal: 987_654_321_00 + i, step: 30, steps: [1, 7, 15, 30] }),
    );
    const messages = noticesTodayMessages({ items, sendTime: '10:00', locale });
    expect(messages.length).toBeGreaterThan(2);
    for (const message of messages) {
      expectWithinLimits(message);
      expect(message.blocks[0]!.type).toBe('section');
      expect(findAll(message.blocks[0], 'button')).toEqual([]);
    }
    expect(buttons(messages).map((b) => [b.action_id, b.value])).toEqual(items.map((item) => [ACTION.holdNotice, String(item.noticeId)]));
    const blockIds = messages.flatMap((m) => m.blocks.slice(1).map((b) => ('block_id' in b ? b.block_id : undefined)));
    expect(blockIds).toEqual(items.map((item) => noticeBlockId(item.noticeId)));
  });
});

describe('markNoticeHeld', () => {
  it.each(LOCALES)('every item of a full message held by a long-named user stays within limits (%s)', (locale) => {
    const items = Array.from({ length: 120 }, (_, i) => notice(i, { debtorName: longName(200, i), openTotal: 987_654_321_00 + i, step: 30 }));
    for (const message of noticesTodayMessages({ items, sendTime: '10:00', locale })) {
      let blocks: KnownBlock[] = message.blocks;
      for (const b of findAll(message.blocks, 'button')) blocks = markNoticeHeld(blocks, Number(b.value), longName(200, 7), locale);
      expect(findAll(blocks, 'button')).toEqual([]);
      expectWithinLimits({ text: message.text, blocks });
    }
  });

  it.each(LOCALES)("replaces only that item's button with who held it (%s)", (locale) => {
    const items = [notice(1), notice(2), notice(3)];
    const [message] = noticesTodayMessages({ items, sendTime: '10:00', locale });
    const before = structuredClone(message!.blocks);
    const held = markNoticeHeld(message!.blocks, items[1]!.noticeId, 'Ana <Gómez> & Co', locale);
    // The input is not changed.
    expect(message!.blocks).toEqual(before);

    expect(held).toHaveLength(before.length + 1);
    expect(held[0]).toEqual(before[0]);
    expect(held[1]).toEqual(before[1]);
    const withoutButton: Record<string, unknown> = { ...before[2] };
    delete withoutButton.accessory;
    expect(held[2]).toEqual(withoutButton);
    expect(held[3]).toEqual({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: t(locale, 'noticesToday.held', { user: 'Ana &lt;Gómez&gt; &amp; Co' }) }],
    });
    expect(held[4]).toEqual(before[3]);
    expect(findAll(held, 'button').map((b) => b.value)).toEqual([String(items[0]!.noticeId), String(items[2]!.noticeId)]);
    expectWithinLimits({ text: message!.text, blocks: held });
  });

  it('an id not in the message changes nothing; non-notice blocks are kept', () => {
    const [message] = noticesTodayMessages({ items: [notice(1), notice(2)], sendTime: '10:00', locale: 'es' });
    const extra: KnownBlock[] = [...message!.blocks, { type: 'section', block_id: 'other', text: { type: 'mrkdwn', text: 'x' } }];
    expect(markNoticeHeld(extra, 999, 'Ana', 'es')).toEqual(extra);
    // A second hold in the redrawn message keeps the first one's line.
    const once = markNoticeHeld(extra, notice(1).noticeId, 'Ana', 'es');
    const twice = markNoticeHeld(once, notice(2).noticeId, 'Beto', 'es');
    expect(twice.map((b) => b.type)).toEqual(['section', 'section', 'context', 'section', 'context', 'section']);
    expect(visibleText(twice)).toContain('Retenido hoy por Ana');
    expect(visibleText(twice)).toContain('Retenido hoy por Beto');
    expect(findAll(twice, 'button')).toEqual([]);
  });
});

describe('noticeAlreadySentMessage', () => {
  it.each<[Locale, string]>([
    ['es', 'Ese aviso ya salió: no se puede retener.'],
    ['en', 'That notice has already gone out: it cannot be held.'],
  ])('says it is too late (%s)', (locale, said) => {
    const message = noticeAlreadySentMessage(locale);
    expect(message).toEqual({ text: said, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: said } }] });
    expectWithinLimits(message);
  });
});
