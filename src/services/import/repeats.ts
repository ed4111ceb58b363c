// Finds out, cheaply and in bounded memory, whether a file may repeat a key. Each key is
// kept as a 64-bit hash: a key seen twice is always noticed; two different keys sharing a
// hash (about once in 10^7 files of a million rows) only cost the exact check in SQL.

const FIRST_SLOTS = 1 << 12;
/** Beyond this many slots (2M keys, 32 MB) the exact check in SQL is cheaper than the memory. */
const MAX_SLOTS = 1 << 22;

export class RepeatDetector {
  constructor(private readonly maxSlots = MAX_SLOTS) {}

  // Each slot is two words side by side, [hi, lo]: one cache miss per probe, not two.
  private slots = new Uint32Array(FIRST_SLOTS * 2);
  private used = 0;
  /** A key may occur twice: run the exact check. */
  maybeRepeated = false;
  /** Too many keys to follow: run the exact check. */
  gaveUp = false;

  get needsExactCheck(): boolean {
    return this.maybeRepeated || this.gaveUp;
  }

  add(key: string): void {
    if (this.maybeRepeated || this.gaveUp) return;
    // Two independent 32-bit hashes (FNV-1a and a multiply-xorshift), mixed at the end.
    let a = 0x811c9dc5;
    let b = 0x9747b28c ^ key.length;
    for (let i = 0; i < key.length; i++) {
      const c = key.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995);
      b ^= b >>> 13;
    }
    a ^= a >>> 16;
    a = Math.imul(a, 0x85ebca6b);
    a ^= a >>> 13;
    b ^= b >>> 15;
    b = Math.imul(b, 0xc2b2ae35);
    b ^= b >>> 16;
    const hi = a >>> 0;
    const lo = (b | 1) >>> 0; // never 0: an empty slot has lo 0
    if (this.insert(hi, lo)) this.maybeRepeated = true;
    else if (++this.used * 4 > this.slots.length) this.grow();
  }

  /** Stores the hash; true when it was there already. */
  private insert(hi: number, lo: number): boolean {
    const { slots } = this;
    const mask = (slots.length >>> 1) - 1;
    for (let at = hi & mask; ; at = (at + 1) & mask) {
      const stored = slots[2 * at + 1];
      if (stored === 0) {
        slots[2 * at] = hi;
        slots[2 * at + 1] = lo;
        return false;
      }
      if (stored === lo && slots[2 * at] === hi) return true;
    }
  }

  private grow(): void {
    const size = this.slots.length; // twice the slots there are now (two words each)
    if (size > this.maxSlots) {
      this.gaveUp = true;
      this.slots = new Uint32Array(0);
      return;
    }
    const old = this.slots;
    this.slots = new Uint32Array(size * 2);
    for (let i = 0; i < old.length; i += 2) if (old[i + 1] !== 0) this.insert(old[i]!, old[i + 1]!);
  }
}
