import { describe, expect, it } from "vitest";
import { codes, scores } from "./v2-helpers.ts";
import { adjust } from "./deduction-rows-helpers.ts";

/**
 * Round 23 (rt-wb23, regressions of round 21's "the fate of those cases", cc08186): a clause with
 * no count after a counted one is that case's fate only when it says the sanction was imposed
 * ("đã xử lý kỷ luật", "bị kỷ luật năm 2024"). A sanction only proposed, under consideration,
 * planned, exempted or pre-empted (WB23-4), and a clause saying none of another year was late
 * (WB23-1), are no fate of the cases counted.
 */

describe("WB23-4: a discipline not imposed is no case's fate", () => {
  it.each<string>([
    "01 trường hợp vi phạm, đang xem xét xử lý kỷ luật",
    "01 trường hợp vi phạm, đang xem xét xử lý kỷ luật năm 2024",
    "01 trường hợp vi phạm, đang đề nghị xử lý kỷ luật",
    "01 trường hợp vi phạm, đã đề nghị xử lý kỷ luật",
    "01 trường hợp vi phạm, dự kiến xử lý kỷ luật năm 2025",
    "01 trường hợp vi phạm, được miễn kỷ luật",
    "01 trường hợp vi phạm, xin thôi việc trước khi xử lý kỷ luật",
  ])("%s: no point taken off", (data) => {
    expect(scores(adjust("8.4", { data }))["8.4"]).toBe(0);
  });

  it.each<[string, number]>([
    // Imposed: still the fate of the case counted (round 21).
    ["01 trường hợp vi phạm, đã xử lý kỷ luật năm 2024", -1],
    ["01 trường hợp vi phạm năm 2023, bị kỷ luật năm 2024", -1],
    ["02 công chức vi phạm, đã bị kỷ luật khiển trách", -2],
    ["01 trường hợp vi phạm, đã thi hành kỷ luật năm 2024", -1],
  ])("%s: %d", (data, points) => {
    const report = adjust("8.4", { data });
    expect(scores(report)["8.4"]).toBe(points);
    expect(codes(report)).toEqual([]);
  });
});

describe("WB23-1: 'none of 2023's was late' leaves this year's late report", () => {
  it.each<[string, number]>([
    ["Chậm 01 báo cáo, không có báo cáo nào của năm 2023 bị chậm", 1.5],
    ["Gửi đủ 04 báo cáo, chậm 01 báo cáo, không có báo cáo nào của năm 2023 bị chậm", 1.5],
    ["Chậm 01 báo cáo, không có báo cáo chậm năm 2023", 1.5],
  ])("%s: %d", (data, points) => {
    const report = adjust("1.2", { data });
    expect(scores(report)["1.2"]).toBe(points);
    expect(codes(report)).toEqual([]);
  });
});

describe("WB23-5: 'trong (số) đó N … năm 2023' takes N off the count before it, however written", () => {
  it.each<[string, number]>([
    ["02 trường hợp bị kỷ luật, trong số đó 01 trường hợp kỷ luật năm 2023", -1],
    ["02 trường hợp bị kỷ luật, trong đó 01 trường hợp năm 2023", -1],
    ["02 trường hợp bị kỷ luật, trong số đó 01 trường hợp năm 2023", -1],
    ["03 trường hợp bị kỷ luật, trong đó 01 trường hợp năm 2022, 01 trường hợp năm 2023", -1],
    ["03 trường hợp bị kỷ luật, trong đó 01 năm 2023 và 01 năm 2022", -1],
    // A part of this year's stays this year's.
    ["02 trường hợp bị kỷ luật, trong đó 01 trường hợp năm 2024", -2],
  ])("%s: %d", (data, points) => {
    const report = adjust("8.4", { data });
    expect(scores(report)["8.4"]).toBe(points);
    expect(codes(report)).toEqual([]);
  });

  it.each<[string, number]>([
    ["Chậm 02 báo cáo, trong đó 01 báo cáo năm 2023", 1.5],
    ["Chậm 02 báo cáo, trong đó 01 báo cáo năm 2022, 01 báo cáo năm 2023", 2],
  ])("%s: %d", (data, points) => {
    const report = adjust("1.2", { data });
    expect(scores(report)["1.2"]).toBe(points);
    expect(codes(report)).toEqual([]);
  });
});

describe("WB23-5: a year of something else told of the part is not the case's", () => {
  it("'02 công chức bị kỷ luật, trong đó 01 công chức nghỉ hưu năm 2023' is −2", () => {
    const report = adjust("8.4", { data: "02 công chức bị kỷ luật, trong đó 01 công chức nghỉ hưu năm 2023" });
    expect(scores(report)["8.4"]).toBe(-2);
  });
});

describe("WB23-6: two clauses, each with its own count of another case, add up", () => {
  it.each<[string, number]>([
    ["01 trường hợp bị kỷ luật cảnh cáo năm 2024; 01 trường hợp bị kỷ luật khiển trách năm 2024", -2],
    ["01 trường hợp bị cảnh cáo năm 2024; 01 trường hợp bị khiển trách năm 2024", -2],
    ["01 trường hợp bị cảnh cáo; 01 trường hợp bị khiển trách", -2],
    ["01 công chức bị khiển trách, 01 viên chức bị cảnh cáo", -2],
    // Unchanged: one of them last year's, or of another kind.
    ["01 trường hợp bị cảnh cáo năm 2024; 01 trường hợp bị khiển trách năm 2023", -1],
    ["01 trường hợp bị kỷ luật cảnh cáo, 01 trường hợp bị nhắc nhở", -1],
  ])("%s: %d", (data, points) => {
    const report = adjust("8.4", { data });
    expect(scores(report)["8.4"]).toBe(points);
    expect(codes(report)).toEqual([]);
  });
});
