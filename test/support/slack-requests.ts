import { createHmac } from 'node:crypto';

/** Slack's request signature: HMAC-SHA256 of "v0:{timestamp}:{body}" with the signing secret. */
export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SignedPost {
  status: number;
  body: string;
  json: () => unknown;
}

/** Posts a body to the app's receiver signed exactly as Slack signs it. */
export async function postSigned(
  url: string,
  secret: string,
  body: string,
  contentType: string,
  opts: { timestamp?: number; signature?: string } = {},
): Promise<SignedPost> {
  const timestamp = opts.timestamp ?? Math.floor(Date.now() / 1000);
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': contentType,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': opts.signature ?? slackSignature(secret, timestamp, body),
    },
    body,
  });
  const text = await res.text();
  return { status: res.status, body: text, json: () => (text ? JSON.parse(text) : null) as unknown };
}

/** A slash command as Slack sends it (form-encoded), shaped like the recorded fixtures. */
export function slashCommandBody(fields: { command: string; text: string; user_id: string; response_url: string; channel_id?: string }): string {
  return new URLSearchParams({
    token: 'verification-token',
    team_id: 'T0STANDIN',
    team_domain: 'cobranza',
    channel_id: fields.channel_id ?? 'C0GENERAL',
    channel_name: 'general',
    user_id: fields.user_id,
    user_name: fields.user_id.toLowerCase(),
    command: fields.command,
    text: fields.text,
    api_app_id: 'A0COBRANZA',
    is_enterprise_install: 'false',
    response_url: fields.response_url,
    trigger_id: `${Date.now()}.1.trigger`,
  }).toString();
}

/** An interactive payload (block_actions, view_submission…) as Slack posts it. */
export function interactiveBody(payload: Record<string, unknown>): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}
