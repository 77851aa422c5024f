/**
 * Import-criteria reading a decision's text (rt-wb22): an option line typed in capitals
 * ("- KHÔNG BAN HÀNH", capitals are how offices stress "không") is an option line, never a field
 * heading (WB22-8: the set below was renumbered, max 20 → 17); and the set's titles and hints are
 * clean text, as the checker reads it — NFC, "đ" for the eth "ð", no soft hyphens (WB22-9).
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { importCriteriaSet, type Grid, type ImportCriteriaOptions } from "../../shared/index.ts";
import { readWorkbookBytes } from "../../xlsx/sheetjs-grid.ts";

function gridOf(path: string): Grid {
  const read = readWorkbookBytes(new Uint8Array(readFileSync(path)));
  if (!read.ok) throw new Error(read.message);
  return read.grid;
}

/** Every text cell of every sheet through `edit`, or the one at (sheet 0, `row`, `col`). */
function mapText(grid: Grid, edit: (text: string, r: number, c: number) => string): Grid {
  return { sheets: grid.sheets.map((s, i) => ({ ...s, rows: s.rows.map((row, r) => row.map((c, col) => (i === 0 && c && typeof c.v === "string" ? { ...c, v: edit(c.v, r, col) } : c))) })) };
}

const COMMUNE: ImportCriteriaOptions = { id: "minh-hoa-xa-2024", year: 2024, unitType: "commune" };
const DISTRICT: ImportCriteriaOptions = { id: "minh-hoa-huyen-2024", year: 2024, unitType: "district" };

describe("an option line in capitals is no field heading (WB22-8)", () => {
  const decision = gridOf("fixtures/decisions/commune-option-rows.xlsx");
  const original = importCriteriaSet(decision, COMMUNE);

  it.each(["- KHÔNG BAN HÀNH", "+ KHÔNG BAN HÀNH", "• KHÔNG BAN HÀNH", "-KHÔNG BAN HÀNH"])("'Cấp xã'!B13 = '%s' imports the set the file gives", (text) => {
    expect(original.ok && original.set.maxPoints).toBe(20);
    const imported = importCriteriaSet(mapText(decision, (v, r, c) => (r === 12 && c === 1 ? text : v)), COMMUNE);
    expect(imported.ok && imported.set.maxPoints).toBe(20);
    expect(imported.ok && imported.set.items.map((i) => [i.code, i.max])).toEqual(original.ok && original.set.items.map((i) => [i.code, i.max]));
    expect(JSON.stringify(imported.ok && imported.set.items).toLowerCase()).toBe(JSON.stringify(original.ok && original.set.items).toLowerCase());
  });
});

describe("a decision typed all in capitals (WB22-8)", () => {
  it("case heads nothing where the criteria are in capitals too: the set the file gives", () => {
    const decision = gridOf("fixtures/decisions/commune-option-rows.xlsx");
    const original = importCriteriaSet(decision, COMMUNE);
    const caps = importCriteriaSet(mapText(decision, (v) => v.toUpperCase()), COMMUNE);
    type Item = { code: string; max: number; rule?: unknown; children?: Item[] };
    const shape = (items: Item[]): unknown[] => items.map((i) => [i.code, i.max, i.rule ?? null, i.children ? shape(i.children) : null]);
    expect(caps.ok && caps.set.maxPoints).toBe(20);
    expect(caps.ok && shape(caps.set.items as Item[])).toEqual(original.ok && shape(original.set.items as Item[]));
  });
});

describe("the set's text is clean (WB22-9)", () => {
  it("Đ/đ typed as the eth Ð/ð import as Đ/đ", () => {
    const decision = gridOf("fixtures/decisions/commune-option-rows.xlsx");
    const original = importCriteriaSet(decision, COMMUNE);
    const eth = importCriteriaSet(mapText(decision, (v) => v.replace(/Đ/g, "Ð").replace(/đ/g, "ð")), COMMUNE);
    expect(JSON.stringify(eth)).not.toMatch(/[ðÐ]/);
    expect(eth.ok && eth.set).toEqual(original.ok && original.set);
  });

  it("soft hyphens and zero-width characters inside words are not in titles, hints or notes", () => {
    const decision = gridOf("fixtures/decisions/district-method-column.xlsx");
    const original = importCriteriaSet(decision, DISTRICT);
    const soft = importCriteriaSet(mapText(decision, (v) => v.replace(/hoạch/g, "hoạ\u00adch").replace(/chính/g, "chí\u200dnh").replace(/ban/g, "b\u2060an")), DISTRICT);
    expect(JSON.stringify(soft)).not.toMatch(/[\u00ad\u200b\u2060]|\\u00ad|\\u200b|\\u2060/);
    expect(soft).toEqual(original);
  });
});
