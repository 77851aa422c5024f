import { describe, expect, it } from "vitest";
import type { EvidenceRegister } from "../../shared/index.ts";
import { writeOwnSheet } from "../src/excel/write-own-sheet.ts";
import { layoutOwnSheet, MAX_COLUMN_WIDTH } from "../src/own-sheet.ts";
import { registerSheet } from "../src/register-rows.ts";
import { provinceRegister } from "./insight-fixtures.ts";
import { strictExcel } from "./strict-excel.ts";
import { COLUMN_WIDTH_LIMIT } from "./strict-excel/excel-rules.ts";

/**
 * OJS3-2: a column of the add-in's own sheets was as wide as its longest cell. An office that
 * cites its year's CCHC plan for every criterion got a "Tiêu chí trích dẫn" column of 5,085 pt,
 * far past Excel's 255-character column (which Excel refuses, as VBA's "Unable to set the
 * ColumnWidth property" does). Columns now stop at a readable width and wrap what is longer.
 */
const now = new Date(2025, 0, 15, 8, 5);
const caps = { conditionalFormats: true, freezePanes: true, chartAxes: true };

/** The province register with its first document cited under 123 criteria. */
function citedEverywhere(): EvidenceRegister {
  const register = provinceRegister();
  const [first, ...rest] = register.documents;
  const criteria = Array.from({ length: 123 }, (_, i) => `${1 + Math.floor(i / 20)}.${1 + (i % 20)}.${1 + (i % 3)}`);
  return { ...register, documents: [{ ...first!, criteria }, ...rest] };
}

describe("column widths of the add-in's own sheets (OJS3-2)", () => {
  it("the strict fake refuses a column wider than Excel's 255 characters, as Excel does", async () => {
    const excel = strictExcel([{ name: "Trang", cells: [], merges: [] }]);
    const ws = excel.context.workbook.worksheets.getItem("Trang");
    ws.getRange("A:A").format.columnWidth = COLUMN_WIDTH_LIMIT;
    await excel.context.sync();
    ws.getRange("B:B").format.columnWidth = 5085;
    await expect(excel.context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  it("a plan cited under 123 criteria: every column at most the readable width, the long ones wrapped, and the sheet written", async () => {
    const layout = layoutOwnSheet(registerSheet(citedEverywhere(), "vi", now));
    expect(Math.max(...layout.widths)).toBeLessThanOrEqual(MAX_COLUMN_WIDTH);
    expect(MAX_COLUMN_WIDTH).toBeLessThan(COLUMN_WIDTH_LIMIT);
    // The criteria column (F) is wrapped, so its 123 codes stay readable in the cell.
    const body = layout.tables[0]!.address.replace(/^A(\d+):.*$/, "$1");
    expect(layout.wrapped).toContain(`F${Number(body) + 1}:F${layout.rows.length - 1}`);
    const excel = strictExcel([]);
    await writeOwnSheet(excel.context, layout, [], caps);
    const widths = excel.book.styles.filter((s) => s.path === "format.columnWidth").map((s) => s.value as number);
    expect(Math.max(...widths)).toBeLessThanOrEqual(MAX_COLUMN_WIDTH);
  });

  it("short columns keep the width of their text", () => {
    const layout = layoutOwnSheet(registerSheet(provinceRegister(), "vi", now));
    expect(layout.widths[0]).toBeLessThan(100);
  });
});
