import { parseCriteriaSet, type CriteriaSet } from "../../shared/index.ts";
import type { ApiClient, ApiFailure } from "./api/client.ts";
import { readJson, type KeyValueStore } from "./storage.ts";

/** Criteria sets are immutable per (id, version): fetched once, then checks work offline. */
const cacheKey = (id: string, version: number | null) => `parindex.criteria.${id}@${version ?? "local"}`;

/**
 * The copy kept on this computer, or null: a copy that no longer reads as JSON (edited by hand,
 * another program under the same key) is none, and the set is downloaded again — it had thrown,
 * and the pane, which reads it as it starts, stayed blank on every opening.
 */
export async function cachedCriteriaSet(store: KeyValueStore, id: string, version: number | null): Promise<CriteriaSet | null> {
  const json = await readJson<unknown>(store, cacheKey(id, version), null);
  if (json === null) return null;
  const parsed = parseCriteriaSet(json);
  return parsed.ok ? parsed.set : null;
}

export async function rememberCriteriaSet(store: KeyValueStore, set: CriteriaSet, version: number | null): Promise<void> {
  await store.set(cacheKey(set.id, version), JSON.stringify(set));
}

export async function loadCriteriaSet(store: KeyValueStore, client: ApiClient | null, id: string, version: number | null): Promise<CriteriaSet | ApiFailure | null> {
  const cached = await cachedCriteriaSet(store, id, version);
  if (cached || !client || version === null) return cached;
  const r = await client.criteriaSet(id, version);
  if (!r.ok) return r;
  await rememberCriteriaSet(store, r.value, version);
  return r.value;
}
