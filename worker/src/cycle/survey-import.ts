import { looksLikeWorkbook } from "../../../xlsx/sheetjs-grid.ts";
import { ApiError, quote } from "../errors.ts";
import { vietnameseNameKey } from "../../../shared/vietnamese-name-key.ts";
import { blankSurveyScore, formatNumber, indexCriteria, isWholeHundredths, NOT_UTF8_CSV, parseNumberText, savedAsUtf16, surveyCsvRecords, toCents, cellText, type CriteriaSet, type Grid } from "../../../shared/index.ts";

/**
 * Survey scores `unit, code, score` for a period, from CSV (";" or "," separated, optional
 * header, decimal comma accepted with ";") or the first sheet of an XLSX; a unit by its code
 * or its name. Every line is
 * checked before anything is stored: unknown units and codes, non-survey items, scores
 * over the item's max or not numbers, duplicates — all reported by line number, and then
 * nothing is imported.
 */
export interface SurveyRow {
  line: number;
  unit: string;
  code: string;
  scoreCents: number;
}
export interface SurveyError {
  line: number;
  message: string;
}
export type SurveyParse = { ok: true; rows: SurveyRow[] } | { ok: false; errors: SurveyError[] };

/** The CSV's records; a file saved as UTF-16 is refused as a whole (422 SURVEY_INVALID), saying how to save it. */
export function csvRecords(text: string): { line: number; cells: string[] }[] {
  if (savedAsUtf16(text)) {
    const message = `${NOT_UTF8_CSV.vi} / ${NOT_UTF8_CSV.en}`;
    throw new ApiError(422, "SURVEY_INVALID", `Tệp không phải CSV UTF-8, chưa nhập dòng nào / the file is not UTF-8 CSV, nothing imported`, [{ path: "line 1", message }]);
  }
  // The lines as the CLI's `check --survey` reads them (shared/survey-csv.ts): Excel's cleared rows
  // and trailing separators dropped, a lone \r a line end, ";" only when a line with a value has one.
  return surveyCsvRecords(text).records.map((r) => ({ line: r.line, cells: r.fields.map((f) => f.text) }));
}

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * The records of a body sent as text (CSV): a workbook's bytes (ZIP, or OLE for .xls) under a
 * text type are an Excel file whose tool chose the media type, not a CSV saved as UTF-16 — the
 * answer says so and how to send it, since this route reads .xlsx itself.
 */
export function textRecords(bytes: Uint8Array): { line: number; cells: string[] }[] {
  if (looksLikeWorkbook(bytes)) {
    const message = `Tệp là sổ tính Excel (.xlsx/.xls), không phải CSV: gửi nguyên tệp .xlsx với Content-Type "${XLSX_TYPE}" (máy chủ tự đọc trang tính đầu tiên), không cần lưu lại thành CSV / the file is an Excel workbook (.xlsx/.xls), not CSV: send the .xlsx as it is with Content-Type "${XLSX_TYPE}" (the server reads its first sheet)`;
    throw new ApiError(422, "SURVEY_INVALID", "Tệp gửi dạng CSV nhưng là sổ tính Excel, chưa nhập dòng nào / the file was sent as CSV but is an Excel workbook, nothing imported", [{ path: "line 1", message }]);
  }
  return csvRecords(new TextDecoder().decode(bytes));
}

export function gridRecords(grid: Grid): { line: number; cells: string[] }[] {
  const sheet = grid.sheets.find((s) => !s.hidden) ?? grid.sheets[0];
  if (!sheet) return [];
  return sheet.rows
    .map((row, r) => ({ line: r + 1, cells: row.map((cell) => (cell ? (typeof cell.v === "number" ? String(cell.v) : cellText(cell).trim()) : "")) }))
    .filter((r) => r.cells.some((c) => c !== ""));
}

const isHeader = (cells: string[]) => !/^\d/.test(cells[1] ?? "") && !/^[+-]?\d/.test(cells[2] ?? "");

/** A unit of the period, as the survey file may name it: by its code (id), its name, or its name and its parent's. */
export interface SurveyUnit {
  id: string;
  name: string;
  parentId?: string | null;
  parentName?: string | null;
}

/**
 * The unit a line names: its code, else its name read as the units import reads names
 * (vietnameseNameKey) — a survey institute's sheet names units by name (CF3-9) —, or, for a
 * namesake, its name with its parent's in brackets as the pane's Tổng hợp writes it, "Xã Tân Long
 * (Huyện Hàm Yên)" (A5-7). A name two units share is refused naming their parents and that form;
 * no match says it is neither.
 */
function unitResolver(units: readonly SurveyUnit[]): (value: string) => { id: string } | { error: string } {
  const ids = new Set(units.map((u) => u.id));
  const key = vietnameseNameKey;
  // Keyed once: a name looked up per line costs one key, not one per unit (57,000 lines of an
  // unknown name against a province's units had taken 3.5 s, past the hostile bench's bound).
  const byName = new Map<string, SurveyUnit[]>();
  for (const u of units) {
    const k = key(u.name);
    const list = byName.get(k);
    if (list) list.push(u);
    else byName.set(k, [u]);
  }
  const named = (name: string): readonly SurveyUnit[] => byName.get(key(name)) ?? [];
  return (value) => {
    if (ids.has(value)) return { id: value };
    const q = quote(value);
    const same = named(value);
    if (same.length === 1) return { id: same[0]!.id };
    if (same.length > 1) {
      const list = same.map((u) => (u.parentName ? `${u.id}: ${u.parentName}` : u.id)).join(same.some((u) => u.parentName) ? "; " : ", ");
      const example = same.find((u) => u.parentName);
      const [form, formEn] = example ? [` hoặc ghi tên kèm đơn vị cấp trên, ví dụ "${quote(`${example.name} (${example.parentName})`)}"`, ` or the name with its parent, e.g. "${quote(`${example.name} (${example.parentName})`)}"`] : ["", ""];
      return { error: `tên "${q}" là của ${same.length} đơn vị thuộc kỳ này (${list}): ghi mã đơn vị thay cho tên${form} / the name "${q}" is shared by ${same.length} units of the period (${list}): write the unit's code instead${formEn}` };
    }
    const withParent = /^(.+?)\s*\(([^()]+)\)\s*$/.exec(value);
    if (withParent) {
      const [, name = "", parent = ""] = withParent;
      const found = named(name).filter((u) => u.parentId === parent.trim() || (u.parentName != null && key(u.parentName) === key(parent)));
      if (found.length === 1) return { id: found[0]!.id };
    }
    return { error: `"${q}" không phải mã hay tên của đơn vị nào thuộc kỳ này / "${q}" is neither the code nor the name of a unit of the period` };
  };
}

export function validateSurvey(records: { line: number; cells: string[] }[], set: CriteriaSet, units: readonly SurveyUnit[]): SurveyParse {
  const index = indexCriteria(set);
  const unitOf = unitResolver(units);
  const errors: SurveyError[] = [];
  const rows: SurveyRow[] = [];
  const seen = new Map<string, number>();
  records.forEach((rec, i) => {
    if (i === 0 && isHeader(rec.cells)) return;
    const [written = "", code = "", scoreText = ""] = rec.cells;
    const err = (message: string) => errors.push({ line: rec.line, message });
    // "Xã An Phú,3.5.2," — a score left blank is said as such (the CLI's words), not as a missing column.
    if (written !== "" && /^\d+(\.\d+)*$/.test(code) && scoreText.trim() === "" && rec.cells.slice(3).every((c) => c === "")) {
      const blank = blankSurveyScore(code);
      return err(`${blank.vi} / ${blank.en}`);
    }
    if (rec.cells.filter((c) => c !== "").length !== 3) return err(`cần 3 cột "đơn vị, mã tiêu chí, điểm" / expected "unit, code, score"`);
    const resolved = unitOf(written);
    if ("error" in resolved) return err(resolved.error);
    const unit = resolved.id;
    const node = index.byCode.get(code);
    if (!node) return err(`mã tiêu chí "${quote(code)}" không có trong bộ ${set.id} / unknown code ${quote(code)}`);
    // A group's code (the survey field "7") is answered with the items to score instead.
    const items = node.isLeaf ? [] : node.leaves.filter((l) => l.rule.kind === "survey").map((l) => l.code);
    if (items.length > 0) return err(`${code} là một nhóm tiêu chí; nhập điểm cho từng tiêu chí khảo sát của nhóm (${items.join(", ")}) / ${code} is a group: give a score for each of its survey items (${items.join(", ")})`);
    if (!node.isLeaf || node.rule.kind !== "survey") return err(`tiêu chí ${code} không chấm bằng điều tra XHH / ${code} is not a survey item`);
    const score = /^[+-]?\d+([.,]\d+)?$/.test(scoreText.replace(/\s/g, "")) ? parseNumberText(scoreText) : null;
    if (score === null || !Number.isFinite(score)) return err(`điểm "${quote(scoreText)}" không phải số / score is not a number`);
    if (score < 0) return err(`điểm ${formatNumber(score, "vi")} âm / score ${score} below 0`);
    if (!isWholeHundredths(score)) return err(`điểm ${quote(scoreText.trim())} quá 2 chữ số thập phân / score ${score}: more than two decimals`);
    const max = node.item.max ?? 0;
    if (score > max) return err(`điểm ${formatNumber(score, "vi")} vượt điểm tối đa ${formatNumber(max, "vi")} của ${code} / score ${score} over the item's max ${max}`);
    const key = `${unit}\u0000${code}`;
    const first = seen.get(key);
    if (first !== undefined) return err(`${unit} ${code} đã có ở dòng ${first} / duplicate of line ${first}`);
    seen.set(key, rec.line);
    rows.push({ line: rec.line, unit, code, scoreCents: toCents(score) });
  });
  if (rows.length === 0 && errors.length === 0) errors.push({ line: 0, message: "tệp không có dòng điểm nào / no score lines" });
  return errors.length ? { ok: false, errors } : { ok: true, rows };
}

/** One statement for all rows (atomic with its audit row in the same batch). */
export function upsertSurveyStatement(db: D1Database, periodId: string, importId: string, rows: SurveyRow[]): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO survey_scores (period_id, unit_id, code, score_cents, import_id)
       SELECT ?1, json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]'), ?2 FROM json_each(?3) WHERE true
       ON CONFLICT (period_id, unit_id, code) DO UPDATE SET score_cents = excluded.score_cents, import_id = excluded.import_id`,
    )
    .bind(periodId, importId, JSON.stringify(rows.map((r) => [r.unit, r.code, r.scoreCents])));
}

/** A line that changes a stored score (from null: the unit had none for that code), and whether the unit's result is final. */
export interface SurveyChange {
  unit: string;
  code: string;
  from: number | null;
  to: number;
  final: boolean;
}

/**
 * What an import changes, read before it is stored: kept in its audit row ({unit, code, from,
 * to}) so a published result stays traceable, and counted for final units in the answer. A
 * line that repeats the stored score changes nothing and is not listed.
 */
export async function surveyChanges(db: D1Database, periodId: string, rows: SurveyRow[]): Promise<SurveyChange[]> {
  const { results } = await db
    .prepare(
      `SELECT json_extract(l.value, '$[0]') AS unit, json_extract(l.value, '$[1]') AS code, s.score_cents AS old_cents,
              (SELECT r.status FROM review_events r WHERE r.period_id = ?1 AND r.unit_id = json_extract(l.value, '$[0]') ORDER BY r.seq DESC LIMIT 1) AS status
       FROM json_each(?2) l LEFT JOIN survey_scores s ON s.period_id = ?1 AND s.unit_id = json_extract(l.value, '$[0]') AND s.code = json_extract(l.value, '$[1]')`,
    )
    .bind(periodId, JSON.stringify(rows.map((r) => [r.unit, r.code])))
    .all<{ unit: string; code: string; old_cents: number | null; status: string | null }>();
  const before = new Map(results.map((r) => [`${r.unit}\u0000${r.code}`, r]));
  return rows.flatMap((row) => {
    const old = before.get(`${row.unit}\u0000${row.code}`);
    if (old?.old_cents === row.scoreCents) return [];
    return [{ unit: row.unit, code: row.code, from: old?.old_cents == null ? null : old.old_cents / 100, to: row.scoreCents / 100, final: old?.status === "final" }];
  });
}
