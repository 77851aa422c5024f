import { z } from "zod";
import { FindingSchema } from "./findings.ts";

/** The engine's answer for one workbook (CRITERIA-FORMAT.md §5 `--json`). */
export const FieldScoreSchema = z.object({
  code: z.string(),
  title: z.string(),
  score: z.number(),
  max: z.number(),
  percent: z.number(),
  adjustment: z.boolean().optional(),
});
export type FieldScore = z.infer<typeof FieldScoreSchema>;

export const ItemScoreSchema = z.object({
  code: z.string(),
  title: z.string(),
  kind: z.enum(["manual", "choice", "ratio", "count", "survey"]),
  max: z.number(),
  self: z.union([z.number(), z.string()]).nullable(),
  score: z.number(),
  cell: z.string().nullable(),
  /** Marked "không áp dụng" under notApplicable "exclude": its max left the denominator. */
  notApplicable: z.boolean(),
  /** Declared data of a ratio leaf: the percentage (unrounded), and a/b when written so. */
  percent: z.number().optional(),
  numerator: z.number().optional(),
  denominator: z.number().optional(),
  /**
   * The declared rate is the rest of what its cell gives: the late or undone share, in a rate
   * column labelled so ("Tỷ lệ trễ hạn (%)": 2 there is 98 %).
   */
  dataRest: z.literal(true).optional(),
  /**
   * The rate was written as under or over `percent` ("gần 100%", "trên 90%") and scored just
   * under or over it (DATA_APPROXIMATE says so).
   */
  percentBound: z.enum(["below", "above"]).optional(),
  /**
   * The cell of what was done early, whose count the on-time count in `dataCell` was added to
   * ("Trước hạn" | "Đúng hạn": on time is both).
   */
  dataEarlyCell: z.string().optional(),
  /** Declared data of a count leaf. */
  count: z.number().optional(),
  /** The cell the declared data was read from (data, rate or note column). */
  dataCell: z.string().optional(),
  /** Marked "không phát sinh" under notApplicable "full": scored its max. */
  nothingArose: z.boolean().optional(),
  /** The score it would have if its condition (`requires`) were met; present only when it is not. */
  scoreIfConditionMet: z.number().optional(),
});
export type ItemScore = z.infer<typeof ItemScoreSchema>;

export const PartScoreSchema = z.object({ score: z.number(), max: z.number(), percent: z.number() });

export const ReportSchema = z.object({
  criteriaSet: z.string(),
  sheet: z.string().nullable(),
  sheets: z.array(z.string()),
  total: z.number(),
  max: z.number(),
  percent: z.number(),
  band: z.string().nullable(),
  selfAssessable: PartScoreSchema,
  survey: PartScoreSchema.extend({ imported: z.boolean() }),
  fields: z.array(FieldScoreSchema),
  items: z.array(ItemScoreSchema),
  findings: z.array(FindingSchema),
});
export type Report = z.infer<typeof ReportSchema>;

export function countBySeverity(report: Pick<Report, "findings">): { errors: number; warnings: number; infos: number } {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const f of report.findings) {
    if (f.severity === "error") errors++;
    else if (f.severity === "warning") warnings++;
    else infos++;
  }
  return { errors, warnings, infos };
}
