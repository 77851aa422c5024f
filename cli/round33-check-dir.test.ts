import { copyFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "../fixtures/temp-dir.ts";
import { run } from "./run-main.test-helper.ts";

/**
 * check-dir (rt-wb33, WB33-7): a file whose table's heading names another unit than its file
 * name ("Xã An Phú.xlsx" headed "UBND XÃ TÂN AN"), or two files whose headings name one unit,
 * is said on stderr as a copy is; the unit stays the file name (§5) and --json is unchanged.
 */
const COMMUNE = "fixtures/criteria/demo-commune-2024.json";
const TAN_AN = "fixtures/workbooks/realistic-commune-openpyxl.xlsx";

describe("check-dir: the heading's unit against the file's name", () => {
  it("says a neighbour's workbook sent under this unit's name, and which file's heading it shares", async () => {
    const dir = tempDir("parindex-dir-");
    copyFileSync(TAN_AN, join(dir, "Xã Tân An.xlsx"));
    copyFileSync("fixtures/workbooks/realistic-commune-libreoffice.xlsx", join(dir, "Xã An Phú.xlsx"));
    copyFileSync("fixtures/workbooks/commune-structure.xlsx", join(dir, "Xã Bình Minh.xlsx"));
    const { stdout, stderr, code } = await run("check-dir", dir, "--criteria", COMMUNE, "--json");
    expect(stderr.trim().split("\n")).toEqual([
      `Xã An Phú.xlsx: tiêu đề bảng ghi "UBND XÃ TÂN AN" (ô 'TĐG 2024'!A2), không phải đơn vị trong tên tệp; vẫn xếp hạng theo tên tệp: kiểm tra xem có phải tệp của đơn vị khác gửi nhầm tên không; tiêu đề bảng ghi cùng đơn vị với tệp Xã Tân An.xlsx, cả hai đều được xếp hạng: kiểm tra xem có tệp nào của đơn vị khác không`,
    ]);
    const result = JSON.parse(stdout) as { ranking: { unit: string }[] };
    expect(Object.keys(result)).toEqual(["criteriaSet", "ranking", "unreadable"]);
    expect(result.ranking.map((r) => r.unit).sort()).toEqual(["Xã An Phú", "Xã Bình Minh", "Xã Tân An"].sort());
    expect(code).toBe((await run("check-dir", dir, "--criteria", COMMUNE)).code);
  });

  it.each(["UBND xã Tân An.xlsx", "XÃ TÂN AN 2024.xlsx", "Xa Tan An.xlsx", "Xã Tân An - bản cuối.xlsx"])("%s headed 'UBND XÃ TÂN AN' is Tân An's: no word alone; beside another Tân An file, the shared heading is said", async (name) => {
    const alone = tempDir("parindex-dir-");
    copyFileSync(TAN_AN, join(alone, name));
    expect((await run("check-dir", alone, "--criteria", COMMUNE)).stderr).toBe("");
    copyFileSync("fixtures/workbooks/realistic-commune-libreoffice.xlsx", join(alone, "Xã Tân An.xlsx"));
    const { stderr } = await run("check-dir", alone, "--criteria", COMMUNE, "--lang", "en");
    expect(stderr).not.toContain("not the unit in the file's name");
    expect(stderr).toMatch(/the table's heading names the same unit as|seems the same unit as/);
  });

  it("a heading naming the body above (a department's or a province's) is no other unit", async () => {
    const dir = tempDir("parindex-dir-");
    copyFileSync("fixtures/workbooks/commune-structure.xlsx", join(dir, "Xã Bình Minh.xlsx"));
    copyFileSync("fixtures/workbooks/commune-code-in-title.xlsx", join(dir, "Xã Ô Loan.xlsx"));
    expect((await run("check-dir", dir, "--criteria", COMMUNE)).stderr).toBe("");
  });
});
