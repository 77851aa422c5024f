import type { Principal } from "../env.ts";
import { byVietnameseName } from "../unit-tree.ts";
import { currentStatusSql } from "./review-repository.ts";
import { PERIOD_UNITS_SQL, periodScope, periodUnitsBinds } from "./period-units.ts";
import { REVIEW_STATUSES, turnOf, type ReviewStatus } from "./review-workflow.ts";

/**
 * Completeness board of a period: per district/department (the unit's parent), who has
 * submitted, who is late (no version and its deadline — exception, else the period's —
 * has passed), who is in which status and whose turn it is. Reviewers see their subtree.
 * Groups by their parent's name, units by name, both in Vietnamese order (units without a parent first).
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

export async function periodBoard(db: D1Database, periodId: string, principal: Principal, at: Date) {
  const scope = await periodScope(db, periodId);
  const scoped = principal.role === "admin" ? "" : `AND pu.id IN (WITH RECURSIVE down(id, depth) AS (SELECT ?5, 0 UNION ALL SELECT u.id, down.depth + 1 FROM units u JOIN down ON u.parent_id = down.id WHERE down.depth < 32) SELECT id FROM down)`;
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
  const parentOf = (r: Row) => ({ id: r.parent_id ?? "", name: r.parent_name ?? "" });
  const ordered = results.sort((a, b) => (a.parent_id === null ? 0 : 1) - (b.parent_id === null ? 0 : 1) || byVietnameseName(parentOf(a), parentOf(b)) || byVietnameseName(a, b));
  const units = ordered.map((r) => {
    const deadline = r.exception_deadline ?? r.period_deadline;
    const late = r.first_at === null && at.getTime() > Date.parse(deadline);
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
  const groups = new Map<string | null, typeof units>();
  for (const u of units) groups.set(u.parent, [...(groups.get(u.parent) ?? []), u]);
  return {
    period: periodId,
    at: at.toISOString(),
    counts: countOf(units),
    groups: [...groups.entries()].map(([parent, list]) => ({
      parent,
      parentName: list[0]?.parentName ?? null,
      counts: countOf(list),
      units: list.map(({ parent: _p, parentName: _n, ...u }) => u),
    })),
  };
}
