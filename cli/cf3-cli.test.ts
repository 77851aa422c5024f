import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "../fixtures/temp-dir.ts";
import { run } from "./run-main.test-helper.ts";

const COMMUNE = "fixtures/criteria/demo-commune-2024.json";
const DECISION = "fixtures/decisions/commune-option-rows.xlsx";
const IMPORT = ["import-criteria", DECISION, "--id", "t1", "--year", "2024", "--unit-type", "commune"];

describe("CF3-6: an option of another command is named with the command that takes it", () => {
  it.each<[string, string[], string, string]>([
    ["--survey given to import-criteria", [...IMPORT, "--survey", "x.csv"], "--survey không dùng được với import-criteria (chỉ với check)", "--survey does not apply to import-criteria (only to check)"],
    ["--id given to check", ["check", "x.xlsx", "--criteria", COMMUNE, "--id", "t1"], "--id không dùng được với check (chỉ với import-criteria)", "--id does not apply to check (only to import-criteria)"],
  ])("%s", async (_name, args, vi, en) => {
    const said = await run(...args);
    expect(said.code).toBe(2);
    expect(said.stderr.trim()).toBe(vi);
    expect((await run(...args, "--lang", "en")).stderr.trim()).toBe(en);
  });

  it("an option no command has is still 'không có tùy chọn'", async () => {
    expect((await run(...IMPORT, "--bogus")).stderr.trim()).toBe("không có tùy chọn --bogus");
  });
});

describe("CF3-4: check-dir gives each unreadable file's reason in one form, without its name", () => {
  it("a text file named .xlsx and a 0-byte file: the name once, the reason alone", async () => {
    const dir = tempDir("parindex-cf3-4-");
    copyFileSync("fixtures/workbooks/commune-code-in-title.xlsx", join(dir, "Xã An Phú.xlsx"));
    writeFileSync(join(dir, "Xã Hỏng.xlsx"), "đây không phải sổ tính");
    writeFileSync(join(dir, "Xã Rỗng.xlsx"), "");
    const { stdout } = await run("check-dir", dir, "--criteria", COMMUNE, "--json");
    const { unreadable } = JSON.parse(stdout) as { unreadable: { file: string; reason: string }[] };
    expect(unreadable.map((u) => u.file)).toEqual(["Xã Hỏng.xlsx", "Xã Rỗng.xlsx"]);
    for (const u of unreadable) expect(u.reason).not.toContain(u.file);
    expect(unreadable[0]!.reason).toMatch(/^không phải tệp Excel/);
    expect(unreadable[1]!.reason).toMatch(/^tệp trống \(0 byte\)/);
    const text = (await run("check-dir", dir, "--criteria", COMMUNE)).stdout;
    expect(text).toContain("Không đọc được: Xã Hỏng.xlsx — không phải tệp Excel");
  });

  it("check on the 0-byte file names it and says it is empty", async () => {
    const dir = tempDir("parindex-cf3-4-");
    writeFileSync(join(dir, "Xã Rỗng.xlsx"), "");
    const said = await run("check", join(dir, "Xã Rỗng.xlsx"), "--criteria", COMMUNE, "--lang", "en");
    expect(said.code).toBe(2);
    expect(said.stderr).toContain("Xã Rỗng.xlsx: the file is empty (0 bytes)");
  });
});

describe("CF3-11: the set as the Worker serves it (GET /v1/criteria-sets/{id}) says the set is inside `set`", () => {
  it("is refused naming the field, not a missing period", async () => {
    const dir = tempDir("parindex-cf3-11-");
    const set = JSON.parse(readFileSync(COMMUNE, "utf8"));
    const served = { id: set.id, version: 1, status: "published", title: set.title, year: set.year, unitType: set.unitType, createdAt: "2026-11-30T08:00:00+07:00", publishedAt: "2026-11-30T08:00:00+07:00", retiredAt: null, set };
    writeFileSync(join(dir, "set-2024.json"), JSON.stringify(served));
    const vi = await run("check", "fixtures/workbooks/commune-code-in-title.xlsx", "--criteria", join(dir, "set-2024.json"), "--json");
    expect(vi.code).toBe(2);
    expect(JSON.parse(vi.stdout).error.code).toBe("CRITERIA_INVALID");
    expect(vi.stderr).toContain('set-2024.json là câu trả lời của máy chủ (GET /v1/criteria-sets/demo-commune-2024), không phải bộ tiêu chí: bộ tiêu chí nằm trong trường "set"');
    expect(vi.stderr).not.toContain("period");
    const en = await run("check", "fixtures/workbooks/commune-code-in-title.xlsx", "--criteria", join(dir, "set-2024.json"), "--lang", "en");
    expect(en.stderr).toContain('is the server\'s answer (GET /v1/criteria-sets/demo-commune-2024), not a criteria set: the set is in its "set" field');
  });
});
