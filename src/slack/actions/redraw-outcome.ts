import type { AllMiddlewareArgs, BlockStaticSelectAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { debtorForOutcome } from '../../services/debtor-access.js';
import { OUTCOME_TYPES, type OutcomeType } from '../../domain/vocabulary.js';
import { errorMessage, outcomeModal, readOutcomeForm, readOutcomeMetadata, refusalMessage } from '../blocks/index.js';
import { messageModal } from '../blocks/notice-views.js';
import { today, type SlackDeps } from '../context.js';
import { FIELD } from '../ids.js';

const asOutcomeType = (value: string | undefined): OutcomeType | null =>
  (OUTCOME_TYPES as readonly string[]).includes(value ?? '') ? (value as OutcomeType) : null;

/** Choosing the outcome type (or new terms) redraws the modal with its fields, keeping what was typed. */
export function redrawOutcomeAction(deps: SlackDeps) {
  return async ({ ack, body, client }: SlackActionMiddlewareArgs<BlockStaticSelectAction> & AllMiddlewareArgs) => {
    await ack();
    const view = body.view;
    if (!view) return;
    const { locale } = deps.policy;
    const metadata = readOutcomeMetadata(view.private_metadata);
    const debtor = metadata && (await debtorForOutcome(deps.database.db, deps.policy, metadata.debtorId));
    if (!debtor) {
      // The form cannot be drawn without its debtor: say why in place of the stuck modal.
      const reason = metadata ? refusalMessage('unknown_debtor', locale) : errorMessage('unreadable', locale);
      await client.views.update({ view_id: view.id, view: messageModal(reason, locale) });
      return;
    }
    const values = readOutcomeForm(view.state.values);
    await client.views.update({
      view_id: view.id,
      hash: view.hash,
      view: outcomeModal({
        debtor,
        contacts: debtor.contacts,
        type: asOutcomeType(values[FIELD.outcomeType]),
        values,
        locale,
        today: today(deps),
        currency: debtor.currency,
      }),
    });
  };
}
