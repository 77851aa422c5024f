import { z } from "zod";
import { UnitTypeSchema } from "./criteria-schema.ts";

/**
 * How a province goes live (issue 16), shared by the Worker (which validates with these and
 * documents them in /openapi.json) and the add-in (which parses the answers): activation
 * codes, units from a sheet, and who the token is with the periods open to it.
 */

// — activation codes —

/**
 * Crockford's base32: digits and capitals without I, L, O and U, so a code read over the
 * phone has no look-alikes ("O or zero?"). 10 symbols = 50 random bits, shown "ABCD-EFGH-JK".
 */
export const ACTIVATION_CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
export const ACTIVATION_CODE_LENGTH = 10;
const LOOK_ALIKES: Record<string, string> = { O: "0", I: "1", L: "1" };

/**
 * What a person typed → the code's 10 symbols, or null when it cannot be one. Case, spaces,
 * dashes and dots do not matter, full-width characters are folded, and the letters Crockford
 * leaves out are read as the digits they look like (O → 0, I and L → 1).
 */
export function normalizeActivationCode(text: string): string | null {
  const symbols = text
    .normalize("NFKC")
    .toUpperCase()
    .replace(/[\s\-‐-―._]/g, "")
    .replace(/[OIL]/g, (ch) => LOOK_ALIKES[ch]!);
  if (symbols.length !== ACTIVATION_CODE_LENGTH) return null;
  return [...symbols].every((ch) => ACTIVATION_CODE_ALPHABET.includes(ch)) ? symbols : null;
}

/** "ABCDEFGHJK" → "ABCD-EFGH-JK": groups of four are easier to read out and to type. */
export const formatActivationCode = (symbols: string): string => symbols.replace(/(.{4})(?=.)/g, "$1-");

const ActivationCodeSchema = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{2}$/, "ABCD-EFGH-JK (Crockford base32)");
const UnitRefSchema = z.object({ id: z.string(), name: z.string() });
/**
 * A unit with the unit it sits under, so that namesakes ("Xã Tân Lập" of two districts) can be
 * told apart on a codes sheet and at activation. `parent` was added later: absent from an
 * older server's answer; null for a province.
 */
const UnitWithParentSchema = UnitRefSchema.extend({ parent: UnitRefSchema.nullable().optional() });

/** "Xã Tân Lập (Huyện Hàm Yên)": a unit as the pane names it once activated; the name alone when no parent is known. */
export const unitWithParent = (u: { name: string; parent?: { name: string } | null | undefined }): string => (u.parent ? `${u.name} (${u.parent.name})` : u.name);

/** POST /v1/activate: the code as typed (normalised by the server; an empty or mistyped one gets the 401 sentence, not a schema error). */
export const ActivateRequestSchema = z.object({ code: z.string().max(64) });
export type ActivateRequest = z.infer<typeof ActivateRequestSchema>;

/** 201 of POST /v1/activate: the unit's new token, shown this once (the server keeps its hash). */
export const ActivationSchema = z.object({
  token: z.string(),
  unit: UnitWithParentSchema,
  role: z.literal("unit"),
  /** End of the token's validity (ISO, end of a day in Vietnam time). */
  expiresAt: z.string(),
});
export type Activation = z.infer<typeof ActivationSchema>;

/** One issued code: what goes on the sheet handed to the unit. */
export const IssuedCodeSchema = z.object({
  code: ActivationCodeSchema,
  unit: UnitWithParentSchema,
  role: z.literal("unit"),
  /** Last moment the code may be redeemed (ISO, end of a day in Vietnam time). */
  expiresAt: z.string(),
});
export type IssuedCode = z.infer<typeof IssuedCodeSchema>;

/** ?days= a code stays valid: 14 unless said, 1–60. */
export const CodeValidityQuerySchema = z.object({ days: z.coerce.number().int().min(1).max(60).default(14) });
export const BulkCodesQuerySchema = CodeValidityQuerySchema.extend({ format: z.enum(["json", "csv", "xlsx"]).default("json") });

/** The first value met a second time, if any. */
function firstRepeated<T>(values: readonly T[]): T | undefined {
  const seen = new Set<T>();
  for (const v of values) {
    if (seen.has(v)) return v;
    seen.add(v);
  }
  return undefined;
}

/** POST /v1/activation-codes: a list of units, or every open unit below one (a district, the province). */
export const IssueCodesRequestSchema = z.union([
  z
    .object({ units: z.array(z.string().min(1).max(64)).min(1).max(500) })
    .strict()
    .superRefine((b, ctx) => {
      const twice = firstRepeated(b.units);
      if (twice !== undefined) ctx.addIssue({ code: "custom", path: ["units"], message: `đơn vị ${twice} ghi hai lần: mỗi đơn vị ghi một lần / ${twice} is listed twice: list each unit once` });
    }),
  z.object({ under: z.string().min(1).max(64) }).strict(),
]);
export type IssueCodesRequest = z.infer<typeof IssueCodesRequestSchema>;
export const IssuedCodesSchema = z.object({ items: z.array(IssuedCodeSchema) });
export type IssuedCodes = z.infer<typeof IssuedCodesSchema>;

// — units from a sheet —

/** One row of a units sheet, as its cells read (text), with its row number in the sheet. */
export const UnitImportRowSchema = z.strictObject({
  row: z.number().int().min(1).max(1_048_576),
  name: z.string().max(200).default(""),
  /** A type id ("commune") or its Vietnamese name ("Xã", "Phường", "Huyện", "Sở" …). */
  type: z.string().max(100).default(""),
  /** The parent's id or exact name; a unit of an earlier or later row of the same sheet may be named. Empty only for a province. */
  parent: z.string().max(200).default(""),
  /** dd/mm/yyyy or yyyy-mm-dd. */
  validFrom: z.string().max(40).default(""),
});
export type UnitImportRow = z.infer<typeof UnitImportRowSchema>;

export const UnitImportRequestSchema = z.strictObject({
  rows: z
    .array(UnitImportRowSchema)
    .min(1)
    .max(2_000)
    .superRefine((rows, ctx) => {
      const twice = firstRepeated(rows.map((r) => r.row));
      if (twice !== undefined) ctx.addIssue({ code: "custom", message: `dòng ${twice} gửi hai lần: mỗi dòng của bảng gửi một lần / row ${twice} is sent twice: send each row of the sheet once` });
    }),
  /** Preview: answer what would be created and every problem, create nothing. */
  dryRun: z.boolean().default(false),
});
export type UnitImportRequest = z.infer<typeof UnitImportRequestSchema>;

export const UnitImportColumnSchema = z.enum(["name", "type", "parent", "validFrom"]);
export type UnitImportColumn = z.infer<typeof UnitImportColumnSchema>;
export const UNIT_IMPORT_PROBLEMS = [
  "NAME_MISSING",
  "TYPE_UNKNOWN",
  "PARENT_MISSING",
  "PARENT_NOT_FOUND",
  "PARENT_AMBIGUOUS",
  "PARENT_WRONG_LEVEL",
  "PARENT_NOT_VALID",
  "PARENT_HAS_PROBLEM",
  "DUPLICATE_NAME",
  "EXISTS_DIFFERENTLY",
  "DATE_MISSING",
  "DATE_INVALID",
  "PERIOD_LOCKED",
] as const;
export type UnitImportProblemCode = (typeof UNIT_IMPORT_PROBLEMS)[number];

/** A row's problem, by cell: the sheet row and the column, with one sentence saying what to do. */
export const UnitImportProblemSchema = z.object({
  row: z.number().int(),
  column: UnitImportColumnSchema,
  code: z.enum(UNIT_IMPORT_PROBLEMS),
  message: z.string(),
});
export type UnitImportProblem = z.infer<typeof UnitImportProblemSchema>;

/** A row as it will be (or was) stored; "exists": the same unit is there already, nothing to do. */
export const PlannedUnitSchema = z.object({
  row: z.number().int(),
  id: z.string(),
  name: z.string(),
  type: UnitTypeSchema,
  parentId: z.string().nullable(),
  validFrom: z.string(),
  action: z.enum(["create", "exists"]),
});
export type PlannedUnit = z.infer<typeof PlannedUnitSchema>;

/** 200 of a preview (`dryRun`), 201 of a create (then `problems` is empty). Rows with a problem are not in `units`. */
export const UnitImportResultSchema = z.object({
  dryRun: z.boolean(),
  units: z.array(PlannedUnitSchema),
  problems: z.array(UnitImportProblemSchema),
});
export type UnitImportResult = z.infer<typeof UnitImportResultSchema>;

// — who the token is, and the periods open to it —

/** A period the token may work on now, labelled for people (shared/period-label.ts). */
export const OpenPeriodSchema = z.object({
  id: z.string(),
  year: z.number().int(),
  criteriaSet: z.object({ id: z.string(), version: z.number().int(), title: z.string() }),
  unitType: UnitTypeSchema,
  /** The deadline that applies to this token's unit: its exception when it has one. */
  deadline: z.string(),
  extended: z.boolean(),
  label: z.object({ vi: z.string(), en: z.string() }),
});
export type OpenPeriod = z.infer<typeof OpenPeriodSchema>;

/**
 * A period a reviewer or the admin may consolidate (rank, analyse): open or closed, since
 * ranking happens after the deadline. `closed`: its deadline has passed or it is locked, and
 * its label says so ("Kỳ đánh giá năm 2024 — cấp xã, đã hết hạn nộp 31/01/2025").
 */
export const ConsolidationPeriodSchema = OpenPeriodSchema.extend({ closed: z.boolean() });
export type ConsolidationPeriod = z.infer<typeof ConsolidationPeriodSchema>;

/**
 * GET /v1/me: the role, the unit, and the periods open to it — not locked, deadline (the
 * unit's exception, if any) still ahead, of the unit's own level for a unit token, of the
 * levels below its unit for a reviewer, of every level for the admin. Newest year first.
 */
export const MeSchema = z.object({
  role: z.enum(["unit", "reviewer", "admin"]),
  unit: UnitWithParentSchema.nullable(),
  /** Always sent; defaulted so that a client reading an older server still parses. */
  periods: z.array(OpenPeriodSchema).default([]),
  /**
   * The periods a reviewer or the admin may consolidate: every period of a level it covers,
   * open and closed (locked too), newest first; empty for a unit token. Added after `periods`
   * (which keeps its meaning): defaulted for an older server.
   */
  consolidation: z.array(ConsolidationPeriodSchema).default([]),
});
export type Me = z.infer<typeof MeSchema>;
