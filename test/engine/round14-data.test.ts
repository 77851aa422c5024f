import { describe, expect, it } from "vitest";
import { codes, EV, row, score, setOf } from "./v2-helpers.ts";

/**
 * The fourteenth red-team round on declared data (WB14-2 … 6, 8, 12). Round 13 turned a
 * figure of what was not done, short of or beyond the plan into the rate; it then also turned
 * round "Chưa đạt dự toán: 95%" (the result that fell short), added "vượt 5%" on a share to 100
 * when the plan's own level was written, missed the not-done verbs it did not list, and refused
 * as no rate a change the criterion's own title asks for.
 */

const bands = (...b: [number, number][]) => ({ kind: "ratio", bands: b.map(([min, points]) => ({ min, points })) });
const set = setOf([
  { code: "1.1", title: "Tỷ lệ hoàn thành nhiệm vụ trong kế hoạch CCHC năm", max: 3, rule: bands([100, 3], [80, 2], [50, 1], [0, 0]) },
  { code: "1.2", title: "Tỷ lệ cán bộ, công chức cấp xã đạt chuẩn theo quy định", max: 3, rule: bands([100, 3], [90, 2], [80, 1], [0, 0]) },
  { code: "1.3", title: "Tỷ lệ thực hiện dự toán thu ngân sách nhà nước", max: 3, rule: bands([100, 3], [90, 2], [80, 1], [0, 0]) },
  { code: "1.4", title: "Tỷ lệ giải ngân kế hoạch vốn đầu tư công được giao", max: 2, rule: bands([95, 2], [80, 1], [60, 0.5], [0, 0]) },
  { code: "1.5", title: "Tỷ lệ đơn vị cấp xã được kiểm tra CCHC trong năm", max: 1.5, rule: bands([30, 1.5], [20, 0.75], [0, 0]) },
  { code: "1.6", title: "Tỷ lệ công chức được bồi dưỡng theo kế hoạch", max: 4, rule: bands([90, 4], [70, 2], [0, 0]) },
  { code: "1.14", title: "Tỷ lệ thủ tục hành chính được cung cấp dịch vụ công trực tuyến toàn trình", max: 2, rule: bands([80, 2], [50, 1], [0, 0]) },
  { code: "1.7", title: "Tỷ lệ giảm đơn vị sự nghiệp công lập so với năm 2021", max: 1, rule: bands([10, 1], [5, 0.5], [0, 0]) },
  { code: "1.8", title: "Tỷ lệ tinh giản biên chế so với năm 2021", max: 1, rule: bands([5, 1], [3, 0.5], [0, 0]) },
  { code: "1.9", title: "Tỷ lệ thực hiện chỉ tiêu tăng trưởng tổng sản phẩm trên địa bàn (GRDP)", max: 2, rule: bands([100, 2], [90, 1], [0, 0]) },
  { code: "1.10", title: "Tỷ lệ hoàn thành chỉ tiêu giảm tỷ lệ hộ nghèo đa chiều", max: 2, rule: bands([100, 2], [80, 1], [0, 0]) },
  { code: "1.11", title: "Phần mềm dùng chung được triển khai (mỗi phần mềm 1 điểm, tối đa 4 điểm)", max: 4, rule: { kind: "count", each: 1 } },
  { code: "1.12", title: "Sáng kiến CCHC được công nhận (mỗi sáng kiến cộng 1 điểm, tối đa 2 điểm)", max: 2, rule: { kind: "count", each: 1 } },
  { code: "1.13", title: "Báo cáo CCHC định kỳ đúng thời hạn (trừ 0,5 điểm mỗi báo cáo chậm)", max: 2, rule: { kind: "count", each: -0.5, base: 2 } },
]);

function itemOf(code: string, data: string) {
  const report = score(set, [row(code, { data, evidence: EV })]);
  const item = report.items.find((i) => i.code === code)!;
  return { percent: item.percent ?? null, score: item.score, findings: codes(report).filter((c) => c.includes(` ${code} `)) };
}

describe("WB14-2: 'chưa đạt <plan>' before a result figure states the result that fell short", () => {
  it.each<[string, string, number, number]>([
    ["1.3", "Chưa đạt dự toán: 95%", 95, 2],
    ["1.3", "Không đạt dự toán: 92%", 92, 2],
    ["1.4", "Chưa đạt kế hoạch: giải ngân 85%", 85, 1],
    ["1.3", "Chưa đạt chỉ tiêu được giao: thu đạt 95%", 95, 2],
  ])("%s %j is %d %", (code, text, percent, points) => {
    expect(itemOf(code, text)).toEqual({ percent, score: points, findings: [] });
  });
});

describe("WB14-3: 'vượt X%' on a share whose plan level is written adds X points to that level", () => {
  it.each<[string, string, number]>([
    ["1.2", "Vượt chỉ tiêu 5% (chỉ tiêu huyện giao 85%)", 90],
    ["1.2", "Chỉ tiêu huyện giao 85%, vượt chỉ tiêu 5%", 90],
    ["1.3", "Vượt 5% dự toán", 105],
  ])("%s %j is %d %", (code, text, percent) => {
    expect(itemOf(code, text)).toMatchObject({ percent, findings: [] });
  });
});

describe("WB14-4: any done-word negated is the part not done", () => {
  it.each<[string, string, number]>([
    ["1.5", "Chưa kiểm tra 12/15 xã", 20],
    ["1.6", "Còn 5/50 công chức chưa được bồi dưỡng", 90],
    ["1.6", "Chưa bồi dưỡng 5/50 công chức", 90],
    ["1.6", "Còn 3/30 công chức chưa được đào tạo, bồi dưỡng", 90],
    ["1.6", "Chưa tập huấn 5/50 công chức", 90],
    ["1.4", "Còn 4% kế hoạch vốn chưa giải ngân", 96],
    ["1.1", "Còn tồn 2/28 nhiệm vụ", 92.8571428571],
    ["1.1", "Còn tồn đọng 2/28 nhiệm vụ", 92.8571428571],
    ["1.1", "Chưa công khai 2/28 nhiệm vụ", 92.8571428571],
    ["1.1", "Chưa cập nhật 2/28 nhiệm vụ", 92.8571428571],
    ["1.1", "Kiểm tra 26/28, còn 2 chưa kiểm tra", 92.8571428571],
    // The item's own done-word, negated, whichever verb it is ("được cung cấp …": "chưa cung cấp").
    ["1.14", "Chưa cung cấp 12/100 thủ tục", 88],
    ["1.14", "Còn 12/100 thủ tục chưa được cung cấp trực tuyến toàn trình", 88],
    // "Không thu phí": a fee waived, no work left undone.
    ["1.2", "Không thu phí 100% hồ sơ", 100],
  ])("%s %j is %d %", (code, text, percent) => {
    expect(itemOf(code, text)).toMatchObject({ percent, findings: [] });
  });
});

describe("WB14-5: a count takes what was done, not what was left undone or only proposed", () => {
  it.each<[string, string, number]>([
    ["1.11", "Chưa triển khai 01 phần mềm (tỉnh chưa cấp tài khoản); đã triển khai 03 phần mềm", 3],
    ["1.11", "Đã triển khai 03 phần mềm, chưa triển khai 01 phần mềm", 3],
    ["1.12", "Đề xuất 02 sáng kiến, 01 sáng kiến chưa được công nhận", 1],
    ["1.12", "Đăng ký 03 sáng kiến, được công nhận 02", 2],
  ])("%s %j counts %d", (code, text, points) => {
    expect(itemOf(code, text)).toMatchObject({ score: points, findings: [] });
  });

  it("only proposed: DATA_MISSING, never a guess", () => {
    expect(itemOf("1.12", "Đề xuất 02 sáng kiến").findings).toEqual(["DATA_MISSING 1.12 Biểu!D2"]);
  });
});

describe("WB14-6: a province target of change is read by the item's own rule", () => {
  it.each<[string, string, number, number]>([
    ["1.10", "Giảm 1,2% tỷ lệ hộ nghèo (chỉ tiêu giảm 1%)", 120, 2],
    ["1.9", "GRDP tăng 7,5%, vượt kế hoạch (7%)", 107.1428571429, 2],
    ["1.9", "Tăng trưởng GRDP đạt 6,3%, chỉ tiêu 7%", 90, 1],
    ["1.9", "Đạt 107% chỉ tiêu", 107, 2],
  ])("%s %j is %d %", (code, text, percent, points) => {
    expect(itemOf(code, text)).toEqual({ percent, score: points, findings: [] });
  });

  it("the plan's figure alone is never the result", () => {
    expect(itemOf("1.9", "Kế hoạch tăng 7%").findings).toEqual(["DATA_MISSING 1.9 Biểu!D2"]);
  });
});

describe("WB14-8: readings round 13 lost are back", () => {
  it.each<[string, string, number]>([
    ["1.7", "Giảm 12% so với năm 2021", 12],
    ["1.7", "Giảm 12%", 12],
    ["1.8", "Giảm 6% biên chế so với năm 2021", 6],
    ["1.8", "Giảm 6,2% so với năm 2021", 6.2],
    ["1.1", "Hoàn thành vượt tiến độ 9/10 nhiệm vụ", 90],
    ["1.3", "Vượt 12,5% KH", 112.5],
    ["1.3", "Vượt dự toán huyện giao 5%", 105],
  ])("%s %j is %d %", (code, text, percent) => {
    expect(itemOf(code, text)).toMatchObject({ percent, findings: [] });
  });

  it("a change against last year stays no rate where the item does not ask for one", () => {
    expect(itemOf("1.3", "Giảm 3% so với năm 2023").findings).toEqual(["DATA_MISSING 1.3 Biểu!D2"]);
  });
});

describe("WB14-12: 'Chưa có báo cáo nào bị chậm' is none", () => {
  it("on a count item", () => {
    expect(itemOf("1.13", "Chưa có báo cáo nào bị chậm")).toMatchObject({ score: 2, findings: [] });
  });
});

describe("WB14-3: an excess on a share with no level written is said, never 100 % plus it", () => {
  it.each<[string, string]>([
    ["1.2", "Vượt chỉ tiêu 5%"],
    ["1.2", "Vượt kế hoạch 5%"],
  ])("%s %j", (code, text) => {
    expect(itemOf(code, text).findings).toEqual([`DATA_MISSING ${code} Biểu!D2`]);
  });

  it("'Chưa đạt yêu cầu: 85%' is the result that fell short", () => {
    expect(itemOf("1.4", "Chưa đạt yêu cầu: 85%")).toEqual({ percent: 85, score: 1, findings: [] });
  });
});
