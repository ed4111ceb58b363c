import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

/** A Web API call as the stand-in received it, arguments decoded. */
export interface RecordedCall {
  method: string;
  args: Record<string, unknown>;
  at: number;
}

/** What the stand-in answers a method with, instead of its default. */
export type Scripted =
  | { rateLimited: number /* Retry-After seconds */ }
  /** `posted`: a chat.postMessage reaches the channel all the same, as Slack may before a 5xx. */
  | { status: number; posted?: boolean }
  | { error: string }
  | { body: Record<string, unknown> };

/** A message in a conversation's history, as conversations.history returns it. */
export interface StoredMessage {
  type: 'message';
  ts: string;
  text?: unknown;
  blocks?: unknown;
  bot_id: string;
  metadata?: { event_type?: string; event_payload?: Record<string, unknown> };
}

/** The stand-in app's bot, as auth.test names it and as its messages carry it. */
const BOT_ID = 'B0BOT';

function decodeArgs(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (!raw) return {};
  if (contentType?.includes('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    // The Web API client sends nested arguments (blocks, view) as JSON text.
    try {
      args[key] = /^[[{]/.test(value) ? JSON.parse(value) : value;
    } catch {
      args[key] = value;
    }
  }
  return args;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** The DM a message to a user id lands in; any other id is the conversation itself. */
function conversationOf(channel: string): string {
  return /^[UW]/.test(channel) ? `D${channel.slice(1)}` : channel;
}

/**
 * A local stand-in of Slack's Web API on 127.0.0.1: records every call, answers like Slack,
 * and can be told to answer a method with 429 + Retry-After, a 5xx, or `ok: false`, or to
 * hold its answer. Posted messages are kept per conversation, with their metadata, and
 * conversations.history and conversations.open answer from them as Slack does.
 * It also serves `response_url` posts and a Socket Mode WebSocket.
 */
export class SlackStandIn {
  readonly calls: RecordedCall[] = [];
  readonly responses: RecordedCall[] = [];
  /** Bytes posted to the upload URLs files.getUploadURLExternal hands out, by file id; also recorded in `calls` as `upload`. */
  readonly uploads = new Map<string, Buffer>();
  private readonly scripts = new Map<string, Scripted[]>();
  private readonly holds: Array<{ method: string; when: (args: Record<string, unknown>) => boolean; arrived: (call: RecordedCall) => void }> = [];
  private readonly history = new Map<string, StoredMessage[]>();
  private server: Server | undefined;
  private wss: WebSocketServer | undefined;
  private seq = 0;
  readonly sockets: WebSocket[] = [];

  /** `now` stamps each recorded call: a test on virtual time passes its clock. */
  constructor(private readonly now: () => number = Date.now) {}

  get url(): string {
    const { port } = this.server!.address() as AddressInfo;
    return `http://127.0.0.1:${port}/api/`;
  }

  get origin(): string {
    const { port } = this.server!.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  /** Queues answers for the next calls of `method`, one each, before defaults resume. */
  script(method: string, ...answers: Scripted[]): void {
    this.scripts.set(method, [...(this.scripts.get(method) ?? []), ...answers]);
  }

  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /**
   * Calls of `method` for which `when` holds are recorded (a post reaches its channel) but
   * never answered, as when the caller dies before the answer comes. Resolves with the
   * first such call once it arrives.
   */
  hold(method: string, when: (args: Record<string, unknown>) => boolean = () => true): Promise<RecordedCall> {
    return new Promise((arrived) => this.holds.push({ method, when, arrived }));
  }

  /** Messages in a conversation (a user id: their DM with the app), oldest first. */
  messagesIn(channel: string): StoredMessage[] {
    return [...(this.history.get(conversationOf(channel)) ?? [])];
  }

  /** A ts as Slack writes them: seconds of the current time, then a sequence, so they sort. */
  private nextTs(): string {
    return `${Math.floor(Date.now() / 1000)}.${String(++this.seq % 1_000_000).padStart(6, '0')}`;
  }

  private store(args: Record<string, unknown>): { channel: string; ts: string } {
    const channel = conversationOf(String(args.channel));
    const message: StoredMessage = { type: 'message', ts: this.nextTs(), text: args.text, bot_id: BOT_ID };
    if (args.blocks !== undefined) message.blocks = args.blocks;
    if (args.metadata !== undefined) message.metadata = args.metadata as StoredMessage['metadata'];
    this.history.set(channel, [...(this.history.get(channel) ?? []), message]);
    return { channel, ts: message.ts };
  }

  /** conversations.history: newest first, after `oldest`, a page of `limit` at a time. */
  private historyPage(args: Record<string, unknown>): Record<string, unknown> {
    const channel = String(args.channel);
    if (/^[UW]/.test(channel)) return { ok: false, error: 'channel_not_found' };
    const oldest = Number(args.oldest ?? 0);
    const inclusive = args.inclusive === true || args.inclusive === 'true';
    const newestFirst = (this.history.get(channel) ?? []).filter((m) => (inclusive ? Number(m.ts) >= oldest : Number(m.ts) > oldest)).reverse();
    const start = Number(args.cursor ?? 0);
    const limit = Math.min(Number(args.limit ?? 100), 999);
    const page = newestFirst.slice(start, start + limit);
    const withMetadata = args.include_all_metadata === true || args.include_all_metadata === 'true';
    const hasMore = start + limit < newestFirst.length;
    return {
      ok: true,
      messages: page.map(({ metadata, ...m }) => (withMetadata && metadata ? { ...m, metadata } : m)),
      has_more: hasMore,
      response_metadata: { next_cursor: hasMore ? String(start + limit) : '' },
    };
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      void this.handle(req).then(({ status, headers, body }) => {
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(JSON.stringify(body));
      });
    });
    this.wss = new WebSocketServer({ server: this.server, path: '/socket' });
    this.wss.on('connection', (socket) => {
      this.sockets.push(socket);
      socket.send(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'stand-in' } }));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.terminate();
    await new Promise<void>((resolve) => (this.wss ? this.wss.close(() => resolve()) : resolve()));
    // Held calls are never answered: their connections are cut.
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async handle(req: IncomingMessage) {
    const body = await readBody(req);
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    if (path.startsWith('/upload/')) {
      // The bytes of a file, as Slack's upload URL takes them.
      const fileId = decodeURIComponent(path.slice('/upload/'.length));
      this.uploads.set(fileId, body);
      this.calls.push({ method: 'upload', args: { file_id: fileId, bytes: body.length }, at: this.now() });
      return { status: 200, headers: {}, body: { ok: true } };
    }
    const args = decodeArgs(body.toString('utf8'), req.headers['content-type']);
    if (path.startsWith('/response/')) {
      this.responses.push({ method: path, args, at: this.now() });
      return { status: 200, headers: {}, body: { ok: true } };
    }
    const method = path.replace(/^\/api\//, '');
    const call = { method, args, at: this.now() };
    this.calls.push(call);
    const held = this.holds.find((h) => h.method === method && h.when(args));
    if (held) {
      if (method === 'chat.postMessage') this.store(args);
      held.arrived(call);
      return new Promise<never>(() => undefined);
    }
    const scripted = this.scripts.get(method)?.shift();
    if (scripted) {
      if ('rateLimited' in scripted) {
        return { status: 429, headers: { 'retry-after': String(scripted.rateLimited) }, body: { ok: false, error: 'ratelimited' } };
      }
      if ('status' in scripted) {
        if (scripted.posted && method === 'chat.postMessage') this.store(args);
        return { status: scripted.status, headers: {}, body: { ok: false, error: 'internal_error' } };
      }
      if ('error' in scripted) return { status: 200, headers: {}, body: { ok: false, error: scripted.error } };
      return { status: 200, headers: {}, body: scripted.body };
    }
    return { status: 200, headers: {}, body: this.defaultAnswer(method, args) };
  }

  private defaultAnswer(method: string, args: Record<string, unknown>): Record<string, unknown> {
    switch (method) {
      case 'auth.test':
        return { ok: true, url: 'https://stand-in.slack.test/', team: 'Stand-in', user: 'cobranza', team_id: 'T0STANDIN', user_id: 'U0BOT', bot_id: BOT_ID };
      case 'chat.postMessage':
        return { ok: true, ...this.store(args), message: { text: args.text } };
      case 'chat.update':
        return { ok: true, channel: args.channel, ts: args.ts, message: { text: args.text } };
      case 'chat.postEphemeral':
        return { ok: true, message_ts: this.nextTs() };
      case 'conversations.open':
        return { ok: true, channel: { id: conversationOf(String(args.users)) } };
      case 'conversations.history':
        return this.historyPage(args);
      case 'views.open':
      case 'views.update':
      case 'views.push':
      case 'views.publish':
        return { ok: true, view: { id: `V${++this.seq}`, hash: 'h', ...(args.view as object) } };
      case 'files.getUploadURLExternal': {
        const fileId = `F${++this.seq}`;
        return { ok: true, upload_url: `${this.origin}/upload/${fileId}`, file_id: fileId };
      }
      case 'files.completeUploadExternal':
        return { ok: true, files: (args.files as Array<{ id: string; title?: string }>).map((f) => ({ id: f.id, title: f.title })) };
      case 'apps.connections.open':
        return { ok: true, url: `${this.origin.replace('http', 'ws')}/socket` };
      default:
        return { ok: true };
    }
  }
}
