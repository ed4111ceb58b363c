// What a member does on the page, delivered to the bot as Slack delivers it: signed
// requests to its receiver, and the bot's answers (HTTP bodies, response_url posts) put
// where Slack puts them.
import { randomUUID } from 'node:crypto';
import type { LocalWorkspace } from './workspace.js';
import {
  appHomeOpenedEvent,
  interactiveBody,
  messageActionPayload,
  slashCommandBody,
  viewActionPayload,
  viewClosedPayload,
  viewSubmissionPayload,
} from './payloads.js';
import type { Block, LocalUser, PageAnswer, PageRequests } from './protocol.js';
import { postSigned } from './signing.js';

const FORM = 'application/x-www-form-urlencoded';

export interface InteractionsOptions {
  workspace: LocalWorkspace;
  /** The bot's receiver: `http://127.0.0.1:<port>/slack/events`. */
  botUrl: () => string;
  signingSecret: string;
  /** The local Slack's own origin, where response_url posts come back. */
  origin: () => string;
}

/** Where a response_url post goes: the conversation, the member, and the message clicked. */
interface ResponseTarget {
  channel: string;
  user: string;
  originalTs?: string;
}

const refused = (error: string): PageAnswer => ({ ok: false, error });

function parseJson(text: string): Block | undefined {
  try {
    return text ? (JSON.parse(text) as Block) : undefined;
  } catch {
    return undefined;
  }
}

export function createInteractions(options: InteractionsOptions) {
  const { workspace } = options;
  const responses = new Map<string, ResponseTarget>();

  const responseUrl = (target: ResponseTarget) => {
    const token = randomUUID();
    responses.set(token, target);
    return `${options.origin()}/local/response/${token}`;
  };
  const send = (body: string, contentType = FORM) => postSigned(options.botUrl(), options.signingSecret, body, contentType);
  const member = (id: string): LocalUser | undefined => workspace.member(id);
  /** Slack shows a failed dispatch to the member; so does the page. */
  const dispatched = (status: number): PageAnswer => (status === 200 ? { ok: true } : refused(`dispatch_failed (HTTP ${status})`));

  async function command({ as, channel, text }: PageRequests['command']): Promise<PageAnswer> {
    const who = member(as);
    if (!who) return refused('unknown_user');
    const [name = '', ...rest] = text.trim().split(/\s+/);
    if (!name.startsWith('/')) return refused('not_a_command');
    const answer = await send(slashCommandBody(who, channel, name, rest.join(' '), responseUrl({ channel, user: as }), workspace.newTrigger(as)));
    // An acknowledgement with a body is the command's immediate answer.
    const body = parseJson(answer.body);
    if (answer.status === 200 && body && (body.text || body.blocks)) workspace.respond(channel, as, body);
    return dispatched(answer.status);
  }

  async function action({ as, where, action: input, values = {} }: PageRequests['action']): Promise<PageAnswer> {
    const who = member(as);
    if (!who) return refused('unknown_user');
    const triggerId = workspace.newTrigger(as);
    let payload: Block;
    if (where.kind === 'message') {
      const message = workspace.message(where.channel, where.ts, as);
      if (!message) return refused('message_not_found');
      payload = messageActionPayload({ member: who, action: input, triggerId, message, responseUrl: responseUrl({ channel: where.channel, user: as, originalTs: where.ts }) });
    } else {
      const found = workspace.viewById(where.viewId);
      if (!found || found.user !== as) return refused('view_not_found');
      payload = viewActionPayload({ member: who, action: input, triggerId, view: found.view, values });
    }
    return dispatched((await send(interactiveBody(payload))).status);
  }

  async function submit({ as, viewId, values }: PageRequests['submit']): Promise<PageAnswer> {
    const who = member(as);
    const found = workspace.viewById(viewId);
    if (!who || !found || found.user !== as) return refused('view_not_found');
    const answer = await send(interactiveBody(viewSubmissionPayload(who, found.view, values, workspace.newTrigger(as))));
    if (answer.status !== 200) return dispatched(answer.status);
    applyResponseAction(as, viewId, parseJson(answer.body));
    return { ok: true };
  }

  /** The body of a view_submission's acknowledgement decides what happens to the modal. */
  function applyResponseAction(as: string, viewId: string, body: Block | undefined): void {
    switch (body?.response_action) {
      case 'errors':
        workspace.setViewErrors(viewId, body.errors as Record<string, string>);
        return;
      case 'update':
        workspace.replaceView(viewId, body.view as Block);
        return;
      case 'push':
        workspace.pushView(as, body.view as Block);
        return;
      case 'clear':
        workspace.clearModals(as);
        return;
      default:
        workspace.closeView(as, viewId);
    }
  }

  async function close({ as, viewId }: PageRequests['close']): Promise<PageAnswer> {
    const who = member(as);
    const found = workspace.viewById(viewId);
    if (!who || !found || found.user !== as) return refused('view_not_found');
    workspace.closeView(as, viewId);
    if (found.view.view.notify_on_close) await send(interactiveBody(viewClosedPayload(who, found.view)));
    return { ok: true };
  }

  async function home({ as }: PageRequests['home']): Promise<PageAnswer> {
    const who = member(as);
    if (!who) return refused('unknown_user');
    const event = appHomeOpenedEvent(who, workspace.dmOf(as), `Ev${randomUUID().replaceAll('-', '').slice(0, 10).toUpperCase()}`);
    return dispatched((await send(JSON.stringify(event), 'application/json')).status);
  }

  /** A post to a response_url the local Slack handed out; unknown tokens are refused as Slack does. */
  function response(token: string, body: Block): boolean {
    const target = responses.get(token);
    if (!target) return false;
    workspace.respond(target.channel, target.user, body, target.originalTs);
    return true;
  }

  return { command, action, submit, close, home, response };
}

export type Interactions = ReturnType<typeof createInteractions>;
