import { describe, expect, it } from "vitest";
import type { Grid } from "../../shared/index.ts";
import { findUnitsTable } from "../src/units-sheet.ts";

/** A5-8: the units list's header as offices and the pane's own intro word it. */
const grid = (header: string[]): Grid => ({ sheets: [{ name: "DS", rows: [header.map((v) => ({ v })), ["Xã A", "Xã", "Huyện Yên Sơn", "01/01/2024"].map((v) => ({ v }))] }] }) as Grid;

describe("units list headers (A5-8)", () => {
  it.each([
    [["Tên đơn vị hành chính", "Loại", "Đơn vị cấp trên", "Ngày hiệu lực"]],
    [["Tên đơn vị", "Cấp hành chính", "Đơn vị cấp trên", "Ngày hiệu lực"]],
    [["Tên đơn vị", "Loại", "Đơn vị cấp trên", "Ngày có hiệu lực"]],
    [["Tên đơn vị", "Loại", "Đơn vị cấp trên", "Ngày hiệu lực (dd/mm/yyyy)"]],
    [["Tên đơn vị", "Loại đơn vị", "Trực thuộc", "Hiệu lực từ ngày"]],
  ])("%j", (header) => {
    expect(findUnitsTable(grid(header))?.rows).toEqual([{ row: 2, name: "Xã A", type: "Xã", parent: "Huyện Yên Sơn", validFrom: "01/01/2024" }]);
  });
});
