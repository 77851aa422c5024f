import { copyFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "../fixtures/temp-dir.ts";
import { run } from "./run-main.test-helper.ts";

/**
 * check-dir (rt-wb35, WB35-4): the heading's unit and the file's are compared as names — a file
 * whose name only starts with the heading's unit ("Xã Tân An Hội" headed "UBND XÃ TÂN AN") is
 * another unit's and is the one the notes name; a version remark after the name is the unit's; a
 * name no heading could write ("TanAn", "X. Tân An") gets no note.
 */
const COMMUNE = "fixtures/criteria/demo-commune-2024.json";
const TAN_AN = "fixtures/workbooks/realistic-commune-openpyxl.xlsx";
const TAN_AN_TOO = "fixtures/workbooks/realistic-commune-libreoffice.xlsx";

describe("check-dir: a heading's unit is the file's unit name, not a name it starts", () => {
  it("Tân An's heading in 'Xã Tân An Hội.xlsx' is said of that file, not of 'Xã Tân An.xlsx'", async () => {
    const dir = tempDir("parindex-dir-");
    copyFileSync(TAN_AN, join(dir, "Xã Tân An.xlsx"));
    copyFileSync(TAN_AN_TOO, join(dir, "Xã Tân An Hội.xlsx"));
    const { stderr } = await run("check-dir", dir, "--criteria", COMMUNE);
    expect(stderr.trim().split("\n")).toEqual([
      `Xã Tân An Hội.xlsx: tiêu đề bảng ghi "UBND XÃ TÂN AN" (ô 'TĐG 2024'!A2), không phải đơn vị trong tên tệp; vẫn xếp hạng theo tên tệp: kiểm tra xem có phải tệp của đơn vị khác gửi nhầm tên không; tiêu đề bảng ghi cùng đơn vị với tệp Xã Tân An.xlsx, cả hai đều được xếp hạng: kiểm tra xem có tệp nào của đơn vị khác không`,
    ]);
  });

  it.each([
    ["Tân An Hội.xlsx", true],
    ["Báo cáo tự đánh giá xã Tân An Đông.xlsx", true],
    ["Xã Tân An lần 2.xlsx", false],
    ["Xã Tân An - bản chính thức (2).xlsx", false],
    ["TanAn.xlsx", false],
    ["X. Tân An.xlsx", false],
  ])("%s headed 'UBND XÃ TÂN AN', alone: another unit said = %s", async (name, said) => {
    const dir = tempDir("parindex-dir-");
    copyFileSync(TAN_AN, join(dir, name));
    const { stderr } = await run("check-dir", dir, "--criteria", COMMUNE, "--lang", "en");
    if (said) expect(stderr).toContain(`${name}: the table's heading names "UBND XÃ TÂN AN"`);
    else expect(stderr).toBe("");
  });
});
