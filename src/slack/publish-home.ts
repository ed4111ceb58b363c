import type { AllMiddlewareArgs } from '@slack/bolt';
import type { User } from '../db/schema/index.js';
import { homeData } from '../services/home.js';
import { toAlarmView } from './alarm-view.js';
import { barrierResolutionOf } from './barrier-view.js';
import { homeView } from './blocks/index.js';
import { today, type SlackDeps } from './context.js';

/** Publishes a registered user's App Home as it stands now: when they open it, and after a click in it changed something. */
export async function publishHome(deps: SlackDeps, client: AllMiddlewareArgs['client'], user: User): Promise<void> {
  const { locale, timeZone } = deps.policy;
  const day = today(deps);
  const data = await homeData(deps.database.db, deps.policy, user, day);
  await client.views.publish({
    user_id: user.slackUserId,
    view: homeView({
      locale,
      today: day,
      timeZone,
      userName: user.name,
      worklist: data.worklist,
      promises: data.promises,
      barriers: data.barriers,
      resolvedBarriers: data.resolvedBarriers.map((b) => ({
        id: b.id,
        debtorId: b.debtorId,
        debtorName: b.debtorName,
        kind: b.kind,
        resolution: barrierResolutionOf(b)!,
      })),
      alarms: data.alarms?.map((a) => toAlarmView(a, timeZone)) ?? null,
    }),
  });
}
