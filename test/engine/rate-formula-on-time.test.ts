/**
 * WB43-8, closed by shape (03/12/2026). An on-time count's column ("Số hồ sơ giải quyết đúng
 * hạn") reads only a row's own ratio, never a bare count (WB40-5). A rate the unit computed in
 * the cell, "=100/125*100" = 80, had been set aside as a count — DATA_MISSING asking for the rate
 * the cell held (a district 62,7 → 55,95) — where under "Số liệu kê khai" it is read. Round 43
 * read any formula holding "/" with a value up to 100 as a rate, which scored counts computed with
 * a division 100 % (WB44-3) and was reverted; now only a rate's own shapes are: a cell or number
 * over another, times 100, maybe rounded — never over a literal 100.
 */
import { describe, expect, it } from "vitest";
import { scoreWorkbook, type CriteriaSet, type UnitType } from "../../shared/index.ts";
import { isRateFormula } from "../../shared/values.ts";
import { flat, fraction } from "./data-columns-helpers.ts";
import { demoSet, type Row, type Value } from "./merged-header-helpers.ts";

const set = { ...demoSet("rate-formula", "Bộ thử công thức tỷ lệ (minh họa)"), unitType: "commune" as UnitType } as CriteriaSet;
/** 1.1.2's score and percent with `written` in its data cell under `head` (the other ratio rows "a/b"). */
const reading = (head: string, written: Value) => {
  const grid = flat([head, "Ghi chú thêm"], [(x: Row) => (x.counts ? (x.code === "1.1.2" ? written : fraction(x)) : ""), () => ""]);
  const item = scoreWorkbook(grid, set).items.find((i) => i.code === "1.1.2");
  return { score: item?.score, percent: item?.percent };
};

describe("WB43-8: a rate computed in an on-time column's cell is the unit's rate", () => {
  it.each<[string, Value]>([
    ["=100/125*100", { v: 80, f: "100/125*100" }],
    ["=ROUND(100/125*100,0)", { v: 80, f: "ROUND(100/125*100,0)" }],
    ["=D12/D13*100", { v: 80, f: "D12/D13*100" }],
    ["=(D12/D13)*100", { v: 80, f: "(D12/D13)*100" }],
    ["=D12*100/D13", { v: 80, f: "D12*100/D13" }],
    ["=100*D12/D13", { v: 80, f: "100*D12/D13" }],
    ["=ROUNDDOWN($D$12/'Số liệu'!E5*100, 2)", { v: 80, f: "ROUNDDOWN($D$12/'Số liệu'!E5*100, 2)" }],
  ])("%s: 80 %%, as under 'Số liệu kê khai'", (_, written) => {
    expect(reading("Số hồ sơ giải quyết đúng hạn", written)).toEqual(reading("Số liệu kê khai", written));
    expect(reading("Số hồ sơ giải quyết đúng hạn", written).percent).toBe(80);
  });
});

describe("WB44-3: a count computed with a division stays a count, the rate asked for", () => {
  it.each<[string, Value]>([
    ['=COUNTIFS(…,"<=31/12/2024")', { v: 100, f: 'COUNTIFS(F5:F200,"<=31/12/2024")' }],
    ["=ROUND(125*80/100,0)", { v: 100, f: "ROUND(125*80/100,0)" }],
    ["=(D20+D21)/2", { v: 100, f: "(D20+D21)/2" }],
    ["=D20/2", { v: 60, f: "D20/2" }],
    ["=SUM(D20:D22)/3", { v: 90, f: "SUM(D20:D22)/3" }],
    ["=D20/100*100", { v: 90, f: "D20/100*100" }],
    ["=60+40 (WB40-5)", { v: 100, f: "60+40" }],
  ])("%s", (_, written) => {
    expect(reading("Số hồ sơ giải quyết đúng hạn", written)).toEqual({ score: 0, percent: undefined });
  });

  it("a rate's shape whose value is past 100 is no rate of cases done", () => {
    expect(isRateFormula({ v: 125, f: "D12/D13*100" })).toBe(false);
    expect(isRateFormula({ v: 80, f: "D12/D13*100" })).toBe(true);
  });
});
