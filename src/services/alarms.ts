import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../db/database.js';
import { jsonRows } from '../db/json-rows.js';
import { queryRows } from '../db/query-rows.js';
import { alarms, auditLog, barriers, debtors, users, type Alarm } from '../db/schema/index.js';
import type { IsoDate } from '../domain/calendar.js';
import { canAcknowledgeAlarm } from '../domain/permissions.js';
import { barrierOverdueKey, type AlarmCandidate } from './alarm-candidates.js';
import { inSlices } from './debtor-ranges.js';
import { findUserBySlackId } from './users.js';

/** An alarm with what its message needs: the debtor's name and who acknowledged it. */
export interface AlarmRecord extends Alarm {
  debtorName: string;
  collectorId: number | null;
  acknowledgedBySlackId: string | null;
  /** The barrier a `barrier_overdue` alarm is about, as it stands now; null for other kinds. */
  barrier: { id: number; resolvedAt: Date | null; resolvedBySlackId: string | null } | null;
}

// A barrier_overdue alarm names its barrier in details.params.barrierId; the guard keeps a
// value that is not an id from failing the cast, and the join stays on barriers' key.
const BARRIER_ID_PARAM = sql`${alarms.details} #>> '{params,barrierId}'`;
const ALARM_BARRIER_ID = sql`(case when ${BARRIER_ID_PARAM} ~ '^[0-9]{1,9}$' then (${BARRIER_ID_PARAM})::int end)`;

function alarmQuery(db: Db) {
  const resolver = alias(users, 'resolver');
  return db
    .select({
      alarm: alarms,
      debtorName: debtors.name,
      collectorId: debtors.collectorId,
      acknowledgedBySlackId: users.slackUserId,
      barrierId: barriers.id,
      barrierResolvedAt: barriers.resolvedAt,
      barrierResolvedBySlackId: resolver.slackUserId,
    })
    .from(alarms)
    .innerJoin(debtors, eq(debtors.id, alarms.debtorId))
    .leftJoin(users, eq(users.id, alarms.acknowledgedBy))
    .leftJoin(barriers, and(eq(alarms.kind, 'barrier_overdue'), sql`${barriers.id} = ${ALARM_BARRIER_ID}`))
    .leftJoin(resolver, eq(resolver.id, barriers.resolvedBy));
}

type AlarmJoin = Awaited<ReturnType<ReturnType<typeof alarmQuery>['execute']>>[number];

const toRecord = (r: AlarmJoin): AlarmRecord => ({
  ...r.alarm,
  debtorName: r.debtorName,
  collectorId: r.collectorId,
  acknowledgedBySlackId: r.acknowledgedBySlackId,
  barrier: r.barrierId === null ? null : { id: r.barrierId, resolvedAt: r.barrierResolvedAt, resolvedBySlackId: r.barrierResolvedBySlackId },
});

export async function findAlarm(db: Db, alarmId: number): Promise<AlarmRecord | undefined> {
  const [row] = await alarmQuery(db).where(eq(alarms.id, alarmId));
  return row ? toRecord(row) : undefined;
}

/** The alarm raised because this barrier was overdue, if any. */
export async function findBarrierAlarm(db: Db, barrier: { id: number; debtorId: number; dueOn: IsoDate }): Promise<AlarmRecord | undefined> {
  const [row] = await alarmQuery(db).where(eq(alarms.uniqueKey, barrierOverdueKey(barrier)));
  return row ? toRecord(row) : undefined;
}

export type AcknowledgeResult =
  | { status: 'acknowledged'; alarm: AlarmRecord }
  | { status: 'already'; alarm: AlarmRecord }
  | { status: 'not_registered' }
  | { status: 'forbidden' }
  | { status: 'not_found' };

/**
 * Acknowledges an alarm once: the first acknowledgement stands, later ones change nothing.
 * Returns the alarm as it stands after, for redrawing its message.
 */
export async function acknowledgeAlarm(db: Db, input: { alarmId: number; slackUserId: string; now: Date }): Promise<AcknowledgeResult> {
  const actor = await findUserBySlackId(db, input.slackUserId);
  if (!actor) return { status: 'not_registered' };
  const alarm = await findAlarm(db, input.alarmId);
  if (!alarm) return { status: 'not_found' };
  if (!canAcknowledgeAlarm(actor, { teamId: alarm.teamId, collectorId: alarm.collectorId })) return { status: 'forbidden' };
  const changed = await db.transaction(async (tx) => {
    const [row] = await tx
      .update(alarms)
      .set({ acknowledgedBy: actor.id, acknowledgedAt: input.now })
      .where(and(eq(alarms.id, input.alarmId), isNull(alarms.acknowledgedAt)))
      .returning({ id: alarms.id });
    if (!row) return false;
    await tx.insert(auditLog).values({
      actorId: actor.id,
      slackUserId: actor.slackUserId,
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
 * mention become that team's people. Written in slices (see `inSlices`). Returns the ids of
 * the alarms that are new, in order.
 */
export async function raiseAlarms(
  db: Db,
  input: { candidates: AlarmCandidate[]; runDay: IsoDate; defaultTeamId: number | null },
): Promise<number[]> {
  const inserted = await inSlices(input.candidates, (slice) => insertAlarms(db, slice, input));
  return inserted.map((r) => Number(r.id)).sort((a, b) => a - b);
}

function insertAlarms(db: Db, candidates: AlarmCandidate[], input: { runDay: IsoDate; defaultTeamId: number | null }): Promise<Array<{ id: number }>> {
  const rows = jsonRows(
    candidates.map((c) => ({
      kind: c.kind,
      debtor_id: c.debtorId,
      unique_key: c.uniqueKey,
      params: c.params,
      mentions: c.mentions,
      roles: c.mentionRoles,
    })),
    { kind: 'text', debtor_id: 'int', unique_key: 'text', params: 'jsonb', mentions: 'jsonb', roles: 'jsonb' },
  );
  return queryRows<{ id: number }>(
    db,
    sql`with seniors as (
          select team_id, role::text as role, slack_user_id, id from users where role in ('lead', 'manager')
        )
        insert into alarms (kind, debtor_id, team_id, unique_key, raised_on, details)
        select v.kind::alarm_kind, v.debtor_id, team.id, v.unique_key, ${input.runDay}::date,
               jsonb_build_object('params', v.params, 'mentions', case when v.roles = '[]'::jsonb then v.mentions else v.mentions || coalesce((
                 select jsonb_agg(s.slack_user_id order by s.id) from seniors s
                 where s.team_id = team.id and v.roles ? s.role and not v.mentions ? s.slack_user_id), '[]'::jsonb) end)
        from ${rows}
        join debtors d on d.id = v.debtor_id
        left join users c on c.id = d.collector_id
        cross join lateral (select coalesce(c.team_id, ${input.defaultTeamId}::int) as id) team
        order by v.ord
        on conflict (unique_key) do nothing
        returning id`,
  );
}
