// A map that keeps its most recently used entries only: for caches of things derived per row or per sort that should
// not grow with every row or sort ever asked for (decision 059: the LUN table's row texts and sorted row arrays).

/** A Map of at most `limit` entries; `get` of a present key makes it the most recent, `set` drops the least recent. */
export class RecentMap<K, V> {
  private readonly entries = new Map<K, V>();
  constructor(private readonly limit: number) {}

  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      // Map keeps insertion order: re-inserted, it is the newest.
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: K, value: V): this {
    this.entries.delete(key);
    this.entries.set(key, value);
    while (this.entries.size > this.limit) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
    return this;
  }

  get size(): number {
    return this.entries.size;
  }
}
