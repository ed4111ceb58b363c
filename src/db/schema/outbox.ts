import { bigserial, boolean, index, integer, json, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { outboxStateEnum } from './enums.js';

/** Slack messages written with the fact they announce and delivered later, once. */
export const outbox = pgTable(
  'outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** Slack channel or user id the message goes to. */
    channel: text('channel').notNull(),
    method: text('method').notNull().default('chat.postMessage'),
    /**
     * chat.postMessage arguments but the channel; null for an alarm, rendered from the alarm
     * when sent. `json`, not `jsonb`: stored and handed back as written, never queried inside,
     * so the morning's megabytes of lists are not taken apart and rebuilt on the way.
     */
    payload: json('payload').$type<Record<string, unknown>>(),
    state: outboxStateEnum('state').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    claimedBy: text('claimed_by'),
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
    /**
     * Claimed by a process that died before recording the answer (or Slack's answer to the
     * post was lost): the message may have reached Slack, so the channel's history is
     * checked before it is sent again, from `claimed_at`, which an unsent message in doubt
     * keeps as the time of the claim that may have posted it.
     */
    inDoubt: boolean('in_doubt').notNull().default(false),
    lastError: text('last_error'),
    /** What the message is about (for example `alarm:42`), so its `ts` can be kept there. */
    ref: text('ref'),
    messageTs: text('message_ts'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [index('outbox_due_idx').on(t.state, t.nextAttemptAt, t.id)],
);

export type OutboxRow = typeof outbox.$inferSelect;
