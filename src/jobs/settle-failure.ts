import type { ClaimedMessage } from '../services/outbox.js';
import { markFailed, markRetry } from '../services/outbox.js';
import { backoffMs } from './backoff.js';
import type { Delivery, DeliveryReport } from './delivery-context.js';
import { POST_MESSAGE } from './outbox-metadata.js';
import type { SlackFailure } from './slack-errors.js';

/**
 * A failed Slack call: permanent errors fail the message with Slack's reason, any other
 * is retried, after Retry-After or the backoff. The message stays in doubt when its
 * history check failed (`at.check`), and becomes so when a post's answer was lost on the way.
 */
export async function settleFailure(
  delivery: Delivery,
  row: ClaimedMessage,
  failure: SlackFailure,
  at: { check: boolean },
  report: DeliveryReport,
): Promise<'failed' | 'retried'> {
  const { db, logger } = delivery.deps;
  const error = at.check ? `history check: ${failure.reason}` : failure.reason;
  const lostAnswer = !at.check && failure.kind === 'transient' && failure.unanswered && row.method === POST_MESSAGE;
  const inDoubtSince = at.check ? row.inDoubtSince : lostAnswer ? row.claimedAt : null;
  if (failure.kind === 'permanent') {
    logger.warn({ outboxId: row.id, channel: row.channel, reason: error }, 'slack message failed');
    await markFailed(db, row.id, { error, inDoubtSince });
    report.failed++;
    return 'failed';
  }
  const delay = failure.kind === 'rate_limited' ? failure.retryAfterMs : backoffMs(row.attempts);
  logger.info({ outboxId: row.id, channel: row.channel, reason: error, delay }, 'slack message retried');
  await markRetry(db, row.id, { nextAttemptAt: new Date(delivery.now().getTime() + delay), error, inDoubtSince });
  report.retried++;
  return 'retried';
}
