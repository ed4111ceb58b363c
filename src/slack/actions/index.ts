import type { App, BlockButtonAction, BlockStaticSelectAction } from '@slack/bolt';
import type { SlackDeps } from '../context.js';
import { ACTION, FIELD } from '../ids.js';
import { ackAlarmAction } from './ack-alarm.js';
import { logOutcomeAction } from './log-outcome.js';
import { openDebtorAction } from './open-debtor.js';
import { redrawOutcomeAction } from './redraw-outcome.js';
import { holdNoticeAction } from './hold-notice.js';
import { resolveBarrierAction } from './resolve-barrier.js';

export function registerActions(app: App, deps: SlackDeps): void {
  app.action<BlockButtonAction>(ACTION.logOutcome, logOutcomeAction(deps));
  app.action<BlockButtonAction>(ACTION.openDebtor, openDebtorAction(deps));
  app.action<BlockButtonAction>(ACTION.ackAlarm, ackAlarmAction(deps));
  app.action<BlockButtonAction>(ACTION.resolveBarrier, resolveBarrierAction(deps));
  app.action<BlockButtonAction>(ACTION.holdNotice, holdNoticeAction(deps));
  app.action<BlockStaticSelectAction>(ACTION.outcomeType, redrawOutcomeAction(deps));
  app.action<BlockStaticSelectAction>(FIELD.newTerms, redrawOutcomeAction(deps));
}
