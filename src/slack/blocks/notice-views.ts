import type { HomeView, ModalView } from './slack-types.js';
import type { Locale } from '../i18n/index.js';
import { t } from '../i18n/index.js';
import type { Message } from './index.js';

// Small views around the real ones: a modal that opens at once while the form loads,
// a message shown in a modal (App Home has no place for ephemeral messages), and the
// Home tab of someone who is not in the register.

export function loadingModal(locale: Locale): ModalView {
  return {
    type: 'modal',
    title: { type: 'plain_text', text: t(locale, 'notice.loadingTitle') },
    close: { type: 'plain_text', text: t(locale, 'notice.close') },
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text: t(locale, 'notice.loading') } }],
  };
}

export function messageModal(message: Message, locale: Locale): ModalView {
  return {
    type: 'modal',
    title: { type: 'plain_text', text: t(locale, 'notice.cardTitle') },
    close: { type: 'plain_text', text: t(locale, 'notice.close') },
    blocks: message.blocks,
  };
}

export function notRegisteredHome(locale: Locale): HomeView {
  return {
    type: 'home',
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text: t(locale, 'notice.notRegisteredHome') } }],
  };
}
