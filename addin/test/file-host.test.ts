import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { RankingSchema, type Grid } from "../../shared/index.ts";
import { WorkbookProblem } from "../src/errors.ts";
import { FileHost } from "../src/web/file-host.ts";
import { OWN_SHEET_MARKER } from "../src/sheet-ownership.ts";

/** The harness's host follows Excel's rules for the add-in's own sheets and hidden sheets. */
const ranking = RankingSchema.parse(JSON.parse(readFileSync("addin/test/fixtures/ranking-demo-2024.json", "utf8")));
const grid = (): Grid => ({
  sheets: [
    { name: "Tổng hợp", rows: [[{ v: "bảng của đơn vị" }]], merges: [] },
    { name: "Kết quả kiểm tra (2)", rows: [[{ v: "KẾT QUẢ" }, null, { v: OWN_SHEET_MARKER }]], merges: [] },
    { name: "Ẩn", rows: [[{ v: "x" }]], merges: [], hidden: true },
  ],
});

describe("FileHost", () => {
  it("reads a user's 'Tổng hợp', skips a sheet the add-in wrote in Excel, and writes the ranking beside the user's", async () => {
    const host = new FileHost(grid());
    expect((await host.readGrid()).grid.sheets.map((s) => s.name)).toEqual(["Tổng hợp", "Ẩn"]);
    expect(await host.writeConsolidated(ranking, "vi")).toEqual({ name: "Tổng hợp (CCHC)", besideSheet: "Tổng hợp" });
    expect(await host.writeConsolidated(ranking, "vi")).toEqual({ name: "Tổng hợp (CCHC)", besideSheet: "Tổng hợp" });
    expect([...host.ownSheets.keys()]).toEqual(["Tổng hợp (CCHC)"]);
    expect(host.ownSheets.get("Tổng hợp (CCHC)")!.rows[0]![0]).toMatch(/^TỔNG HỢP CHỈ SỐ CCHC/);
  });

  it("says a cell on a hidden sheet cannot be selected, like Excel", async () => {
    const host = new FileHost(grid());
    await expect(host.selectCell("Ẩn!A1")).rejects.toEqual(new WorkbookProblem("SheetHidden", "Ẩn"));
    await host.selectCell("'Tổng hợp'!A1");
    expect(host.selected).toMatchObject({ sheet: "Tổng hợp", address: "A1" });
  });
});
