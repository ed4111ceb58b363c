import { messagePayload } from '../services/outbox-messages.js';
import { markFailed, markSent, UPLOAD_FILE, type ClaimedMessage, type UploadPayload } from '../services/outbox.js';
import type { Delivery, DeliveryReport } from './delivery-context.js';
import { uploadFile } from './deliver-upload.js';
import { findPostedMessage, outboxMetadata, POST_MESSAGE } from './outbox-metadata.js';
import { settleFailure } from './settle-failure.js';
import { classifySlackError } from './slack-errors.js';

export type MessageOutcome = 'sent' | 'failed' | 'retried';

/**
 * Sends one claimed message. One that may already be in Slack (its process died while
 * sending it, or Slack's answer was lost) is first looked up in the channel's history and
 * recorded as sent if found there.
 * Only the Slack calls are caught: a failure to record an answer leaves the claim to be
 * taken back, in doubt, rather than sending the message again.
 * A file upload (`UPLOAD_FILE`) is never looked up: one in doubt is uploaded again
 * (see `uploadFile`).
 */
export async function deliverMessage(delivery: Delivery, row: ClaimedMessage, report: DeliveryReport): Promise<MessageOutcome> {
  const { db, logger, renderAlarm } = delivery.deps;
  const payload = await messagePayload(db, row, renderAlarm);
  if (!payload) {
    logger.warn({ outboxId: row.id, ref: row.ref }, 'slack message has nothing to send');
    await markFailed(db, row.id, { error: 'nothing_to_send', inDoubtSince: null });
    report.failed++;
    return 'failed';
  }
  let ts: string | null = null;
  if (row.inDoubtSince && row.method === POST_MESSAGE) {
    try {
      ts = await postedEarlier(delivery, row, row.inDoubtSince);
    } catch (error) {
      return settleFailure(delivery, row, classifySlackError(error), { check: true }, report);
    }
    if (ts) logger.info({ outboxId: row.id, channel: row.channel, ts }, 'slack message in doubt was already posted');
  }
  if (!ts) {
    try {
      // A file upload records its file id where a message records its ts.
      ts = row.method === UPLOAD_FILE ? await uploadFile(delivery, row.channel, payload as UploadPayload) : await post(delivery, row, payload);
    } catch (error) {
      return settleFailure(delivery, row, classifySlackError(error), { check: false }, report);
    }
  }
  await markSent(db, row, ts, delivery.worker);
  report.sent++;
  return 'sent';
}

/** The `ts` of an in-doubt message found in its channel's history, or null. */
async function postedEarlier(delivery: Delivery, row: ClaimedMessage, since: Date): Promise<string | null> {
  const botId = await delivery.botId();
  return findPostedMessage(delivery.deps.client, { botId, channel: row.channel, outboxId: row.id, since });
}

/** Posts at the channel's pace, carrying the outbox id as metadata where Slack takes it. */
async function post(delivery: Delivery, row: ClaimedMessage, payload: object): Promise<string | null> {
  await delivery.pace.waitFor(row.channel);
  const metadata = row.method === POST_MESSAGE ? { metadata: JSON.stringify(outboxMetadata(row.id)) } : {};
  try {
    const result = (await delivery.deps.client.apiCall(row.method, { ...asFormFields(payload), ...metadata, channel: row.channel })) as { ts?: string };
    return result.ts ?? null;
  } finally {
    delivery.pace.spoke(row.channel);
  }
}

/**
 * Object fields (blocks, attachments) as the JSON text the client sends them as anyway: the
 * client otherwise walks every nested object once more to build a debug line, the largest
 * share of its work per message.
 */
function asFormFields(payload: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(payload).map(([key, value]) => [key, value !== null && typeof value === 'object' ? JSON.stringify(value) : value]));
}
