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
  | { status: number }
  | { error: string }
  | { body: Record<string, unknown> };

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

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * A local stand-in of Slack's Web API on 127.0.0.1: records every call, answers like Slack,
 * and can be told to answer a method with 429 + Retry-After, a 5xx, or `ok: false`.
 * It also serves `response_url` posts and a Socket Mode WebSocket.
 */
export class SlackStandIn {
  readonly calls: RecordedCall[] = [];
  readonly responses: RecordedCall[] = [];
  private readonly scripts = new Map<string, Scripted[]>();
  private server: Server | undefined;
  private wss: WebSocketServer | undefined;
  private ts = 1_700_000_000;
  readonly sockets: WebSocket[] = [];

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
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async handle(req: IncomingMessage) {
    const raw = await readBody(req);
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const args = decodeArgs(raw, req.headers['content-type']);
    if (path.startsWith('/response/')) {
      this.responses.push({ method: path, args, at: Date.now() });
      return { status: 200, headers: {}, body: { ok: true } };
    }
    const method = path.replace(/^\/api\//, '');
    this.calls.push({ method, args, at: Date.now() });
    const scripted = this.scripts.get(method)?.shift();
    if (scripted) {
      if ('rateLimited' in scripted) {
        return { status: 429, headers: { 'retry-after': String(scripted.rateLimited) }, body: { ok: false, error: 'ratelimited' } };
      }
      if ('status' in scripted) return { status: scripted.status, headers: {}, body: { ok: false, error: 'internal_error' } };
      if ('error' in scripted) return { status: 200, headers: {}, body: { ok: false, error: scripted.error } };
      return { status: 200, headers: {}, body: scripted.body };
    }
    return { status: 200, headers: {}, body: this.defaultAnswer(method, args) };
  }

  private defaultAnswer(method: string, args: Record<string, unknown>): Record<string, unknown> {
    switch (method) {
      case 'auth.test':
        return { ok: true, url: 'https://stand-in.slack.test/', team: 'Stand-in', user: 'cobranza', team_id: 'T0STANDIN', user_id: 'U0BOT', bot_id: 'B0BOT' };
      case 'chat.postMessage':
      case 'chat.update':
        return { ok: true, channel: args.channel, ts: typeof args.ts === 'string' ? args.ts : `${this.ts++}.000100`, message: { text: args.text } };
      case 'chat.postEphemeral':
        return { ok: true, message_ts: `${this.ts++}.000200` };
      case 'conversations.open':
        return { ok: true, channel: { id: `D${String(args.users).replace(/^U/, '')}` } };
      case 'views.open':
      case 'views.update':
      case 'views.push':
      case 'views.publish':
        return { ok: true, view: { id: `V${this.ts++}`, hash: 'h', ...(args.view as object) } };
      case 'apps.connections.open':
        return { ok: true, url: `${this.origin.replace('http', 'ws')}/socket` };
      default:
        return { ok: true };
    }
  }
}
