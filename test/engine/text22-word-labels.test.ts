/**
 * WB22-15 (rt-wb22): a word label typed without diacritics ("Tieu chi 1", "Linh vuc I": Unikey
 * switched off), with "số" ("Tiêu chí số 1") or abbreviated ("LV I", "T.chí 1") is the label
 * "Tiêu chí 1" / "Lĩnh vực I" — in the checker and in the importer. Before, it was read as a bare
 * number, every code below slid one level, and the unit lost 10–16 points behind DUPLICATE /
 * MISSING findings (the importer lost a whole field). A label is either typed with its own marks
 * or with none at all: "Chi tiêu 2 tỷ đồng" (spending) is never "Chỉ tiêu 2".
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { importCriteriaSet, parseCriteriaSet, scoreWorkbook, type Grid, type ImportCriteriaOptions } from "../../shared/index.ts";
import { readCodeCell, readTitleCode } from "../../shared/codes.ts";
import { readWorkbookBytes } from "../../xlsx/sheetjs-grid.ts";

function gridOf(path: string): Grid {
  const read = readWorkbookBytes(new Uint8Array(readFileSync(path)));
  if (!read.ok) throw new Error(read.message);
  return read.grid;
}

/** `grid` with the cell at A1-style `address` of the first sheet set to `text`. */
function edited(grid: Grid, address: string, text: string): Grid {
  const m = /^([A-Z])(\d+)$/.exec(address)!;
  const col = m[1]!.charCodeAt(0) - 65;
  const row = Number(m[2]) - 1;
  return {
    sheets: grid.sheets.map((s, i) =>
      i !== 0 ? s : { ...s, rows: s.rows.map((r, ri) => (ri !== row ? r : r.map((c, ci) => (ci === col ? { ...(c ?? {}), v: text } : c)))) },
    ),
  };
}

describe("word labels without diacritics, with 'số', abbreviated (WB22-15)", () => {
  it.each<[string, number, string]>([
    ["Tieu chi 1", 2, "1"],
    ["TIEU CHI 1", 2, "1"],
    ["Tiêu chí số 1", 2, "1"],
    ["Tieu chi so 1", 2, "1"],
    ["Tiêu chí số 1:", 2, "1"],
    ["T.chí 1", 2, "1"],
    ["Tiêu chí I", 2, "1"],
    ["Chi tieu 2", 3, "2"],
    ["Chỉ tiêu số 2", 3, "2"],
    ["Tieu chi thanh phan 1.1", 3, "1.1"],
    ["Tiêu chí TP 1.1", 3, "1.1"],
    ["Linh vuc I", 1, "1"],
    ["LV I", 1, "1"],
    ["LV 2", 1, "2"],
    ["Lĩnh vực số 2", 1, "2"],
    ["Lĩnh vực Ⅰ", 1, "1"],
    ["Lĩnh vực thứ nhất", 1, "1"],
    ["Lĩnh vực thứ hai", 1, "2"],
  ])("'%s' is a level-%s label %s", (text, level, label) => {
    expect(readCodeCell(text)).toEqual({ kind: "word", level, label });
  });

  it.each(["Chi tiêu 2 tỷ đồng", "Tiêu chí số lượng hồ sơ", "Lvl 2", "Tiểu chí 1", "Chi tiêu 2"])("'%s' is no word label", (text) => {
    expect(readCodeCell(text)?.kind === "word").toBe(false);
    expect(readTitleCode(text)?.kind === "word").toBe(false);
  });

  it("a title led by an unaccented label keeps its code", () => {
    expect(readTitleCode("Tieu chi 2: Cai cach thu tuc hanh chinh")).toEqual({ kind: "word", level: 2, label: "2" });
    expect(readTitleCode("Tiêu chí số 2. Cải cách thủ tục hành chính")).toEqual({ kind: "word", level: 2, label: "2" });
  });

  const set = (() => {
    const parsed = parseCriteriaSet(JSON.parse(readFileSync("fixtures/criteria/demo-commune-2025.json", "utf8")));
    if (!parsed.ok) throw new Error(parsed.message);
    return parsed.set;
  })();
  const base = gridOf("fixtures/workbooks/real-commune-word-codes.xlsx");
  const baseReport = scoreWorkbook(base, set);

  it.each<[string, string]>([
    ["A9", "Tieu chi 1"],
    ["A9", "Tiêu chí số 1"],
    ["A9", "T.chí 1"],
    ["A9", "Tiêu chí I"],
    ["A8", "Linh vuc I"],
    ["A8", "LV I"],
    ["A8", "Lĩnh vực thứ nhất"],
    ["A8", "Lĩnh vực Ⅰ"],
  ])("real-commune-word-codes with %s = '%s' scores as the unchanged workbook", (address, text) => {
    const report = scoreWorkbook(edited(base, address, text), set);
    expect(report.total).toBe(baseReport.total);
    expect(report.items.map((i) => [i.code, i.score])).toEqual(baseReport.items.map((i) => [i.code, i.score]));
    expect(report.findings.map((f) => f.code).sort()).toEqual(baseReport.findings.map((f) => f.code).sort());
  });

  const OPTIONS: ImportCriteriaOptions = { id: "minh-hoa-xa-2025", year: 2025, unitType: "commune" };
  const decision = gridOf("fixtures/decisions/commune-word-labels.xlsx");
  const original = importCriteriaSet(decision, OPTIONS);

  it.each<[string, string]>([
    ["A9", "Tieu chi 2"],
    ["A9", "Tiêu chí số 2"],
    ["A10", "Chi tieu 1"],
  ])("import-criteria: commune-word-labels with %s = '%s' imports the same set", (address, text) => {
    const imported = importCriteriaSet(edited(decision, address, text), OPTIONS);
    expect(original.ok).toBe(true);
    expect(imported.ok && imported.set).toEqual(original.ok && original.set);
  });
});
