/** Transient errors are retried forever: the first retry waits 1 s, each next one twice as long, up to 5 minutes. */
export const MAX_BACKOFF_MS = 5 * 60_000;

/** The wait before the next try of a message tried `attempts` times (counting the one that failed). */
export const backoffMs = (attempts: number) => Math.min(MAX_BACKOFF_MS, 1000 * 2 ** (Math.max(1, attempts) - 1));
