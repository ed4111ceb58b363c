import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { inject } from 'vitest';
import { restoreDataDir } from '../../src/db/backup.js';
import type { Database } from '../../src/db/database.js';
import { pgliteDatabase } from '../../src/db/pglite.js';
import { EmbeddedDatabaseStopped, PGliteWorker } from '../../src/db/pglite-worker.js';
import { queryRows } from '../../src/db/query-rows.js';
import { debtors, users } from '../../src/db/schema/index.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { workerDatabase } from '../support/database.js';
import { seedDebtor, seedUser } from '../support/seed.js';

/** A gate a transaction waits at, so that it stays open and idle for as long as a test needs. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

// One thread for the tests that do not stop it, emptied before each.
let shared: Database;
beforeAll(async () => {
  shared = (await workerDatabase()).database;
}, 60_000);
afterAll(() => shared.close());

async function withWorker(work: (database: Database) => Promise<void>): Promise<void> {
  await shared.db.execute(sql`truncate debtors, users, teams restart identity cascade`);
  await work(shared);
}

const count = async (database: Database) => (await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from debtors`))[0]!.n;

describe('the embedded database in its own thread', () => {
  test('drizzle reads and writes through it as through PGlite: dates, json, numbers, bytes and error codes', { timeout: 60_000 }, async () => {
    await withWorker(async ({ db }) => {
      const seeded = await seedUser(db, 'U1');
      const [user] = await db.select().from(users).where(eq(users.slackUserId, 'U1'));
      expect(user!.createdAt).toBeInstanceOf(Date);
      expect(user).toEqual(seeded);
      const [row] = await queryRows<{ j: { a: number }; n: string; d: string }>(db, sql`select '{"a":1}'::jsonb as j, 12.50::numeric as n, date '2026-12-07' as d`);
      expect(row).toEqual({ j: { a: 1 }, n: '12.50', d: '2026-12-07' });
      // Bytes both ways, every value of a byte, as a notice's PDF statement travels.
      const bytes = Uint8Array.from({ length: 512 }, (_, i) => i % 256);
      const [echo] = await queryRows<{ b: Uint8Array; hex: string }>(db, sql`select ${bytes}::bytea as b, encode(${bytes}::bytea, 'hex') as hex`);
      expect([...echo!.b]).toEqual([...bytes]);
      expect(echo!.hex).toBe(Buffer.from(bytes).toString('hex'));
      const duplicate = await db
        .insert(users)
        .values({ slackUserId: 'U1', name: 'Otra', email: 'otra@example.com', role: 'collector', teamId: seeded.teamId })
        .then(() => undefined, (error: unknown) => error as { cause?: { code?: string; constraint?: string } });
      expect(duplicate?.cause?.code).toBe('23505');
    });
  });

  test('a read is answered while a transaction is open and idle; a write waits for its commit', { timeout: 60_000 }, async () => {
    await withWorker(async (database) => {
      const events: string[] = [];
      const held = gate();
      const bulk = database.bulk(async (tx) => {
        await tx.query(`INSERT INTO debtors (external_id, name, search_name, tax_id, tax_id_key) VALUES ('D-1', 'Uno', 'uno', 'TAX1', 'TAX1')`);
        await held.opened;
        events.push('transaction commits');
      });
      // The read sees the open transaction's row: it runs inside it, under a read-only savepoint.
      await expect.poll(() => count(database)).toBe(1);
      events.push('read answered');
      // A read-only transaction from outside is shared the same way.
      const readOnly = await database.db.transaction((tx) => queryRows<{ one: number }>(tx, sql`select 1 as one`), { accessMode: 'read only' });
      expect(readOnly).toEqual([{ one: 1 }]);
      const write = seedDebtor(database.db, 'D-2', 'Dos').then(() => events.push('write done'));
      held.open();
      await Promise.all([bulk, write]);
      expect(events).toEqual(['read answered', 'transaction commits', 'write done']);
      expect(await count(database)).toBe(2);
    });
  });

  test("a shared read-only transaction ends with its own turn, not after the host's next statement", { timeout: 60_000 }, async () => {
    await withWorker(async (database) => {
      const events: string[] = [];
      const guestIn = gate();
      const hostQueued = gate();
      const bulk = database.bulk(async (tx) => {
        await tx.query(`INSERT INTO debtors (external_id, name, search_name, tax_id, tax_id_key) VALUES ('D-1', 'Uno', 'uno', 'TAX1', 'TAX1')`);
        await guestIn.opened;
        // Sent while the read-only transaction holds the turn: it runs once that ends.
        const next = tx.query('SELECT count(*) FROM debtors').then(() => events.push('host statement'));
        hostQueued.open();
        await next;
      });
      await expect.poll(() => count(database)).toBe(1);
      await database.db.transaction(
        async (tx) => {
          await queryRows(tx, sql`select 1 as one`);
          guestIn.open();
          await hostQueued.opened;
          // Every message sent so far, the host's statement included, has left this thread.
          await new Promise((resolve) => setImmediate(resolve));
        },
        { accessMode: 'read only' },
      );
      events.push('read-only transaction ended');
      await bulk;
      expect(events).toEqual(['read-only transaction ended', 'host statement']);
    });
  });

  test('a transaction that fails leaves nothing, and a write from outside waits for it instead of landing in it', { timeout: 60_000 }, async () => {
    await withWorker(async (database) => {
      const held = gate();
      const failing = database.bulk(async (tx) => {
        await tx.query(`INSERT INTO debtors (external_id, name, search_name, tax_id, tax_id_key) VALUES ('D-1', 'Uno', 'uno', 'TAX1', 'TAX1')`);
        await held.opened;
        throw new Error('the file had a bad line');
      });
      await expect.poll(() => count(database)).toBe(1);
      const write = seedDebtor(database.db, 'D-2', 'Dos');
      held.open();
      await expect(failing).rejects.toThrow('the file had a bad line');
      await write;
      expect(await database.db.select({ id: debtors.externalId }).from(debtors)).toEqual([{ id: 'D-2' }]);
    });
  });

  test('a crash fails the request under way with a clear error, and the thread starts again on the same data', { timeout: 120_000 }, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cobranza-worker-'));
    const dataDir = join(dir, 'data');
    try {
      await restoreDataDir(dataDir, inject('pgliteDumpPath'));
      const stops: EmbeddedDatabaseStopped[] = [];
      const engine = await PGliteWorker.open({ dataDir }, (error) => stops.push(error));
      const database = pgliteDatabase(engine);
      try {
        await seedDebtor(database.db, 'D-1', 'Uno');
        const underWay = database.db.execute(sql`select pg_sleep(30)`).then(
          () => undefined,
          (error: unknown) => error,
        );
        // Posted to the thread by then: the request is sent within the promise jobs that follow the call.
        await new Promise((resolve) => setImmediate(resolve));
        await engine.thread.terminate();
        const failure = (await underWay) as Error & { cause?: Error };
        const stopped = failure.cause ?? failure;
        expect(stopped).toBeInstanceOf(EmbeddedDatabaseStopped);
        expect(stopped.message).toMatch(/^the embedded database stopped \(its thread exited with code 1\); it is restarting/);
        expect(stops).toHaveLength(1);
        expect(await count(database)).toBe(1);
      } finally {
        await database.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
