import { describe, expect, it } from 'vitest';
import { textLength, truncate } from '../../../src/slack/blocks/limits.js';
import { escapeMrkdwn, formatDate, formatDateTime, formatShortDate, mention, safe } from '../../../src/slack/blocks/text.js';

describe('truncate', () => {
  it.each([
    ['short', 10, 'short'],
    ['exactly ten', 11, 'exactly ten'],
    ['a longer sentence', 10, 'a longer…'],
    ['Ñandú Ñandú Ñandú', 8, 'Ñandú Ñ…'],
    ['Ñandú Ñandú Ñandú', 7, 'Ñandú…'],
    ['x', 0, ''],
  ])('truncate(%j, %d) = %j', (text, max, expected) => {
    expect(truncate(text, max)).toBe(expected);
    expect(truncate(text, max).length).toBeLessThanOrEqual(max);
  });

  it('never splits a character made of two code units', () => {
    const cut = truncate('😀😀😀😀😀', 6);
    expect(cut).toBe('😀😀…');
    expect(cut.length).toBeLessThanOrEqual(6);
  });
});

describe('dates', () => {
  it.each([
    ['2026-11-23', 'es', 'lun 23 nov 2026'],
    ['2026-11-23', 'en', 'Mon, Nov 23, 2026'],
    ['2027-01-01', 'es', 'vie 1 ene 2027'],
    ['2026-09-30', 'en', 'Wed, Sep 30, 2026'],
  ] as const)('formatDate(%s, %s) = %s', (date, locale, expected) => {
    expect(formatDate(date, locale)).toBe(expected);
  });

  it.each([
    ['2026-11-23', 'es', 'lun 23 nov'],
    ['2026-11-23', 'en', 'Mon, Nov 23'],
  ] as const)('formatShortDate(%s, %s) = %s', (date, locale, expected) => {
    expect(formatShortDate(date, locale)).toBe(expected);
  });

  it('a date does not move with the process time zone (read in UTC)', () => {
    expect(formatDate('2026-03-08', 'en')).toBe('Sun, Mar 8, 2026');
  });

  it.each([
    // 15:14 UTC is 09:14 in Mexico City (UTC-6, no DST since 2022).
    [new Date('2026-11-23T15:14:00Z'), 'America/Mexico_City', 'es', '23 nov 2026 09:14'],
    [new Date('2026-11-23T15:14:00Z'), 'America/Mexico_City', 'en', 'Nov 23, 2026 09:14'],
    // Late evening UTC is already the next day in Tokyo.
    [new Date('2026-11-23T20:00:00Z'), 'Asia/Tokyo', 'es', '24 nov 2026 05:00'],
  ] as const)('formatDateTime(%s, %s, %s) = %s', (at, zone, locale, expected) => {
    expect(formatDateTime(at, zone, locale)).toBe(expected);
  });
});

describe('mrkdwn text', () => {
  it('escapes the characters Slack reads as markup', () => {
    expect(escapeMrkdwn('Pérez & Hijos <SA> >')).toBe('Pérez &amp; Hijos &lt;SA&gt; &gt;');
  });

  it('safe() escapes, flattens line breaks and stays within max once escaped', () => {
    expect(safe('uno\n\ndos   tres', 50)).toBe('uno dos tres');
    const cut = safe('&&&&&&&&&&', 12);
    expect(cut.length).toBeLessThanOrEqual(12);
    expect(cut).toBe('&amp;&amp;…');
  });

  it('mentions only real user ids', () => {
    expect(mention('U0123ABC')).toBe('<@U0123ABC>');
    expect(mention('W0123ABC')).toBe('<@W0123ABC>');
    expect(mention('<!channel>')).toBe('&lt;!channel&gt;');
  });
});

it('textLength counts every text string of a block tree', () => {
  expect(textLength([{ type: 'section', text: { type: 'mrkdwn', text: 'abc' }, accessory: { type: 'button', text: { type: 'plain_text', text: 'de' } } }])).toBe(5);
});
