import type { ViewStateValues } from '../../src/slack/blocks/index.js';
import { FIELD } from '../../src/slack/ids.js';

const SELECTS = new Set<string>([FIELD.outcomeType, FIELD.channel, FIELD.contact, FIELD.barrierKind, FIELD.consequence, FIELD.newTerms]);
const DATES = new Set<string>([FIELD.nextContact, FIELD.promiseDate, FIELD.barrierDue, FIELD.deadline, FIELD.planFirstDate, FIELD.newDueDate]);

/** `view.state.values` as Slack would send it for these field values. */
export function stateOf(values: Record<string, string>): ViewStateValues {
  const state: ViewStateValues = {};
  for (const [id, value] of Object.entries(values)) {
    state[id] = {
      [id]: SELECTS.has(id)
        ? { type: 'static_select', selected_option: { value } }
        : DATES.has(id)
          ? { type: 'datepicker', selected_date: value }
          : id === FIELD.barrierOwner
            ? { type: 'users_select', selected_user: value }
            : id === FIELD.instalments || id === FIELD.planInstalments
              ? { type: 'number_input', value }
              : { type: 'plain_text_input', value },
    };
  }
  return state;
}

/** The outcome modal as Slack holds it when the user submits or changes a select. */
export function openView(debtorId: number, values: Record<string, string>, id = 'VOUTCOME1') {
  return {
    id,
    team_id: 'T0STANDIN',
    type: 'modal',
    callback_id: 'log_outcome',
    private_metadata: JSON.stringify({ debtorId }),
    hash: '1700000000.abc',
    state: { values: stateOf(values) },
    blocks: [],
    title: { type: 'plain_text', text: 'Registrar gestión' },
    root_view_id: id,
    app_id: 'A0COBRANZA',
    bot_id: 'B0BOT',
  };
}

export function viewSubmission(userId: string, view: ReturnType<typeof openView>) {
  return {
    type: 'view_submission',
    team: { id: 'T0STANDIN', domain: 'cobranza' },
    user: { id: userId, username: userId.toLowerCase(), name: userId.toLowerCase(), team_id: 'T0STANDIN' },
    api_app_id: 'A0COBRANZA',
    token: 'verification-token',
    trigger_id: `${Date.now()}.1.trigger`,
    view,
    response_urls: [],
  };
}

export function selectInView(userId: string, view: ReturnType<typeof openView>, actionId: string, value: string) {
  return {
    type: 'block_actions',
    user: { id: userId, username: userId.toLowerCase(), name: userId.toLowerCase(), team_id: 'T0STANDIN' },
    api_app_id: 'A0COBRANZA',
    token: 'verification-token',
    container: { type: 'view', view_id: view.id },
    trigger_id: `${Date.now()}.1.trigger`,
    team: { id: 'T0STANDIN', domain: 'cobranza' },
    view,
    actions: [{ type: 'static_select', action_id: actionId, block_id: actionId, selected_option: { value }, action_ts: '1.0' }],
  };
}
