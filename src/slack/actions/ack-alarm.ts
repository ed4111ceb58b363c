import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { acknowledgeAlarm } from '../../services/alarms.js';
import { toAlarmView } from '../alarm-view.js';
import { alarmMessage, errorMessage, refusalMessage } from '../blocks/index.js';
import type { SlackDeps } from '../context.js';
import { parseId } from '../parse-ref.js';
import { answerClick } from './answer-click.js';

/** `ack_alarm`: records who acknowledged, once, and updates the alarm message to say so. */
export function ackAlarmAction(deps: SlackDeps) {
  return async (args: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs) => {
    const { ack, action, body, client } = args;
    await ack();
    const { locale, timeZone } = deps.policy;
    const alarmId = parseId(action.value);
    if (alarmId === null) {
      await answerClick(args, errorMessage('unreadable', locale), locale);
      return;
    }
    const result = await acknowledgeAlarm(deps.database.db, { alarmId, slackUserId: body.user.id, now: deps.clock() });
    if (result.status === 'not_registered' || result.status === 'forbidden' || result.status === 'not_found') {
      await answerClick(args, refusalMessage(result.status, locale, 'alarm'), locale);
      return;
    }
    const container = body.container as { channel_id?: string; message_ts?: string };
    const channel = container.channel_id ?? result.alarm.channel;
    const ts = container.message_ts ?? result.alarm.messageTs;
    if (channel && ts) await client.chat.update({ channel, ts, ...alarmMessage(toAlarmView(result.alarm, timeZone), locale) });
    if (result.status === 'already') await answerClick(args, errorMessage('already_acknowledged', locale), locale);
  };
}
