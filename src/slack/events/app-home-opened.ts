import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { findUserBySlackId } from '../../services/users.js';
import { notRegisteredHome } from '../blocks/notice-views.js';
import type { SlackDeps } from '../context.js';
import { publishHome } from '../publish-home.js';

/** App Home: today's list, open promises and barriers; a lead also sees the team's alarms. */
export function appHomeOpened(deps: SlackDeps) {
  return async ({ event, client }: SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs) => {
    if (event.tab !== 'home') return;
    const { locale } = deps.policy;
    const user = await findUserBySlackId(deps.database.db, event.user);
    if (!user) {
      await client.views.publish({ user_id: event.user, view: notRegisteredHome(locale) });
      return;
    }
    await publishHome(deps, client, user);
  };
}
