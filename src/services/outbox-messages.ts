import { asc, gt, inArray, max } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { outbox, teams, users, type OutboxRow } from '../db/schema/index.js';
import { findAlarm, type AlarmRecord } from './alarms.js';
import { alarmIdOfRef } from './outbox.js';

/**
 * An outbox message's payload: the stored one, or its alarm's message as the alarm stands
 * now (alarms are rendered when sent); null when the alarm is gone.
 */
export async function messagePayload(
  db: Db,
  row: Pick<OutboxRow, 'payload' | 'ref'>,
  renderAlarm: (alarm: AlarmRecord) => object,
): Promise<object | null> {
  if (row.payload) return row.payload;
  const alarmId = alarmIdOfRef(row.ref);
  const alarm = alarmId === null ? undefined : await findAlarm(db, alarmId);
  return alarm ? renderAlarm(alarm) : null;
}

/** The newest outbox id (0 when empty): what a run queues afterwards has larger ones. */
export async function lastOutboxId(db: Db): Promise<number> {
  const [row] = await db.select({ id: max(outbox.id) }).from(outbox);
  return Number(row?.id ?? 0);
}

/** Messages queued after `afterId`, in the order they would be sent. */
export function messagesAfter(db: Db, afterId: number) {
  return db
    .select({ id: outbox.id, channel: outbox.channel, method: outbox.method, payload: outbox.payload, ref: outbox.ref })
    .from(outbox)
    .where(gt(outbox.id, afterId))
    .orderBy(asc(outbox.id));
}

/** Who reads each channel: `Ana López` for a person's id, `team "norte"` for an alarm channel. */
export async function recipientNames(db: Db, channels: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(channels)];
  const names = new Map<string, string>();
  if (unique.length === 0) return names;
  for (const team of await db.select({ name: teams.name, channel: teams.alarmChannel }).from(teams).where(inArray(teams.alarmChannel, unique))) {
    names.set(team.channel!, `team "${team.name}"`);
  }
  for (const user of await db.select({ name: users.name, slackUserId: users.slackUserId }).from(users).where(inArray(users.slackUserId, unique))) {
    names.set(user.slackUserId, user.name);
  }
  return names;
}
