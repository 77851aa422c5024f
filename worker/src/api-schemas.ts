import { z } from "zod";
import { DEFAULT_MAX_BODY_BYTES, maxWorkbookBase64 } from "./body-size.ts";
import { DEADLINE_FORMS, missingDayText, parseDeadline } from "./vietnam-day.ts";
import { cleanText, isWholeHundredths, parseNumberText, CriteriaSetSchema, GridSchema, ReportSchema, UnitTypeSchema, ConfirmedHeaderSchema } from "../../shared/index.ts";

/**
 * Request and response shapes of the HTTP API: validated here, described by openapi.ts.
 * Write bodies are strict objects: an unknown key (a misspelt `evidance`, a `dryRun` this
 * route does not have) is 400 VALIDATION_FAILED naming it, never silently dropped.
 */

export const IdSchema = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9._-]{0,63}$/,
    "mã chỉ gồm chữ thường không dấu, chữ số, '.', '_' hoặc '-', bắt đầu bằng chữ hoặc số, tối đa 64 ký tự (vd xa-an-phu) / lowercase letters, digits, '.', '_' or '-' (max 64)",
  );
export const IsoDaySchema = z.iso.date();
/** yyyy-mm-dd → dd/mm/yyyy, as a Vietnamese message writes a day. */
const dayVi = (iso: string): string => iso.split("-").reverse().join("/");
export const IsoDateTimeSchema = z.iso.datetime({ offset: true });
export const RoleSchema = z.enum(["unit", "reviewer", "admin"]);
export const IdempotencyKeySchema = z
  .string()
  .regex(
    /^[\x20-\x7e]{1,128}$/,
    "1–128 ký tự ASCII in được (chữ không dấu, chữ số, dấu câu, khoảng trắng), vd một UUID / 1–128 printable ASCII characters, e.g. a UUID",
  );

export const ErrorEnvelopeSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});

// — path parameters —
export const PeriodParam = z.object({ id: z.string().min(1).max(64) });
export const UnitParam = z.object({ id: IdSchema });
export const SubmissionParam = z.object({ id: z.string().min(1).max(64) });
export const PeriodUnitParams = PeriodParam.extend({ unit: IdSchema });

export const PageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

// — criteria sets —
export const CriteriaSetStatusSchema = z.enum(["draft", "published", "retired"]);
export const CriteriaSetSummarySchema = z.object({
  id: z.string(),
  version: z.number().int(),
  status: CriteriaSetStatusSchema,
  title: z.string(),
  year: z.number().int(),
  unitType: UnitTypeSchema,
  createdAt: z.string(),
  publishedAt: z.string().nullable(),
  retiredAt: z.string().nullable(),
});
export type CriteriaSetSummary = z.infer<typeof CriteriaSetSummarySchema>;
/** The list's query: a page, and one status ("draft": what an admin stored and has not published yet; units never see drafts). */
export const CriteriaSetListQuerySchema = PageQuerySchema.extend({ status: CriteriaSetStatusSchema.optional() });
export const CriteriaSetListSchema = z.object({ items: z.array(CriteriaSetSummarySchema), nextCursor: z.string().nullable() });
export const CriteriaSetDetailSchema = CriteriaSetSummarySchema.extend({ set: CriteriaSetSchema });
export const CriteriaSetQuerySchema = z.object({ version: z.coerce.number().int().min(1).optional() });
export const NewCriteriaSetVersionSchema = z.strictObject({ set: CriteriaSetSchema, status: z.enum(["draft", "published"]).default("draft") });
export const CriteriaSetStatusChangeSchema = z.strictObject({ status: z.enum(["published", "retired"]) });

// — units —
export const UnitSchema = z.object({
  id: IdSchema,
  name: z.string(),
  type: UnitTypeSchema,
  parentId: z.string().nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
});
export type Unit = z.infer<typeof UnitSchema>;
export interface UnitNode extends Unit {
  children: UnitNode[];
}
export const UnitNodeSchema: z.ZodType<UnitNode> = UnitSchema.extend({ children: z.array(z.lazy(() => UnitNodeSchema)) });
export const UnitTreeSchema = z.object({ asOf: z.string(), units: z.array(UnitNodeSchema) });
export const UnitTreeQuerySchema = z.object({ asOf: IsoDaySchema.optional() });
export const UnitLinkSchema = z.object({ unit: UnitSchema, weight: z.number(), effectiveDate: z.string() });
export const UnitDetailSchema = UnitSchema.extend({ predecessors: z.array(UnitLinkSchema), successors: z.array(UnitLinkSchema) });
/**
 * A unit's name as a units sheet's import keeps it (cleanText: NFC, whitespace and line breaks
 * folded to one space). Control and invisible format characters (NUL, bidi overrides such as
 * U+202E) are refused: the name travels into CSV and XLSX sheets and people's screens.
 */
const HIDDEN_CHARACTERS = /[\p{Cc}\p{Cf}]/u;
export const HIDDEN_CHARACTERS_MESSAGE =
  "không được có ký tự điều khiển hay ký tự ẩn (vd NUL, ký tự đảo chiều) / no control or invisible format characters (e.g. NUL, bidi overrides)";
/** Does a name, once cleaned (cleanText), still hold a control or invisible format character? */
export const hasHiddenCharacters = (name: string): boolean => HIDDEN_CHARACTERS.test(cleanText(name));
export const UnitNameSchema = z
  .string()
  .overwrite(cleanText)
  .min(1)
  .max(200)
  .refine((name) => !hasHiddenCharacters(name), { message: HIDDEN_CHARACTERS_MESSAGE });
export const NewUnitSchema = z
  .strictObject({
    id: IdSchema,
    name: UnitNameSchema,
    type: UnitTypeSchema,
    parentId: IdSchema.nullable().default(null),
    validFrom: IsoDaySchema,
    validTo: IsoDaySchema.nullable().default(null),
  })
  .refine((u) => u.validTo === null || u.validTo >= u.validFrom, {
    path: ["validTo"],
    error: (iss) => {
      const u = iss.input as { validFrom: string; validTo: string };
      return `ngày kết thúc (validTo) ${dayVi(u.validTo)} trước ngày bắt đầu (validFrom) ${dayVi(u.validFrom)} / validTo ${u.validTo} is before validFrom ${u.validFrom}`;
    },
  });
export type NewUnit = z.infer<typeof NewUnitSchema>;
export const MergeSchema = z
  .strictObject({
    into: z.strictObject({ id: IdSchema, name: UnitNameSchema, type: UnitTypeSchema, parentId: IdSchema.nullable().default(null) }),
    from: z.array(IdSchema).min(1).max(50),
    /** First day of the successor; predecessors end the day before. */
    date: IsoDaySchema,
    /** Share of each predecessor that goes into the successor (default 1). */
    weights: z.record(z.string(), z.number().positive().max(1)).optional(),
  })
  .superRefine((m, ctx) => {
    for (const id of new Set(m.from)) {
      const times = m.from.filter((f) => f === id).length;
      if (times > 1) ctx.addIssue({ code: "custom", message: `đơn vị ${id} ghi ${times} lần trong from: mỗi đơn vị ghi một lần / ${id} is listed ${times} times in from: list each unit once`, path: ["from"] });
    }
    if (m.from.includes(m.into.id)) {
      const id = m.into.id;
      ctx.addIssue({ code: "custom", message: `đơn vị ${id} không thể sáp nhập vào chính nó: bỏ ${id} khỏi from hoặc đặt mã mới cho into / a unit cannot merge into itself: remove ${id} from from, or give into a new id`, path: ["from"] });
    }
    for (const id of Object.keys(m.weights ?? {})) {
      if (!m.from.includes(id)) ctx.addIssue({ code: "custom", message: `trọng số cho ${id} nhưng đơn vị này không có trong from / ${id} is not one of the units in from`, path: ["weights", id] });
    }
  });
export type MergeRequest = z.infer<typeof MergeSchema>;

// — periods —
export const PeriodSchema = z.object({
  id: z.string(),
  year: z.number().int(),
  criteriaSet: z.object({ id: z.string(), version: z.number().int() }),
  deadline: z.string(),
  locked: z.boolean(),
});
export type Period = z.infer<typeof PeriodSchema>;
export const PeriodListSchema = z.object({ items: z.array(PeriodSchema), nextCursor: z.string().nullable() });
/**
 * A deadline as the HTTP routes and the admin CLI take it (parseDeadline): a day dd/mm/yyyy or
 * yyyy-mm-dd (through its end, 23:59:59 Vietnam time) or a date-time with an offset; stored
 * and answered as Vietnam time, 2025-01-31T23:59:59+07:00.
 */
export const DeadlineSchema = z
  .string()
  .max(40)
  .transform((text, ctx) => parseDeadline(text) ?? (ctx.addIssue({ code: "custom", message: missingDayText(text) ?? DEADLINE_FORMS }), z.NEVER))
  .meta({ description: "dd/mm/yyyy or yyyy-mm-dd (through 23:59:59 that day, Vietnam time), or an ISO 8601 date-time with an offset; answered as Vietnam time", examples: ["31/01/2026", "2026-01-31T17:00:00+07:00"] });
export const NewPeriodSchema = z.strictObject({
  id: IdSchema,
  year: z.number().int().min(2000).max(2100),
  criteriaSet: z.strictObject({ id: z.string().min(1), version: z.number().int().min(1) }),
  deadline: DeadlineSchema,
  locked: z.boolean().default(false),
});
const ExceptionReasonSchema = z.string().trim().min(1).max(500);
export const NewDeadlineExceptionSchema = z.strictObject({ unit: IdSchema, deadline: DeadlineSchema, reason: ExceptionReasonSchema });
/** PUT /v1/periods/{id}/exceptions/{unit}: the unit's exception as it should now be. */
export const DeadlineExceptionChangeSchema = z.strictObject({ deadline: DeadlineSchema, reason: ExceptionReasonSchema });
export const DeadlineExceptionSchema = z.object({ unit: IdSchema, deadline: z.string(), reason: z.string(), period: z.string() });

// — submissions —
export const SubmissionItemSchema = z.strictObject({
  code: z.string().regex(/^\d+(\.\d+)*$/, "mã tiêu chí gồm chữ số và dấu chấm, vd 1.2.3 / dotted code such as 1.2.3"),
  /** Self-score: a number, text as typed ("1,5", "N/A"), or null for blank. */
  self: z.union([z.number(), z.string().max(100)]).nullable().optional(),
  /** Declared data of a ratio leaf: 92, "92%", "1250/1300". */
  data: z.union([z.number(), z.string().max(200)]).optional(),
  evidence: z.union([z.string().max(10_000), z.array(z.string().max(2_000)).max(100)]).optional(),
  note: z.string().max(5_000).optional(),
});
export type SubmissionItem = z.infer<typeof SubmissionItemSchema>;
export const AcceptedWarningSchema = z.strictObject({
  code: z.string().min(1),
  criterion: z.string().optional(),
  cell: z.string().optional(),
  reason: z.string().trim().min(1).max(2_000),
});
/** What an evidence file may be stored and served as (issue 15, item 3): workbooks, or a neutral binary type. */
export const WORKBOOK_MEDIA_TYPES = [
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "application/vnd.ms-excel.sheet.macroEnabled.12",
  "application/vnd.ms-excel",
  "application/vnd.oasis.opendocument.spreadsheet",
  "application/octet-stream",
] as const;
export const SubmittedFileSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  contentType: z
    .enum(WORKBOOK_MEDIA_TYPES, { message: `tệp Excel hoặc bảng tính, một trong: ${WORKBOOK_MEDIA_TYPES.join("; ")} / one of ${WORKBOOK_MEDIA_TYPES.join(", ")}` })
    .optional(),
  /** What the default body limit admits beside the rest of a submission (body-size.ts, CF4-2). */
  base64: z.string().min(4).max(maxWorkbookBase64(DEFAULT_MAX_BODY_BYTES)),
});
export const SubmissionRequestSchema = z
  .strictObject({
    period: z.string().min(1).max(64),
    unit: IdSchema.optional(),
    grid: GridSchema.optional(),
    /** Only this sheet of the grid (the CLI's --sheet). */
    sheet: z.string().min(1).max(31).optional(),
    items: z.array(SubmissionItemSchema).min(1).max(2_000).optional(),
    acceptedWarnings: z.array(AcceptedWarningSchema).max(500).default([]),
    clientReport: ReportSchema.optional(),
    locale: z.enum(["vi", "en"]).default("vi"),
    /** Column mappings the user confirmed in the add-in; the server scores with them too. */
    confirmedHeaders: z.array(ConfirmedHeaderSchema).max(50).optional(),
    /** The original workbook (base64), archived in R2; alone, the server reads its grid with SheetJS. */
    file: SubmittedFileSchema.optional(),
  })
  .refine((b) => (b.grid === undefined) !== (b.items === undefined) || (b.grid === undefined && b.items === undefined && b.file !== undefined), {
    message: "gửi đúng một trong grid (bảng tính) hoặc items (danh sách tiêu chí), hoặc chỉ file / send exactly one of grid or items (or only file)",
    path: ["grid"],
  });
export type SubmissionRequest = z.infer<typeof SubmissionRequestSchema>;

export const SubmissionCreatedSchema = z.object({ id: z.string(), version: z.number().int(), unit: z.string(), period: z.string(), report: ReportSchema });
export const SubmitterSchema = z.object({ tokenId: z.string(), label: z.string(), role: RoleSchema });
export const SubmissionSummarySchema = z.object({
  id: z.string(),
  version: z.number().int(),
  unit: z.string(),
  period: z.string(),
  total: z.number(),
  percent: z.number(),
  band: z.string().nullable(),
  errors: z.number().int(),
  warnings: z.number().int(),
  source: z.enum(["grid", "items", "raw"]),
  submittedBy: SubmitterSchema,
  createdAt: z.string(),
});
export type SubmissionSummary = z.infer<typeof SubmissionSummarySchema>;
export const SubmissionListSchema = z.object({ items: z.array(SubmissionSummarySchema), nextCursor: z.string().nullable() });
export const SubmissionListQuerySchema = PageQuerySchema.extend({ unit: IdSchema.optional(), period: z.string().max(64).optional() });
export const SubmissionDetailSchema = SubmissionSummarySchema.extend({
  report: ReportSchema,
  clientReport: ReportSchema.nullable(),
  acceptedWarnings: z.array(AcceptedWarningSchema),
  grid: GridSchema,
});
export type SubmissionDetail = z.infer<typeof SubmissionDetailSchema>;

const ItemStateSchema = z.object({ self: z.union([z.number(), z.string()]).nullable(), score: z.number() }).nullable();
const FindingKeySchema = z.object({ code: z.string(), criterion: z.string().nullable(), severity: z.string() });
export const SubmissionDiffSchema = z.object({
  from: z.object({ id: z.string(), version: z.number().int() }),
  to: z.object({ id: z.string(), version: z.number().int() }),
  total: z.object({ from: z.number(), to: z.number(), delta: z.number() }),
  percent: z.object({ from: z.number(), to: z.number(), delta: z.number() }),
  band: z.object({ from: z.string().nullable(), to: z.string().nullable() }),
  items: z.array(z.object({ code: z.string(), title: z.string(), from: ItemStateSchema, to: ItemStateSchema, delta: z.number() })),
  findings: z.object({ added: z.array(FindingKeySchema), removed: z.array(FindingKeySchema) }),
});
export type SubmissionDiff = z.infer<typeof SubmissionDiffSchema>;

export const HealthSchema = z.object({ status: z.literal("ok"), database: z.literal("ok"), time: z.string() });

// — appraisal, survey, ranking (the yearly cycle) —
export const ReviewActionSchema = z.enum(["start_review", "return", "explain", "finalize", "reopen"]);
export const ExplanationInputSchema = z.strictObject({
  code: z.string().regex(/^\d+(\.\d+)*$/),
  text: z.string().trim().min(1).max(5_000),
  evidence: z.union([z.string().max(10_000), z.array(z.string().max(2_000)).max(100)]).optional(),
});
export const ReviewTransitionSchema = z.strictObject({
  action: ReviewActionSchema,
  reason: z.string().trim().min(1).max(2_000).optional(),
  explanations: z.array(ExplanationInputSchema).max(500).optional(),
});
export const AppraisalItemsSchema = z.strictObject({
  items: z
    .array(z.strictObject({ code: z.string().regex(/^\d+(\.\d+)*$/), score: z.number().finite(), comment: z.string().trim().max(2_000).optional() }))
    .min(1)
    .max(500),
});
export const BulkReviewSchema = z.strictObject({
  action: z.enum(["start_review", "return", "finalize", "accept_unchanged"]),
  units: z.array(IdSchema).min(1).max(500),
  reason: z.string().trim().min(1).max(2_000).optional(),
});
export const ReviewStatusSchema = z.enum(["not_submitted", "submitted", "under_review", "returned_for_explanation", "explained", "final"]);
export const AppraisalViewSchema = z.object({
  period: z.string(),
  unit: z.string(),
  status: ReviewStatusSchema,
  turn: z.enum(["unit", "reviewer", "none"]),
  round: z.number().int(),
  latestSubmission: z.object({ id: z.string(), version: z.number().int(), createdAt: z.string() }).nullable(),
  items: z.array(
    z.object({
      code: z.string(),
      kind: z.string(),
      max: z.number(),
      score: z.number(),
      appraised: z.number().nullable(),
      comment: z.string().nullable(),
      explanations: z.array(z.object({ round: z.number().int(), text: z.string(), evidence: z.string(), at: z.string() })),
    }),
  ),
  history: z.array(z.object({ status: z.string(), round: z.number().int(), by: z.string(), reason: z.string().nullable(), at: z.string() })),
});
export const SurveyImportResultSchema = z.object({
  period: z.string(),
  importId: z.string(),
  rows: z.number().int(),
  units: z.number().int(),
  /** Lines that changed the score of a unit whose result is final (published): each is in the audit row, from → to. */
  finalChanged: z.number().int(),
});
/** ?limit=&cursor= page the JSON ranking (as every list); the CSV and XLSX exports are always whole. */
/**
 * The ranking and the board page as every list when asked (`?limit=&cursor=`); without a limit
 * they answer whole (`nextCursor` null): the consolidated ranking is one document people pull
 * into Excel, and its stored snapshot is read whole for any page anyway.
 */
const WholeUnlessPagedSchema = PageQuerySchema.extend({ limit: z.coerce.number().int().min(1).max(200).optional() });
export const RankingQuerySchema = WholeUnlessPagedSchema.extend({ format: z.enum(["json", "csv", "xlsx"]).optional() });
export const BoardQuerySchema = WholeUnlessPagedSchema.extend({ at: IsoDateTimeSchema.optional() });
export const NewBaselineSchema = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  percent: z.number().min(0).max(100).refine(isWholeHundredths, { message: "tối đa hai chữ số thập phân / at most two decimals" }),
  note: z.string().trim().min(1).max(500),
});
const PreviousSchema = z.object({ percent: z.number(), rank: z.number().int().nullable(), basis: z.enum(["baseline", "own", "merge"]), note: z.string().nullable() });
export const RankingEntrySchema = z.object({
  rank: z
    .number()
    .int()
    .min(1)
    .nullable()
    .meta({ description: "Competition rank among the units with data (a version sent or survey scores); null for a unit without: listed after the ranked units (Vietnamese order) with band, change and rankChange null, not counted in bandCounts" }),
  unit: z.string(),
  unitName: z.string(),
  parent: z.string().nullable(),
  parentName: z.string().nullable(),
  percent: z.number(),
  band: z.string().nullable(),
  fields: z.record(z.string(), z.number().nullable()),
  total: z.number(),
  max: z.number(),
  selfScore: z.number().nullable(),
  appraisedScore: z.number().nullable(),
  survey: z.object({ score: z.number(), max: z.number(), imported: z.boolean() }),
  basis: z.enum(["appraised", "submission", "none"]),
  status: ReviewStatusSchema,
  submitted: z.boolean(),
  onTime: z.boolean().nullable(),
  submittedAt: z.string().nullable(),
  change: z.number().nullable(),
  rankChange: z.number().int().nullable(),
  previous: PreviousSchema.nullable(),
});
export const RankingSchema = z.object({
  period: z.string(),
  year: z.number().int(),
  unitType: z.string(),
  criteriaSet: z.object({ id: z.string(), version: z.number().int() }),
  fields: z.array(z.object({ code: z.string(), title: z.string() })),
  bandCounts: z.array(z.object({ band: z.string().nullable(), count: z.number().int() })),
  previousPeriod: z.string().nullable(),
  /** This page's entries; the head above (band counts too) is the whole ranking's on every page. */
  items: z.array(RankingEntrySchema),
  nextCursor: z.string().nullable(),
});
/** `submitted` = units that sent a version; `statuses` one count per status; the other statuses' counts at top level too. */
const BoardCountsSchema = z.object({
  total: z.number().int(),
  submitted: z.number().int(),
  late: z.number().int(),
  statuses: z.record(ReviewStatusSchema, z.number().int()),
  not_submitted: z.number().int().optional(),
  under_review: z.number().int().optional(),
  returned_for_explanation: z.number().int().optional(),
  explained: z.number().int().optional(),
  final: z.number().int().optional(),
});
export const BulkReviewResultSchema = z.object({
  action: z.string(),
  items: z.array(z.object({ unit: z.string(), status: ReviewStatusSchema, turn: z.enum(["unit", "reviewer", "none"]), round: z.number().int() })),
});
export const BaselineSchema = NewBaselineSchema.extend({ unit: z.string() });
/** A page of the board's units (?limit=&cursor=) in their groups; `counts` are the whole board's and each whole group's on every page. */
export const BoardSchema = z.object({
  period: z.string(),
  at: z.string(),
  counts: BoardCountsSchema,
  groups: z.array(
    z.object({
      parent: z.string().nullable(),
      parentName: z.string().nullable(),
      counts: BoardCountsSchema,
      units: z.array(
        z.object({
          unit: z.string(),
          unitName: z.string(),
          status: ReviewStatusSchema,
          turn: z.enum(["unit", "reviewer", "none"]),
          deadline: z.string(),
          exception: z.object({ deadline: z.string(), reason: z.string() }).nullable(),
          submittedAt: z.string().nullable(),
          late: z.boolean(),
        }),
      ),
    }),
  ),
  nextCursor: z.string().nullable(),
});

// Weak-criteria analysis, a unit's history and the band trend (src/cycle/analysis.ts, unit-history.ts, trend.ts):
// their shapes live in the engine (shared/api-insight.ts) because the add-in parses them too.
export { AnalysisSchema, EvidenceRegisterSchema, MeSchema, PlanResponseSchema, TrendSchema, UnitHistorySchema } from "../../shared/index.ts";

/** GET /v1/submissions/:id/register: JSON by default; CSV for Excel in Vietnamese or English. */
export const RegisterQuerySchema = z.object({ format: z.enum(["json", "csv"]).default("json"), lang: z.enum(["vi", "en"]).default("vi") });

/** ?percent= (decimal comma and a trailing % accepted) and/or ?rank= of the target planner. */
const PlanPercentSchema = z
  .string()
  .max(12)
  .transform((s, ctx) => {
    const n = parseNumberText(s.replace(/%\s*$/, ""));
    if (n === null || n < 0 || n > 100) {
      ctx.addIssue({ code: "custom", message: "chỉ số mục tiêu phải từ 0 đến 100 / target index must be 0–100" });
      return z.NEVER;
    }
    return n;
  });
export const PlanQuerySchema = z
  .object({ percent: PlanPercentSchema.optional(), rank: z.coerce.number().int().min(1).max(100_000).optional() })
  .refine((q) => q.percent !== undefined || q.rank !== undefined, { message: "cần percent hoặc rank / percent or rank is required" });


