import { z } from "zod";

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
  /** Sub-index (%) per field code; null when the field was not scored. */
  fields: z.record(z.string(), z.number().nullable()),
  /** Index change in percentage points against last year's period; null when none. */
  change: z.number().nullable(),
  submitted: z.boolean(),
  onTime: z.boolean().nullable(),
});
export const RankingSchema = z.object({
  period: z.string(),
  year: z.number().int().optional(),
  fields: z.array(z.object({ code: z.string(), title: z.string() })),
  items: z.array(RankingEntrySchema),
});
export type Ranking = z.infer<typeof RankingSchema>;
export type RankingEntry = z.infer<typeof RankingEntrySchema>;
