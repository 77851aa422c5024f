import { describe, expect, it } from "vitest";
import type { GridSheet } from "../../shared/index.ts";
import { FileHost } from "../src/web/file-host.ts";
import { PREVIEW_ROWS, SheetView } from "../src/web/sheet-view.ts";

/**
 * The web checker's preview draws a window of rows, around the selected cell: a workbook with a
 * 60,000-row evidence list drawn whole froze the page for 16–100 s (an outside tester, Chromium).
 */
function element() {
  return { innerHTML: "", onclick: null as unknown, setAttribute() {}, querySelector: () => null };
}
const sheet: GridSheet = { name: "TLKC", merges: [], rows: Array.from({ length: 60_000 }, (_, r) => [{ v: r + 1 }, { v: `Văn bản ${r + 1}` }]) };

describe("the sheet preview", () => {
  it("draws at most PREVIEW_ROWS rows of a very long sheet, and says which", () => {
    const grid = element();
    new SheetView(new FileHost({ sheets: [sheet] }), { tabs: element() as unknown as HTMLElement, grid: grid as unknown as HTMLElement }, () => "Trang tính").show("TLKC", null);
    expect(grid.innerHTML.match(/<tr><th scope="row">/g)).toHaveLength(PREVIEW_ROWS);
    expect(grid.innerHTML).toContain(`Chỉ hiện hàng 1–${PREVIEW_ROWS} trong 60.000 hàng`);
  });

  it("draws the rows around a selected cell far down, the cell among them", () => {
    const grid = element();
    const view = new SheetView(new FileHost({ sheets: [sheet] }), { tabs: element() as unknown as HTMLElement, grid: grid as unknown as HTMLElement }, () => "Trang tính");
    view.show("TLKC", { sheet: "TLKC", address: "B45001", row: 45_000, col: 1 });
    expect(grid.innerHTML).toContain('data-selected-cell data-address="B45001">Văn bản 45001<');
    expect(grid.innerHTML.match(/<tr><th scope="row">/g)).toHaveLength(PREVIEW_ROWS);
  });

  it("a short sheet is drawn whole, without the note", () => {
    const grid = element();
    const short: GridSheet = { ...sheet, rows: sheet.rows.slice(0, 30) };
    new SheetView(new FileHost({ sheets: [short] }), { tabs: element() as unknown as HTMLElement, grid: grid as unknown as HTMLElement }, () => "Trang tính").show("TLKC", null);
    expect(grid.innerHTML.match(/<tr><th scope="row">/g)).toHaveLength(30);
    expect(grid.innerHTML).not.toContain("rows-hidden");
  });
});
