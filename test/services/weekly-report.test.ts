import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../src/db/database.js';
import { contactLogs, emailOutbox, invoices, payments, promises, receivableHistory } from '../../src/db/schema/index.js';
import type { PromiseState } from '../../src/domain/vocabulary.js';
import { defaultPolicy, type Policy } from '../../src/domain/policy.js';
import { alarmsJob } from '../../src/jobs/alarms.js';
import type { JobRenderer } from '../../src/jobs/job-deps.js';
import { recordReceivableHistory, reportWeek, teamsWithReports, weeklyReport, weeklyReports, type MoneyFigures } from '../../src/services/report/index.js';
import { syncTeams } from '../../src/services/teams.js';
import { describe, expect, test } from '../support/database.js';
import { seedDebtor, seedUser } from '../support/seed.js';

// The week reported: 2026-W49, Monday 2026-11-30 to Sunday 2026-12-06, made on Monday 12-07.
// Four weeks before its end: 2026-11-08; the CEI's 28 days: 11-09 … 12-06; the DSO's 90 days: 09-08 … 12-06.
// The 12 weeks of history: W38 (from Monday 2026-09-14) … W49.
const WEEK = reportWeek('2026-W49');
const TODAY = '2026-12-07';
// History is recorded on Friday 11-06 (the latest day on or before 11-08) and Friday 12-04
// (the latest on or before 12-06); a day after the week, 12-07, must not be read.
const H1 = '2026-11-06';
const H2 = '2026-12-04';

const policy: Policy = {
  ...defaultPolicy,
  timeZone: 'America/Mexico_City', // UTC−6 all year
  currency: 'MXN',
  teams: [{ name: 'Norte', alarmChannel: 'C0NORTE' }, { name: 'Sur' }],
};

async function invoice(
  db: Db,
  debtorId: number,
  code: string,
  input: { issued: string; due: string; amount: number; open?: number; currency?: string },
) {
  const [row] = await db
    .insert(invoices)
    .values({
      externalId: code,
      debtorId,
      number: code,
      issueDate: input.issued,
      dueDate: input.due,
      amount: input.amount,
      openAmount: input.open ?? input.amount,
      currency: input.currency ?? 'MXN',
    })
    .returning();
  return row!;
}

const setOpen = (db: Db, id: number, openAmount: number) => db.update(invoices).set({ openAmount }).where(eq(invoices.id, id));

async function payment(db: Db, debtorId: number, code: string, paidOn: string, amount: number, currency = 'MXN') {
  await db.insert(payments).values({ externalId: code, debtorId, paidOn, amount, currency });
}

async function promise(db: Db, debtorId: number, input: { amount: number; currency?: string; on: string; state: PromiseState; judgedOn?: string }) {
  await db.insert(promises).values({
    debtorId,
    amount: input.amount,
    currency: input.currency ?? 'MXN',
    promisedOn: input.on,
    state: input.state,
    judgedOn: input.judgedOn ?? null,
  });
}

async function contactAt(db: Db, debtorId: number, authorId: number, at: string) {
  await db.insert(contactLogs).values({ debtorId, authorId, outcomeType: 'reminder', channel: 'phone', reached: true, contactedAt: new Date(at) });
}

async function email(db: Db, debtorId: number, input: { currency?: string; noticeOn: string; state: 'pending' | 'sent' | 'failed'; sentAt?: string }) {
  await db.insert(emailOutbox).values({
    debtorId,
    currency: input.currency ?? 'MXN',
    noticeOn: input.noticeOn,
    toAddress: 'pagos@cliente.mx',
    subject: 'Aviso',
    text: 'Aviso',
    html: '<p>Aviso</p>',
    state: input.state,
    sentAt: input.sentAt ? new Date(input.sentAt) : null,
  });
}

const aging = (a: Partial<MoneyFigures['aging']> = {}): MoneyFigures['aging'] => ({ current: 0, '1-30': 0, '31-60': 0, '61-90': 0, '90+': 0, ...a });

/**
 * Team Norte (the policy's first: it also reports the debtors without a collector): Ana and
 * Beto collect, Lía leads. Team Sur: Sara. Debtors: D1 Alfa and D2 Beta (Ana), D3 Gamma
 * (Beto), D4 Delta (no collector), D5 Sur Uno (Sara).
 */
async function dataSet(db: Db) {
  const [norte, sur] = await syncTeams(db, policy);
  const ana = await seedUser(db, 'U0ANA', 'collector', 'Norte');
  const beto = await seedUser(db, 'U0BETO', 'collector', 'Norte');
  const lia = await seedUser(db, 'U0LIA', 'lead', 'Norte');
  const sara = await seedUser(db, 'U0SARA', 'collector', 'Sur');
  const d1 = await seedDebtor(db, 'D1', 'Alfa', { collectorId: ana.id });
  const d2 = await seedDebtor(db, 'D2', 'Beta', { collectorId: ana.id });
  const d3 = await seedDebtor(db, 'D3', 'Gamma', { collectorId: beto.id });
  const d4 = await seedDebtor(db, 'D4', 'Delta');
  const d5 = await seedDebtor(db, 'D5', 'Sur Uno', { collectorId: sara.id });

  // What was owed on H1 (2026-11-06):
  const a1 = await invoice(db, d1.id, 'A1', { issued: '2026-10-01', due: '2026-10-31', amount: 100_000 }); // 6 days late: 1-30
  await invoice(db, d2.id, 'A2', { issued: '2026-08-01', due: '2026-08-31', amount: 50_000 }); // 67 days: 61-90
  const b1 = await invoice(db, d3.id, 'B1', { issued: '2026-10-20', due: '2026-11-19', amount: 80_000 }); // current
  await invoice(db, d4.id, 'U1', { issued: '2026-10-15', due: '2026-11-01', amount: 30_000, currency: 'USD' }); // 5 days: 1-30
  await invoice(db, d5.id, 'S1', { issued: '2026-11-10', due: '2026-11-20', amount: 999_000 }); // team Sur
  await recordReceivableHistory(db, H1);

  // What changed by H2 (2026-12-04):
  await setOpen(db, a1.id, 40_000); // 34 days late: 31-60 (A2: 95 days: 90+)
  await setOpen(db, b1.id, 0); // paid
  await invoice(db, d1.id, 'A3', { issued: '2026-11-25', due: '2026-12-25', amount: 70_000 }); // current
  await invoice(db, d3.id, 'B2', { issued: '2026-11-12', due: '2026-12-02', amount: 20_000, currency: 'USD' }); // 2 days: 1-30
  // U1: 33 days late: 31-60; S1: 14 days: 1-30
  await recordReceivableHistory(db, H2);
  await recordReceivableHistory(db, H2); // again: the same rows

  // Issued on Saturday 12-05, due on Sunday 12-06: not in the history of 12-04, but overdue when the report goes out.
  await invoice(db, d2.id, 'A4', { issued: '2026-12-05', due: '2026-12-06', amount: 10_000 });
  await recordReceivableHistory(db, '2026-12-07'); // after the week: never read for W49

  // Payments.
  await payment(db, d1.id, 'P1', '2026-12-01', 60_000); // Ana, in the week
  await payment(db, d3.id, 'P2', '2026-11-20', 80_000); // Beto, W47
  await payment(db, d4.id, 'P3', '2026-12-06', 5_000, 'USD'); // no collector, Sunday: in the week
  await payment(db, d3.id, 'P4', '2026-11-30', 7_000, 'USD'); // Beto, Monday: in the week
  await payment(db, d1.id, 'P5', '2026-12-07', 1_000); // after the week
  await payment(db, d5.id, 'P6', '2026-12-02', 500_000); // team Sur
  await payment(db, d2.id, 'P7', '2026-09-14', 3_000); // Ana, first day of W38, the oldest week of the history
  await payment(db, d2.id, 'P8', '2026-09-13', 4_000); // the day before: outside the 12 weeks

  // Promises.
  await promise(db, d1.id, { amount: 60_000, on: '2026-12-01', state: 'kept', judgedOn: '2026-12-03' }); // due + kept in the week
  await promise(db, d2.id, { amount: 20_000, on: '2026-11-26', state: 'partial', judgedOn: '2026-11-30' }); // judged in the week
  await promise(db, d3.id, { amount: 15_000, currency: 'USD', on: '2026-12-04', state: 'pending' }); // due in the week
  await promise(db, d3.id, { amount: 9_000, on: '2026-11-27', state: 'broken', judgedOn: '2026-12-01' }); // judged in the week
  await promise(db, d4.id, { amount: 4_000, currency: 'USD', on: '2026-12-06', state: 'cancelled' }); // not counted
  await promise(db, d1.id, { amount: 11_000, on: '2026-11-20', state: 'broken', judgedOn: '2026-11-24' }); // the week before
  await promise(db, d5.id, { amount: 1, on: '2026-12-02', state: 'kept', judgedOn: '2026-12-04' }); // team Sur
  await promise(db, d4.id, { amount: 2_500, currency: 'USD', on: '2026-12-02', state: 'kept', judgedOn: '2026-12-04' }); // no collector
  await promise(db, d2.id, { amount: 5_000, on: '2026-12-05', state: 'kept', judgedOn: '2026-12-07' }); // due in the week, judged after

  // Contacts (Mexico City is UTC−6).
  await contactAt(db, d1.id, ana.id, '2026-11-30T06:30:00Z'); // 00:30 Monday: in
  await contactAt(db, d1.id, ana.id, '2026-12-02T16:00:00Z'); // in
  await contactAt(db, d2.id, ana.id, '2026-12-07T05:30:00Z'); // 23:30 Sunday 12-06: in
  await contactAt(db, d1.id, ana.id, '2026-11-30T05:30:00Z'); // 23:30 Sunday 11-29: out
  await contactAt(db, d3.id, lia.id, '2026-12-03T16:00:00Z'); // the lead: in
  await contactAt(db, d3.id, beto.id, '2026-12-04T16:00:00Z');
  await contactAt(db, d4.id, beto.id, '2026-12-04T17:00:00Z');
  await contactAt(db, d1.id, sara.id, '2026-12-02T16:00:00Z'); // an author of team Sur: not Norte's

  // Notice emails.
  await email(db, d1.id, { noticeOn: '2026-12-01', state: 'sent', sentAt: '2026-12-01T17:00:00Z' }); // Ana
  await email(db, d2.id, { noticeOn: '2026-12-07', state: 'sent', sentAt: '2026-12-07T05:00:00Z' }); // 23:00 Sunday: Ana
  await email(db, d3.id, { currency: 'USD', noticeOn: '2026-12-02', state: 'failed' });
  await email(db, d4.id, { currency: 'USD', noticeOn: '2026-12-03', state: 'sent', sentAt: '2026-12-03T15:00:00Z' }); // no collector
  await email(db, d3.id, { noticeOn: '2026-11-27', state: 'sent', sentAt: '2026-11-27T15:00:00Z' }); // the week before
  await email(db, d5.id, { noticeOn: '2026-12-02', state: 'sent', sentAt: '2026-12-02T15:00:00Z' }); // team Sur
  await email(db, d3.id, { noticeOn: '2026-12-04', state: 'pending' });

  return { norte: norte!, sur: sur!, ana, beto, lia, sara, d1, d2, d3, d4, d5 };
}

const historyOf = (db: Db, day: string) =>
  db
    .select({ teamId: receivableHistory.teamId, collectorId: receivableHistory.collectorId, currency: receivableHistory.currency, bucket: receivableHistory.bucket, open: receivableHistory.open, debtors: receivableHistory.debtors })
    .from(receivableHistory)
    .where(eq(receivableHistory.day, day))
    .orderBy(asc(receivableHistory.teamId), asc(receivableHistory.collectorId), asc(receivableHistory.currency), asc(receivableHistory.bucket));

describe('recordReceivableHistory', () => {
  test('records open amounts per team, collector, currency and bucket; again replaces the day', async ({ database }) => {
    const { db } = database;
    const [norte, sur] = await syncTeams(db, policy);
    const ana = await seedUser(db, 'U0ANA', 'collector', 'Norte');
    const sara = await seedUser(db, 'U0SARA', 'collector', 'Sur');
    const d1 = await seedDebtor(db, 'D1', 'Alfa', { collectorId: ana.id });
    const d2 = await seedDebtor(db, 'D2', 'Beta', { collectorId: ana.id });
    const d3 = await seedDebtor(db, 'D3', 'Gamma');
    const d4 = await seedDebtor(db, 'D4', 'Sur Uno', { collectorId: sara.id });
    const day = '2026-12-04';
    // Bucket edges on 12-04: due 12-04 → 0 days (current); 12-03 → 1; 11-04 → 30; 11-03 → 31;
    // 10-05 → 60; 10-04 → 61; 09-05 → 90; 09-04 → 91.
    await invoice(db, d1.id, 'F1', { issued: '2026-08-01', due: '2026-12-04', amount: 1 });
    await invoice(db, d2.id, 'F2', { issued: '2026-08-01', due: '2026-12-20', amount: 2 });
    await invoice(db, d1.id, 'F3', { issued: '2026-08-01', due: '2026-12-03', amount: 10 });
    await invoice(db, d2.id, 'F4', { issued: '2026-08-01', due: '2026-11-04', amount: 20 });
    await invoice(db, d1.id, 'F5', { issued: '2026-08-01', due: '2026-11-03', amount: 100 });
    await invoice(db, d1.id, 'F6', { issued: '2026-08-01', due: '2026-10-05', amount: 200 });
    await invoice(db, d1.id, 'F7', { issued: '2026-08-01', due: '2026-10-04', amount: 1_000 });
    await invoice(db, d2.id, 'F8', { issued: '2026-08-01', due: '2026-09-05', amount: 2_000 });
    await invoice(db, d2.id, 'F9', { issued: '2026-08-01', due: '2026-09-04', amount: 10_000 });
    await invoice(db, d1.id, 'F10', { issued: '2026-08-01', due: '2026-09-04', amount: 5, currency: 'USD' });
    const paid = await invoice(db, d3.id, 'F11', { issued: '2026-08-01', due: '2026-11-30', amount: 7, open: 7 });
    await invoice(db, d3.id, 'F12', { issued: '2026-08-01', due: '2026-11-30', amount: 50, open: 0 }); // paid: left out
    await invoice(db, d3.id, 'F13', { issued: '2026-08-01', due: '2026-11-30', amount: -30, open: -30 }); // a credit: left out
    await invoice(db, d4.id, 'F14', { issued: '2026-08-01', due: '2026-12-10', amount: 9 });

    expect(await recordReceivableHistory(db, day)).toBe(8);
    type Row = { teamId: number | null; collectorId: number | null; currency: string; bucket: string; open: number; debtors: number };
    const ana1 = { teamId: norte!.id, collectorId: ana.id };
    const expected: Row[] = [
      { ...ana1, currency: 'MXN', bucket: 'current', open: 1 + 2, debtors: 2 },
      { ...ana1, currency: 'MXN', bucket: '1-30', open: 10 + 20, debtors: 2 },
      { ...ana1, currency: 'MXN', bucket: '31-60', open: 100 + 200, debtors: 1 },
      { ...ana1, currency: 'MXN', bucket: '61-90', open: 1_000 + 2_000, debtors: 2 },
      { ...ana1, currency: 'MXN', bucket: '90+', open: 10_000, debtors: 1 },
      { ...ana1, currency: 'USD', bucket: '90+', open: 5, debtors: 1 },
      { teamId: sur!.id, collectorId: sara.id, currency: 'MXN', bucket: 'current', open: 9, debtors: 1 },
      { teamId: null, collectorId: null, currency: 'MXN', bucket: '1-30', open: 7, debtors: 1 },
    ];
    const key = (r: Row) => JSON.stringify([r.teamId ?? 0, r.collectorId ?? 0, r.currency, r.bucket]);
    const sorted = (rows: Row[]) => [...rows].sort((a, b) => key(a).localeCompare(key(b)));
    expect(sorted(await historyOf(db, day))).toEqual(sorted(expected));

    // Again, the same day: the same rows, not twice.
    expect(await recordReceivableHistory(db, day)).toBe(8);
    expect(sorted(await historyOf(db, day))).toEqual(sorted(expected));

    // The ERP says F11 is paid and F9 half paid: the day is replaced, the paid combination gone.
    await setOpen(db, paid.id, 0);
    await db.update(invoices).set({ openAmount: 4_000 }).where(eq(invoices.externalId, 'F9'));
    expect(await recordReceivableHistory(db, day)).toBe(7);
    const replaced = expected
      .filter((r) => r.teamId !== null)
      .map((r) => (r.currency === 'MXN' && r.bucket === '90+' ? { ...r, open: 4_000 } : r));
    expect(sorted(await historyOf(db, day))).toEqual(sorted(replaced));

    // Another day is its own: 12-04's rows stay. On 12-05 F1 (due 12-04) is 1 day late, F4
    // (due 11-04) 31 days and F6 (due 10-05) 61 days.
    expect(await recordReceivableHistory(db, '2026-12-05')).toBe(7);
    expect(sorted(await historyOf(db, day))).toEqual(sorted(replaced));
    const next = await historyOf(db, '2026-12-05');
    expect(next.find((r) => r.collectorId === ana.id && r.currency === 'MXN' && r.bucket === '31-60')).toMatchObject({ open: 20 + 100, debtors: 2 });
    expect(next.find((r) => r.collectorId === ana.id && r.currency === 'MXN' && r.bucket === '1-30')).toMatchObject({ open: 1 + 10, debtors: 1 });
  });

  test('the alarms job records the day', async ({ database }) => {
    const { db } = database;
    await syncTeams(db, policy);
    const ana = await seedUser(db, 'U0ANA', 'collector', 'Norte');
    const d1 = await seedDebtor(db, 'D1', 'Alfa', { collectorId: ana.id });
    await invoice(db, d1.id, 'F1', { issued: '2026-11-01', due: '2026-11-30', amount: 500 });
    const render = {} as JobRenderer; // the alarms job renders nothing itself
    const outcome = await alarmsJob({ db, policy, render, now: new Date('2026-12-07T13:30:00Z') }, '2026-12-07');
    expect(outcome.status).toBe('ran');
    expect(await historyOf(db, '2026-12-07')).toEqual([
      { teamId: ana.teamId, collectorId: ana.id, currency: 'MXN', bucket: '1-30', open: 500, debtors: 1 },
    ]);
    // Not on a Saturday (not a working day).
    expect((await alarmsJob({ db, policy, render, now: new Date('2026-12-12T13:30:00Z') }, '2026-12-12')).status).toBe('not_working_day');
    expect(await historyOf(db, '2026-12-12')).toEqual([]);
  });
});

describe('weeklyReport', () => {
  test('every figure of a week, by collector and for the team, each currency apart', async ({ database }) => {
    const { db } = database;
    const s = await dataSet(db);
    const report = await weeklyReport(db, policy, { teamId: s.norte.id, week: WEEK, today: TODAY });

    expect(report.team).toEqual({ id: s.norte.id, name: 'Norte' });
    expect(report.week).toEqual({ start: '2026-11-30', end: '2026-12-06', label: '2026-W49' });

    // Activity. Ana: 3 contacts (00:30 Monday, Wednesday, 23:30 Sunday local) on D1, D2; notices
    // to D1 and D2 (the second 23:00 Sunday local); judged: 1 kept, 1 partial → 1 ÷ 2.
    // Beto: 2 contacts (D3, D4), 1 broken → 0 ÷ 1. Lía: 1 contact. No collector: 1 notice, 1 kept → 1 ÷ 1.
    // Team: 3 + 2 + 1 = 6 contacts on D1, D2, D3, D4; 2 + 1 = 3 notices; 2 kept, 1 partial, 1 broken → 2 ÷ 4.
    expect(report.activity).toEqual({ contacts: 6, debtorsWorked: 4, noticesSent: 3, promisesKept: 2, promisesPartial: 1, promisesBroken: 1, keptRate: 2 / (2 + 1 + 1) });
    expect(report.collectors.map((c) => [c.collectorId, c.name, c.slackUserId])).toEqual([
      [s.ana.id, 'User U0ANA', 'U0ANA'],
      [s.beto.id, 'User U0BETO', 'U0BETO'],
      [s.lia.id, 'User U0LIA', 'U0LIA'],
      [null, '', null],
    ]);
    const [ana, beto, lia, none] = report.collectors;
    expect(ana!.activity).toEqual({ contacts: 3, debtorsWorked: 2, noticesSent: 2, promisesKept: 1, promisesPartial: 1, promisesBroken: 0, keptRate: 1 / (1 + 1) });
    expect(beto!.activity).toEqual({ contacts: 2, debtorsWorked: 2, noticesSent: 0, promisesKept: 0, promisesPartial: 0, promisesBroken: 1, keptRate: 0 / 1 });
    expect(lia!.activity).toEqual({ contacts: 1, debtorsWorked: 1, noticesSent: 0, promisesKept: 0, promisesPartial: 0, promisesBroken: 0, keptRate: null });
    expect(none!.activity).toEqual({ contacts: 0, debtorsWorked: 0, noticesSent: 1, promisesKept: 1, promisesPartial: 0, promisesBroken: 0, keptRate: 1 });

    // History on H2 (12-04), per collector:
    //   Ana MXN: A3 70,000 current; A1 40,000 31-60; A2 50,000 90+.   Beto USD: B2 20,000 1-30.
    //   no collector USD: U1 30,000 31-60.
    // On H1 (11-06): Ana MXN: A1 100,000 1-30, A2 50,000 61-90; Beto MXN: B1 80,000 current;
    //   no collector USD: U1 30,000 1-30.
    const anaAgingNow = aging({ current: 70_000, '31-60': 40_000, '90+': 50_000 });
    expect(ana!.money).toEqual({
      MXN: {
        collected: 60_000, // P1
        promisedDue: 60_000 + 5_000, // due 12-01 (kept) and 12-05 (judged after the week)
        overdueNow: 40_000 + 50_000,
        overdueFourWeeksAgo: 100_000 + 50_000,
        aging: anaAgingNow,
      },
    });
    expect(beto!.money).toEqual({
      MXN: { collected: 0, promisedDue: 0, overdueNow: 0, overdueFourWeeksAgo: 0, aging: aging() }, // P2 in W47; B1 was current
      USD: { collected: 7_000, promisedDue: 15_000, overdueNow: 20_000, overdueFourWeeksAgo: 0, aging: aging({ '1-30': 20_000 }) },
    });
    expect(lia!.money).toEqual({});
    expect(none!.money).toEqual({
      USD: { collected: 5_000, promisedDue: 2_500, overdueNow: 30_000, overdueFourWeeksAgo: 30_000, aging: aging({ '31-60': 30_000 }) },
    });

    expect(report.currencies.map((c) => c.currency)).toEqual(['MXN', 'USD']);
    const [mxn, usd] = report.currencies;

    // MXN. B = open on 11-06 = 80,000 + 100,000 + 50,000; S = issued 11-09 … 12-06 = A3 70,000 + A4 10,000;
    // E = open on 12-04 = 70,000 + 40,000 + 50,000; C = 70,000.
    // Sales of 09-08 … 12-06: A1 100,000 + B1 80,000 + A3 70,000 + A4 10,000 (A2 was issued 08-01; S1 is Sur's).
    {
      const B = 80_000 + 100_000 + 50_000;
      const S = 70_000 + 10_000;
      const E = 70_000 + 40_000 + 50_000;
      const C = 70_000;
      const sales90 = 100_000 + 80_000 + 70_000 + 10_000;
      expect(mxn!.team).toEqual({ collected: 60_000, promisedDue: 65_000, overdueNow: E - C, overdueFourWeeksAgo: 100_000 + 50_000, aging: anaAgingNow });
      expect(mxn!.cei).toBeCloseTo(((B + S - E) / (B + S - C)) * 100, 10);
      expect(mxn!.cei).toBeCloseTo(62.5, 10); // 150,000 ÷ 240,000
      expect(mxn!.dso).toBeCloseTo((E / sales90) * 90, 10);
      // Live invoices due before 12-07: D2 Beta A2 50,000 + A4 10,000 (due Sunday 12-06), D1 Alfa A1 40,000 (A3 not due).
      expect(mxn!.topOverdue).toEqual([
        { debtorId: s.d2.id, name: 'Beta', overdue: 50_000 + 10_000 },
        { debtorId: s.d1.id, name: 'Alfa', overdue: 40_000 },
      ]);
    }
    // USD. B = 30,000 (U1 on 11-06); S = B2 20,000 (issued 11-12); E = 20,000 + 30,000; C = 0.
    // Sales of the 90 days: U1 30,000 + B2 20,000.
    {
      const B = 30_000;
      const S = 20_000;
      const E = 20_000 + 30_000;
      const C = 0;
      expect(usd!.team).toEqual({
        collected: 5_000 + 7_000,
        promisedDue: 15_000 + 2_500, // the cancelled 4,000 left out
        overdueNow: E - C,
        overdueFourWeeksAgo: 30_000,
        aging: aging({ '1-30': 20_000, '31-60': 30_000 }),
      });
      expect(usd!.cei).toBeCloseTo(((B + S - E) / (B + S - C)) * 100, 10); // 0 ÷ 50,000 = 0
      expect(usd!.dso).toBeCloseTo((E / (30_000 + 20_000)) * 90, 10); // 90
      expect(usd!.topOverdue).toEqual([
        { debtorId: s.d4.id, name: 'Delta', overdue: 30_000 },
        { debtorId: s.d3.id, name: 'Gamma', overdue: 20_000 },
      ]);
    }

    // History: W38 … W49. Week ends before 11-06 have no history (zeros); W45 … W48 (ends 11-08 … 11-29)
    // read 11-06; W49 reads 12-04 (not 12-07). Collected: P7 in W38, P2 in W47, P1 (+ P3, P4 USD) in W49.
    expect(mxn!.history.map((h) => h.week.label)).toEqual([
      '2026-W38', '2026-W39', '2026-W40', '2026-W41', '2026-W42', '2026-W43',
      '2026-W44', '2026-W45', '2026-W46', '2026-W47', '2026-W48', '2026-W49',
    ]);
    expect(mxn!.history[0]!.week).toEqual({ start: '2026-09-14', end: '2026-09-20', label: '2026-W38' });
    const mxnOnH1 = aging({ current: 80_000, '1-30': 100_000, '61-90': 50_000 });
    expect(mxn!.history.map((h) => h.aging)).toEqual([...Array<MoneyFigures['aging']>(7).fill(aging()), mxnOnH1, mxnOnH1, mxnOnH1, mxnOnH1, anaAgingNow]);
    expect(mxn!.history.map((h) => h.collected)).toEqual([3_000, 0, 0, 0, 0, 0, 0, 0, 0, 80_000, 0, 60_000]);
    const usdOnH1 = aging({ '1-30': 30_000 });
    expect(usd!.history.map((h) => h.aging)).toEqual([...Array<MoneyFigures['aging']>(7).fill(aging()), usdOnH1, usdOnH1, usdOnH1, usdOnH1, usd!.team.aging]);
    expect(usd!.history.map((h) => h.collected)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 5_000 + 7_000]);
  });

  test("another team's report holds only its own debtors, and not those without a collector", async ({ database }) => {
    const { db } = database;
    const s = await dataSet(db);
    const report = await weeklyReport(db, policy, { teamId: s.sur.id, week: WEEK, today: TODAY });
    // Sara: no contact of her own team's debtors, but her contact on D1 counts for her as author;
    // D5: P6 500,000 paid 12-02, a promise of 1 kept, a notice sent; S1 999,000 issued 11-10, due 11-20: 1-30 on 12-04, not yet owed on 11-06.
    expect(report.activity).toEqual({ contacts: 1, debtorsWorked: 1, noticesSent: 1, promisesKept: 1, promisesPartial: 0, promisesBroken: 0, keptRate: 1 });
    expect(report.collectors.map((c) => c.collectorId)).toEqual([s.sara.id]);
    expect(report.currencies.map((c) => c.currency)).toEqual(['MXN']);
    const [mxn] = report.currencies;
    expect(mxn!.team).toEqual({ collected: 500_000, promisedDue: 1, overdueNow: 999_000, overdueFourWeeksAgo: 0, aging: aging({ '1-30': 999_000 }) });
    // B = 0 (not issued on 11-06), S = 999,000 (issued 11-10), E = 999,000, C = 0.
    expect(mxn!.cei).toBeCloseTo(((0 + 999_000 - 999_000) / (0 + 999_000 - 0)) * 100, 10);
    expect(mxn!.dso).toBeCloseTo((999_000 / 999_000) * 90, 10);
    expect(mxn!.topOverdue).toEqual([{ debtorId: s.d5.id, name: 'Sur Uno', overdue: 999_000 }]);
  });

  test('a week with nothing: zeros and nulls', async ({ database }) => {
    const { db } = database;
    const s = await dataSet(db);
    // 2026-W10 (03-02 … 03-08): before any history, payment, invoice or contact.
    const report = await weeklyReport(db, policy, { teamId: s.norte.id, week: reportWeek('2026-W10'), today: TODAY });
    expect(report.activity).toEqual({ contacts: 0, debtorsWorked: 0, noticesSent: 0, promisesKept: 0, promisesPartial: 0, promisesBroken: 0, keptRate: null });
    expect(report.collectors.map((c) => [c.collectorId, c.activity.contacts, c.money])).toEqual([
      [s.ana.id, 0, {}],
      [s.beto.id, 0, {}],
    ]);
    expect(report.currencies).toEqual([]);

    // A team nobody is in: no crash either.
    const [, , vacia] = await syncTeams(db, { ...policy, teams: [...policy.teams, { name: 'Vacía' }] });
    const empty = await weeklyReport(db, policy, { teamId: vacia!.id, week: WEEK, today: TODAY });
    expect(empty).toEqual({
      team: { id: vacia!.id, name: 'Vacía' },
      week: WEEK,
      activity: { contacts: 0, debtorsWorked: 0, noticesSent: 0, promisesKept: 0, promisesPartial: 0, promisesBroken: 0, keptRate: null },
      collectors: [],
      currencies: [],
    });
  });

  test('a week with history but no sales: CEI from receivables alone, DSO null; no history four weeks before: null', async ({ database }) => {
    const { db } = database;
    const [norte] = await syncTeams(db, policy);
    const ana = await seedUser(db, 'U0ANA', 'collector', 'Norte');
    const d1 = await seedDebtor(db, 'D1', 'Alfa', { collectorId: ana.id });
    await invoice(db, d1.id, 'F1', { issued: '2026-01-10', due: '2026-02-10', amount: 40_000, currency: 'EUR' });
    await recordReceivableHistory(db, '2026-12-04');
    const report = await weeklyReport(db, policy, { teamId: norte!.id, week: WEEK, today: TODAY });
    const [eur] = report.currencies;
    expect(eur!.currency).toBe('EUR');
    // B = 0 (no history on or before 11-08), S = 0, E = 40,000, C = 0: (0 + 0 − 40,000) ÷ (0 + 0 − 0): null.
    expect(eur!.team).toEqual({ collected: 0, promisedDue: 0, overdueNow: 40_000, overdueFourWeeksAgo: null, aging: aging({ '90+': 40_000 }) });
    expect(eur!.cei).toBeNull();
    expect(eur!.dso).toBeNull();
    expect(report.collectors[0]!.money.EUR!.overdueFourWeeksAgo).toBeNull();
  });
});

describe('weeklyReports', () => {
  test("several teams at once: each one's report, in the order asked", async ({ database }) => {
    const { db } = database;
    const s = await dataSet(db);
    const [, , vacia] = await syncTeams(db, { ...policy, teams: [...policy.teams, { name: 'Vacía' }] });
    const teamIds = [s.sur.id, vacia!.id, s.norte.id];
    const each = [];
    for (const teamId of teamIds) each.push(await weeklyReport(db, policy, { teamId, week: WEEK, today: TODAY }));
    expect(await weeklyReports(db, policy, { teamIds, week: WEEK, today: TODAY })).toEqual(each);
    expect(await weeklyReports(db, policy, { teamIds: [], week: WEEK, today: TODAY })).toEqual([]);
  });
});

describe('teamsWithReports', () => {
  test('the teams with an alarm channel', async ({ database }) => {
    const { db } = database;
    const [norte] = await syncTeams(db, policy);
    expect((await teamsWithReports(db)).map((t) => t.id)).toEqual([norte!.id]);
  });
});
