import { count } from 'drizzle-orm';
import pino from 'pino';
import { jobRuns, outbox } from '../../src/db/schema/index.js';
import { defaultPolicy, type Policy } from '../../src/domain/policy.js';
import { runJob } from '../../src/jobs/run-job.js';
import type { JobName } from '../../src/jobs/run-once.js';
import { startScheduler } from '../../src/jobs/scheduler.js';
import { syncTeams } from '../../src/services/teams.js';
import { jobRenderer } from '../../src/slack/job-renderer.js';
import { describe, expect, test } from '../support/database.js';
import { DEMO_DAY, loadExampleCompany } from '../support/demo-data.js';

const policy: Policy = { ...defaultPolicy, teams: [{ name: 'default', alarmChannel: 'C0ALARMS' }] };
const render = jobRenderer(policy);

describe('jobs run once per date', () => {
  test('two runs of the same job at the same time post one set of messages', async ({ database }) => {
    await loadExampleCompany(database, policy);
    await syncTeams(database.db, policy);
    const now = new Date(`${DEMO_DAY}T15:00:00Z`);
    for (const job of ['alarms', 'daily-list'] as const) {
      const outcomes = await Promise.all([
        runJob({ db: database.db, policy, render, now }, job, DEMO_DAY),
        runJob({ db: database.db, policy, render, now }, job, DEMO_DAY),
      ]);
      expect(outcomes.map((o) => o.status).sort()).toEqual(['already_ran', 'ran']);
    }
    const [{ n: messages }] = (await database.db.select({ n: count() }).from(outbox)) as [{ n: number }];
    expect(messages).toBeGreaterThan(3);
    const again = await runJob({ db: database.db, policy, render, now }, 'daily-list', DEMO_DAY);
    expect(again.line).toContain('already ran');
    expect(await database.db.select({ n: count() }).from(outbox)).toEqual([{ n: messages }]);
  });
});

describe('the scheduler', () => {
  async function catchUpAt(database: Parameters<typeof loadExampleCompany>[0], isoInstant: string) {
    const ran: Array<[JobName, string]> = [];
    const scheduler = startScheduler({
      db: database.db,
      policy,
      logger: pino({ level: 'silent' }),
      clock: () => new Date(isoInstant),
      run: async (job, date) => {
        ran.push([job, date]);
        await runJob({ db: database.db, policy, render, now: new Date(isoInstant) }, job, date);
      },
    });
    try {
      await scheduler.catchUp();
    } finally {
      await scheduler.stop();
    }
    return ran;
  }

  test.for([
    // Mexico City is UTC-6: 15:00Z is 09:00 local, after both jobs' times.
    // 2026-11-23 is a Monday, the default weeklyReportDay; the report goes at 09:00 local.
    ['after every time on a working day', '2026-11-23T15:00:00Z', [['alarms', '2026-11-23'], ['daily-list', '2026-11-23'], ['weekly-report', '2026-11-23']]],
    ['after both daily times, before the weekly report', '2026-11-23T14:45:00Z', [['alarms', '2026-11-23'], ['daily-list', '2026-11-23']]],
    ['between the alarms and the list', '2026-11-23T14:00:00Z', [['alarms', '2026-11-23']]],
    ['before both', '2026-11-23T13:00:00Z', []],
    ['on a Saturday', '2026-11-28T15:00:00Z', []],
    // 05:30Z on Tuesday is still Monday 23:30 in Mexico City: Monday's jobs, never Tuesday's.
    ['late in the evening, by the local date', '2026-11-24T05:30:00Z', [['alarms', '2026-11-23'], ['daily-list', '2026-11-23'], ['weekly-report', '2026-11-23']]],
    ['on a Tuesday, without the weekly report', '2026-11-24T15:00:00Z', [['alarms', '2026-11-24'], ['daily-list', '2026-11-24']]],
  ] as const)('catches up %s', async ([, instant, expected], { database }) => {
    await loadExampleCompany(database, policy);
    expect(await catchUpAt(database, instant)).toEqual(expected);
    // A second instance starting later finds today's runs and runs nothing again.
    expect(await catchUpAt(database, instant)).toEqual([]);
    expect((await database.db.select({ n: count() }).from(jobRuns))[0]!.n).toBe(expected.length);
  });
});
