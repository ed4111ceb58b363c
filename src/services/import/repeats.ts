// Finds out, cheaply and in bounded memory, whether a file may repeat a key. Each key is
// kept as a 64-bit hash: a key seen twice is always noticed; two different keys sharing a
// hash (about once in 10^7 files of a million rows) only cost the exact check in SQL.
import { HASH_START, Hash64, HashSet64 } from './hash64.js';

/** Beyond this many slots (2M keys, 32 MB) the exact check in SQL is cheaper than the memory. */
const MAX_SLOTS = 1 << 22;

export class RepeatDetector {
  private readonly hash = new Hash64();
  private readonly keys: HashSet64;
  /** A key may occur twice: run the exact check. */
  maybeRepeated = false;

  constructor(maxSlots = MAX_SLOTS) {
    this.keys = new HashSet64(0, maxSlots);
  }

  /** Too many keys to follow: run the exact check. */
  get gaveUp(): boolean {
    return this.keys.overflowed;
  }

  get needsExactCheck(): boolean {
    return this.maybeRepeated || this.gaveUp;
  }

  add(key: string): void {
    if (this.needsExactCheck) return;
    const { hi, lo } = this.hash.text(key, [HASH_START[0], HASH_START[1] ^ key.length]);
    if (this.keys.add(hi, lo)) this.maybeRepeated = true;
  }
}
