// 64-bit hashes of text and a set of them, for following a million-row file in bounded
// memory. Two independent 32-bit hashes (FNV-1a and a multiply-xorshift) over UTF-16 code
// units: every step of each is a bijection of its state, so texts of one length that differ
// in a single code unit always hash apart, and other differences collide about once in 2^64.

const COMMA = 0x2c;
const QUOTE = 0x22;

/** The state a hash starts from. */
export const HASH_START: readonly [number, number] = [0x811c9dc5, 0x9747b28c];

/**
 * Each method hashes its input after the state `seed` and leaves the result in `hi` and
 * `lo`. `text`, which a million-row file runs per line, has its loop written out rather
 * than a call per character.
 */
export class Hash64 {
  hi = 0;
  /** Never 0, so that 0 can mark an empty slot. */
  lo = 0;
  private a = 0;
  private b = 0;

  /** The state after the last input, before the final mix: a seed for what follows it. */
  get state(): [number, number] {
    return [this.a, this.b];
  }

  text(text: string, seed = HASH_START): this {
    let a = seed[0];
    let b = seed[1];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995);
      b ^= b >>> 13;
    }
    return this.finish(a, b);
  }

  /**
   * The record as CSV text: fields joined by commas, a field quoted (its quotes doubled)
   * when it holds a comma, a quote or a line break. A plain record hashes as its text.
   */
  csv(fields: readonly string[], seed = HASH_START): this {
    let a = seed[0];
    let b = seed[1];
    const mix = (c: number) => {
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995);
      b ^= b >>> 13;
    };
    fields.forEach((field, k) => {
      if (k > 0) mix(COMMA);
      const quoted = /[",\r\n]/.test(field);
      if (quoted) mix(QUOTE);
      for (let i = 0; i < field.length; i++) {
        const c = field.charCodeAt(i);
        if (c === QUOTE) mix(QUOTE);
        mix(c);
      }
      if (quoted) mix(QUOTE);
    });
    return this.finish(a, b);
  }

  private finish(a: number, b: number): this {
    this.a = a;
    this.b = b;
    a ^= a >>> 16;
    a = Math.imul(a, 0x85ebca6b);
    a ^= a >>> 13;
    b ^= b >>> 15;
    b = Math.imul(b, 0xc2b2ae35);
    b ^= b >>> 16;
    this.hi = a >>> 0;
    this.lo = (b | 1) >>> 0;
    return this;
  }
}

/**
 * An open-addressing set of 64-bit hashes, as [hi, lo] pairs side by side: one cache miss
 * per probe. At most half full, so a probe rarely goes past its first slot.
 */
export class HashSet64 {
  private slots: Uint32Array;
  private used = 0;
  /** It would have grown past `maxWords`: it dropped its table and holds nothing from then on. */
  overflowed = false;

  /** `expected`: how many hashes it will hold, so that it need not grow on the way. */
  constructor(expected = 0, private readonly maxWords = Infinity) {
    let slots = 1 << 12;
    while (slots < expected * 2) slots *= 2;
    this.slots = new Uint32Array(slots * 2);
  }

  get size(): number {
    return this.used;
  }

  /** Where the hash sits (stable while the set does not grow), or -1 when it is not there. */
  slotOf(hi: number, lo: number): number {
    const { slots } = this;
    if (slots.length === 0) return -1;
    const mask = (slots.length >>> 1) - 1;
    for (let at = hi & mask; ; at = (at + 1) & mask) {
      const stored = slots[2 * at + 1];
      if (stored === 0) return -1;
      if (stored === lo && slots[2 * at] === hi) return at;
    }
  }

  /** How many slots the table has: `slotOf` answers below this. */
  get capacity(): number {
    return this.slots.length >>> 1;
  }

  /** Stores the hash; true when it was there already. */
  add(hi: number, lo: number): boolean {
    if (this.overflowed) return false;
    if (insert(this.slots, hi, lo)) return true;
    if (++this.used * 4 > this.slots.length) this.grow();
    return false;
  }

  private grow(): void {
    const old = this.slots;
    if (old.length > this.maxWords) {
      this.overflowed = true;
      this.slots = new Uint32Array(0);
      return;
    }
    this.slots = new Uint32Array(old.length * 2);
    for (let i = 0; i < old.length; i += 2) if (old[i + 1] !== 0) insert(this.slots, old[i]!, old[i + 1]!);
  }
}

/** Stores the hash in `slots`; true when it was there already. */
function insert(slots: Uint32Array, hi: number, lo: number): boolean {
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
