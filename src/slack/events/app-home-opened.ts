import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { homeData } from '../../services/home.js';
import { findUserBySlackId } from '../../services/users.js';
import { toAlarmView } from '../alarm-view.js';
import { homeView } from '../blocks/index.js';
import { notRegisteredHome } from '../blocks/notice-views.js';
import { today, type SlackDeps } from '../context.js';

/** App Home: today's list, open promises and barriers; a lead also sees the team's alarms. */
export function appHomeOpened(deps: SlackDeps) {
  return async ({ event, client }: SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs) => {
    if (event.tab !== 'home') return;
    const { locale, timeZone } = deps.policy;
    const user = await findUserBySlackId(deps.database.db, event.user);
    if (!user) {
      await client.views.publish({ user_id: event.user, view: notRegisteredHome(locale) });
      return;
    }
    const day = today(deps);
    const data = await homeData(deps.database.db, deps.policy, user, day);
    await client.views.publish({
      user_id: event.user,
      view: homeView({
        locale,
        today: day,
        userName: user.name,
        worklist: data.worklist,
        promises: data.promises,
        barriers: data.barriers,
        alarms: data.alarms?.map((a) => toAlarmView(a, timeZone)) ?? null,
      }),
    });
  };
}
