import { sql } from 'drizzle-orm';
import { queryRows } from '../src/db/query-rows.js';
import { debtors, teams, users } from '../src/db/schema/index.js';
import { describe, expect, test } from './support/database.js';

describe('database', () => {
  test('is migrated, with trigram search available', async ({ database }) => {
    const [team] = await database.db.insert(teams).values({ name: 'norte' }).returning();
    const [user] = await database.db
      .insert(users)
      .values({ slackUserId: 'U1', name: 'Ana', email: 'ana@example.com', role: 'collector', teamId: team!.id })
      .returning();
    await database.db.insert(debtors).values({
      externalId: 'C-1',
      name: 'Construcciones Pérez',
      searchName: 'construcciones perez',
      taxId: 'CPE-010101-AB1',
      taxIdKey: 'CPE010101AB1',
      collectorId: user!.id,
    });
    const rows = await queryRows<{ s: number }>(
      database.db,
      sql`select similarity(search_name, 'construciones') as s from debtors`,
    );
    expect(Number(rows[0]?.s)).toBeGreaterThan(0.5);
  });

  test('each test starts empty', async ({ database }) => {
    const rows = await database.db.select().from(teams);
    expect(rows).toEqual([]);
  });
});
