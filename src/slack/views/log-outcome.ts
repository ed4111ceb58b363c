import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { submitOutcome } from '../../services/outcome-submission.js';
import { barrierAssignedMessage, errorMessage, outcomeErrors, refusalMessage, outcomeStoredView, readOutcomeForm, readOutcomeMetadata } from '../blocks/index.js';
import { messageModal } from '../blocks/notice-views.js';
import { t } from '../i18n/index.js';
import { today, type SlackDeps } from '../context.js';
import { FIELD } from '../ids.js';

/**
 * The outcome modal's submission. Errors go back on their blocks; a valid contact is
 * stored before the ack, keyed by the view id so a double submit stores it once.
 */
export function logOutcomeSubmission(deps: SlackDeps) {
  return async ({ ack, body, view }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    const { locale } = deps.policy;
    const metadata = readOutcomeMetadata(view.private_metadata);
    if (!metadata) {
      // Nothing the user can correct in this form: replace it with the reason.
      await ack({ response_action: 'update', view: messageModal(errorMessage('unreadable', locale), locale) });
      return;
    }
    const result = await submitOutcome(deps.database.db, deps.policy, {
      slackUserId: body.user.id,
      debtorId: metadata.debtorId,
      form: readOutcomeForm(view.state.values),
      idempotencyKey: `view:${view.id}`,
      today: today(deps),
      barrierAssignedMessage: (assignment) => barrierAssignedMessage(assignment, locale),
    });
    switch (result.status) {
      case 'invalid':
        await ack({ response_action: 'errors', errors: outcomeErrors(result.errors, locale, result.dateLimit) });
        return;
      case 'unknown_owner':
        await ack({ response_action: 'errors', errors: { [FIELD.barrierOwner]: t(locale, 'modal.unknownOwner') } });
        return;
      case 'stored':
      case 'duplicate':
        await ack({ response_action: 'update', view: outcomeStoredView({ debtorName: result.debtor.name, outcome: result.outcome, locale }) });
        deps.deliverer.kick();
        return;
      default: {
        await ack({ response_action: 'errors', errors: { [FIELD.outcomeType]: refusalMessage(result.status, locale).text } });
      }
    }
  };
}
