// Resolving a barrier from a button, with what the place the button was in shows next:
// the click's listener redraws that place from this one result.

import type { Db } from '../db/database.js';
import type { User } from '../db/schema/index.js';
import type { IsoDate } from '../domain/calendar.js';
import type { Policy } from '../domain/policy.js';
import { findBarrierAlarm, type AlarmRecord } from './alarms.js';
import { resolveBarrier, type BarrierRecord } from './barriers.js';
import { debtorSummary, type DebtorSummary } from './debtor-summary.js';
import { homeData, type HomeData } from './home.js';
import { findUserBySlackId } from './users.js';

/** What is redrawn after the click: the actor's App Home, the debtor's card, the barrier's alarm, or the barrier alone (its owner's DM). */
export type BarrierRedrawScope = 'home' | 'card' | 'alarm' | 'barrier';

export type BarrierRedraw =
  | { scope: 'home'; user: User; home: HomeData }
  /** Null when the debtor is gone. */
  | { scope: 'card'; summary: DebtorSummary | null }
  /** Null when no alarm was raised for the barrier. */
  | { scope: 'alarm'; alarm: AlarmRecord | null }
  | { scope: 'barrier' };

export type BarrierClickResult =
  | { status: 'resolved' | 'already'; barrier: BarrierRecord; redraw: BarrierRedraw }
  | { status: 'not_registered' }
  | { status: 'forbidden' }
  | { status: 'not_found' };

/** Closes the barrier once (a second click changes nothing), then reads what `scope` shows now. */
export async function resolveBarrierAndRedraw(
  db: Db,
  policy: Policy,
  input: { barrierId: number; slackUserId: string; now: Date; today: IsoDate; scope: BarrierRedrawScope },
): Promise<BarrierClickResult> {
  const actor = await findUserBySlackId(db, input.slackUserId);
  if (!actor) return { status: 'not_registered' };
  const result = await resolveBarrier(db, { barrierId: input.barrierId, actor, now: input.now });
  if (result.status === 'forbidden' || result.status === 'not_found') return result;
  const redraw = await redrawOf(db, policy, input, actor, result.barrier);
  return { ...result, redraw };
}

async function redrawOf(
  db: Db,
  policy: Policy,
  input: { today: IsoDate; scope: BarrierRedrawScope },
  actor: User,
  barrier: BarrierRecord,
): Promise<BarrierRedraw> {
  switch (input.scope) {
    case 'home':
      return { scope: 'home', user: actor, home: await homeData(db, policy, actor, input.today) };
    case 'card':
      return { scope: 'card', summary: (await debtorSummary(db, policy, barrier.debtorId, input.today)) ?? null };
    case 'alarm':
      return { scope: 'alarm', alarm: (await findBarrierAlarm(db, barrier)) ?? null };
    case 'barrier':
      return { scope: 'barrier' };
  }
}
