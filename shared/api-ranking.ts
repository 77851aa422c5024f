import { z } from "zod";
import { UnitTypeSchema } from "./criteria-shape.ts";

/**
 * The consolidated ranking of a period (GET /v1/periods/:id/ranking): what every client may
 * rely on. The Worker answers more (self vs appraised score, survey part, previous year);
 * the add-in reads this much, and the Worker's tests check its answers parse with it.
 */
export const RankingEntrySchema = z.object({
  /** null: a unit with no data (nothing sent, no survey score), listed after the ranked units with no band and no change. */
  rank: z.number().int().min(1).nullable(),
  unit: z.string(),
  unitName: z.string(),
  percent: z.number(),
  band: z.string().nullable(),
  /** Sub-index (%) per field code; null when the field was not scored (a survey-only field before the unit's survey scores). */
  fields: z.record(z.string(), z.number().nullable()),
  /** Index change in percentage points against last year's period; null when none. */
  change: z.number().nullable(),
  submitted: z.boolean(),
  onTime: z.boolean().nullable(),
  // What the Worker also sends (optional: an older server does not): whether the index stands on
  // the reviewers' appraisal or on the unit's own figures, so a consolidated sheet can say so.
  /** The unit it sits under, by name: namesakes after merges ("Xã Tân Lập" of two districts) are told apart by it. */
  parentName: z.string().nullable().optional(),
  /** The latest version's self-assessable score; null before any submission. */
  selfScore: z.number().nullable().optional(),
  /** The same with the appraised scores put in; null before any item is appraised. */
  appraisedScore: z.number().nullable().optional(),
  /** The survey part (sociological survey), and whether it was imported yet. */
  survey: z.object({ score: z.number(), max: z.number(), imported: z.boolean() }).optional(),
  /** What the index is computed from: the final appraisal, the unit's submission, or nothing. */
  basis: z.enum(["appraised", "submission", "none"]).optional(),
  /** The unit's review status in the period. */
  status: z.enum(["not_submitted", "submitted", "under_review", "returned_for_explanation", "explained", "final"]).optional(),
});
export const RankingSchema = z.object({
  period: z.string(),
  year: z.number().int().optional(),
  /** The level the period's criteria set is for: with `year`, how people name the period (periodHeading). */
  unitType: UnitTypeSchema.optional(),
  fields: z.array(z.object({ code: z.string(), title: z.string() })),
  items: z.array(RankingEntrySchema),
});
export type Ranking = z.infer<typeof RankingSchema>;
export type RankingEntry = z.infer<typeof RankingEntrySchema>;
