/**
 * Caches an isolate keeps of what never changes inside one database: a published criteria
 * set, a period's set, a unit's type, the last ranking snapshots read (each checked against
 * D1's description before use). One registry, so that whatever runs one isolate over several
 * databases — the Worker test suite, which gives each test file a fresh D1 in a reused
 * isolate — can forget them all at once. A deployed Worker has one database and never calls it.
 */
const caches: { clear(): void }[] = [];

export function isolateCache<K, V>(): Map<K, V> {
  const cache = new Map<K, V>();
  caches.push(cache);
  return cache;
}

export function forgetIsolateCaches(): void {
  for (const cache of caches) cache.clear();
}
