import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { resolveBarrierAndRedraw, type BarrierRedraw, type BarrierRedrawScope } from '../../services/barrier-resolution.js';
import type { IsoDate } from '../../domain/calendar.js';
import type { BarrierRecord } from '../../services/barriers.js';
import { toAlarmView } from '../alarm-view.js';
import { barrierResolutionOf, toBarrierAssigned } from '../barrier-view.js';
import {
  alarmMessage,
  alreadyResolvedMessage,
  barrierAssignedMessage,
  debtorCard,
  errorMessage,
  homeView,
  refusalMessage,
  type Message,
} from '../blocks/index.js';
import { messageModal } from '../blocks/notice-views.js';
import { today, type SlackDeps } from '../context.js';
import { toHomeInput } from '../home-view.js';
import { BLOCK } from '../ids.js';
import { parseId } from '../parse-ref.js';
import { answerClick } from './answer-click.js';

type Args = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;
type Container = { is_ephemeral?: boolean; channel_id?: string; message_ts?: string };

/**
 * `resolve_barrier`: closes the barrier case once, then redraws what the button was in
 * (the owner's DM, an alarm, the card, App Home) to show who resolved it and when. A
 * second click changes nothing and is told who resolved it.
 */
export function resolveBarrierAction(deps: SlackDeps) {
  return async (args: Args) => {
    const { ack, action, body } = args;
    await ack();
    const { locale, timeZone } = deps.policy;
    const barrierId = parseId(action.value);
    if (barrierId === null) {
      await tell(args, errorMessage('unreadable', locale), deps);
      return;
    }
    const day = today(deps);
    const result = await resolveBarrierAndRedraw(deps.database.db, deps.policy, {
      barrierId,
      slackUserId: body.user.id,
      now: deps.clock(),
      today: day,
      scope: scopeOf(args),
    });
    if (result.status === 'not_registered' || result.status === 'forbidden' || result.status === 'not_found') {
      await tell(args, refusalMessage(result.status, locale, 'barrier'), deps);
      return;
    }
    await redraw(args, deps, day, result);
    if (result.status === 'already') {
      const resolution = barrierResolutionOf(result.barrier);
      await tell(args, resolution ? alreadyResolvedMessage(resolution, timeZone, locale) : errorMessage('barrier_not_found', locale), deps);
    }
  };
}

/** Ephemeral where the button was; over the card when it was in a modal (a second modal must be pushed). */
async function tell(args: Args, message: Message, deps: SlackDeps): Promise<void> {
  const { body, client } = args;
  if (body.view?.type === 'modal') await client.views.push({ trigger_id: body.trigger_id, view: messageModal(message, deps.policy.locale) });
  else await answerClick(args, message, deps.policy.locale);
}

/** Which surface the button was in: App Home, the card (in a modal or ephemeral), an alarm, or the owner's DM. */
function scopeOf({ action, body }: Args): BarrierRedrawScope {
  if (body.view?.type === 'home') return 'home';
  if (body.view?.type === 'modal' || (body.container as Container).is_ephemeral) return 'card';
  return action.block_id === BLOCK.alarmActions ? 'alarm' : 'barrier';
}

/** Redraws the surface the click came from, as the barrier now stands. */
async function redraw(
  args: Args,
  deps: SlackDeps,
  day: IsoDate,
  { barrier, redraw: shown }: { barrier: BarrierRecord; redraw: BarrierRedraw },
): Promise<void> {
  const { action, body, client, respond } = args;
  const { locale, timeZone } = deps.policy;
  const container = body.container as Container;
  if (shown.scope === 'home') {
    const view = homeView(toHomeInput(shown.user, shown.home, { locale, today: day, timeZone }));
    await client.views.publish({ user_id: body.user.id, view });
  } else if (shown.scope === 'card') {
    if (!shown.summary) return;
    const card = debtorCard(shown.summary, { locale, taxIdLabel: deps.policy.taxIdLabel, today: day, timeZone });
    if (body.view) await client.views.update({ view_id: body.view.id, view: messageModal(card, locale) });
    else await respond({ replace_original: true, ...card });
  } else if (container.channel_id && container.message_ts) {
    const message = messageOf(shown, action.block_id, barrier, deps);
    if (message) await client.chat.update({ channel: container.channel_id, ts: container.message_ts, ...message });
  }
}

/** A posted message with the button: the owner's DM or the barrier's alarm, told apart by the button's block. */
function messageOf(shown: BarrierRedraw, blockId: string, barrier: BarrierRecord, deps: SlackDeps): Message | null {
  const { locale, timeZone } = deps.policy;
  if (shown.scope === 'alarm') return shown.alarm ? alarmMessage(toAlarmView(shown.alarm, timeZone), locale) : null;
  return blockId === BLOCK.barrierAssigned ? barrierAssignedMessage(toBarrierAssigned(barrier, timeZone), locale) : null;
}
