import { describe, expect, it } from "vitest";
import { codes, EV, row, score, setOf } from "./v2-helpers.ts";

/**
 * WB15-11: clear two-figure sentences were refused as DATA_MISSING ("the data is missing")
 * though the cell held them: a done-verb with no "đã" named no role ("Kiểm tra 5 xã; chưa kiểm
 * tra 10 xã"), "trong đó" named no part, a result above its plan was no rate, "điểm phần trăm"
 * no percentage and "đạt và vượt 18/20" an excess.
 */

const bands = (...b: [number, number][]) => ({ kind: "ratio", bands: b.map(([min, points]) => ({ min, points })) });
const set = setOf([
  { code: "1.1", title: "Tỷ lệ đơn vị cấp xã được kiểm tra CCHC trong năm", max: 1.5, rule: bands([30, 1.5], [20, 0.75], [0, 0]) },
  { code: "1.2", title: "Tỷ lệ công chức được bồi dưỡng theo kế hoạch", max: 4, rule: bands([90, 4], [70, 2], [0, 0]) },
  { code: "1.3", title: "Tỷ lệ thực hiện dự toán thu ngân sách nhà nước", max: 3, rule: bands([100, 3], [90, 2], [80, 1], [0, 0]) },
  { code: "1.4", title: "Tỷ lệ hồ sơ TTHC được tiếp nhận, giải quyết trực tuyến", max: 2, rule: bands([30, 2], [20, 1], [0, 0]) },
  { code: "1.5", title: "Tỷ lệ hoàn thành chỉ tiêu giảm tỷ lệ hộ nghèo đa chiều", max: 2, rule: bands([100, 2], [80, 1], [0, 0]) },
  { code: "1.6", title: "Tỷ lệ hoàn thành các chỉ tiêu kinh tế - xã hội do HĐND huyện giao", max: 2, rule: { kind: "ratio", proportional: true, target: 100 } },
]);

function itemOf(code: string, data: string) {
  const report = score(set, [row(code, { data, evidence: EV })]);
  const item = report.items.find((i) => i.code === code)!;
  return { percent: item.percent ?? null, findings: codes(report).filter((c) => c.includes(` ${code} `)) };
}

describe("WB15-11: two figures whose words say which is which make the rate", () => {
  it.each<[string, string, number]>([
    ["1.1", "Kiểm tra 5 xã; chưa kiểm tra 10 xã", 33.3333333333],
    ["1.1", "Đã kiểm tra 8, chưa kiểm tra 17", 32],
    ["1.2", "Bồi dưỡng 45 công chức, chưa bồi dưỡng 5", 90],
    ["1.3", "Dự toán: 1.200 triệu đồng; thực hiện: 1.260 triệu đồng", 105],
    ["1.4", "Tiếp nhận 1.250 hồ sơ, trong đó trực tuyến 500 hồ sơ", 40],
    ["1.5", "Giảm 1,2 điểm phần trăm (chỉ tiêu giảm 1 điểm phần trăm)", 120],
    ["1.5", "Giảm 1,2 điểm % (chỉ tiêu giảm 1 điểm %)", 120],
    ["1.6", "Đạt và vượt 18/20 chỉ tiêu", 90],
  ])("%s %j is %d %", (code, text, percent) => {
    const item = itemOf(code, text);
    expect(item.findings).toEqual([]);
    expect(item.percent).toBeCloseTo(percent, 6);
  });

  it("counts the words do not name are said as unclear, not as missing data", () => {
    const report = score(set, [row("1.2", { data: "Cán bộ, công chức: 20 người; đạt 18 người", evidence: EV })]);
    const finding = report.findings.find((f) => f.criterion === "1.2")!;
    expect(finding.code).toBe("DATA_MISSING");
    expect(finding.message).toContain("không rõ con số nào");
  });

  it("a whole smaller than its part received stays unclear", () => {
    expect(itemOf("1.4", "Tiếp nhận 500 hồ sơ, giải quyết 1.250 hồ sơ").findings[0]).toMatch(/^DATA_MISSING/);
  });
});
