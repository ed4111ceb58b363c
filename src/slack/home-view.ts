import type { User } from '../db/schema/index.js';
import type { IsoDate } from '../domain/calendar.js';
import type { Locale } from '../domain/policy.js';
import type { HomeData } from '../services/home.js';
import { toAlarmView } from './alarm-view.js';
import { barrierResolutionOf } from './barrier-view.js';
import type { HomeInput } from './blocks/index.js';

/** A registered user's App Home as the home service reads it, in the shape `homeView` draws. */
export function toHomeInput(user: User, home: HomeData, ctx: { locale: Locale; today: IsoDate; timeZone: string }): HomeInput {
  return {
    ...ctx,
    userName: user.name,
    worklist: home.worklist,
    promises: home.promises,
    barriers: home.barriers,
    resolvedBarriers: home.resolvedBarriers.map((b) => ({
      id: b.id,
      debtorId: b.debtorId,
      debtorName: b.debtorName,
      kind: b.kind,
      resolution: barrierResolutionOf(b)!,
    })),
    alarms: home.alarms?.map((a) => toAlarmView(a, ctx.timeZone)) ?? null,
  };
}
