/**
 * The rules of Excel the strict fake enforces, each with where it is written down. Where the
 * documentation is silent the rule says so and picks the stricter reading, so that the
 * adapter never depends on the lenient one.
 */

/** `OfficeExtension.Error` as office.js builds it (excel-web-16.00.debug.js, `_Internal.RuntimeError`). */
export class FakeOfficeError extends Error {
  override readonly name = "RichApi.Error";
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(
    readonly code: string,
    message: string,
    errorLocation?: string,
  ) {
    super(message);
    this.debugInfo = { code, message, ...(errorLocation ? { errorLocation } : {}) };
  }
}

/**
 * "Excel on the web has a payload size limit for requests and responses of 5MB"
 * (office-js-docs-pr docs/concepts/resource-limits-and-performance-optimization.md). Taken
 * as 5,000,000 bytes, the stricter reading of "MB".
 */
export const PAYLOAD_LIMIT = 5_000_000;

/** d.ts `Range.getMergedAreasOrNullObject` (index.d.ts:39143): "more than 512 … will fail to return the result". */
export const MERGED_AREA_LIMIT = 512;

/**
 * Excel specifications and limits: "Column width: 255 characters". In points (what
 * RangeFormat.columnWidth takes) with the default Calibri 11: 255 × 7 px + 5 px of padding =
 * 1,790 px = 1,342.5 pt. Wider is refused: VBA's ColumnWidth fails ("Unable to set the
 * ColumnWidth property", 1004); what Office.js does is not documented, and refusing with
 * InvalidArgument is the stricter reading (clamping would still leave an unreadable column).
 */
export const COLUMN_WIDTH_LIMIT = 1_342.5;

/** JSON bytes (UTF-8) of what travels: the estimate of a request's or a response's size. */
export function payloadBytes(value: unknown): number {
  return new TextEncoder().encode(JSON.stringify(value) ?? "").length;
}

/** Excel compares sheet and table names without case; the brief adds NFC (precomposed vs. combining Vietnamese marks). */
export const nameKey = (name: string): string => name.normalize("NFC").toLowerCase();

/**
 * Support article "Rename a worksheet": a sheet name cannot be blank, be longer than 31
 * characters, contain / \ ? * : [ ], begin or end with an apostrophe, or be "History".
 * d.ts `Worksheet.name` (index.d.ts:37376): "The name must be fewer than 32 characters."
 */
export function sheetNameProblem(name: string): string | null {
  if (name.trim() === "") return "blank";
  if (name.length > 31) return "longer than 31 characters";
  if (/[/\\?*:[\]]/.test(name)) return "contains one of / \\ ? * : [ ]";
  if (name.startsWith("'") || name.endsWith("'")) return "begins or ends with an apostrophe";
  if (nameKey(name) === "history") return 'reserved name "History"';
  return null;
}

/**
 * d.ts `Table.name` (index.d.ts:41765) points to the support article "Rename an Excel table":
 * begins with a letter, underscore or backslash; then letters, numbers, periods and
 * underscores; no spaces; not "C", "c", "R", "r"; not a cell reference (A1 or R1C1); at
 * most 255 characters.
 */
export function tableNameProblem(name: string): string | null {
  if (name.length === 0 || name.length > 255) return "empty or longer than 255 characters";
  if (!/^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name)) return "characters other than letters, numbers, periods and underscores";
  if (/^[CcRr]$/.test(name)) return "C, c, R and r are reserved";
  if (/^[A-Za-z]{1,3}\d+$/.test(name) || /^[Rr]\d*[Cc]\d*$/.test(name)) return "looks like a cell reference";
  return null;
}

export type ValueType = "Empty" | "String" | "Double" | "Boolean" | "Error";

/** One cell as the fake keeps it; `formula` is set when Excel took the input for a formula. */
export interface StrictCell {
  value: string | number | boolean;
  type: ValueType;
  formula?: string;
  numberFormat: string;
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?%?$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const SHORT_DATE = /^\d{1,2}[/-]\d{1,2}([/-]\d{2,4})?$/;

/**
 * What a value written through `Range.values` becomes, given the cell's number format:
 * - d.ts `Range.values` (index.d.ts:38744): text starting with "=", "+" or "-" is taken for a
 *   formula (the brief adds "@", Excel's implicit-intersection operator);
 * - support article "Format numbers as text": in a cell formatted as text ("@") a number
 *   stays text as typed;
 * - support article "Stop automatically changing numbers to dates" and d.ts `Range.values`
 *   (ISO dates are locale-neutral dates): "1/7", "1-2", "2024-01-15" become date serials;
 * - a leading apostrophe is Excel's text prefix: not shown, the rest kept as text.
 */
export function cellFromInput(input: unknown, numberFormat: string): StrictCell {
  if (typeof input === "number") {
    if (!Number.isFinite(input)) throw new FakeOfficeError("InvalidArgument", `The number ${input} cannot be written.`);
    return { value: input, type: "Double", numberFormat };
  }
  if (typeof input === "boolean") return { value: input, type: "Boolean", numberFormat };
  if (typeof input !== "string") throw new FakeOfficeError("InvalidArgument", `Unsupported cell value ${String(input)}.`);
  if (input === "") return { value: "", type: "Empty", numberFormat };
  if (input.startsWith("'")) return { value: input.slice(1), type: "String", numberFormat };
  if (numberFormat === "@") return { value: input, type: "String", numberFormat };
  if (/^[=+\-@]./s.test(input)) return { value: "#NAME?", type: "Error", formula: input.startsWith("=") ? input : `=${input}`, numberFormat };
  const text = input.trim();
  if (NUMBER.test(text)) return { value: text.endsWith("%") ? Number(text.slice(0, -1)) / 100 : Number(text), type: "Double", numberFormat };
  const iso = ISO_DATE.exec(text);
  if (iso) return { value: Date.UTC(Number(iso[1]), Number(iso[2]) - 1, Number(iso[3])) / 86_400_000 + 25_569, type: "Double", numberFormat };
  if (SHORT_DATE.test(text)) return { value: 45_000, type: "Double", numberFormat }; // a date serial; which one depends on the locale
  if (/^(true|false)$/i.test(text)) return { value: /^true$/i.test(text), type: "Boolean", numberFormat };
  return { value: input, type: "String", numberFormat };
}

/** One conditional format as the book keeps it: where, which kind, its rule and its fill. */
export interface StrictConditionalFormat {
  sheetId: string;
  bounds: { r0: number; c0: number; r1: number; c1: number };
  type: string;
  rule: unknown;
  fill: string | null;
}

/** The section of a ConditionalFormat each type exposes (d.ts ConditionalFormat.textComparison, .cellValue). */
export const SECTION_OF: Record<string, string> = { ContainsText: "textComparison", CellValue: "cellValue" };

/**
 * Does the rule hold for the cell? ConditionalTextComparisonRule (Contains, BeginsWith,
 * EndsWith, NotContains) and ConditionalCellValueRule EqualTo a literal: Excel compares text
 * without case. Other rules are not modelled.
 */
export function conditionalRuleHolds(cf: StrictConditionalFormat, cell: StrictCell | undefined): boolean {
  const value = cell && cell.type !== "Empty" ? String(cell.value).toLowerCase() : "";
  if (cf.type === "ContainsText") {
    const { operator, text } = cf.rule as { operator: string; text: string };
    const t = text.toLowerCase();
    if (operator === "Contains") return value.includes(t);
    if (operator === "NotContains") return !value.includes(t);
    if (operator === "BeginsWith") return value.startsWith(t);
    if (operator === "EndsWith") return value.endsWith(t);
  }
  if (cf.type === "CellValue") {
    const { formula1, operator } = cf.rule as { formula1: string; operator: string };
    const literal = /^="((?:[^"]|"")*)"$/.exec(formula1);
    if (operator === "EqualTo" && literal) return value === literal[1]!.replace(/""/g, '"').toLowerCase();
  }
  throw new TypeError(`strict fake: the conditional format rule ${JSON.stringify(cf.rule)} (${cf.type}) is not modelled`);
}
