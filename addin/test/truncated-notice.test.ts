import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readWorkbookBytes } from "../../xlsx/sheetjs-grid.ts";
import type { Grid } from "../../shared/index.ts";
import type { GridReadOptions } from "../src/host.ts";
import { FileHost } from "../src/web/file-host.ts";
import { STRINGS } from "../src/i18n.ts";
import { checkWorkbook } from "../src/submit.ts";
import { loadFixtureSet } from "./fake-worker.ts";

/** A sheet cut at the read bound (read-grid.ts) reaches the pane's check, which says so. */
class CutHost extends FileHost {
  override async readGrid(options?: GridReadOptions) {
    return { ...(await super.readGrid(options)), truncated: ["Tự đánh giá"] };
  }
}

const grid = (): Grid => {
  const r = readWorkbookBytes(new Uint8Array(readFileSync("fixtures/workbooks/province-clean.xlsx")));
  if (!r.ok) throw new Error(r.message);
  return r.grid;
};
const province = loadFixtureSet("fixtures/criteria/demo-province-2024.json");

describe("a sheet read only up to the bound", () => {
  it("is reported by the check with the sheet's name, in both languages; a normal read reports none", async () => {
    expect((await checkWorkbook(new FileHost(grid()), province, "vi")).truncated).toEqual([]);
    const checked = await checkWorkbook(new CutHost(grid()), province, "vi");
    expect(checked.truncated).toEqual(["Tự đánh giá"]);
    expect(checked.report.sheet).toBe("Tự đánh giá");
    expect(STRINGS.vi.truncated(checked.truncated)).toMatch(/^Trang "Tự đánh giá" có vùng dữ liệu quá lớn .* xóa các hàng, cột thừa rồi kiểm tra lại\.$/);
    expect(STRINGS.en.truncated(checked.truncated)).toContain('Sheet "Tự đánh giá" has a very large used range');
  });
});
