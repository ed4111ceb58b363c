import type { PGlite, QueryOptions, Transaction } from '@electric-sql/pglite';
import type { Statement } from './pglite-protocol.js';

// PGlite is one session: a transaction holds it from BEGIN to COMMIT, and everything else
// waits, even while the transaction's owner is busy elsewhere (an import reading its file,
// a job building messages). A statement from outside that only reads need not wait: it runs
// inside the open transaction, under a savepoint made read-only and rolled back after it.
// PostgreSQL itself refuses it any write (SQLSTATE 25006): it then waits for the
// transaction's end like any other. Such a read sees what the open transaction has written
// so far, before it commits; a read-only transaction from outside is shared the same way.

// Refused inside the shared savepoint: a write (read_only_sql_transaction), or a command
// that runs only outside a transaction such as VACUUM (active_sql_transaction).
const WAIT_FOR_COMMIT = new Set(['25006', '25001']);
const GUEST = 'cobranza_shared_read';

/** The transaction holding PGlite, and its statements in the order they are to run. */
class Host {
  closed = false;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(readonly tx: Transaction) {}

  /** Runs `work` after everything queued before it on this transaction. */
  turn<T>(work: () => Promise<T>): Promise<T> {
    const turn = this.queue.then(work);
    this.queue = turn.catch(() => undefined);
    return turn;
  }
}

interface OpenTransaction {
  run(statement: Statement): Promise<unknown>;
  end(commit: boolean): Promise<void>;
}

export async function runStatement(target: Pick<PGlite, 'query' | 'exec'>, statement: Statement): Promise<unknown> {
  if (statement.multi) {
    await target.exec(statement.text);
    return undefined;
  }
  const options: QueryOptions = {};
  if (statement.rowMode) options.rowMode = statement.rowMode;
  if (statement.textTypes) options.parsers = Object.fromEntries(statement.textTypes.map((oid) => [oid, (value: string) => value]));
  if (statement.blob) options.blob = new Blob([statement.blob]);
  const { rows, affectedRows, fields } = await target.query(statement.text, statement.params, options);
  return { rows, affectedRows, fields };
}

/** Opens a read-only savepoint in `host`'s transaction; false when it cannot (closed, or failed). */
async function enterShared(host: Host): Promise<boolean> {
  if (host.closed) return false;
  try {
    await host.tx.exec(`SAVEPOINT ${GUEST}`);
  } catch {
    return false;
  }
  try {
    await host.tx.exec('SET LOCAL transaction_read_only = on');
    return true;
  } catch {
    await leaveShared(host);
    return false;
  }
}

async function leaveShared(host: Host): Promise<void> {
  await host.tx.exec(`ROLLBACK TO SAVEPOINT ${GUEST}; RELEASE SAVEPOINT ${GUEST}`);
}

const mustWait = (error: unknown) => WAIT_FOR_COMMIT.has((error as { code?: string }).code ?? '');

export class SharedReads {
  private host: Host | undefined;
  private readonly open = new Map<number, OpenTransaction>();

  constructor(private readonly pg: PGlite) {}

  /** A statement outside any transaction of its caller. */
  async outside(statement: Statement): Promise<unknown> {
    const host = this.host;
    if (host) {
      const shared = await host.turn(() => this.asGuest(host, statement));
      if (shared.ran) return shared.result;
    }
    return runStatement(this.pg, statement);
  }

  async inTransaction(id: number, statement: Statement): Promise<unknown> {
    const open = this.open.get(id);
    if (!open) throw new Error(`the embedded database has no open transaction ${id} (it may have restarted)`);
    return open.run(statement);
  }

  /** Opens transaction `id` and runs its first statement. */
  async begin(id: number, readOnly: boolean, statement: Statement): Promise<unknown> {
    const host = this.host;
    if (readOnly && host && (await this.beginGuest(id, host))) return this.inTransaction(id, statement);
    return this.beginHost(id, statement);
  }

  async end(id: number, commit: boolean): Promise<void> {
    const open = this.open.get(id);
    if (!open) throw new Error(`the embedded database has no open transaction ${id} (it may have restarted)`);
    await open.end(commit);
  }

  private async asGuest(host: Host, statement: Statement): Promise<{ ran: true; result: unknown } | { ran: false }> {
    if (!(await enterShared(host))) return { ran: false };
    try {
      return { ran: true, result: await runStatement(host.tx, statement) };
    } catch (error) {
      if (mustWait(error)) return { ran: false };
      throw error;
    } finally {
      await leaveShared(host);
    }
  }

  /** A read-only transaction inside the host's: it holds the host's turn until it ends. */
  private async beginGuest(id: number, host: Host): Promise<boolean> {
    let entered!: (ok: boolean) => void;
    const isEntered = new Promise<boolean>((resolve) => (entered = resolve));
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const turn = host.turn(async () => {
      const ok = await enterShared(host);
      entered(ok);
      if (!ok) return;
      await released;
      this.open.delete(id);
      await leaveShared(host);
    });
    if (!(await isEntered)) return false;
    this.open.set(id, {
      run: (statement) => runStatement(host.tx, statement),
      // Ends with its own turn: the host's next statement, queued meanwhile, is not waited for.
      end: async () => {
        release();
        await turn;
      },
    });
    return true;
  }

  private beginHost(id: number, statement: Statement): Promise<unknown> {
    return new Promise((answerFirst, failFirst) => {
      let finish!: (commit: boolean) => void;
      const finished = new Promise<boolean>((resolve) => (finish = resolve));
      const done = this.pg
        .transaction(async (tx) => {
          const host = new Host(tx);
          this.host = host;
          this.open.set(id, {
            run: (next) => host.turn(() => runStatement(tx, next)),
            end: async (commit) => {
              await host.turn(() => {
                host.closed = true;
                finish(commit);
                return Promise.resolve();
              });
              await done;
            },
          });
          await host.turn(() => runStatement(tx, statement)).then(answerFirst, failFirst);
          const commit = await finished;
          // Cleared here, inside: once PGlite is released another transaction may be the host.
          if (this.host === host) this.host = undefined;
          if (!commit) await tx.rollback();
        })
        .finally(() => this.open.delete(id));
      // A failed BEGIN or COMMIT reaches the caller through the first statement or `end`.
      done.catch(failFirst);
    });
  }
}
