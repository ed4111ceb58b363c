import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { requestReport } from '../../services/report-request.js';
import { collectorNotFoundMessage, errorMessage, refusalMessage, weeklyReportMessage } from '../blocks/index.js';
import { today, type SlackDeps } from '../context.js';

/** `/cartera [collector]`: last week's report, ephemeral; a collector sees their own figures. */
export function carteraCommand(deps: SlackDeps) {
  return async ({ ack, command, respond }: SlackCommandMiddlewareArgs & AllMiddlewareArgs) => {
    await ack();
    const { locale } = deps.policy;
    const found = await requestReport(deps.database.db, deps.policy, { slackUserId: command.user_id, text: command.text, today: today(deps) });
    const message =
      found.kind === 'not_registered'
        ? refusalMessage(found.kind, locale)
        : found.kind === 'forbidden'
          ? errorMessage('forbidden', locale)
          : found.kind === 'unknown_collector'
            ? collectorNotFoundMessage(found.text, found.candidates, locale)
            : weeklyReportMessage(found.report, locale, found.onlyCollectorId === undefined ? {} : { onlyCollectorId: found.onlyCollectorId });
    await respond({ response_type: 'ephemeral', ...message });
  };
}
