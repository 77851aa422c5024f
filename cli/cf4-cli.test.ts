import { describe, expect, it } from "vitest";
import { run } from "./run-main.test-helper.ts";

const COMMUNE = "fixtures/criteria/demo-commune-2024.json";

describe("CF4-4: a command without its workbook or folder says what is missing, on one line", () => {
  it.each<[string, string, string]>([
    ["check", "cần tệp bảng tính (.xlsx): parindex check <workbook.xlsx> --criteria <set.json>", "a workbook (.xlsx) is needed: parindex check <workbook.xlsx> --criteria <set.json>"],
    ["register", "cần tệp bảng tính (.xlsx): parindex register <workbook.xlsx> --criteria <set.json>", "a workbook (.xlsx) is needed: parindex register <workbook.xlsx> --criteria <set.json>"],
    ["check-dir", "cần thư mục chứa các tệp .xlsx: parindex check-dir <folder> --criteria <set.json>", "a folder of .xlsx files is needed: parindex check-dir <folder> --criteria <set.json>"],
  ])("%s --criteria x.json", async (command, vi, en) => {
    const said = await run(command, "--criteria", COMMUNE);
    expect([said.code, said.stdout]).toEqual([2, ""]);
    const lines = said.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]!.startsWith(vi)).toBe(true);
    // Only the command given, not the other three.
    for (const other of ["check", "check-dir", "register", "import-criteria"].filter((c) => c !== command)) expect(lines[0]).not.toContain(`parindex ${other} `);
    const english = await run(command, "--criteria", COMMUNE, "--lang", "en");
    expect([english.code, english.stderr.trimEnd().split("\n").length]).toEqual([2, 1]);
    expect(english.stderr.startsWith(en)).toBe(true);
    const json = await run(command, "--criteria", COMMUNE, "--json");
    expect(json.code).toBe(2);
    expect(json.stderr.trim()).toBe(lines[0]);
    expect(JSON.parse(json.stdout)).toEqual({ error: { code: "USAGE", message: lines[0] } });
  });

  it("bare, the command alone says the same", async () => {
    expect((await run("check")).stderr.trim()).toMatch(/^cần tệp bảng tính \(\.xlsx\): parindex check </);
  });
});

describe("an unknown command, no command or an extra workbook is said as such on one line, not every command's usage", () => {
  it.each<[string[], string, string]>([
    [["score", "x.xlsx", "--criteria", COMMUNE], "không có lệnh score: dùng check, check-dir, register, import-criteria (npx parindex để xem cách dùng)", "unknown command score: use check, check-dir, register, import-criteria"],
    [["--criteria", COMMUNE], "cần một lệnh: check, check-dir, register, import-criteria", "a command is needed: check, check-dir, register, import-criteria"],
    [["check", "a.xlsx", "b.xlsx", "--criteria", COMMUNE], "lệnh check nhận một tệp, thừa: b.xlsx", "check takes one file; extra: b.xlsx"],
    [["check-dir", "a", "b", "c", "--criteria", COMMUNE], "lệnh check-dir nhận một thư mục, thừa: b c", "check-dir takes one folder; extra: b c"],
  ])("%j", async (args, vi, en) => {
    const said = await run(...args);
    expect([said.code, said.stdout]).toEqual([2, ""]);
    expect(said.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(said.stderr.startsWith(vi)).toBe(true);
    const english = await run(...args, "--lang", "en");
    expect([english.code, english.stderr.startsWith(en)]).toEqual([2, true]);
  });
});
