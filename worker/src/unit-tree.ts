import { compareSortKeys } from "../../shared/index.ts";
import { rememberedSortKey } from "../../shared/sort-key-memo.ts";
import type { Unit, UnitNode } from "./api-schemas.ts";
import type { Principal } from "./env.ts";
import { isSoleRoot, isValidOn, subtreeIdsOf } from "./repositories/unit-repository.ts";

/**
 * Units by name in Vietnamese dictionary order (shared/text.ts, as the ranking's ties and the
 * codes sheet order them: "Dương Minh" before "Đông Phong", "Ô Loan" before "Yên Thế"), then
 * by id, so that two units of one name keep one order. Keys are remembered per name (a board
 * sorts thousands of names per read).
 */
export const byVietnameseName = (a: { id: string; name: string }, b: { id: string; name: string }): number =>
  compareSortKeys(rememberedSortKey(a.name), rememberedSortKey(b.name)) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The units a period-wide reviewer view counts: a reviewer its subtree, the admin all (null) —
 * and the reviewer of the one unit above all others too (the province's): every unit reaches it
 * (D1 holds each parent link to a unit written before, and never changes it), so its subtree is
 * every unit, without reading 20,000 ids to learn so.
 */
export async function countedUnits(db: D1Database, principal: Principal): Promise<Set<string> | null> {
  if (principal.role === "admin") return null;
  const root = principal.unitId ?? "";
  return (await isSoleRoot(db, root)) ? null : subtreeIdsOf(db, root);
}

/** Ids in the subtree under `rootId` (parent links, all dates). */
export function subtreeIds(units: Unit[], rootId: string): Set<string> {
  const children = new Map<string, string[]>();
  for (const u of units) if (u.parentId) children.set(u.parentId, [...(children.get(u.parentId) ?? []), u.id]);
  const seen = new Set<string>([rootId]);
  const stack = [rootId];
  while (stack.length > 0) {
    for (const child of children.get(stack.pop()!) ?? []) {
      if (seen.has(child)) continue;
      seen.add(child);
      stack.push(child);
    }
  }
  return seen;
}

function ancestorIds(units: Unit[], id: string): Set<string> {
  const byId = new Map(units.map((u) => [u.id, u]));
  const seen = new Set<string>();
  for (let u = byId.get(id); u && !seen.has(u.id); u = u.parentId ? byId.get(u.parentId) : undefined) seen.add(u.id);
  return seen;
}

/**
 * The units a principal may see on a day, as a forest: admin everything, a reviewer its
 * subtree, a unit token its own unit under its ancestors (names only, for context). Roots and
 * each unit's children in Vietnamese order of their names.
 */
export function unitTree(units: Unit[], principal: Principal, asOf: string): UnitNode[] {
  const scope =
    principal.role === "admin" ? null : principal.role === "reviewer" ? subtreeIds(units, principal.unitId ?? "") : ancestorIds(units, principal.unitId ?? "");
  const visible = units.filter((u) => isValidOn(u, asOf) && (scope === null || scope.has(u.id))).sort(byVietnameseName);
  const nodes = new Map<string, UnitNode>(visible.map((u) => [u.id, { ...u, children: [] }]));
  const roots: UnitNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}
