import { a1, cellAt, cellText, isBlankCell, mergeAt, type GridCell, type GridSheet } from "./grid.ts";
import type { MethodLine } from "./import-criteria-clauses.ts";
import { HEADING_POINTS, isHeading, numberedOptions, optionsInTitle } from "./import-criteria-options.ts";
import { ADJUSTMENT_SECTION, titleNamesSurvey } from "./import-criteria-method.ts";
import { partNumbering, type PartRenumbered } from "./import-criteria-parts.ts";
import { maxColumnFor, restrictionsBelow, type AppliesToSome } from "./import-criteria-levels.ts";
import { methodGives, type LabelPoints, type Note } from "./import-criteria-leaf.ts";
import type { UnitType } from "./criteria-schema.ts";
import { findHeader, isColumnNumberRow, type HeaderMatch, type TableRow } from "./locate-table.ts";
import { isCountingTotal, isSubtotal, range, readSections, rowText as rowTextOf, withoutTrailingNotes } from "./import-criteria-sections.ts";
import { applyFootnotes, withoutCodeMarks } from "./import-criteria-marks.ts";
import { labelPoints, methodAndNote, titlesInTitleColumn } from "./import-criteria-columns.ts";
import { optionPoints } from "./import-criteria-option-points.ts";
import { readTitleCode, spelledLabelGoesOn, stripTitleCode } from "./codes.ts";
import { cleanText, foldText } from "./text.ts";
import { parseNumberText } from "./values.ts";
import { round2 } from "./decimal.ts";

/**
 * A decision's criteria table, row by row: the coded rows (fields, criteria, sub-criteria)
 * with what stands beside them, and under each the rows that belong to it (option rows,
 * method lines in a merged cell). Codes, the header and the table's end come from the
 * engine's own reading of workbooks, so a decision is read the way a unit's workbook is.
 */
export interface DecisionRow {
  code: string;
  /** Coded by a list letter ("a)", "b)"): maybe an option rather than a criterion. */
  letter: boolean;
  title: string;
  /** The title cell and the max cell, where notes about the row point. */
  cell: string;
  maxCell: string;
  /** The max column's number, null when blank or not a number. */
  max: number | null;
  /** The method column and the uncoded rows under this one, line by line. */
  method: MethodLine[];
  /** The note column ("Ghi chú"), read only for survey and "không phát sinh" words. */
  note: MethodLine[];
  evidence: string;
  /** Under a part row that names the survey ("B. ĐIỂM ĐIỀU TRA XÃ HỘI HỌC"). */
  surveyPart: boolean;
  /** Numbered on under a field row that is no parent ("III | ĐIỂM THƯỞNG" over criterion 5): that field's bonus or deduction. */
  adjustmentField?: boolean;
  /** Points the label cell gives beside a blank max column ("Tiêu chí 2 (4 điểm)"): set beside the max derived, never the max (RD33-5). */
  labelPoints?: LabelPoints;
  /**
   * In a table with a max column per level: what this level's column says ("-", "x", blank) of a
   * row with points in another level's column — the row is not this level's (rowsForUnit).
   */
  levelOff?: string;
  /** "(Áp dụng đối với các huyện có …)": only some units of the level are scored on it (notApplicable "exclude"). */
  appliesToSome?: AppliesToSome;
}

export interface DecisionTable {
  sheet: GridSheet;
  header: HeaderMatch;
  rows: DecisionRow[];
  /** "Tổng cộng" row with the total it states, when the table has one. */
  totals: { cell: string; value: number } | null;
  /** Text above the header (title block) and below the table (notes, xếp loại), by row. */
  above: string[];
  below: { cell: string; text: string }[];
  /** The row after the last one read as the table's (its last row's method lines included): where the lines under it start. */
  end: number;
  /** A table joined over sheets: each sheet's own table as read, with its own end and total (RD31-1). */
  parts?: DecisionTable[];
  /** Parts whose numbering restarted, renumbered to follow the fields before them. */
  renumbered: PartRenumbered[];
  /** Notes about the table as a whole (its max column per level), made when it is the one imported. */
  notes: Parameters<Note>[];
}

/** The decision table on a sheet, or null when the sheet has none; with a unit type, its max column when the table has one per level. */
export function readDecisionTable(sheet: GridSheet, unitType?: UnitType): DecisionTable | null {
  const found = findHeader(sheet);
  const perLevel = found && unitType && found.columns.max !== undefined ? maxColumnFor(sheet, found, found.columns.max, unitType) : null;
  const header = found && perLevel ? { ...found, columns: { ...found.columns, max: perLevel.column } } : found;
  const maxColumn = header?.columns.max ?? header?.columns.self;
  if (!header || header.columns.title === undefined || maxColumn === undefined) return null;
  const titleColumn = header.columns.title;
  const columns = { ...header.columns, ...methodAndNote(sheet, header) };
  const normalized = withoutCodeMarks(titlesInTitleColumn(sheet, header), header);
  const sections = readSections(normalized, header);
  // Read on the sheet as typed: a note's text moved to the title column reads as a title (A7-6).
  const located = withoutTrailingNotes(sections.rows, sheet, header);
  const { parts: partRows, skipped, totalRow } = sections;
  const at = (r: number, c: number | undefined): GridCell | undefined => (c === undefined ? undefined : cellAt(normalized, r, c));
  const text = (r: number, c: number | undefined): string => cleanText(cellText(at(r, c)));
  const lines = (r: number, c: number | undefined): string => linesOf(cellText(at(r, c)));
  // A coded row reads its method and evidence through a cell merged down over several rows;
  // the option rows under a leaf do not, or they would repeat its method. A merge that starts
  // in another column (a field's title across the table) is no method.
  const merged = (r: number, c: number | undefined): string => {
    if (c === undefined) return "";
    const m = text(r, c) ? undefined : mergeAt(normalized, r, c);
    return cellText(m && m.s.c === c ? cellAt(normalized, m.s.r, c) : at(r, c));
  };
  const line = (r: number, c: number | undefined): MethodLine[] => (c !== undefined && cleanText(merged(r, c)) ? [{ text: linesOf(merged(r, c)), cell: a1(sheet.name, r, c) }] : []);
  // Each option's points in a "Điểm" column beside "Điểm tối đa" (settled per leaf below).
  const besides = optionPoints(sheet, header, columns, (r, c) => readMax(at(r, c)));
  /** An uncoded row under a coded one: its words (title, method) and the points beside them. */
  const attachedLine = (r: number): MethodLine[] => {
    if (isSubtotal(text(r, columns.title)) || isPageLayout(sheet, header, r)) return [];
    const words = [lines(r, columns.title), lines(r, columns.method)].filter(Boolean).join(": ");
    const points = readMax(at(r, maxColumn));
    if (!words && points === null) return [];
    const c = text(r, columns.title) ? columns.title : (columns.method ?? maxColumn);
    return [besides.beside({ text: words, points: points ?? undefined, cell: a1(sheet.name, r, c ?? maxColumn) }, r)];
  };
  const isMethodOnly = (r: number): boolean =>
    !text(r, columns.title) && !text(r, columns.code) && (!!text(r, columns.method) || readMax(at(r, maxColumn)) !== null);

  // A decision typed all in capitals (its criteria too) says nothing by case: there an uncoded
  // row in capitals ("THỰC HIỆN DƯỚI 70% KẾ HOẠCH: 0 ĐIỂM") is the line of the criterion above
  // it, as in lower case, not a part heading (WB22-8).
  const criterionTitles = located.filter((row) => row.code !== null && row.token?.kind === "dotted" && row.title).map((row) => row.title);
  const capitalsHead = criterionTitles.length < 2 || criterionTitles.filter(isHeading).length * 2 <= criterionTitles.length;
  const options = numberedOptions(located, (r) => text(r, columns.code), (r) => readMax(at(r, maxColumn)));
  const rows: DecisionRow[] = [];
  // Points in the label cell ("Tiêu chí 2 (5 điểm)"), read as a label beside the title: set beside
  // the max column, differing noted (RD32-6). Never the max: with the column blank they wait for
  // the max the children or method give (RD33-5/6: "(0,5 điểm)" per item became the max over 3).
  const labelNotes: Parameters<Note>[] = [];
  const pointsOfLabel = (r: number, code: string, max: number | null, method: MethodLine[]): { labelPoints?: LabelPoints } => {
    const c = header.columns.code;
    const typed = c === undefined ? "" : cellText(cellAt(sheet, r, c));
    const points = c === undefined || typed === cellText(cellAt(normalized, r, c)) ? null : labelPoints(typed);
    if (points === null || points === max) return {};
    const found = { points, text: cleanText(typed), cell: a1(sheet.name, r, c!) };
    if (max === null) return { labelPoints: found };
    if (methodGives(method, found)) return {};
    labelNotes.push(["LABEL_POINTS_DIFFER", found.cell, { code, text: found.text, label: points, max }]);
    return {};
  };
  let last = header.headerBottom;
  let surveyPart = false;
  let partRow = header.headerBottom;
  const parts = partNumbering();
  /** The bonus/deduction field whose bullet rows are its items, and how many it has. */
  let bullets: { field: string; n: number } | null = null;
  for (const row of located) {
    const owner = rows.at(-1);
    if (owner) for (let r = last + 1; r < row.r; r++) if (!skipped.has(r)) owner.method.push(...attachedLine(r));
    last = row.r;
    if (partRows.has(row.r) || (row.code === null && capitalsHead && isHeading(row.title))) {
      // "A | ĐIỂM TỰ ĐÁNH GIÁ", "B | ĐIỂM ĐIỀU TRA XÃ HỘI HỌC": a part of the table, no option.
      surveyPart = titleNamesSurvey(row.title);
      parts.start(cleanText(row.title.replace(HEADING_POINTS, "")), a1(sheet.name, row.r, titleColumn), ADJUSTMENT_SECTION.test(foldText(row.title)));
      partRow = row.r;
      continue;
    }
    // "III | ĐIỂM THƯỞNG, ĐIỂM TRỪ" over "- Có sáng kiến … | 1", "- Chậm gửi báo cáo | -1": bullet
    // rows with points of their own are the section's items, not options of one.
    if (row.code === null && bullets && BULLET_ROW.test(row.title) && readMax(at(row.r, maxColumn)) !== null) {
      rows.push({
        code: `${bullets.field}.${++bullets.n}`,
        letter: false,
        cell: a1(sheet.name, row.r, titleColumn),
        maxCell: a1(sheet.name, row.r, maxColumn),
        title: cleanText(row.title.replace(BULLET_ROW, "")),
        max: readMax(at(row.r, maxColumn)),
        method: line(row.r, columns.method),
        note: line(row.r, columns.note),
        evidence: cleanText(merged(row.r, columns.evidence)),
        surveyPart,
      });
      continue;
    }
    if (row.code === null || options.has(row.r)) {
      owner?.method.push(...attachedLine(row.r));
      continue;
    }
    const method = line(row.r, columns.method);
    const inTitle = method.length === 0 ? optionsInTitle(row.title, a1(sheet.name, row.r, titleColumn)) : null;
    const title = inTitle?.title ?? row.title;
    const { code, field } = parts.codeOf(row.code, row.token);
    bullets = !code.includes(".") && ADJUSTMENT_SECTION.test(foldText(title)) ? { field: code, n: 0 } : null;
    if (field) rows.push({ ...field, letter: false, cell: a1(sheet.name, partRow, titleColumn), maxCell: a1(sheet.name, partRow, maxColumn), max: readMax(at(partRow, maxColumn)), method: [], note: [], evidence: "", surveyPart });
    const max = readMax(at(row.r, maxColumn));
    const levelOff = perLevel && max === null ? notThisLevel(text(row.r, maxColumn), perLevel.others.some((c) => readMax(at(row.r, c)) !== null), perLevel.label) : undefined;
    rows.push({
      code,
      ...(levelOff !== undefined ? { levelOff } : {}),
      letter: row.token?.kind === "letter",
      cell: a1(sheet.name, row.r, titleColumn),
      maxCell: a1(sheet.name, row.r, maxColumn),
      // A label spelled with "số"/"thứ" going on in words ("Tiêu chí thứ 3 về sự hài lòng…") is
      // a sentence: its text is the title whole, not "về sự hài lòng…" (RD29-5).
      title: readTitleCode(title) && !spelledLabelGoesOn(title) ? stripTitleCode(title) : cleanText(title),
      max,
      method: inTitle ? [inTitle.method] : method.map((l) => besides.beside(l, row.r)),
      note: line(row.r, columns.note),
      evidence: cleanText(merged(row.r, columns.evidence)),
      surveyPart,
      ...pointsOfLabel(row.r, code, max, method),
    });
  }
  // Method lines in the cells under the last row, down to the first blank row.
  let end = last + 1;
  for (; end < sheet.rows.length && isMethodOnly(end); end++) rows.at(-1)?.method.push(...attachedLine(end));
  for (const row of rows) row.method = besides.settle(row.method);

  const rowText = (r: number): string => rowTextOf(sheet, r);
  const totalRows = [...range(header.headerBottom + 1, located[0]?.r ?? 0), ...range(end, Math.min(sheet.rows.length, end + 4)), ...(totalRow !== undefined ? [totalRow] : [])].filter((r) =>
    /^(tong cong|tong so diem|tong diem)\b|^(tong|cong)\s*(\(.*\))?\s*[:.]?[\d.,\s]*$/.test(foldText(rowText(r).slice(0, 60))) || isCountingTotal(rowText(r)),
  );
  // Under a last part, its subtotal ("Cộng (B)") comes before the grand total ("TỔNG ĐIỂM (A+B)").
  const totalsAt = totalRows.find((r) => !PART_TOTAL.test(foldText(rowText(r).slice(0, 60)))) ?? totalRows[0];
  const totalValue = totalsAt === undefined ? null : readMax(at(totalsAt, maxColumn));
  const totals = totalsAt === undefined ? null : totalValue !== null ? { cell: a1(sheet.name, totalsAt, maxColumn), value: totalValue } : totalInWords(sheet, totalsAt);
  const below = range(end, sheet.rows.length).flatMap((r) => {
    const c = (sheet.rows[r] ?? []).findIndex((cell) => cellText(cell ?? undefined).trim() !== "");
    return c < 0 ? [] : [{ cell: a1(sheet.name, r, c), text: labelledLine(sheet, r) ?? rowText(r) }];
  });
  applyFootnotes(rows, below);
  restrictionsBelow(rows, below, unitType);
  const numberedOn = fieldsNumberedOn(located, partRows);
  markAdjustmentFields(rows, numberedOn, (row) => Number(/(\d+)$/.exec(row.cell)?.[1] ?? 0) - 1);
  const tableNotes: Parameters<Note>[] = [...(perLevel?.note ? [perLevel.note] : []), ...labelNotes];
  if (numberedOn.length > 0) tableNotes.push(["FIELDS_NUMBERED_ON", a1(sheet.name, numberedOn[0]!.r, titleColumn), { fields: numberedOn.map((row) => romanOf(row)).join(", ") }]);
  return {
    sheet,
    header,
    rows,
    totals,
    above: range(0, header.headerTop).map(rowText).filter(Boolean),
    renumbered: parts.renumbered,
    notes: tableNotes,
    below,
    end,
  };
}

// "+" lines are a dash item's own options ("- Sáng kiến" over "+ Cấp tỉnh công nhận"): never items.
const BULLET_ROW = /^\s*[-•–]\s*/;

/** A part's subtotal: "Cộng (B)", "Tổng cộng phần B", "Tổng điểm (B)" — never "(A+B)". */
const PART_TOTAL = /^(?:tong cong|tong so diem|tong diem|tong|cong)\s*(?:phan\s+[a-e]\b|\(\s*(?:phan\s+)?[a-e]\s*\))/;

/** "Tổng điểm: 100 điểm", "TỔNG ĐIỂM TỐI ĐA: 100" written in the label cell, the max cell blank. */
const TOTAL_IN_WORDS = /^(?:tong cong|tong so diem|tong diem|tong)(?:\s+toi da)?\s*[:=]?\s*(\d+(?:[.,]\d+)?)\s*(?:diem)?\s*[.]?$/;

/**
 * "-", "x", "–", "không", "không áp dụng" or nothing in this level's max column, beside points in
 * another level's: the row is not this level's, said as the column shows it. A bare "x" elsewhere
 * marks where a criterion applies, but here it stands where the points would.
 */
function notThisLevel(own: string, othersScore: boolean, label: string | undefined): string | undefined {
  if (!othersScore || !/^(?:|[-–—x×/]|k|không|không áp dụng|kad)$/iu.test(own.trim())) return undefined;
  return `${label ?? "Điểm tối đa"}: ${own.trim() === "" ? "(để trống)" : own.trim()}`;
}

/** A grand total stated as text is checked like a number in the max column, at the cell that says it. */
function totalInWords(sheet: GridSheet, r: number): { cell: string; value: number } | null {
  const cells = sheet.rows[r] ?? [];
  const c = cells.findIndex((cell) => cleanText(cellText(cell ?? undefined)) !== "");
  const m = c < 0 ? null : TOTAL_IN_WORDS.exec(foldText(rowTextOf(sheet, r)));
  const value = m ? parseNumberText(m[1]!) : null;
  return value === null ? null : { cell: a1(sheet.name, r, c), value };
}

/**
 * A page break in an annex pasted from Word or a PDF: the header repeated, and the row of column
 * numbers under it ("(1) … (5)", "1 … 5", "A … E"). Layout, never a line of the criterion above
 * the break: its "(3)" in the max column had become an option 3 (IMP6-1).
 */
function isPageLayout(sheet: GridSheet, header: HeaderMatch, r: number): boolean {
  if (isColumnNumberRow(sheet, r)) return true;
  const labels = (row: number) => (sheet.rows[row] ?? []).map((cell) => foldText(cellText(cell ?? undefined)));
  const here = labels(r).filter(Boolean);
  if (here.length < 2) return false;
  return range(header.headerTop, header.headerBottom + 1).some((h) => {
    const top = labels(h);
    return here.every((label) => top.includes(label));
  });
}

/**
 * "I | CÔNG TÁC CHỈ ĐẠO | 6" over criteria 1, 2, then "II | … | 4" over 3, 4: criteria numbered
 * on across Roman field rows. The set keeps the decision's numbers (a unit's workbook in the
 * same layout is read with them), so the Roman rows are no parents: named in a note rather
 * than dropped in silence (IMP6-7) — with sub-criteria under them too ("3" over "3.1"), where
 * they had still been dropped in silence. Parts over fields numbered afresh in each ("1", "1.1"
 * under both I and II) are not this.
 */
function fieldsNumberedOn(located: TableRow[], parts: Set<number>): TableRow[] {
  const romans = located.filter((row) => row.token?.kind === "roman" && row.code === null && !parts.has(row.r));
  if (romans.length < 2) return [];
  const firstUnder = (roman: TableRow) => located.slice(located.indexOf(roman) + 1).find((row) => row.token?.kind === "dotted");
  const goesOn = romans.slice(1).some((roman) => {
    const first = firstUnder(roman);
    return first?.token?.kind === "dotted" && first.token.code !== "1";
  });
  return goesOn ? romans : [];
}

/**
 * The criteria under a field row numbered on that is a bonus or deduction section ("III | ĐIỂM
 * THƯỞNG | 5" over "5 | Sáng kiến …"): the field row is no parent, so its words would be lost
 * and the bonus counted in the max (105 for a 100-point set, IMP7-4). They carry it themselves.
 */
function markAdjustmentFields(rows: DecisionRow[], numberedOn: TableRow[], rowOf: (row: DecisionRow) => number): void {
  for (const row of rows) {
    const field = numberedOn.filter((roman) => roman.r < rowOf(row)).at(-1);
    if (field && ADJUSTMENT_SECTION.test(foldText(field.title))) row.adjustmentField = true;
  }
}

function romanOf(row: TableRow): string {
  const n = row.token?.kind === "roman" ? row.token.n : 0;
  const numerals: [number, string][] = [[10, "X"], [9, "IX"], [5, "V"], [4, "IV"], [1, "I"]];
  let out = "";
  let rest = n;
  for (const [value, numeral] of numerals) for (; rest >= value; rest -= value) out += numeral;
  return `${out} ${cleanText(row.title)}`.trim();
}

/** "Tốt | Từ 90 điểm trở lên": a xếp loại laid out as a two-column table, read as "Tốt: Từ 90 điểm trở lên" (IMP6-12). */
const BAND_LABEL_CELL = /^(?:(?:xếp\s+)?loại\s+)?(?:xuất sắc|tốt|khá|trung bình|yếu|kém|nhóm [a-e])\s*:?$/iu;

// Its rows may be numbered ("1 | Xuất sắc | Từ 90 điểm trở lên"), and its bounds written as bare
// numbers under an "Điểm" column ("≥ 80 và < 90", "< 65"): read as points, which the bands turn
// into percent of the set's max (or take as percent when above it) (IMP7-10).
function labelledLine(sheet: GridSheet, r: number): string | null {
  const filled = (sheet.rows[r] ?? []).map((cell) => cleanText(cellText(cell ?? undefined))).filter(Boolean);
  const cells = filled.length === 3 && /^(?:\d{1,2}|[a-dIVX]{1,3})[.)]?$/.test(filled[0]!) ? filled.slice(1) : filled;
  if (cells.length !== 2 || !BAND_LABEL_CELL.test(cells[0]!)) return null;
  const bound = /%|điểm|\bđ\b/iu.test(cells[1]!) ? cells[1]! : cells[1]!.replace(/\d+(?:[.,]\d+)?/g, "$& điểm");
  return `${cells[0]!.replace(/:$/, "")}: ${bound}`;
}

/** A method cell's text with its line breaks kept: each line is a clause ("- Ban hành kịp thời: 1"). */
function linesOf(raw: string): string {
  return raw.split(/\r?\n/).map(cleanText).filter(Boolean).join("\n");
}

/** "2", "1,5", "(2)", "-2 điểm": a max as decisions type it. */
function readMax(cell: GridCell | undefined): number | null {
  if (isBlankCell(cell)) return null;
  const bare = typeof cell!.v === "number" ? null : /^\(?\s*([+-]?\s*\d+(?:[.,]\d+)?)\s*\)?\s*(?:điểm|đ)?\.?$/iu.exec(cleanText(cellText(cell)));
  // "1/2 điểm": half a point, with "điểm" written (a bare "1/2" may be a day Excel kept as text).
  const fraction = typeof cell!.v === "number" || bare ? null : /^(\d{1,2})\s*\/\s*(\d{1,2})\s*(?:điểm|đ)\.?$/iu.exec(cleanText(cellText(cell)));
  const value = typeof cell!.v === "number" ? cell!.v : bare ? parseNumberText(bare[1]!.replace(/\s/g, "")) : fraction && Number(fraction[2]) > 0 ? Number(fraction[1]) / Number(fraction[2]) : null;
  // Points are hundredths: a stored 0.30000000000000004 or a typed 1,333 is read to the hundredth.
  return value === null || !Number.isFinite(value) ? null : round2(value);
}
