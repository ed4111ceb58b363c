import { createHmac } from 'node:crypto';

/** Slack's request signature: HMAC-SHA256 of "v0:{timestamp}:{body}" with the signing secret. */
export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SignedAnswer {
  status: number;
  body: string;
}

/** Posts a body to the bot's receiver with the headers Slack adds to every request. */
export async function postSigned(url: string, secret: string, body: string, contentType: string): Promise<SignedAnswer> {
  const timestamp = Math.floor(Date.now() / 1000);
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': contentType,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': slackSignature(secret, timestamp, body),
    },
    body,
  });
  return { status: res.status, body: await res.text() };
}
