import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { alarms, auditLog, debtors, users, type Alarm, type User } from '../db/schema/index.js';
import type { IsoDate } from '../domain/calendar.js';
import { canAcknowledgeAlarm } from '../domain/permissions.js';
import type { AlarmCandidate } from './alarm-candidates.js';

const BATCH = 1000;

/** An alarm with what its message needs: the debtor's name and who acknowledged it. */
export interface AlarmRecord extends Alarm {
  debtorName: string;
  collectorId: number | null;
  acknowledgedBySlackId: string | null;
}

function alarmQuery(db: Db) {
  return db
    .select({
      alarm: alarms,
      debtorName: debtors.name,
      collectorId: debtors.collectorId,
      acknowledgedBySlackId: users.slackUserId,
    })
    .from(alarms)
    .innerJoin(debtors, eq(debtors.id, alarms.debtorId))
    .leftJoin(users, eq(users.id, alarms.acknowledgedBy));
}

type AlarmJoin = Awaited<ReturnType<ReturnType<typeof alarmQuery>['execute']>>[number];

const toRecord = (r: AlarmJoin): AlarmRecord => ({
  ...r.alarm,
  debtorName: r.debtorName,
  collectorId: r.collectorId,
  acknowledgedBySlackId: r.acknowledgedBySlackId,
});

export async function findAlarm(db: Db, alarmId: number): Promise<AlarmRecord | undefined> {
  const [row] = await alarmQuery(db).where(eq(alarms.id, alarmId));
  return row ? toRecord(row) : undefined;
}

export type AcknowledgeResult =
  | { status: 'acknowledged'; alarm: AlarmRecord }
  | { status: 'already'; alarm: AlarmRecord }
  | { status: 'forbidden' }
  | { status: 'not_found' };

/** Acknowledges an alarm once: the first acknowledgement stands, later ones change nothing. */
export async function acknowledgeAlarm(db: Db, input: { alarmId: number; actor: User; now: Date }): Promise<AcknowledgeResult> {
  const alarm = await findAlarm(db, input.alarmId);
  if (!alarm) return { status: 'not_found' };
  if (!canAcknowledgeAlarm(input.actor, { teamId: alarm.teamId, collectorId: alarm.collectorId })) return { status: 'forbidden' };
  const changed = await db.transaction(async (tx) => {
    const [row] = await tx
      .update(alarms)
      .set({ acknowledgedBy: input.actor.id, acknowledgedAt: input.now })
      .where(and(eq(alarms.id, input.alarmId), isNull(alarms.acknowledgedAt)))
      .returning({ id: alarms.id });
    if (!row) return false;
    await tx.insert(auditLog).values({
      actorId: input.actor.id,
      slackUserId: input.actor.slackUserId,
      action: 'ack_alarm',
      entity: 'alarm',
      entityId: String(input.alarmId),
    });
    return true;
  });
  const current = (await findAlarm(db, input.alarmId))!;
  return { status: changed ? 'acknowledged' : 'already', alarm: current };
}

/** A team's alarms nobody has acknowledged yet, newest first (all teams when `teamId` is null). */
export async function openAlarms(db: Db, teamId: number | null, limit = 50): Promise<AlarmRecord[]> {
  const rows = await alarmQuery(db)
    .where(teamId === null ? isNull(alarms.acknowledgedAt) : and(isNull(alarms.acknowledgedAt), eq(alarms.teamId, teamId)))
    .orderBy(desc(alarms.id))
    .limit(limit);
  return rows.map(toRecord);
}

/**
 * Stores the alarms the rules call for, each once: a unique key already raised is skipped.
 * The team is the debtor's collector's (the first team for unassigned debtors); roles to
 * mention become that team's people. Returns the alarms that are new.
 */
export async function raiseAlarms(
  db: Db,
  input: { candidates: AlarmCandidate[]; runDay: IsoDate; defaultTeamId: number | null },
): Promise<AlarmRecord[]> {
  const { candidates } = input;
  if (candidates.length === 0) return [];
  const debtorIds = [...new Set(candidates.map((c) => c.debtorId))];
  const teamsOf = new Map<number, number | null>();
  for (let i = 0; i < debtorIds.length; i += BATCH) {
    const rows = await db
      .select({ id: debtors.id, teamId: users.teamId })
      .from(debtors)
      .leftJoin(users, eq(users.id, debtors.collectorId))
      .where(inArray(debtors.id, debtorIds.slice(i, i + BATCH)));
    for (const r of rows) teamsOf.set(r.id, r.teamId ?? input.defaultTeamId);
  }
  const seniors = await db
    .select({ slackUserId: users.slackUserId, teamId: users.teamId, role: users.role })
    .from(users)
    .where(inArray(users.role, ['lead', 'manager']));

  const newIds: number[] = [];
  for (let i = 0; i < candidates.length; i += BATCH) {
    const rows = candidates.slice(i, i + BATCH).map((c) => {
      const teamId = teamsOf.get(c.debtorId) ?? null;
      const byRole = seniors.filter((s) => s.teamId === teamId && c.mentionRoles.includes(s.role)).map((s) => s.slackUserId);
      return {
        kind: c.kind,
        debtorId: c.debtorId,
        teamId,
        uniqueKey: c.uniqueKey,
        raisedOn: input.runDay,
        details: { params: c.params, mentions: [...new Set([...c.mentions, ...byRole])] },
      };
    });
    const inserted = await db.insert(alarms).values(rows).onConflictDoNothing({ target: alarms.uniqueKey }).returning({ id: alarms.id });
    newIds.push(...inserted.map((r) => r.id));
  }
  const records: AlarmRecord[] = [];
  for (let i = 0; i < newIds.length; i += BATCH) {
    const rows = await alarmQuery(db).where(inArray(alarms.id, newIds.slice(i, i + BATCH))).orderBy(asc(alarms.id));
    records.push(...rows.map(toRecord));
  }
  return records;
}
