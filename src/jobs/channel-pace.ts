/** Slack allows about one message per second per channel. */
export const CHANNEL_PACE_MS = 1000;

/** When each channel last spoke, so that none is sent to faster than the pace. */
export interface ChannelPace {
  /** Waits until `channel` may speak again. */
  waitFor(channel: string): Promise<void>;
  /** Records that `channel` spoke just now. */
  spoke(channel: string): void;
  /** Channels that spoke within the pace, with the time each becomes free again. */
  cooling(): Map<string, number>;
}

export function channelPace(paceMs: number, clock: { now: () => Date; sleep: (ms: number) => Promise<void> }): ChannelPace {
  const lastSent = new Map<string, number>();
  return {
    async waitFor(channel) {
      const wait = (lastSent.get(channel) ?? 0) + paceMs - clock.now().getTime();
      if (wait > 0) await clock.sleep(wait);
    },
    spoke(channel) {
      lastSent.set(channel, clock.now().getTime());
    },
    cooling() {
      const at = clock.now().getTime();
      const cooling = new Map<string, number>();
      for (const [channel, sent] of lastSent) {
        if (sent + paceMs > at) cooling.set(channel, sent + paceMs - at);
        else lastSent.delete(channel); // free again: nothing to remember
      }
      return cooling;
    },
  };
}
