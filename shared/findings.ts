import { z } from "zod";

export const SeveritySchema = z.enum(["error", "warning", "info"]);
export type Severity = z.infer<typeof SeveritySchema>;

export const FINDING_CODES = [
  "HEADER_NOT_FOUND",
  "CRITERIA_INVALID",
  "UNKNOWN_CRITERION",
  "MISSING_CRITERION",
  "DUPLICATE_CRITERION",
  "MAX_MISMATCH",
  "SCORE_BLANK",
  "SCORE_NOT_NUMBER",
  "SCORE_OVER_MAX",
  "SCORE_NEGATIVE",
  "SCORE_STEP",
  // No longer raised (30/11: the stable codes SCORE_NOT_NUMBER / DATA_MISSING say it), kept so
  // that reports stored, or sent by a pane of an earlier version, still parse.
  "NOT_APPLICABLE_NOT_ALLOWED",
  "RATIO_SCORE_MISMATCH",
  "DATA_MISSING",
  "SUM_MISMATCH",
  "FORMULA_ERROR",
  "FORMULA_NOT_CALCULATED",
  // No longer raised (30/11: SCORE_OVER_MAX says it, §4); kept for reports of earlier versions.
  "DEDUCTION_WITHOUT_MINUS",
  "TITLE_OF_OTHER_CRITERION",
  "EVIDENCE_MISSING",
  "EVIDENCE_DATE_OUT_OF_PERIOD",
  "EVIDENCE_UNRECOGNISED",
  // Added 30/11/2026: a citation dated on a day that does not exist.
  "EVIDENCE_DATE_INVALID",
  "SURVEY_SCORED",
  "COMPUTED_SCORE_MISMATCH",
  "REQUIREMENT_NOT_MET",
  "TOTAL_MISMATCH",
  "HIDDEN_ROW_SKIPPED",
  "TABLE_SKIPPED",
  "NOT_APPLICABLE_IGNORED",
  "WRONG_CRITERIA_SET",
  // Added 01/12/2026: several full tables of the set that score differently, or other units' tables.
  "TABLES_DIFFER",
  // Added 30/11/2026 (WB33-1): two self-score columns labelled alike that differ.
  "SELF_COLUMNS_UNORDERED",
  // Added 03/12/2026 (seventh session): a ratio's part over its whole ("22/20"), no plan named as the whole.
  "RATIO_OVER_100",
  // Added 03/12/2026 (eighth session): a rate written as a bound or an approximation ("gần 100%", "trên 90%").
  "DATA_APPROXIMATE",
  // Added 03/12/2026 (eighth session): a rate column's rate that scores otherwise than the counts beside it.
  "RATE_DIFFERS_FROM_COUNTS",
] as const;
export const FindingCodeSchema = z.enum(FINDING_CODES);
export type FindingCode = z.infer<typeof FindingCodeSchema>;

export const SEVERITY: Record<FindingCode, Severity> = {
  HEADER_NOT_FOUND: "error",
  CRITERIA_INVALID: "error",
  UNKNOWN_CRITERION: "warning",
  MISSING_CRITERION: "error",
  DUPLICATE_CRITERION: "error",
  MAX_MISMATCH: "warning",
  SCORE_BLANK: "warning",
  SCORE_NOT_NUMBER: "error",
  SCORE_OVER_MAX: "error",
  SCORE_NEGATIVE: "error",
  SCORE_STEP: "error",
  NOT_APPLICABLE_NOT_ALLOWED: "error",
  RATIO_SCORE_MISMATCH: "warning",
  DATA_MISSING: "error",
  SUM_MISMATCH: "warning",
  FORMULA_ERROR: "error",
  FORMULA_NOT_CALCULATED: "error",
  DEDUCTION_WITHOUT_MINUS: "warning",
  TITLE_OF_OTHER_CRITERION: "warning",
  EVIDENCE_MISSING: "error",
  EVIDENCE_DATE_OUT_OF_PERIOD: "warning",
  EVIDENCE_UNRECOGNISED: "info",
  EVIDENCE_DATE_INVALID: "warning",
  SURVEY_SCORED: "info",
  COMPUTED_SCORE_MISMATCH: "warning",
  REQUIREMENT_NOT_MET: "warning",
  TOTAL_MISMATCH: "warning",
  HIDDEN_ROW_SKIPPED: "warning",
  TABLE_SKIPPED: "info",
  NOT_APPLICABLE_IGNORED: "warning",
  WRONG_CRITERIA_SET: "warning",
  TABLES_DIFFER: "warning",
  SELF_COLUMNS_UNORDERED: "warning",
  RATIO_OVER_100: "warning",
  DATA_APPROXIMATE: "warning",
  RATE_DIFFERS_FROM_COUNTS: "warning",
};

export const FindingSchema = z.object({
  code: FindingCodeSchema,
  severity: SeveritySchema,
  criterion: z.string().optional(),
  cell: z.string().optional(),
  message: z.string(),
});
export type Finding = z.infer<typeof FindingSchema>;

export type Locale = "vi" | "en";
