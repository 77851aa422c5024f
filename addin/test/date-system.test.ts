import { describe, expect, it } from "vitest";
import * as XLSX from "@e965/xlsx";
import { holdsCriteriaHeader, parseCriteriaSet, scoreWorkbook } from "../../shared/index.ts";
import { evidenceRegister } from "../../shared/evidence-register.ts";
import { readWorkbookBytes } from "../../xlsx/sheetjs-grid.ts";
import { readWorkbookGrid } from "../src/excel/read-grid.ts";
import { ExcelHost, type OfficeEnv } from "../src/excel/excel-host.ts";
import { findUnitsTable, holdsUnitsList } from "../src/units-sheet.ts";
import { createExcelMock, sheetsFromFile } from "./excel-mock.ts";
import { strictExcel } from "./strict-excel.ts";

/**
 * OJS3-1: a workbook saved with "Use 1904 date system" stores each date 1,462 days lower than
 * the 1900 system the engine reads, and Range.values hands the stored number over. The CLI
 * (SheetJS) moves such dates into the 1900 system; the add-in now asks Excel for the
 * workbook's date system in the read's first sync (DATE(2000,1,1), ExcelApi 1.2) and does the
 * same, so the units an admin imports and the evidence dates a unit checks are the dates the
 * cells show.
 */
const serial = (iso: string) => Math.round((Date.parse(iso) - Date.UTC(1899, 11, 30)) / 86_400_000);

function bookBytes(cells: Record<string, XLSX.CellObject>, aoa: unknown[][], sheet: string, date1904: boolean): Uint8Array {
  const ws = XLSX.utils.aoa_to_sheet(aoa);
  Object.assign(ws, cells);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, sheet);
  if (date1904) wb.Workbook = { ...(wb.Workbook ?? {}), WBProps: { date1904: true } };
  return new Uint8Array(XLSX.write(wb, { type: "array", bookType: "xlsx" }) as ArrayBuffer);
}

/** A units list whose "Ngày hiệu lực" shows 01/07/2025, stored as the workbook's date system stores it. */
function unitsList(date1904: boolean): Uint8Array {
  const stored = serial("2025-07-01") - (date1904 ? 1462 : 0);
  return bookBytes({ D2: { t: "n", v: stored, z: "dd/mm/yyyy" } }, [["Tên đơn vị", "Loại", "Đơn vị cấp trên", "Ngày hiệu lực"], ["Xã An Phú Lộc", "xã", "Tỉnh X", null]], "Danh sách", date1904);
}

const set = (() => {
  const parsed = parseCriteriaSet({
    id: "demo-1904", title: "1904", year: 2024, unitType: "department", period: { from: "2024-01-01", to: "2024-12-31" },
    maxPoints: 3, bands: [{ label: "Tốt", min: 80 }, { label: "Yếu", min: 0 }],
    items: [{ code: "1", title: "Lĩnh vực 1", max: 3, children: [
      { code: "1.1", title: "Kế hoạch", max: 2, rule: { kind: "manual", step: 1 }, evidence: { required: true } },
      { code: "1.2", title: "Báo cáo", max: 1, rule: { kind: "manual", step: 1 }, evidence: { required: true } },
    ] }],
  });
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.set;
})();

/** Evidence issued 10/01/2024 and 10/12/2024, inside the period, in a 1904-system workbook. */
function evidence1904(): Uint8Array {
  const aoa = [["STT", "Tiêu chí", "Điểm tối đa", "Điểm tự đánh giá", "Tài liệu kiểm chứng", "Ngày ban hành"], ["1", "Lĩnh vực 1", 3], ["1.1", "Kế hoạch", 2, 2, "12/KH-UBND"], ["1.2", "Báo cáo", 1, 1, "45/BC-UBND"]];
  return bookBytes({ F3: { t: "n", v: serial("2024-01-10") - 1462, z: "dd/mm/yyyy" }, F4: { t: "n", v: serial("2024-12-10") - 1462, z: "dd/mm/yyyy" } }, aoa, "TĐG", true);
}

function cliGrid(bytes: Uint8Array) {
  const read = readWorkbookBytes(bytes);
  if (!read.ok) throw new Error(read.message);
  return read.grid;
}

describe("a 1904-date-system workbook read through Office.js (OJS3-1)", () => {
  it("an admin's units import sends the valid-from date the cell shows, in the same syncs as a 1900 workbook", async () => {
    for (const date1904 of [false, true]) {
      const excel = strictExcel(sheetsFromFile(unitsList(date1904)));
      excel.book.date1904 = date1904;
      const read = await excel.run((ctx) => readWorkbookGrid(ctx, { readsInFull: (w) => holdsCriteriaHeader(w) || holdsUnitsList(w) }));
      expect(findUnitsTable(read.grid)?.rows).toEqual(findUnitsTable(cliGrid(unitsList(date1904)))?.rows);
      expect(findUnitsTable(read.grid)?.rows[0]).toMatchObject({ name: "Xã An Phú Lộc", validFrom: "01/07/2025" });
      expect(read.dateSystem).toBe(date1904 ? "1904" : "1900");
      expect(read.syncs).toBe(3);
    }
  });

  it("evidence dates: the same grid, findings and register as the CLI (no spurious out-of-period warnings)", async () => {
    const bytes = evidence1904();
    const excel = strictExcel(sheetsFromFile(bytes));
    excel.book.date1904 = true;
    const read = await excel.run((ctx) => readWorkbookGrid(ctx, { readsInFull: (w) => holdsCriteriaHeader(w, set.year) }));
    const cli = cliGrid(bytes);
    expect(read.grid.sheets[0]!.rows).toEqual(cli.sheets[0]!.rows);
    const report = scoreWorkbook(read.grid, set);
    expect(report.findings.map((f) => f.code)).toEqual([]);
    expect(evidenceRegister(read.grid, set, report).documents.map((d) => d.dates)).toEqual([["2024-01-10"], ["2024-12-10"]]);
  });

  it("the same under office-addin-mock, whose Excel answers as a 1900 workbook", async () => {
    const mock = createExcelMock(sheetsFromFile(unitsList(false)));
    const read = await readWorkbookGrid(mock.context, { readsInFull: (w) => holdsCriteriaHeader(w) || holdsUnitsList(w) });
    expect([read.dateSystem, findUnitsTable(read.grid)?.rows[0]?.validFrom]).toEqual(["1900", "01/07/2025"]);
  });

  it("when Excel cannot say which date system it is, dates are read as stored and the pane says so", async () => {
    const excel = strictExcel(sheetsFromFile(unitsList(true)));
    excel.book.date1904 = true;
    excel.book.functionError = "#VALUE!";
    const env: OfficeEnv = { run: excel.run, supports: () => true, settings: excel.settings as unknown as OfficeEnv["settings"] };
    const host = new ExcelHost(env);
    const read = await host.readGrid({ readsInFull: (w) => holdsCriteriaHeader(w) || holdsUnitsList(w) });
    expect(read.dateSystem).toBe("unknown");
    expect(host.unsupported("vi").join("\n")).toMatch(/hệ ngày 1900 hay 1904/);
    expect(host.unsupported("en").join("\n")).toMatch(/1900 or 1904 date system/);
    // A workbook holding no date at all has nothing to say.
    const plain = strictExcel([{ name: "Trang", cells: [[{ t: "s", v: "ghi chú" }]], merges: [] }]);
    plain.book.functionError = "#VALUE!";
    const quiet = new ExcelHost({ ...env, run: plain.run });
    await quiet.readGrid({ readsInFull: holdsCriteriaHeader });
    expect(quiet.unsupported("vi").join("\n")).not.toMatch(/1904/);
  });

  it("Workbook.use1904DateSystem is a preview API (ExcelApi BETA): the strict fake refuses it, so the reader never relies on it", async () => {
    const excel = strictExcel([]);
    excel.book.date1904 = true;
    const workbook = excel.context.workbook as unknown as { load: (p: string) => unknown };
    workbook.load("use1904DateSystem");
    await expect(excel.context.sync()).rejects.toMatchObject({ code: "ApiNotFound" });
    excel.book.previewApis = true;
    const loaded = workbook.load("use1904DateSystem") as { use1904DateSystem: boolean };
    await excel.context.sync();
    expect(loaded.use1904DateSystem).toBe(true);
  });
});
