/** A Web Storage for Node tests: one origin's localStorage, optionally with a quota in characters (keys and values). */
export class FakeStorage implements Storage {
  private readonly data = new Map<string, string>();
  constructor(private readonly quota = Infinity) {}

  get length(): number {
    return this.data.size;
  }
  key(i: number): string | null {
    return [...this.data.keys()][i] ?? null;
  }
  getItem(key: string): string | null {
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    const used = [...this.data].reduce((n, [k, v]) => n + (k === key ? 0 : k.length + v.length), 0);
    if (used + key.length + value.length > this.quota) throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    this.data.set(key, value);
  }
  removeItem(key: string): void {
    this.data.delete(key);
  }
  clear(): void {
    this.data.clear();
  }
  keys(): string[] {
    return [...this.data.keys()];
  }
}
