import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "../fixtures/temp-dir.ts";
import { run } from "./run-main.test-helper.ts";

const COMMUNE = "fixtures/criteria/demo-commune-2024.json";


describe("CF1-8: check-dir's exit 2 writes its one-line reason alone on stderr (§5)", () => {
  it("a folder of .xls/.ods only: the reason names the files left out, nothing else is written", async () => {
    const dir = tempDir("cf16-");
    for (const name of ["Cũ.xls", "X.ods"]) writeFileSync(join(dir, name), "x");
    for (const lang of ["vi", "en"]) {
      const { code, stdout, stderr } = await run("check-dir", dir, "--criteria", COMMUNE, "--json", "--lang", lang);
      expect(code).toBe(2);
      expect(stderr.trim().split("\n")).toHaveLength(1);
      expect(JSON.parse(stdout).error).toEqual({ code: "NO_WORKBOOKS", message: stderr.trim() });
      expect(stderr).toContain(lang === "vi" ? "bỏ qua 2 tệp không phải .xlsx: Cũ.xls, X.ods" : "skipped 2 files that are not .xlsx: Cũ.xls, X.ods");
    }
  });
});

describe("CF1-5: a folder where a file is expected, or a file where a folder is, is said as such (not 'not found')", () => {
  it.each<[string, (dir: string, file: string) => string[], string, string, string]>([
    ["check given a folder", (dir) => ["check", dir], "NOT_A_FILE", "là thư mục, không phải tệp", "check-dir"],
    ["check-dir given a file", (_dir, file) => ["check-dir", file], "NOT_A_FOLDER", "là một tệp, không phải thư mục", "parindex check"],
    ["a folder as --criteria", (dir, file) => ["check", file, "--criteria", dir], "NOT_A_FILE", "là thư mục, không phải tệp", ".json"],
  ])("%s", async (_name, args, errorCode, vi, hint) => {
    const dir = tempDir("cf16-");
    const file = join(dir, "Xã An Phú.xlsx");
    writeFileSync(file, "x");
    const argv = args(dir, file);
    const full = argv.includes("--criteria") ? argv : [...argv, "--criteria", COMMUNE];
    const { code, stdout, stderr } = await run(...full, "--json");
    expect(code).toBe(2);
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(JSON.parse(stdout).error.code).toBe(errorCode);
    expect(stderr).toContain(vi);
    expect(stderr).toContain(hint);
    const en = await run(...full, "--lang", "en");
    expect(en.stderr).not.toMatch(/not found/);
  });

  it("a folder as --survey", async () => {
    const dir = tempDir("cf16-");
    const { code, stderr } = await run("check", "fixtures/workbooks/commune-score-errors.xlsx", "--criteria", COMMUNE, "--survey", dir);
    expect(code).toBe(2);
    expect(stderr).toContain("là thư mục, không phải tệp");
  });
});
