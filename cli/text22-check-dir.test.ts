import { copyFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "../fixtures/temp-dir.ts";
import { run } from "./run-main.test-helper.ts";

/**
 * check-dir (red-team round 22): two files whose names differ only in how their accents are
 * encoded (a macOS zip's NFD beside a Windows copy's NFC) were said with names that look the same
 * (WB22-12); "Kì Sơn" and "Kỳ Sơn" were two units, ranked silently (WB22-6).
 */
const COMMUNE = "fixtures/criteria/demo-commune-2024.json";
const wb = (name: string) => `fixtures/workbooks/${name}.xlsx`;

describe("check-dir: names that look the same", () => {
  it("says which file's name is written in combining Unicode (WB22-12)", async () => {
    const dir = tempDir("parindex-dir-");
    copyFileSync(wb("commune-code-in-title"), join(dir, "Xã Đông Hoà.xlsx"));
    copyFileSync(wb("commune-structure"), join(dir, "Xã Đông Hoà.xlsx".normalize("NFD")));
    const vi = await run("check-dir", dir, "--criteria", COMMUNE, "--json");
    const lines = vi.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("tên tệp viết Unicode tổ hợp");
    expect(lines[0]).toContain("Unicode dựng sẵn");
    const en = await run("check-dir", dir, "--criteria", COMMUNE, "--json", "--lang", "en");
    expect(en.stderr).toContain("decomposed");
  });

  it("says the form too when such a file is byte for byte another unit's", async () => {
    const dir = tempDir("parindex-dir-");
    copyFileSync(wb("commune-code-in-title"), join(dir, "Xã Đông Hoà.xlsx"));
    copyFileSync(wb("commune-structure"), join(dir, "Xã Đông Hoà.xlsx".normalize("NFD")));
    copyFileSync(wb("commune-structure"), join(dir, "Xã Bình Hòa.xlsx"));
    const { stderr } = await run("check-dir", dir, "--criteria", COMMUNE, "--json");
    const same = stderr.split("\n").find((l) => l.includes("giống hệt"));
    expect(same).toMatch(/Unicode (tổ hợp|dựng sẵn)/);
  });

  it("takes 'Kì Sơn' and 'Kỳ Sơn' for one unit (WB22-6)", async () => {
    const dir = tempDir("parindex-dir-");
    copyFileSync(wb("commune-code-in-title"), join(dir, "Xã Kỳ Sơn.xlsx"));
    copyFileSync(wb("commune-structure"), join(dir, "Xã Kì Sơn.xlsx"));
    const { stderr } = await run("check-dir", dir, "--criteria", COMMUNE, "--json");
    expect(stderr).toContain("có vẻ cùng đơn vị");
  });
});
