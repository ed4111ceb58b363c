// The embedded database's own thread: it owns PGlite, so a long statement never holds up
// the app's event loop (Slack's 3-second acknowledgements, the outbox, the page).
// The app reaches it through `pglite-worker.ts`; the messages are in `pglite-protocol.ts`.
import { parentPort, workerData } from 'node:worker_threads';
import type { PGlite } from '@electric-sql/pglite';
import { SharedReads } from './pglite-shared-reads.js';
import { errorFields, type Reply, type Request, type ThreadStart } from './pglite-protocol.js';
import { snapshotWhileIdle } from './backup.js';
import { createPGlite, migratePGlite } from './pglite-engine.js';

const port = parentPort!;
const start = workerData as ThreadStart;

function reply(message: Reply, transfer: ArrayBuffer[] = []): void {
  port.postMessage(message, transfer);
}

async function open(): Promise<PGlite> {
  const pg = await createPGlite(start.dataDir, start.loadDataDir ? new Blob([start.loadDataDir]) : undefined, start.wasmModule);
  await migratePGlite(pg);
  return pg;
}

function run(pg: PGlite, reads: SharedReads, request: Request): Promise<unknown> {
  switch (request.op) {
    case 'query':
      return request.tx === undefined ? reads.outside(request.statement) : reads.inTransaction(request.tx, request.statement);
    case 'begin':
      return reads.begin(request.tx, request.readOnly, request.statement);
    case 'end':
      return reads.end(request.tx, request.commit);
    case 'snapshot':
      return snapshotWhileIdle(pg, start.dataDir!);
    case 'close':
      return pg.close();
  }
}

function answer(id: number, result: unknown): void {
  if (result instanceof Uint8Array) {
    const copy = result.buffer.byteLength === result.byteLength ? result : result.slice();
    reply({ id, ok: true, result: copy }, [copy.buffer as ArrayBuffer]);
  } else {
    reply({ id, ok: true, result });
  }
}

try {
  const pg = await open();
  const reads = new SharedReads(pg);
  port.on('message', (request: Request) => {
    run(pg, reads, request).then(
      (result) => answer(request.id, result),
      (error: unknown) => reply({ id: request.id, ok: false, error: errorFields(error) }),
    );
  });
  reply({ id: 0, ok: true, result: 'ready' });
} catch (error) {
  reply({ id: 0, ok: false, error: errorFields(error) });
}
