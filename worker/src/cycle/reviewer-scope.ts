import type { Context } from "hono";
import { z } from "zod";
import { requireRole } from "../auth.ts";
import type { AppEnv } from "../env.ts";
import { listAllUnits } from "../repositories/unit-repository.ts";
import { subtreeIds } from "../unit-tree.ts";
import { params } from "../validation.ts";

/**
 * For the period-wide reviewer views (analysis, trend): the period id, and the units the
 * caller may count — a reviewer its subtree, the admin all (null); unit tokens get 403.
 */
export async function reviewerPeriodScope(c: Context<AppEnv>): Promise<{ periodId: string; visible: Set<string> | null }> {
  const { id } = params(c, z.object({ id: z.string().min(1).max(64) }));
  const principal = c.get("principal");
  requireRole(principal, "reviewer", "admin");
  const visible = principal.role === "admin" ? null : subtreeIds(await listAllUnits(c.env.DB), principal.unitId ?? "");
  return { periodId: id, visible };
}
