// The local Slack's conversations: messages per conversation, ts values as Slack writes them,
// and conversations.history's paging.

import type { Block, LocalFile, LocalMessage } from './protocol.js';

/** Slack's message metadata: kept with the message, given back by conversations.history only. */
export interface MessageMetadata {
  event_type?: string;
  event_payload?: Record<string, unknown>;
}

/** A message as the local Slack keeps it: what the page sees, plus its metadata. */
export interface StoredMessage extends LocalMessage {
  metadata?: MessageMetadata;
}

/** What a new message is made of (the ts and the conversation are the store's). */
export interface NewMessage {
  user: string;
  text: string;
  blocks?: Block[];
  files?: LocalFile[];
  ephemeralTo?: string;
  metadata?: MessageMetadata;
}

/** A ts as two numbers, so they compare without floating point: seconds and the six digits after the dot. */
function parseTs(ts: string): [number, number] {
  const [seconds = '0', fraction = ''] = ts.split('.');
  return [Number(seconds) || 0, Number(fraction.padEnd(6, '0').slice(0, 6)) || 0];
}

export function compareTs(a: string, b: string): number {
  const [as, af] = parseTs(a);
  const [bs, bf] = parseTs(b);
  return as - bs || af - bf;
}

/** Hands out ts values as Slack writes them (`seconds.sequence`), strictly increasing. */
export class TsClock {
  private seconds = 0;
  private sequence = 0;

  constructor(private readonly now: () => number = Date.now) {}

  next(): string {
    const seconds = Math.floor(this.now() / 1000);
    if (seconds > this.seconds) {
      this.seconds = seconds;
      this.sequence = 1;
    } else if (++this.sequence > 999_999) {
      this.seconds += 1;
      this.sequence = 1;
    }
    return `${this.seconds}.${String(this.sequence).padStart(6, '0')}`;
  }
}

export interface HistoryQuery {
  oldest?: string;
  latest?: string;
  inclusive?: boolean;
  limit?: number;
  cursor?: string;
}

export interface HistoryPage {
  messages: StoredMessage[];
  hasMore: boolean;
  nextCursor: string;
}

/** Messages per conversation, oldest first; ephemeral ones stay beside the others. */
export class MessageStore {
  private readonly byConversation = new Map<string, StoredMessage[]>();
  private readonly clock: TsClock;

  constructor(now?: () => number) {
    this.clock = new TsClock(now);
  }

  in(channel: string): StoredMessage[] {
    return this.byConversation.get(channel) ?? [];
  }

  add(channel: string, message: NewMessage): StoredMessage {
    const stored: StoredMessage = { channel, ts: this.clock.next(), ...dropUndefined(message) };
    this.byConversation.set(channel, [...this.in(channel), stored]);
    return stored;
  }

  find(channel: string, ts: string): StoredMessage | undefined {
    return this.in(channel).find((m) => m.ts === ts);
  }

  /** Replaces the message's fields given; false when there is no such message. */
  change(channel: string, ts: string, change: Partial<NewMessage> & { edited?: boolean }): StoredMessage | undefined {
    const old = this.find(channel, ts);
    if (!old) return undefined;
    const next: StoredMessage = { ...old, ...dropUndefined(change) };
    this.byConversation.set(channel, this.in(channel).map((m) => (m === old ? next : m)));
    return next;
  }

  remove(channel: string, ts: string): boolean {
    const before = this.in(channel);
    const after = before.filter((m) => m.ts !== ts);
    this.byConversation.set(channel, after);
    return after.length !== before.length;
  }

  /** conversations.history: newest first, between `oldest` and `latest`, `limit` at a time from `cursor`. */
  history(channel: string, query: HistoryQuery): HistoryPage {
    const after = (ts: string) => !query.oldest || (query.inclusive ? compareTs(ts, query.oldest) >= 0 : compareTs(ts, query.oldest) > 0);
    const before = (ts: string) => !query.latest || (query.inclusive ? compareTs(ts, query.latest) <= 0 : compareTs(ts, query.latest) < 0);
    const newestFirst = this.in(channel)
      .filter((m) => !m.ephemeralTo && after(m.ts) && before(m.ts))
      .reverse();
    const start = Math.max(0, Number(query.cursor ?? 0) || 0);
    const limit = Math.min(Math.max(1, query.limit ?? 100), 999);
    const hasMore = start + limit < newestFirst.length;
    return { messages: newestFirst.slice(start, start + limit), hasMore, nextCursor: hasMore ? String(start + limit) : '' };
  }
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
