import { asc, count, eq } from 'drizzle-orm';
import { jobRuns, outbox } from '../../src/db/schema/index.js';
import { defaultPolicy, type Policy } from '../../src/domain/policy.js';
import { dailyListJob } from '../../src/jobs/daily-list.js';
import { syncTeams } from '../../src/services/teams.js';
import { jobRenderer } from '../../src/slack/job-renderer.js';
import { describe, expect, test } from '../support/database.js';
import { DEMO_DAY, loadExampleCompany } from '../support/demo-data.js';
import { seedUser } from '../support/seed.js';

const policy: Policy = { ...defaultPolicy, teams: [{ name: 'default', alarmChannel: 'C0ALARMS' }] };

// Enough collectors that the messages are stored in several batches while the rest render.
async function largeTeam(database: Parameters<typeof loadExampleCompany>[0]) {
  await loadExampleCompany(database, policy);
  await syncTeams(database.db, policy);
  for (let i = 0; i < 120; i++) await seedUser(database.db, `U0NEW${String(i).padStart(3, '0')}`);
}

describe('the daily-list job', () => {
  test('stores every message in order, each list counted the same in the DM and in the lead summary', async ({ database }) => {
    await largeTeam(database);
    const outcome = await dailyListJob({ db: database.db, policy, render: jobRenderer(policy) }, DEMO_DAY);
    expect(outcome.status).toBe('ran');
    const rows = await database.db.select().from(outbox).orderBy(asc(outbox.id));
    const channels = rows.map((r) => r.channel);
    // Every collector's DM (120 new ones with nothing today, and the example's), then the lead summary last.
    expect(channels.filter((c) => c.startsWith('U0NEW'))).toHaveLength(120);
    expect(channels.at(-1)).toBe('C0ALARMS');
    expect(channels.indexOf('C0ALARMS')).toBe(channels.length - 1);
    const text = (r: (typeof rows)[number]) => JSON.stringify(r.payload);
    const dm = rows.find((r) => r.channel === 'U0COB0001')!;
    const listed = Number(/: (\d+) deudores/.exec(text(dm))![1]);
    expect(listed).toBeGreaterThan(0);
    expect(text(rows.at(-1)!)).toMatch(new RegExp(`<@U0COB0001>[^·]*: ${listed} en lista`));
  });

  test('a failure half-way stores no message and leaves the day to run again', async ({ database }) => {
    await largeTeam(database);
    const render = jobRenderer(policy);
    let lists = 0;
    const failing = {
      ...render,
      dailyList: (input: Parameters<typeof render.dailyList>[0]) => {
        if (++lists === 100) throw new Error('rendering failed');
        return render.dailyList(input);
      },
    };
    await expect(dailyListJob({ db: database.db, policy, render: failing }, DEMO_DAY)).rejects.toThrow('rendering failed');
    const [stored] = await database.db.select({ n: count() }).from(outbox);
    expect(stored!.n).toBe(0);
    const [runs] = await database.db.select({ n: count() }).from(jobRuns).where(eq(jobRuns.job, 'daily-list'));
    expect(runs!.n).toBe(0);
    expect((await dailyListJob({ db: database.db, policy, render }, DEMO_DAY)).status).toBe('ran');
  });
});
