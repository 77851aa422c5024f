import { describe, expect, it } from "vitest";
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
