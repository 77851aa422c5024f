import * as XLSX from "@e965/xlsx";
import { csvLine, safeText, type CsvCell } from "../../../shared/index.ts";
import type { RankedUnit, RankingHead } from "./ranking.ts";
import { STATUS_LABEL } from "./review-workflow.ts";

/**
 * The ranking as a table for Excel: CSV (UTF-8 with BOM, ";" separated, decimal comma —
 * what Excel opens directly with Vietnamese regional settings) and XLSX (numbers stay
 * numbers, dates are dd/mm/yyyy). Text that a spreadsheet would run as a formula (starting
 * with = + - @, tab or CR) gets a leading apostrophe in both (formula injection).
 */
export type Cell = CsvCell;
export function rankingColumns(r: RankingHead): string[] {
  return [
    "Hạng", "Mã đơn vị", "Đơn vị", "Trực thuộc", "Chỉ số (%)", "Xếp loại",
    ...r.fields.map((f) => `${f.code}. ${f.title} (%)`),
    "Điểm tự đánh giá", "Điểm thẩm định", "Điểm điều tra XHH", "Tổng điểm", "Điểm tối đa", "Căn cứ xếp hạng",
    "Trạng thái", "Đã nộp", "Đúng hạn", "Ngày nộp", "Chỉ số năm trước", "Tăng/giảm (điểm %)", "Hạng năm trước", "Tăng/giảm hạng", "Ghi chú",
  ];
}

/**
 * A unit without data (rank null, ranking.ts) is listed "Chưa nộp" in the band column with its
 * rank, index and field sub-indices empty: no 0 % a spreadsheet would sort, sum or chart.
 */
export function rankingRow(r: RankingHead, e: RankedUnit): Cell[] {
  const ranked = e.rank !== null;
  return [
    e.rank, e.unit, e.unitName, e.parentName, ranked ? e.percent : null, ranked ? e.band : NOT_SUBMITTED,
    ...r.fields.map((f) => (ranked ? (e.fields[f.code] ?? null) : null)),
    e.selfScore, e.appraisedScore, surveyCell(e), e.total, e.max,
    e.basis === "appraised" ? "Kết quả thẩm định" : e.basis === "submission" ? "Điểm hồ sơ đã nộp" : NOT_SUBMITTED,
    STATUS_LABEL[e.status], e.submitted ? "Có" : "Không", e.onTime === null ? null : e.onTime ? "Có" : "Không",
    e.submittedAt ? { date: e.submittedAt } : null,
    e.previous?.percent ?? null, e.change, e.previous?.rank ?? null, e.rankChange, e.previous ? e.previous.note : r.previousPeriod !== null ? NO_PREVIOUS : null,
  ];
}

const NOT_SUBMITTED = "Chưa nộp";

/**
 * The survey part as the pane's Tổng hợp writes it: its score once imported, "Chưa nhập" before
 * (the JSON's imported: false; a 0 read as a score, A5-5), empty for a set without survey items.
 */
const surveyCell = (e: RankedUnit): Cell => (e.survey.imported ? e.survey.score : e.survey.max > 0 ? SURVEY_NOT_IMPORTED : null);
const SURVEY_NOT_IMPORTED = "Chưa nhập";

/** A unit without last year's index when the ranking has a last year (year-over-year.ts): its columns stay empty, never 0. */
const NO_PREVIOUS = "Không có kết quả năm trước";

/** Streams the CSV in slices of rows, so a large period never becomes one huge string. */
export function rankingCsvStream(r: RankingHead, items: readonly RankedUnit[], slice = 500): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let next = -1;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (next === -1) {
        controller.enqueue(encoder.encode(`\uFEFF${csvLine(rankingColumns(r))}`));
        next = 0;
        return;
      }
      if (next >= items.length) return controller.close();
      const part = items.slice(next, next + slice).map((e) => csvLine(rankingRow(r, e))).join("");
      next += slice;
      controller.enqueue(encoder.encode(part));
    },
  });
}

const excelSerial = (iso: string): number => (Date.parse(iso) + 7 * 3600_000) / 86_400_000 + 25_569;

function xlsxCell(cell: Cell): XLSX.CellObject | null {
  if (cell === null) return null;
  if (typeof cell === "number") return { t: "n", v: cell };
  if (typeof cell === "boolean") return { t: "s", v: cell ? "Có" : "Không" };
  if (typeof cell === "string") return { t: "s", v: safeText(cell) };
  return { t: "n", v: Math.floor(excelSerial(cell.date)), z: "dd/mm/yyyy" };
}

function sheetOf(rows: Cell[][]): XLSX.WorkSheet {
  const ws: XLSX.WorkSheet = {};
  rows.forEach((row, r) =>
    row.forEach((value, c) => {
      const cell = xlsxCell(value);
      if (cell) ws[XLSX.utils.encode_cell({ r, c })] = cell;
    }),
  );
  ws["!ref"] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: Math.max(rows.length - 1, 0), c: Math.max((rows[0]?.length ?? 1) - 1, 0) } });
  return ws;
}

export function rankingXlsx(r: RankingHead, items: readonly RankedUnit[]): Uint8Array {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, sheetOf([rankingColumns(r), ...items.map((e) => rankingRow(r, e))]), "Xếp hạng");
  // The bands count the ranked units; the units without data are counted on a line of their own.
  const unranked = items.filter((e) => e.rank === null).length;
  XLSX.utils.book_append_sheet(wb, sheetOf([["Xếp loại", "Số đơn vị"], ...r.bandCounts.map((b) => [b.band, b.count]), ...(unranked > 0 ? [[NOT_SUBMITTED, unranked]] : [])]), "Xếp loại");
  return new Uint8Array(XLSX.write(wb, { type: "array", bookType: "xlsx", compression: true }) as ArrayBuffer);
}
