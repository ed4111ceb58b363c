import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { QueryOptions, Results } from '@electric-sql/pglite';
import { errorFrom, type Reply, type Request, type Statement, type ThreadStart } from './pglite-protocol.js';

/** Raised to every request the embedded database's thread had not answered when it stopped. */
export class EmbeddedDatabaseStopped extends Error {
  constructor(reason: string) {
    super(`the embedded database stopped (${reason}); it is restarting, and this request was not completed`);
    this.name = 'EmbeddedDatabaseStopped';
  }
}

/** A transaction's handle: what drizzle and the import call on it. */
export interface EmbeddedTransaction {
  query<T>(text: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>>;
  /** Several statements without parameters. */
  exec(text: string): Promise<unknown>;
}

type RequestBody = Request extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

interface Pending {
  resolve(value: never): void;
  reject(error: Error): void;
}

// drizzle opens its read-only transactions with this statement; such a transaction may
// share an open one (see pglite-shared-reads.ts).
const READ_ONLY = /^\s*set transaction\b[^;]*\bread only\b/i;

async function statementOf(text: string, params: unknown[] | undefined, options: QueryOptions | undefined) {
  const statement: Statement = { text, params };
  if (options?.rowMode) statement.rowMode = options.rowMode;
  // drizzle's parsers keep these types' text as it came; the thread does the same.
  if (options?.parsers) statement.textTypes = Object.keys(options.parsers).map(Number);
  if (options?.blob) statement.blob = await options.blob.arrayBuffer();
  return { statement, transfer: statement.blob ? [statement.blob] : [] };
}

// tsx's ESM entry (its `exports` for `tsx/esm/api` under `import`): require() resolves the CommonJS one.
const TSX_ESM_API = 'dist/esm/api/index.mjs';

let compiled: Promise<WebAssembly.Module> | undefined;
// Node has WebAssembly; the ES libraries this project compiles against declare its types only.
const { WebAssembly: wasm } = globalThis as unknown as { WebAssembly: { compile(bytes: Uint8Array): Promise<WebAssembly.Module> } };

/** PGlite's WebAssembly, compiled once for every thread this process starts (and restarts). */
function pgliteWasm(): Promise<WebAssembly.Module> {
  const dist = dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
  compiled ??= readFile(join(dist, 'pglite.wasm')).then((bytes) => wasm.compile(bytes));
  return compiled;
}

/** The thread's script: compiled beside this module, or the TypeScript source run through tsx. */
function threadWorker(start: ThreadStart): Worker {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new Worker(new URL('./pglite-thread.js', here), { workerData: start });
  const tsx = pathToFileURL(join(dirname(createRequire(here).resolve('tsx/package.json')), TSX_ESM_API)).href;
  const entry = new URL('./pglite-thread.ts', here).href;
  const script = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(script, { eval: true, workerData: start });
}

/**
 * The embedded database in a thread of its own, with PGlite's `query` and `transaction`.
 * If the thread dies, what it had not answered fails with `EmbeddedDatabaseStopped`, the
 * thread starts again on the same data, and later requests go to it.
 */
export class PGliteWorker {
  private worker!: Worker;
  private ready!: Promise<void>;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private nextTransaction = 1;
  private closing = false;

  private constructor(
    private readonly start: ThreadStart,
    private readonly onStopped: (error: EmbeddedDatabaseStopped) => void,
  ) {}

  static async open(start: ThreadStart, onStopped: (error: EmbeddedDatabaseStopped) => void = () => undefined): Promise<PGliteWorker> {
    const engine = new PGliteWorker({ ...start, wasmModule: await pgliteWasm() }, onStopped);
    engine.ready = engine.spawn();
    await engine.ready;
    return engine;
  }

  /** The thread now serving; for a test that stops it as a crash would. */
  get thread(): Worker {
    return this.worker;
  }

  async query<T>(text: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>> {
    const { statement, transfer } = await statementOf(text, params, options);
    return this.request({ op: 'query', statement }, transfer);
  }

  async exec(text: string): Promise<void> {
    await this.request({ op: 'query', statement: { text, multi: true } });
  }

  /** Runs `work` in a transaction; it begins with its first statement, so one that runs none costs nothing. */
  async transaction<T>(work: (tx: EmbeddedTransaction) => Promise<T>): Promise<T> {
    const tx = this.nextTransaction++;
    let begun: Promise<unknown> | undefined;
    const send = async (prepared: Promise<{ statement: Statement; transfer: ArrayBuffer[] }>) => {
      if (!begun) {
        begun = prepared.then(({ statement, transfer }) =>
          this.request({ op: 'begin', tx, readOnly: READ_ONLY.test(statement.text), statement }, transfer),
        );
        return begun;
      }
      await begun.catch(() => undefined);
      const { statement, transfer } = await prepared;
      return this.request({ op: 'query', tx, statement }, transfer);
    };
    const handle: EmbeddedTransaction = {
      query: async <R>(text: string, params?: unknown[], options?: QueryOptions) =>
        (await send(statementOf(text, params, options))) as Results<R>,
      exec: (text) => send(Promise.resolve({ statement: { text, multi: true }, transfer: [] })),
    };
    let result: T;
    try {
      result = await work(handle);
    } catch (error) {
      if (begun) await this.request({ op: 'end', tx, commit: false }).catch(() => undefined);
      throw error;
    }
    if (begun) await this.request({ op: 'end', tx, commit: true });
    return result;
  }

  /** A tar of the data directory, taken at a checkpoint while nothing else runs. */
  async snapshot(): Promise<Uint8Array> {
    return this.request<Uint8Array>({ op: 'snapshot' });
  }

  async close(): Promise<void> {
    if (this.closing) return;
    try {
      await this.request({ op: 'close' });
    } finally {
      this.closing = true;
      await this.worker.terminate();
    }
  }

  private async request<T>(body: RequestBody, transfer: ArrayBuffer[] = []): Promise<T> {
    try {
      await this.ready;
    } catch {
      // The last restart failed: try again for this request.
      if (!this.closing) this.ready = this.spawn();
      await this.ready;
    }
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, ...body }, transfer);
    });
  }

  private spawn(): Promise<void> {
    const worker = threadWorker(this.start);
    this.worker = worker;
    let started = false;
    return new Promise<void>((resolve, reject) => {
      worker.on('message', (reply: Reply) => {
        if (reply.id === 0) {
          started = reply.ok;
          return reply.ok ? resolve() : reject(errorFrom(reply.error));
        }
        const pending = this.pending.get(reply.id);
        this.pending.delete(reply.id);
        if (reply.ok) pending?.resolve(reply.result as never);
        else pending?.reject(errorFrom(reply.error));
      });
      const stopped = (reason: string) => {
        if (this.worker !== worker || this.closing) return;
        if (!started) return reject(new Error(`the embedded database did not start (${reason})`));
        this.restart(new EmbeddedDatabaseStopped(reason));
      };
      worker.on('error', (error) => stopped(error.message));
      worker.on('exit', (code) => stopped(`its thread exited with code ${code}`));
    });
  }

  private restart(error: EmbeddedDatabaseStopped): void {
    const unanswered = [...this.pending.values()];
    this.pending.clear();
    for (const pending of unanswered) pending.reject(error);
    this.onStopped(error);
    this.ready = this.spawn();
    this.ready.catch(() => undefined);
  }
}
