// Strings to numbers without V8's string table. In Chromium, a string used as a Map or Set key (set, get or has) or as
// an object's property name is internalized: put in the engine's string table, where it stays while it lives, and
// every major garbage collection visits every entry of that table while the page waits. A host's 50,000 LUN IDs and
// serials kept in Maps made ~100,000 entries; without them a major pause on huge-san's scroll measured ~18 ms instead
// of ~23.5 (in turns; a page of 150,000 such strings alone: 18–20 ms against 3–4.5; decision 065).
// For sets of unique values that grow with the data (LUN IDs, serials), this index hashes the text itself.

const EMPTY = 0;

/** FNV-1a over the UTF-16 code units. */
function hashOf(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h | 0;
}

/** Each distinct text added gets the next number from 0; `numberOf` finds it again. Texts are never removed. */
export class TextIndex {
  private readonly list: string[] = [];
  private hashes: Int32Array;
  /** Open addressing: each slot holds a text's number + 1, or EMPTY. */
  private slots: Int32Array;

  constructor(expected = 0) {
    let size = 16;
    while (size < expected * 2) size *= 2;
    this.slots = new Int32Array(size);
    this.hashes = new Int32Array(Math.max(expected, 8));
  }

  /** How many distinct texts were added. */
  get size(): number {
    return this.list.length;
  }

  /** The texts in the order they were first added (index = number). */
  get texts(): readonly string[] {
    return this.list;
  }

  /** The number of a text added before, or -1. */
  numberOf(s: string): number {
    const h = hashOf(s);
    const mask = this.slots.length - 1;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const slot = this.slots[i]!;
      if (slot === EMPTY) return -1;
      const n = slot - 1;
      if (this.hashes[n] === h && this.list[n] === s) return n;
    }
  }

  /** The number of the text: the one it had, or the next one. */
  add(s: string): number {
    const h = hashOf(s);
    const mask = this.slots.length - 1;
    let i = h & mask;
    for (; ; i = (i + 1) & mask) {
      const slot = this.slots[i]!;
      if (slot === EMPTY) break;
      const n = slot - 1;
      if (this.hashes[n] === h && this.list[n] === s) return n;
    }
    const n = this.list.length;
    this.list.push(s);
    if (n >= this.hashes.length) {
      const grown = new Int32Array(this.hashes.length * 2);
      grown.set(this.hashes);
      this.hashes = grown;
    }
    this.hashes[n] = h;
    this.slots[i] = n + 1;
    if ((n + 1) * 2 > this.slots.length) this.rehash();
    return n;
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let n = 0; n < this.list.length; n++) {
      let i = this.hashes[n]! & mask;
      while (slots[i] !== EMPTY) i = (i + 1) & mask;
      slots[i] = n + 1;
    }
    this.slots = slots;
  }
}

/** Items looked up by a text key (a LUN's ID), without the keys in V8's string table. */
export class KeyedItems<T> {
  private readonly index: TextIndex;
  private readonly items: T[] = [];

  constructor(items: readonly T[], keyOf: (item: T) => string) {
    this.index = new TextIndex(items.length);
    for (const item of items) {
      // A key seen before takes the later item, as `new Map(entries)` does.
      this.items[this.index.add(keyOf(item))] = item;
    }
  }

  get(key: string): T | undefined {
    const n = this.index.numberOf(key);
    return n < 0 ? undefined : this.items[n];
  }

  has(key: string): boolean {
    return this.index.numberOf(key) >= 0;
  }
}

/** What the LUN pages ask of a set of LUN IDs (a `ReadonlySet<string>` has it too). */
export interface TextLookup {
  has(text: string): boolean;
  readonly size: number;
}

/** A set of texts (the checked LUN IDs) asked about for every row shown, without them in V8's string table. */
export class TextSet implements TextLookup {
  private readonly index = new TextIndex();

  constructor(texts: Iterable<string> = []) {
    for (const text of texts) this.index.add(text);
  }

  has(text: string): boolean {
    return this.index.numberOf(text) >= 0;
  }

  get size(): number {
    return this.index.size;
  }

  /** The texts, each once, in the order first given. */
  [Symbol.iterator](): Iterator<string> {
    return this.index.texts.values();
  }
}
