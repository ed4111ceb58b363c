/** How a failed Slack call should be handled by the deliverer. */
export type SlackFailure =
  | { kind: 'rate_limited'; retryAfterMs: number; reason: string }
  | { kind: 'permanent'; reason: string }
  /** `unanswered`: Slack may have acted on the call and the answer was lost on the way. */
  | { kind: 'transient'; reason: string; unanswered: boolean };

// Errors that no retry will fix: the row is marked failed with the reason. Any other error
// (429, 5xx, network, an error Slack has not documented as final) is retried forever.
const PERMANENT = new Set([
  // The conversation or the person
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'account_inactive',
  'user_not_found',
  'user_not_visible',
  'user_disabled',
  'cannot_dm_bot',
  'messages_tab_disabled',
  'restricted_action',
  'restricted_action_read_only_channel',
  'restricted_action_thread_only_channel',
  'restricted_action_non_threadable_channel',
  'team_access_not_granted',
  'ekm_access_denied',
  // The message itself
  'invalid_blocks',
  'invalid_blocks_format',
  'invalid_metadata_format',
  'invalid_metadata_schema',
  'metadata_too_large',
  'msg_too_long',
  'no_text',
  'too_many_attachments',
  'invalid_arguments',
  'invalid_arg_name',
  'invalid_form_data',
  'invalid_charset',
  'invalid_cursor',
  'invalid_ts_oldest',
  'message_not_found',
  'cant_update_message',
  // The token and its scopes
  'invalid_auth',
  'not_authed',
  'token_revoked',
  'token_expired',
  'missing_scope',
  'no_permission',
  'not_allowed_token_type',
  'access_denied',
  'two_factor_setup_required',
]);

/** Network errors raised before the request left this host. */
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);

/** Classifies an error thrown by @slack/web-api's client (built with retries off). */
export function classifySlackError(error: unknown): SlackFailure {
  const e = error as {
    code?: string;
    retryAfter?: number;
    statusCode?: number;
    data?: { error?: string; needed?: string };
    original?: { code?: string };
    message?: string;
  };
  switch (e.code) {
    case 'slack_webapi_rate_limited_error':
      return { kind: 'rate_limited', retryAfterMs: Math.max(1, e.retryAfter ?? 1) * 1000, reason: 'ratelimited' };
    case 'slack_webapi_platform_error': {
      const slackError = e.data?.error ?? 'unknown_error';
      // Slack names the scope that is missing: the operator adds it and reinstalls the app.
      const reason = slackError === 'missing_scope' && e.data?.needed ? `missing_scope (needs ${e.data.needed})` : slackError;
      return PERMANENT.has(slackError) ? { kind: 'permanent', reason } : { kind: 'transient', reason, unanswered: false };
    }
    case 'slack_webapi_http_error':
      return { kind: 'transient', reason: `http_${e.statusCode ?? 'error'}`, unanswered: (e.statusCode ?? 500) >= 500 };
    case 'slack_webapi_request_error':
      // A refused connection never reached Slack; a connection cut short may have.
      return { kind: 'transient', reason: e.original?.code ?? e.message ?? 'request_error', unanswered: !NOT_SENT.has(e.original?.code ?? '') };
    default:
      return { kind: 'transient', reason: e.message ?? String(error), unanswered: false };
  }
}
