import type { Principal } from "../env.ts";
import { byVietnameseName } from "../unit-tree.ts";
import { currentStatusSql } from "./review-repository.ts";
import { PERIOD_UNITS_SQL, periodScope, periodUnitsBinds } from "./period-units.ts";
import { REVIEW_STATUSES, turnOf, type ReviewStatus } from "./review-workflow.ts";
import { withinDeadline } from "../vietnam-day.ts";

/**
 * Completeness board of a period: per district/department (the unit's parent), who has
 * submitted, who is late (no version and its deadline — exception, else the period's —
 * has passed), who is in which status and whose turn it is. Reviewers see their subtree.
 * Groups by their parent's name, units by name, both in Vietnamese order (units without a parent first).
 *
 * A list, so paged as every list: `limit` units after the unit `after` in that order (the
 * cursor), each page's units in their groups. The board's counts and each group's counts are
 * of the whole board and the whole group on every page; a group split over pages appears on
 * each with the units it has there.
 */
interface Row {
  id: string;
  name: string;
  parent_id: string | null;
  parent_name: string | null;
  status: ReviewStatus;
  first_at: string | null;
  period_deadline: string;
  exception_deadline: string | null;
  exception_reason: string | null;
}

/** The ids of the unit bound at `param` and every unit below it (a reviewer's subtree), as a subquery. */
const subtreeOf = (param: string) =>
  `(WITH RECURSIVE down(id, depth) AS (SELECT ${param}, 0 UNION ALL SELECT u.id, down.depth + 1 FROM units u JOIN down ON u.parent_id = down.id WHERE down.depth < 32) SELECT id FROM down)`;

/** What orders the board's units. */
type OrderKey = Pick<Row, "id" | "name" | "parent_id" | "parent_name">;
const parentOf = (r: OrderKey) => ({ id: r.parent_id ?? "", name: r.parent_name ?? "" });
/** The board's order: units without a parent first, then by their parent's name, then by their own name (Vietnamese order, ids last). */
const boardOrder = (a: OrderKey, b: OrderKey): number => (a.parent_id === null ? 0 : 1) - (b.parent_id === null ? 0 : 1) || byVietnameseName(parentOf(a), parentOf(b)) || byVietnameseName(a, b);

export interface BoardPage {
  limit: number;
  /** The cursor: the id of the last unit of the page before. */
  after?: string | undefined;
}

/**
 * Where the page after unit `after` starts in `ordered`: right after it; a unit of the
 * caller's scope no longer on the board (it left the period between two pages) is placed
 * where the order puts it. Null: no such unit in the caller's scope (not a cursor this API
 * gave it; a unit outside a reviewer's subtree is answered as one that does not exist).
 */
async function startAfter(db: D1Database, principal: Principal, ordered: readonly Row[], after: string | undefined): Promise<number | null> {
  if (after === undefined) return 0;
  const at = ordered.findIndex((r) => r.id === after);
  if (at >= 0) return at + 1;
  const admin = principal.role === "admin";
  const key = await db
    .prepare(
      `SELECT u.id, u.name, u.parent_id, p.name AS parent_name FROM units u LEFT JOIN units p ON p.id = u.parent_id WHERE u.id = ?1
       ${admin ? "" : `AND u.id IN ${subtreeOf("?2")}`}`,
    )
    .bind(after, ...(admin ? [] : [principal.unitId]))
    .first<OrderKey>();
  if (!key) return null;
  const next = ordered.findIndex((r) => boardOrder(r, key) > 0);
  return next < 0 ? ordered.length : next;
}

/** The board's page; null when `page.after` names no unit at all. */
export async function periodBoard(db: D1Database, periodId: string, principal: Principal, at: Date, page: BoardPage) {
  const scope = await periodScope(db, periodId);
  const scoped = principal.role === "admin" ? "" : `AND pu.id IN ${subtreeOf("?5")}`;
  const { results } = await db
    .prepare(
      `WITH pu AS (${PERIOD_UNITS_SQL})
       SELECT pu.id, pu.name, pu.parent_id, p.name AS parent_name, ${currentStatusSql("pu.id", "?1")} AS status,
         (SELECT MIN(created_at) FROM submissions s WHERE s.period_id = ?1 AND s.unit_id = pu.id) AS first_at,
         (SELECT deadline FROM periods WHERE id = ?1) AS period_deadline, e.deadline AS exception_deadline, e.reason AS exception_reason
       FROM pu LEFT JOIN units p ON p.id = pu.parent_id LEFT JOIN deadline_exceptions e ON e.period_id = ?1 AND e.unit_id = pu.id
       WHERE 1 = 1 ${scoped}`,
    )
    .bind(...periodUnitsBinds(scope), ...(scoped ? [principal.unitId] : []))
    .all<Row>();
  const ordered = results.sort(boardOrder);
  const from = await startAfter(db, principal, ordered, page.after);
  if (from === null) return null;
  const units = ordered.map((r) => {
    const deadline = r.exception_deadline ?? r.period_deadline;
    const late = r.first_at === null && !withinDeadline(at.getTime(), deadline);
    return {
      parent: r.parent_id,
      parentName: r.parent_name,
      unit: r.id,
      unitName: r.name,
      status: r.status,
      turn: turnOf(r.status),
      deadline,
      exception: r.exception_deadline ? { deadline: r.exception_deadline, reason: r.exception_reason ?? "" } : null,
      submittedAt: r.first_at,
      late,
    };
  });
  // `submitted` = units that sent a version (any status but not_submitted); the status
  // "submitted" (sent, review not started) is counted only in `statuses`, never added to it.
  const countOf = (list: typeof units) => {
    const statuses = Object.fromEntries(REVIEW_STATUSES.map((s) => [s, 0])) as Record<ReviewStatus, number>;
    const counts: { total: number; submitted: number; late: number } & Partial<Record<Exclude<ReviewStatus, "submitted">, number>> = { total: list.length, submitted: 0, late: 0 };
    for (const u of list) {
      statuses[u.status]++;
      if (u.status !== "submitted") counts[u.status] = (counts[u.status] ?? 0) + 1;
      if (u.submittedAt) counts.submitted++;
      if (u.late) counts.late++;
    }
    return { ...counts, statuses };
  };
  const groupOf = (list: typeof units) => {
    const groups = new Map<string | null, typeof units>();
    for (const u of list) groups.set(u.parent, [...(groups.get(u.parent) ?? []), u]);
    return groups;
  };
  const whole = groupOf(units);
  const shown = units.slice(from, from + page.limit);
  const last = shown.at(-1);
  return {
    period: periodId,
    at: at.toISOString(),
    counts: countOf(units),
    groups: [...groupOf(shown).entries()].map(([parent, list]) => ({
      parent,
      parentName: list[0]?.parentName ?? null,
      counts: countOf(whole.get(parent) ?? list),
      units: list.map(({ parent: _p, parentName: _n, ...u }) => u),
    })),
    nextCursor: last && from + shown.length < units.length ? last.unit : null,
  };
}
