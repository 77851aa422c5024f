import type { CriteriaSet } from "./criteria-schema.ts";
import { indexCriteria, setCodes } from "./criteria-tree.ts";
import { a1, cellAt, cellText, mergedCellAt, type Grid, type GridCell, type GridSheet } from "./grid.ts";
import { evidenceElsewhere, evidenceLists } from "./evidence-sheet.ts";
import type { ConfirmedHeader } from "./column-kinds.ts";
import { locateCriteriaTables } from "./locate-table.ts";
import { selectTables } from "./table-selection.ts";
import { datedEvidence, namesLink, type DatedSpan } from "./evidence.ts";
import { evidenceRowOf, matchRows, type MatchedRow } from "./matched-rows.ts";
import { dateAsShown, formatDateVi, type WrittenDate } from "./values.ts";
import { foldText, looksBlank } from "./text.ts";
import { impossibleDayText, writtenDate } from "./impossible-date.ts";
import type { Locale } from "./findings.ts";
import type { Report } from "./report.ts";
import { readableSheet } from "./legacy-vietnamese.ts";

/**
 * Evidence register (issue 8): every document a unit's workbook cites, with the criteria
 * and cells citing it. The same document cited twice is one entry: documents are keyed by
 * number + symbol compared without case, spaces, diacritics (Đ = D), dash style or leading
 * zeros ("12/QĐ-UBND" = "012 / qd-ubnd"); entries without a number are keyed by their
 * folded text. Each document is flagged when
 * - DATE_CONFLICT: it is cited with different dates (a typo, or two documents sharing a
 *   number across years — either way worth a look);
 * - OUT_OF_PERIOD: a cited date lies outside the set's period;
 * - DATE_INVALID: a citation is dated on a day that does not exist ("30/02/2024", or month
 *   first "12/25/2024"): the engine's EVIDENCE_DATE_INVALID, never taken for "no date";
 * - NO_NUMBER / NO_DATE: no number+symbol, or no date (real or not), in any citation;
 * - UNRECOGNISED: neither (e.g. "Có", "Có văn bản kèm theo").
 * The evidence column comes from the located criteria tables, chosen the way scoring chooses
 * them; a merged evidence cell counts for every row it spans, cited at its top-left cell. An
 * entry without a date takes the row's "Ngày ban hành" as scoring does (datedEvidence).
 */
import { REGISTER_FLAGS, type RegisterFlag } from "./register-flags.ts";
export { REGISTER_FLAGS, type RegisterFlag } from "./register-flags.ts";

export interface RegisterCitation {
  criterion: string;
  cell: string;
  text: string;
  date: string | null;
}

export interface RegisterDocument {
  key: string;
  kind: string | null;
  number: string | null;
  symbol: string | null;
  /** Distinct ISO dates cited, ascending. */
  dates: string[];
  /** Criteria citing it, in workbook order, each once. */
  criteria: string[];
  /** Cells citing it, each once. */
  cells: string[];
  citations: RegisterCitation[];
  flags: RegisterFlag[];
  messages: Record<Locale, string[]>;
}

export interface EvidenceRegister {
  criteriaSet: string;
  period: { from: string; to: string };
  documents: RegisterDocument[];
  counts: { documents: number; citations: number } & Record<RegisterFlag, number>;
}

export interface RegisterOptions {
  /** Headers the user confirmed, as for scoring. */
  confirmedHeaders?: ConfirmedHeader[] | undefined;
}


/** Normalised number/symbol: "012 / QĐ–UBND" → "12/qd-ubnd". */
export function documentKey(number: string, symbol: string): string {
  const fold = (s: string) => foldText(s).replace(/\s+/g, "").replace(/[–—‐]/g, "-");
  return `${fold(number).replace(/^0+(?=\d)/, "")}/${fold(symbol)}`;
}

function evidenceAddress(sheet: GridSheet, r: number, c: number): string {
  for (const m of sheet.merges ?? []) {
    if (r >= m.s.r && r <= m.e.r && c >= m.s.c && c <= m.e.c) return a1(sheet.name, m.s.r, m.s.c);
  }
  return a1(sheet.name, r, c);
}

/**
 * The register of a workbook's cited documents. With `report`, only the sheets that report
 * scored are read, so the register matches it. Never throws on workbook content.
 */
export function evidenceRegister(grid: Grid, set: CriteriaSet, report?: Pick<Report, "sheets">, options: RegisterOptions = {}): EvidenceRegister {
  const index = indexCriteria(set);
  const sheets = (report ? grid.sheets.filter((s) => report.sheets.includes(s.name)) : grid.sheets).map(readableSheet);
  const tables = selectTables(locateCriteriaTables(sheets, set.year, options.confirmedHeaders, setCodes(index), set.unitType), index);
  const documents = new Map<string, RegisterDocument>();
  // Days that do not exist, by document key, each written date once.
  const invalidDates = new Map<string, WrittenDate[]>();
  // Months or years documents are dated by with no day ("12/KH-UBND tháng 01/2023"), by document key, each once.
  const spans = new Map<string, DatedSpan[]>();
  // The row scoring counts for each code (matchRows: the first, a visible one before a hidden one).
  const matched = matchRows(tables, index, []);
  // Each counted row's code as scoring found it: its own, or its title under its criterion (a bullet, a blank code cell).
  const codeOfRow = new Map<object, { code: string; m: MatchedRow }>();
  for (const node of index.nodes) {
    const m = matched[node.index];
    if (m) codeOfRow.set(m.row, { code: node.code, m });
  }
  // Documents listed on an evidence sheet of their own (all sheets, as scoring reads them): by code, or by the number a cell refers to.
  const lists = evidenceLists(grid.sheets.map(readableSheet), tables, setCodes(index).all);
  for (const table of tables) {
    const { evidence: column, evidenceDate } = table.header.columns;
    if (column === undefined) continue;
    for (const row of table.rows) {
      // As in scoring: codes outside the set are ignored, and one row counts for each code.
      const counted = codeOfRow.get(row);
      if (counted === undefined) continue;
      const { code, m } = counted;
      // Its own cell (or, left blank, its result line's: evidenceRowOf), then the rows that continue it (one document a row), each cited where it is.
      const own = evidenceRowOf(m);
      for (const r of [own, ...(row.more ?? [])]) {
        const cell = r === own ? mergedCellAt(table.sheet, r, column) : cellAt(table.sheet, r, column);
        // A formula's error ("#N/A") is no document: scoring names it (FORMULA_ERROR).
        // Nor is a checkbox's TRUE or FALSE. A date cell is the date it shows (A6-1: its serial "44813" had been a document).
        const text = cell?.err === undefined && typeof cell?.v !== "boolean" ? cellText(dateAsShown(cell)) : "";
        if (looksBlank(text)) continue;
        const address = evidenceAddress(table.sheet, r, column);
        const dateCell = evidenceDate === undefined ? undefined : mergedCellAt(table.sheet, r, evidenceDate);
        const referred = evidenceElsewhere(lists, code, text);
        if (referred) for (const entry of referred.entries ?? [referred]) cite(code, entry.address, entry.text, undefined);
        else cite(code, address, text, dateCell);
      }
    }
  }
  // Documents listed under a code, for leaves whose own cell is blank — as scoring reads them.
  for (const [code, item] of lists.byCode) {
    const node = index.byCode.get(code);
    const m = node && matched[node.index];
    const column = m?.table.header.columns.evidence;
    if (!m || (column !== undefined && !looksBlank(cellText(mergedCellAt(m.table.sheet, m.row.r, column))))) continue;
    cite(code, item.address, item.text, undefined);
  }

  function cite(code: string, address: string, text: string, dateCell: GridCell | undefined): void {
    for (const ref of datedEvidence(text, dateCell)) {
      const key = ref.number !== null && ref.symbol !== null ? documentKey(ref.number, ref.symbol) : `text:${foldText(ref.text)}`;
      let doc = documents.get(key);
      if (!doc) {
        doc = { key, kind: ref.kind, number: ref.number, symbol: ref.symbol, dates: [], criteria: [], cells: [], citations: [], flags: [], messages: { vi: [], en: [] } };
        documents.set(key, doc);
      }
      doc.kind ??= ref.kind;
      doc.citations.push({ criterion: code, cell: address, text: ref.text, date: ref.date });
      if (!doc.criteria.includes(code)) doc.criteria.push(code);
      if (!doc.cells.includes(address)) doc.cells.push(address);
      if (ref.date !== null && !doc.dates.includes(ref.date)) doc.dates.push(ref.date);
      const span = ref.dated;
      if (span) {
        const list = spans.get(key) ?? [];
        if (!list.some((d) => d.from === span.from && d.to === span.to)) list.push(span);
        spans.set(key, list);
      }
      const invalid = ref.invalidDate;
      if (invalid) {
        const list = invalidDates.get(key) ?? [];
        if (!list.some((d) => writtenDate(d) === writtenDate(invalid))) list.push(invalid);
        invalidDates.set(key, list);
      }
    }
  }

  const counts = { documents: documents.size, citations: 0, ...(Object.fromEntries(REGISTER_FLAGS.map((f) => [f, 0])) as Record<RegisterFlag, number>) };
  for (const doc of documents.values()) {
    doc.dates.sort();
    counts.citations += doc.citations.length;
    const outside = doc.dates.filter((d) => d < set.period.from || d > set.period.to);
    const invalid = invalidDates.get(doc.key) ?? [];
    // A month or a year is the document's date only where no citation gives its day.
    const monthsOrYears = doc.dates.length > 0 ? [] : (spans.get(doc.key) ?? []);
    const outsideSpans = monthsOrYears.filter((d) => d.to < set.period.from || d.from > set.period.to);
    const dated = doc.dates.length > 0 || invalid.length > 0 || monthsOrYears.length > 0;
    if (doc.dates.length > 1) doc.flags.push("DATE_CONFLICT");
    if (outside.length > 0 || outsideSpans.length > 0) doc.flags.push("OUT_OF_PERIOD");
    if (invalid.length > 0) doc.flags.push("DATE_INVALID");
    if (doc.number === null && !dated) doc.flags.push("UNRECOGNISED");
    else if (doc.number === null) doc.flags.push("NO_NUMBER");
    else if (!dated) doc.flags.push("NO_DATE");
    for (const flag of doc.flags) {
      counts[flag]++;
      for (const locale of ["vi", "en"] as const) doc.messages[locale].push(flagMessage(flag, doc, { outside, invalid, outsideSpans }, set.period, locale));
    }
  }
  return { criteriaSet: set.id, period: set.period, documents: [...documents.values()], counts };
}

function flagMessage(flag: RegisterFlag, doc: RegisterDocument, found: { outside: string[]; invalid: WrittenDate[]; outsideSpans: DatedSpan[] }, period: { from: string; to: string }, locale: Locale): string {
  const { outside, invalid, outsideSpans } = found;
  // A document's Vietnamese title stays whole in English too ("Quyết định số 12/QĐ-UBND", never "Quyết định no. 12": A4-8).
  const name = doc.number !== null ? `${doc.kind ? `${doc.kind} số ` : locale === "vi" ? "số " : "no. "}${doc.number}/${doc.symbol}` : `"${doc.citations[0]!.text}"`;
  const criteria = doc.criteria.join(", ");
  const dates = (ds: string[]) => ds.map(formatDateVi).join(", ");
  const vi = locale === "vi";
  switch (flag) {
    case "DATE_CONFLICT":
      return vi
        ? `${name} được trích dẫn với các ngày khác nhau (${dates(doc.dates)}) ở tiêu chí ${criteria}: thống nhất ngày văn bản, hoặc ghi rõ nếu là các văn bản khác nhau.`
        : `${name} is cited with different dates (${dates(doc.dates)}) in ${criteria}: make the dates agree, or say which documents differ.`;
    case "OUT_OF_PERIOD":
      // Dated only by a month or a year: said as written ("ghi tháng 01/2023").
      if (outside.length === 0) {
        const written = outsideSpans.map((d) => (vi ? d.written : d.plain)).join(", ");
        return vi
          ? `${name} ghi ${written}, ngoài kỳ đánh giá ${formatDateVi(period.from)}–${formatDateVi(period.to)} (tiêu chí ${criteria}): kiểm tra lại ngày hoặc ghi lý do văn bản còn hiệu lực.`
          : `${name} is dated ${written}, outside the period ${formatDateVi(period.from)}–${formatDateVi(period.to)} (${criteria}): check the date or record why it still applies.`;
      }
      return vi
        ? `${name} ghi ngày ${dates(outside)}, ngoài kỳ đánh giá ${formatDateVi(period.from)}–${formatDateVi(period.to)} (tiêu chí ${criteria}): kiểm tra lại ngày hoặc ghi lý do văn bản còn hiệu lực.`
        : `${name} is dated ${dates(outside)}, outside the period ${formatDateVi(period.from)}–${formatDateVi(period.to)} (${criteria}): check the date or record why it still applies.`;
    case "DATE_INVALID":
      return invalid.map((d) => `${name} (${vi ? "tiêu chí " : ""}${criteria}) ${impossibleDayText(d, locale)}`).join(" ");
    case "NO_NUMBER":
      return vi
        ? `${name} (tiêu chí ${criteria}) không có số, ký hiệu văn bản: ghi dạng "Quyết định số 12/QĐ-UBND ngày 05/01/2024".`
        : `${name} (${criteria}) has no document number and symbol: cite it like "Quyết định số 12/QĐ-UBND ngày 05/01/2024".`;
    case "NO_DATE":
      return vi ? `${name} (tiêu chí ${criteria}) không ghi ngày văn bản: bổ sung ngày ban hành.` : `${name} (${criteria}) has no date: add the date it was issued.`;
    case "UNRECOGNISED":
      if (namesLink(doc.citations[0]!.text)) {
        return vi
          ? `${name} (tiêu chí ${criteria}) là một đường dẫn: giữ nguyên nếu tiêu chí yêu cầu đường dẫn đăng tải; nếu dẫn tới một văn bản, ghi kèm số, ký hiệu và ngày của văn bản.`
          : `${name} (${criteria}) is a link: keep it where the criterion asks where a result is published; where it leads to a document, add its number, symbol and date.`;
      }
      return vi
        ? `Không nhận ra số, ký hiệu hoặc ngày của tài liệu ${name} (tiêu chí ${criteria}): nên ghi dạng "Quyết định số 12/QĐ-UBND ngày 05/01/2024".`
        : `No number, symbol or date recognised in ${name} (${criteria}): cite it like "Quyết định số 12/QĐ-UBND ngày 05/01/2024".`;
  }
}

