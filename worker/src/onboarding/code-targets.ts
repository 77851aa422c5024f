import type { Context } from "hono";
import { compareVietnamese, type IssueCodesRequest } from "../../../shared/index.ts";
import type { Unit } from "../api-schemas.ts";
import { now, today } from "../clock.ts";
import type { AppEnv, Principal } from "../env.ts";
import { localizedError } from "../locale.ts";
import { listAllUnits } from "../repositories/unit-repository.ts";
import { subtreeIds } from "../unit-tree.ts";
import { takesPart, unitTypesOf } from "../cycle/period-units.ts";
import { withinDeadline } from "../vietnam-day.ts";

/**
 * Which units a caller may issue activation codes for: the admin any unit, a reviewer the
 * units strictly below its own (a district's own token comes from the province). Only units
 * not closed by a merge — a code for a unit that no longer exists would enrol nobody — or,
 * closed, still with a period to submit for: one it takes part in (open on the last day of the
 * set's period), not locked, its deadline (or the unit's extension) not passed. The communes
 * closed on 30/06/2025 still answer for 2024 while that period is open; after it, the code is
 * for their successor.
 */
interface Scope {
  units: Map<string, Unit>;
  /** Ids the caller may issue for; null: all (admin). */
  allowed: Set<string> | null;
  today: string;
  /** Periods not locked, with their levels, last days and deadlines: what a closed unit may still submit for. */
  periods: OpenPeriodRow[];
  /** Each unit's extended deadline per period (deadline_exceptions of those periods). */
  extended: Map<string, string>;
  at: number;
}

interface OpenPeriodRow {
  id: string;
  unit_type: string;
  last_day: string;
  deadline: string;
}

async function scopeOf(c: Context<AppEnv>, principal: Principal): Promise<Scope> {
  const [all, periods, exceptions] = await Promise.all([
    listAllUnits(c.env.DB),
    c.env.DB.prepare(
      `SELECT p.id, cs.unit_type, cs.body ->> '$.period.to' AS last_day, p.deadline
       FROM periods p JOIN criteria_sets cs ON cs.id = p.criteria_set_id AND cs.version = p.criteria_set_version WHERE p.locked = 0`,
    ).all<OpenPeriodRow>(),
    c.env.DB.prepare("SELECT e.period_id, e.unit_id, e.deadline FROM deadline_exceptions e JOIN periods p ON p.id = e.period_id WHERE p.locked = 0").all<{ period_id: string; unit_id: string; deadline: string }>(),
  ]);
  const units = new Map(all.map((u) => [u.id, u]));
  const below = principal.role === "admin" ? null : subtreeIds(all, principal.unitId ?? "");
  below?.delete(principal.unitId ?? "");
  const extended = new Map(exceptions.results.map((e) => [`${e.period_id}\u0000${e.unit_id}`, e.deadline]));
  const clock = now(c);
  return { units, allowed: below, today: today(clock), periods: periods.results, extended, at: clock.getTime() };
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
const isOpen = (scope: Scope, u: Unit) => u.validTo === null || u.validTo >= scope.today || stillSubmits(scope, u);

/** A closed unit with a period it takes part in still open to it (Scope). */
const stillSubmits = (scope: Scope, u: Unit) =>
  scope.periods.some(
    (p) => unitTypesOf(p.unit_type).includes(u.type) && takesPart(u, { to: p.last_day }) && withinDeadline(scope.at, scope.extended.get(`${p.id}\u0000${u.id}`) ?? p.deadline),
  );

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
  // Said for `under`, which has no list to edit (A5-12): name the caller's own unit or one below it.
  if (!reachable) throw localizedError(c, 422, "UNKNOWN_UNITS", { units: root, under: principal.unitId ?? "" });
  const below = subtreeIds([...scope.units.values()], root);
  const units = [...below].filter((id) => id !== root).map((id) => scope.units.get(id)!).filter((u) => isOpen(scope, u));
  if (units.length === 0) throw localizedError(c, 422, "NO_UNITS_UNDER", { unit: scope.units.get(root)!.name });
  // As the sheet will be read: by parent, then by name, in Vietnamese order.
  const parentName = (u: Unit) => (u.parentId ? (scope.units.get(u.parentId)?.name ?? "") : "");
  return units.sort((a, b) => compareVietnamese(parentName(a), parentName(b)) || compareVietnamese(a.name, b.name)).map((u) => target(scope, u));
}
