import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { asc, eq } from 'drizzle-orm';
import pino from 'pino';
import { afterEach, beforeEach } from 'vitest';
import { UserError } from '../../src/config/errors.js';
import type { Database } from '../../src/db/database.js';
import { alarms, contacts, emailOutbox, notices, outbox, teams } from '../../src/db/schema/index.js';
import { newWorkerId } from '../../src/jobs/delivery-workers.js';
import { createEmailDeliverer, emailMessageId } from '../../src/jobs/email-deliverer.js';
import { smtpFailure } from '../../src/mail/smtp-errors.js';
import {
  createMailTransport,
  mailSettings,
  SMTP_POOL_CONNECTIONS,
  SMTP_RATE_PER_SECOND,
  verifySmtp,
  type MailTransport,
} from '../../src/mail/transport.js';
import { EMAIL_STALE_CLAIM_MS } from '../../src/services/email-outbox.js';
import { describe, expect, test } from '../support/database.js';
import { seedDebtor, seedInvoice, seedUser } from '../support/seed.js';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.js';

const silent = pino({ level: 'silent' });
const FROM = 'Cobranza ACME <cobranza@acme.mx>';
const START = new Date('2026-03-02T16:00:00Z');

let sink: SmtpSink;
const transports: MailTransport[] = [];

beforeEach(async () => {
  sink = await startSmtpSink();
});

afterEach(async () => {
  for (const transport of transports.splice(0)) transport.close();
  await sink.stop();
});

function transport(): MailTransport {
  const created = createMailTransport({ url: sink.url, from: FROM });
  transports.push(created);
  return created;
}

/** Virtual time, moved on by the test. */
function virtualClock(start: Date) {
  let at = start.getTime();
  return { now: () => new Date(at), advance: (ms: number) => (at += ms) };
}

function deliverer(database: Database, clock = virtualClock(START), extra: { onAlarmQueued?: () => void } = {}) {
  return createEmailDeliverer({
    db: database.db,
    databaseKind: database.kind,
    transport: transport(),
    logger: silent,
    timeZone: 'America/Mexico_City',
    defaultTeamName: 'default',
    now: clock.now,
    ...extra,
  });
}

/** A worker id of a process of this host that has exited: its claims are dead on any database. */
function deadWorker(): string {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return `${hostname()}:${child.stdout}:0dead`;
}

/** A fake PDF with every byte value in it, so any re-encoding would show. */
const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from(Array.from({ length: 256 }, (_, i) => i)), randomBytes(2048), Buffer.from('\n%%EOF\n')]);

/** A debtor with a collector (in a team with an alarm channel), a contact and an invoice. */
async function seedDebtorWithContact(database: Database, n: number, email: string) {
  const { db } = database;
  const collector = await seedUser(db, `U_COL${n}`);
  await db.update(teams).set({ alarmChannel: 'C_ALARMS' }).where(eq(teams.id, collector.teamId));
  const debtor = await seedDebtor(db, `D${n}`, `Deudor ${n}`, { collectorId: collector.id });
  const [contact] = await db.insert(contacts).values({ debtorId: debtor.id, name: `Contacto ${n}`, level: 1, email }).returning();
  const invoice = await seedInvoice(db, debtor.id, `F${n}`, '2026-02-20', 150_000);
  return { collector, debtor, contact: contact!, invoice };
}

/** A rendered email in the outbox with its notice, as the notices job leaves it. */
async function queueEmail(database: Database, n: number, email: string, extra: Partial<typeof emailOutbox.$inferInsert> = {}) {
  const { db } = database;
  const { collector, debtor, contact, invoice } = await seedDebtorWithContact(database, n, email);
  const [row] = await db
    .insert(emailOutbox)
    .values({
      debtorId: debtor.id,
      contactId: contact.id,
      collectorId: collector.id,
      currency: 'MXN',
      noticeOn: '2026-03-02',
      toAddress: email,
      replyTo: collector.email,
      subject: `Estado de cuenta ${n}`,
      text: `Hola ${n},\nsu saldo vencido es $1,500.00.\n`,
      html: `<p>Hola ${n},</p><p>su saldo vencido es <b>$1,500.00</b>.</p>`,
      attachmentName: `estado-de-cuenta-D${n}-2026-03-02.pdf`,
      attachment: PDF,
      nextAttemptAt: START,
      ...extra,
    })
    .returning();
  const [notice] = await db
    .insert(notices)
    .values({ debtorId: debtor.id, invoiceId: invoice.id, step: 7, currency: 'MXN', noticeOn: '2026-03-02', state: 'queued', emailId: row!.id })
    .returning();
  return { row: row!, notice: notice!, collector, debtor, contact };
}

const emailRow = async (database: Database, id: number) => (await database.db.select().from(emailOutbox).where(eq(emailOutbox.id, id)))[0]!;
const noticeState = async (database: Database, emailId: number) =>
  (await database.db.select({ state: notices.state }).from(notices).where(eq(notices.emailId, emailId))).map((r) => r.state);

describe('email deliverer', () => {
  test('delivers an email with its subject, text, html, Reply-To, Message-ID and PDF intact, once', async ({ database }) => {
    const { row, collector } = await queueEmail(database, 1, 'pagos@cliente.mx');
    const email = deliverer(database);

    expect(await email.drain()).toEqual({ claimed: 1, sent: 1, retried: 0, failed: 0 });

    expect(sink.messages).toHaveLength(1);
    const [mail] = sink.messages;
    expect(mail!.envelope.to).toEqual(['pagos@cliente.mx']);
    expect(mail!.envelope.from).toBe('cobranza@acme.mx');
    const parsed = mail!.parsed;
    expect(parsed.subject).toBe('Estado de cuenta 1');
    expect(parsed.from?.value).toEqual([{ name: 'Cobranza ACME', address: 'cobranza@acme.mx' }]);
    expect(parsed.replyTo?.value[0]?.address).toBe(collector.email);
    expect(parsed.text).toBe('Hola 1,\nsu saldo vencido es $1,500.00.\n');
    expect(parsed.html).toBe('<p>Hola 1,</p><p>su saldo vencido es <b>$1,500.00</b>.</p>');
    expect(parsed.messageId).toBe(emailMessageId(row.id, FROM));
    expect(parsed.messageId).toBe(`<cobranza-email-${row.id}@acme.mx>`);
    expect(parsed.attachments).toHaveLength(1);
    const [pdf] = parsed.attachments;
    expect(pdf!.filename).toBe('estado-de-cuenta-D1-2026-03-02.pdf');
    expect(pdf!.contentType).toBe('application/pdf');
    expect(Buffer.compare(pdf!.content, PDF)).toBe(0);

    const stored = await emailRow(database, row.id);
    expect(stored).toMatchObject({ state: 'sent', messageId: `<cobranza-email-${row.id}@acme.mx>`, lastError: null, attempts: 1 });
    expect(stored.sentAt).toEqual(START);
    expect(await noticeState(database, row.id)).toEqual(['sent']);

    // Nothing is due any more: another pass sends nothing.
    expect(await email.drain()).toEqual({ claimed: 0, sent: 0, retried: 0, failed: 0 });
    expect(sink.messages).toHaveLength(1);
  });

  test('a 550 fails only that message with the server reason, marks the contact bouncing and raises one alarm', async ({ database }) => {
    const { db } = database;
    const ok1 = await queueEmail(database, 1, 'uno@cliente.mx');
    const bad = await queueEmail(database, 2, 'nadie@cliente.mx');
    const ok3 = await queueEmail(database, 3, 'tres@cliente.mx');
    sink.reject('nadie@cliente.mx', { code: 550, message: '5.1.1 <nadie@cliente.mx>: Recipient address rejected: User unknown' });
    let kicks = 0;
    const email = deliverer(database, virtualClock(START), { onAlarmQueued: () => kicks++ });

    expect(await email.drain()).toEqual({ claimed: 3, sent: 2, retried: 0, failed: 1 });

    expect(sink.messages.map((m) => m.envelope.to[0]).sort()).toEqual(['tres@cliente.mx', 'uno@cliente.mx']);
    expect((await emailRow(database, ok1.row.id)).state).toBe('sent');
    expect((await emailRow(database, ok3.row.id)).state).toBe('sent');
    const failed = await emailRow(database, bad.row.id);
    expect(failed.state).toBe('failed');
    expect(failed.lastError).toBe('550 5.1.1 <nadie@cliente.mx>: Recipient address rejected: User unknown');
    expect(await noticeState(database, bad.row.id)).toEqual(['failed']);
    expect(await noticeState(database, ok1.row.id)).toEqual(['sent']);

    const [contact] = await db.select().from(contacts).where(eq(contacts.id, bad.contact.id));
    expect(contact!.emailBouncedAt).toEqual(START);
    expect(contact!.emailBounceReason).toBe(failed.lastError);
    const [other] = await db.select().from(contacts).where(eq(contacts.id, ok1.contact.id));
    expect(other!.emailBouncedAt).toBeNull();

    const raised = await db.select().from(alarms);
    expect(raised).toHaveLength(1);
    expect(raised[0]).toMatchObject({
      kind: 'email_bounced',
      debtorId: bad.debtor.id,
      teamId: bad.collector.teamId,
      uniqueKey: `email_bounced:${bad.debtor.id}:nadie@cliente.mx`,
      raisedOn: '2026-03-02',
    });
    expect(raised[0]!.details).toEqual({
      params: { email: 'nadie@cliente.mx', reason: failed.lastError },
      mentions: [bad.collector.slackUserId],
    });
    const slack = await db.select().from(outbox);
    expect(slack.map((m) => ({ channel: m.channel, ref: m.ref, state: m.state }))).toEqual([
      { channel: 'C_ALARMS', ref: `alarm:${raised[0]!.id}`, state: 'pending' },
    ]);
    expect(kicks).toBe(1);

    // The same address refused again (a second email for the debtor): no second alarm.
    await db.insert(emailOutbox).values({
      debtorId: bad.debtor.id,
      contactId: bad.contact.id,
      currency: 'MXN',
      noticeOn: '2026-03-09',
      toAddress: 'nadie@cliente.mx',
      subject: 's',
      text: 't',
      html: '<p>t</p>',
      nextAttemptAt: START,
    });
    expect(await email.drain()).toMatchObject({ failed: 1 });
    expect(await db.select().from(alarms)).toHaveLength(1);
    expect(await db.select().from(outbox)).toHaveLength(1);
    expect(kicks).toBe(1);
  });

  test('a 421 is retried with backoff and then sent, once', async ({ database }) => {
    const { row } = await queueEmail(database, 1, 'luego@cliente.mx');
    sink.reject('luego@cliente.mx', { code: 421, message: '4.7.0 Try again later, closing connection', times: 1 });
    const clock = virtualClock(START);
    const email = deliverer(database, clock);

    expect(await email.drain()).toEqual({ claimed: 1, sent: 0, retried: 1, failed: 0 });
    let stored = await emailRow(database, row.id);
    expect(stored).toMatchObject({ state: 'pending', attempts: 1, claimedBy: null, lastError: '421 4.7.0 Try again later, closing connection' });
    expect(stored.nextAttemptAt).toEqual(new Date(START.getTime() + 1000));
    expect(await noticeState(database, row.id)).toEqual(['queued']);

    // Not due yet on the virtual clock.
    expect(await email.drain()).toEqual({ claimed: 0, sent: 0, retried: 0, failed: 0 });
    clock.advance(1000);
    expect(await email.drain()).toEqual({ claimed: 1, sent: 1, retried: 0, failed: 0 });

    stored = await emailRow(database, row.id);
    expect(stored).toMatchObject({ state: 'sent', attempts: 2, lastError: null });
    expect(sink.messages).toHaveLength(1);
    expect(sink.recipients).toEqual(['luego@cliente.mx', 'luego@cliente.mx']);
    expect(await noticeState(database, row.id)).toEqual(['sent']);
    expect(await database.db.select().from(alarms)).toHaveLength(0);
  });

  test('transient failures back off exponentially up to 5 minutes and never fail', async ({ database }) => {
    const { row } = await queueEmail(database, 1, 'lleno@cliente.mx');
    sink.reject('lleno@cliente.mx', { code: 452, message: '4.2.2 Mailbox full' });
    const clock = virtualClock(START);
    const email = deliverer(database, clock);
    const waits: number[] = [];
    for (let i = 0; i < 11; i++) {
      expect(await email.drain()).toMatchObject({ retried: 1 });
      const stored = await emailRow(database, row.id);
      expect(stored.state).toBe('pending');
      const wait = stored.nextAttemptAt.getTime() - clock.now().getTime();
      waits.push(wait);
      clock.advance(wait);
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300].map((s) => s * 1000));
  });

  test('a refused connection is transient', async ({ database }) => {
    const { row } = await queueEmail(database, 1, 'pagos@cliente.mx');
    const port = sink.port;
    await sink.stop();
    const down = createMailTransport({ url: `smtp://127.0.0.1:${port}`, from: FROM });
    transports.push(down);
    const email = createEmailDeliverer({ db: database.db, databaseKind: database.kind, transport: down, logger: silent, timeZone: 'UTC', now: () => START });
    expect(await email.drain()).toEqual({ claimed: 1, sent: 0, retried: 1, failed: 0 });
    const stored = await emailRow(database, row.id);
    expect(stored.state).toBe('pending');
    expect(stored.lastError).toMatch(/ECONNREFUSED|connect/i);
  });

  test('two deliverers running passes at once send each message once', async ({ database }) => {
    const addresses = Array.from({ length: 12 }, (_, i) => `cliente${i}@cliente.mx`);
    for (const [i, address] of addresses.entries()) await queueEmail(database, i + 1, address);
    const a = deliverer(database);
    const b = deliverer(database);

    const reports = await Promise.all([a.drain(), b.drain(), a.pass(), b.pass()]);

    expect(reports.reduce((n, r) => n + r.sent, 0)).toBe(12);
    expect(sink.messages.map((m) => m.envelope.to[0]).sort()).toEqual([...addresses].sort());
    const rows = await database.db.select().from(emailOutbox).orderBy(asc(emailOutbox.id));
    expect(rows.every((r) => r.state === 'sent' && r.attempts === 1)).toBe(true);
    expect(new Set(sink.messages.map((m) => m.parsed.messageId)).size).toBe(12);
  });

  test('the claims of a dead process are taken back at once; a live claim waits until stale', async ({ database }) => {
    const dead = await queueEmail(database, 1, 'muerto@cliente.mx', { state: 'sending', claimedBy: deadWorker(), claimedAt: START, attempts: 1 });
    const live = await queueEmail(database, 2, 'vivo@cliente.mx', { state: 'sending', claimedBy: newWorkerId(), claimedAt: START, attempts: 1 });
    const clock = virtualClock(START);
    const email = deliverer(database, clock);
    expect(await email.drain()).toMatchObject({ claimed: 1, sent: 1 });
    expect(await emailRow(database, dead.row.id)).toMatchObject({ state: 'sent', attempts: 2 });
    // Sent again, it carries the same Message-ID: a copy is recognisable.
    expect(sink.messages[0]!.parsed.messageId).toBe(`<cobranza-email-${dead.row.id}@acme.mx>`);
    expect((await emailRow(database, live.row.id)).state).toBe('sending');

    clock.advance(EMAIL_STALE_CLAIM_MS);
    expect(await email.drain()).toMatchObject({ claimed: 0 });
    clock.advance(1);
    expect(await email.drain()).toMatchObject({ claimed: 1, sent: 1 });
    expect(await emailRow(database, live.row.id)).toMatchObject({ state: 'sent', attempts: 2 });
    expect(sink.messages).toHaveLength(2);
  });

  test('start() delivers in the background, kick() runs a pass now and stop() waits for it', async ({ database }) => {
    await queueEmail(database, 1, 'fondo@cliente.mx');
    const email = createEmailDeliverer({ db: database.db, databaseKind: database.kind, transport: transport(), logger: silent, timeZone: 'UTC' });
    email.start();
    try {
      await sink.received(1);
      await queueEmail(database, 2, 'otro@cliente.mx');
      email.kick();
      await sink.received(2);
    } finally {
      await email.stop();
    }
    expect(sink.messages).toHaveLength(2);
  });
});

describe('mail transport', () => {
  test('is pooled and rate limited, sending as MAIL_FROM', () => {
    const created = createMailTransport({ url: 'smtps://user:secret@smtp.acme.mx:465', from: FROM });
    transports.push(created);
    expect(created.from).toBe(FROM);
    expect(created.options).toMatchObject({ pool: true, maxConnections: SMTP_POOL_CONNECTIONS, rateLimit: SMTP_RATE_PER_SECOND, rateDelta: 1000 });
    expect(SMTP_POOL_CONNECTIONS).toBeGreaterThan(1);
    expect(SMTP_RATE_PER_SECOND).toBeGreaterThan(0);
  });

  test('SMTP_URL without MAIL_FROM is a problem naming MAIL_FROM; no SMTP_URL means no email', () => {
    expect(mailSettings({ SMTP_URL: undefined, MAIL_FROM: undefined })).toBeUndefined();
    expect(() => mailSettings({ SMTP_URL: 'smtp://127.0.0.1:25', MAIL_FROM: undefined })).toThrow(UserError);
    expect(() => mailSettings({ SMTP_URL: 'smtp://127.0.0.1:25', MAIL_FROM: undefined })).toThrow(/^MAIL_FROM: /);
    expect(mailSettings({ SMTP_URL: 'smtp://127.0.0.1:25', MAIL_FROM: FROM })).toEqual({ url: 'smtp://127.0.0.1:25', from: FROM });
  });

  test('verifySmtp: not configured, ok, or the failure in one line', async () => {
    expect(await verifySmtp({ SMTP_URL: undefined, MAIL_FROM: undefined })).toEqual({ state: 'not_configured' });
    expect(await verifySmtp({ SMTP_URL: sink.url, MAIL_FROM: FROM })).toEqual({ state: 'ok', server: `smtp://127.0.0.1:${sink.port}` });
    expect(await verifySmtp({ SMTP_URL: sink.url, MAIL_FROM: undefined })).toMatchObject({ state: 'failed', error: expect.stringMatching(/^MAIL_FROM: /) as string });
    const port = sink.port;
    await sink.stop();
    const down = await verifySmtp({ SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: FROM });
    expect(down.state).toBe('failed');
    expect(down.state === 'failed' && down.error).not.toContain('\n');
  });

  test('only 5xx replies about the message or its recipient are permanent', () => {
    const err = (props: object) => Object.assign(new Error('x'), props);
    expect(smtpFailure(err({ code: 'EENVELOPE', command: 'RCPT TO', responseCode: 550, response: '550 no such user' }))).toEqual({ kind: 'permanent', reason: '550 no such user' });
    expect(smtpFailure(err({ code: 'EMESSAGE', command: 'DATA', responseCode: 554, response: '554 rejected' }))).toMatchObject({ kind: 'permanent' });
    expect(smtpFailure(err({ code: 'EENVELOPE', command: 'RCPT TO', responseCode: 450, response: '450 later' }))).toMatchObject({ kind: 'transient', configuration: false });
    expect(smtpFailure(err({ code: 'EAUTH', command: 'AUTH PLAIN', responseCode: 535, response: '535 bad login' }))).toMatchObject({ kind: 'transient', configuration: true });
    expect(smtpFailure(err({ code: 'EENVELOPE', command: 'MAIL FROM', responseCode: 553, response: '553 sender not allowed' }))).toMatchObject({ kind: 'transient', configuration: true });
    expect(smtpFailure(err({ code: 'ECONNECTION' }))).toMatchObject({ kind: 'transient', reason: 'x' });
  });
});
