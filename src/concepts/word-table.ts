/**
 * An open-addressing hash table from a word's characters (a slice of some text, given by offsets) to a dense
 * word number, so the matcher's hot loop looks a token up without allocating a string for it: FNV-1a over the
 * UTF-16 code units, linear probing, comparison against the stored word code unit by code unit. A word met for
 * the first time is sliced once and stored. Each number carries whatever the caller attaches in its own arrays.
 */

export class WordTable {
  private slots: Int32Array;
  private hashes: Int32Array;
  readonly words: string[] = [];

  constructor(capacity = 1 << 14) {
    this.slots = new Int32Array(capacity).fill(-1);
    this.hashes = new Int32Array(capacity);
  }

  get size(): number {
    return this.words.length;
  }

  /** The number of `text[start, end)`, or -1 when absent (`insert` false) — inserted otherwise. */
  lookup(text: string, start: number, end: number, insert: boolean): number {
    let h = 0x811c9dc5 | 0;
    for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    const mask = this.slots.length - 1;
    const length = end - start;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const id = this.slots[slot]!;
      if (id === -1) {
        if (!insert) return -1;
        return this.add(slot, h, text.slice(start, end));
      }
      if (this.hashes[slot] !== h) continue;
      const word = this.words[id]!;
      if (word.length !== length) continue;
      let same = true;
      for (let i = 0; i < length; i++) {
        if (word.charCodeAt(i) !== text.charCodeAt(start + i)) {
          same = false;
          break;
        }
      }
      if (same) return id;
    }
  }

  private add(slot: number, h: number, word: string): number {
    const id = this.words.length;
    this.words.push(word);
    this.slots[slot] = id;
    this.hashes[slot] = h;
    if (this.words.length * 2 > this.slots.length) this.rehash();
    return id;
  }

  private rehash(): void {
    const size = this.slots.length * 2;
    const slots = new Int32Array(size).fill(-1);
    const hashes = new Int32Array(size);
    const mask = size - 1;
    for (let old = 0; old < this.slots.length; old++) {
      const id = this.slots[old]!;
      if (id === -1) continue;
      const h = this.hashes[old]!;
      let slot = h & mask;
      while (slots[slot] !== -1) slot = (slot + 1) & mask;
      slots[slot] = id;
      hashes[slot] = h;
    }
    this.slots = slots;
    this.hashes = hashes;
  }
}
