/**
 * Strings to positive integers in an open-addressing hash over one typed array (issue 21: a Map
 * of a million Employee IDs was two thirds of reading a 1,048,576-row roster, and 50 MB). The
 * keys are not stored as strings: a slot holds a value, its key's hash and — for a short key (1 to
 * 8 characters, each U+0001 to U+00FF: most Employee IDs, "E0000123") — the key's characters
 * packed into two numbers, so a lookup compares numbers in the slot it lands on and never reads
 * the stored key's string (issue 22: 150,000 assignments looked up among 100,000 IDs in no order
 * spent most of their time fetching those strings). A longer key is given back by
 * `keyOf(value)` when two hashes meet. The roster's duplicate-ID check and the supplemental
 * family's Employee ID lookup share it; the duplicate check, which looks each key up once and
 * finds it only for a duplicate, keeps the slots half as wide without the packed characters.
 */

/** Keys looked up or added together by getEach and setEach. */
const GROUP = 32;

export class StringTable {
  /** A slot: value (0 = empty), hash and, when packed, the characters' two words (0 and 0 for a key that is not short). */
  private readonly slots: Int32Array;
  private readonly stride: 2 | 4;
  private readonly mask: number;
  /** Set by `digest`: the key's hash and, for a short key, its characters packed (else 0 and 0). */
  private hash = 0;
  private low = 0;
  private high = 0;
  /** getEach and setEach: a group's digests, and what their slot fetches read (kept, so no fetch is left out). */
  private readonly hashes = new Int32Array(GROUP);
  private readonly lows = new Int32Array(GROUP);
  private readonly highs = new Int32Array(GROUP);
  private fetched = 0;

  /**
   * Room for `capacity` keys (the table is kept at most half full); values must be 1 or more.
   * `packed`: short keys' characters are kept in their slots (lookups that find most keys).
   */
  constructor(
    capacity: number,
    private readonly keyOf: (value: number) => string,
    packed = true,
  ) {
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.stride = packed ? 4 : 2;
    this.slots = new Int32Array(size * this.stride);
    this.mask = size - 1;
  }

  /**
   * FNV-1a over a text's UTF-16 code units (32 bits, as a signed integer) and, in the same pass,
   * a short key's characters: four to a word, a byte each. Exact: a short key has no U+0000, so
   * the first zero byte ends it, and a key that is not short (low = 0) never equals one that is
   * (low ≠ 0: its first character is not U+0000).
   */
  private digest(key: string): void {
    let hash = 0x811c9dc5;
    let low = 0;
    let high = 0;
    let short = key.length >= 1 && key.length <= 8;
    for (let index = 0; index < key.length; index++) {
      const code = key.charCodeAt(index);
      hash = Math.imul(hash ^ code, 0x01000193);
      if (code === 0 || code > 0xff) short = false;
      else if (index < 4) low |= code << (index * 8);
      else if (index < 8) high |= code << ((index - 4) * 8);
    }
    this.hash = hash | 0;
    this.low = short && this.stride === 4 ? low : 0;
    this.high = short && this.stride === 4 ? high : 0;
  }

  /** Where in `slots` the slot holding the digested `key` is, or the empty slot it would go in. */
  private slotOf(key: string): number {
    const { slots, stride, hash, low, high } = this;
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const at = slot * stride;
      const value = slots[at];
      if (value === 0) return at;
      if (slots[at + 1] !== hash) continue;
      // Short keys are equal when their packed characters are; other keys are read back.
      if (stride === 2 || low === 0) {
        if ((stride === 2 || slots[at + 2] === 0) && this.keyOf(value) === key) return at;
      } else if (slots[at + 2] === low && slots[at + 3] === high) return at;
    }
  }

  /** The value of `key`, or undefined. */
  get(key: string): number | undefined {
    this.digest(key);
    const value = this.slots[this.slotOf(key)];
    return value === 0 ? undefined : value;
  }

  /** Writes the digested key and its value into the slot at `at`. */
  private fill(at: number, value: number): void {
    const slots = this.slots;
    slots[at] = value;
    slots[at + 1] = this.hash;
    if (this.stride === 4) {
      slots[at + 2] = this.low;
      slots[at + 3] = this.high;
    }
  }

  /**
   * The values of keyAt(0) … keyAt(count − 1) into `out` (0 for a key not held). Keys are taken
   * GROUP at a time: digested, then their slots fetched one after another without waiting on each
   * other, then looked up in slots now in the cache (issue 22: 150,000 Employee IDs looked up in
   * no order spent most of their time waiting on memory, one slot at a time).
   */
  getEach(count: number, keyAt: (index: number) => string, out: Int32Array): void {
    for (let start = 0; start < count; start += GROUP) {
      const end = Math.min(count, start + GROUP);
      this.digestGroup(start, end, keyAt);
      for (let index = start; index < end; index++) {
        this.restore(index - start);
        out[index] = this.slots[this.slotOf(keyAt(index))];
      }
    }
  }

  /**
   * For keyAt(0) … keyAt(count − 1) in turn, the value the key already has into `out`, or 0
   * after giving it valueAt(index) (the first value of a key stays; GROUP at a time as getEach).
   */
  firstOrAddEach(
    count: number,
    keyAt: (index: number) => string,
    valueAt: (index: number) => number,
    out: Int32Array,
  ): void {
    for (let start = 0; start < count; start += GROUP) {
      const end = Math.min(count, start + GROUP);
      this.digestGroup(start, end, keyAt);
      for (let index = start; index < end; index++) {
        this.restore(index - start);
        const at = this.slotOf(keyAt(index));
        const held = this.slots[at];
        if (held !== 0) out[index] = held;
        else {
          out[index] = 0;
          this.fill(at, valueAt(index));
        }
      }
    }
  }

  /** Gives keyAt(0) … keyAt(count − 1) the values valueAt(0) …, replacing those they had; GROUP at a time, as getEach. */
  setEach(count: number, keyAt: (index: number) => string, valueAt: (index: number) => number): void {
    for (let start = 0; start < count; start += GROUP) {
      const end = Math.min(count, start + GROUP);
      this.digestGroup(start, end, keyAt);
      for (let index = start; index < end; index++) {
        this.restore(index - start);
        this.fill(this.slotOf(keyAt(index)), valueAt(index));
      }
    }
  }

  /** Digests keys start … end − 1 into the group's arrays, then fetches each one's first slot. */
  private digestGroup(start: number, end: number, keyAt: (index: number) => string): void {
    const { hashes, lows, highs, slots, mask } = this;
    for (let index = start; index < end; index++) {
      this.digest(keyAt(index));
      hashes[index - start] = this.hash;
      lows[index - start] = this.low;
      highs[index - start] = this.high;
    }
    let fetched = this.fetched;
    for (let g = 0; g < end - start; g++) fetched ^= slots[(hashes[g] & mask) * this.stride];
    this.fetched = fetched;
  }

  /** Makes the group's g-th digest the current one. */
  private restore(g: number): void {
    this.hash = this.hashes[g];
    this.low = this.lows[g];
    this.high = this.highs[g];
  }
}
