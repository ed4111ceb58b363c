// How the local Web API answers: always HTTP 200 and JSON, `ok: false` with Slack's error
// names, Block Kit problems listed as Slack lists them.

import type { BlockKitProblem } from './block-kit-limits.js';
import type { LocalFile, LocalView } from './protocol.js';
import type { StoredMessage } from './messages.js';
import type { LocalWorkspace } from './workspace.js';

/** A method's arguments, decoded (nested arguments already parsed from their JSON text). */
export type Args = Record<string, unknown>;

export interface WebApiAnswer {
  status: number;
  body: Record<string, unknown>;
}

export const ok = (body: Record<string, unknown> = {}): WebApiAnswer => ({ status: 200, body: { ok: true, ...body } });

export const fail = (error: string, extra: Record<string, unknown> = {}): WebApiAnswer => ({ status: 200, body: { ok: false, error, ...extra } });

/** Slack's answer to Block Kit it refuses: `invalid_blocks` for messages, `invalid_arguments` for views. */
export function refused(error: string, problems: Array<Pick<BlockKitProblem, 'pointer' | 'message'>>, prefix = ''): WebApiAnswer {
  const lines = problems.map((p) => (prefix + p.pointer ? `${p.message} [json-pointer:${prefix}${p.pointer}]` : p.message));
  return fail(error, { errors: lines, response_metadata: { messages: lines.map((line) => `[ERROR] ${line}`) } });
}

export const text = (x: unknown): string => (typeof x === 'string' ? x : typeof x === 'number' || typeof x === 'boolean' ? String(x) : '');

export const flag = (x: unknown): boolean => x === true || x === 'true' || x === 1 || x === '1';

/** A nested argument: already an object, or JSON text the decoder left alone. */
export function parsed(x: unknown): unknown {
  if (typeof x !== 'string' || !/^\s*[[{]/.test(x)) return x;
  try {
    return JSON.parse(x) as unknown;
  } catch {
    return x;
  }
}

export function fileJson(workspace: LocalWorkspace, file: LocalFile): Record<string, unknown> {
  const url = `${workspace.origin}${file.url}`;
  return { id: file.id, name: file.name, title: file.title, mimetype: file.mimetype, url_private: url, url_private_download: url };
}

/** A message as Slack's methods answer it. */
export function messageJson(workspace: LocalWorkspace, m: StoredMessage, withMetadata = true): Record<string, unknown> {
  const fromBot = m.user === workspace.bot.userId;
  return {
    type: 'message',
    ts: m.ts,
    user: m.user,
    text: m.text,
    ...(fromBot ? { bot_id: workspace.bot.botId, app_id: 'A0LOCAL' } : {}),
    ...(m.blocks ? { blocks: m.blocks } : {}),
    ...(m.files ? { files: m.files.map((f) => fileJson(workspace, f)) } : {}),
    ...(m.edited ? { edited: { user: m.user, ts: m.ts } } : {}),
    ...(withMetadata && m.metadata ? { metadata: m.metadata } : {}),
  };
}

/** A view as the views methods answer it. */
export function viewJson(workspace: LocalWorkspace, v: LocalView): Record<string, unknown> {
  return {
    private_metadata: '',
    callback_id: '',
    external_id: '',
    ...v.view,
    id: v.id,
    team_id: workspace.team.id,
    hash: v.hash,
    state: { values: {} },
    previous_view_id: null,
    root_view_id: v.id,
    app_id: 'A0LOCAL',
    bot_id: workspace.bot.botId,
  };
}
