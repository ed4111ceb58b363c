// Alarms posted to a team's channel: the debtor, why, who must look, and the three
// buttons (four for an overdue barrier: resolve it). Once acknowledged or resolved, the
// same builder redraws the message for chat.update with who did it and when in place of
// the button.

import { isIsoDate } from '../../domain/calendar.js';
import { MAX_LEVEL, type AlarmKind } from '../../domain/vocabulary.js';
import { t, type Locale } from '../i18n/index.js';
import { ACTION, BLOCK } from '../ids.js';
import { resolveBarrierButton, resolvedText, type BarrierResolution } from './barrier-resolution.js';
import { actions, button, context, section } from './elements.js';
import type { Button, Message } from './slack-types.js';
import { codeLabel, formatDate, formatDateTime, isSlackUserId, mention, safe } from './text.js';

export { ALARM_KINDS, type AlarmKind } from '../../domain/vocabulary.js';

export interface AlarmView {
  id: number;
  kind: AlarmKind;
  debtor: { id: number; name: string };
  /** Values for the kind's message; amounts arrive already formatted. */
  details: Record<string, string | number | null>;
  /** Slack user ids to mention. */
  mentions: string[];
  acknowledged: { bySlackId: string; at: Date } | null;
  /** The barrier of a `barrier_overdue` alarm, with its resolution once resolved. */
  barrier?: { id: number; resolved: BarrierResolution | null } | null;
  /** Zone in which the acknowledgement time is shown. */
  timeZone: string;
}

const NAME_IN_ALARM = 150;
const DETAIL_MAX = 200;

/** "2 · Gerente": a level with the person it means on the debtor's side. */
export function levelText(value: number, locale: Locale): string {
  if (!Number.isInteger(value) || value < 0 || value > MAX_LEVEL) return String(value);
  return t(locale, 'common.levelLabel', { level: value, label: codeLabel(locale, 'escalationLevel', String(value)) });
}

/** "nivel 2 (Gerente)", to be read inside a sentence. */
function levelInAlarm(value: number, locale: Locale): string {
  if (!Number.isInteger(value) || value < 0 || value > MAX_LEVEL) return String(value);
  return t(locale, 'alarmMessage.level', { level: value, label: codeLabel(locale, 'escalationLevel', String(value)) });
}

/** A detail as the reader wants it: codes in words, dates in the locale, user ids as mentions. */
function detail(key: string, value: string | number | null, locale: Locale): string {
  if (value === null) return t(locale, 'alarmMessage.missing');
  const isLevel = key === 'from' || key === 'to' || key === 'level';
  if (typeof value === 'number') return isLevel ? levelInAlarm(value, locale) : String(value);
  if (isLevel && /^\d$/.test(value)) return levelInAlarm(Number(value), locale);
  if (key === 'kind') return codeLabel(locale, 'barrierKind', value, safe(value, DETAIL_MAX));
  if (key === 'consequence') return codeLabel(locale, 'consequence', value, safe(value, DETAIL_MAX));
  if (key === 'cause') return codeLabel(locale, 'escalationCause', value, safe(value, DETAIL_MAX));
  if (isIsoDate(value)) return formatDate(value, locale);
  if (isSlackUserId(value)) return mention(value);
  return safe(value, DETAIL_MAX);
}

/** The kind's sentence with its details filled in (no debtor name, no mentions). */
export function alarmText(alarm: AlarmView, locale: Locale): string {
  const params = Object.fromEntries(Object.entries(alarm.details).map(([key, value]) => [key, detail(key, value, locale)]));
  return t(locale, `alarm.${alarm.kind}`, params);
}

export function ackButton(alarmId: number, locale: Locale): Button {
  return button(t(locale, 'alarmMessage.ack'), ACTION.ackAlarm, String(alarmId));
}

export function alarmMessage(alarm: AlarmView, locale: Locale): Message {
  const name = safe(alarm.debtor.name, NAME_IN_ALARM);
  const mentions = alarm.mentions.map(mention).join(' ');
  const line = `*${name}*: ${alarmText(alarm, locale)}`;
  const text = mentions ? `${mentions} ${line}` : line;
  const debtorId = String(alarm.debtor.id);
  const buttons = [
    button(t(locale, 'common.logOutcome'), ACTION.logOutcome, debtorId, 'primary'),
    button(t(locale, 'common.openDebtor'), ACTION.openDebtor, debtorId),
  ];
  const notes: string[] = [];
  if (alarm.acknowledged) {
    const when = formatDateTime(alarm.acknowledged.at, alarm.timeZone, locale);
    notes.push(t(locale, 'alarmMessage.acknowledged', { user: mention(alarm.acknowledged.bySlackId), when }));
  } else {
    buttons.push(ackButton(alarm.id, locale));
  }
  if (alarm.barrier?.resolved) notes.push(resolvedText(alarm.barrier.resolved, alarm.timeZone, locale));
  else if (alarm.barrier) buttons.push(resolveBarrierButton(alarm.barrier.id, locale));
  // The block id tells `resolve_barrier` that the click came from an alarm, to redraw it.
  const blocks: Message['blocks'] = [section(text), { ...actions(...buttons), block_id: BLOCK.alarmActions }];
  if (notes.length > 0) blocks.push(context(...notes));
  return { text, blocks };
}
