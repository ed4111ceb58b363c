import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { outcomeAccess } from '../../services/debtor-access.js';
import { errorMessage, outcomeModal, refusalMessage } from '../blocks/index.js';
import { loadingModal, messageModal } from '../blocks/notice-views.js';
import { today, type SlackDeps } from '../context.js';
import { parseId } from '../parse-ref.js';
import { answerClick } from './answer-click.js';

/**
 * `log_outcome`: the trigger expires in 3 s, so a modal opens at once and is then
 * replaced by the outcome form, or by the reason this user may not log for this debtor.
 */
export function logOutcomeAction(deps: SlackDeps) {
  return async (args: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs) => {
    const { ack, action, body, client } = args;
    await ack();
    const { locale } = deps.policy;
    const debtorId = parseId(action.value);
    if (debtorId === null) {
      await answerClick(args, errorMessage('unreadable', locale), locale);
      return;
    }
    const opened = await client.views.open({ trigger_id: body.trigger_id, view: loadingModal(locale) });
    const access = await outcomeAccess(deps.database.db, deps.policy, body.user.id, debtorId);
    const view =
      access.status === 'ok'
        ? outcomeModal({
            debtor: access.debtor,
            contacts: access.debtor.contacts,
            type: null,
            values: {},
            locale,
            today: today(deps),
            currency: access.debtor.currency,
          })
        : messageModal(refusalMessage(access.status, locale), locale);
    await client.views.update({ view_id: opened.view!.id!, view });
  };
}
