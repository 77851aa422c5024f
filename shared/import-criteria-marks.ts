import { cellText, type GridCell, type GridSheet } from "./grid.ts";
import type { MethodLine } from "./import-criteria-clauses.ts";
import type { HeaderMatch } from "./locate-table.ts";
import { cleanText } from "./text.ts";

/**
 * Codes marked for a footnote: "2*", "3(*)", "4 (**)" in the code column, "1.2*. Tuyên truyền"
 * or "(*) 1.3. Kiểm tra" in the title. The engine reads codes as units' workbooks write them,
 * where no star stands; in a copy of the sheet the code is written bare and the mark moves to
 * the end of the title ("Tuyên truyền CCHC (*)"), where the footnote can still be found.
 */
const CODE = String.raw`\d{1,3}(?:\.\d{1,3}){0,4}|[IVXL]+|[a-zđ]`;
const MARK = String.raw`\(\*{1,3}\)|\*{1,3}`;
const MARKED_CODE = new RegExp(String.raw`^(${CODE})\s*(${MARK})\s*[.):]?$`, "u");
// Before a code only in brackets and only before "1.3." or "a)": a bullet "* 2 lần chậm …" is no mark.
const MARK_BEFORE = new RegExp(String.raw`^(\(\*{1,3}\))\s*(?=(?:${CODE})[.)]\s)`, "u");
const MARK_AFTER_CODE = new RegExp(String.raw`^(${CODE})\s*(${MARK})\s*([.):]?)\s+(?=\S)`, "u");

function mark(written: string): string {
  return `(${"*".repeat(written.replace(/[()]/g, "").length)})`;
}

export function withoutCodeMarks(sheet: GridSheet, header: HeaderMatch): GridSheet {
  const { code, title } = header.columns;
  if (title === undefined) return sheet;
  let changed = false;
  const rows = sheet.rows.map((row, r) => {
    if (r <= header.headerBottom) return row;
    const codeText = code === undefined ? "" : cleanText(cellText(row[code] ?? undefined));
    const titleText = cleanText(cellText(row[title] ?? undefined));
    const inCode = MARKED_CODE.exec(codeText);
    const before = inCode ? null : MARK_BEFORE.exec(titleText);
    const after = inCode || before ? null : MARK_AFTER_CODE.exec(titleText);
    if (!inCode && !before && !after) return row;
    changed = true;
    const copy: (GridCell | null)[] = [...row];
    while (copy.length <= Math.max(title, code ?? 0)) copy.push(null);
    if (inCode) {
      copy[code!] = { v: inCode[1]! };
      if (titleText) copy[title] = { v: `${titleText} ${mark(inCode[2]!)}` };
    } else if (before) copy[title] = { v: `${titleText.slice(before[0].length)} ${mark(before[1]!)}` };
    else if (after) copy[title] = { v: `${after[1]}${after[3] || "."} ${titleText.slice(after[0].length)} ${mark(after[2]!)}` };
    return copy;
  });
  return changed ? { ...sheet, rows } : sheet;
}

/**
 * "(*) Trường hợp trong năm không có kiến nghị … được tính điểm tối đa", "(**) Chỉ chấm điểm
 * tiêu chí này khi tiêu chí 1 đạt điểm tối đa" under the table: each footnote is read with the
 * rows whose title carries its mark, as their note column is ("không phát sinh", conditions).
 */
const FOOTNOTE = /^\s*(\(\*{1,3}\)|\*{1,3})\s*(\S.*)$/su;

export function applyFootnotes(rows: { title: string; note: MethodLine[] }[], below: { cell: string; text: string }[]): void {
  const notes = below.flatMap((line) => {
    const m = FOOTNOTE.exec(line.text);
    return m ? [{ mark: mark(m[1]!), text: m[2]!.trim(), cell: line.cell }] : [];
  });
  if (notes.length === 0) return;
  for (const row of rows) {
    const marks = new Set(row.title.match(/\(\*{1,3}\)/g) ?? []);
    for (const footnote of notes) if (marks.has(footnote.mark)) row.note.push({ text: footnote.text, cell: footnote.cell });
  }
}
