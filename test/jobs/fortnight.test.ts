import { and, eq } from 'drizzle-orm';
import pino from 'pino';
import type { Database } from '../../src/db/database.js';
import { alarms, debtors, invoices, promises } from '../../src/db/schema/index.js';
import { addDays, calendarOf, isWorkingDay } from '../../src/domain/calendar.js';
import { defaultPolicy, type Policy } from '../../src/domain/policy.js';
import { createDeliverer } from '../../src/jobs/outbox-deliverer.js';
import { runJob } from '../../src/jobs/run-job.js';
import { syncTeams } from '../../src/services/teams.js';
import { deliveryClient } from '../../src/slack/delivery-client.js';
import { jobRenderer } from '../../src/slack/job-renderer.js';
import { describe, expect, test } from '../support/database.js';
import { seedContact, seedDebtor, seedInvoice, seedPayment, seedPromise, seedUser } from '../support/seed.js';
import { SlackStandIn } from '../support/slack-stand-in.js';

// Two weeks of mornings, Monday 2026-11-30 to Monday 2026-12-14, with Tuesday 2026-12-08
// a holiday. Thresholds are short so a debtor climbs the ladder inside the fortnight.
const policy: Policy = {
  ...defaultPolicy,
  holidays: ['2026-12-08'],
  escalation: { daysOverdue: [30, 35, 40, 60], brokenPromises: 2 },
  teams: [{ name: 'norte', alarmChannel: 'C0ALARMS' }],
};
const cal = calendarOf(policy);
const DAYS = Array.from({ length: 15 }, (_, i) => addDays('2026-11-30', i));

async function scenario(database: Database) {
  const db = database.db;
  await syncTeams(db, policy);
  const ana = await seedUser(db, 'U0ANA', 'collector', 'norte');
  const beto = await seedUser(db, 'U0BETO', 'collector', 'norte');
  await seedUser(db, 'U0LEAD', 'lead', 'norte');
  await seedUser(db, 'U0BOSS', 'manager', 'norte');
  const d = async (id: string, name: string, collectorId: number | null) => seedDebtor(db, id, name, { collectorId });

  // Promise judgement: all three promised for Friday 2026-12-04, judged Thursday 12-10
  // (Mon 12-07 is the first working day after, plus two working days skipping the holiday).
  const kept = await d('K', 'Cumplidora', ana.id);
  const partial = await d('P', 'Parcial', ana.id);
  const broken = await d('B', 'Incumplida', ana.id);
  for (const debtor of [kept, partial, broken]) await seedInvoice(db, debtor.id, `${debtor.externalId}-1`, '2026-11-25', 3_000_000);
  await seedPromise(db, kept.id, { amount: 1_000_000, promisedOn: '2026-12-04', createdOn: '2026-11-30' });
  await seedPromise(db, partial.id, { amount: 2_000_000, promisedOn: '2026-12-04', createdOn: '2026-11-30' });
  await seedPromise(db, broken.id, { amount: 800_000, promisedOn: '2026-12-04', createdOn: '2026-11-30' });
  await seedPayment(db, kept.id, 'PAY-K', '2026-12-09', 1_000_000);
  await seedPayment(db, partial.id, 'PAY-P', '2026-12-05', 500_000);

  // Escalation: due 2026-11-05, so 30 days overdue on 12-05 and 35 on 12-10; two
  // promises for 12-07 are judged broken on 12-11 and lift it once more.
  const climber = await d('E', 'Escaladora', beto.id);
  await seedInvoice(db, climber.id, 'E-1', '2026-11-05', 5_000_000);
  await seedPromise(db, climber.id, { amount: 100_000, promisedOn: '2026-12-07', createdOn: '2026-12-01' });
  await seedPromise(db, climber.id, { amount: 100_000, promisedOn: '2026-12-07', createdOn: '2026-12-01' });
  await seedContact(db, climber.id, beto.id, '2026-12-01');

  // A debtor nobody collects.
  const orphan = await d('O', 'Huérfana', null);
  await seedInvoice(db, orphan.id, 'O-1', '2026-11-20', 700_000);

  // A debtor with a pending promise not due yet: not chased on the daily list.
  const waiting = await d('W', 'En espera', beto.id);
  await seedInvoice(db, waiting.id, 'W-1', '2026-11-20', 900_000);
  await seedPromise(db, waiting.id, { amount: 900_000, promisedOn: '2026-12-31', createdOn: '2026-11-27' });

  return { ana, beto, kept, partial, broken, climber, orphan, waiting };
}

async function everyMorning(database: Database, slack: SlackStandIn, days: string[]) {
  const render = jobRenderer(policy);
  const deliverer = createDeliverer({
    db: database.db,
    databaseKind: database.kind,
    client: deliveryClient({ SLACK_API_URL: slack.url }, 'xoxb-test'),
    logger: pino({ level: 'silent' }),
    renderAlarm: render.alarm,
    // Pacing is the deliverer's own test; here it would only make two weeks slow.
    paceMs: 0,
  });
  const outcomes: Record<string, string[]> = {};
  for (const day of days) {
    const now = new Date(`${day}T14:00:00Z`);
    outcomes[day] = [];
    for (const job of ['alarms', 'daily-list'] as const) {
      outcomes[day].push((await runJob({ db: database.db, policy, render, now }, job, day)).status);
    }
    await deliverer.drain();
  }
  return outcomes;
}

describe('a fortnight of mornings', () => {
  test('lists on working days only, promises judged on the right day, the ladder climbed and alarms raised once', async ({ database }) => {
    const s = await scenario(database);
    const slack = await new SlackStandIn().start();
    try {
      const outcomes = await everyMorning(database, slack, DAYS);
      for (const day of DAYS) {
        expect(outcomes[day], day).toEqual(isWorkingDay(cal, day) ? ['ran', 'ran'] : ['not_working_day', 'not_working_day']);
      }
      // Running a day again sends nothing.
      const before = slack.calls.length;
      const again = await everyMorning(database, slack, ['2026-12-10']);
      expect(again['2026-12-10']).toEqual(['already_ran', 'already_ran']);
      expect(slack.calls.length).toBe(before);

      // Daily lists: one DM (or more) per collector per working day, only their debtors.
      const dms = slack.callsTo('chat.postMessage').filter((c) => String(c.args.channel).startsWith('U0'));
      const workingDays = DAYS.filter((day) => isWorkingDay(cal, day)).length;
      expect(dms.filter((c) => c.args.channel === 'U0ANA')).toHaveLength(workingDays);
      expect(dms.filter((c) => c.args.channel === 'U0BETO')).toHaveLength(workingDays);
      const anaText = dms.filter((c) => c.args.channel === 'U0ANA').map((c) => JSON.stringify(c.args)).join('');
      expect(anaText).not.toContain('Escaladora');
      const betoFirst = JSON.stringify(dms.find((c) => c.args.channel === 'U0BETO')!.args);
      expect(betoFirst).not.toContain('En espera');

      // Promise judgement.
      const judged = await database.db
        .select({ debtorId: promises.debtorId, state: promises.state, judgedOn: promises.judgedOn, paid: promises.paidAmount })
        .from(promises);
      const of = (id: number) => judged.filter((p) => p.debtorId === id);
      expect(of(s.kept.id)).toEqual([{ debtorId: s.kept.id, state: 'kept', judgedOn: '2026-12-10', paid: 1_000_000 }]);
      expect(of(s.partial.id)).toEqual([{ debtorId: s.partial.id, state: 'partial', judgedOn: '2026-12-10', paid: 500_000 }]);
      expect(of(s.broken.id)).toEqual([{ debtorId: s.broken.id, state: 'broken', judgedOn: '2026-12-10', paid: 0 }]);
      expect(of(s.climber.id).map((p) => [p.state, p.judgedOn])).toEqual([
        ['broken', '2026-12-11'],
        ['broken', '2026-12-11'],
      ]);
      expect(of(s.waiting.id).map((p) => p.state)).toEqual(['pending']);

      const raised = await database.db.select().from(alarms);
      const kinds = (id: number) => raised.filter((a) => a.debtorId === id).map((a) => `${a.kind}@${a.raisedOn}`);
      expect(kinds(s.kept.id).filter((k) => k.startsWith('promise'))).toEqual([]);
      expect(kinds(s.partial.id).filter((k) => k.startsWith('promise'))).toEqual(['promise_partial@2026-12-10']);
      expect(kinds(s.broken.id).filter((k) => k.startsWith('promise'))).toEqual(['promise_broken@2026-12-10']);
      const partialAlarm = raised.find((a) => a.debtorId === s.partial.id && a.kind === 'promise_partial')!;
      expect((partialAlarm.details as { params: Record<string, string> }).params.missing).toContain('15,000.00');

      // The ladder: 1 by days on 12-07, 2 by days on 12-10 (lead), 3 by broken promises on 12-11 (manager).
      const climbs = raised.filter((a) => a.debtorId === s.climber.id && a.kind === 'escalation');
      expect(climbs.map((a) => [a.raisedOn, (a.details as { params: { to: number; cause: string } }).params])).toEqual([
        ['2026-12-07', { from: 0, to: 1, cause: 'days_overdue' }],
        ['2026-12-10', { from: 1, to: 2, cause: 'days_overdue' }],
        ['2026-12-11', { from: 2, to: 3, cause: 'broken_promises' }],
      ]);
      expect(climbs.map((a) => (a.details as { mentions: string[] }).mentions)).toEqual([[], ['U0LEAD'], ['U0BOSS']]);

      // Each alarm once: the orphan is reported one time in the whole fortnight.
      expect(kinds(s.orphan.id)).toEqual(['no_collector@2026-11-30']);
      const keys = raised.map((a) => a.uniqueKey);
      expect(new Set(keys).size).toBe(keys.length);
      const posted = slack.callsTo('chat.postMessage').filter((c) => c.args.channel === 'C0ALARMS');
      const alarmPosts = posted.filter((c) => JSON.stringify(c.args).includes('ack_alarm'));
      expect(alarmPosts).toHaveLength(raised.length);
      const stored = await database.db.select({ ts: alarms.messageTs }).from(alarms);
      expect(stored.every((a) => a.ts !== null)).toBe(true);
    } finally {
      await slack.stop();
    }
  });

  test('a debtor who pays is brought back to level 0', async ({ database }) => {
    const s = await scenario(database);
    const slack = await new SlackStandIn().start();
    try {
      await everyMorning(database, slack, DAYS.slice(0, 12));
      const level = async () => (await database.db.select().from(debtors).where(eq(debtors.id, s.climber.id)))[0]!.escalationLevel;
      expect(await level()).toBe(3);
      // The ERP's next export says the invoice is paid.
      await database.db.update(invoices).set({ openAmount: 0 }).where(and(eq(invoices.debtorId, s.climber.id)));
      const last = await everyMorning(database, slack, ['2026-12-14']);
      expect(last['2026-12-14']).toEqual(['ran', 'ran']);
      expect(await level()).toBe(0);
      const lastAlarms = await database.db.select().from(alarms).where(and(eq(alarms.debtorId, s.climber.id), eq(alarms.raisedOn, '2026-12-14')));
      expect(lastAlarms).toEqual([]);
    } finally {
      await slack.stop();
    }
  });
});
