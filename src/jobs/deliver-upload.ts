import type { UploadPayload } from '../services/outbox.js';
import type { Delivery } from './delivery-context.js';

/** How long the POST of a file's bytes may take before it counts as a transient failure. */
const UPLOAD_TIMEOUT_MS = 60_000;

/**
 * Shares a file of the outbox in its channel, in Slack's three steps:
 * files.getUploadURLExternal, the POST of the bytes to the URL it gives, and
 * files.completeUploadExternal, which posts the file in the channel at its pace. Returns the
 * file id. Errors are thrown shaped as the Web API client's, for `classifySlackError`: a
 * failed step is retried from the first (a new upload URL each time).
 *
 * Unlike chat.postMessage, an upload carries no metadata to look it up by: an upload whose
 * answer was lost (or whose process died while sending it) is never in doubt and is sent
 * again, so the channel may show the file twice. A repeated chart costs less than a lost one.
 */
export async function uploadFile(delivery: Delivery, channel: string, payload: UploadPayload): Promise<string> {
  const { client } = delivery.deps;
  const bytes = Buffer.from(payload.content_base64, 'base64');
  const slot = (await client.apiCall('files.getUploadURLExternal', {
    filename: payload.filename,
    length: bytes.length,
    ...(payload.alt_text ? { alt_text: payload.alt_text } : {}),
  })) as { upload_url?: string; file_id?: string };
  if (!slot.upload_url || !slot.file_id) throw platformError('no_upload_url');
  await postBytes(slot.upload_url, bytes);
  await delivery.pace.waitFor(channel);
  try {
    await client.apiCall('files.completeUploadExternal', {
      files: JSON.stringify([{ id: slot.file_id, title: payload.title }]),
      channel_id: channel,
      ...(payload.initial_comment ? { initial_comment: payload.initial_comment } : {}),
    });
  } finally {
    delivery.pace.spoke(channel);
  }
  return slot.file_id;
}

/** The bytes as the request's body (Slack takes raw bytes or a multipart form). */
async function postBytes(url: string, bytes: Buffer): Promise<void> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream' },
      body: new Uint8Array(bytes),
      signal: AbortSignal.timeout(UPLOAD_TIMEOUT_MS),
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    throw Object.assign(new Error(`upload: ${(error as Error).message}`), { code: 'slack_webapi_request_error', original: { code: cause?.code ?? (error as Error).name } });
  }
  // The body is read either way, so the connection is free again.
  await response.arrayBuffer().catch(() => undefined);
  if (!response.ok) throw Object.assign(new Error(`upload: HTTP ${response.status}`), { code: 'slack_webapi_http_error', statusCode: response.status });
}

function platformError(error: string): Error {
  return Object.assign(new Error(error), { code: 'slack_webapi_platform_error', data: { ok: false, error } });
}
