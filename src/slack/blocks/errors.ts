// What a user sees when a request cannot be served, in their language.

import { t, type Locale } from '../i18n/index.js';
import { COMMAND } from '../ids.js';
import { section } from './elements.js';
import type { Message } from './slack-types.js';

export type ErrorKind = 'not_registered' | 'forbidden' | 'failed' | 'debtor_not_found' | 'already_acknowledged';

export function errorMessage(kind: ErrorKind, locale: Locale): Message {
  const text = t(locale, `error.${kind}`, { command: `\`${COMMAND}\`` });
  return { text, blocks: [section(text)] };
}
