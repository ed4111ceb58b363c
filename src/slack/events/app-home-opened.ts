import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { homeOf } from '../../services/home.js';
import { homeView } from '../blocks/index.js';
import { notRegisteredHome } from '../blocks/notice-views.js';
import { today, type SlackDeps } from '../context.js';
import { toHomeInput } from '../home-view.js';

/** App Home: today's list, open promises and barriers; a lead also sees the team's alarms. */
export function appHomeOpened(deps: SlackDeps) {
  return async ({ event, client }: SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs) => {
    if (event.tab !== 'home') return;
    const { locale, timeZone } = deps.policy;
    const day = today(deps);
    const found = await homeOf(deps.database.db, deps.policy, event.user, day);
    const view =
      found.status === 'home' ? homeView(toHomeInput(found.user, found.home, { locale, today: day, timeZone })) : notRegisteredHome(locale);
    await client.views.publish({ user_id: event.user, view });
  };
}
