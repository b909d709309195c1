// Memory an isolate keeps between requests, bounded by the size of what it holds rather than
// by a count of entries: anyone can make new keys (URLs, complaint texts), and some are long.

/** A map whose entries are weighed by `sizeOf`; past `maxSize` the oldest are forgotten first, and one heavier than `maxEntry` is never kept. */
export class SizedMemory<K, V> {
  readonly #entries = new Map<K, { value: V; size: number }>();
  #size = 0;

  constructor(
    private readonly maxSize: number,
    private readonly sizeOf: (key: K, value: V) => number,
    private readonly maxEntry = maxSize,
  ) {}

  get(key: K): V | undefined {
    return this.#entries.get(key)?.value;
  }

  set(key: K, value: V): void {
    this.delete(key);
    const size = this.sizeOf(key, value);
    if (size > this.maxEntry) return;
    while (this.#size + size > this.maxSize && this.#entries.size > 0) this.delete(this.#entries.keys().next().value!);
    this.#entries.set(key, { value, size });
    this.#size += size;
  }

  delete(key: K): void {
    const entry = this.#entries.get(key);
    if (!entry) return;
    this.#entries.delete(key);
    this.#size -= entry.size;
  }

  clear(): void {
    this.#entries.clear();
    this.#size = 0;
  }
}
