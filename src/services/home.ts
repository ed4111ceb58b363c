import { and, asc, eq, or } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { barriers, debtors, promises, users, type User } from '../db/schema/index.js';
import type { IsoDate } from '../domain/calendar.js';
import type { Policy } from '../domain/policy.js';
import { openAlarms, type AlarmRecord } from './alarms.js';
import { recentlyResolvedBarriers, type BarrierRecord } from './barriers.js';
import { collectorWorklist, type WorkItem } from './worklist.js';
import { findUserBySlackId } from './users.js';

const LIST_LIMIT = 50;
const RESOLVED_LIMIT = 15;

export interface HomeData {
  worklist: WorkItem[];
  promises: Array<{ debtorId: number; debtorName: string; promisedOn: IsoDate; amount: number; currency: string; instalmentNo: number; instalmentCount: number }>;
  barriers: Array<{ id: number; debtorId: number; debtorName: string; kind: (typeof barriers.$inferSelect)['kind']; dueOn: IsoDate; ownerSlackId: string }>;
  /** Barriers the user owns or collects that were resolved lately, newest first. */
  resolvedBarriers: BarrierRecord[];
  /** Unacknowledged alarms of the user's team, for leads, managers and admins; null for collectors. */
  alarms: AlarmRecord[] | null;
}

/** What a user's App Home shows: their list for today, open promises and barriers (and those resolved lately), and alarms for leads. */
export async function homeData(db: Db, policy: Policy, user: User, today: IsoDate): Promise<HomeData> {
  const [worklist, openPromises, openBarriers, resolvedBarriers, alarms] = await Promise.all([
    collectorWorklist(db, policy, user.id, today),
    db
      .select({
        debtorId: debtors.id,
        debtorName: debtors.name,
        promisedOn: promises.promisedOn,
        amount: promises.amount,
        currency: promises.currency,
        instalmentNo: promises.instalmentNo,
        instalmentCount: promises.instalmentCount,
      })
      .from(promises)
      .innerJoin(debtors, eq(debtors.id, promises.debtorId))
      .where(and(eq(promises.state, 'pending'), eq(debtors.collectorId, user.id)))
      .orderBy(asc(promises.promisedOn), asc(debtors.name))
      .limit(LIST_LIMIT),
    db
      .select({ id: barriers.id, debtorId: debtors.id, debtorName: debtors.name, kind: barriers.kind, dueOn: barriers.dueOn, ownerSlackId: users.slackUserId })
      .from(barriers)
      .innerJoin(debtors, eq(debtors.id, barriers.debtorId))
      .innerJoin(users, eq(users.id, barriers.ownerId))
      .where(and(eq(barriers.state, 'open'), or(eq(barriers.ownerId, user.id), eq(debtors.collectorId, user.id))))
      .orderBy(asc(barriers.dueOn), asc(debtors.name))
      .limit(LIST_LIMIT),
    recentlyResolvedBarriers(db, { userId: user.id }, today, RESOLVED_LIMIT),
    user.role === 'collector' ? Promise.resolve(null) : openAlarms(db, user.role === 'admin' ? null : user.teamId),
  ]);
  return { worklist, promises: openPromises, barriers: openBarriers, resolvedBarriers, alarms };
}

export type HomeLookup = { status: 'not_registered' } | { status: 'home'; user: User; home: HomeData };

/** App Home of the Slack user who opened it, when they are registered. */
export async function homeOf(db: Db, policy: Policy, slackUserId: string, today: IsoDate): Promise<HomeLookup> {
  const user = await findUserBySlackId(db, slackUserId);
  if (!user) return { status: 'not_registered' };
  return { status: 'home', user, home: await homeData(db, policy, user, today) };
}
