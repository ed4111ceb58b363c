import pino from 'pino';
import { parseEnv } from '../../src/config/env.js';
import type { Database } from '../../src/db/database.js';
import { defaultPolicy, type Policy } from '../../src/domain/policy.js';
import { createApp, type CobranzaApp } from '../../src/slack/app.js';
import { SlackStandIn } from './slack-stand-in.js';
import { interactiveBody, postSigned, slashCommandBody, type SignedPost } from './slack-requests.js';

export const SIGNING_SECRET = 'test-signing-secret';

/** The real app on a random local port, talking to a Slack stand-in, with signed requests. */
export class SlackHarness {
  readonly slack = new SlackStandIn();
  app!: CobranzaApp;
  port = 0;
  private responseCount = 0;

  constructor(
    private readonly database: Database,
    private readonly options: { policy?: Policy; now?: Date; env?: Record<string, string> } = {},
  ) {}

  async start(): Promise<this> {
    await this.slack.start();
    const env = parseEnv({
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: this.slack.url,
      ...this.options.env,
    });
    const now = this.options.now;
    this.app = createApp({
      env,
      policy: this.options.policy ?? defaultPolicy,
      database: this.database,
      logger: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
      clock: now ? () => now : undefined,
    });
    this.port = await this.app.start(0);
    return this;
  }

  async stop(): Promise<void> {
    await this.app.stop();
    await this.slack.stop();
  }

  get eventsUrl(): string {
    return `http://127.0.0.1:${this.port}/slack/events`;
  }

  /** A fresh response_url on the stand-in, to see what the app answers there. */
  responseUrl(): string {
    return `${this.slack.origin}/response/${++this.responseCount}`;
  }

  command(userId: string, text: string, command = '/deudor'): Promise<SignedPost> {
    const body = slashCommandBody({ command, text, user_id: userId, response_url: this.responseUrl() });
    return postSigned(this.eventsUrl, SIGNING_SECRET, body, 'application/x-www-form-urlencoded');
  }

  interactive(payload: Record<string, unknown>): Promise<SignedPost> {
    return postSigned(this.eventsUrl, SIGNING_SECRET, interactiveBody(payload), 'application/x-www-form-urlencoded');
  }

  /** A button click in a message, shaped like Slack's block_actions payload. */
  clickButton(userId: string, actionId: string, value: string, container: { channel?: string; ts?: string; responseUrl?: boolean } = {}) {
    return this.interactive({
      type: 'block_actions',
      user: { id: userId, username: userId.toLowerCase(), name: userId.toLowerCase(), team_id: 'T0STANDIN' },
      api_app_id: 'A0COBRANZA',
      token: 'verification-token',
      container: container.channel
        ? { type: 'message', message_ts: container.ts ?? '1.0', channel_id: container.channel, is_ephemeral: false }
        : { type: 'view', view_id: 'VHOME' },
      trigger_id: `${Date.now()}.1.trigger`,
      team: { id: 'T0STANDIN', domain: 'cobranza' },
      ...(container.channel ? { channel: { id: container.channel, name: 'cobranza' } } : {}),
      ...(container.responseUrl === false || !container.channel ? {} : { response_url: this.responseUrl() }),
      actions: [{ action_id: actionId, block_id: 'b', value, type: 'button', action_ts: `${Date.now() / 1000}` }],
    });
  }

  event(event: Record<string, unknown>): Promise<SignedPost> {
    const body = JSON.stringify({
      token: 'verification-token',
      team_id: 'T0STANDIN',
      api_app_id: 'A0COBRANZA',
      event,
      type: 'event_callback',
      event_id: `Ev${Date.now()}`,
      event_time: Math.floor(Date.now() / 1000),
    });
    return postSigned(this.eventsUrl, SIGNING_SECRET, body, 'application/json');
  }

  /** Waits until `probe` returns something, or fails after `ms`. */
  async waitFor<T>(probe: () => T | undefined | false | Promise<T | undefined | false>, ms = 5000): Promise<T> {
    const end = Date.now() + ms;
    for (;;) {
      const value = await probe();
      if (value) return value;
      if (Date.now() > end) throw new Error('timed out waiting for Slack calls');
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}

/** Runs `work` against a started harness and always stops it. */
export async function withHarness<T>(
  database: Database,
  options: ConstructorParameters<typeof SlackHarness>[1],
  work: (harness: SlackHarness) => Promise<T>,
): Promise<T> {
  const harness = await new SlackHarness(database, options).start();
  try {
    return await work(harness);
  } finally {
    await harness.stop();
  }
}
