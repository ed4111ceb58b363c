// The alarm-channel message for a file of the nightly drop folder that could not be imported.

import { t, type Locale } from '../i18n/index.js';
import { context, section } from './elements.js';
import type { Message } from './slack-types.js';
import { escapeMrkdwn } from './text.js';

export interface ImportFailure {
  /** The file's name as the ERP dropped it. */
  file: string;
  /** Where it was moved, relative to the folder (`failed/debtors.csv`). */
  movedTo: string;
  /** The first error, naming line and column. */
  error: string;
}

export function importFailedMessage(failure: ImportFailure, locale: Locale): Message {
  const text = t(locale, 'importFailed.text', { file: escapeMrkdwn(failure.file) });
  return {
    text,
    blocks: [
      section(`${t(locale, 'importFailed.heading', { file: `\`${escapeMrkdwn(failure.file)}\`` })}\n${escapeMrkdwn(failure.error)}`),
      context(t(locale, 'importFailed.where', { path: `\`${escapeMrkdwn(failure.movedTo)}\`` })),
    ],
  };
}
