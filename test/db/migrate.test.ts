import { hasEveryMigration } from '../../src/db/migrate.js';
import type { BulkTx } from '../../src/db/database.js';
import { describe, expect, test } from '../support/database.js';

class RolledBack extends Error {}

describe('hasEveryMigration', () => {
  test('is true on a migrated database, false once the newest migration is missing or nothing was ever applied', async ({ database }) => {
    const seen: boolean[] = [];
    const check = (tx: BulkTx) => hasEveryMigration((text) => tx.query(text));
    // Each step in a transaction that is rolled back, so the shared database stays migrated.
    await expect(
      database.bulk(async (tx) => {
        seen.push(await check(tx));
        await tx.query('DELETE FROM drizzle.__drizzle_migrations WHERE created_at = (SELECT max(created_at) FROM drizzle.__drizzle_migrations)');
        seen.push(await check(tx));
        await tx.query('DELETE FROM drizzle.__drizzle_migrations');
        seen.push(await check(tx));
        await tx.query('DROP TABLE drizzle.__drizzle_migrations');
        seen.push(await check(tx));
        throw new RolledBack();
      }),
    ).rejects.toBeInstanceOf(RolledBack);
    expect(seen).toEqual([true, false, false, false]);
    expect(await database.bulk(check)).toBe(true);
  });
});
