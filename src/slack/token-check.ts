import { webApi } from '@slack/bolt';
import type { Env } from '../config/env.js';
import { slackApiOptions } from './delivery-client.js';

/** What Slack says of the bot token: what `/healthz` and `cobranza check` report. */
export type SlackState = 'ok' | 'unreachable' | 'rejected';

export type TokenCheck =
  | { state: 'ok'; botId: string; botUserId: string; team: string }
  | { state: 'unreachable' | 'rejected'; reason: string };

// `ok: false` answers that say Slack itself failed, not that it refused the token.
const SLACK_SIDE_ERRORS = new Set(['fatal_error', 'internal_error', 'service_unavailable', 'request_timeout', 'ratelimited']);

/** Reads a failed auth.test: Slack refusing the token, or Slack not answering. */
function failedCheck(error: unknown, timeoutMs: number): TokenCheck {
  const e = error as { code?: string; data?: { error?: string }; statusCode?: number; original?: Error & { cause?: { code?: string; message?: string } } };
  if (e.code === 'slack_webapi_platform_error') {
    const reason = e.data?.error ?? 'unknown_error';
    return { state: SLACK_SIDE_ERRORS.has(reason) ? 'unreachable' : 'rejected', reason };
  }
  if (e.code === 'slack_webapi_http_error') return { state: 'unreachable', reason: `HTTP ${e.statusCode ?? 'error'}` };
  if (e.code === 'slack_webapi_rate_limited_error') return { state: 'unreachable', reason: 'rate limited' };
  // A request error wraps fetch's: a timeout by name, a network failure ("fetch failed") by its cause.
  const original = e.original;
  if (original?.name === 'TimeoutError' || original?.name === 'AbortError') return { state: 'unreachable', reason: `no answer within ${timeoutMs / 1000} s` };
  return { state: 'unreachable', reason: original?.cause?.code ?? original?.cause?.message ?? original?.message ?? String(error) };
}

/**
 * Asks Slack's `auth.test` once, without retries, whether the bot token works. It never
 * throws: an unreachable Slack is an answer too.
 */
export async function checkBotToken(env: Pick<Env, 'SLACK_API_URL'>, botToken: string, timeoutMs = 3000): Promise<TokenCheck> {
  const client = new webApi.WebClient(botToken, {
    ...slackApiOptions(env),
    timeout: timeoutMs,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    // The outcome is reported by the caller in one line; the client's own warnings would repeat it.
    logLevel: webApi.LogLevel.ERROR,
  });
  try {
    const result = await client.auth.test();
    return { state: 'ok', botId: result.bot_id ?? '', botUserId: result.user_id ?? '', team: result.team ?? result.team_id ?? '' };
  } catch (error) {
    return failedCheck(error, timeoutMs);
  }
}

/** A failed check as one line naming the variable to look at. */
export function tokenProblem(env: Pick<Env, 'SLACK_API_URL'>, check: Exclude<TokenCheck, { state: 'ok' }>): string {
  if (check.state === 'rejected') return `SLACK_BOT_TOKEN: Slack rejected the bot token (${check.reason})`;
  const where = env.SLACK_API_URL ? `SLACK_API_URL ${env.SLACK_API_URL}` : 'https://slack.com/api/';
  return `SLACK_BOT_TOKEN: cannot be checked, Slack does not answer at ${where} (${check.reason})`;
}

/**
 * The token's state for `/healthz`, from an `auth.test` made at most once per `ttlMs`:
 * probes every few seconds must not become calls to Slack. Concurrent probes share one call.
 */
export function cachedSlackState(check: () => Promise<TokenCheck>, clock: () => Date, ttlMs = 30_000): () => Promise<SlackState> {
  let cached: { at: number; state: Promise<SlackState> } | undefined;
  return () => {
    const now = clock().getTime();
    if (!cached || now - cached.at >= ttlMs) cached = { at: now, state: check().then((result) => result.state) };
    return cached.state;
  };
}
