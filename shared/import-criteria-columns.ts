import { cellText, isBlankCell, mergedCellAt, sheetWidth, type GridSheet } from "./grid.ts";
import type { HeaderMatch } from "./locate-table.ts";
import { readCodeCell, readTitleCode, stripTitleCode } from "./codes.ts";
import { readMethod } from "./import-criteria-method.ts";
import { foldText } from "./text.ts";

/**
 * Where a decision's table keeps what the engine's header does not name: the method column
 * under the labels decisions give it, and field titles typed in the code column.
 */
const METHOD_LABEL =
  /cach thuc|cach danh gia|tieu chuan (danh gia|cham)|quy dinh cham|thang danh gia|yeu cau|huong dan|dien giai|mo ta|muc diem|phuong thuc (cham|danh gia|tinh|cho)|cach (xac dinh|cho|tinh) diem|(can cu|nguyen tac) (cham|danh gia|tinh|xac dinh|cho)|thang diem chi tiet|tieu chi (cham|cho|tinh) diem|noi dung cham|muc do danh gia|thang diem danh gia/;

/** "Kịp thời: 1 điểm", "từ 90% trở lên: 2 điểm", "0,5 điểm/01 sáng kiến": words that score. */
const SCORING_WORDS = /\d+(?:[.,]\d+)?\s*(?:điểm|đ)(?!\p{L})/iu;
/** Criteria rows whose cells must score in words before an unnamed column is taken for the method. */
const SCORING_ROWS = 2;

/**
 * Where the method stands: the column the engine names ("Cách chấm", "Phương pháp chấm
 * điểm"), else one whose label says so in other words ("Cách thức đánh giá", "Tiêu chuẩn
 * đánh giá", "Phương thức chấm điểm", "Căn cứ chấm điểm", "Thang điểm chi tiết"), else the
 * note column, which then holds the method ("Ghi chú: Kịp thời: 1 …").
 */
export function methodAndNote(sheet: GridSheet, header: HeaderMatch): { method?: number; note?: number } {
  const { method, note } = header.columns;
  if (method !== undefined) return { method, note };
  const named = new Set(Object.values(header.columns));
  for (let c = 0; c < sheetWidth(sheet); c++) {
    if (named.has(c)) continue;
    const label = [header.headerTop, header.headerBottom].map((r) => cellText(mergedCellAt(sheet, r, c))).join(" ");
    if (METHOD_LABEL.test(foldText(label))) return { method: c, note };
  }
  // Under a label no list knows ("Điểm chấm", "Nội dung"), the column whose cells score in
  // words is the method: read as none, every leaf had become manual with no note (IMP6-8).
  const scoring = (c: number) => sheet.rows.slice(header.headerBottom + 1).filter((row) => {
    const cell = row[c];
    return typeof cell?.v === "string" && /\p{L}/u.test(cell.v) && SCORING_WORDS.test(cell.v);
  }).length;
  for (let c = 0; c < sheetWidth(sheet); c++) if (c !== header.columns.title && (!named.has(c) || c === header.columns.self) && c !== note && scoring(c) >= SCORING_ROWS) return { method: c, note };
  return { method: note };
}

/**
 * Field rows are often one cell merged across the code and title columns ("I. CÔNG TÁC
 * CHỈ ĐẠO…"): the engine reads titles from the title column, so such a row's text is
 * moved there in a copy of the sheet (rows are copied only where they change).
 */
export function titlesInTitleColumn(sheet: GridSheet, header: HeaderMatch): GridSheet {
  const { code, title } = header.columns;
  if (code === undefined || title === undefined) return sheet;
  const codeTexts = sheet.rows.map((row) => cellText(row[code] ?? undefined));
  const labelColumn = codeTexts.some((text, r) => r > header.headerBottom && readCodeCell(text)?.kind === "word");
  const max = header.columns.max ?? header.columns.self;
  const maxOf = (r: number) => (max === undefined ? null : typedPoints(sheet.rows[r]?.[max] ?? undefined));
  const titleOf = (r: number) => cellText(sheet.rows[r]?.[title] ?? undefined).trim();
  // An option line typed as the row itself is: no code, no dash, its points in the max column.
  const plainOption = (r: number) => r > header.headerBottom && !codeTexts[r]?.trim() && maxOf(r) !== null && titleOf(r) !== "" && !DASHED.test(titleOf(r));
  const { method } = methodAndNote(sheet, header);
  const { note } = header.columns;
  // Only a method column holds a row's own method: the note column, even where it serves as the
  // method, holds remarks ("Căn cứ báo cáo CCHC năm", "Không có kế hoạch thì … 0 điểm") — RD39-2.
  const methodOf = (r: number) => (method === undefined || method === title || method === note ? "" : cellText(sheet.rows[r]?.[method] ?? undefined).trim());
  // A row's own method ("Đạt: 2 điểm; không đạt: 0 điểm", "Trong năm không có …"), more than a
  // band's points in words ("1 điểm", "Được 1 điểm", "1 điểm/năm"): the row is a criterion, no
  // band line (RD38-1, RD38-4, RD39-3).
  const ownMethod = (r: number) => methodOf(r) !== "" && !BAND_POINTS.test(methodOf(r));
  // A criterion's rule stands in the column the leaf is scored from, the note column too where it
  // serves as the method (RD40-1): it scores beside its cap, in points ("đúng hạn: 2 điểm"). Its cap
  // alone ("2 điểm", "Tối đa 2 điểm", "…, chấm tối đa 2 điểm") or a reference ("Theo Hướng dẫn số
  // 12") is none (RD39-1); in the note column, neither is a remark that pays nothing ("Không có kế
  // hoạch thì không chấm, 0 điểm" — RD39-2). Options in figures alone ("đúng hạn 2, chậm 1") are
  // not read as a rule: counting "word + number" parts took "Theo Nghị định 61, Thông tư 01" and
  // "Chậm 0, không gửi 0" for rules (RD41-1, RD41-2): beside a cap they stay no rule, and the
  // leaf's notes name the part of the cell left unused (RD40-2, import-criteria-own-cell.ts).
  const ruleOf = (r: number) => (method === undefined || method === title ? "" : cellText(sheet.rows[r]?.[method] ?? undefined).trim());
  const hasRule = (r: number) => {
    const cell = ruleOf(r);
    if (BAND_POINTS.test(cell) || !SCORING_WORDS.test(cell.replace(CAP, " "))) return false;
    if (method !== note) return true;
    const { rule } = readMethod([{ text: cell.replace(CAP, " "), cell: "" }], maxOf(r));
    return !(rule.kind === "choice" && rule.options.every((p) => p <= 0));
  };
  // Between a criterion and its band table may stand rows of its own with no code, label, points
  // or method: a blank row, a wrapped title, an evidence line, a lead-in ("Căn cứ …:") — RD39-4.
  const filler = (r: number) => !codeTexts[r]?.trim() && maxOf(r) === null && methodOf(r) === "" && !DASHED.test(titleOf(r)) && !SCORING_WORDS.test(titleOf(r)) && !BAND_LINE.test(titleOf(r));
  const rightUnder = (above: number, r: number) => {
    for (let i = r - 1; i > above; i--) if (!filler(i)) return false;
    return true;
  };
  // The labelled closing lines of the band tables opened so far (RD39-5).
  const closings = new Set<number>();
  // A labelled line in a band run is a criterion when it scores itself (its own method), names
  // another criterion than the opening's label ('Tiêu chí 1.3' after 'Tiêu chí 1.2'), or is worth
  // more than the band above it or as much as the opening (a table's bands fall: 2, 1, 0; two
  // bands under the opening's label may share points: 2, 1, 1, 0) — RD38-1, RD38-3, RD39-6.
  const bandsClose = (r: number, opening: number | null): boolean => {
    const label = JSON.stringify(readTitleCode(codeTexts[r]!));
    let above = opening;
    // The lines after r close the table: two-bound lines, then a 'dưới'/'không' one, none coded.
    for (let i = r + 1; i < sheet.rows.length && !readCodeCell(codeTexts[i] ?? "") && titleOf(i) !== ""; i++) {
      const own = readTitleCode(codeTexts[i] ?? "");
      if (own) {
        const points = maxOf(i) ?? labelPoints(codeTexts[i]!);
        if (ownMethod(i) || JSON.stringify(own) !== label || (points !== null && ((above !== null && points > above) || (opening !== null && points >= opening)))) return false;
        above = points ?? above;
      }
      if (TWO_BOUNDS.test(titleOf(i))) continue;
      if (!CLOSING_BOUND.test(titleOf(i))) return false;
      // Its labelled closing line ('Tiêu chí 1.2 (0 điểm)' | 'Không thực hiện') is the table's last band, no criterion (RD39-5).
      if (own) closings.add(i);
      return true;
    }
    return false;
  };
  // The row a band line serves: a coded criterion may own a band table right under it (a labelled
  // row never does), unless it is a field (Roman numeral, 'Lĩnh vực …') or already scores itself
  // in its method cell (RD38-1, RD38-2).
  // With a rule of its own, the table under it restates that rule and is its own only under a
  // label naming it ("Tiêu chí 1.2 (2 điểm)" under 1.2 whose cell reads "Trên 90%: 2 điểm; …"):
  // a label naming another is that criterion's (RD38-2, RD39-1).
  let head: { max: number | null; row: number; ownsBands: boolean; ruled: string | null } | undefined;
  const restates = (ruled: string | null, codeText: string) => {
    const own = readTitleCode(codeText);
    return ruled === null || (own?.kind === "word" && own.label === ruled);
  };
  const rows = sheet.rows.map((row, r) => {
    if (r <= header.headerBottom) return row;
    const codeText = codeTexts[r]!;
    const token = readCodeCell(codeText);
    if (token) head = { max: maxOf(r), row: r, ownsBands: token.kind !== "roman" && !(token.kind === "word" && token.level === 1), ruled: !hasRule(r) ? null : token.kind === "dotted" ? token.code : token.kind === "word" ? token.label : "" };
    if (!codeText.trim() || readCodeCell(codeText) || !readTitleCode(codeText)) return row;
    // A band's typed points never exceed those of the coded or labelled row it serves: over them the row is a criterion.
    const typed = maxOf(r);
    const within: boolean | null = typed === null ? null : head !== undefined && (head.max === null || typed <= head.max);
    if (!isBlankCell(row[title] ?? undefined)) {
      // A lower bound inside a title opens the coded criterion's band table when it stands right
      // under that criterion, holds no method of its own, the lines after it close that table and
      // its points fit the criterion's (RD37-3); alone, or after lines of the criterion's own, it is a
      // criterion's target (RD38-1..4).
      const points = typed ?? labelPoints(codeText);
      const opens = head?.ownsBands === true && rightUnder(head.row, r) && restates(head.ruled, codeText) && !ownMethod(r) && (points === null || head.max === null || points <= head.max) && OPENING_BOUND.test(titleOf(r)) && bandsClose(r, points);
      const line = opens || closings.has(r) || optionBeside(row[title] ?? undefined, codeText, within, plainOption(r - 1) || plainOption(r + 1));
      const labelled = labelOnly(row, code, codeText, labelColumn || !line);
      if (labelled !== row) head = { max: typed, row: r, ownsBands: false, ruled: null };
      // A label worth more than the criterion is a criterion's label, not the band's points (RD37-5).
      else if (line && typed === null && !(head?.max != null && points !== null && points > head.max)) return withLabelPoints(row, title, codeText);
      return labelled;
    }
    const copy = [...row];
    while (copy.length <= title) copy.push(null);
    copy[title] = { v: codeText };
    copy[code] = null;
    return copy;
  });
  return { ...sheet, rows };
}

/**
 * Beside a title cell, a label cell also holding a title or its points after the label ("Tiêu
 * chí số 2: Cải cách TTHC", "Tiêu chí 2 (6 điểm)", "Tiêu chí 2 - 6 điểm") is that row's label; the title cell stays the
 * title (RD31-5: the row was no code, its rows read under criterion 1, 9 of 15 points, exit 0).
 * A label going on in lowercase words ("Tiêu chí số 2 về …") stays a sentence (RD29-2). In a
 * column of codes (STT, TT) the reading does not fit an option or band line (see optionBeside):
 * there the row's title decides, never its max cell — beside a band line ("Tiêu chí 1.2: 1 điểm"
 * beside "Thực hiện từ 70% …", its points typed or not) the label is that line's text (RD33-4,
 * RD35-1), beside a criterion's or field's own title it is the label in any points' shape or
 * case, max typed or blank ("Tiêu chí 3 (tối đa 5 điểm)" beside "Sự hài lòng …": RD34-1, RD35-2).
 */
function labelOnly(row: GridSheet["rows"][number], code: number, codeText: string, fits: boolean): GridSheet["rows"][number] {
  const text = codeText.trim();
  if (!fits) return row;
  const rest = stripTitleCode(text);
  if (!(/^\p{Lu}/u.test(rest) || labelPoints(text) !== null) || !text.endsWith(rest)) return row;
  const label = text.slice(0, text.length - rest.length).replace(/[\s:：.\-–—]+$/u, "");
  if (readCodeCell(label)?.kind !== "word") return row;
  const copy = [...row];
  copy[code] = { v: label };
  return copy;
}

/**
 * A band line's label gives that band its points where neither the title nor the max cell does
 * ("Tiêu chí 1.2 (1 điểm)" beside "Thực hiện từ 70% đến 90% kế hoạch": RD36-6, the band had no
 * points and its criterion was scored freely as if the decision were silent on 70–90%).
 */
function withLabelPoints(row: GridSheet["rows"][number], title: number, codeText: string): GridSheet["rows"][number] {
  const points = labelPoints(codeText);
  const text = cellText(row[title] ?? undefined).trim();
  if (points === null || SCORING_WORDS.test(text)) return row;
  const copy = [...row];
  copy[title] = { v: `${text.replace(/[\s:：.;,]+$/u, "")}: ${String(points).replace(".", ",")} điểm` };
  return copy;
}

/**
 * The points a label cell gives after the label, or null: in brackets ("Tiêu chí 2 (5 điểm)",
 * "(tối đa 6 điểm)"), or all that follows a separator ("Tiêu chí 2 - 6 điểm", "Tiêu chí 2: 6đ":
 * RD32-5) — the decision's word, set beside its max column (RD32-6).
 */
export function labelPoints(codeText: string): number | null {
  const text = codeText.trim();
  const rest = stripTitleCode(text);
  const bracketed = /^\(\s*(?:tối đa\s*)?(\d+(?:[.,]\d+)?)\s*(?:điểm|đ)\s*\)/iu.exec(rest);
  const separated = /[:：\-–—]\s*$/u.test(text.slice(0, text.length - rest.length)) ? /^(\d+(?:[.,]\d+)?)\s*(?:điểm|đ)\s*$/iu.exec(rest) : null;
  const m = bracketed ?? separated;
  return m ? Number(m[1]!.replace(",", ".")) : null;
}

/** A scoring option's words ("Đạt", "Không", "Có", "Chưa") after a label. */
const OPTION_WORD = /^(?:đạt|không|có|chưa|được)(?!\p{L})/iu;

/**
 * In a column of codes, where no row carries a bare label, a label and a word beside an option or
 * method line ("Tiêu chí 1 Đạt yêu cầu" beside "- Ban hành kịp thời", "Tiêu chí 2.1.1 Đạt" beside
 * "Từ 90% …") is that line's text, never a criterion re-nesting the field (RD32-7); so is a label
 * beside a title reading as a band (BAND_LINE), its points typed in the max column or not (RD35-1),
 * or beside a degree or option among option lines typed the same way (DEGREE).
 */
function optionBeside(titleCell: GridSheet["rows"][number][number] | undefined, codeText: string, within: boolean | null, amongOptions: boolean): boolean {
  const title = cellText(titleCell ?? undefined).trim();
  if (DASHED.test(title) || OPTION_WORD.test(stripTitleCode(codeText.trim()))) return true;
  if (within === null) return BAND_LINE.test(title);
  return within && (BAND_LINE.test(title) || (amongOptions && (OPTION_WORD.test(title) || DEGREE.test(title))));
}

/** A line under a criterion marked as such ("- Ban hành kịp thời", "+ …", "• …"). */
const DASHED = /^[-–—+•*]/u;
/**
 * A title reading as a band by a band's own signs: two bounds or a lower one ("Thực hiện từ 70%
 * đến 90% kế hoạch", "Dưới 70%", "từ 50% trở xuống"), a title that opens on its bound ("Từ 98%
 * trở lên", "Trên 90%"), or its points ("…: 1 điểm", "… được 1 điểm") (RD35-1). A single share
 * inside a title is a criterion's target ("Tỷ lệ hồ sơ … đạt từ 90% trở lên", "Xử lý 100% kiến
 * nghị", "… đạt trên 50%" | 3: RD36-2, RD36-4).
 */
const BAND_LINE =
  /^(?:từ|dưới|trên)\s+\d|(?<!\p{L})từ\s+\d+(?:[.,]\d+)?\s*%?\s*(?:đến|tới|-|–)\s*(?:dưới\s+)?\d|(?<!\p{L})dưới\s+\d+(?:[.,]\d+)?\s*%|(?<!\p{L})từ\s+\d+(?:[.,]\d+)?\s*%?\s*trở xuống|\d\s*(?:điểm|đ)(?!\p{L})/iu;
/** A cell holding a band's points and nothing else: "1 điểm", "(0,5 đ)", "Được 1 điểm", "1 điểm/năm", "Không điểm". */
const BAND_POINTS = /^(?:được\s+)?\(?(?:\d+(?:[.,]\d+)?\s*(?:điểm|đ)?|không\s+điểm)\)?(?:\s*\/\s*\p{L}+)?\.?$/iu;
/** A criterion's cap in its method cell: "2 điểm", "Tối đa 2 điểm", "chấm tối đa 2 điểm", "(tối đa 2 đ)". */
const CAP = /(?:chấm\s+)?tối đa\s*\d+(?:[.,]\d+)?\s*(?:điểm|đ)(?!\p{L})/giu;
/**
 * A band table's lines by their bounds: its opening one may hold its lower bound inside the title
 * ("Thực hiện trên 90% kế hoạch", "Đạt từ 98% trở lên", "… đạt 100%"), the middle ones two bounds
 * ("từ 70% đến 90%", "Trên 90% đến dưới 98%"), the closing one an upper bound or a 'không'.
 */
const OPENING_BOUND = /(?<!\p{L})(?:trên|đạt)\s+\d+(?:[.,]\d+)?\s*%|(?<!\p{L})từ\s+\d+(?:[.,]\d+)?\s*%\s*trở lên/iu;
const TWO_BOUNDS = /(?<!\p{L})(?:từ|trên)\s+\d+(?:[.,]\d+)?\s*%?\s*(?:đến|tới|-|–)\s*(?:dưới\s+)?\d/iu;
const CLOSING_BOUND = /(?<!\p{L})dưới\s+\d+(?:[.,]\d+)?\s*%|(?<!\p{L})từ\s+\d+(?:[.,]\d+)?\s*%?\s*trở xuống|^[-–—+•*]?\s*(?:không|chưa)(?!\p{L})/iu;
/**
 * How well a thing was done ("Công khai không đầy đủ", "… kịp thời") or an option ("Có", "Chưa"):
 * a band only among option lines typed the same way beside it, its points within those of the
 * row above ("Công khai đầy đủ, đúng quy định" | 2, "Công khai không đầy đủ" | 1, "Không công
 * khai" | 0) — alone, a criterion's title says it too ("Gửi báo cáo … đầy đủ, kịp thời" | 1,
 * "Không để xảy ra …", "Chưa có kiến nghị … tồn đọng": RD36-1, RD36-3, RD36-5).
 */
const DEGREE = /(?<!\p{L})(?:không|chưa|đầy đủ|đúng quy định|kịp thời)(?!\p{L})/iu;

/** A max cell's points as typed (1, "1", "0,5"), or null. */
function typedPoints(cell: GridSheet["rows"][number][number] | undefined): number | null {
  const text = cellText(cell ?? undefined).trim().replace(",", ".");
  return /^\d+(?:\.\d+)?$/u.test(text) ? Number(text) : null;
}
