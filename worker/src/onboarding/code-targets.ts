import type { Context } from "hono";
import { compareVietnamese, type IssueCodesRequest } from "../../../shared/index.ts";
import type { Unit } from "../api-schemas.ts";
import { now, today } from "../clock.ts";
import type { AppEnv, Principal } from "../env.ts";
import { localizedError } from "../locale.ts";
import { listAllUnits } from "../repositories/unit-repository.ts";
import { subtreeIds } from "../unit-tree.ts";

/**
 * Which units a caller may issue activation codes for: the admin any unit, a reviewer the
 * units strictly below its own (a district's own token comes from the province). Only
 * units not closed by a merge: a code for a unit that no longer exists would enrol nobody.
 */
interface Scope {
  units: Map<string, Unit>;
  /** Ids the caller may issue for; null: all (admin). */
  allowed: Set<string> | null;
  today: string;
}

async function scopeOf(c: Context<AppEnv>, principal: Principal): Promise<Scope> {
  const all = await listAllUnits(c.env.DB);
  const units = new Map(all.map((u) => [u.id, u]));
  const below = principal.role === "admin" ? null : subtreeIds(all, principal.unitId ?? "");
  below?.delete(principal.unitId ?? "");
  return { units, allowed: below, today: today(now(c)) };
}

/** A unit codes are issued for, with the unit it sits under (namesakes are told apart by it on the sheet). */
export interface CodeTarget {
  id: string;
  name: string;
  parent: { id: string; name: string } | null;
}

function target(scope: Scope, u: Unit): CodeTarget {
  const parent = u.parentId ? scope.units.get(u.parentId) : undefined;
  return { id: u.id, name: u.name, parent: parent ? { id: parent.id, name: parent.name } : null };
}

const mayIssue = (scope: Scope, id: string) => scope.units.has(id) && (scope.allowed === null || scope.allowed.has(id));
const isOpen = (scope: Scope, u: Unit) => u.validTo === null || u.validTo >= scope.today;

function refuseClosed(c: Context<AppEnv>, units: Unit[], scope: Scope): CodeTarget[] {
  const closed = units.filter((u) => !isOpen(scope, u));
  if (closed.length > 0) throw localizedError(c, 422, "UNIT_NOT_OPEN", { name: closed.map((u) => u.name).join(", ") });
  return units.map((u) => target(scope, u));
}

/** POST /v1/units/{id}/activation-codes: 404 outside the scope (existence does not leak), 403 for a reviewer's own unit. */
export async function singleTarget(c: Context<AppEnv>, id: string): Promise<CodeTarget> {
  const principal = c.get("principal");
  const scope = await scopeOf(c, principal);
  if (principal.role === "reviewer" && id === principal.unitId) throw localizedError(c, 403, "UNIT_NOT_BELOW", { unit: id });
  const unit = scope.units.get(id);
  if (!unit || !mayIssue(scope, id)) throw localizedError(c, 404, "UNIT_NOT_FOUND", { unit: id });
  return refuseClosed(c, [unit], scope)[0]!;
}

/**
 * POST /v1/activation-codes: the listed units, or every open unit strictly below `under`
 * (a district, the province). Unknown and out-of-scope units are named together (422), so
 * a reviewer learns nothing of units outside its subtree.
 */
export async function bulkTargets(c: Context<AppEnv>, body: IssueCodesRequest): Promise<CodeTarget[]> {
  const principal = c.get("principal");
  const scope = await scopeOf(c, principal);
  if ("units" in body) {
    const unknown = body.units.filter((id) => !mayIssue(scope, id));
    if (unknown.length > 0) throw localizedError(c, 422, "UNKNOWN_UNITS", { units: unknown.join(", ") });
    return refuseClosed(c, body.units.map((id) => scope.units.get(id)!), scope);
  }
  const root = body.under;
  const reachable = scope.units.has(root) && (scope.allowed === null || scope.allowed.has(root) || root === principal.unitId);
  if (!reachable) throw localizedError(c, 422, "UNKNOWN_UNITS", { units: root });
  const below = subtreeIds([...scope.units.values()], root);
  const units = [...below].filter((id) => id !== root).map((id) => scope.units.get(id)!).filter((u) => isOpen(scope, u));
  if (units.length === 0) throw localizedError(c, 422, "NO_UNITS_UNDER", { unit: scope.units.get(root)!.name });
  // As the sheet will be read: by parent, then by name, in Vietnamese order.
  const parentName = (u: Unit) => (u.parentId ? (scope.units.get(u.parentId)?.name ?? "") : "");
  return units.sort((a, b) => compareVietnamese(parentName(a), parentName(b)) || compareVietnamese(a.name, b.name)).map((u) => target(scope, u));
}
