import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { debtorCard as findDebtorCard } from '../../services/debtor-lookup.js';
import { debtorCard, errorMessage } from '../blocks/index.js';
import { messageModal } from '../blocks/notice-views.js';
import { today, type SlackDeps } from '../context.js';

/** `open_debtor`: the card, ephemeral where the button was, or in a modal from App Home. */
export function openDebtorAction(deps: SlackDeps) {
  return async ({ ack, action, body, respond, client }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs) => {
    await ack();
    const { locale } = deps.policy;
    const day = today(deps);
    const found = await findDebtorCard(deps.database.db, deps.policy, {
      slackUserId: body.user.id,
      debtorId: Number(action.value),
      today: day,
    });
    const message =
      found.kind === 'card'
        ? debtorCard(found.summary, { locale, today: day, timeZone: deps.policy.timeZone })
        : errorMessage(found.kind === 'not_registered' ? 'not_registered' : 'debtor_not_found', locale);
    if (body.response_url) {
      await respond({ response_type: 'ephemeral', replace_original: false, ...message });
    } else {
      await client.views.open({ trigger_id: body.trigger_id, view: messageModal(message, locale) });
    }
  };
}
