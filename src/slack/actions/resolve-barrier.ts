import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { User } from '../../db/schema/index.js';
import { findBarrierAlarm } from '../../services/alarms.js';
import { resolveBarrier, type BarrierRecord } from '../../services/barriers.js';
import { debtorCard as findDebtorCard } from '../../services/debtor-lookup.js';
import { findUserBySlackId } from '../../services/users.js';
import { toAlarmView } from '../alarm-view.js';
import { barrierResolutionOf, toBarrierAssigned } from '../barrier-view.js';
import { alarmMessage, alreadyResolvedMessage, barrierAssignedMessage, debtorCard, errorMessage, type Message } from '../blocks/index.js';
import { messageModal } from '../blocks/notice-views.js';
import { today, type SlackDeps } from '../context.js';
import { BLOCK } from '../ids.js';
import { parseId } from '../parse-ref.js';
import { publishHome } from '../publish-home.js';
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
    const actor = barrierId === null ? undefined : await findUserBySlackId(deps.database.db, body.user.id);
    if (barrierId === null || !actor) {
      await tell(args, errorMessage(barrierId === null ? 'unreadable' : 'not_registered', locale), deps);
      return;
    }
    const result = await resolveBarrier(deps.database.db, { barrierId, actor, now: deps.clock() });
    if (result.status === 'forbidden' || result.status === 'not_found') {
      await tell(args, errorMessage(result.status === 'forbidden' ? 'forbidden' : 'barrier_not_found', locale), deps);
      return;
    }
    await redraw(args, deps, result.barrier, actor);
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

/** Redraws the surface the click came from, as the barrier now stands. */
async function redraw(args: Args, deps: SlackDeps, barrier: BarrierRecord, actor: User): Promise<void> {
  const { action, body, client, respond } = args;
  const { locale } = deps.policy;
  const container = body.container as Container;
  if (body.view?.type === 'home') {
    await publishHome(deps, client, actor);
  } else if (body.view?.type === 'modal' || container.is_ephemeral) {
    const card = await cardMessage(deps, body.user.id, barrier.debtorId);
    if (!card) return;
    if (body.view) await client.views.update({ view_id: body.view.id, view: messageModal(card, locale) });
    else await respond({ replace_original: true, ...card });
  } else if (container.channel_id && container.message_ts) {
    const message = await messageOf(deps, action.block_id, barrier);
    if (message) await client.chat.update({ channel: container.channel_id, ts: container.message_ts, ...message });
  }
}

/** The debtor card as it stands now, for the user who clicked. */
async function cardMessage(deps: SlackDeps, slackUserId: string, debtorId: number): Promise<Message | null> {
  const day = today(deps);
  const found = await findDebtorCard(deps.database.db, deps.policy, { slackUserId, debtorId, today: day });
  return found.kind === 'card' ? debtorCard(found.summary, { locale: deps.policy.locale, today: day, timeZone: deps.policy.timeZone }) : null;
}

/** A posted message with the button: the owner's DM or the barrier's alarm, told apart by the button's block. */
async function messageOf(deps: SlackDeps, blockId: string, barrier: BarrierRecord): Promise<Message | null> {
  const { locale, timeZone } = deps.policy;
  if (blockId === BLOCK.barrierAssigned) return barrierAssignedMessage(toBarrierAssigned(barrier, timeZone), locale);
  if (blockId !== BLOCK.alarmActions) return null;
  const alarm = await findBarrierAlarm(deps.database.db, barrier);
  return alarm ? alarmMessage(toAlarmView(alarm, timeZone), locale) : null;
}
