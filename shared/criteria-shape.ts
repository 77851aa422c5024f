import { z } from "zod";
import { isWholeHundredths } from "./decimal.ts";
import { issueText } from "./criteria-issues.ts";

/**
 * The shape of a criteria set (CRITERIA-FORMAT.md §1 and §6), key by key. Every object is
 * strict: a key the contract does not define is CRITERIA_INVALID naming it, so a typo such
 * as "notAplicable" never silently scores differently. The sums, codes and rule bounds a
 * shape alone cannot say are checked in criteria-structure.ts.
 */

export const points = z.number().finite().refine(isWholeHundredths, { message: "at most two decimals", params: { key: "hundredths" } });
const dottedCode = z.string().regex(/^\d+(\.\d+)*$/, "dotted code such as 1.2.3");

/**
 * One band of a ratio rule: `min` holds when the percentage is ≥ min ("từ 70%"), `above`
 * when it is > above ("trên 90%"). Exactly one of the two (checked with the structure).
 */
export const RatioBandSchema = z.strictObject({
  min: z.number().finite().min(0).optional(),
  above: z.number().finite().min(0).optional(),
  points,
});
export type RatioBand = z.infer<typeof RatioBandSchema>;

export const RuleSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("manual"), step: points.positive().default(0.25) }),
  z.strictObject({ kind: z.literal("choice"), options: z.array(points).min(1) }),
  z.strictObject({
    kind: z.literal("ratio"),
    bands: z.array(RatioBandSchema).min(1).optional(),
    proportional: z.boolean().optional(),
    // A percentage of the plan, which may lie above 100 ("đạt 120% kế hoạch trở lên: tối đa").
    target: z.number().finite().positive().optional(),
  }),
  /** Points = clamp(base + n × each, min ?? 0, max) for a declared whole number n ≥ 0. */
  z.strictObject({ kind: z.literal("count"), each: points, base: points.default(0) }),
  z.strictObject({ kind: z.literal("survey") }),
]);
export type Rule = z.infer<typeof RuleSchema>;
export type RuleKind = Rule["kind"];
export type RatioRule = Extract<Rule, { kind: "ratio" }>;
export type CountRule = Extract<Rule, { kind: "count" }>;

export const EvidenceSpecSchema = z.strictObject({ required: z.boolean().default(false), hint: z.string().optional() });

/** "Không phát sinh / Không áp dụng": `full` scores the max (it stays in the denominator), `exclude` takes the max out. */
export const NotApplicableSchema = z.enum(["full", "exclude"]);
export type NotApplicable = z.infer<typeof NotApplicableSchema>;

/** A leaf that counts only when another item's accepted score reaches `atLeast`. */
export const RequirementSchema = z.strictObject({ code: dottedCode, atLeast: points });
export type Requirement = z.infer<typeof RequirementSchema>;

/** How a parent combines its children's accepted scores: their sum, or the greatest ("best"). */
export const CombineSchema = z.enum(["sum", "best"]);

export interface CriteriaItem {
  code: string;
  title: string;
  max?: number | undefined;
  min?: number | undefined;
  rule?: Rule | undefined;
  evidence?: z.infer<typeof EvidenceSpecSchema> | undefined;
  /** v1 spelling of `notApplicable: "exclude"`; `notApplicable` wins when both are given. */
  optional?: boolean | undefined;
  notApplicable?: NotApplicable | undefined;
  requires?: Requirement | undefined;
  adjustment?: boolean | undefined;
  /** Parents: the accepted score never goes below it. */
  floor?: number | undefined;
  combine?: z.infer<typeof CombineSchema> | undefined;
  children?: CriteriaItem[] | undefined;
}

export const CriteriaItemSchema: z.ZodType<CriteriaItem> = z.lazy(() =>
  z.strictObject({
    code: dottedCode,
    title: z.string().min(1),
    max: points.optional(),
    min: points.optional(),
    rule: RuleSchema.optional(),
    evidence: EvidenceSpecSchema.optional(),
    optional: z.boolean().optional(),
    notApplicable: NotApplicableSchema.optional(),
    requires: RequirementSchema.optional(),
    adjustment: z.boolean().optional(),
    floor: points.optional(),
    combine: CombineSchema.optional(),
    children: z.array(CriteriaItemSchema).min(1).optional(),
  }),
);

/** A band of the index (xếp loại): `min` only, never `above`. */
export const BandSchema = z.strictObject({ label: z.string().min(1), min: z.number().finite().min(0).max(100) });
export type Band = z.infer<typeof BandSchema>;

export const UnitTypeSchema = z.enum(["province", "department", "district", "commune", "ward"]);
export type UnitType = z.infer<typeof UnitTypeSchema>;
const isoDay = z.iso.date();

export const CriteriaSetShape = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/, issueText("setIdForm", {}, "en")),
  title: z.string().min(1),
  description: z.string().optional(),
  year: z.number().int().min(2000).max(2100),
  unitType: UnitTypeSchema,
  period: z.strictObject({ from: isoDay, to: isoDay }),
  maxPoints: points.positive(),
  bands: z.array(BandSchema).min(1),
  items: z.array(CriteriaItemSchema).min(1),
  /** When no survey score at all was imported, the maximum leaves the survey items out (Hà Nội's department index). */
  whenSurveyAbsent: z.enum(["rescale"]).optional(),
  /**
   * Codes of the previous version (the set this level used the year before) that changed in
   * this one: `from` is the old code, `to` this set's code, or null when the item was dropped.
   * A code not listed keeps its meaning when this set has it. Several old codes may go to one
   * new code (merged criteria). Used for year-over-year comparison only, never for scoring.
   */
  codeMap: z.array(z.strictObject({ from: dottedCode, to: dottedCode.nullable() })).optional(),
});
export type CriteriaSetInput = z.infer<typeof CriteriaSetShape>;
