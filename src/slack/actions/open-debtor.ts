import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { debtorCard as findDebtorCard } from '../../services/debtor-lookup.js';
import { debtorCard, errorMessage, refusalMessage } from '../blocks/index.js';
import { today, type SlackDeps } from '../context.js';
import { parseId } from '../parse-ref.js';
import { answerClick } from './answer-click.js';

/** `open_debtor`: the card, ephemeral where the button was, or in a modal from App Home. */
export function openDebtorAction(deps: SlackDeps) {
  return async (args: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs) => {
    const { ack, action, body } = args;
    await ack();
    const { locale } = deps.policy;
    const debtorId = parseId(action.value);
    if (debtorId === null) {
      await answerClick(args, errorMessage('unreadable', locale), locale);
      return;
    }
    const day = today(deps);
    const found = await findDebtorCard(deps.database.db, deps.policy, { slackUserId: body.user.id, debtorId, today: day });
    const message =
      found.kind === 'card'
        ? debtorCard(found.summary, { locale, taxIdLabel: deps.policy.taxIdLabel, today: day, timeZone: deps.policy.timeZone })
        : refusalMessage(found.kind, locale);
    await answerClick(args, message, locale);
  };
}
