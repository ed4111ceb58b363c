import { sql } from 'drizzle-orm';
import { messageText } from '../../src/cli/message-text.js';
import type { Db } from '../../src/db/database.js';
import { queryRows } from '../../src/db/query-rows.js';
import { defaultPolicy, type Policy } from '../../src/domain/policy.js';
import { dryRunJob } from '../../src/jobs/dry-run.js';
import { runJob } from '../../src/jobs/run-job.js';
import { messagePayload, messagesAfter } from '../../src/services/outbox-messages.js';
import { jobRenderer } from '../../src/slack/job-renderer.js';
import { describe, expect, test } from '../support/database.js';
import { DEMO_DAY, DEMO_NOW, loadExampleCompany } from '../support/demo-data.js';

const policy: Policy = { ...defaultPolicy, teams: [{ name: 'default', alarmChannel: 'C0ALARMS' }] };
const render = jobRenderer(policy);

/** Everything the jobs write: after a dry run it must be as it was. */
async function footprint(db: Db) {
  const [row] = await queryRows<Record<string, unknown>>(
    db,
    sql`select (select count(*)::int from job_runs) as runs, (select count(*)::int from outbox) as messages,
               (select count(*)::int from alarms) as alarms, (select count(*)::int from audit_log) as audit,
               (select count(*)::int from promises where state <> 'pending') as judged,
               (select coalesce(sum(escalation_level), 0)::int from debtors) as levels`,
  );
  return row;
}

describe('run-job --dry-run', () => {
  test('shows the messages a run would send, rendered as the deliverer sends them, and stores nothing', async ({ database }) => {
    const db = database.db;
    await loadExampleCompany(database, policy);
    const untouched = await footprint(db);

    const alarms = await dryRunJob({ db, policy, render, now: DEMO_NOW }, 'alarms', DEMO_DAY);
    expect(alarms.outcome.status).toBe('ran');
    expect(alarms.messages.length).toBeGreaterThan(0);
    expect(alarms.outcome.line).toContain(`posted ${alarms.messages.length}`);
    expect(new Set(alarms.messages.map((m) => `${m.channel} ${m.recipient}`))).toEqual(new Set(['C0ALARMS team "default"']));
    const lists = await dryRunJob({ db, policy, render, now: DEMO_NOW }, 'daily-list', DEMO_DAY);
    expect(lists.messages.length).toBeGreaterThan(0);
    expect(lists.messages.every((m) => m.recipient !== null)).toBe(true);
    expect(await footprint(db)).toEqual(untouched);

    // The real run sends the same alarms (ids aside: the rolled-back run used up some).
    await runJob({ db, policy, render, now: DEMO_NOW }, 'alarms', DEMO_DAY);
    const sent = await Promise.all((await messagesAfter(db, 0)).map((row) => messagePayload(db, row, render.alarm)));
    const textOf = (payload: object | null) => (payload as { text: string }).text;
    expect(alarms.messages.map((m) => textOf(m.payload))).toEqual(sent.map(textOf));

    // Printed: the text first, then each block's after a bar, buttons as [labels].
    const printed = messageText(alarms.messages[0]!.payload!);
    expect(printed[0]).toBe(textOf(alarms.messages[0]!.payload));
    expect(printed.slice(1).every((line) => line.startsWith('  | '))).toBe(true);
    expect(printed.some((line) => /^ {2}\| \[[^\]]+\]( \[[^\]]+\])+$/.test(line))).toBe(true);

    const again = await dryRunJob({ db, policy, render, now: DEMO_NOW }, 'alarms', DEMO_DAY);
    expect(again.outcome.status).toBe('already_ran');
    expect(again.outcome.line).toContain('already ran');
    expect(again.messages).toEqual([]);
  });
});
