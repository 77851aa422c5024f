import { describe, expect, it } from "vitest";
import { codes, EV, row, score, setOf } from "./v2-helpers.ts";

/**
 * The fifteenth red-team round on declared data (WB15-3, 5, 6, 7). Round 14 read "chưa đạt
 * <plan>: X%" as the result that fell short but not "chưa hoàn thành <plan>: X%"; added an
 * excess on a share to the plan's level only with the words in one order; let the first figure
 * win over the one the item's own words name; and took a proposal, a total available or a
 * figure beside "không để xảy ra" for a department's count.
 */

const bands = (...b: [number, number][]) => ({ kind: "ratio", bands: b.map(([min, points]) => ({ min, points })) });
const set = setOf([
  { code: "1.2", title: "Tỷ lệ cán bộ, công chức cấp xã đạt chuẩn theo quy định", max: 3, rule: bands([100, 3], [90, 2], [80, 1], [0, 0]) },
  { code: "1.3", title: "Tỷ lệ thực hiện dự toán thu ngân sách nhà nước", max: 3, rule: bands([100, 3], [90, 2], [80, 1], [0, 0]) },
  { code: "1.4", title: "Tỷ lệ giải ngân kế hoạch vốn đầu tư công được giao", max: 2, rule: bands([95, 2], [80, 1], [60, 0.5], [0, 0]) },
  { code: "1.5", title: "Tỷ lệ thanh toán trực tuyến trong giải quyết TTHC", max: 4, rule: { kind: "ratio", proportional: true, target: 45 } },
  { code: "1.6", title: "Tỷ lệ hồ sơ được số hóa kết quả giải quyết TTHC", max: 2, rule: bands([80, 2], [50, 1], [0, 0]) },
  { code: "1.11", title: "Phần mềm dùng chung được triển khai (mỗi phần mềm 1 điểm, tối đa 4 điểm)", max: 4, rule: { kind: "count", each: 1 } },
  { code: "1.12", title: "Sáng kiến CCHC được công nhận (mỗi sáng kiến cộng 1 điểm, tối đa 2 điểm)", max: 2, rule: { kind: "count", each: 1 } },
  { code: "1.13", title: "Trừ 1 điểm mỗi trường hợp bị xử lý kỷ luật", max: 0, min: -3, rule: { kind: "count", each: -1 } },
]);

function itemOf(code: string, data: string) {
  const report = score(set, [row(code, { data, evidence: EV })]);
  const item = report.items.find((i) => i.code === code)!;
  return { percent: item.percent ?? null, count: item.count ?? null, score: item.score, findings: codes(report).filter((c) => c.includes(` ${code} `)) };
}

describe("WB15-5: any done-word negated before the plan and a colon states the result that fell short", () => {
  it.each<[string, string, number]>([
    ["1.3", "Chưa hoàn thành dự toán: 95%", 95],
    ["1.4", "Chưa hoàn thành kế hoạch giải ngân: 85%", 85],
    ["1.4", "Không hoàn thành kế hoạch vốn được giao: giải ngân 85%", 85],
    ["1.3", "Chưa thực hiện đạt dự toán huyện giao: 92%", 92],
  ])("%s %j is %d %", (code, text, percent) => {
    expect(itemOf(code, text)).toMatchObject({ percent, findings: [] });
  });

  it("the part not done is still the rest", () => {
    expect(itemOf("1.3", "Chưa hoàn thành 5% dự toán")).toMatchObject({ percent: 95 });
  });
});

describe("WB15-6: an excess on a share adds to the plan's level in either order", () => {
  it.each<[string, string, number]>([
    ["1.2", "Vượt 5% so với chỉ tiêu huyện giao (85%)", 90],
    ["1.2", "Vượt chỉ tiêu huyện giao (85%) 5%", 90],
    ["1.2", "Vượt 5% so với chỉ tiêu 90%", 95],
    ["1.2", "Vượt chỉ tiêu 5% (chỉ tiêu huyện giao 85%)", 90],
    ["1.3", "Vượt 5% so với dự toán", 105],
  ])("%s %j is %d %", (code, text, percent) => {
    expect(itemOf(code, text)).toMatchObject({ percent, findings: [] });
  });
});

describe("WB15-7: the figure the item's own words name wins over one of another measure", () => {
  it.each<[string, string, number]>([
    ["1.5", "Không thu phí 20% hồ sơ; thanh toán trực tuyến 30%", 30],
    ["1.5", "Miễn phí 20% hồ sơ; thanh toán trực tuyến 30%", 30],
    ["1.6", "Tiếp nhận trực tuyến 40% hồ sơ; số hóa kết quả 60%", 60],
    ["1.5", "Không để tồn đọng hồ sơ; thanh toán trực tuyến 40%", 40],
    ["1.6", "Số hóa 60%; 10% hồ sơ không số hóa do không có kết quả điện tử", 60],
  ])("%s %j is %d %", (code, text, percent) => {
    expect(itemOf(code, text)).toMatchObject({ percent, findings: [] });
  });
});

describe("WB15-3: a department's count is what its own words count", () => {
  it.each<[string, string, number]>([
    ["1.12", "Có 03 sáng kiến, được công nhận 01", 1],
    ["1.12", "Hoàn thành 02 sáng kiến, được công nhận 01", 1],
    ["1.11", "Có 04 phần mềm dùng chung, đã triển khai 03", 3],
    ["1.11", "Không triển khai được 01 phần mềm, còn lại 03 phần mềm đã triển khai", 3],
    ["1.11", "Đề xuất triển khai thêm 01 phần mềm; đã triển khai 03", 3],
    ["1.13", "Không để xảy ra vi phạm kỷ luật; 45 công chức được đánh giá hoàn thành tốt nhiệm vụ", 0],
    ["1.13", "Hoàn thành kiểm điểm 45 công chức; kỷ luật 01 trường hợp", 1],
  ])("%s %j counts %d", (code, text, count) => {
    expect(itemOf(code, text)).toMatchObject({ count, findings: [] });
  });

  it.each<[string, string]>([
    ["1.12", "Đề nghị công nhận 02 sáng kiến"],
    ["1.12", "02 sáng kiến đang chờ Hội đồng sáng kiến tỉnh công nhận"],
  ])("%s %j: a proposal is no initiative recognised", (code, text) => {
    const item = itemOf(code, text);
    expect(item.score).toBe(0);
    expect(item.count === 0 || item.findings.some((f) => f.startsWith("DATA_MISSING"))).toBe(true);
  });
});
