import { chmodSync, lstatSync, rmSync } from 'node:fs';
import { createConnection, createServer, type Socket } from 'node:net';
import { isAbsolute, join, resolve } from 'node:path';

// The embedded database belongs to the process holding DATA_DIR (see data-dir-lock.ts). A
// command that needs it while the app runs (`cobranza import`, `cobranza backup`) asks that
// app over a Unix socket in DATA_DIR: same machine, same user, never TCP. One JSON object a
// line each way: one request, one answer, per connection.
const SOCKET_FILE = 'cobranza.sock';

/** What a command asks the running app. Paths are absolute, on this machine. */
export type LocalRequest = { op: 'import'; kind: string; file: string } | { op: 'backup'; out: string };

/** The app's answer: the import's summary, the backup's size, or the error's text (a UserError's lines). */
export type LocalAnswer<S = unknown> = { ok: true; summary: S } | { ok: true; bytes: number } | { ok: false; error: string };

/** What the app does for each request; a thrown error's message becomes `{ ok: false, error }`. */
export interface LocalHandlers {
  import(kind: string, file: string): Promise<unknown>;
  /** Writes a consistent copy of the database to `out`; answers its size in bytes. */
  backup(out: string): Promise<number>;
}

export interface LocalChannel {
  /** The socket's path. */
  path: string;
  /** Stops listening, waits for the open requests, and removes the socket file. */
  stop(): Promise<void>;
}

export function localChannelPath(dataDir: string): string {
  return join(resolve(dataDir), SOCKET_FILE);
}

/** Whether `value` is a request this channel knows; anything else is answered as bad. */
export function parseLocalRequest(value: unknown): LocalRequest | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const r = value as Record<string, unknown>;
  if (r.op === 'import' && typeof r.kind === 'string' && typeof r.file === 'string' && isAbsolute(r.file)) return { op: 'import', kind: r.kind, file: r.file };
  if (r.op === 'backup' && typeof r.out === 'string' && isAbsolute(r.out)) return { op: 'backup', out: r.out };
  return undefined;
}

function removeStaleSocket(path: string): void {
  try {
    // A socket left by a process that is gone (the data-dir lock says none else runs); a
    // directory of that name can come from a backup taken by an older version.
    const stat = lstatSync(path);
    rmSync(path, { force: true, recursive: stat.isDirectory() });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

async function answerFor(handlers: LocalHandlers, line: string): Promise<LocalAnswer> {
  let request: LocalRequest | undefined;
  try {
    request = parseLocalRequest(JSON.parse(line));
  } catch {
    request = undefined;
  }
  if (!request) return { ok: false, error: 'local channel: bad request' };
  try {
    if (request.op === 'import') return { ok: true, summary: await handlers.import(request.kind, request.file) };
    return { ok: true, bytes: await handlers.backup(request.out) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Listens on `DATA_DIR/cobranza.sock` (a stale file of that name is removed first) and
 * answers each request with `handlers`. Only the owner may connect (mode 0600).
 */
export async function serveLocalChannel(dataDir: string, handlers: LocalHandlers): Promise<LocalChannel> {
  const path = localChannelPath(dataDir);
  removeStaleSocket(path);
  const working = new Set<Promise<void>>();
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined); // a client that went away; its work still finishes
    socket.setEncoding('utf8');
    let buffered = '';
    socket.on('data', (chunk: string) => {
      buffered += chunk;
      let end: number;
      while ((end = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, end);
        buffered = buffered.slice(end + 1);
        if (line.trim() === '') continue;
        const work = answerFor(handlers, line).then((answer) => {
          if (!socket.destroyed) socket.write(`${JSON.stringify(answer)}\n`);
        });
        working.add(work);
        void work.finally(() => working.delete(work));
      }
    });
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(path, () => {
      server.off('error', fail);
      done();
    });
  });
  chmodSync(path, 0o600);
  let stopped: Promise<void> | undefined;
  return {
    path,
    stop() {
      stopped ??= (async () => {
        const closed = new Promise<void>((done) => server.close(() => done()));
        await Promise.allSettled([...working]);
        for (const socket of sockets) socket.end();
        await closed;
        rmSync(path, { force: true });
      })();
      return stopped;
    },
  };
}

/**
 * Sends one request to the app serving `dataDir` and waits for its answer (an import may
 * take minutes). `undefined` when nothing listens there: no socket, or one left by a
 * process that is gone.
 */
export function askRunningApp<S = unknown>(dataDir: string, request: LocalRequest, connectTimeoutMs = 5000): Promise<LocalAnswer<S> | undefined> {
  return new Promise((done, fail) => {
    const socket = createConnection(localChannelPath(dataDir));
    let connected = false;
    let buffered = '';
    let settled = false;
    const settle = (result: LocalAnswer<S> | undefined, error?: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      if (error) fail(error);
      else done(result);
    };
    const timer = setTimeout(() => settle(undefined), connectTimeoutMs);
    socket.setEncoding('utf8');
    socket.on('connect', () => {
      connected = true;
      clearTimeout(timer);
      socket.write(`${JSON.stringify(request)}\n`);
    });
    socket.on('data', (chunk: string) => {
      buffered += chunk;
      const end = buffered.indexOf('\n');
      if (end < 0) return;
      try {
        settle(JSON.parse(buffered.slice(0, end)) as LocalAnswer<S>);
      } catch (error) {
        settle(undefined, error as Error);
      }
    });
    socket.on('error', (error: NodeJS.ErrnoException) => {
      if (!connected) settle(undefined);
      else settle(undefined, new Error(`local channel: ${error.message}`));
    });
    socket.on('close', () => settle(undefined, connected ? new Error('local channel: the running app closed the connection without answering') : undefined));
  });
}

/**
 * `askRunningApp` when another live process holds `dataDir` (its lock file); `undefined`
 * when none does, or it does not answer: the caller then opens the directory itself, and
 * the lock refuses it as before.
 */
export async function askAppHoldingDataDir<S = unknown>(dataDir: string, request: LocalRequest): Promise<LocalAnswer<S> | undefined> {
  const { dataDirHolder } = await import('./data-dir-lock.js');
  if (dataDirHolder(dataDir) === undefined) return undefined;
  return askRunningApp<S>(dataDir, request);
}
