/** How a failed Slack call should be handled by the deliverer. */
export type SlackFailure =
  | { kind: 'rate_limited'; retryAfterMs: number; reason: string }
  | { kind: 'permanent'; reason: string }
  | { kind: 'transient'; reason: string };

// Errors that no retry will fix: the row is marked failed with the reason.
const PERMANENT = new Set([
  'channel_not_found',
  'not_in_channel',
  'account_inactive',
  'is_archived',
  'user_not_found',
  'user_disabled',
  'cannot_dm_bot',
  'invalid_blocks',
  'invalid_blocks_format',
  'msg_too_long',
  'no_text',
  'invalid_auth',
  'not_authed',
  'token_revoked',
  'missing_scope',
  'message_not_found',
  'cant_update_message',
]);

/** Classifies an error thrown by @slack/web-api's client (built with retries off). */
export function classifySlackError(error: unknown): SlackFailure {
  const e = error as { code?: string; retryAfter?: number; statusCode?: number; data?: { error?: string }; message?: string };
  switch (e.code) {
    case 'slack_webapi_rate_limited_error':
      return { kind: 'rate_limited', retryAfterMs: Math.max(1, e.retryAfter ?? 1) * 1000, reason: 'ratelimited' };
    case 'slack_webapi_platform_error': {
      const reason = e.data?.error ?? 'unknown_error';
      return PERMANENT.has(reason) ? { kind: 'permanent', reason } : { kind: 'transient', reason };
    }
    case 'slack_webapi_http_error':
      return { kind: 'transient', reason: `http_${e.statusCode ?? 'error'}` };
    default:
      return { kind: 'transient', reason: e.message ?? String(error) };
  }
}
