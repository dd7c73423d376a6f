/**
 * Strings to positive integers in an open-addressing hash over two typed arrays (issue 21: a Map
 * of a million Employee IDs was two thirds of reading a 1,048,576-row roster, and 50 MB). The
 * keys are not stored: a slot holds a value and its key's hash, and `keyOf(value)` gives the key
 * back when two hashes meet. The roster's duplicate-ID check and the supplemental family's
 * Employee ID lookup share it.
 */

/** FNV-1a over a text's UTF-16 code units (32 bits, as a signed integer). */
function hashOf(key: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < key.length; index++) hash = Math.imul(hash ^ key.charCodeAt(index), 0x01000193);
  return hash;
}

export class StringTable {
  private readonly values: Int32Array;
  private readonly hashes: Int32Array;
  private readonly mask: number;

  /** Room for `capacity` keys (the table is kept at most half full); values must be 1 or more. */
  constructor(
    capacity: number,
    private readonly keyOf: (value: number) => string,
  ) {
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.values = new Int32Array(size);
    this.hashes = new Int32Array(size);
    this.mask = size - 1;
  }

  /** The slot holding `key`, or the empty slot where it would go. */
  private slotOf(key: string, hash: number): number {
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const value = this.values[slot];
      if (value === 0 || (this.hashes[slot] === hash && this.keyOf(value) === key)) return slot;
    }
  }

  /** The value of `key`, or undefined. */
  get(key: string): number | undefined {
    const value = this.values[this.slotOf(key, hashOf(key))];
    return value === 0 ? undefined : value;
  }

  /** The value `key` already has, or undefined after giving it `value`. */
  firstOrAdd(key: string, value: number): number | undefined {
    const hash = hashOf(key);
    const slot = this.slotOf(key, hash);
    const held = this.values[slot];
    if (held !== 0) return held;
    this.values[slot] = value;
    this.hashes[slot] = hash;
    return undefined;
  }

  /** Gives `key` the value `value`, replacing the one it had. */
  set(key: string, value: number): void {
    const hash = hashOf(key);
    const slot = this.slotOf(key, hash);
    this.values[slot] = value;
    this.hashes[slot] = hash;
  }
}
