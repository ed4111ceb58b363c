// What a user sees when a request cannot be served, in their language.

import { t, type Locale } from '../i18n/index.js';
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
  /** A button value or view metadata that does not parse: an old or forged payload. */
  | 'unreadable'
  | 'bad_search_text';

export function errorMessage(kind: ErrorKind, locale: Locale): Message {
  const text = t(locale, `error.${kind}`, { command: `\`${COMMAND}\`` });
  return { text, blocks: [section(text)] };
}
