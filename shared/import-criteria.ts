import { parseCriteriaSet, type Band, type UnitType } from "./criteria-schema.ts";
import type { Locale } from "./findings.ts";
import { a1, cellText, type Grid } from "./grid.ts";
import { DEFAULT_BANDS, readBands } from "./import-criteria-bands.ts";
import { buildItems } from "./import-criteria-items.ts";
import { manualStep, type ImportedItem, type Note } from "./import-criteria-leaf.ts";
export type { ImportedItem, ImportedRule } from "./import-criteria-leaf.ts";
import { importFailure, importNote, type ImportNote } from "./import-criteria-messages.ts";
import type { DecisionTable } from "./import-criteria-rows.ts";
import { pickTable } from "./import-criteria-sheets.ts";
import { message } from "./messages.ts";
import { foldText } from "./text.ts";
import { readableSheet } from "./legacy-vietnamese.ts";
import { withCleanLetters } from "./import-criteria-text.ts";
import { halfLabelInTable, halfLabelInWorkbook } from "./import-criteria-half-labels.ts";
import { titleDisagreement } from "./import-criteria-title.ts";

/**
 * A criteria set from a decision's own table (CRITERIA-FORMAT.md §7): the CLI's
 * `import-criteria` and the add-in's admin import call this alike. It never throws: either a
 * set valid against the engine's schema with the notes of what it could not infer (each
 * with its cell), or why no set can be made.
 */
export interface ImportCriteriaOptions {
  id: string;
  year: number;
  unitType: UnitType;
  /** The sheet holding the table; without it the first sheet that holds one. */
  sheet?: string | undefined;
  locale?: Locale | undefined;
}

export interface ImportedCriteriaSet {
  id: string;
  title: string;
  description: string;
  year: number;
  unitType: UnitType;
  period: { from: string; to: string };
  maxPoints: number;
  bands: Band[];
  items: ImportedItem[];
  whenSurveyAbsent?: "rescale";
}

export type ImportCriteriaResult =
  | { ok: true; set: ImportedCriteriaSet; sheet: string; notes: ImportNote[] }
  | { ok: false; code: "SHEET_NOT_FOUND" | "HEADER_NOT_FOUND" | "CRITERIA_INVALID"; message: string; notes: ImportNote[] };

const UNIT_LEVEL: Record<UnitType, string> = { province: "cấp tỉnh", department: "cấp sở", district: "cấp huyện", commune: "cấp xã", ward: "cấp phường" };

export function importCriteriaSet(grid: Grid, options: ImportCriteriaOptions): ImportCriteriaResult {
  const locale = options.locale ?? "vi";
  const notes: ImportNote[] = [];
  const note: Note = (code, cell, params) => notes.push(importNote(code, cell, params, locale));
  // A decision typed in TCVN3 (".VnTime" fonts) is read as the Unicode its reader sees, then
  // its letters as the set will carry them (NFC, no eth, no soft hyphens: WB22-9).
  const picked = pickTable(grid.sheets.map((s) => withCleanLetters(readableSheet(s))), options.sheet, options.unitType, note);
  if (picked === "SHEET_NOT_FOUND") {
    const sheets = grid.sheets.map((s) => s.name).join(", ");
    return { ok: false, code: "SHEET_NOT_FOUND", message: importFailure("SHEET_NOT_FOUND", { sheet: options.sheet, sheets }, locale), notes };
  }
  if (!picked) {
    // Labels typed with their marks but "so"/"thu" without are no labels (RD27-2): say so, not "no header" (RD28-6).
    const half = halfLabelInWorkbook(grid);
    const why = half ? importFailure("HALF_MARKED_LABELS", half, locale) : message("HEADER_NOT_FOUND", {}, locale);
    return { ok: false, code: "HEADER_NOT_FOUND", message: why, notes };
  }

  // One half-marked label among good ones leaves a table that reads, with that label's rows
  // under the criterion before it (6 of 15 points gone, exit 0): refused by its cell (RD29-3).
  const halfInTable = halfLabelInTable(picked);
  if (halfInTable) return { ok: false, code: "CRITERIA_INVALID", message: importFailure("HALF_MARKED_LABELS", halfInTable, locale), notes };

  const { items, maxPoints } = buildItems(picked, options.unitType, note);
  if (maxPoints <= 0) return { ok: false, code: "CRITERIA_INVALID", message: message("CRITERIA_INVALID", { detail: importFailure("NO_POINTS", {}, locale) }, locale), notes };
  let bands = readBands(picked.below, maxPoints, note);
  if (bands.length === 0) {
    note("BANDS_DEFAULT", a1(picked.sheet.name, picked.header.headerTop, picked.header.columns.title ?? 0), {});
    bands = DEFAULT_BANDS;
  }
  const set: ImportedCriteriaSet = {
    id: options.id,
    title: titleOf(picked.above) ?? `Bộ chỉ số CCHC ${UNIT_LEVEL[options.unitType]} năm ${options.year}`,
    description: descriptionOf(picked),
    year: options.year,
    unitType: options.unitType,
    period: { from: `${options.year}-01-01`, to: `${options.year}-12-31` },
    maxPoints,
    bands,
    items,
    ...(rescalesWithoutSurvey([...picked.above, ...picked.below.map((l) => l.text)]) ? { whenSurveyAbsent: "rescale" as const } : {}),
  };
  const disagreement = titleDisagreement(picked.sheet, picked.header.headerTop, titleOf(picked.above), options.year, options.unitType);
  if (disagreement) note("TITLE_DISAGREES", disagreement.cell, { title: set.title, said: disagreement.said, asked: disagreement.asked, saidEn: disagreement.saidEn, askedEn: disagreement.askedEn });
  return validated(set, picked, notes, note, locale);
}

/** The title block's line naming the index ("BỘ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH CẤP XÃ …"). */
function titleOf(above: string[]): string | null {
  return above.find((line) => /bo chi so|chi so cai cach|bo tieu chi|tieu chi (danh gia|xac dinh|cham diem)/.test(foldText(line)) && !/^\(?\s*(kem theo|ban hanh kem)/.test(foldText(line))) ?? null;
}

/** "Trường hợp không tổ chức điều tra xã hội học, … quy về thang điểm 100" (Hà Nội's department index). */
function rescalesWithoutSurvey(lines: string[]): boolean {
  return lines.some((line) => /khong (?:to chuc|thuc hien|tien hanh) (?:dieu tra|dt ?xhh|khao sat).*(?:quy|tinh|doi) (?:ve|ra|theo) thang (?:diem )?100/.test(foldText(line)));
}

/** Where the set came from: the sheet, and the decision the title block cites, if any. */
function descriptionOf(table: DecisionTable): string {
  const cited = table.above
    .map((line) => /(Quyết định|QĐ)\s*(?:số)?\s*:?\s*(\d+[^\s,;)]*)(?:\s*ngày\s*(\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}|\d{1,2}\s*tháng\s*\d{1,2}\s*năm\s*\d{4}))?(?:\s*của\s*([^)]+))?/iu.exec(line.normalize("NFC")))
    .find((m) => m !== null);
  const source = cited ? `; bảng kèm theo Quyết định số ${cited[2]}${cited[3] ? ` ngày ${cited[3]}` : ""}${cited[4] ? ` của ${cited[4].trim()}` : ""}` : "";
  return `Nhập bằng parindex import-criteria từ trang tính "${table.sheet.name}"${source}. Kiểm tra lại các ghi chú của lần nhập trước khi công bố.`;
}

/**
 * The engine's own schema decides. A leaf whose inferred rule it refuses falls back to a
 * manual rule (noted), so one odd method does not cost the whole set; anything else is
 * CRITERIA_INVALID.
 */
function validated(set: ImportedCriteriaSet, table: DecisionTable, notes: ImportNote[], note: Note, locale: Locale): ImportCriteriaResult {
  const sheet = table.sheet.name;
  const cellOf = (code: string) => table.rows.find((r) => r.code === code)?.maxCell ?? a1(sheet, table.header.headerTop, 0);
  const leaves = countLeaves(set.items);
  // Each leaf can lose its condition, then its rule.
  for (let attempt = 0; attempt <= 2 * leaves; attempt++) {
    // The schema's reasons in the notes' language ("a band of 1.1 gives points outside …" was English in a Vietnamese note).
    const parsed = parseCriteriaSet(set, locale);
    if (parsed.ok) return { ok: true, set, sheet, notes };
    const issue = parsed.issues[0]!;
    const leaf = leafAt(set, issue.path);
    // A condition the engine refuses (a circle of conditions) is dropped, not the leaf's rule.
    if (leaf?.requires && issue.path.includes(".requires")) {
      note("REQUIREMENT_UNRESOLVED", cellOf(leaf.code), { code: leaf.code, target: leaf.requires.code, text: issue.message, reason: "other" });
      delete leaf.requires;
      continue;
    }
    if (!leaf || (leaf.rule?.kind === "manual" && (leaf.min ?? 0) >= 0)) {
      return { ok: false, code: "CRITERIA_INVALID", message: message("CRITERIA_INVALID", { detail: parsed.message }, locale), notes };
    }
    const step = manualStep(leaf.max ?? 0);
    note("RULE_INVALID", cellOf(leaf.code), { code: leaf.code, detail: issue.message, step });
    leaf.rule = { kind: "manual", step };
    delete leaf.min;
  }
  return { ok: false, code: "CRITERIA_INVALID", message: message("CRITERIA_INVALID", { detail: "" }, locale), notes };
}

function countLeaves(items: ImportedItem[]): number {
  return items.reduce((n, i) => n + (i.children ? countLeaves(i.children) : 1), 0);
}

/** The leaf a schema issue's path ("items.0.children.2.rule.options") points into. */
function leafAt(set: ImportedCriteriaSet, path: string): ImportedItem | null {
  const parts = path.split(".");
  if (parts[0] !== "items") return null;
  let item: ImportedItem | undefined;
  let list: ImportedItem[] | undefined = set.items;
  for (let i = 1; i < parts.length && list; i += 2) {
    item = list[Number(parts[i])];
    if (parts[i + 1] !== "children") break;
    list = item?.children;
  }
  return item && !item.children ? item : null;
}
