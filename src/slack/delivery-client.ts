import { webApi } from '@slack/bolt';
import type { Env } from '../config/env.js';

/** The Web API client of outbox delivery: it handles 429 and retries itself, row by row. */
export function deliveryClient(env: Pick<Env, 'SLACK_API_URL'>, botToken: string): webApi.WebClient {
  return new webApi.WebClient(botToken, {
    ...(env.SLACK_API_URL ? { slackApiUrl: env.SLACK_API_URL.replace(/\/?$/, '/') } : {}),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
  });
}
