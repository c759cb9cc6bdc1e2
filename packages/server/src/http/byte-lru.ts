/**
 * A least-recently-used cache bounded by the total size of its values (in bytes, as the caller counts
 * them), so a server holding many runs' rendered reports or parsed tables cannot grow without bound.
 * An entry is stored with a version (e.g. the file's modification time): a get with another version is
 * a miss. A value larger than the whole budget is not stored.
 * @example const c = new ByteLru<string>(1024); c.set('a', 1, 'x'.repeat(10), 10); c.get('a', 1) // 'xxxxxxxxxx'
 */
export class ByteLru<V> {
  private readonly entries = new Map<string, { version: string | number; value: V; bytes: number }>();
  private total = 0;

  /** @param maxBytes the budget; least recently used entries are evicted to stay within it */
  constructor(readonly maxBytes: number) {}

  /** The value stored for key at this version (and marks it most recently used), or undefined. */
  get(key: string, version: string | number): V | undefined {
    const e = this.entries.get(key);
    if (e === undefined || e.version !== version) return undefined;
    this.entries.delete(key);
    this.entries.set(key, e);
    return e.value;
  }

  /** Stores value for key (replacing any other version), then evicts the least recently used beyond the budget. */
  set(key: string, version: string | number, value: V, bytes: number): void {
    this.delete(key);
    if (bytes > this.maxBytes) return;
    this.entries.set(key, { version, value, bytes });
    this.total += bytes;
    for (const [k, e] of this.entries) {
      if (this.total <= this.maxBytes) break;
      this.entries.delete(k);
      this.total -= e.bytes;
    }
  }

  delete(key: string): void {
    const e = this.entries.get(key);
    if (e === undefined) return;
    this.entries.delete(key);
    this.total -= e.bytes;
  }

  /** The bytes held and the number of entries. */
  get size(): { bytes: number; entries: number } {
    return { bytes: this.total, entries: this.entries.size };
  }
}
