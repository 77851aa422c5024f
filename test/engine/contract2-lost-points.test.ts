/**
 * CF2-5 (contract tester, round 2): "Vì sao mất điểm" (CRITERIA-FORMAT.md §6 Messages) for a best
 * or floored parent does not point at its first child's cell as if it were its own, and a ratio or
 * count leaf inside it is given its declared data, the count or band reached and the next step
 * up, as it is outside such a parent.
 */
import { describe, expect, it } from "vitest";
import { explainLostPoints, parseCriteriaSet, scoreWorkbook, type CriteriaSet } from "../../shared/index.ts";
import { sheetOf, type Value } from "./merged-header-helpers.ts";

const HEAD: Value[] = ["STT", "Tiêu chí, tiêu chí thành phần", "Điểm tối đa", "Số liệu kê khai", "Tài liệu kiểm chứng", "Điểm tự đánh giá", "Ghi chú"];

function floorSet(): CriteriaSet {
  const parsed = parseCriteriaSet({
    id: "cf2-floor", title: "Có sàn", year: 2024, unitType: "district", period: { from: "2024-01-01", to: "2024-12-31" },
    maxPoints: 6, bands: [{ label: "Tốt", min: 80 }, { label: "Yếu", min: 0 }],
    items: [{ code: "1", title: "Lĩnh vực 1", max: 6, children: [
      { code: "1.1", title: "Tuyên truyền", max: 2 },
      { code: "1.2", title: "Có sàn", max: 4, floor: 0, children: [
        { code: "1.2.1", title: "Bố trí đầu mối", max: 2, min: -1 },
        { code: "1.2.2", title: "Báo cáo chậm", max: 2, rule: { kind: "count", each: -0.5, base: 2 } } ] } ] }],
  });
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.set;
}

describe("CF2-5: a floored parent's explanation", () => {
  // 1.2.1 typed −1; 1.2.2 five late reports: clamp(2 − 5 × 0,5, 0, 2) = 0. 1.2 = max(−1 + 0, 0) = 0: lost 4.
  // With 3 late reports 1.2.2 would give 2 − 1,5 = 0,5 (4 still gives 0): the next step up.
  const grid = sheetOf([HEAD, ["1", "Lĩnh vực 1", 6, "", "", "", ""], ["1.1", "Tuyên truyền", 2, "", "", 2, ""],
    ["1.2", "Có sàn", 4, "", "", 0, ""], ["1.2.1", "Bố trí đầu mối", 2, "", "", -1, ""], ["1.2.2", "Báo cáo chậm", 2, 5, "", "", ""]], []);
  const set = floorSet();
  const report = scoreWorkbook(grid, set);
  const entry = explainLostPoints(report, set, "vi").find((e) => e.code === "1.2")!;
  const firstChildCell = report.items.find((i) => i.code === "1.2.1")!.cell;
  const countCell = report.items.find((i) => i.code === "1.2.2")!.dataCell!;

  it("loses 4, and is not pointed at 1.2.1's cell", () => {
    expect(report.total).toBe(2);
    expect(entry.lost).toBe(4);
    expect(entry.cell).not.toBe(firstChildCell);
  });
  it("names 1.2.2's declared count, where it was read, what it gave, and the next step up", () => {
    const line = entry.reasons.find((r) => r.startsWith("1.2.2"));
    expect(line).toContain("5");
    expect(line).toContain(countCell);
    expect(entry.reasons).toContain("1.2.2: Với số lượng 3: 0,5 điểm.");
  });
});
