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

/** A version's status in an admin's words (the API's values are draft, published, retired). */
const STATUS_WORDS = { draft: "bản nháp", published: "đã ban hành", retired: "đã thôi áp dụng" } as const;

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
  if (!allowed) {
    const now = STATUS_WORDS[current.status as keyof typeof STATUS_WORDS] ?? current.status;
    const vi = current.status === status ? `${now} rồi` : `đang ở trạng thái «${now}», không chuyển sang «${STATUS_WORDS[status]}» được`;
    throw new ApiError(409, "INVALID_STATUS_CHANGE", `Phiên bản ${version} của bộ tiêu chí ${id} ${vi} / version ${version} of criteria set ${id} is ${current.status}: cannot move it to ${status}`);
  }
  const statements = [
    changeStatusStatement(db, id, version, status, at),
    auditStatement(db, { at, tokenId: change.tokenId, action: `criteria_set.${status}`, entity: "criteria_set", entityId: `${id}@${version}`, ...(change.detail ? { detail: change.detail } : {}) }),
  ];
  return { current, statements };
}
