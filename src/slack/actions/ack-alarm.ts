import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { acknowledgeAlarm } from '../../services/alarms.js';
import { findUserBySlackId } from '../../services/users.js';
import { toAlarmView } from '../alarm-view.js';
import { alarmMessage, errorMessage } from '../blocks/index.js';
import type { SlackDeps } from '../context.js';

/** `ack_alarm`: records who acknowledged, once, and updates the alarm message to say so. */
export function ackAlarmAction(deps: SlackDeps) {
  return async ({ ack, action, body, respond, client }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs) => {
    await ack();
    const { locale, timeZone } = deps.policy;
    const actor = await findUserBySlackId(deps.database.db, body.user.id);
    if (!actor) {
      await respond({ response_type: 'ephemeral', replace_original: false, ...errorMessage('not_registered', locale) });
      return;
    }
    const result = await acknowledgeAlarm(deps.database.db, { alarmId: Number(action.value), actor, now: deps.clock() });
    if (result.status === 'forbidden' || result.status === 'not_found') {
      await respond({ response_type: 'ephemeral', replace_original: false, ...errorMessage(result.status === 'forbidden' ? 'forbidden' : 'failed', locale) });
      return;
    }
    const container = body.container as { channel_id?: string; message_ts?: string };
    const channel = container.channel_id ?? result.alarm.channel;
    const ts = container.message_ts ?? result.alarm.messageTs;
    if (channel && ts) await client.chat.update({ channel, ts, ...alarmMessage(toAlarmView(result.alarm, timeZone), locale) });
    if (result.status === 'already') {
      await respond({ response_type: 'ephemeral', replace_original: false, ...errorMessage('already_acknowledged', locale) });
    }
  };
}
