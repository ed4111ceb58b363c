import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../src/db/database.js';
import { alarms, barriers, contactLogs, contacts, debtors, emailOutbox, notices, outbox } from '../../src/db/schema/index.js';
import { defaultPolicy, type Policy } from '../../src/domain/policy.js';
import { holdNotice, planNotices, plannedNoticesByCollector, queueNotices } from '../../src/services/notices/index.js';
import { syncTeams } from '../../src/services/teams.js';
import { describe, expect, test } from '../support/database.js';
import { seedDebtor, seedInvoice, seedPromise, seedUser } from '../support/seed.js';

// 2026-12-08 is a Tuesday: step 1 is reached by invoices due 12-07, step 7 by those due 12-01,
// step -3 by those due 12-11.
const DATE = '2026-12-08';
const NOW = new Date('2026-12-08T16:00:00Z');
const DUE_STEP_1 = '2026-12-07';
const DUE_STEP_7 = '2026-12-01';

const policy: Policy = {
  ...defaultPolicy,
  notices: { ...defaultPolicy.notices, enabled: true, companyName: 'ACME SA', paymentInstructions: 'CLABE 012345678901234567' },
  teams: [{ name: 'default', alarmChannel: 'C0ALARMS' }],
};

async function collector(db: Db, slackId = 'U0COL1') {
  await syncTeams(db, policy);
  return seedUser(db, slackId);
}

async function contact(db: Db, debtorId: number, input: { name?: string; level?: number; email?: string; bounced?: boolean } = {}) {
  const [row] = await db
    .insert(contacts)
    .values({
      debtorId,
      name: input.name ?? `Contact ${debtorId}-${input.level ?? 0}`,
      level: input.level ?? 0,
      email: input.email ?? `pagos${debtorId}@cliente.mx`,
      emailBouncedAt: input.bounced ? new Date('2026-12-01T10:00:00Z') : null,
      emailBounceReason: input.bounced ? '550 no such user' : null,
    })
    .returning();
  return row!;
}

/** A debtor of `collectorId` with a contact email and one MXN invoice (1,000.00 by default) reaching step 1 on DATE. */
async function debtorWithTrigger(db: Db, collectorId: number, code: string, openAmount = 100_000) {
  const debtor = await seedDebtor(db, code, `Cliente ${code}`, { collectorId });
  await contact(db, debtor.id);
  await seedInvoice(db, debtor.id, `${code}-F1`, DUE_STEP_1, openAmount);
  return debtor;
}

async function run(db: Db, p: Policy = policy, date = DATE) {
  const planned = await planNotices(db, p, date);
  const queued = await queueNotices(db, p, date, NOW);
  return { planned, queued };
}

const noticesOf = (db: Db, debtorId: number) => db.select().from(notices).where(eq(notices.debtorId, debtorId)).orderBy(asc(notices.id));
const emailsOf = (db: Db, debtorId: number) => db.select().from(emailOutbox).where(eq(emailOutbox.debtorId, debtorId)).orderBy(asc(emailOutbox.id));

describe('planNotices', () => {
  test('plans the open invoices of assigned debtors reaching a step, once', async ({ database }) => {
    const { db } = database;
    const user = await collector(db);
    const own = await seedDebtor(db, 'D1', 'Uno', { collectorId: user.id });
    const unassigned = await seedDebtor(db, 'D2', 'Dos');
    await seedInvoice(db, own.id, 'F1', DUE_STEP_1, 100);
    await seedInvoice(db, own.id, 'F2', DUE_STEP_7, 100, 'USD');
    await seedInvoice(db, own.id, 'F3', '2026-12-02', 100); // step 6: none
    await seedInvoice(db, own.id, 'F4', DUE_STEP_1, 0); // paid
    await seedInvoice(db, unassigned.id, 'F5', DUE_STEP_1, 100);

    expect(await planNotices(db, policy, DATE)).toEqual({ planned: 2 });
    expect(await planNotices(db, policy, DATE)).toEqual({ planned: 0 });
    const rows = await noticesOf(db, own.id);
    expect(rows.map((n) => [n.step, n.currency, n.noticeOn, n.state])).toEqual([
      [1, 'MXN', DATE, 'planned'],
      [7, 'USD', DATE, 'planned'],
    ]);
    expect(await noticesOf(db, unassigned.id)).toEqual([]);
  });

  test('on a Monday it plans the steps that fell on the weekend; on a Saturday nothing', async ({ database }) => {
    const { db } = database;
    const user = await collector(db);
    const debtor = await seedDebtor(db, 'D1', 'Uno', { collectorId: user.id });
    await seedInvoice(db, debtor.id, 'F1', '2026-12-04', 100); // step 1 on Saturday 12-05
    await seedInvoice(db, debtor.id, 'F2', '2026-12-10', 100); // step -3 on Monday 12-07
    expect(await planNotices(db, policy, '2026-12-05')).toEqual({ planned: 0 });
    expect(await planNotices(db, policy, '2026-12-07')).toEqual({ planned: 2 });
  });
});

describe('queueNotices', () => {
  test('one email per debtor and currency, listing every open invoice, oldest due first', async ({ database }) => {
    const { db } = database;
    const user = await collector(db);
    const one = await seedDebtor(db, 'D1', 'Uno SA', { collectorId: user.id });
    const recipient = await contact(db, one.id, { name: 'Ana Pagos', email: ' ana@uno.mx ' });
    await seedInvoice(db, one.id, 'F-STEP1', DUE_STEP_1, 100_000);
    await seedInvoice(db, one.id, 'F-STEP7', DUE_STEP_7, 50_000);
    await seedInvoice(db, one.id, 'F-OLD', '2026-10-01', 25_000); // open, no step today: listed
    await seedInvoice(db, one.id, 'F-PAID', '2026-09-01', 0); // not listed
    const two = await seedDebtor(db, 'D2', 'Dos SA', { collectorId: user.id });
    await contact(db, two.id);
    await seedInvoice(db, two.id, 'G-MXN', DUE_STEP_1, 100_000);
    await seedInvoice(db, two.id, 'G-USD', DUE_STEP_7, 30_000, 'USD');

    const { planned, queued } = await run(db);
    expect(planned).toEqual({ planned: 4 });
    expect(queued).toEqual({ emails: 3, queued: 4, skipped: 0, waiting: 0, alarms: 0 });

    const [email] = await emailsOf(db, one.id);
    expect(email).toMatchObject({
      toAddress: 'ana@uno.mx',
      replyTo: user.email,
      contactId: recipient.id,
      collectorId: user.id,
      currency: 'MXN',
      noticeOn: DATE,
      state: 'pending',
      attachmentName: `estado-de-cuenta-D1-${DATE}.pdf`,
    });
    expect(Buffer.from(email!.attachment!).subarray(0, 5).toString()).toBe('%PDF-');
    const order = ['F-OLD', 'F-STEP7', 'F-STEP1'].map((n) => email!.text.indexOf(n));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(email!.text).not.toContain('F-PAID');
    expect((await noticesOf(db, one.id)).map((n) => [n.state, n.emailId])).toEqual([
      ['queued', email!.id],
      ['queued', email!.id],
    ]);

    const emailsTwo = await emailsOf(db, two.id);
    expect(emailsTwo.map((e) => e.currency).sort()).toEqual(['MXN', 'USD']);
    expect(emailsTwo.find((e) => e.currency === 'USD')!.text).toContain('G-USD');
    expect(emailsTwo.find((e) => e.currency === 'USD')!.text).not.toContain('G-MXN');
  });

  test('the contact log: channel email, by the collector, to the recipient, once', async ({ database }) => {
    const { db } = database;
    const user = await collector(db);
    const debtor = await debtorWithTrigger(db, user.id, 'D1');
    await run(db);
    const [email] = await emailsOf(db, debtor.id);
    const logs = await db.select().from(contactLogs).where(eq(contactLogs.debtorId, debtor.id));
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatchObject({
      channel: 'email',
      authorId: user.id,
      outcomeType: 'reminder',
      reached: false,
      contactId: email!.contactId,
      note: email!.subject,
      idempotencyKey: `notice:${email!.id}`,
      details: { system: true, emailId: email!.id, steps: [1] },
    });
    expect(logs[0]!.contactedAt.toISOString()).toBe(NOW.toISOString());
  });

  test('the recipient is at the debtor’s level, else the nearest lower level with an email', async ({ database }) => {
    const { db } = database;
    const user = await collector(db);
    const debtor = await seedDebtor(db, 'D1', 'Uno', { collectorId: user.id });
    await db.update(debtors).set({ escalationLevel: 2 }).where(eq(debtors.id, debtor.id));
    await contact(db, debtor.id, { name: 'Level 0', level: 0, email: 'zero@uno.mx' });
    await contact(db, debtor.id, { name: 'Level 1', level: 1, email: 'one@uno.mx' });
    await contact(db, debtor.id, { name: 'Level 2 no email', level: 2, email: '  ' });
    await contact(db, debtor.id, { name: 'Level 3', level: 3, email: 'three@uno.mx' });
    await seedInvoice(db, debtor.id, 'F1', DUE_STEP_1, 100);
    await run(db);
    expect((await emailsOf(db, debtor.id)).map((e) => e.toAddress)).toEqual(['one@uno.mx']);
  });

  type Case = [string, (db: Db, debtorId: number, collectorId: number) => Promise<unknown>, Policy, string, string | null];
  const minAmount: Policy = { ...policy, notices: { ...policy.notices, minAmount: 5000 } };
  test.for<Case>([
    ['a pending promise', (db, id) => seedPromise(db, id, { amount: 100, promisedOn: '2026-12-15', createdOn: '2026-12-01' }), policy, 'skipped', 'promise_pending'],
    [
      'an open dispute',
      (db, id, owner) => db.insert(barriers).values({ debtorId: id, kind: 'dispute', ownerId: owner, dueOn: '2026-12-20' }),
      policy,
      'skipped',
      'open_barrier',
    ],
    [
      'a resolved dispute does not stop it',
      (db, id, owner) => db.insert(barriers).values({ debtorId: id, kind: 'dispute', ownerId: owner, dueOn: '2026-12-20', state: 'resolved' }),
      policy,
      'queued',
      null,
    ],
    [
      'an open barrier of another kind does not stop it',
      (db, id, owner) => db.insert(barriers).values({ debtorId: id, kind: 'approval_pending', ownerId: owner, dueOn: '2026-12-20' }),
      policy,
      'queued',
      null,
    ],
    ['a hold by the collector', async (db, id, userId) => holdFirst(db, id, userId), policy, 'held', null],
    ['an email logged by hand 4 days before', (db, id, author) => emailLog(db, id, author, '2026-12-04T17:00:00Z'), policy, 'skipped', 'recent_notice'],
    ['an email logged by hand this morning', (db, id, author) => emailLog(db, id, author, '2026-12-08T15:00:00Z'), policy, 'skipped', 'recent_notice'],
    // 2026-12-04 00:30 in Mexico City is still 12-03 there: 5 days before, not less.
    ['an email logged 5 local days before', (db, id, author) => emailLog(db, id, author, '2026-12-04T05:30:00Z'), policy, 'queued', null],
    ['a phone call the day before does not stop it', (db, id, author) => phoneLog(db, id, author), policy, 'queued', null],
    ['a notice email 3 days before', (db, id) => pastEmail(db, id, '2026-12-05', 'sent'), policy, 'skipped', 'recent_notice'],
    ['a notice email in another currency 3 days before', (db, id) => pastEmail(db, id, '2026-12-05', 'sent', 'USD'), policy, 'skipped', 'recent_notice'],
    ['a notice email 5 days before', (db, id) => pastEmail(db, id, '2026-12-03', 'sent'), policy, 'queued', null],
    ['a failed notice email 3 days before', (db, id) => pastEmail(db, id, '2026-12-05', 'failed'), policy, 'queued', null],
    ['an open total under minAmount', () => Promise.resolve(), minAmount, 'skipped', 'under_min_amount'],
    ['a bounced address', (db, id) => db.update(contacts).set({ emailBouncedAt: NOW }).where(eq(contacts.debtorId, id)), policy, 'skipped', 'bounced'],
    ['a bounced address beside a working one at the same level', (db, id) => contact(db, id, { name: 'Bounced', email: 'x@uno.mx', bounced: true }), policy, 'queued', null],
  ])('%s', async ([, arrange, p, state, reason], { database }) => {
    const { db } = database;
    const user = await collector(db);
    const debtor = await debtorWithTrigger(db, user.id, 'D1');
    // A debtor nothing stops, beside: its email goes whatever the other's case.
    const other = await debtorWithTrigger(db, user.id, 'D2', 1_000_000);
    await planNotices(db, p, DATE);
    await arrange(db, debtor.id, user.id);
    await queueNotices(db, p, DATE, NOW);
    const [notice] = await noticesOf(db, debtor.id);
    expect([notice!.state, notice!.skipReason]).toEqual([state, reason]);
    const todays = (await emailsOf(db, debtor.id)).filter((e) => e.noticeOn === DATE);
    expect(todays).toHaveLength(state === 'queued' ? 1 : 0);
    expect(await emailsOf(db, other.id)).toHaveLength(1);
  });

  test('under minAmount compares only the policy currency', async ({ database }) => {
    const { db } = database;
    const user = await collector(db);
    const debtor = await seedDebtor(db, 'D1', 'Uno', { collectorId: user.id });
    await contact(db, debtor.id);
    await seedInvoice(db, debtor.id, 'F-MXN', DUE_STEP_1, 100_000); // 1,000 MXN < 5,000
    await seedInvoice(db, debtor.id, 'F-USD', DUE_STEP_1, 100_000, 'USD'); // 1,000 USD: not compared
    await run(db, { ...policy, notices: { ...policy.notices, minAmount: 5000 } });
    expect((await noticesOf(db, debtor.id)).map((n) => [n.currency, n.state, n.skipReason])).toEqual([
      ['MXN', 'skipped', 'under_min_amount'],
      ['USD', 'queued', null],
    ]);
  });

  test('an invoice paid since it was planned is not reminded', async ({ database }) => {
    const { db } = database;
    const user = await collector(db);
    const debtor = await debtorWithTrigger(db, user.id, 'D1');
    await planNotices(db, policy, DATE);
    await db.execute(`update invoices set open_amount = 0 where external_id = 'D1-F1'`);
    expect((await queueNotices(db, policy, DATE, NOW)).skipped).toBe(1);
    expect((await noticesOf(db, debtor.id)).map((n) => n.skipReason)).toEqual(['invoice_paid']);
    expect(await emailsOf(db, debtor.id)).toEqual([]);
  });

  test('no email at any level: one no_email alarm over two runs, the notices wait and go once an email appears', async ({ database }) => {
    const { db } = database;
    const user = await collector(db);
    const debtor = await seedDebtor(db, 'D1', 'Uno', { collectorId: user.id });
    const person = await contact(db, debtor.id, { level: 0, email: '' });
    await seedInvoice(db, debtor.id, 'F1', DUE_STEP_1, 100_000);

    expect((await run(db)).queued).toEqual({ emails: 0, queued: 0, skipped: 0, waiting: 1, alarms: 1 });
    expect((await run(db)).queued).toEqual({ emails: 0, queued: 0, skipped: 0, waiting: 1, alarms: 0 });
    const raised = await db.select().from(alarms).where(eq(alarms.debtorId, debtor.id));
    expect(raised.map((a) => [a.kind, a.uniqueKey, (a.details as { params: unknown }).params])).toEqual([['no_email', `no_email:${debtor.id}`, { level: 0 }]]);
    expect(await db.select().from(outbox).where(eq(outbox.ref, `alarm:${raised[0]!.id}`))).toHaveLength(1);
    expect((await noticesOf(db, debtor.id)).map((n) => [n.state, n.skipReason])).toEqual([['planned', 'no_email']]);

    // The next working day the contacts import gave an email: the waiting notice goes.
    await db.update(contacts).set({ email: 'pagos@uno.mx' }).where(eq(contacts.id, person.id));
    expect((await run(db, policy, '2026-12-09')).queued).toMatchObject({ emails: 1, queued: 1, waiting: 0 });
    expect((await noticesOf(db, debtor.id)).map((n) => [n.state, n.skipReason])).toEqual([['queued', null]]);
    expect((await emailsOf(db, debtor.id)).map((e) => e.noticeOn)).toEqual(['2026-12-09']);
  });

  test('a re-run queues nothing twice', async ({ database }) => {
    const { db } = database;
    const user = await collector(db);
    await debtorWithTrigger(db, user.id, 'D1');
    await debtorWithTrigger(db, user.id, 'D2');
    expect((await run(db)).queued.emails).toBe(2);
    expect((await run(db)).queued).toEqual({ emails: 0, queued: 0, skipped: 0, waiting: 0, alarms: 0 });
    expect(await db.select().from(emailOutbox)).toHaveLength(2);
    expect(await db.select().from(contactLogs)).toHaveLength(2);
  });

  test('two runs at once queue one email and one contact log per group', async ({ database }) => {
    const { db } = database;
    const user = await collector(db);
    for (let i = 1; i <= 10; i++) {
      const debtor = await debtorWithTrigger(db, user.id, `D${i}`);
      if (i % 2 === 0) await seedInvoice(db, debtor.id, `D${i}-USD`, DUE_STEP_7, 100, 'USD');
    }
    // Two debtors without an email: one alarm each, whichever run raises it.
    for (const code of ['N1', 'N2']) {
      const debtor = await seedDebtor(db, code, code, { collectorId: user.id });
      await seedInvoice(db, debtor.id, `${code}-F1`, DUE_STEP_1, 100);
    }
    await Promise.all([planNotices(db, policy, DATE), planNotices(db, policy, DATE)]);
    const results = await Promise.all([1, 2, 3].map(() => queueNotices(db, policy, DATE, NOW)));
    expect(results.reduce((n, r) => n + r.emails, 0)).toBe(15);
    expect(results.reduce((n, r) => n + r.alarms, 0)).toBe(2);
    expect(await db.select().from(emailOutbox)).toHaveLength(15);
    expect(await db.select().from(contactLogs)).toHaveLength(15);
    expect(await db.select().from(alarms)).toHaveLength(2);
    expect((await db.select().from(notices)).filter((n) => n.state === 'queued')).toHaveLength(15);
  });

  test('triggers planned after the day’s email went are not sent again that day', async ({ database }) => {
    const { db } = database;
    const user = await collector(db);
    const debtor = await debtorWithTrigger(db, user.id, 'D1');
    await run(db);
    await seedInvoice(db, debtor.id, 'D1-LATE', DUE_STEP_7, 100);
    expect((await run(db)).queued).toMatchObject({ emails: 0, skipped: 1 });
    expect((await noticesOf(db, debtor.id)).map((n) => [n.state, n.skipReason])).toEqual([
      ['queued', null],
      ['skipped', 'recent_notice'],
    ]);
  });
});

describe('holdNotice and plannedNoticesByCollector', () => {
  test('the morning list: one entry per debtor and currency, its first notice id to hold', async ({ database }) => {
    const { db } = database;
    const user = await collector(db);
    const other = await seedUser(db, 'U0COL2');
    const one = await debtorWithTrigger(db, user.id, 'D1');
    await seedInvoice(db, one.id, 'D1-F2', DUE_STEP_7, 50_000);
    await seedInvoice(db, one.id, 'D1-F3', '2026-10-01', 1_000); // open, no step
    await seedInvoice(db, one.id, 'D1-USD', DUE_STEP_7, 700, 'USD');
    await debtorWithTrigger(db, other.id, 'D9');
    await planNotices(db, policy, DATE);
    const first = (await noticesOf(db, one.id))[0]!;
    const byCollector = await plannedNoticesByCollector(db, DATE);
    expect([...byCollector.keys()].sort()).toEqual([user.id, other.id].sort());
    expect(byCollector.get(user.id)).toEqual([
      { noticeId: first.id, debtorId: one.id, debtorName: 'Cliente D1', currency: 'MXN', openTotal: 151_000, step: 7, steps: [1, 7] },
      { noticeId: expect.any(Number) as number, debtorId: one.id, debtorName: 'Cliente D1', currency: 'USD', openTotal: 700, step: 7, steps: [7] },
    ]);
    expect((await plannedNoticesByCollector(db, '2026-12-09')).size).toBe(0);
  });

  test('holding: the whole debtor and currency for the day, by whom may; too late once queued', async ({ database }) => {
    const { db } = database;
    const user = await collector(db);
    const stranger = await seedUser(db, 'U0COL2');
    const lead = await seedUser(db, 'U0LEAD', 'lead');
    const one = await debtorWithTrigger(db, user.id, 'D1');
    await seedInvoice(db, one.id, 'D1-F2', DUE_STEP_7, 50_000);
    await seedInvoice(db, one.id, 'D1-USD', DUE_STEP_7, 700, 'USD');
    const two = await debtorWithTrigger(db, user.id, 'D2');
    await planNotices(db, policy, DATE);
    const [first] = await noticesOf(db, one.id);
    const [ofTwo] = await noticesOf(db, two.id);

    expect(await holdNotice(db, 999_999, user.id, DATE)).toEqual({ status: 'not_found' });
    expect(await holdNotice(db, first!.id, stranger.id, DATE)).toEqual({ status: 'not_allowed' });
    expect(await holdNotice(db, first!.id, 999_999, DATE)).toEqual({ status: 'not_allowed' });
    expect(await holdNotice(db, first!.id, user.id, DATE)).toEqual({
      status: 'held',
      debtorId: one.id,
      debtorName: 'Cliente D1',
      currency: 'MXN',
      date: DATE,
      held: 2,
    });
    expect(await holdNotice(db, first!.id, lead.id, DATE)).toMatchObject({ status: 'held', held: 0 });
    await queueNotices(db, policy, DATE, NOW);
    expect((await noticesOf(db, one.id)).map((n) => [n.currency, n.state, n.heldBy])).toEqual([
      ['MXN', 'held', user.id],
      ['MXN', 'held', user.id],
      ['USD', 'queued', null],
    ]);
    expect(await holdNotice(db, ofTwo!.id, lead.id, DATE)).toMatchObject({ status: 'already_sent', debtorId: two.id });
    expect(await db.select().from(emailOutbox).where(and(eq(emailOutbox.debtorId, one.id), eq(emailOutbox.currency, 'MXN')))).toEqual([]);
  });
});

async function holdFirst(db: Db, debtorId: number, userId: number) {
  const [first] = await noticesOf(db, debtorId);
  expect((await holdNotice(db, first!.id, userId, DATE)).status).toBe('held');
}

function emailLog(db: Db, debtorId: number, authorId: number, at: string) {
  return db.insert(contactLogs).values({ debtorId, authorId, outcomeType: 'reminder', channel: 'email', reached: true, contactedAt: new Date(at) });
}

function phoneLog(db: Db, debtorId: number, authorId: number) {
  return db
    .insert(contactLogs)
    .values({ debtorId, authorId, outcomeType: 'reminder', channel: 'phone', reached: true, contactedAt: new Date('2026-12-07T17:00:00Z') });
}

function pastEmail(db: Db, debtorId: number, noticeOn: string, state: 'sent' | 'failed', currency = 'MXN') {
  return db.insert(emailOutbox).values({ debtorId, currency, noticeOn, toAddress: 'old@cliente.mx', subject: 's', text: 't', html: 'h', state });
}
