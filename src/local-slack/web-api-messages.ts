// The local Web API's chat.* and conversations.* methods.

import { messageProblems } from './block-kit-limits.js';
import type { MessageMetadata } from './messages.js';
import type { Block } from './protocol.js';
import { fail, flag, messageJson, ok, parsed, refused, text, type Args, type WebApiAnswer } from './web-api-answers.js';
import type { LocalWorkspace } from './workspace.js';

const MAX_TEXT = 40_000;

interface Content {
  text: string;
  blocks?: Block[];
  metadata?: MessageMetadata;
}

/** The text, blocks and metadata of a post or update, or Slack's refusal of them. */
function contentOf(args: Args): Content | WebApiAnswer {
  const body = text(args.text);
  const blocks = parsed(args.blocks);
  const metadata = parsed(args.metadata);
  if (blocks !== undefined && !Array.isArray(blocks)) return fail('invalid_blocks_format');
  if (!body && (!blocks || blocks.length === 0)) return fail('no_text');
  if (body.length > MAX_TEXT) return fail('msg_too_long');
  if (metadata !== undefined && (typeof metadata !== 'object' || metadata === null || !('event_type' in metadata))) {
    return fail('invalid_metadata_format');
  }
  if (blocks) {
    const problems = messageProblems(body, blocks).filter((p) => p.slack);
    if (problems.length > 0) return refused('invalid_blocks', problems);
  }
  return { text: body, blocks: blocks as Block[] | undefined, metadata: metadata as MessageMetadata | undefined };
}

const isAnswer = (x: Content | WebApiAnswer): x is WebApiAnswer => 'status' in x;

export function postMessage(workspace: LocalWorkspace, args: Args): WebApiAnswer {
  const channel = workspace.conversationOf(text(args.channel));
  if (!channel) return fail('channel_not_found');
  const content = contentOf(args);
  if (isAnswer(content)) return content;
  const message = workspace.post(channel, content);
  return ok({ channel, ts: message.ts, message: messageJson(workspace, message) });
}

export function update(workspace: LocalWorkspace, args: Args): WebApiAnswer {
  const channel = workspace.conversationOf(text(args.channel));
  if (!channel) return fail('channel_not_found');
  const old = workspace.message(channel, text(args.ts));
  if (!old || old.ephemeralTo) return fail('message_not_found');
  if (old.user !== workspace.bot.userId) return fail('cant_update_message');
  const content = contentOf(args);
  if (isAnswer(content)) return content;
  const message = workspace.updateMessage(channel, old.ts, content)!;
  return ok({ channel, ts: message.ts, text: message.text, message: messageJson(workspace, message) });
}

export function postEphemeral(workspace: LocalWorkspace, args: Args): WebApiAnswer {
  const channel = workspace.conversationOf(text(args.channel));
  if (!channel) return fail('channel_not_found');
  const user = text(args.user);
  if (!user) return refused('invalid_arguments', [{ pointer: '', message: 'missing required field: user' }]);
  if (!workspace.member(user)) return fail('user_not_in_channel');
  const content = contentOf(args);
  if (isAnswer(content)) return content;
  const message = workspace.postEphemeral(channel, user, content.text, content.blocks);
  return ok({ message_ts: message.ts });
}

export function deleteMessage(workspace: LocalWorkspace, args: Args): WebApiAnswer {
  const channel = workspace.conversationOf(text(args.channel));
  if (!channel) return fail('channel_not_found');
  const message = workspace.message(channel, text(args.ts));
  if (!message || message.ephemeralTo) return fail('message_not_found');
  if (message.user !== workspace.bot.userId) return fail('cant_delete_message');
  workspace.deleteMessage(channel, message.ts);
  return ok({ channel, ts: message.ts });
}

export function open(workspace: LocalWorkspace, args: Args): WebApiAnswer {
  const users = text(args.users).split(',').map((u) => u.trim()).filter(Boolean);
  if (users.length === 0) {
    const channel = workspace.memberOfDm(text(args.channel)) ? text(args.channel) : undefined;
    return channel ? ok({ channel: { id: channel } }) : fail('channel_not_found');
  }
  if (users.length > 1) return fail('not_supported');
  if (!workspace.member(users[0]!)) return fail('user_not_found');
  return ok({ channel: { id: workspace.dmOf(users[0]!) } });
}

/** conversations.history: newest first, a page at a time; metadata only when asked for. */
export function history(workspace: LocalWorkspace, args: Args): WebApiAnswer {
  const channel = text(args.channel);
  if (!workspace.memberOfDm(channel) && !workspace.channels.some((c) => c.id === channel)) return fail('channel_not_found');
  const page = workspace.history(channel, {
    oldest: text(args.oldest) || undefined,
    latest: text(args.latest) || undefined,
    inclusive: flag(args.inclusive),
    limit: args.limit === undefined ? undefined : Number(args.limit) || undefined,
    cursor: text(args.cursor) || undefined,
  });
  const withMetadata = flag(args.include_all_metadata);
  return ok({
    messages: page.messages.map((m) => messageJson(workspace, m, withMetadata)),
    has_more: page.hasMore,
    response_metadata: { next_cursor: page.nextCursor },
  });
}
