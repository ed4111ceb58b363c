// What a user sees when a request cannot be served, in their language.

import { t, type Locale, type MessageParams } from '../i18n/index.js';
import { COMMAND } from '../ids.js';
import { section } from './elements.js';
import type { Message } from './slack-types.js';

export type ErrorKind =
  | 'not_registered'
  | 'forbidden'
  | 'failed'
  | 'debtor_not_found'
  | 'already_acknowledged'
  | 'alarm_not_found'
  | 'barrier_not_found'
  | 'notice_not_found'
  /** A button value or view metadata that does not parse: an old or forged payload. */
  | 'unreadable'
  | 'bad_search_text';

/** `params` fills what a message names besides the command (the policy's `taxIdLabel`). */
export function errorMessage(kind: ErrorKind, locale: Locale, params: MessageParams = {}): Message {
  const text = t(locale, `error.${kind}`, { ...params, command: `\`${COMMAND}\`` });
  return { text, blocks: [section(text)] };
}

/** Why a service declined a request, as its results spell it. */
export type Refusal = 'not_registered' | 'forbidden' | 'unknown_debtor' | 'not_found';

/**
 * The message for a service's refusal; `missing` names what a bare `not_found` was
 * looking for (the debtor, the alarm or the barrier the button was about).
 */
export function refusalMessage(refusal: Refusal, locale: Locale, missing: 'debtor' | 'alarm' | 'barrier' = 'debtor'): Message {
  return errorMessage(refusalKind(refusal, missing), locale);
}

function refusalKind(refusal: Refusal, missing: 'debtor' | 'alarm' | 'barrier'): ErrorKind {
  switch (refusal) {
    case 'not_registered':
    case 'forbidden':
      return refusal;
    case 'unknown_debtor':
      return 'debtor_not_found';
    case 'not_found':
      return `${missing}_not_found`;
  }
}
