import type { webApi } from '@slack/bolt';
import { errorMessage } from './blocks/index.js';
import type { Locale } from './i18n/index.js';

interface FailedBody {
  response_url?: string;
  user_id?: string;
  channel_id?: string;
  user?: { id?: string };
  channel?: { id?: string };
  event?: { user?: string; channel?: string };
}

/** Tells the user whose action failed, ephemerally and in their language, where Slack lets us. */
export async function notifyFailure(client: webApi.WebClient, body: unknown, locale: Locale): Promise<void> {
  const b = (body ?? {}) as FailedBody;
  const message = errorMessage('failed', locale);
  if (b.response_url) {
    await fetch(b.response_url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ response_type: 'ephemeral', replace_original: false, ...message }),
    });
    return;
  }
  const user = b.user_id ?? b.user?.id ?? b.event?.user;
  const channel = b.channel_id ?? b.channel?.id ?? b.event?.channel;
  if (user && channel) await client.chat.postEphemeral({ channel, user, ...message });
  else if (user) await client.chat.postMessage({ channel: user, ...message });
}
