import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from '../../src/db/database.js';
import { packageDir } from '../../src/package-dir.js';
import { describe, expect, test } from '../support/database.js';
import { seedDebtor, seedUser } from '../support/seed.js';

type Latest = Record<string, { at: string; next: string | null }>;

/** `last_contacts` as debtor external id → latest instant and next contact day. */
async function latest(database: Database): Promise<Latest> {
  const rows = await database.bulk((tx) =>
    tx.query<{ debtor: string; at: string; next: string | null }>(
      `SELECT d.external_id AS debtor, to_char(l.contacted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI') AS at, l.next_contact_on::text AS next
       FROM last_contacts l JOIN debtors d ON d.id = l.debtor_id ORDER BY d.external_id`,
    ),
  );
  return Object.fromEntries(rows.map((r) => [r.debtor, { at: r.at, next: r.next }]));
}

async function setUp(database: Database) {
  const author = await seedUser(database.db, 'U_AUTHOR');
  const a = await seedDebtor(database.db, 'A', 'Alfa');
  const b = await seedDebtor(database.db, 'B', 'Beta');
  // Contacts at `at` (UTC, minutes) with an optional next contact day, in one statement.
  const log = (rows: Array<[debtorId: number, at: string, next?: string]>) =>
    database.bulk((tx) =>
      tx.query(
        `INSERT INTO contact_logs (debtor_id, author_id, outcome_type, channel, reached, next_contact_on, contacted_at)
         SELECT (r->>0)::int, ${author.id}, 'reminder', 'phone', true, (r->>2)::date, (r->>1)::timestamptz
         FROM jsonb_array_elements($1::jsonb) r`,
        [JSON.stringify(rows.map(([id, at, next]) => [id, `${at}Z`, next ?? null]))],
      ),
    );
  const run = (text: string) => database.bulk((tx) => tx.query(text));
  return { a, b, log, run };
}

/** A twice, its latest on 3 March with a next contact day; B once, on 2 March, without one. */
async function withTwoDebtorsContacted(database: Database) {
  const setup = await setUp(database);
  await setup.log([
    [setup.a.id, '2026-03-01T10:00', '2026-03-06'],
    [setup.a.id, '2026-03-03T10:00', '2026-03-10'],
    [setup.b.id, '2026-03-02T10:00'],
  ]);
  return setup;
}

describe('last_contacts, kept by the contact log', () => {
  test('holds each debtor’s latest contact whatever order contacts are logged in', async ({ database }) => {
    const { a, b, log } = await setUp(database);
    await log([
      [a.id, '2026-03-02T10:00', '2026-03-09'],
      [a.id, '2026-03-03T10:00'],
      [b.id, '2026-03-01T09:00', '2026-03-04'],
    ]);
    expect(await latest(database)).toEqual({ A: { at: '2026-03-03T10:00', next: null }, B: { at: '2026-03-01T09:00', next: '2026-03-04' } });

    // Logged late but older: the latest stays. Newer: it replaces the latest, next day included.
    await log([[a.id, '2026-02-20T10:00', '2026-02-25']]);
    await log([[b.id, '2026-03-05T12:30', '2026-03-12']]);
    expect(await latest(database)).toEqual({ A: { at: '2026-03-03T10:00', next: null }, B: { at: '2026-03-05T12:30', next: '2026-03-12' } });
  });

  test('is worked out again when contacts are edited, deleted or truncated', async ({ database }) => {
    const { a, b, run } = await withTwoDebtorsContacted(database);

    await run(`UPDATE contact_logs SET contacted_at = '2026-02-01T08:00Z' WHERE contacted_at = '2026-03-03T10:00Z'`);
    expect((await latest(database)).A).toEqual({ at: '2026-03-01T10:00', next: '2026-03-06' });

    // A contact moved to another debtor leaves the first and counts for the second.
    await run(`UPDATE contact_logs SET debtor_id = ${b.id} WHERE contacted_at = '2026-03-01T10:00Z'`);
    expect(await latest(database)).toEqual({ A: { at: '2026-02-01T08:00', next: '2026-03-10' }, B: { at: '2026-03-02T10:00', next: null } });

    await run(`DELETE FROM contact_logs WHERE debtor_id = ${b.id} AND contacted_at = '2026-03-02T10:00Z'`);
    expect((await latest(database)).B).toEqual({ at: '2026-03-01T10:00', next: '2026-03-06' });
    await run(`DELETE FROM contact_logs WHERE debtor_id = ${a.id}`);
    expect(Object.keys(await latest(database))).toEqual(['B']);

    await run('TRUNCATE contact_logs CASCADE');
    expect(await latest(database)).toEqual({});
  });

  test('the migration fills it from a log written before it', async ({ database }) => {
    const { run } = await withTwoDebtorsContacted(database);
    const kept = await latest(database);
    await run('DELETE FROM last_contacts');
    const migration = readFileSync(join(packageDir, 'drizzle', '0012_last_contacts.sql'), 'utf8').split('--> statement-breakpoint');
    await run(migration.at(-1)!);
    expect(await latest(database)).toEqual(kept);
    expect(Object.keys(kept)).toEqual(['A', 'B']);
  });
});
