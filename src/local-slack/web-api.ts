// The local Slack's Web API: what the bot's WebClient calls at `/api/<method>`, answered from
// the local workspace the way Slack answers (HTTP 200, `ok: false` and Slack's error names).

import { fail, ok, text, type Args, type WebApiAnswer } from './web-api-answers.js';
import { deleteMessage, history, open, postEphemeral, postMessage, update } from './web-api-messages.js';
import { completeUpload, getUploadUrl, viewsOpen, viewsPublish, viewsPush, viewsUpdate } from './web-api-views.js';
import type { LocalWorkspace } from './workspace.js';

export type { Args, WebApiAnswer } from './web-api-answers.js';

export interface WebApiOptions {
  /** The page server's origin, for upload URLs; the workspace's `origin` when left out. */
  origin?: string;
}

/**
 * A request body as @slack/web-api sends it: form-encoded, nested arguments (blocks, view,
 * metadata, files) as JSON text, or JSON itself.
 */
export function decodeWebApiArgs(raw: string | Buffer, contentType: string | undefined): Args {
  const body = typeof raw === 'string' ? raw : raw.toString('utf8');
  if (!body) return {};
  if (contentType?.includes('application/json')) return JSON.parse(body) as Args;
  const args: Args = {};
  for (const [key, value] of new URLSearchParams(body)) {
    try {
      args[key] = /^[[{]/.test(value) ? JSON.parse(value) : value;
    } catch {
      args[key] = value;
    }
  }
  return args;
}

function authTest(workspace: LocalWorkspace): WebApiAnswer {
  const { bot, team } = workspace;
  return ok({ url: `${workspace.origin || 'http://127.0.0.1'}/`, team: team.name, user: bot.name.toLowerCase(), team_id: team.id, user_id: bot.userId, bot_id: bot.botId });
}

function usersInfo(workspace: LocalWorkspace, args: Args): WebApiAnswer {
  const id = text(args.user);
  const { bot, team } = workspace;
  const member = id === bot.userId ? { id, name: bot.name } : workspace.member(id);
  if (!member) return fail('user_not_found');
  const profile = { real_name: member.name, display_name: member.name };
  return ok({ user: { id, team_id: team.id, name: member.name, real_name: member.name, deleted: false, is_bot: id === bot.userId, profile } });
}

type Method = (workspace: LocalWorkspace, args: Args, origin: string) => WebApiAnswer;

const METHODS: Record<string, Method> = {
  'api.test': (_workspace, args) => ok({ args }),
  'auth.test': authTest,
  'chat.postMessage': postMessage,
  'chat.update': update,
  'chat.postEphemeral': postEphemeral,
  'chat.delete': deleteMessage,
  'conversations.open': open,
  'conversations.history': history,
  'views.open': viewsOpen,
  'views.push': viewsPush,
  'views.update': viewsUpdate,
  'views.publish': viewsPublish,
  'users.info': usersInfo,
  'files.getUploadURLExternal': getUploadUrl,
  'files.completeUploadExternal': completeUpload,
};

/** Answers one Web API call; unknown methods with `unknown_method`, as Slack does. */
export function handleWebApi(workspace: LocalWorkspace, method: string, args: Args, options: WebApiOptions = {}): WebApiAnswer {
  const handler = Object.hasOwn(METHODS, method) ? METHODS[method] : undefined;
  if (!handler) return fail('unknown_method');
  return handler(workspace, args, options.origin ?? workspace.origin);
}
