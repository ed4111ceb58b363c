// Slack's side of a slash command, in a process of its own: it posts the signed commands
// and receives the answers at their response_url. Timing from here is what a user sees;
// from inside the app's process a busy event loop (PGlite runs on it, and so does the
// alarms job) would delay the stopwatch along with the app.
//
// Protocol (IPC): the parent sends { type: 'run', eventsUrl, secret, user, queries };
// the driver answers { type: 'timings', timings } or { type: 'error', message }.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { postSigned, slashCommandBody } from '../../test/support/slack-requests.js';

export interface DriverQuery {
  kind: string;
  text: string;
}

export interface DriverTiming {
  kind: string;
  /** Command sent to answer received, ms. */
  ms: number;
  /** Command sent to HTTP acknowledgement received, ms. */
  ackMs: number;
  /** When the command was sent, ms since the run began. */
  offsetMs: number;
}

export type DriverRequest = { type: 'run'; eventsUrl: string; secret: string; user: string; queries: DriverQuery[] };
export type DriverReply = { type: 'ready'; origin: string } | { type: 'timings'; timings: DriverTiming[] } | { type: 'error'; message: string };

const ANSWER_TIMEOUT_MS = 60_000;

const waiters = new Map<string, (at: number) => void>();
const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    const at = performance.now();
    const id = /^\/response\/(\w+)$/.exec(req.url ?? '')?.[1];
    if (id) {
      waiters.get(id)?.(at);
      waiters.delete(id);
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
  });
});
server.keepAliveTimeout = 60_000;
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
let responses = 0;

const send = (reply: DriverReply) => process.send?.(reply);

async function command(request: DriverRequest, query: DriverQuery, began: number): Promise<DriverTiming> {
  const id = String(++responses);
  const arrived = new Promise<number>((resolve) => waiters.set(id, resolve));
  const body = slashCommandBody({ command: '/deudor', text: query.text, user_id: request.user, response_url: `${origin}/response/${id}` });
  const startedAt = performance.now();
  const res = await postSigned(request.eventsUrl, request.secret, body, 'application/x-www-form-urlencoded');
  const ackMs = performance.now() - startedAt;
  if (res.status !== 200) throw new Error(`/deudor ${query.text}: HTTP ${res.status} ${res.body}`);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`/deudor ${query.text}: no answer within ${ANSWER_TIMEOUT_MS / 1000} s`)), ANSWER_TIMEOUT_MS);
  });
  try {
    const at = await Promise.race([arrived, timeout]);
    return { kind: query.kind, ms: at - startedAt, ackMs, offsetMs: startedAt - began };
  } finally {
    clearTimeout(timer);
  }
}

process.on('message', (message: DriverRequest) => {
  void (async () => {
    try {
      const began = performance.now();
      const timings: DriverTiming[] = [];
      // One after another, as one collector after another would type them.
      for (const q of message.queries) timings.push(await command(message, q, began));
      send({ type: 'timings', timings });
    } catch (error) {
      send({ type: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  })();
});
process.on('disconnect', () => server.close());
send({ type: 'ready', origin });
