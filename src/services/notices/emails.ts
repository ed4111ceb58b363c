import { asc, gt, sql } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import { emailOutbox } from '../../db/schema/index.js';

/** The newest email's id (0 when none): a dry run reads the emails queued after it. */
export async function lastEmailId(db: Db): Promise<number> {
  const [row] = await db.select({ id: sql<number | string | null>`max(${emailOutbox.id})` }).from(emailOutbox);
  return Number(row?.id ?? 0);
}

/** An email as the dry run prints it. */
export interface QueuedEmail {
  id: number;
  to: string;
  replyTo: string | null;
  subject: string;
  text: string;
  attachmentName: string | null;
}

/** The emails queued after `id`, in order. */
export async function emailsAfter(db: Db, id: number): Promise<QueuedEmail[]> {
  const rows = await db
    .select({
      id: emailOutbox.id,
      to: emailOutbox.toAddress,
      replyTo: emailOutbox.replyTo,
      subject: emailOutbox.subject,
      text: emailOutbox.text,
      attachmentName: emailOutbox.attachmentName,
    })
    .from(emailOutbox)
    .where(gt(emailOutbox.id, id))
    .orderBy(asc(emailOutbox.id));
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}
