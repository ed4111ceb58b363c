import { webApi } from '@slack/bolt';
import type { Env } from '../config/env.js';

/** `SLACK_API_URL` as the Web API client wants it (with the trailing slash), if set. */
export function slackApiOptions(env: Pick<Env, 'SLACK_API_URL'>): { slackApiUrl?: string } {
  return env.SLACK_API_URL ? { slackApiUrl: env.SLACK_API_URL.replace(/\/?$/, '/') } : {};
}

/** The Web API client of outbox delivery: it handles 429 and retries itself, row by row. */
export function deliveryClient(env: Pick<Env, 'SLACK_API_URL'>, botToken: string): webApi.WebClient {
  return new webApi.WebClient(botToken, {
    ...slackApiOptions(env),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
  });
}
