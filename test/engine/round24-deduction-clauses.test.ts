import { describe, expect, it } from "vitest";
import { codes, scores } from "./v2-helpers.ts";
import { adjust } from "./deduction-rows-helpers.ts";

/**
 * Round 24 (rt-wb24, regressions of round 23's clauses that add up, c6e3dab, and of its
 * "imposed" test, 888c0c4): a first count followed by parts adding up to it, or by a colon or
 * dash list, is a total and its breakdown (WB24-1); a clause with its own count adds a case only
 * when it says the sanction was imposed (WB24-2); a decision issued imposes it (WB24-7); a part
 * carried over from an earlier year comes off the count (WB24-4).
 */

describe("WB24-1: a total and its breakdown are the total", () => {
  it.each<[string, number]>([
    ["02 trường hợp bị kỷ luật; 01 trường hợp khiển trách; 01 trường hợp cảnh cáo", -2],
    ["02 công chức bị kỷ luật: 01 công chức bị khiển trách, 01 công chức bị cảnh cáo", -2],
    ["Có 02 trường hợp bị kỷ luật: 01 trường hợp khiển trách, 01 trường hợp cảnh cáo", -2],
    ["02 trường hợp bị kỷ luật - 01 trường hợp khiển trách, 01 trường hợp cảnh cáo", -2],
    // Parts that do not add up to the first are cases of their own (round 23).
    ["01 trường hợp bị cảnh cáo; 01 trường hợp bị khiển trách", -2],
    ["01 công chức bị khiển trách, 01 viên chức bị cảnh cáo", -2],
    ["01 trường hợp bị cảnh cáo; 01 trường hợp bị khiển trách; 01 trường hợp bị hạ bậc lương", -3],
    // A first count naming a form of its own the others lack is no total of them: 2 + 1 + 1 (min −3).
    ["02 trường hợp bị khiển trách; 01 trường hợp bị cảnh cáo; 01 trường hợp bị hạ bậc lương", -3],
    ["Tổng số 02 trường hợp bị kỷ luật; 01 trường hợp khiển trách; 01 trường hợp cảnh cáo", -2],
    ["02 truong hop bi ky luat; 01 truong hop khien trach; 01 truong hop canh cao", -2],
  ])("%s: %d", (data, points) => {
    const report = adjust("8.4", { data });
    expect(scores(report)["8.4"]).toBe(points);
    expect(codes(report)).toEqual([]);
  });
});

describe("WB24-2: a counted clause saying the case was not disciplined adds no case", () => {
  it.each<[string, number]>([
    ["01 trường hợp bị khiển trách; 01 trường hợp không bị kỷ luật", -1],
    ["01 trường hợp bị cảnh cáo; 01 trường hợp được miễn kỷ luật", -1],
    ["01 trường hợp bị cảnh cáo; 01 trường hợp đang xem xét kỷ luật", -1],
    ["01 trường hợp bị cảnh cáo; 01 trường hợp đã đề nghị xử lý kỷ luật", -1],
    ["01 trường hợp bị cảnh cáo; 01 trường hợp xin thôi việc trước khi xử lý kỷ luật", -1],
    ["01 trường hợp bị khiển trách, 01 trường hợp đã được xóa kỷ luật", -1],
    ["01 trường hợp bị khiển trách; 01 trường hợp đề nghị kỷ luật nhưng không bị kỷ luật", -1],
    ["01 công chức bị cảnh cáo, 01 viên chức được miễn trách nhiệm kỷ luật", -1],
    ["01 trường hợp bị cảnh cáo; 01 trường hợp bị khiển trách; 01 trường hợp được miễn kỷ luật", -2],
    ["01 truong hop bi canh cao; 01 truong hop duoc mien ky luat", -1],
  ])("%s: %d", (data, points) => {
    expect(scores(adjust("8.4", { data }))["8.4"]).toBe(points);
  });
});

describe("WB24-7: a decision of discipline issued is the sanction imposed", () => {
  it.each<[string, number]>([
    ["01 trường hợp vi phạm, đã có quyết định kỷ luật", -1],
    ["01 trường hợp vi phạm, đã ban hành quyết định kỷ luật cảnh cáo", -1],
    ["02 công chức vi phạm, đã có quyết định kỷ luật khiển trách", -2],
  ])("%s: %d", (data, points) => {
    const report = adjust("8.4", { data });
    expect(scores(report)["8.4"]).toBe(points);
    expect(codes(report)).toEqual([]);
  });
});

describe("WB24-4: a late report carried over from an earlier year comes off the count", () => {
  it.each<[string, number]>([
    ["Chậm 02 báo cáo, trong đó 01 báo cáo chậm từ năm 2023 chuyển sang", 1.5],
    ["Chậm 02 báo cáo, trong đó 01 báo cáo của năm 2023 chuyển sang", 1.5],
    ["Chậm 02 báo cáo, trong đó 01 báo cáo năm 2023 chuyển sang", 1.5],
  ])("%s: %d", (data, points) => {
    const report = adjust("1.2", { data });
    expect(scores(report)["1.2"]).toBe(points);
    expect(codes(report)).toEqual([]);
  });
});
