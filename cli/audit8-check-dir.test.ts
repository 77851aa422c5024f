import { copyFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "../fixtures/temp-dir.ts";
import { run } from "./run-main.test-helper.ts";

/**
 * check-dir (black-box audit A8-4): a workbook of another level among a folder's units is ranked,
 * as §5 asks, and said on stderr as a copy is — a district's table had been ranked 9th among the
 * departments with nothing said but its error count.
 */
describe("check-dir: a workbook made for another level", () => {
  it("is ranked and said on stderr, with what to check", async () => {
    const dir = tempDir("parindex-dir-");
    copyFileSync("fixtures/workbooks/realistic-commune-openpyxl.xlsx", join(dir, "Xã Tân An.xlsx"));
    copyFileSync("fixtures/workbooks/province-clean.xlsx", join(dir, "Sở Tư pháp.xlsx"));
    const { stdout, stderr } = await run("check-dir", dir, "--criteria", "fixtures/criteria/demo-commune-2024.json");
    expect(stdout).toContain("Sở Tư pháp");
    expect(stderr).toMatch(/^Sở Tư pháp\.xlsx: Bảng này có vẻ không làm theo bộ tiêu chí "Bộ chỉ số CCHC cấp xã năm 2024 \(minh họa\)": bảng của đơn vị cấp sở, ban, ngành.*; vẫn xếp hạng theo tên tệp: kiểm tra xem có phải tệp gửi nhầm \(của cấp khác hoặc năm khác\) không$/m);
    expect(stderr).not.toContain("Xã Tân An.xlsx:");
    const en = await run("check-dir", dir, "--criteria", "fixtures/criteria/demo-commune-2024.json", "--lang", "en");
    expect(en.stderr).toMatch(/^Sở Tư pháp\.xlsx: This table does not seem to follow the criteria set ".*; ranked all the same: check whether/m);
  });
});
