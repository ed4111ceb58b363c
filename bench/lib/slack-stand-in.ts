// Slack's Web API as far as the measured paths use it, on 127.0.0.1. Unlike the test
// stand-in it can hold Slack's pace (one message per second per channel, 429 with
// Retry-After otherwise) and it signals a response_url post the moment it arrives, so a
// latency is not rounded up to a polling interval.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface AcceptedMessage {
  channel: string;
  /** Identifies the message: its text and blocks as sent. */
  key: string;
  at: number;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function decode(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (!raw) return {};
  if (contentType?.includes('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  return Object.fromEntries(new URLSearchParams(raw));
}

/** How the bench names a chat.postMessage payload, whichever side it is seen from. */
export function messageKey(channel: string, text: unknown, blocks: unknown): string {
  const b = typeof blocks === 'string' ? blocks : JSON.stringify(blocks ?? null);
  return `${channel}\u0001${typeof text === 'string' ? text : JSON.stringify(text ?? '')}\u0001${b}`;
}

export class BenchSlack {
  /** chat.postMessage calls Slack accepted, in arrival order. */
  readonly accepted: AcceptedMessage[] = [];
  rateLimited = 0;
  /** When set, a second message to a channel within this many ms gets 429 + Retry-After. */
  paceMs: number | null = null;
  private readonly lastAccepted = new Map<string, number>();
  private readonly waiters = new Map<string, (at: number) => void>();
  private responses = 0;
  private server: Server | undefined;
  private ts = 1_700_000_000;

  get url(): string {
    return `${this.origin}/api/`;
  }

  get origin(): string {
    const { port } = this.server!.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      void this.handle(req).then(({ status, headers, body }) => {
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(JSON.stringify(body));
      });
    });
    this.server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** A fresh response_url, and when a post to it arrives (performance.now()). */
  responseUrl(): { url: string; arrived: Promise<number> } {
    const id = String(++this.responses);
    const arrived = new Promise<number>((resolve) => this.waiters.set(id, resolve));
    return { url: `${this.origin}/response/${id}`, arrived };
  }

  forget(): void {
    this.accepted.length = 0;
    this.lastAccepted.clear();
    this.rateLimited = 0;
  }

  private async handle(req: IncomingMessage): Promise<{ status: number; headers: Record<string, string>; body: Record<string, unknown> }> {
    const raw = await readBody(req);
    const at = performance.now();
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    if (path.startsWith('/response/')) {
      const id = path.slice('/response/'.length);
      this.waiters.get(id)?.(at);
      this.waiters.delete(id);
      return { status: 200, headers: {}, body: { ok: true } };
    }
    const method = path.replace(/^\/api\//, '');
    const args = decode(raw, req.headers['content-type']);
    switch (method) {
      case 'auth.test':
        return { status: 200, headers: {}, body: { ok: true, team_id: 'T0BENCH', user_id: 'U0BOT', bot_id: 'B0BOT', team: 'Bench', user: 'cobranza' } };
      case 'chat.postMessage': {
        const channel = String(args.channel);
        const last = this.lastAccepted.get(channel);
        if (this.paceMs !== null && last !== undefined && at - last < this.paceMs) {
          this.rateLimited++;
          return { status: 429, headers: { 'retry-after': '1' }, body: { ok: false, error: 'ratelimited' } };
        }
        this.lastAccepted.set(channel, at);
        this.accepted.push({ channel, key: messageKey(channel, args.text, args.blocks), at });
        return { status: 200, headers: {}, body: { ok: true, channel, ts: `${this.ts++}.000100` } };
      }
      default:
        return { status: 200, headers: {}, body: { ok: true } };
    }
  }
}
