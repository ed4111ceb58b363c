import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { Message } from '../blocks/index.js';
import { messageModal } from '../blocks/notice-views.js';
import type { Locale } from '../i18n/index.js';

type ClickArgs = Pick<SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs, 'body' | 'respond' | 'client'>;

/**
 * Shows `message` to whoever clicked: ephemeral where the button was, or in a modal when
 * the click came from App Home, which has no response_url to answer on.
 */
export async function answerClick({ body, respond, client }: ClickArgs, message: Message, locale: Locale): Promise<void> {
  if (body.response_url) {
    await respond({ response_type: 'ephemeral', replace_original: false, ...message });
  } else {
    await client.views.open({ trigger_id: body.trigger_id, view: messageModal(message, locale) });
  }
}
