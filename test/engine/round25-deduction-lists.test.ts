/**
 * Round 25 (rt-wb25, a regression of round 24's colon-list rule, 0ad6367): a count of violations
 * opening a colon or dash list is no count of sanctions — the list's imposed sanctions are (WB25-1).
 */
import { describe, expect, it } from "vitest";
import { codes, scores } from "./v2-helpers.ts";
import { adjust } from "./deduction-rows-helpers.ts";

describe("WB25-1: a count of violations opening a list: only the list's imposed sanctions count", () => {
  it.each<[string, number]>([
    ["03 trường hợp vi phạm: 01 trường hợp bị khiển trách, 02 trường hợp được miễn kỷ luật", -1],
    ["03 trường hợp vi phạm: 01 trường hợp bị khiển trách, 02 trường hợp không bị kỷ luật", -1],
    ["03 trường hợp vi phạm: 01 trường hợp bị khiển trách, 02 trường hợp đang xem xét kỷ luật", -1],
    ["05 trường hợp vi phạm: 01 trường hợp bị khiển trách, 04 trường hợp được miễn kỷ luật", -1],
    ["03 trường hợp vi phạm: 01 trường hợp bị khiển trách, 02 trường hợp chưa xử lý kỷ luật", -1],
    ["03 trường hợp vi phạm - 01 trường hợp bị khiển trách, 02 trường hợp được miễn kỷ luật", -1],
    ["03 trường hợp vi phạm: 01 trường hợp bị khiển trách, 01 trường hợp bị cảnh cáo, 01 trường hợp được miễn kỷ luật", -2],
    // A count of sanctions opening the list is still their total (WB24-1).
    ["02 công chức bị kỷ luật: 01 công chức bị khiển trách, 01 công chức bị cảnh cáo", -2],
  ])("%s: %d", (data, points) => {
    const report = adjust("8.4", { data });
    expect(scores(report)["8.4"]).toBe(points);
    expect(codes(report)).toEqual([]);
  });
});
