import { and, asc, eq, inArray, isNotNull, lt, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { contacts, emailOutbox, notices, teams, users, type EmailOutboxRow } from '../db/schema/index.js';
import type { IsoDate } from '../domain/calendar.js';
import { raiseAlarms } from './alarms.js';
import { enqueueAlarmMessages } from './outbox.js';

// The email outbox's queue: rows are claimed (`sending`, under a worker id, as the Slack
// outbox does), then settled as sent, retried later or failed for good. Every settling
// statement checks the claim is still the worker's, so a claim taken over changes nothing.

/**
 * An email claim older than this belongs to a process that died mid-send: take it over.
 * Longer than the Slack outbox's: a pass hands all its emails to the pool at once, and the
 * last may wait behind slow servers' timeouts; a second live sender must not start on it.
 * Claims of a process known to be gone are taken back at once (`takeBackEmailClaims`).
 */
export const EMAIL_STALE_CLAIM_MS = 10 * 60_000;

/** An email claimed for delivery: the row as stored, `attempts` counting this one. */
export type ClaimedEmail = EmailOutboxRow;

/**
 * Claims up to `limit` due emails, oldest first: pending ones whose time has come, and
 * ones still `sending` under a claim older than EMAIL_STALE_CLAIM_MS (their process died).
 * `FOR UPDATE SKIP LOCKED` keeps two deliverers from claiming the same email.
 */
export async function claimEmails(db: Db, opts: { worker: string; limit: number; now: Date }): Promise<ClaimedEmail[]> {
  const stale = new Date(opts.now.getTime() - EMAIL_STALE_CLAIM_MS);
  const due = db
    .select({ id: emailOutbox.id })
    .from(emailOutbox)
    .where(
      or(
        and(eq(emailOutbox.state, 'pending'), lte(emailOutbox.nextAttemptAt, opts.now)),
        and(eq(emailOutbox.state, 'sending'), lt(emailOutbox.claimedAt, stale)),
      ),
    )
    .orderBy(asc(emailOutbox.id))
    .limit(opts.limit)
    .for('update', { skipLocked: true });
  const rows = await db
    .update(emailOutbox)
    .set({ state: 'sending', claimedBy: opts.worker, claimedAt: opts.now, attempts: sql`${emailOutbox.attempts} + 1` })
    .where(inArray(emailOutbox.id, due))
    .returning();
  return rows.sort((a, b) => a.id - b.id);
}

/** Workers holding email claims now, for the deliverer to tell which of them are gone. */
export async function emailClaimHolders(db: Db): Promise<string[]> {
  const rows = await db
    .selectDistinct({ worker: emailOutbox.claimedBy })
    .from(emailOutbox)
    .where(and(eq(emailOutbox.state, 'sending'), isNotNull(emailOutbox.claimedBy)));
  return rows.map((r) => r.worker!);
}

/**
 * Gives back at once the email claims of workers known to be gone. Such an email may have
 * reached the server: sent again, it carries the same Message-ID, so the copy is recognisable.
 */
export async function takeBackEmailClaims(db: Db, workers: readonly string[]): Promise<number> {
  if (workers.length === 0) return 0;
  const rows = await db
    .update(emailOutbox)
    .set({ state: 'pending', claimedBy: null, claimedAt: null })
    .where(and(eq(emailOutbox.state, 'sending'), inArray(emailOutbox.claimedBy, [...workers])))
    .returning({ id: emailOutbox.id });
  return rows.length;
}

const claimedBy = (id: number, worker: string) => and(eq(emailOutbox.id, id), eq(emailOutbox.claimedBy, worker), eq(emailOutbox.state, 'sending'));

/** Records an email the server accepted, and its notices as sent, together. */
export async function markEmailSent(db: Db, id: number, opts: { worker: string; messageId: string; now: Date }): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(emailOutbox)
      .set({ state: 'sent', messageId: opts.messageId, sentAt: opts.now, lastError: null })
      .where(claimedBy(id, opts.worker))
      .returning({ id: emailOutbox.id });
    if (!row) return false;
    await tx.update(notices).set({ state: 'sent' }).where(eq(notices.emailId, id));
    return true;
  });
}

/** Puts an email back in the queue after a transient failure, due at `nextAttemptAt`. */
export async function markEmailRetry(db: Db, id: number, opts: { worker: string; error: string; nextAttemptAt: Date }): Promise<void> {
  await db
    .update(emailOutbox)
    .set({ state: 'pending', nextAttemptAt: opts.nextAttemptAt, lastError: opts.error, claimedBy: null, claimedAt: null })
    .where(claimedBy(id, opts.worker));
}

/** The bare address of `Name <a@b.mx>` or `a@b.mx`, lower case. */
export function bareAddress(address: string): string {
  const angled = /<([^<>]+)>\s*$/.exec(address);
  return (angled?.[1] ?? address).trim().toLowerCase();
}

/** The alarm's unique key: one `email_bounced` alarm per debtor and address. */
export const emailBouncedKey = (debtorId: number, address: string) => `email_bounced:${debtorId}:${bareAddress(address)}`;

export interface BounceOutcome {
  /** False when the claim was no longer this worker's: nothing changed. */
  failed: boolean;
  /** Whether the contact was marked as bouncing (its address is still the one refused). */
  contactMarked: boolean;
  /** The id of the `email_bounced` alarm when it is new (its Slack message is queued). */
  alarmId: number | null;
}

/**
 * A permanent rejection, in one transaction: the email and its notices fail with the
 * server's reason, the contact (by the email's contact_id, while its address is still the
 * one refused) is marked as bouncing, and an `email_bounced` alarm is raised once for the
 * debtor and address in the team of the debtor's collector (else the email's collector,
 * else the first team), its Slack message queued in the outbox.
 */
export async function markEmailBounced(
  db: Db,
  id: number,
  opts: { worker: string; reason: string; now: Date; runDay: IsoDate; defaultTeamName?: string | undefined },
): Promise<BounceOutcome> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(emailOutbox)
      .set({ state: 'failed', lastError: opts.reason, claimedBy: null, claimedAt: null })
      .where(claimedBy(id, opts.worker))
      .returning({ debtorId: emailOutbox.debtorId, contactId: emailOutbox.contactId, collectorId: emailOutbox.collectorId, toAddress: emailOutbox.toAddress });
    if (!row) return { failed: false, contactMarked: false, alarmId: null };
    await tx.update(notices).set({ state: 'failed' }).where(eq(notices.emailId, id));
    const address = bareAddress(row.toAddress);
    const marked =
      row.contactId === null
        ? []
        : await tx
            .update(contacts)
            .set({ emailBouncedAt: sql`coalesce(${contacts.emailBouncedAt}, ${opts.now.toISOString()}::timestamptz)`, emailBounceReason: opts.reason })
            .where(and(eq(contacts.id, row.contactId), sql`lower(trim(${contacts.email})) = ${address}`))
            .returning({ id: contacts.id });
    const mentions = await tx
      .select({ slackUserId: users.slackUserId })
      .from(users)
      .where(sql`${users.id} = (select collector_id from debtors where id = ${row.debtorId})`);
    const defaultTeamId = await defaultTeam(tx, row.collectorId, opts.defaultTeamName);
    const [alarmId] = await raiseAlarms(tx, {
      candidates: [
        {
          kind: 'email_bounced',
          debtorId: row.debtorId,
          uniqueKey: emailBouncedKey(row.debtorId, address),
          params: { email: address, reason: opts.reason },
          mentions: mentions.map((m) => m.slackUserId),
          mentionRoles: [],
        },
      ],
      runDay: opts.runDay,
      defaultTeamId,
    });
    if (alarmId !== undefined) await enqueueAlarmMessages(tx, [alarmId]);
    return { failed: true, contactMarked: marked.length > 0, alarmId: alarmId ?? null };
  });
}

/** The team of an unassigned debtor's alarm: the email's collector's, else the policy's first, else the oldest. */
async function defaultTeam(tx: Db, collectorId: number | null, teamName: string | undefined): Promise<number | null> {
  if (collectorId !== null) {
    const [collector] = await tx.select({ teamId: users.teamId }).from(users).where(eq(users.id, collectorId));
    if (collector?.teamId) return collector.teamId;
  }
  const [team] = await tx
    .select({ id: teams.id })
    .from(teams)
    .orderBy(sql`${teams.name} = ${teamName ?? ''} desc`, asc(teams.id))
    .limit(1);
  return team?.id ?? null;
}

/** For an idle deliverer: when the next pending email falls due. */
export async function nextEmailDue(db: Db): Promise<Date | null> {
  const [row] = await db
    .select({ at: sql<Date | string | null>`min(${emailOutbox.nextAttemptAt})` })
    .from(emailOutbox)
    .where(eq(emailOutbox.state, 'pending'));
  return row?.at ? new Date(row.at) : null;
}
