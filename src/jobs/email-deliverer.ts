import type { Logger } from 'pino';
import type { Database, Db } from '../db/database.js';
import { todayIn } from '../domain/calendar.js';
import { smtpFailure } from '../mail/smtp-errors.js';
import { addressDomain, type MailTransport, type OutgoingEmail } from '../mail/transport.js';
import {
  claimEmails,
  emailClaimHolders,
  markEmailBounced,
  markEmailRetry,
  markEmailSent,
  takeBackEmailClaims,
  type ClaimedEmail,
} from '../services/email-outbox.js';
import { backoffMs } from './backoff.js';
import { deadClaimsTaker, type ClaimedQueue } from './dead-claims.js';
import { newWorkerId } from './delivery-workers.js';

/** Emails claimed per pass and handed to the pool at once (it paces them by its rate limit). */
export const EMAILS_PER_PASS = 20;
/** How often a started deliverer looks for due emails when nobody kicks it. */
export const EMAIL_POLL_MS = 2000;

export interface EmailDelivererDeps {
  db: Db;
  /** On embedded PGlite every claim of another process is dead: only one process opens the data. */
  databaseKind: Database['kind'];
  transport: MailTransport;
  logger: Logger;
  /** The policy's time zone: the day a bounce alarm is raised on. */
  timeZone: string;
  /** The policy's first team: where the alarm of an unassigned debtor goes. */
  defaultTeamName?: string | undefined;
  now?: () => Date;
  /** Called when a bounce queued an alarm message in the Slack outbox (to kick its deliverer). */
  onAlarmQueued?: () => void;
}

export interface EmailPassReport {
  claimed: number;
  sent: number;
  retried: number;
  failed: number;
}

const emailQueue: ClaimedQueue = { name: 'email outbox', holders: emailClaimHolders, takeBack: takeBackEmailClaims };

/** The Message-ID an email is sent with, the same on every try: a second copy is recognisable as such. */
export function emailMessageId(emailId: number, from: string): string {
  return `<cobranza-email-${emailId}@${addressDomain(from)}>`;
}

/** The message of an email_outbox row, as handed to the transport. */
export function outgoingEmail(row: ClaimedEmail, from: string): OutgoingEmail {
  return {
    to: row.toAddress,
    ...(row.replyTo ? { replyTo: row.replyTo } : {}),
    subject: row.subject,
    text: row.text,
    html: row.html,
    messageId: emailMessageId(row.id, from),
    headers: { 'X-Cobranza-Email-Id': String(row.id) },
    attachments:
      row.attachment && row.attachmentName
        ? // PGlite reads bytea as Uint8Array, postgres.js as Buffer.
          [{ filename: row.attachmentName, content: Buffer.from(row.attachment) }]
        : [],
  };
}

/**
 * Delivers the email outbox over SMTP: each due email is claimed (`FOR UPDATE SKIP
 * LOCKED`, so any number of deliverers may run), sent once with a Message-ID of its own,
 * and settled: accepted → sent (with its notices); a transient failure → retried with
 * backoff capped at 5 minutes; a permanent rejection → failed with the server's reason,
 * its contact marked as bouncing and an `email_bounced` alarm raised once. The claims of
 * a process known to be gone are taken back at once, others once they are stale.
 */
export function createEmailDeliverer(deps: EmailDelivererDeps) {
  const worker = newWorkerId();
  const now = deps.now ?? (() => new Date());
  const takeBackDeadClaims = deadClaimsTaker(deps, emailQueue);
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;
  let stopped = true;
  /** Kicked during a pass: the next one starts as soon as it ends. */
  let kicked = false;

  async function deliver(row: ClaimedEmail, report: EmailPassReport): Promise<void> {
    const { db, logger, transport } = deps;
    const message = outgoingEmail(row, transport.from);
    let info;
    try {
      info = await transport.send(message);
    } catch (error) {
      const failure = smtpFailure(error);
      if (failure.kind === 'permanent') {
        const at = now();
        const outcome = await markEmailBounced(db, row.id, {
          worker,
          reason: failure.reason,
          now: at,
          runDay: todayIn(deps.timeZone, at),
          defaultTeamName: deps.defaultTeamName,
        });
        logger.warn({ emailId: row.id, reason: failure.reason, alarmId: outcome.alarmId }, 'notice email refused by the mail server');
        if (outcome.failed) report.failed++;
        if (outcome.alarmId !== null) deps.onAlarmQueued?.();
        return;
      }
      const delay = backoffMs(row.attempts);
      const log = failure.configuration ? logger.error.bind(logger) : logger.info.bind(logger);
      log({ emailId: row.id, reason: failure.reason, delay }, 'notice email retried');
      await markEmailRetry(db, row.id, { worker, error: failure.reason, nextAttemptAt: new Date(now().getTime() + delay) });
      report.retried++;
      return;
    }
    const messageId = typeof info.messageId === 'string' && info.messageId ? info.messageId : message.messageId!;
    if (await markEmailSent(db, row.id, { worker, messageId, now: now() })) report.sent++;
  }

  /** One pass: claims up to EMAILS_PER_PASS due emails and sends them all at once through the pool. */
  async function pass(report: EmailPassReport = { claimed: 0, sent: 0, retried: 0, failed: 0 }): Promise<EmailPassReport> {
    const rows = await claimEmails(deps.db, { worker, limit: EMAILS_PER_PASS, now: now() });
    report.claimed += rows.length;
    const settled = await Promise.allSettled(rows.map((row) => deliver(row, report)));
    const failure = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (failure) throw failure.reason;
    return report;
  }

  /** Takes back the claims of stopped processes, then passes until nothing is due. */
  async function drain(): Promise<EmailPassReport> {
    const report: EmailPassReport = { claimed: 0, sent: 0, retried: 0, failed: 0 };
    await takeBackDeadClaims();
    for (;;) {
      const before = report.claimed;
      await pass(report);
      if (report.claimed === before) return report;
    }
  }

  function schedule(ms: number) {
    if (stopped) return;
    timer = setTimeout(() => {
      timer = undefined;
      kicked = false;
      running = drain()
        .catch((error: unknown) => deps.logger.error({ err: error }, 'email delivery failed'))
        .finally(() => {
          running = undefined;
          schedule(kicked ? 0 : EMAIL_POLL_MS);
        });
    }, ms);
  }

  return {
    /** The id this deliverer claims emails under. */
    worker,
    pass: () => pass(),
    drain,
    /** Delivers in the background, looking every EMAIL_POLL_MS. */
    start() {
      if (!stopped) return;
      stopped = false;
      schedule(0);
    },
    /** Runs a pass now, without waiting for the next poll (one already running carries on). */
    kick() {
      if (stopped) return;
      if (running) {
        kicked = true;
        return;
      }
      clearTimeout(timer);
      schedule(0);
    },
    /** Stops polling and waits for the pass under way; the transport is the caller's to close. */
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}

export type EmailDeliverer = ReturnType<typeof createEmailDeliverer>;
