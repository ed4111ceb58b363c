import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { todayIn } from '../../domain/calendar.js';
import { holdNotice } from '../../services/notices/index.js';
import { findUserBySlackId } from '../../services/users.js';
import { errorMessage, markNoticeHeld, noticeAlreadySentMessage, type KnownBlock } from '../blocks/index.js';
import type { SlackDeps } from '../context.js';
import { parseId } from '../parse-ref.js';
import { answerClick } from './answer-click.js';

/** `hold_notice`: keeps a debtor's notice email from going out today, and says so in the message clicked. */
export function holdNoticeAction(deps: SlackDeps) {
  return async (args: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs) => {
    const { ack, action, body, respond } = args;
    await ack();
    const { locale, timeZone } = deps.policy;
    const db = deps.database.db;
    const noticeId = parseId(action.value);
    if (noticeId === null) return answerClick(args, errorMessage('unreadable', locale), locale);
    const user = await findUserBySlackId(db, body.user.id);
    if (!user) return answerClick(args, errorMessage('not_registered', locale), locale);
    const result = await holdNotice(db, noticeId, user.id, todayIn(timeZone, deps.clock()));
    switch (result.status) {
      case 'not_found':
        return answerClick(args, errorMessage('notice_not_found', locale), locale);
      case 'not_allowed':
        return answerClick(args, errorMessage('forbidden', locale), locale);
      case 'already_sent':
        return answerClick(args, noticeAlreadySentMessage(locale), locale);
      case 'held': {
        const message = body.message as { text?: string; blocks?: KnownBlock[] } | undefined;
        if (!message?.blocks) return;
        await respond({ replace_original: true, text: message.text ?? '', blocks: markNoticeHeld(message.blocks, noticeId, user.name, locale) });
      }
    }
  };
}
