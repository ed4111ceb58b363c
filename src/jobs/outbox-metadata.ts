import type { webApi } from '@slack/bolt';

// Every message the outbox posts carries its outbox id in Slack's message metadata, so a
// message whose process died before recording the answer can be found in the channel's
// history instead of being posted again.

/** The only method that takes message metadata, hence the only one whose posts can be looked up. */
export const POST_MESSAGE = 'chat.postMessage';

/** `metadata.event_type` of the outbox's messages. */
export const OUTBOX_EVENT_TYPE = 'cobranza_outbox_message';

/** The chat.postMessage `metadata` argument of outbox message `outboxId`. */
export function outboxMetadata(outboxId: number): { event_type: string; event_payload: { outbox_id: number } } {
  return { event_type: OUTBOX_EVENT_TYPE, event_payload: { outbox_id: outboxId } };
}

interface HistoryPage {
  messages?: Array<{ ts?: string; bot_id?: string; metadata?: { event_type?: string; event_payload?: { outbox_id?: unknown } } }>;
  has_more?: boolean;
  response_metadata?: { next_cursor?: string };
}

/** Messages per history page: few pages, since the search starts shortly before the claim. */
const HISTORY_PAGE = 200;
/** The search starts this long before the claim: this host's clock and Slack's may differ. */
const CLOCK_MARGIN_MS = 60_000;

/** The conversation a message to `channel` lands in: a user id means their DM with the app. */
async function conversationOf(client: webApi.WebClient, channel: string): Promise<string> {
  if (!/^[UW]/.test(channel)) return channel;
  const opened = (await client.apiCall('conversations.open', { users: channel })) as { channel?: { id?: string } };
  return opened.channel?.id ?? channel;
}

/**
 * The `ts` of the message this app (`botId`) posted for outbox message `outboxId` to
 * `channel` since about `since` (the claim in doubt), or null when the history holds none.
 */
export async function findPostedMessage(
  client: webApi.WebClient,
  input: { botId: string; channel: string; outboxId: number; since: Date },
): Promise<string | null> {
  const channel = await conversationOf(client, input.channel);
  const oldest = ((input.since.getTime() - CLOCK_MARGIN_MS) / 1000).toFixed(6);
  let cursor: string | undefined;
  do {
    const page = (await client.apiCall('conversations.history', {
      channel,
      oldest,
      include_all_metadata: true,
      limit: HISTORY_PAGE,
      ...(cursor ? { cursor } : {}),
    })) as HistoryPage;
    const found = page.messages?.find(
      (m) => m.bot_id === input.botId && m.metadata?.event_type === OUTBOX_EVENT_TYPE && Number(m.metadata.event_payload?.outbox_id) === input.outboxId,
    );
    if (found?.ts) return found.ts;
    cursor = page.has_more ? page.response_metadata?.next_cursor || undefined : undefined;
  } while (cursor);
  return null;
}
