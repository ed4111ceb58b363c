import { sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { jsonRows } from '../db/json-rows.js';
import { queryRows } from '../db/query-rows.js';
import { daysBetween, type IsoDate } from '../domain/calendar.js';
import { nextLevel, type EscalationCause } from '../domain/escalation.js';
import type { Policy } from '../domain/policy.js';
import { MAX_LEVEL } from '../domain/vocabulary.js';

export interface LevelChange {
  debtorId: number;
  from: number;
  to: number;
  cause: EscalationCause;
}

type Row = { id: number; level: number; oldest: string | null; broken: string | number };

/**
 * Moves every debtor on the escalation ladder: up by days overdue and by broken promises
 * since the level last moved, back to 0 once nothing is overdue. Reaching the top revokes credit
 * (recorded as a terms change). Returns the changes.
 */
export async function recomputeLevels(db: Db, policy: Policy, runDay: IsoDate, now: Date): Promise<LevelChange[]> {
  const rows = await queryRows<Row>(
    db,
    sql`
    with oldest as (
      select debtor_id, min(due_date) as oldest from invoices
      where open_amount > 0 and due_date < ${runDay}::date group by debtor_id
    ), broken as (
      select p.debtor_id, count(*) as n
      from promises p join debtors d on d.id = p.debtor_id
      where p.state = 'broken' and (d.escalated_at is null or p.judged_on > (d.escalated_at at time zone ${policy.timeZone})::date)
      group by p.debtor_id
    )
    select d.id, d.escalation_level as level, oldest.oldest::text as oldest, coalesce(broken.n, 0) as broken
    from debtors d left join oldest on oldest.debtor_id = d.id left join broken on broken.debtor_id = d.id
    where d.escalation_level > 0 or oldest.oldest is not null`,
  );
  const changes: LevelChange[] = [];
  for (const r of rows) {
    const result = nextLevel({
      current: Number(r.level),
      oldestOverdueDays: r.oldest ? daysBetween(r.oldest, runDay) : 0,
      brokenSinceLastRise: Number(r.broken),
      thresholds: policy.escalation.daysOverdue,
      brokenPromisesPerLevel: policy.escalation.brokenPromises,
    });
    if (result.cause !== null) changes.push({ debtorId: Number(r.id), from: Number(r.level), to: result.level, cause: result.cause });
  }
  if (changes.length === 0) return changes;

  const levels = () => jsonRows(changes.map((c) => ({ id: c.debtorId, level: c.to })), { id: 'int', level: 'int' });
  await db.execute(sql`
    insert into terms_changes (debtor_id, kind, details, previous_credit_status, new_credit_status)
    select d.id, 'credit_revoked', ${`escalation level ${MAX_LEVEL}`}, d.credit_status, 'revoked'
    from debtors d join ${levels()} on v.id = d.id
    where v.level = ${MAX_LEVEL} and d.credit_status <> 'revoked'`);
  await db.execute(sql`
    update debtors d set
      escalation_level = v.level,
      escalated_at = ${now.toISOString()}::timestamptz,
      credit_status = case when v.level = ${MAX_LEVEL} then 'revoked'::credit_status else d.credit_status end,
      updated_at = ${now.toISOString()}::timestamptz
    from ${levels()}
    where d.id = v.id`);
  return changes;
}
