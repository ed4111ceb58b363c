import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import type { BulkTx, Database, Db } from './database.js';
import * as schema from './schema/index.js';

export function postgresClient(url: string, max = 10) {
  return postgres(url, {
    max,
    onnotice: () => undefined,
    // Seconds: an unreachable server is reported at once rather than after the default 30.
    connect_timeout: 5,
    // JIT compiles each large query anew (about a second for the morning's lists at
    // 100,000 debtors) and never pays that back on queries that run once a day.
    connection: { application_name: 'cobranza', jit: 'off' },
  });
}

function bulkTx(tx: postgres.TransactionSql): BulkTx {
  return {
    piecewise: false,
    async query(text, params) {
      const rows = await tx.unsafe(text, (params ?? []) as postgres.ParameterOrJSON<never>[]);
      return rows as unknown as never;
    },
    async run(text) {
      return (await tx.unsafe(text)).count;
    },
    async copyCsv(table, columns, chunks) {
      const query = tx.unsafe(`COPY ${table} (${columns.join(', ')}) FROM STDIN WITH (FORMAT csv)`);
      // postgres.js settles the COPY query as soon as the server asks for data. An error the
      // server finds in the last rows, after the end of the data, is then handed to that
      // settled query and lost, and the stream waits forever for the end of the COPY.
      // Catching the hand-over turns the hang into the server's error.
      let failLate: (error: unknown) => void = () => undefined;
      const late = new Promise<never>((_, reject) => (failLate = reject));
      late.catch(() => undefined);
      const settled = query as unknown as { reject?: (error: unknown) => void };
      const reject = settled.reject;
      if (typeof reject === 'function') {
        settled.reject = (error) => {
          failLate(error);
          reject(error);
        };
      }
      const writable = await query.writable();
      await Promise.race([pipeline(Readable.from(chunks), writable), late]);
    },
  };
}

export function postgresDatabase(sql: postgres.Sql): Database {
  const db = drizzle({ client: sql, schema }) as unknown as Db;
  return {
    kind: 'postgres',
    db,
    bulk: async (work) => (await sql.begin((tx) => work(bulkTx(tx)))) as never,
    async close() {
      await sql.end({ timeout: 5 });
    },
  };
}
