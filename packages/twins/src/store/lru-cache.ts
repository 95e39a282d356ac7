interface Slot<V> {
  value: V;
  /** Read since it was last inserted or given its second chance. */
  used: boolean;
}

/**
 * A bounded map that forgets entries nobody read recently first (second-chance, an approximation of
 * least-recently-used): a read only sets a flag, because several reads per message made moving the
 * entry on every read (delete + set) a measurable cost. At eviction, read entries go back to the
 * young end once instead of being dropped.
 */
export class LruCache<K, V> {
  private readonly entries = new Map<K, Slot<V>>();

  constructor(private readonly capacity: number) {}

  /** Number of entries held. */
  get size(): number {
    return this.entries.size;
  }

  /** The value, marked as recently used. */
  get(key: K): V | undefined {
    const slot = this.entries.get(key);
    if (slot === undefined) return undefined;
    slot.used = true;
    return slot.value;
  }

  /** Stores a value as the youngest entry, evicting an entry not used recently beyond capacity. */
  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, { value, used: false });
    while (this.entries.size > this.capacity) {
      const [oldestKey, oldest] = this.entries.entries().next().value as [K, Slot<V>];
      this.entries.delete(oldestKey);
      // Never the entry being made room for.
      if (!oldest.used && oldestKey !== key) break;
      oldest.used = false;
      this.entries.set(oldestKey, oldest);
    }
  }
}
