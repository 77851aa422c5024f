import type { CriteriaSetSummary } from "./api-schemas.ts";
import { ApiError, notFound } from "./errors.ts";
import { auditStatement } from "./repositories/audit-repository.ts";
import { changeStatusStatement, getCriteriaSet } from "./repositories/criteria-set-repository.ts";

export interface StatusChange {
  id: string;
  version: number;
  status: "published" | "retired";
  at: string;
  tokenId: string | null;
  /** Extra audit detail (the admin CLI's `via`). */
  detail?: Record<string, unknown>;
}

/**
 * Publishing a draft or retiring a published version, for POST
 * /v1/criteria-sets/{id}/versions/{v}/status and `admin publish-set` alike: the version as it
 * is now, and the update with its audit row — or 404 for no such version, 409 for any other move.
 */
export async function statusChangeStatements(db: D1Database, change: StatusChange): Promise<{ current: CriteriaSetSummary; statements: D1PreparedStatement[] }> {
  const { id, version, status, at } = change;
  const current = await getCriteriaSet(db, id, { version, includeDrafts: true });
  if (!current) throw notFound("criteria_set", `${id}@${version}`);
  const allowed = (current.status === "draft" && status === "published") || (current.status === "published" && status === "retired");
  if (!allowed) throw new ApiError(409, "INVALID_STATUS_CHANGE", `Không thể chuyển ${current.status} → ${status} / cannot move ${current.status} → ${status}`);
  const statements = [
    changeStatusStatement(db, id, version, status, at),
    auditStatement(db, { at, tokenId: change.tokenId, action: `criteria_set.${status}`, entity: "criteria_set", entityId: `${id}@${version}`, ...(change.detail ? { detail: change.detail } : {}) }),
  ];
  return { current, statements };
}
