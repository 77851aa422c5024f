import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseCriteriaSet, scoreWorkbook } from "../shared/index.ts";
import { readWorkbookBytes } from "../xlsx/sheetjs-grid.ts";
import { run as runMain } from "./run-main.test-helper.ts";

interface Case {
  name: string;
  file: string;
  args: string[];
  exit: 0 | 2;
  error?: string;
}

// Decision tables built by fixtures/decisions/make_decisions.py (openpyxl, some re-saved by
// LibreOffice); the expected sets and notes beside them were written by hand from the tables.
const cases = JSON.parse(readFileSync("fixtures/decisions/cases.json", "utf8")) as Case[];
const expectedNotes = (name: string) => readFileSync(`fixtures/decisions/${name}.expected-notes.txt`, "utf8").split("\n").filter(Boolean);

async function run(...args: string[]) {
  const ran = await runMain(...args);
  return { ...ran, lines: ran.stderr.split("\n").filter(Boolean) };
}

describe("parindex import-criteria on decision tables as provinces publish them", () => {
  it.each(cases.map((c) => [c.name, c] as const))("%s", async (_name, c) => {
    const { code, stdout, lines } = await run("import-criteria", c.file, ...c.args, ...(c.exit === 2 ? ["--json"] : []));
    expect(code).toBe(c.exit);
    expect(lines).toEqual(expectedNotes(c.name));
    if (c.exit === 2) {
      expect(JSON.parse(stdout)).toEqual({ error: { code: c.error, message: expect.any(String) } });
      return;
    }
    const expected = JSON.parse(readFileSync(`fixtures/decisions/${c.name}.expected.json`, "utf8"));
    expect(parseCriteriaSet(expected).ok).toBe(true);
    expect(JSON.parse(stdout)).toEqual(expected);
  });

  it("speaks English with --lang en, one note per line with its cell", async () => {
    const { code, lines } = await run("import-criteria", "fixtures/decisions/district-method-column.xlsx", "--id", "x", "--year", "2024", "--unit-type", "district", "--lang", "en");
    expect(code).toBe(0);
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe("'Phụ lục II'!C7: Max of 1 is 10 but its children add up to 9: the set uses 9; check the decision.");
    expect(lines[1]).toContain("left as manual, step 0.25");
  });

  it.each([
    ["no --id", ["--year", "2024", "--unit-type", "commune"], "USAGE"],
    ["an id with a space", ["--id", "xã 2024", "--year", "2024", "--unit-type", "commune"], "USAGE"],
    ["a year that is not one", ["--id", "x", "--year", "24", "--unit-type", "commune"], "USAGE"],
    ["an unknown unit type", ["--id", "x", "--year", "2024", "--unit-type", "village"], "USAGE"],
    ["an unknown --lang", ["--id", "x", "--year", "2024", "--unit-type", "commune", "--lang", "fr"], "USAGE"],
  ])("exits 2 with one line on %s", async (_what, args, errorCode) => {
    const { code, stdout, lines } = await run("import-criteria", "fixtures/decisions/commune-option-rows.xlsx", ...args, "--json");
    expect(code).toBe(2);
    expect(lines).toHaveLength(1);
    expect(JSON.parse(stdout).error.code).toBe(errorCode);
  });

  it("takes every unit type a set may name, ward among them, and lists them all in its usage and its refusal", async () => {
    const ward = await run("import-criteria", "fixtures/decisions/commune-option-rows.xlsx", "--id", "x", "--year", "2024", "--unit-type", "ward");
    expect([ward.code, JSON.parse(ward.stdout).unitType]).toEqual([0, "ward"]);
    const refused = await run("import-criteria", "fixtures/decisions/commune-option-rows.xlsx", "--id", "x", "--year", "2024", "--unit-type", "phuong");
    expect([refused.code, refused.lines]).toEqual([2, ["--unit-type phải là commune, ward, district, department hoặc province"]]);
    const en = await run("import-criteria", "fixtures/decisions/commune-option-rows.xlsx", "--id", "x", "--year", "2024", "--unit-type", "village", "--lang", "en");
    expect(en.lines).toEqual(["--unit-type must be commune, ward, district, department or province"]);
    const usage = await run("import-criteria", "--id", "x");
    expect(usage.lines[0]).toContain("--unit-type commune|ward|district|department|province");
  });

  it("says what is wrong with the arguments in Vietnamese, in English with --lang en", async () => {
    const args = ["import-criteria", "fixtures/decisions/commune-option-rows.xlsx", "--id", "x", "--year", "2024", "--unit-type", "commune", "--criteria", "set.json"];
    const vi = await run(...args, "--json");
    expect([vi.code, vi.lines, JSON.parse(vi.stdout)]).toEqual([2, ["không có tùy chọn --criteria"], { error: { code: "USAGE", message: "không có tùy chọn --criteria" } }]);
    const en = await run(...args.slice(0, -2), "--lang", "en", "--year");
    expect([en.code, en.lines]).toEqual([2, ["--year needs a value"]]);
  });

  it.each([
    ["a missing file", "fixtures/decisions/nope.xlsx", "FILE_NOT_FOUND"],
    ["a file that is not a workbook", "fixtures/workbooks/not-a-workbook.xlsx", "NOT_A_WORKBOOK"],
  ])("exits 2 on %s", async (_what, file, errorCode) => {
    const { code, stdout, lines } = await run("import-criteria", file, "--id", "x", "--year", "2024", "--unit-type", "commune", "--json");
    expect(code).toBe(2);
    expect(lines).toHaveLength(1);
    expect(JSON.parse(stdout).error.code).toBe(errorCode);
  });
});

describe("the real-decision set reads back from its decision table", () => {
  const set = JSON.parse(readFileSync("fixtures/criteria/hanoi-phong-2024.json", "utf8"));

  it("imports into the same set, with nothing left to infer by hand", async () => {
    const { code, stdout, lines } = await run("import-criteria", "fixtures/decisions/hanoi-phong-2024.xlsx", "--id", set.id, "--year", "2024", "--unit-type", "department");
    expect(code).toBe(0);
    expect(lines).toEqual([]);
    const { description: _imported, ...imported } = JSON.parse(stdout);
    const { description: _written, ...written } = set;
    expect(imported).toEqual(written);
  });

  it("has the published structure: 7 fields, 29 criteria, 22 sub-criteria, 30 of 100 points by survey, rescaled without it", () => {
    const parsed = parseCriteriaSet(set);
    expect(parsed.ok).toBe(true);
    const criteria = set.items.flatMap((field: { children: unknown[] }) => field.children) as { children?: unknown[] }[];
    const leaves = (items: { max: number; rule?: { kind: string }; children?: unknown[] }[]): { max: number; rule?: { kind: string } }[] =>
      items.flatMap((i) => (i.children ? leaves(i.children as typeof items) : [i]));
    expect([set.items.length, criteria.length, criteria.flatMap((c) => c.children ?? []).length]).toEqual([7, 29, 22]);
    expect(set.items.map((f: { children: { children?: unknown[] }[] }) => [f.children.length, f.children.flatMap((c) => c.children ?? []).length])).toEqual([
      [6, 8], [4, 0], [6, 4], [2, 0], [5, 2], [4, 0], [2, 8],
    ]);
    expect(leaves(set.items).filter((l) => l.rule?.kind === "survey").reduce((sum, l) => sum + l.max, 0)).toBe(30);
    expect(set).toMatchObject({ maxPoints: 100, whenSurveyAbsent: "rescale", unitType: "department" });
    expect(set.description).toMatch(/DỰNG LẠI, MINH HỌA/);
  });

  it("scores its own decision table's layout: a blank self-assessment is 0 without a survey, not an error", () => {
    const read = readWorkbookBytes(new Uint8Array(readFileSync("fixtures/decisions/hanoi-phong-2024.xlsx")));
    if (!read.ok) throw new Error(read.message);
    const parsed = parseCriteriaSet(set);
    if (!parsed.ok) throw new Error(parsed.message);
    const report = scoreWorkbook(read.grid, parsed.set, {});
    expect(report.sheet).toBe("Bộ chỉ số");
    expect(report.findings.filter((f) => f.code === "MISSING_CRITERION")).toEqual([]);
  });
});
