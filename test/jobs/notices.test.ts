import { count, eq } from 'drizzle-orm';
import pino from 'pino';
import type { Db } from '../../src/db/database.js';
import { contactLogs, contacts, emailOutbox, jobRuns, notices } from '../../src/db/schema/index.js';
import { defaultPolicy, type Policy } from '../../src/domain/policy.js';
import { dailyListJob } from '../../src/jobs/daily-list.js';
import { dryRunJob } from '../../src/jobs/dry-run.js';
import { noticesJob } from '../../src/jobs/notices.js';
import { runJob } from '../../src/jobs/run-job.js';
import type { JobName } from '../../src/jobs/run-once.js';
import { startScheduler } from '../../src/jobs/scheduler.js';
import { syncTeams } from '../../src/services/teams.js';
import { jobRenderer } from '../../src/slack/job-renderer.js';
import { describe, expect, test } from '../support/database.js';
import { seedDebtor, seedInvoice, seedUser } from '../support/seed.js';

// 2026-12-08 is a Tuesday; invoices due 12-07 reach step 1 that day.
const DATE = '2026-12-08';
const NOW = new Date('2026-12-08T16:00:00Z');
const off: Policy = { ...defaultPolicy, teams: [{ name: 'default', alarmChannel: 'C0ALARMS' }] };
const policy: Policy = { ...off, notices: { ...off.notices, enabled: true, companyName: 'ACME SA' } };

async function twoDebtors(db: Db) {
  await syncTeams(db, policy);
  const user = await seedUser(db, 'U0COL1');
  for (const code of ['D1', 'D2']) {
    const debtor = await seedDebtor(db, code, `Cliente ${code}`, { collectorId: user.id });
    await db.insert(contacts).values({ debtorId: debtor.id, name: `Pagos ${code}`, level: 0, email: `pagos@${code.toLowerCase()}.mx` });
    await seedInvoice(db, debtor.id, `${code}-F1`, '2026-12-07', 100_000);
  }
  return user;
}

const deps = (db: Db, p: Policy = policy) => ({ db, policy: p, render: jobRenderer(p), now: NOW });

describe('the notices job', () => {
  test('switched off by default: nothing planned or queued, by the daily list either', async ({ database }) => {
    const { db } = database;
    await twoDebtors(db);
    expect(await noticesJob(deps(db, off), DATE)).toEqual({ status: 'disabled' });
    expect((await runJob(deps(db, off), 'notices', DATE)).line).toContain('switched off');
    expect((await dailyListJob(deps(db, off), DATE)).status).toBe('ran');
    expect(await db.select().from(notices)).toEqual([]);
  });

  test('the daily list plans the day’s notices; the job queues them, once per date', async ({ database }) => {
    const { db } = database;
    await twoDebtors(db);
    expect((await dailyListJob(deps(db), DATE)).status).toBe('ran');
    expect((await db.select().from(notices)).map((n) => n.state)).toEqual(['planned', 'planned']);

    expect(await noticesJob(deps(db), DATE)).toEqual({ status: 'ran', summary: { planned: 0, queued: 2, skipped: 0, waiting: 0 } });
    expect(await noticesJob(deps(db), DATE)).toEqual({ status: 'already_ran' });
    expect(await noticesJob(deps(db), '2026-12-12')).toEqual({ status: 'not_working_day' });
    expect(await db.select({ n: count() }).from(emailOutbox)).toEqual([{ n: 2 }]);
    expect(await db.select({ n: count() }).from(contactLogs).where(eq(contactLogs.channel, 'email'))).toEqual([{ n: 2 }]);
    const [run] = await db.select().from(jobRuns).where(eq(jobRuns.job, 'notices'));
    expect(run!.summary).toBe('0 notices planned, 2 emails queued, 0 skipped, 0 waiting for an email');
  });

  test('run-job notices --dry-run shows each email and stores nothing', async ({ database }) => {
    const { db } = database;
    await twoDebtors(db);
    const dry = await dryRunJob(deps(db), 'notices', DATE);
    expect(dry.outcome.status).toBe('ran');
    expect(dry.outcome.line).toContain('queued 2');
    expect(dry.emails.map((e) => [e.to, e.attachmentName])).toEqual([
      ['pagos@d1.mx', `estado-de-cuenta-D1-${DATE}.pdf`],
      ['pagos@d2.mx', `estado-de-cuenta-D2-${DATE}.pdf`],
    ]);
    expect(dry.emails.every((e) => e.subject.length > 0 && e.text.includes('D1-F1') === e.to.includes('d1'))).toBe(true);
    expect(await db.select().from(notices)).toEqual([]);
    expect(await db.select().from(emailOutbox)).toEqual([]);
    expect(await db.select().from(jobRuns)).toEqual([]);
  });

  test('the scheduler catches up the notices after the daily list, only when enabled', async ({ database }) => {
    const { db } = database;
    await twoDebtors(db);
    // 17:00Z is 11:00 in Mexico City: after every job's time (notices at 10:00).
    const at = new Date('2026-12-08T17:00:00Z');
    const catchUp = async (p: Policy) => {
      const ran: JobName[] = [];
      const scheduler = startScheduler({
        db,
        policy: p,
        logger: pino({ level: 'silent' }),
        clock: () => at,
        run: async (job, date) => {
          ran.push(job);
          await runJob({ ...deps(db, p), now: at }, job, date);
        },
      });
      try {
        await scheduler.catchUp();
      } finally {
        await scheduler.stop();
      }
      return ran;
    };
    expect(await catchUp(off)).toEqual(['alarms', 'daily-list']);
    expect(await catchUp(policy)).toEqual(['notices']);
    expect(await db.select({ n: count() }).from(emailOutbox)).toEqual([{ n: 2 }]);
  });
});
