// The local Slack's HTTP server, on 127.0.0.1 only: the page and its assets, the page's
// routes (/local/…), Slack's Web API for the bot (/api/<method>), and the addresses Slack
// hands out (response_url, file uploads).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Interactions } from './interactions.js';
import { PAGE_SCRIPT_PATH, PAGE_STYLE_PATH, type PageAssets } from './page-assets.js';
import type { PageAnswer, PageRequests } from './protocol.js';
import { decodeWebApiArgs, handleWebApi } from './web-api.js';
import type { LocalWorkspace } from './workspace.js';

export interface LocalSlackServerOptions {
  workspace: LocalWorkspace;
  interactions: () => Interactions;
  assets: PageAssets;
  /** Runs the scheduler's morning for a date (the clock control). */
  morning: (date: string) => Promise<void>;
  /** The clock's working day and whether a morning is running. */
  clock: () => { today: string; busy: boolean };
}

/** A page request larger than this is not a member typing. */
const MAX_BODY = 5 * 1024 * 1024;

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new Error('request too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }).end(JSON.stringify(body));
}

function sendBytes(res: ServerResponse, found: { bytes: Uint8Array; contentType: string } | undefined): void {
  if (!found) return void res.writeHead(404).end();
  res.writeHead(200, { 'content-type': found.contentType, 'cache-control': 'no-store' }).end(found.bytes);
}

type PageRoute = keyof Omit<PageRequests, 'morning'>;
const PAGE_ROUTES: readonly PageRoute[] = ['command', 'action', 'submit', 'close', 'home'];

export function createLocalSlackServer(options: LocalSlackServerOptions) {
  const { workspace, assets } = options;
  const streams = new Set<ServerResponse>();
  const announce = () => {
    for (const stream of streams) stream.write('data: change\n\n');
  };
  workspace.on('change', announce);

  function events(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    res.write('retry: 1000\n\n');
    streams.add(res);
    req.on('close', () => streams.delete(res));
  }

  async function pageAction(route: string, body: Buffer): Promise<PageAnswer> {
    const request = JSON.parse(body.toString('utf8')) as never;
    if (route === 'morning') {
      await options.morning((request as PageRequests['morning']).date);
      return { ok: true };
    }
    if (!PAGE_ROUTES.includes(route as PageRoute)) return { ok: false, error: 'unknown_route' };
    return options.interactions()[route as PageRoute](request);
  }

  async function post(url: URL, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    const path = url.pathname;
    if (path.startsWith('/api/')) {
      const answer = handleWebApi(workspace, path.slice('/api/'.length), decodeWebApiArgs(body.toString('utf8'), req.headers['content-type']));
      return json(res, answer.status, answer.body);
    }
    if (path.startsWith('/local/upload/')) {
      return workspace.receiveUpload(decodeURIComponent(path.slice('/local/upload/'.length)), body) ? void res.writeHead(200).end('OK') : void res.writeHead(404).end();
    }
    if (path.startsWith('/local/response/')) {
      const ok = options.interactions().response(path.slice('/local/response/'.length), JSON.parse(body.toString('utf8')) as Record<string, unknown>);
      return ok ? json(res, 200, { ok: true }) : json(res, 404, { ok: false, error: 'expired_url' });
    }
    if (path.startsWith('/local/')) return json(res, 200, await pageAction(path.slice('/local/'.length), body));
    res.writeHead(404).end();
  }

  function get(url: URL, req: IncomingMessage, res: ServerResponse): void {
    const path = url.pathname;
    const locale = workspace.locale;
    if (path === '/') return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(assets.html(locale));
    if (path === PAGE_SCRIPT_PATH) return void res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(assets.js);
    if (path === PAGE_STYLE_PATH) return void res.writeHead(200, { 'content-type': 'text/css; charset=utf-8' }).end(assets.css);
    if (path === '/local/events') return events(req, res);
    if (path === '/local/state') {
      const { today, busy } = options.clock();
      return json(res, 200, workspace.stateFor(url.searchParams.get('as'), today, busy));
    }
    if (path.startsWith('/local/files/')) return sendBytes(res, workspace.fileBytes(decodeURIComponent(path.slice('/local/files/'.length))));
    const mail = /^\/local\/mail\/([^/]+)\/(\d+)$/.exec(path);
    if (mail) return sendBytes(res, workspace.mailAttachment(decodeURIComponent(mail[1]!), Number(mail[2])));
    res.writeHead(404).end();
  }

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const handled = req.method === 'POST' ? post(url, req, res) : Promise.resolve(get(url, req, res));
    handled.catch((error: unknown) => {
      if (!res.headersSent) json(res, 400, { ok: false, error: error instanceof Error ? error.message : String(error) });
    });
  });

  return {
    server,
    announce,
    /** Listens on 127.0.0.1 only; resolves to the port. */
    async listen(port: number): Promise<number> {
      await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, '127.0.0.1', resolve));
      return (server.address() as AddressInfo).port;
    },
    async close(): Promise<void> {
      workspace.off('change', announce);
      for (const stream of streams) stream.end();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type LocalSlackServer = ReturnType<typeof createLocalSlackServer>;
