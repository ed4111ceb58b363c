import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, inject } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { openDatabase } from '../../src/db/open.js';
import { queryRows } from '../../src/db/query-rows.js';
import { outbox } from '../../src/db/schema/index.js';
import { defaultPolicy } from '../../src/domain/policy.js';
import { createDeliverer } from '../../src/jobs/outbox-deliverer.js';
import { enqueueMessages, outboxCounts } from '../../src/services/outbox.js';
import { deliveryClient } from '../../src/slack/delivery-client.js';
import { jobRenderer } from '../../src/slack/job-renderer.js';
import { describe, expect, test } from '../support/database.js';
import { SlackStandIn } from '../support/slack-stand-in.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const temp = mkdtempSync(join(tmpdir(), 'cobranza-crash-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** The database a child process delivers from, opened from this process before and after it. */
interface SharedDatabase {
  env: Record<string, string>;
  open: () => Promise<Database>;
  close: (database: Database) => Promise<void>;
}

/** On PostgreSQL, the test's own database. */
async function postgresShared(database: Database): Promise<SharedDatabase> {
  const url = new URL(inject('postgresTemplateUrl')!);
  const [current] = await queryRows<{ name: string }>(database.db, sql`select current_database() as name`);
  url.pathname = `/${current!.name}`;
  return { env: { DATABASE_URL: url.toString() }, open: () => Promise.resolve(database), close: () => Promise.resolve() };
}

/** On PGlite, a data directory on disk, which one process at a time opens. */
function pgliteShared(): SharedDatabase {
  const dataDir = join(temp, 'data');
  return { env: { DATA_DIR: dataDir }, open: () => openDatabase({ DATA_DIR: dataDir }), close: (database) => database.close() };
}

/** Runs test/support/outbox-deliverer-process.ts; resolves how it ended (its signal, or its code and stderr). */
function deliveringProcess(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/outbox-deliverer-process.ts'], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? temp, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const ended = new Promise<string>((resolve) => child.on('exit', (code, signal) => resolve(signal ?? `exit ${code}: ${stderr}`)));
  return { kill: () => child.kill('SIGKILL'), ended };
}

async function killMidPostThenRestart(shared: SharedDatabase): Promise<void> {
  const before = await shared.open();
  await enqueueMessages(before.db, [
    ...['a1', 'a2', 'a3'].map((text) => ({ channel: 'C0A', payload: { text } })),
    ...['b1', 'b2'].map((text) => ({ channel: 'U0B', payload: { text } })),
  ]);
  await shared.close(before);
  const slack = await new SlackStandIn().start();
  try {
    // Slack takes a2 and b2 but their answers never come: the process dies first.
    const inFlight = Promise.all(['a2', 'b2'].map((text) => slack.hold('chat.postMessage', (args) => args.text === text)));
    const child = deliveringProcess({ ...shared.env, SLACK_API_URL: slack.url });
    expect(await Promise.race([inFlight.then(() => 'in flight'), child.ended])).toBe('in flight');
    child.kill();
    expect(await child.ended).toBe('SIGKILL');

    // A restart on the same host takes the dead claims back at once, not after STALE_CLAIM_MS.
    const after = await shared.open();
    try {
      const restarted = createDeliverer({
        db: after.db,
        databaseKind: after.kind,
        client: deliveryClient({ SLACK_API_URL: slack.url }, 'xoxb-test'),
        logger: pino({ level: 'silent' }),
        renderAlarm: jobRenderer(defaultPolicy).alarm,
      });
      const report = await restarted.drain({
        untilEmpty: true,
        deadline: new Date(Date.now() + 30_000),
      });
      expect(report).toMatchObject({ sent: 3, failed: 0 });
      expect(await outboxCounts(after.db)).toEqual({ waiting: 0, failed: 0 });
      expect(slack.messagesIn('C0A').map((m) => m.text)).toEqual(['a1', 'a2', 'a3']);
      expect(slack.messagesIn('U0B').map((m) => m.text)).toEqual(['b1', 'b2']);
      expect(slack.callsTo('chat.postMessage').map((c) => c.args.text).sort()).toEqual(['a1', 'a2', 'a3', 'b1', 'b2']);
      // a2 and b2 were found in their channels' history and recorded with Slack's ts.
      const posted = new Map([...slack.messagesIn('C0A'), ...slack.messagesIn('U0B')].map((m) => [m.text, m.ts]));
      const rows = await after.db.select({ payload: outbox.payload, ts: outbox.messageTs, state: outbox.state }).from(outbox).orderBy(outbox.id);
      expect(rows).toEqual(rows.map((r) => ({ ...r, state: 'sent', ts: posted.get(r.payload!.text) })));
      expect(slack.callsTo('conversations.history').map((c) => c.args.channel).sort()).toEqual(['C0A', 'D0B']);
    } finally {
      await shared.close(after);
    }
  } finally {
    await slack.stop();
  }
}

describe('outbox delivery across a crash', () => {
  const name = 'kill -9 while posts are in flight, then a restart: every message reaches its channel once';
  // The test's own database is used on PostgreSQL only: on PGlite the processes share a directory.
  if (inject('postgresTemplateUrl')) test(name, async ({ database }) => killMidPostThenRestart(await postgresShared(database)));
  else test(name, () => killMidPostThenRestart(pgliteShared()));
});
