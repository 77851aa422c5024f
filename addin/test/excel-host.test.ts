import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { RankingSchema } from "../../shared/index.ts";
import { ExcelHost, type OfficeEnv } from "../src/excel/excel-host.ts";
import { describeOfficeError, WorkbookProblem } from "../src/errors.ts";
import { analysisSheet } from "../src/insight-rows.ts";
import { OWN_SHEETS_KEY, parseOwnSheets } from "../src/sheet-ownership.ts";
import { sheetsFromFile } from "./excel-mock.ts";
import { analysis } from "./insight-fixtures.ts";
import { loadFixtureSet } from "./fake-worker.ts";
import { strictExcel, type FakeSettings, type StrictExcel } from "./strict-excel.ts";
import { holdsCriteriaHeader, scoreWorkbook } from "../../shared/index.ts";

/** ExcelHost end to end on the strict fake: the add-in's own sheets, selecting cells, the banner. */
const ranking = RankingSchema.parse(JSON.parse(readFileSync("addin/test/fixtures/ranking-demo-2024.json", "utf8")));
const set = loadFixtureSet("fixtures/criteria/demo-province-2024.json");
const now = new Date(2025, 0, 15, 8, 5);
const province = () => sheetsFromFile(new Uint8Array(readFileSync("fixtures/workbooks/province-clean.xlsx")));
const note = (name: string, visibility: "Visible" | "Hidden" | "VeryHidden" = "Visible") => ({ name, visibility, cells: [[{ t: "s" as const, v: "ghi chú của đơn vị" }]], merges: [] });

function hostOn(excel: StrictExcel, version = "1.13", settings: FakeSettings = excel.settings): ExcelHost {
  const [major, minor] = version.split(".").map(Number) as [number, number];
  const env: OfficeEnv = {
    run: excel.run,
    supports: (v) => {
      const [a, b] = v.split(".").map(Number) as [number, number];
      return a < major || (a === major && b <= minor);
    },
    settings: settings as unknown as OfficeEnv["settings"],
  };
  return new ExcelHost(env);
}

async function check(host: ExcelHost) {
  const read = await host.readGrid({ readsInFull: (w) => holdsCriteriaHeader(w, set.year) });
  return { read, written: await host.writeResultSheet(scoreWorkbook(read.grid, set), "vi") };
}

describe("ExcelHost: the add-in's own sheets", () => {
  it("a user's 'Tổng hợp' is kept and scored; the ranking goes beside it, and the next pull replaces only that", async () => {
    const excel = strictExcel([...province(), note("Tổng hợp")]);
    const host = hostOn(excel);
    expect(await host.writeConsolidated(ranking, "vi")).toEqual({ name: "Tổng hợp (CCHC)", besideSheet: "Tổng hợp" });
    expect(await host.writeConsolidated(ranking, "vi")).toEqual({ name: "Tổng hợp (CCHC)", besideSheet: "Tổng hợp" });
    expect(excel.book.sheets.map((s) => s.name)).toEqual(["Tự đánh giá", "Tổng hợp", "Tổng hợp (CCHC)"]);
    expect(excel.book.log.filter((l) => / Tổng hợp$|Tổng hợp!/.test(l))).toEqual([]);
    const own = parseOwnSheets(excel.settings.get(OWN_SHEETS_KEY));
    expect(own).toEqual([{ id: excel.book.sheets[2]!.id, role: "consolidated", name: "Tổng hợp (CCHC)", nonce: expect.stringMatching(/^[0-9a-f]{32}$/), marker: expect.stringMatching(/^[A-Z]+1$/) }]);
    expect((await host.readGrid({ readsInFull: holdsCriteriaHeader })).grid.sheets.map((s) => s.name)).toEqual(["Tự đánh giá", "Tổng hợp"]);
  });

  it("a user's sheet 'KẾT QUẢ KIỂM TRA' (another case) does not make every check fail", async () => {
    const excel = strictExcel([...province(), note("KẾT QUẢ KIỂM TRA")]);
    const host = hostOn(excel);
    const first = await check(host);
    expect(first.written).toEqual({ name: "Kết quả kiểm tra (CCHC)", besideSheet: "KẾT QUẢ KIỂM TRA" });
    expect(first.read.grid.sheets.map((s) => s.name)).toEqual(["Tự đánh giá", "KẾT QUẢ KIỂM TRA"]);
    const second = await check(host);
    expect(second.read.grid.sheets.map((s) => s.name)).toEqual(["Tự đánh giá", "KẾT QUẢ KIỂM TRA"]);
    expect(excel.book.sheets.map((s) => s.name)).toEqual(["Tự đánh giá", "KẾT QUẢ KIỂM TRA", "Kết quả kiểm tra (CCHC)"]);
  });

  it("the add-in's sheets, renamed or copied by the user, are never read as evidence; a renamed one is kept", async () => {
    const excel = strictExcel(province());
    const host = hostOn(excel);
    await check(host);
    await host.writeOwnSheet(analysisSheet(analysis, "vi", now));
    const result = excel.book.sheets.find((s) => s.name === "Kết quả kiểm tra")!;
    result.name = "KQ lần 1"; // kept by the user
    const copy = excel.book.addSheet("CCHC Phân tích (2)"); // Move or Copy: a new id, the same cells
    copy.cells = new Map(excel.book.sheets.find((s) => s.name === "CCHC Phân tích")!.cells);
    const again = await check(host);
    expect(again.read.grid.sheets.map((s) => s.name)).toEqual(["Tự đánh giá"]);
    expect(again.written.name).toBe("Kết quả kiểm tra");
    expect(excel.book.sheets.map((s) => s.name)).toEqual(["Tự đánh giá", "KQ lần 1", "CCHC Phân tích", "CCHC Phân tích (2)", "Kết quả kiểm tra"]);
  });

  it("an own sheet written from another runtime (the ribbon's) is replaced, not written beside: the settings are read afresh", async () => {
    const excel = strictExcel(province());
    const pane = hostOn(excel);
    await pane.readGrid({ readsInFull: holdsCriteriaHeader }); // the pane's runtime has its copy of the settings
    const ribbon = hostOn(excel, "1.13", excel.settings.view());
    await ribbon.writeConsolidated(ranking, "vi");
    expect(await pane.writeConsolidated(ranking, "vi")).toEqual({ name: "Tổng hợp", besideSheet: null });
    expect(excel.book.sheets.map((s) => s.name)).toEqual(["Tự đánh giá", "Tổng hợp"]);
  });

  it("a check costs a fixed number of syncs: 5 to read (the last for hidden rows and columns, from ExcelApi 1.9), 3 to write, and the new sheet ends up active", async () => {
    const excel = strictExcel(province());
    const host = hostOn(excel);
    const before = excel.syncs();
    await check(host);
    expect(excel.syncs() - before).toBe(5 + 3);
    const old = strictExcel(province());
    await check(hostOn(old, "1.8"));
    expect(old.syncs()).toBe(4 + 3);
    expect(excel.book.sheets.find((s) => s.id === excel.book.activeId)!.name).toBe("Kết quả kiểm tra");
  });
});

describe("ExcelHost: document settings", () => {
  it("a column mapping saved by the pane is seen by the ribbon's runtime started before it (review finding 15)", async () => {
    const excel = strictExcel(province());
    const ribbon = hostOn(excel, "1.13", excel.settings.view());
    await hostOn(excel).setDocumentSetting("parindex.confirmedHeaders", [{ sheet: "Tự đánh giá" }]);
    expect(await ribbon.getDocumentSetting("parindex.confirmedHeaders")).toEqual([{ sheet: "Tự đánh giá" }]);
  });
});

describe("ExcelHost: selecting a finding's cell", () => {
  const sheets = () => [...province(), note("Ẩn", "Hidden"), note("Ẩn sâu", "VeryHidden")];

  it("activates the sheet and selects the cell", async () => {
    const excel = strictExcel(sheets());
    excel.book.activeId = excel.book.sheets[1]!.id;
    await hostOn(excel).selectCell("'Tự đánh giá'!G12");
    expect(excel.book.activeId).toBe(excel.book.sheets[0]!.id);
    expect(excel.book.selection).toEqual({ sheetId: excel.book.sheets[0]!.id, address: "G12:G12" });
  });

  it("on a hidden sheet it says so and how to show it, in both languages, and changes nothing", async () => {
    const excel = strictExcel(sheets());
    const host = hostOn(excel);
    const failure = (ref: string) => host.selectCell(ref).then(() => null, (e: unknown) => e);
    const hidden = await failure("Ẩn!A1");
    expect(hidden).toBeInstanceOf(WorkbookProblem);
    expect(describeOfficeError(hidden, "vi")).toContain('trang "Ẩn" đang bị ẩn');
    expect(describeOfficeError(hidden, "en")).toContain('hidden sheet "Ẩn"');
    expect(describeOfficeError(await failure("'Ẩn sâu'!B2"), "vi")).toContain("ẩn sâu");
    expect(describeOfficeError(await failure("'Đã xóa'!B2"), "vi")).toContain('Không còn trang "Đã xóa"');
    expect(describeOfficeError(await failure("không phải ô"), "vi")).toContain("không hợp lệ");
    expect(excel.book.selection).toBeNull();
    expect(excel.book.log).toEqual([]);
  });
});

describe("ExcelHost: a finding's cell on a hidden row or column", () => {
  it("is selected in the same two syncs, and the pane is told it is hidden and how to show it", async () => {
    const excel = strictExcel(province().map((s, i) => (i === 0 ? { ...s, hiddenRows: [11], hiddenColumns: [9] } : s)));
    const host = hostOn(excel);
    const failure = (ref: string) => host.selectCell(ref).then(() => null, (e: unknown) => e);
    for (const ref of ["'Tự đánh giá'!G12", "'Tự đánh giá'!J3"]) {
      const before = excel.syncs();
      const hidden = await failure(ref);
      expect(excel.syncs() - before).toBe(2);
      expect(hidden).toBeInstanceOf(WorkbookProblem);
      expect(describeOfficeError(hidden, "vi")).toContain(`Đã chọn ô ${ref}`);
      expect(describeOfficeError(hidden, "en")).toContain("hidden row or column");
    }
    expect(excel.book.selection).toEqual({ sheetId: excel.book.sheets[0]!.id, address: "J3:J3" });
    expect(await failure("'Tự đánh giá'!G13")).toBeNull();
  });
});

describe("ExcelHost: the banner", () => {
  it("names the features this Excel lacks, and merged cells Excel failed to give in the last read", async () => {
    const old = hostOn(strictExcel(province()), "1.4");
    expect(old.unsupported("vi")).toHaveLength(5);
    const excel = strictExcel(sheetsFromFile(new Uint8Array(readFileSync("fixtures/workbooks/province-merged-evidence.xlsx"))), { mergedAreas: 0 });
    const host = hostOn(excel);
    expect(host.unsupported("vi")).toEqual([]);
    await host.readGrid({ readsInFull: (w) => holdsCriteriaHeader(w, set.year) });
    expect(host.unsupported("vi")).toEqual([expect.stringContaining("ô gộp của bảng tính này")]);
    expect(host.unsupported("en")).toEqual([expect.stringContaining("merged cells of this workbook")]);
  });
});
