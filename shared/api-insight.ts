import { z } from "zod";
import { UnitTypeSchema } from "./criteria-shape.ts";

/**
 * What the Worker answers for the reviewers' and units' insight views (issue 8), shared by
 * the Worker (which checks its answers parse) and the add-in (which parses them).
 */

/** GET /v1/periods/:id/analysis: where units lose points, and each field's spread. */
export const AnalysisItemSchema = z.object({
  code: z.string(),
  title: z.string(),
  field: z.string(),
  kind: z.string(),
  max: z.number(),
  unitsScored: z.number().int(),
  unitsLosing: z.number().int(),
  pointsLost: z.number(),
  /** Points lost ÷ (max × units scored), 0..1. */
  shareLost: z.number().min(0).max(1),
  worstUnits: z.array(z.object({ unit: z.string(), unitName: z.string(), score: z.number() })).max(5),
});
export const FieldDistributionSchema = z.object({
  code: z.string(),
  title: z.string(),
  units: z.number().int(),
  min: z.number(),
  p25: z.number(),
  median: z.number(),
  p75: z.number(),
  max: z.number(),
  mean: z.number(),
});
export const AnalysisSchema = z.object({
  period: z.string(),
  year: z.number().int(),
  /** The level the period's criteria set is for (periodHeading); absent from servers before it was answered. */
  unitType: UnitTypeSchema.optional(),
  /** Submitted units the analysis covers (the caller's subtree). */
  units: z.number().int(),
  items: z.array(AnalysisItemSchema),
  fields: z.array(FieldDistributionSchema),
});
export type Analysis = z.infer<typeof AnalysisSchema>;
export type AnalysisItem = z.infer<typeof AnalysisItemSchema>;
export type FieldDistribution = z.infer<typeof FieldDistributionSchema>;

/**
 * GET /v1/units/:id/history: a unit's index, rank and sub-indices per year. Codes (fields and
 * criteria) are those of the newest year's criteria set (`criteriaSet`); older years' codes
 * are carried forward through each newer set's `codeMap`.
 */
export const HistoryYearSchema = z.object({
  year: z.number().int(),
  period: z.string(),
  criteriaSet: z.object({ id: z.string(), version: z.number().int() }),
  percent: z.number(),
  band: z.string().nullable(),
  rank: z.number().int().nullable(),
  of: z.number().int(),
  /** Sub-index (%) per field of the newest set; null when that year had no such field. */
  fields: z.record(z.string(), z.number().nullable()),
  /**
   * Score and max per criterion (leaf) of the newest set, from the unit's own data (empty for
   * a "merge" year); old criteria merged into one new code are summed. Maxes may differ
   * between years when a set changed an item's points.
   */
  items: z.record(z.string(), z.object({ score: z.number(), max: z.number() })),
  /** That year's codes with no counterpart in the newest set (dropped criteria). */
  unmapped: z.array(z.string()),
  basis: z.enum(["own", "merge"]),
  /** The direct predecessors of a "merge" year; rank null for one that stands on its own predecessors' mean. */
  predecessors: z.array(z.object({ unit: z.string(), unitName: z.string(), weight: z.number(), percent: z.number(), rank: z.number().int().nullable() })),
});
export const UnitHistorySchema = z.object({
  unit: z.string(),
  unitName: z.string(),
  /** The newest year's set, whose codes the history is keyed by; null when there is no year. */
  criteriaSet: z.object({ id: z.string(), version: z.number().int() }).nullable(),
  fields: z.array(z.object({ code: z.string(), title: z.string() })),
  criteria: z.array(z.object({ code: z.string(), title: z.string(), field: z.string(), max: z.number() })),
  years: z.array(HistoryYearSchema),
});
export type UnitHistory = z.infer<typeof UnitHistorySchema>;
export type HistoryYear = z.infer<typeof HistoryYearSchema>;

/**
 * GET /v1/periods/:id/trend: how many units fell in each band, year by year, for the
 * period's unit level (one period per year, this period for its own year).
 */
export const TrendYearSchema = z.object({
  year: z.number().int(),
  period: z.string(),
  /** Units in that year's ranking (the caller's subtree). */
  units: z.number().int(),
  submitted: z.number().int(),
  /** Mean index of the submitted units; null when none submitted. */
  mean: z.number().nullable(),
  /** Submitted units ("đã nộp") per band label (every label of `bands` present, 0 when none). */
  counts: z.record(z.string(), z.number().int()),
  /**
   * Units ranked that year (the ranking's population: a version sent or survey scores). Optional:
   * a client reads a server from before these were answered (CYC1-5) as it did.
   */
  ranked: z.number().int().optional(),
  /** Ranked units per band label, as that year's ranking counts them in `bandCounts` and its "Xếp loại" sheet. */
  rankedCounts: z.record(z.string(), z.number().int()).optional(),
});
export const TrendSchema = z.object({
  period: z.string(),
  /** The level the years are of (the period's criteria set's); absent from servers before it was answered. */
  unitType: UnitTypeSchema.optional(),
  /** Band labels, best first: this period's set's, then any older label not among them. */
  bands: z.array(z.string()),
  years: z.array(TrendYearSchema),
});
export type Trend = z.infer<typeof TrendSchema>;
export type TrendYear = z.infer<typeof TrendYearSchema>;

/** GET /v1/periods/:id/units/:unit/plan: the target planner (shared/target-planner.ts) on the server. */
const LocalisedSchema = z.object({ vi: z.string(), en: z.string() });
export const PlanResponseSchema = z.object({
  period: z.string(),
  unit: z.string(),
  unitName: z.string(),
  /** The submission version planned from. */
  version: z.number().int(),
  plan: z.object({
    targetPercent: z.number(),
    rank: z.number().int().optional(),
    currentPercent: z.number(),
    shortfall: z.number(),
    alreadyReached: z.boolean(),
    reachable: z.boolean(),
    items: z.array(
      z.object({
        code: z.string(),
        title: z.string(),
        ruleKind: z.string(),
        gain: z.number(),
        /** What the fix needs: kind "evidence", "score", "ratio" or "count" with its figures (plan-candidates.ts PlanNeeds). */
        needs: z.looseObject({ kind: z.enum(["evidence", "score", "ratio", "count"]) }),
        /** Criteria whose condition (requires) this fix meets. */
        unlocks: z.array(z.string()).optional(),
        message: LocalisedSchema,
      }),
    ),
    gain: z.number(),
    resultingPercent: z.number(),
    candidates: z.number().int(),
    message: LocalisedSchema,
  }),
});
export type PlanResponse = z.infer<typeof PlanResponseSchema>;

/** GET /v1/submissions/:id/register: the evidence register of a stored version (shared/evidence-register.ts). */
const RegisterFlagSchema = z.enum(["DATE_CONFLICT", "OUT_OF_PERIOD", "DATE_INVALID", "NO_NUMBER", "NO_DATE", "UNRECOGNISED"]);
export const EvidenceRegisterSchema = z.object({
  criteriaSet: z.string(),
  period: z.object({ from: z.string(), to: z.string() }),
  documents: z.array(
    z.object({
      key: z.string(),
      kind: z.string().nullable(),
      number: z.string().nullable(),
      symbol: z.string().nullable(),
      dates: z.array(z.string()),
      criteria: z.array(z.string()),
      cells: z.array(z.string()),
      citations: z.array(z.object({ criterion: z.string(), cell: z.string(), text: z.string(), date: z.string().nullable() })),
      flags: z.array(RegisterFlagSchema),
      messages: z.object({ vi: z.array(z.string()), en: z.array(z.string()) }),
    }),
  ),
  counts: z.object({ documents: z.number().int(), citations: z.number().int() }).extend(Object.fromEntries(RegisterFlagSchema.options.map((f) => [f, z.number().int()])) as Record<z.infer<typeof RegisterFlagSchema>, z.ZodNumber>),
});
