import { sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { jsonIds, jsonRows } from '../db/json-rows.js';
import { queryRows } from '../db/query-rows.js';
import { daysBetween, type IsoDate } from '../domain/calendar.js';
import { effectiveCreditStatus, LADDER_REVOCATION_REASON } from '../domain/credit.js';
import { nextLevel, type EscalationCause } from '../domain/escalation.js';
import type { Policy } from '../domain/policy.js';
import { MAX_LEVEL, type CreditStatus } from '../domain/vocabulary.js';
import { recordCreditDecisions } from './credit-decisions.js';
import { byDebtorRanges, inSlices } from './debtor-ranges.js';
import { idsBetween } from './overdue.js';

export interface LevelChange {
  debtorId: number;
  from: number;
  to: number;
  cause: EscalationCause;
}

type Row = {
  id: number;
  level: number;
  broken: string | number;
  erp_credit: CreditStatus;
  team_credit: CreditStatus | null;
};

/**
 * Moves every debtor on the escalation ladder: up by days overdue and by broken promises
 * since the level last moved, back to 0 once nothing is overdue. Reaching the top revokes credit:
 * the team's decision, by the ladder (and a terms change), unless the team already revoked it.
 * `oldest`: each overdue debtor's oldest due date (`oldestOverdue`). Asked and written in
 * short statements (see debtor-ranges.ts). Returns the changes.
 */
export async function recomputeLevels(
  db: Db,
  policy: Policy,
  runDay: IsoDate,
  now: Date,
  oldest: ReadonlyMap<number, IsoDate>,
): Promise<LevelChange[]> {
  // Debtors on the ladder or overdue, with their broken promises since the level last moved.
  const rows = await byDebtorRanges(db, (from, to) =>
    queryRows<Row>(
      db,
      sql`
      with broken as (
        select p.debtor_id, count(*) as n
        from promises p join debtors d on d.id = p.debtor_id
        where p.state = 'broken' and p.debtor_id between ${from} and ${to} and d.id between ${from} and ${to}
          and (d.escalated_at is null or p.judged_on > (d.escalated_at at time zone ${policy.timeZone})::date)
        group by p.debtor_id
      )
      select d.id, d.escalation_level as level, coalesce(broken.n, 0) as broken,
             d.credit_status::text as erp_credit, d.team_credit_status::text as team_credit
      from debtors d left join broken on broken.debtor_id = d.id
      where d.id between ${from} and ${to} and (d.escalation_level > 0 or d.id in ${jsonIds(idsBetween(oldest, from, to))})`,
    ),
  );
  const changes: LevelChange[] = [];
  const revoked: Array<{ id: number; previous: CreditStatus }> = [];
  for (const r of rows) {
    const result = nextLevel({
      current: Number(r.level),
      oldestOverdueDays: daysSinceOldest(oldest.get(Number(r.id)), runDay),
      brokenSinceLastRise: Number(r.broken),
      thresholds: policy.escalation.daysOverdue,
      brokenPromisesPerLevel: policy.escalation.brokenPromises,
    });
    if (result.cause === null) continue;
    changes.push({ debtorId: Number(r.id), from: Number(r.level), to: result.level, cause: result.cause });
    if (result.level === MAX_LEVEL && r.team_credit !== 'revoked') {
      revoked.push({ id: Number(r.id), previous: effectiveCreditStatus(r.erp_credit, r.team_credit) });
    }
  }
  if (changes.length === 0) return changes;

  await revokeAtTop(db, revoked, now);
  await inSlices(changes, async (slice) => {
    await db.execute(sql`
      update debtors d set
        escalation_level = v.level,
        escalated_at = ${now.toISOString()}::timestamptz,
        updated_at = ${now.toISOString()}::timestamptz
      from ${jsonRows(slice.map((c) => ({ id: c.debtorId, level: c.to })), { id: 'int', level: 'int' })}
      where d.id = v.id`);
    return [];
  });
  return changes;
}

const daysSinceOldest = (oldest: IsoDate | undefined, runDay: IsoDate) => (oldest ? daysBetween(oldest, runDay) : 0);

/** The ladder's revocation: the team's decision (by nobody) and a terms change from the effective status before. */
async function revokeAtTop(db: Db, debtors: ReadonlyArray<{ id: number; previous: CreditStatus }>, now: Date): Promise<void> {
  if (debtors.length === 0) return;
  await db.execute(sql`
    insert into terms_changes (debtor_id, kind, details, previous_credit_status, new_credit_status, created_at)
    select v.id, 'credit_revoked', ${LADDER_REVOCATION_REASON}, v.previous::credit_status, 'revoked', ${now.toISOString()}::timestamptz
    from ${jsonRows(debtors, { id: 'int', previous: 'text' })}`);
  const decisions = debtors.map((d) => ({ debtorId: d.id, status: 'revoked' as const, decidedBy: null, reason: LADDER_REVOCATION_REASON }));
  await recordCreditDecisions(db, decisions, now);
}
