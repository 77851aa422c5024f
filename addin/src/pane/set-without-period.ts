import type { CriteriaSet } from "../../../shared/index.ts";
import type { ApiClient, UnitNode } from "../api/client.ts";
import { loadCriteriaSet } from "../criteria.ts";
import type { KeyValueStore } from "../storage.ts";

/**
 * What a unit with no open period checks its draft against (PANE3-9): the newest published
 * criteria set of its own level — its type from GET /v1/units (a unit token sees its own unit),
 * the sets from GET /v1/criteria-sets (a unit token lists the published ones). Only a check:
 * nothing is submitted without a period. Null when the server offers none (or cannot be asked).
 */
export async function newestSetOfLevel(client: ApiClient, store: KeyValueStore, unitId: string): Promise<CriteriaSet | null> {
  const [tree, sets] = await Promise.all([client.unitTree(), client.publishedSets()]);
  if (!tree.ok || !sets.ok) return null;
  const type = findUnit(tree.value, unitId)?.type;
  const newest = sets.value.filter((s) => s.unitType === type).sort((a, b) => b.year - a.year || b.version - a.version)[0];
  if (!newest) return null;
  const set = await loadCriteriaSet(store, client, newest.id, newest.version);
  return set && !("ok" in set) ? set : null;
}

function findUnit(nodes: UnitNode[], id: string): UnitNode | null {
  for (const n of nodes) {
    if (n.id === id) return n;
    const below = findUnit(n.children, id);
    if (below) return below;
  }
  return null;
}
