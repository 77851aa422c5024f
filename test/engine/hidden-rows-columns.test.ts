import { describe, expect, it } from "vitest";
import * as XLSX from "@e965/xlsx";
import { evidenceRegister, GridSchema, isColumnHidden, isRowHidden, scoreWorkbook, spansOf, type Grid, type GridSheet } from "../../shared/index.ts";
import { readWorkbookBytes } from "../../xlsx/sheetjs-grid.ts";
import { codes, COLUMNS, EV, row, scores, setOf, table, type Cell } from "./v2-helpers.ts";

/**
 * Offices hide rather than delete: last year's rows kept hidden beside this year's, a helper
 * column of last year's scores, an old header above. The engine reads hidden cells like any
 * other and uses visibility only to break ties, so a visible row or column wins.
 */
const set = setOf([
  { code: "1.1", title: "Ban hành kế hoạch", max: 1, rule: { kind: "manual", step: 0.25 } },
  { code: "1.2", title: "Báo cáo định kỳ", max: 2, rule: { kind: "manual", step: 0.25 } },
]);

function withHidden(grid: Grid, hidden: { rows?: number[]; columns?: number[] }): Grid {
  const [sheet] = grid.sheets as GridSheet[];
  return { sheets: [{ ...sheet!, hiddenRows: spansOf(hidden.rows ?? []), hiddenColumns: spansOf(hidden.columns ?? []) }] };
}

// Sheet rows: 0 header, 1 field, 2–3 last year's rows (scores 0), 4–5 this year's.
const lastYearAbove: Cell[][] = [
  row("1", { max: 3 }),
  row("1.1", { max: 1, self: 0, evidence: EV }),
  row("1.2", { max: 2, self: 0, evidence: EV }),
  row("1.1", { max: 1, self: 1, evidence: EV }),
  row("1.2", { max: 2, self: 1.5, evidence: EV }),
];

describe("hidden rows", () => {
  it("a hidden row whose code a visible row carries is skipped with a warning, wherever it stands", () => {
    const report = scoreWorkbook(withHidden(table(COLUMNS, lastYearAbove), { rows: [2, 3] }), set);
    expect(scores(report)).toEqual({ "1.1": 1, "1.2": 1.5 });
    // A run of hidden rows is one warning, at its first row, naming the run and where the visible rows start.
    expect(codes(report)).toEqual(["HIDDEN_ROW_SKIPPED 1.1 Biểu!A3"]);
    expect(report.findings[0]).toMatchObject({ severity: "warning", message: "2 dòng ẩn ở Biểu!A3:A4 (mã 1.1 đến 1.2) trùng mã với các dòng đang hiện (từ Biểu!A5): chỉ tính các dòng đang hiện. Nếu dòng ẩn mới là dòng đúng, hãy hiện chúng và xóa các dòng kia." });
    expect(report.items.find((i) => i.code === "1.1")?.cell).toBe("Biểu!E5");

    // Hidden below the visible rows: the same.
    const below = [lastYearAbove[0]!, ...lastYearAbove.slice(3), ...lastYearAbove.slice(1, 3)];
    const after = scoreWorkbook(withHidden(table(COLUMNS, below), { rows: [4, 5] }), set);
    expect(scores(after)).toEqual({ "1.1": 1, "1.2": 1.5 });
    expect(codes(after)).toEqual(["HIDDEN_ROW_SKIPPED 1.1 Biểu!A5"]);
    expect(after.findings[0]!.message).toContain("Biểu!A5:A6");

    // Hidden rows apart, a visible row between them: each is said as itself.
    const apart = [lastYearAbove[0]!, lastYearAbove[1]!, lastYearAbove[3]!, lastYearAbove[2]!, lastYearAbove[4]!];
    const each = scoreWorkbook(withHidden(table(COLUMNS, apart), { rows: [2, 4] }), set);
    expect(scores(each)).toEqual({ "1.1": 1, "1.2": 1.5 });
    expect(codes(each)).toEqual(["HIDDEN_ROW_SKIPPED 1.1 Biểu!A3", "HIDDEN_ROW_SKIPPED 1.2 Biểu!A5"]);
    expect(each.findings[0]!.message).toMatch(/^Dòng ẩn ở Biểu!A3 mang mã 1\.1, trùng với dòng đang hiện ở Biểu!A4/);
  });

  it("is read as any row when no visible row carries its code (a collapsed group still holds criteria)", () => {
    const rows = [row("1", { max: 3 }), row("1.1", { max: 1, self: 1, evidence: EV }), row("1.2", { max: 2, self: 2, evidence: EV })];
    const report = scoreWorkbook(withHidden(table(COLUMNS, rows), { rows: [2, 3] }), set);
    expect(scores(report)).toEqual({ "1.1": 1, "1.2": 2 });
    expect(codes(report)).toEqual([]);
  });

  it("two visible rows, or two hidden rows, with one code stay a duplicate, the first row counting", () => {
    const visible = scoreWorkbook(table(COLUMNS, lastYearAbove), set);
    expect(scores(visible)).toEqual({ "1.1": 0, "1.2": 0 });
    expect(codes(visible)).toContain("DUPLICATE_CRITERION 1.1 Biểu!A5");
    const bothHidden = scoreWorkbook(withHidden(table(COLUMNS, lastYearAbove), { rows: [2, 3, 4, 5] }), set);
    expect(scores(bothHidden)).toEqual({ "1.1": 0, "1.2": 0 });
    expect(codes(bothHidden)).toContain("DUPLICATE_CRITERION 1.2 Biểu!A6");
  });

  it("a header on hidden rows loses to a visible one below it", () => {
    // Last year's table hidden above this year's: its header, its rows, then this year's header and rows.
    const old = [COLUMNS as Cell[], row("1.1", { max: 1, self: 0, evidence: EV }), row("1.2", { max: 2, self: 0, evidence: EV }), []];
    const current = [row("1", { max: 3 }), row("1.1", { max: 1, self: 0.75, evidence: EV }), row("1.2", { max: 2, self: 2, evidence: EV })];
    const grid = table(COLUMNS, [...old.slice(1), COLUMNS as Cell[], ...current]);
    expect(scores(scoreWorkbook(grid, set))).toEqual({ "1.1": 0, "1.2": 0 });
    const hidden = scoreWorkbook(withHidden(grid, { rows: [0, 1, 2, 3] }), set);
    expect(scores(hidden)).toEqual({ "1.1": 0.75, "1.2": 2 });
    expect(codes(hidden)).toEqual([]);
  });
});

describe("the evidence register of a table with hidden rows", () => {
  it("cites the documents of the rows scoring counts: a visible row's, not the hidden copy's", () => {
    const OLD = "Quyết định số 3/QĐ-UBND ngày 05/01/2023";
    const rows = lastYearAbove.map((r) => (r[0] === "1.1" && r[4] === 0 ? row("1.1", { max: 1, self: 0, evidence: OLD }) : r));
    const grid = withHidden(table(COLUMNS, rows), { rows: [2, 3] });
    const register = evidenceRegister(grid, set);
    expect(register.documents.map((d) => d.key)).toHaveLength(1);
    expect(register.documents[0]!.citations.map((c) => c.cell)).toEqual(["Biểu!F5", "Biểu!F6"]);
    // Without the rows hidden, the first row of each code counts, as scoring does: the old decision is cited.
    expect(evidenceRegister(table(COLUMNS, rows), set).documents.map((d) => d.number)).toContain("3");
  });
});

describe("hidden columns", () => {
  // Last year's self-scores kept in a hidden column before this year's, labelled alike.
  const header = ["STT", "Tiêu chí", "Điểm tối đa", "Điểm tự đánh giá", "Điểm tự đánh giá", "Tài liệu kiểm chứng"];
  const rows: Cell[][] = [
    ["1", "Lĩnh vực 1", 3, 0, 2.5, null],
    ["1.1", "Tiêu chí 1.1", 1, 0, 1, EV],
    ["1.2", "Tiêu chí 1.2", 2, 0, 1.5, EV],
  ];

  it("a visible column beats a hidden one of the same kind, before or after it", () => {
    expect(scores(scoreWorkbook(table(header, rows), set))).toEqual({ "1.1": 0, "1.2": 0 });
    const report = scoreWorkbook(withHidden(table(header, rows), { columns: [3] }), set);
    expect(scores(report)).toEqual({ "1.1": 1, "1.2": 1.5 });
    expect(report.items.find((i) => i.code === "1.2")?.cell).toBe("Biểu!E4");
    const swapped = rows.map((r) => [r[0]!, r[1]!, r[2]!, r[4]!, r[3]!, r[5]!]);
    expect(scores(scoreWorkbook(withHidden(table(header, swapped), { columns: [4] }), set))).toEqual({ "1.1": 1, "1.2": 1.5 });
  });

  it("a visible plain 'Điểm' column beats a hidden one", () => {
    const plain = ["STT", "Tiêu chí", "Điểm tối đa", "Điểm", "Điểm", "Tài liệu kiểm chứng"];
    expect(scores(scoreWorkbook(withHidden(table(plain, rows), { columns: [3] }), set))).toEqual({ "1.1": 1, "1.2": 1.5 });
  });
});

describe("visibility in the grid", () => {
  it("spans are sorted and merged, whatever order a client sends them in", () => {
    expect(spansOf([7, 3, 4, 5, 9, 4])).toEqual([[3, 5], [7, 7], [9, 9]]);
    const sheet: GridSheet = { name: "S", rows: [], merges: [], hiddenRows: [[9, 12], [2, 3], [4, 4]] };
    expect([1, 2, 4, 5, 8, 9, 12, 13].map((r) => isRowHidden(sheet, r))).toEqual([false, true, true, false, false, true, true, false]);
    expect(isColumnHidden(sheet, 0)).toBe(false);
  });

  it("the grid schema refuses a span that ends before it starts or lies outside the sheet", () => {
    const ok = (s: Partial<GridSheet>) => GridSchema.safeParse({ sheets: [{ name: "S", rows: [], ...s }] }).success;
    expect(ok({ hiddenRows: [[2, 5]], hiddenColumns: [[0, 0]] })).toBe(true);
    expect(ok({ hiddenRows: [[5, 2]] })).toBe(false);
    expect(ok({ hiddenColumns: [[0, 16_384]] })).toBe(false);
    expect(ok({ hiddenRows: [[-1, 2]] })).toBe(false);
  });

  it("SheetJS reads hidden rows and columns from .xlsx and .xlsb", () => {
    const ws = XLSX.utils.aoa_to_sheet([COLUMNS, ...lastYearAbove]);
    ws["!rows"] = [];
    ws["!rows"][2] = { hidden: true };
    ws["!rows"][3] = { hidden: true };
    ws["!rows"][5] = { hpt: 30 };
    ws["!cols"] = [];
    ws["!cols"][6] = { hidden: true };
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, "Biểu");
    for (const bookType of ["xlsx", "xlsb"] as const) {
      const read = readWorkbookBytes(new Uint8Array(XLSX.write(wb, { type: "array", bookType }) as ArrayBuffer));
      if (!read.ok) throw new Error(read.message);
      expect(read.grid.sheets[0]).toMatchObject({ hiddenRows: [[2, 3]], hiddenColumns: [[6, 6]] });
      expect(scores(scoreWorkbook(read.grid, set))).toEqual({ "1.1": 1, "1.2": 1.5 });
    }
  });
});
