// The requests Slack sends an app, built from what a member did on the page: the shapes of
// Slack's own payloads (see ../shared/slack/payloads), with the fields the bot reads.
import type { ActionInput, Block, LocalMessage, LocalUser, LocalView, ViewValues } from './protocol.js';

export const LOCAL_TEAM = { id: 'T0LOCAL', domain: 'cobranza-local' };
export const LOCAL_APP_ID = 'A0COBRANZA';

function userOf(member: LocalUser) {
  return { id: member.id, username: member.name, name: member.name, team_id: LOCAL_TEAM.id };
}

/** A slash command, form-encoded as Slack posts it. */
export function slashCommandBody(member: LocalUser, channel: string, command: string, text: string, responseUrl: string, triggerId: string): string {
  return new URLSearchParams({
    token: 'local',
    team_id: LOCAL_TEAM.id,
    team_domain: LOCAL_TEAM.domain,
    channel_id: channel,
    channel_name: channel,
    user_id: member.id,
    user_name: member.name,
    command,
    text,
    api_app_id: LOCAL_APP_ID,
    is_enterprise_install: 'false',
    response_url: responseUrl,
    trigger_id: triggerId,
  }).toString();
}

/** A view as Slack sends it back to the app, with the member's current input values. */
export function viewPayload(view: LocalView, values: ViewValues): Block {
  return { ...view.view, id: view.id, hash: view.hash, team_id: LOCAL_TEAM.id, app_id: LOCAL_APP_ID, state: { values } };
}

const actionTs = () => (Date.now() / 1000).toFixed(6);

interface Common {
  member: LocalUser;
  action: ActionInput;
  triggerId: string;
}

/** block_actions on a message: the message itself, its channel and a response_url. */
export function messageActionPayload(c: Common & { message: LocalMessage; responseUrl: string }): Block {
  const { message } = c;
  return {
    type: 'block_actions',
    user: userOf(c.member),
    api_app_id: LOCAL_APP_ID,
    token: 'local',
    container: { type: 'message', message_ts: message.ts, channel_id: message.channel, is_ephemeral: Boolean(message.ephemeralTo) },
    trigger_id: c.triggerId,
    team: LOCAL_TEAM,
    channel: { id: message.channel, name: message.channel },
    message: { type: 'message', ts: message.ts, user: message.user, text: message.text, blocks: message.blocks },
    response_url: c.responseUrl,
    actions: [{ ...c.action, action_ts: actionTs() }],
  };
}

/** block_actions in a modal or App Home: the view with its state, no response_url. */
export function viewActionPayload(c: Common & { view: LocalView; values: ViewValues }): Block {
  return {
    type: 'block_actions',
    user: userOf(c.member),
    api_app_id: LOCAL_APP_ID,
    token: 'local',
    container: { type: 'view', view_id: c.view.id },
    trigger_id: c.triggerId,
    team: LOCAL_TEAM,
    view: viewPayload(c.view, c.values),
    actions: [{ ...c.action, action_ts: actionTs() }],
  };
}

export function viewSubmissionPayload(member: LocalUser, view: LocalView, values: ViewValues, triggerId: string): Block {
  return { type: 'view_submission', team: LOCAL_TEAM, user: userOf(member), api_app_id: LOCAL_APP_ID, token: 'local', trigger_id: triggerId, view: viewPayload(view, values) };
}

export function viewClosedPayload(member: LocalUser, view: LocalView): Block {
  return { type: 'view_closed', team: LOCAL_TEAM, user: userOf(member), api_app_id: LOCAL_APP_ID, token: 'local', view: viewPayload(view, {}), is_cleared: false };
}

/** The Events API callback Slack sends when a member opens the app's Home tab. */
export function appHomeOpenedEvent(member: LocalUser, dm: string, eventId: string): Block {
  return {
    token: 'local',
    team_id: LOCAL_TEAM.id,
    api_app_id: LOCAL_APP_ID,
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    event: { type: 'app_home_opened', user: member.id, channel: dm, tab: 'home', event_ts: actionTs() },
  };
}

/** An interactive payload is form-encoded in one `payload` field. */
export const interactiveBody = (payload: Block): string => new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
