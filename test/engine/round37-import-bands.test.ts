/**
 * RD37 (import-criteria, tester rt-rd37): a band table's opening line keeps its place.
 *
 * RD37-3: a line whose title holds a lower bound in mid-title ("Thực hiện trên 90% kế hoạch", "Đạt
 * từ 98% trở lên", "Hoàn thành trên 80% …", "… đạt 100%"), a label in the STT column beside it, is
 * the first band of the coded criterion above when the lines after it close that table's bands
 * ("từ 70% đến 90%", "dưới 70%") and its points do not exceed that criterion's max — edcff9c had
 * made it a criterion, renumbering what followed and leaving 1.1.2 scored freely with no note.
 */
import { describe, expect, it } from "vitest";
import { importCriteriaSet, type Grid } from "../../shared/index.ts";
import { edited, gridOf } from "./reading-rounds-helpers.ts";
import { importsWhole, wholeOf } from "./import-rounds-helpers.ts";

const commune = { id: "x", year: 2025, unitType: "commune" as const };
const options = gridOf("fixtures/decisions/commune-option-rows.xlsx");

type Item = { code: string; rule?: unknown; children?: Item[] };
const ruleOf = (grid: Grid, code: string): string => {
  const imported = importCriteriaSet(grid, commune);
  if (!imported.ok) throw new Error(imported.message);
  const all = (items: Item[]): Item[] => items.flatMap((i) => [i, ...all(i.children ?? [])]);
  return JSON.stringify(all(imported.set.items as Item[]).find((i) => i.code === code)?.rule);
};

describe("RD37-3: a labelled opening band with a lower bound in mid-title, its closing bands after it", () => {
  const plain = wholeOf(options, commune);
  it.each<[string, Record<string, string>]>([
    ["b24: 'Thực hiện trên 90% kế hoạch' | 2", { A15: "Tiêu chí 1.2 (2 điểm)", B15: "Thực hiện trên 90% kế hoạch", C15: "2" }],
    ["b20: the same, max blank", { A15: "Tiêu chí 1.2 (2 điểm)", B15: "Thực hiện trên 90% kế hoạch" }],
    ["'Hoàn thành trên 90% kế hoạch', label with its max", { A15: "Tiêu chí 1.2 (tối đa 2 điểm)", B15: "Hoàn thành trên 90% kế hoạch" }],
  ])("%s: 1.1.2 keeps the untouched decision's bands", (_, edit) => {
    expect(plain.max).toBe(20);
    const grid = edited(options, edit);
    importsWhole(grid, commune, plain);
    expect(ruleOf(grid, "1.1.2")).toBe(ruleOf(options, "1.1.2"));
  });
  it("b11: 'Đạt trên 90% kế hoạch', max blank: the same codes, 1.1.2 a ratio over 90%", () => {
    const grid = edited(options, { A15: "Tiêu chí 1.2 (2 điểm)", B15: "Đạt trên 90% kế hoạch" });
    importsWhole(grid, commune, plain);
    expect(ruleOf(grid, "1.1.2")).toBe(ruleOf(options, "1.1.2"));
  });
  it.each<[string, Record<string, string>]>([
    ["b23: 'Đạt từ 98% trở lên', max blank", { A30: "Tiêu chí 2.1 (4 điểm)", B30: "Đạt từ 98% trở lên" }],
    ["'Tỷ lệ hồ sơ đạt 100%' | 4", { A30: "Tiêu chí 2.1 (4 điểm)", B30: "Tỷ lệ hồ sơ đạt 100%", C30: "4", B31: "Từ 90% đến dưới 100%: 2 điểm" }],
  ])("%s: the same codes, 2.2 keeps its three bands", (_, edit) => {
    const grid = edited(options, edit);
    importsWhole(grid, commune, plain);
    expect(JSON.parse(ruleOf(grid, "2.2")).kind).toBe("ratio");
    expect(JSON.parse(ruleOf(grid, "2.2")).bands).toHaveLength(3);
  });
  it("a label over the criterion's max ('Tiêu chí 1.2 (3 điểm)' beside a 2): not read as its band", () => {
    const grid = edited(options, { A15: "Tiêu chí 1.2 (3 điểm)", B15: "Thực hiện trên 90% kế hoạch" });
    expect(ruleOf(grid, "1.1.2")).not.toBe(ruleOf(options, "1.1.2"));
  });
});

describe("RD37-5: a band line's label over the criterion's max is no band's points", () => {
  it("b17: 'Tiêu chí 1.2 (3 điểm)' beside 'Thực hiện từ 70% đến 90% kế hoạch' under a 2: the band is kept, not dropped", () => {
    const imported = importCriteriaSet(edited(options, { A16: "Tiêu chí 1.2 (3 điểm)", B16: "Thực hiện từ 70% đến 90% kế hoạch" }), commune);
    if (!imported.ok) throw new Error(imported.message);
    const notes = imported.notes.map((n) => n.message);
    expect(notes.filter((n) => n.includes("đã bỏ mức này"))).toEqual([]);
    expect(notes.filter((n) => n.includes("70% đến 90%"))).toHaveLength(1);
  });
});
