import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import type { BulkTx, Database, Db } from './database.js';
import * as schema from './schema/index.js';

export function postgresClient(url: string, max = 10) {
  return postgres(url, { max, onnotice: () => undefined });
}

function bulkTx(tx: postgres.TransactionSql): BulkTx {
  return {
    async query(text, params) {
      const rows = await tx.unsafe(text, (params ?? []) as postgres.ParameterOrJSON<never>[]);
      return rows as unknown as never;
    },
    async copyCsv(table, columns, chunks) {
      const writable = await tx.unsafe(`COPY ${table} (${columns.join(', ')}) FROM STDIN WITH (FORMAT csv)`).writable();
      await pipeline(Readable.from(chunks), writable);
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
