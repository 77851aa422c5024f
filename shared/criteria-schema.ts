import type { z } from "zod";
import { CriteriaSetShape } from "./criteria-shape.ts";
import { structuralIssues } from "./criteria-structure.ts";
import { reachIssues } from "./criteria-schema-reach.ts";
import { localiseIssue } from "./criteria-issues.ts";
import type { Locale } from "./findings.ts";

/** Criteria-set JSON (CRITERIA-FORMAT.md §1 and §6). Unknown keys are rejected, naming the key. */
export * from "./criteria-shape.ts";

export const CriteriaSetSchema = CriteriaSetShape.superRefine((set, ctx) => {
  for (const issue of [...structuralIssues(set), ...reachIssues(set)]) {
    ctx.addIssue({ code: "custom", message: issue.message, path: issue.path, params: { key: issue.key, ...issue.params } });
  }
});
export type CriteriaSet = z.infer<typeof CriteriaSetSchema>;

export interface CriteriaIssue {
  /** Where in the JSON, e.g. "items.0.children.1.rule.bands.0". */
  path: string;
  message: string;
}

export type CriteriaParse = { ok: true; set: CriteriaSet } | { ok: false; message: string; issues: CriteriaIssue[] };

/**
 * Validate unknown JSON as a criteria set; never throws. Messages are in `locale`
 * (English by default, as the HTTP edge and older callers show them).
 */
export function parseCriteriaSet(input: unknown, locale: Locale = "en"): CriteriaParse {
  const parsed = CriteriaSetSchema.safeParse(input);
  if (parsed.success) return { ok: true, set: parsed.data };
  // A key the format does not define first: {label, above: 90} among the set's bands is said as
  // "above" not being in the format (§6: "naming it"), not as the "min" missing beside it.
  const ordered = [...parsed.error.issues].sort((a, b) => Number(b.code === "unrecognized_keys") - Number(a.code === "unrecognized_keys"));
  const issues = ordered.map((i) => ({ path: i.path.join("."), message: localiseIssue(i, locale) }));
  const first = issues[0];
  const fallback = locale === "vi" ? "bộ tiêu chí không hợp lệ" : "invalid criteria set";
  return { ok: false, message: first ? `${first.path || "(root)"}: ${first.message}` : fallback, issues };
}
