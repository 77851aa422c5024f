/**
 * A blank score on a choice leaf whose scale has no 0 ("Kịp thời: 1 điểm; chậm: 0,5 điểm", as
 * imported from a decision that leaves "không ban hành" unsaid) asks for one of its levels: it
 * had asked for "a score or 0", and the 0 typed then was SCORE_STEP.
 */
import { describe, expect, it } from "vitest";
import { parseCriteriaSet, scoreWorkbook, type CriteriaSet } from "../../shared/index.ts";
import { sheetOf, type Value } from "./merged-header-helpers.ts";

const parsed = parseCriteriaSet({
  id: "blank-levels", title: "Mức điểm", year: 2024, unitType: "district", period: { from: "2024-01-01", to: "2024-12-31" },
  maxPoints: 2, bands: [{ label: "Tốt", min: 80 }, { label: "Yếu", min: 0 }],
  items: [{ code: "1", title: "Chỉ đạo", max: 2, children: [
    { code: "1.1", title: "Kế hoạch", max: 1, rule: { kind: "choice", options: [1, 0.5] } },
    { code: "1.2", title: "Báo cáo", max: 1, rule: { kind: "choice", options: [1, 0.5, 0] } } ] }],
});
if (!parsed.ok) throw new Error(parsed.message);
const set: CriteriaSet = parsed.set;
const HEAD: Value[] = ["STT", "Tiêu chí", "Điểm tối đa", "Điểm tự đánh giá"];

describe("SCORE_BLANK on a choice leaf", () => {
  const grid = sheetOf([HEAD, ["1", "Chỉ đạo", 2, ""], ["1.1", "Kế hoạch", 1, ""], ["1.2", "Báo cáo", 1, ""]], []);
  it.each([
    ["vi", "1.1", "chọn một trong các mức 1; 0,5"],
    ["vi", "1.2", "nhập điểm (tối đa 1) hoặc 0"],
    ["en", "1.1", "enter one of the levels 1; 0.5"],
    ["en", "1.2", "enter a score (max 1) or 0"],
  ] as const)("%s %s: %j", (locale, code, asked) => {
    const blank = scoreWorkbook(grid, set, { locale }).findings.find((f) => f.code === "SCORE_BLANK" && f.criterion === code);
    expect(blank?.message).toContain(asked);
  });
});
