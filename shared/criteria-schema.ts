import { z } from "zod";
import { isWholeHundredths, toCents } from "./decimal.ts";

/** Criteria-set JSON (CRITERIA-FORMAT.md §1). Unknown keys are stripped, not rejected. */

const points = z.number().finite().refine(isWholeHundredths, "at most two decimals");

export const RatioBandSchema = z.object({ min: z.number().finite().min(0), points });

export const RuleSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("manual"), step: points.positive().default(0.25) }),
  z.object({ kind: z.literal("choice"), options: z.array(points).min(1) }),
  z.object({
    kind: z.literal("ratio"),
    bands: z.array(RatioBandSchema).min(1).optional(),
    proportional: z.boolean().optional(),
    target: z.number().finite().positive().max(100).optional(),
  }),
  z.object({ kind: z.literal("survey") }),
]);
export type Rule = z.infer<typeof RuleSchema>;

export const EvidenceSpecSchema = z.object({ required: z.boolean().default(false), hint: z.string().optional() });

export interface CriteriaItem {
  code: string;
  title: string;
  max?: number | undefined;
  min?: number | undefined;
  rule?: Rule | undefined;
  evidence?: z.infer<typeof EvidenceSpecSchema> | undefined;
  optional?: boolean | undefined;
  adjustment?: boolean | undefined;
  children?: CriteriaItem[] | undefined;
}

export const CriteriaItemSchema: z.ZodType<CriteriaItem> = z.lazy(() =>
  z.object({
    code: z.string().regex(/^\d+(\.\d+)*$/, "dotted code such as 1.2.3"),
    title: z.string().min(1),
    max: points.optional(),
    min: points.optional(),
    rule: RuleSchema.optional(),
    evidence: EvidenceSpecSchema.optional(),
    optional: z.boolean().optional(),
    adjustment: z.boolean().optional(),
    children: z.array(CriteriaItemSchema).min(1).optional(),
  }),
);

export const BandSchema = z.object({ label: z.string().min(1), min: z.number().finite().min(0).max(100) });
export type Band = z.infer<typeof BandSchema>;

export const UnitTypeSchema = z.enum(["province", "department", "district", "commune", "ward"]);
const isoDay = z.iso.date();

const CriteriaSetShape = z.object({
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/),
  title: z.string().min(1),
  description: z.string().optional(),
  year: z.number().int().min(2000).max(2100),
  unitType: UnitTypeSchema,
  period: z.object({ from: isoDay, to: isoDay }),
  maxPoints: points.positive(),
  bands: z.array(BandSchema).min(1),
  items: z.array(CriteriaItemSchema).min(1),
  /**
   * Codes of the previous version (the set this level used the year before) that changed in
   * this one: `from` is the old code, `to` this set's code, or null when the item was dropped.
   * A code not listed keeps its meaning when this set has it. Several old codes may go to one
   * new code (merged criteria). Used for year-over-year comparison only, never for scoring.
   */
  codeMap: z.array(z.object({ from: z.string().regex(/^\d+(\.\d+)*$/, "dotted code such as 1.2.3"), to: z.string().regex(/^\d+(\.\d+)*$/, "dotted code such as 1.2.3").nullable() })).optional(),
});

export const CriteriaSetSchema = CriteriaSetShape.superRefine((set, ctx) => {
  for (const issue of structuralIssues(set)) ctx.addIssue({ code: "custom", message: issue.message, path: issue.path });
});
export type CriteriaSet = z.infer<typeof CriteriaSetSchema>;

interface StructuralIssue {
  message: string;
  path: (string | number)[];
}

/** The sums and code rules a zod shape alone cannot say. */
function structuralIssues(set: z.infer<typeof CriteriaSetShape>): StructuralIssue[] {
  const issues: StructuralIssue[] = [];
  const seen = new Set<string>();
  if (set.period.from > set.period.to) issues.push({ message: "period.from is after period.to", path: ["period"] });

  const visit = (item: CriteriaItem, path: (string | number)[], parent: CriteriaItem | null, inAdjustment: boolean): void => {
    if (seen.has(item.code)) issues.push({ message: `duplicate code ${item.code}`, path: [...path, "code"] });
    seen.add(item.code);
    if (parent && !item.code.startsWith(`${parent.code}.`)) {
      issues.push({ message: `code ${item.code} does not extend its parent's ${parent.code}`, path: [...path, "code"] });
    }
    if (!parent && item.code.includes(".")) issues.push({ message: `top-level code ${item.code} must be a single number`, path: [...path, "code"] });
    if (parent && item.adjustment) issues.push({ message: "adjustment is allowed on top-level items only", path: [...path, "adjustment"] });
    const children = item.children ?? [];
    if (children.length > 0) {
      if (item.rule) issues.push({ message: `item ${item.code} has children and a rule`, path: [...path, "rule"] });
      children.forEach((child, i) => visit(child, [...path, "children", i], item, inAdjustment));
      if (!inAdjustment) {
        const sum = children.reduce((acc, child) => acc + toCents(child.max ?? 0), 0);
        if (item.max === undefined) issues.push({ message: `item ${item.code} has no max`, path: [...path, "max"] });
        else if (toCents(item.max) !== sum) {
          issues.push({ message: `max of ${item.code} is ${item.max} but its children sum to ${sum / 100}`, path: [...path, "max"] });
        }
      }
      return;
    }
    issues.push(...leafIssues(item, path, inAdjustment));
  };
  set.items.forEach((item, i) => visit(item, ["items", i], null, item.adjustment === true));

  const mapped = new Set<string>();
  (set.codeMap ?? []).forEach((entry, i) => {
    if (mapped.has(entry.from)) issues.push({ message: `codeMap lists old code ${entry.from} twice`, path: ["codeMap", i, "from"] });
    mapped.add(entry.from);
    if (entry.to !== null && !seen.has(entry.to)) issues.push({ message: `codeMap maps ${entry.from} to ${entry.to}, which this set does not have`, path: ["codeMap", i, "to"] });
  });

  const total = set.items.filter((i) => !i.adjustment).reduce((acc, i) => acc + toCents(i.max ?? 0), 0);
  if (total !== toCents(set.maxPoints)) {
    issues.push({ message: `maxPoints is ${set.maxPoints} but the top-level items sum to ${total / 100}`, path: ["maxPoints"] });
  }
  return issues;
}

function leafIssues(item: CriteriaItem, path: (string | number)[], inAdjustment: boolean): StructuralIssue[] {
  const issues: StructuralIssue[] = [];
  const max = item.max;
  const min = item.min ?? 0;
  if (max === undefined) return [{ message: `leaf ${item.code} has no max`, path: [...path, "max"] }];
  if (min > max) issues.push({ message: `min of ${item.code} is above its max`, path: [...path, "min"] });
  if (min < 0 && !inAdjustment) issues.push({ message: `negative min is allowed only in an adjustment section (${item.code})`, path: [...path, "min"] });
  if (max < 0) issues.push({ message: `max of ${item.code} is negative`, path: [...path, "max"] });
  const rule = item.rule;
  if (rule?.kind === "choice" && rule.options.some((o) => o < min || o > max)) {
    issues.push({ message: `an option of ${item.code} lies outside [${min}, ${max}]`, path: [...path, "rule", "options"] });
  }
  if (rule?.kind === "ratio") {
    if (!rule.bands && !rule.proportional) issues.push({ message: `ratio rule of ${item.code} needs bands or proportional`, path: [...path, "rule"] });
    if (rule.bands?.some((b) => b.points < 0 || b.points > max)) {
      issues.push({ message: `a band of ${item.code} gives points outside [0, ${max}]`, path: [...path, "rule", "bands"] });
    }
  }
  if (rule?.kind === "survey" && inAdjustment) issues.push({ message: `survey rule inside an adjustment section (${item.code})`, path: [...path, "rule"] });
  return issues;
}

export type CriteriaParse =
  | { ok: true; set: CriteriaSet }
  | { ok: false; message: string; issues: { path: string; message: string }[] };

/** Validate unknown JSON as a criteria set; never throws. */
export function parseCriteriaSet(input: unknown): CriteriaParse {
  const parsed = CriteriaSetSchema.safeParse(input);
  if (parsed.success) return { ok: true, set: parsed.data };
  const issues = parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
  const first = issues[0];
  return { ok: false, message: first ? `${first.path || "(root)"}: ${first.message}` : "invalid criteria set", issues };
}
