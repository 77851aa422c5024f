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
    ["vi", "1.1", "chọn một trong các mức 1 hoặc 0,5"],
    ["vi", "1.2", "nhập điểm (tối đa 1) hoặc 0"],
    ["en", "1.1", "enter one of the levels 1 or 0.5"],
    ["en", "1.2", "enter a score (max 1) or 0"],
  ] as const)("%s %s: %j", (locale, code, asked) => {
    const blank = scoreWorkbook(grid, set, { locale }).findings.find((f) => f.code === "SCORE_BLANK" && f.criterion === code);
    expect(blank?.message).toContain(asked);
  });
});

describe("SCORE_NOT_NUMBER says the leaf's levels, and 'Không phát sinh' as itself", () => {
  const grid = (s11: Value, s12: Value) => sheetOf([HEAD, ["1", "Chỉ đạo", 2, ""], ["1.1", "Kế hoạch", 1, s11], ["1.2", "Báo cáo", 1, s12]], []);
  const said = (g: ReturnType<typeof grid>, code: string, locale: "vi" | "en") =>
    scoreWorkbook(g, set, { locale }).findings.find((f) => f.code === "SCORE_NOT_NUMBER" && f.criterion === code)?.message;

  it("a word in a choice leaf's score cell is answered with its levels, never '1 or 0,5' for a leaf whose scale has no 0,5", () => {
    expect(said(grid("Đạt yêu cầu", 1), "1.1", "vi")).toContain("chọn một trong các mức 1 hoặc 0,5.");
    expect(said(grid(1, "Đạt yêu cầu"), "1.2", "vi")).toContain("chọn một trong các mức 1; 0,5 hoặc 0.");
    expect(said(grid(1, "Đạt yêu cầu"), "1.2", "en")).toContain("enter one of the levels 1; 0.5 or 0.");
  });

  it("'Không phát sinh' on a leaf every unit has is said as 'Không phát sinh', not as 'Không áp dụng'", () => {
    const vi = said(grid(1, "Không phát sinh"), "1.2", "vi")!;
    expect(vi).toBe('Tiêu chí 1.2 áp dụng với mọi đơn vị, không ghi "Không phát sinh" được ("Không phát sinh"): nhập điểm (tối đa 1) hoặc 0.');
    expect(said(grid(1, "Không phát sinh"), "1.2", "en")).toContain('cannot be marked "Không phát sinh" (nothing arose; "Không phát sinh"): enter a score (max 1) or 0.');
    expect(said(grid(1, "Không áp dụng"), "1.2", "vi")).toContain('không được ghi "Không áp dụng"');
  });
});
