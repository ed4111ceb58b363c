import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { hasControlCharacters } from '../../domain/plain-text.js';
import { lookUpDebtor } from '../../services/debtor-lookup.js';
import { debtorCard, debtorNotFound, debtorPickList, deudorHelp, errorMessage, refusalMessage } from '../blocks/index.js';
import { today, type SlackDeps } from '../context.js';

const HELP_WORDS = new Set(['', 'help', 'ayuda', '?']);

/** `/deudor <name, code or tax id>`: the card, a pick list, the closest names, or help. */
export function deudorCommand(deps: SlackDeps) {
  return async ({ ack, command, respond }: SlackCommandMiddlewareArgs & AllMiddlewareArgs) => {
    await ack();
    const { locale, taxIdLabel } = deps.policy;
    const words = { locale, taxIdLabel };
    const text = command.text.trim();
    // A NUL byte would fail the search in PostgreSQL; no debtor's name holds such characters.
    if (hasControlCharacters(text)) {
      await respond({ response_type: 'ephemeral', ...errorMessage('bad_search_text', locale, { taxIdLabel }) });
      return;
    }
    if (HELP_WORDS.has(text.toLowerCase())) {
      await respond({ response_type: 'ephemeral', ...deudorHelp(words) });
      return;
    }
    const day = today(deps);
    const found = await lookUpDebtor(deps.database.db, deps.policy, { slackUserId: command.user_id, text, today: day });
    const message =
      found.kind === 'not_registered'
        ? refusalMessage(found.kind, locale)
        : found.kind === 'card'
          ? debtorCard(found.summary, { locale, taxIdLabel, today: day, timeZone: deps.policy.timeZone })
          : found.kind === 'many'
            ? debtorPickList(found.hits, text, words)
            : debtorNotFound(text, found.suggestions, words);
    await respond({ response_type: 'ephemeral', ...message });
  };
}
