// What every surface showing a barrier case shares: the `resolve_barrier` button while it
// is open, and who resolved it and when once it is not.

import { t, type Locale } from '../i18n/index.js';
import { ACTION } from '../ids.js';
import { button, section } from './elements.js';
import type { Button, Message } from './slack-types.js';
import { formatDateTime, mention } from './text.js';

/** A resolved barrier: by whom (null when the alarms job resolved it) and when. */
export interface BarrierResolution {
  bySlackId: string | null;
  at: Date;
}

export function resolveBarrierButton(barrierId: number, locale: Locale, style?: 'primary'): Button {
  return button(t(locale, 'barrierResolution.resolve'), ACTION.resolveBarrier, String(barrierId), style);
}

/** "Resuelta por @ana el 23 nov 2026 09:14", or "Resuelta automáticamente el …". */
export function resolvedText(resolution: BarrierResolution, timeZone: string, locale: Locale): string {
  const when = formatDateTime(resolution.at, timeZone, locale);
  return resolution.bySlackId
    ? t(locale, 'barrierResolution.resolvedBy', { user: mention(resolution.bySlackId), when })
    : t(locale, 'barrierResolution.resolvedAutomatically', { when });
}

/** The answer to a second click: it was already resolved, by whom and when. */
export function alreadyResolvedMessage(resolution: BarrierResolution, timeZone: string, locale: Locale): Message {
  const when = formatDateTime(resolution.at, timeZone, locale);
  const text = resolution.bySlackId
    ? t(locale, 'barrierResolution.alreadyBy', { user: mention(resolution.bySlackId), when })
    : t(locale, 'barrierResolution.alreadyAutomatically', { when });
  return { text, blocks: [section(text)] };
}
