// Text for Block Kit: mrkdwn escaping, mentions; dates come from the i18n layer.

import { isMessageKey, t, type Locale } from '../i18n/index.js';

export { formatDate, formatDateTime, formatDayIn, formatShortDate } from '../i18n/dates.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/** Data shown in mrkdwn: Slack reads <…> as links or mentions and & as an entity. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/[&<>]/g, (c) => ESCAPES[c] ?? c);
}

/**
 * Data for mrkdwn, escaped, on one line, and at most `max` characters once escaped: an
 * entity is never cut in half, and a note's line breaks do not break a bulleted list.
 */
export function safe(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const escaped = escapeMrkdwn(flat);
  if (escaped.length <= max) return escaped;
  let out = '';
  for (const char of flat) {
    const piece = ESCAPES[char] ?? char;
    if (out.length + piece.length + 1 > max) break;
    out += piece;
  }
  return `${out.trimEnd()}…`;
}

const SLACK_USER = /^[UW][A-Z0-9]{2,}$/;

/** A user mention (`<@U…>`); anything that is not a Slack user id is shown as text. */
export function mention(slackUserId: string): string {
  return SLACK_USER.test(slackUserId) ? `<@${slackUserId}>` : escapeMrkdwn(slackUserId);
}

export function isSlackUserId(text: string): boolean {
  return SLACK_USER.test(text);
}

/**
 * The catalog's words for a code of the vocabulary (`barrierKind.dispute`), or `fallback`
 * when the code is not in the catalog: data from the database may be newer than the code.
 */
export function codeLabel(locale: Locale, section: string, code: string, fallback: string = escapeMrkdwn(code)): string {
  const key = `${section}.${code}`;
  return isMessageKey(key) ? t(locale, key) : fallback;
}
