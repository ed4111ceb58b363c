import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openDatabase } from '../../src/db/open.js';
import { queryRows } from '../../src/db/query-rows.js';
import { cliInProcess } from '../support/cli-in-process.js';
import { seedDebtor, seedInvoice, seedUser } from '../support/seed.js';
import { SlackStandIn } from '../support/slack-stand-in.js';

// `cobranza run-job` as cron runs it on the embedded database: PGlite runs no autovacuum,
// so the command analyzes the tables that changed before the job plans its queries.
describe('cobranza run-job on the embedded database', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cobranza-run-job-'));
  const slack = new SlackStandIn();
  const env = {
    DATA_DIR: join(dir, 'data'),
    DATABASE_URL: '',
    POLICY_FILE: join(dir, 'policy.json'),
    LOG_LEVEL: 'silent',
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_SIGNING_SECRET: 'test-signing-secret',
    SLACK_API_URL: '',
  };
  const cli = cliInProcess(env);

  const neverAnalyzed = async () => {
    const database = await openDatabase(env);
    try {
      const rows = await queryRows<{ name: string }>(
        database.db,
        sql`select relname::text as name from pg_class where relname in ('users', 'debtors', 'invoices') and reltuples < 0 order by relname`,
      );
      return rows.map((r) => r.name);
    } finally {
      await database.close();
    }
  };

  beforeAll(async () => {
    await slack.start();
    env.SLACK_API_URL = slack.url;
    writeFileSync(env.POLICY_FILE, JSON.stringify({ timeZone: 'America/Mexico_City' }));
    cli.enter();
    const database = await openDatabase(env);
    try {
      const ana = await seedUser(database.db, 'U0ANA');
      const debtor = await seedDebtor(database.db, 'D-1', 'Ferretería del Norte', { collectorId: ana.id });
      await seedInvoice(database.db, debtor.id, 'F-1', '2026-11-02', 250_000);
    } finally {
      await database.close();
    }
  }, 120_000);

  afterAll(async () => {
    cli.leave();
    await slack.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('analyzes the tables that were never analyzed, then runs the job and delivers its list', { timeout: 120_000 }, async () => {
    expect(await neverAnalyzed()).toEqual(['debtors', 'invoices', 'users']);
    const { status, out, err } = await cli.cobranza('run-job', 'daily-list', '--date', '2026-12-07');
    expect(err).toEqual([]);
    expect(status).toBe(0);
    expect(out.join('\n')).toMatch(/daily-list/);
    expect(slack.messagesIn('U0ANA')).toHaveLength(1);
    expect(await neverAnalyzed()).toEqual([]);
  });
});
