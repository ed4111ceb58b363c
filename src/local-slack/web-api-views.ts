// The local Web API's views.* and files.* methods.

import { viewProblems } from './block-kit-limits.js';
import type { Block, LocalView } from './protocol.js';
import { fail, fileJson, ok, parsed, refused, text, viewJson, type Args, type WebApiAnswer } from './web-api-answers.js';
import type { LocalWorkspace } from './workspace.js';

/** The `view` argument, or Slack's refusal of it (`type` must be `want` when given). */
function viewOf(args: Args, want?: 'modal' | 'home'): Block | WebApiAnswer {
  const view = parsed(args.view);
  if (typeof view !== 'object' || view === null || Array.isArray(view)) {
    return refused('invalid_arguments', [{ pointer: '/view', message: 'must provide an object' }]);
  }
  const problems = viewProblems(view as Block).filter((p) => p.slack);
  if (want && (view as Block).type !== want) problems.unshift({ pointer: '/type', message: `must be ${want}`, slack: true });
  return problems.length > 0 ? refused('invalid_arguments', problems, '/view') : (view as Block);
}

const isAnswer = (x: Block | WebApiAnswer): x is WebApiAnswer => typeof x.status === 'number' && typeof x.body === 'object';
const answerView = (workspace: LocalWorkspace, view: LocalView) => ok({ view: viewJson(workspace, view) });

export function viewsOpen(workspace: LocalWorkspace, args: Args): WebApiAnswer {
  const user = workspace.userOfTrigger(text(args.trigger_id));
  if (!user) return fail('invalid_trigger_id');
  const view = viewOf(args, 'modal');
  if (isAnswer(view)) return view;
  return answerView(workspace, workspace.openView(user, view));
}

export function viewsPush(workspace: LocalWorkspace, args: Args): WebApiAnswer {
  const user = workspace.userOfTrigger(text(args.trigger_id));
  if (!user) return fail('invalid_trigger_id');
  const view = viewOf(args, 'modal');
  if (isAnswer(view)) return view;
  const pushed = workspace.pushView(user, view);
  return pushed ? answerView(workspace, pushed) : fail('push_limit_reached');
}

export function viewsUpdate(workspace: LocalWorkspace, args: Args): WebApiAnswer {
  const viewId = text(args.view_id);
  const found = viewId ? workspace.viewById(viewId) : workspace.viewByExternalId(text(args.external_id));
  if (!found) return fail('not_found');
  const hash = text(args.hash);
  if (hash && hash !== found.view.hash) return fail('hash_conflict');
  const view = viewOf(args, found.view.view.type === 'home' ? 'home' : 'modal');
  if (isAnswer(view)) return view;
  return answerView(workspace, workspace.replaceView(found.view.id, view)!);
}

export function viewsPublish(workspace: LocalWorkspace, args: Args): WebApiAnswer {
  const user = text(args.user_id);
  if (!workspace.member(user)) return fail('user_not_found');
  const hash = text(args.hash);
  const home = workspace.homeOf(user);
  if (hash && home && hash !== home.hash) return fail('hash_conflict');
  const view = viewOf(args, 'home');
  if (isAnswer(view)) return view;
  return answerView(workspace, workspace.publishHome(user, view));
}

export function getUploadUrl(workspace: LocalWorkspace, args: Args, origin: string): WebApiAnswer {
  const filename = text(args.filename);
  const length = Number(args.length);
  if (!filename || !Number.isInteger(length) || length <= 0) {
    return refused('invalid_arguments', [{ pointer: '', message: 'filename and a positive length are required' }]);
  }
  const fileId = workspace.beginUpload(filename, length);
  return ok({ upload_url: `${origin}/local/upload/${encodeURIComponent(fileId)}`, file_id: fileId });
}

/** files.completeUploadExternal: the files whose bytes arrived, shared in `channel_id` when given. */
export function completeUpload(workspace: LocalWorkspace, args: Args): WebApiAnswer {
  const list = parsed(args.files);
  if (!Array.isArray(list) || list.length === 0) return refused('invalid_arguments', [{ pointer: '/files', message: 'must provide an array' }]);
  const channelArg = text(args.channel_id) || text(args.channels).split(',')[0] || '';
  const channel = channelArg ? workspace.conversationOf(channelArg) : undefined;
  if (channelArg && !channel) return fail('channel_not_found');
  const entries = list.map((f) => (typeof f === 'object' && f !== null ? (f as Record<string, unknown>) : {}));
  const files = entries.map((f) => workspace.completeUpload(text(f.id), text(f.title) || undefined));
  if (files.some((f) => f === undefined)) return fail('file_not_found');
  const done = files.filter((f) => f !== undefined);
  if (channel) workspace.post(channel, { text: text(args.initial_comment), files: done });
  return ok({ files: done.map((f) => fileJson(workspace, f)) });
}
