import { describe, expect, it } from 'vitest';
import { formatMoney } from '../../../src/domain/money.js';
import { dailyListMessages, nothingTodayMessage, type Message } from '../../../src/slack/blocks/index.js';
import { t, type Locale } from '../../../src/slack/i18n/index.js';
import { ACTION } from '../../../src/slack/ids.js';
import { longName, TODAY, workItem, workItems } from './fixtures.js';
import { expectWithinLimits, findAll, visibleText } from './slack-limits.js';

const LOCALES: Locale[] = ['es', 'en'];

const buttonValues = (messages: Message[]) =>
  messages.flatMap((m) => findAll(m.blocks, 'button')).map((b) => {
    expect(b.action_id).toBe(ACTION.logOutcome);
    return b.value;
  });

describe('dailyListMessages', () => {
  it('shows each debtor in one section with its objective, reason, overdue and button (es)', () => {
    const items = workItems(3);
    const [message, ...rest] = dailyListMessages({ collectorName: 'Ana Gómez', date: TODAY, items, locale: 'es' });
    expect(rest).toEqual([]);
    expect(message!.blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: 'Tu lista de hoy, lun 23 nov: 3 deudores', emoji: true } });
    expect(message!.text).toBe('Ana Gómez, tu lista de hoy, lun 23 nov: 3 deudores');
    expect(message!.blocks).toHaveLength(4);
    items.forEach((item, i) => {
      const block = message!.blocks[i + 1]!;
      expect(block.type).toBe('section');
      const text = visibleText(block);
      expect(text).toContain(item.snapshot.name.replace('&', '&amp;'));
      expect(text).toContain(t('es', `objective.${item.suggestion.objective}`));
      expect(text).toContain(t('es', `reason.${item.suggestion.reason.code}`, item.suggestion.reason.params));
      if (item.mainOverdue) {
        expect(text).toContain(formatMoney(item.mainOverdue.minor, item.mainOverdue.currency, 'es'));
        expect(text).toContain(`vencido hace ${item.oldestOverdueDays} días`);
      } else {
        expect(text).toContain('sin vencido');
      }
      expect(block).toMatchObject({
        accessory: { type: 'button', action_id: ACTION.logOutcome, value: String(item.snapshot.debtorId), style: 'primary', text: { text: 'Registrar gestión' } },
      });
    });
    expectWithinLimits(message!);
  });

  it('speaks English too', () => {
    const items = [workItem(3)];
    const [message] = dailyListMessages({ collectorName: 'Ann', date: TODAY, items, locale: 'en' });
    expect(message!.blocks[0]).toMatchObject({ text: { text: 'Your list for today, Mon, Nov 23: 1 debtor' } });
    expect(message!.text).toBe('Ann, your list for today, Mon, Nov 23: 1 debtor');
    const text = visibleText(message!.blocks[1]);
    expect(text).toContain(`${items[0]!.oldestOverdueDays} days overdue`);
    expect(text).toContain(t('en', `objective.${items[0]!.suggestion.objective}`));
    expect(message!.blocks[1]).toMatchObject({ accessory: { text: { text: 'Log contact' } } });
    expectWithinLimits(message!);
  });

  it.each(LOCALES)('an empty list is one short message (%s)', (locale) => {
    const messages = dailyListMessages({ collectorName: 'Ana', date: TODAY, items: [], locale });
    expect(messages).toEqual([nothingTodayMessage({ date: TODAY, locale })]);
    expect(messages[0]!.blocks).toHaveLength(1);
    expect(messages[0]!.text).toContain(locale === 'es' ? 'Nada que gestionar hoy' : 'Nothing to work on today');
    expectWithinLimits(messages[0]!);
  });

  it.each(LOCALES)('500 debtors with 200-character names: split within limits, each once, in order (%s)', (locale) => {
    const items = workItems(500, (i) => longName(200, i));
    const messages = dailyListMessages({ collectorName: longName(200), date: TODAY, items, locale });
    expect(messages.length).toBeGreaterThan(1);
    for (const message of messages) expectWithinLimits(message);
    expect(buttonValues(messages)).toEqual(items.map((item) => String(item.snapshot.debtorId)));

    expect(messages[0]!.blocks[0]!.type).toBe('header');
    const parts = messages.length;
    messages.slice(1).forEach((message, i) => {
      const label = t(locale, 'dailyList.continued', { part: i + 2, parts });
      expect(message.blocks[0]).toMatchObject({ type: 'context', elements: [{ text: label }] });
      expect(message.text).toContain(label);
    });
  });

  it('500 ordinary debtors go in few messages: blocks are used, not wasted', () => {
    const messages = dailyListMessages({ collectorName: 'Ana', date: TODAY, items: workItems(500), locale: 'es' });
    for (const message of messages) expectWithinLimits(message);
    // 49 debtors fit beside the header or continuation line of each message.
    expect(messages.length).toBeLessThanOrEqual(Math.ceil(500 / 30));
    expect(buttonValues(messages)).toHaveLength(500);
  });

  it('exactly 49 debtors fit one message; 50 need two', () => {
    const one = dailyListMessages({ collectorName: 'Ana', date: TODAY, items: workItems(49), locale: 'es' });
    expect(one).toHaveLength(1);
    expect(one[0]!.blocks).toHaveLength(50);
    const two = dailyListMessages({ collectorName: 'Ana', date: TODAY, items: workItems(50), locale: 'es' });
    expect(two).toHaveLength(2);
    expect(two[1]!.blocks[0]).toMatchObject({ elements: [{ text: '(continúa, 2/2)' }] });
  });
});
