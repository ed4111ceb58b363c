import type { IsoDate } from '../domain/calendar.js';
import { emailsAfter, lastEmailId, type QueuedEmail } from '../services/notices/index.js';
import { lastOutboxId, messagePayload, messagesAfter, recipientNames } from '../services/outbox-messages.js';
import { UPLOAD_FILE, type UploadPayload } from '../services/outbox.js';
import { syncTeams } from '../services/teams.js';
import type { JobDeps, Payload } from './job-deps.js';
import { runJob } from './run-job.js';
import type { JobName } from './run-once.js';

export interface DryRunMessage {
  channel: string;
  /** Who reads the channel (a person's name, `team "norte"`), when the database knows. */
  recipient: string | null;
  /** As it would be sent; null for an alarm message with nothing to send (and for a file). */
  payload: Payload | null;
  /** A file it would upload to the channel instead of a message (the weekly report's charts). */
  file?: { filename: string; title: string; bytes: number };
}

/** An upload as the dry run shows it: its name, title and size, not its bytes. */
function fileOf(payload: object | null): DryRunMessage['file'] {
  const upload = payload as Partial<UploadPayload> | null;
  return { filename: upload?.filename ?? '', title: upload?.title ?? '', bytes: Buffer.byteLength(upload?.content_base64 ?? '', 'base64') };
}

export interface DryRun {
  outcome: Awaited<ReturnType<typeof runJob>>;
  messages: DryRunMessage[];
  /** Notice emails it would queue for the SMTP deliverer (the notices job). */
  emails: QueuedEmail[];
}

/** Thrown to roll the dry run's transaction back once its messages are read. */
class RollBack extends Error {}

/**
 * Runs a job exactly as `run-job` would (the policy's teams synced first), reads the
 * messages it queued, rendered as the deliverer would send them, and the notice emails it
 * queued, and rolls everything back:
 * nothing is stored, nothing is sent.
 */
export async function dryRunJob(deps: JobDeps & { now: Date }, job: JobName, date: IsoDate): Promise<DryRun> {
  let result: DryRun | undefined;
  try {
    await deps.db.transaction(async (tx) => {
      await syncTeams(tx, deps.policy);
      const before = await lastOutboxId(tx);
      const emailsBefore = await lastEmailId(tx);
      const outcome = await runJob({ ...deps, db: tx }, job, date);
      const rows = await messagesAfter(tx, before);
      const names = await recipientNames(tx, rows.map((r) => r.channel));
      const messages: DryRunMessage[] = [];
      for (const row of rows) {
        const recipient = names.get(row.channel) ?? null;
        const payload = await messagePayload(tx, row, deps.render.alarm);
        messages.push(row.method === UPLOAD_FILE ? { channel: row.channel, recipient, payload: null, file: fileOf(payload) } : { channel: row.channel, recipient, payload });
      }
      result = { outcome, messages, emails: await emailsAfter(tx, emailsBefore) };
      throw new RollBack();
    });
  } catch (error) {
    if (!(error instanceof RollBack)) throw error;
  }
  return result!;
}
