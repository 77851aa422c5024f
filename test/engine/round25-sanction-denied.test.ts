/**
 * Round 25 (rt-wb25, WB25-7): a sanction denied or still awaited before the count — "Chưa có /
 * Chưa ban hành / Đang chờ quyết định kỷ luật đối với 01 trường hợp" — makes no case of it, as
 * the same words after the count already did ("01 trường hợp vi phạm, chưa có quyết định kỷ luật").
 */
import { describe, expect, it } from "vitest";
import { codes, scores } from "./v2-helpers.ts";
import { adjust } from "./deduction-rows-helpers.ts";

describe("WB25-7: a negation or pending word before the sanction makes no case", () => {
  it.each<[string, number]>([
    ["Chưa có quyết định kỷ luật đối với 01 trường hợp vi phạm", 0],
    ["Chưa ban hành quyết định kỷ luật đối với 01 trường hợp", 0],
    ["Đang chờ quyết định kỷ luật đối với 01 trường hợp", 0],
    ["Chưa có quyết định kỷ luật 01 trường hợp", 0],
    ["Đang xem xét kỷ luật 02 trường hợp", 0],
    // Imposed, or the negation after the count of another clause: still cases.
    ["Đã có quyết định kỷ luật đối với 01 trường hợp", -1],
    ["01 trường hợp bị khiển trách; chưa có quyết định kỷ luật đối với 01 trường hợp", -1],
    ["01 trường hợp bị cảnh cáo, không có trường hợp vi phạm khác", -1],
  ])("%s: %d", (data, points) => {
    const report = adjust("8.4", { data });
    expect(scores(report)["8.4"]).toBe(points);
    expect(codes(report)).toEqual([]);
  });
});
