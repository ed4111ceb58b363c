import { eq } from 'drizzle-orm';
import { teams } from '../db/schema/index.js';
import { calendarOf, isWorkingDay, type IsoDate } from '../domain/calendar.js';
import { formatMoney } from '../domain/money.js';
import { barrierOverdueAlarms, closeMetPressures, neglectAlarms, pressureDeadlineAlarms, type AlarmCandidate } from '../services/alarm-candidates.js';
import { raiseAlarms } from '../services/alarms.js';
import { resolveBarriersOfSettledDebtors } from '../services/barriers.js';
import { recomputeLevels, type LevelChange } from '../services/escalation-levels.js';
import { enqueueAlarmMessages } from '../services/outbox.js';
import { judgeDuePromises, type JudgedPromise } from '../services/promise-judging.js';
import { oldestOverdue } from '../services/overdue.js';
import { recordReceivableHistory } from '../services/report/history.js';
import type { JobDeps, JobOutcome } from './job-deps.js';
import { runOnce } from './run-once.js';

export interface AlarmsSummary {
  judged: number;
  kept: number;
  partial: number;
  broken: number;
  levelChanges: number;
  barriersResolved: number;
  alarms: number;
  posted: number;
}

/** Promises judged partial or broken, each alarmed once. */
function promiseAlarms(judged: JudgedPromise[], money: (minor: number, currency: string) => string): AlarmCandidate[] {
  return judged
    .filter((p) => p.state !== 'kept')
    .map((p) => ({
      kind: p.state === 'broken' ? 'promise_broken' : 'promise_partial',
      debtorId: p.debtorId,
      uniqueKey: `promise_${p.state}:${p.debtorId}:${p.id}:${p.promisedOn}`,
      params: {
        amount: money(p.amount, p.currency),
        paid: money(p.paid, p.currency),
        missing: money(p.missing, p.currency),
        date: p.promisedOn,
        instalment: p.instalmentCount > 1 ? `${p.instalmentNo}/${p.instalmentCount}` : null,
      },
      mentions: [],
      mentionRoles: [],
    }));
}

/** Debtors who moved up the ladder today. */
function escalationAlarms(changes: LevelChange[], date: IsoDate): AlarmCandidate[] {
  return changes
    .filter((c) => c.to > c.from)
    .map((c) => ({
      kind: 'escalation',
      debtorId: c.debtorId,
      uniqueKey: `escalation:${c.debtorId}:${c.to}:${date}`,
      params: { from: c.from, to: c.to, cause: c.cause },
      mentions: [],
      // DESIGN's ladder: the lead hears at level 2, the manager at 3 and 4.
      mentionRoles: c.to >= 3 ? ['manager'] : c.to === 2 ? ['lead'] : [],
    }));
}

/**
 * Every working morning: judge the promises whose day has come, move debtors on the
 * escalation ladder, and raise each alarm once in its team's channel. Everything it
 * decides and every message it sends commit together with the job's run row.
 */
export async function alarmsJob(deps: JobDeps & { now: Date }, date: IsoDate): Promise<JobOutcome<AlarmsSummary>> {
  const { policy } = deps;
  if (!isWorkingDay(calendarOf(policy), date)) return { status: 'not_working_day' };
  const money = (minor: number, currency: string) => formatMoney(minor, currency, policy.locale);
  const result = await runOnce(
    deps.db,
    'alarms',
    date,
    async (tx) => {
      const candidates: AlarmCandidate[] = [];
      const judged = await judgeDuePromises(tx, policy, date);
      candidates.push(...promiseAlarms(judged, money));

      // Each overdue debtor's oldest due date; nothing the job writes changes it.
      const oldest = await oldestOverdue(tx, date);
      const changes = await recomputeLevels(tx, policy, date, deps.now, oldest);
      candidates.push(...escalationAlarms(changes, date));

      // Debtors who paid everything overdue: announced consequences are met, barriers gone
      // (before the barrier alarms, so a resolved barrier raises none).
      await closeMetPressures(tx, date, deps.now);
      const barriersResolved = await resolveBarriersOfSettledDebtors(tx, date, deps.now);
      candidates.push(...(await pressureDeadlineAlarms(tx, date)));
      candidates.push(...(await barrierOverdueAlarms(tx, date)));
      candidates.push(...(await neglectAlarms(tx, policy, date, oldest)));

      const [defaultTeam] = await tx.select({ id: teams.id }).from(teams).where(eq(teams.name, policy.teams[0]!.name));
      const raised = await raiseAlarms(tx, { candidates, runDay: date, defaultTeamId: defaultTeam?.id ?? null });
      const posted = await enqueueAlarmMessages(tx, raised);
      // The day's open and overdue amounts, kept for the weekly report's trends.
      await recordReceivableHistory(tx, date);
      return {
        judged: judged.length,
        kept: judged.filter((p) => p.state === 'kept').length,
        partial: judged.filter((p) => p.state === 'partial').length,
        broken: judged.filter((p) => p.state === 'broken').length,
        levelChanges: changes.length,
        barriersResolved,
        alarms: raised.length,
        posted,
      };
    },
    (s) => `${s.judged} promises judged (${s.kept} kept, ${s.partial} partial, ${s.broken} broken), ${s.levelChanges} level changes, ${s.barriersResolved} barriers resolved, ${s.alarms} alarms`,
  );
  return result.ran ? { status: 'ran', summary: result.summary } : { status: 'already_ran' };
}
