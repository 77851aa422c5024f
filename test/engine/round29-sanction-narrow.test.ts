/**
 * Round 29 (rt-wb29, WB29-1…5; narrows round 28's 9941445): after a denial of the row's sanction, a
 * sanction imposed keeps the case whoever imposed it and whatever the offence's circumstances.
 * A condition governs a sanction only as its outcome ("khi có kết luận thì kỷ luật", "nếu tái phạm
 * thì cảnh cáo"), never a "khi" saying when the offence happened ("vi phạm khi thi hành công vụ nhưng
 * đã bị khiển trách", WB29-1). Who imposed it may be named at any length ("mà Chủ tịch UBND tỉnh khiển
 * trách", "đã bị Chủ tịch UBND huyện nhắc nhở", WB29-2/5) as long as those words hold no negation,
 * plan or request. A heading before a colon is stripped, never a text saying the sanction was imposed
 * ("Lý do bị kỷ luật khiển trách: không nhắc nhở cấp dưới …", WB29-3). An exemption asked for and
 * granted is an exemption ("xin miễn kỷ luật 01 trường hợp và đã được miễn", WB29-4).
 */
import { describe, expect, it } from "vitest";
import { codes, EV, row, score, scores, setOf } from "./v2-helpers.ts";
import { adjust } from "./deduction-rows-helpers.ts";

/** A commune's reprimand row, as demo-commune-2025's 7.2 titles it: −0,5 a reprimand. */
const reprimands = { code: "8.5", title: "Vi phạm bị nhắc nhở (trừ 0,5 điểm mỗi lần, tối đa trừ 2 điểm)", min: -2, max: 0, rule: { kind: "count", each: -0.5 } };
const communeSet = setOf([{ code: "1.1", title: "Kế hoạch", max: 2 }], {}, [{ code: "8", title: "Điểm thưởng, điểm trừ", adjustment: true, children: [reprimands] }]);
const reprimand = (data: string) => score(communeSet, [row("1", { max: 2 }), row("1.1", { max: 2, self: 2, evidence: EV }), row("8", {}), row("8.5", { data })]);

/** 0, or the row asks (DATA_MISSING) — never a silent deduction for a sanction not imposed. */
const noneOrAsked = (report: ReturnType<typeof adjust>, code: string, points: number) =>
  points === 0 || codes(report).some((c) => c.startsWith(`DATA_MISSING ${code}`));

describe("WB29: round 28's rules narrowed", () => {
  it.each<[string, number]>([
    // WB29-1: a "khi" of the offence's circumstances conditions nothing.
    ["Chưa có quyết định kỷ luật đối với 01 trường hợp vi phạm khi tiếp công dân nhưng đã bị khiển trách", -1],
    ["Chưa kỷ luật 01 trường hợp vi phạm khi thi hành công vụ nhưng sau đó đã bị khiển trách", -1],
    ["Không cách chức 01 trường hợp vi phạm khi thi hành công vụ mà đã khiển trách", -1],
    ["Không cách chức 01 trường hợp sai phạm khi thanh tra mà chỉ khiển trách", -1],
    ["Chưa kỷ luật 01 trường hợp vi phạm trong khi làm nhiệm vụ nhưng sau đó đã có quyết định kỷ luật khiển trách", -1],
    ["Khi thi hành công vụ bị kỷ luật khiển trách do không nhắc nhở cấp dưới 01 trường hợp", -1],
    ["Chưa kỷ luật 01 trường hợp, khi có kết luận đã kỷ luật khiển trách", -1],
    // WB29-2: who imposed it, named at any length.
    ["Không cách chức 01 trường hợp mà Chủ tịch UBND tỉnh khiển trách", -1],
    ["Không cách chức 01 trường hợp mà Ban Thường vụ Tỉnh ủy khiển trách", -1],
    ["Không cách chức 01 trường hợp mà UBND tỉnh quyết định khiển trách", -1],
    ["Không kỷ luật cảnh cáo 01 trường hợp nhưng Giám đốc Sở Nội vụ khiển trách", -1],
    ["Tuy chưa có quyết định kỷ luật 01 trường hợp nhưng Thủ trưởng cơ quan kỷ luật khiển trách", -1],
    ["Chưa kỷ luật 01 trường hợp, sau đó đã bị Chủ tịch UBND tỉnh kỷ luật khiển trách", -1],
    // WB29-3: a text before a colon that says the sanction was imposed is no heading.
    ["Lý do bị kỷ luật khiển trách: không nhắc nhở cấp dưới 01 trường hợp", -1],
    ["Bị kỷ luật khiển trách với lý do: không nhắc nhở cấp dưới 01 trường hợp", -1],
    ["Bị kỷ luật khiển trách vì: chưa nhắc nhở cấp dưới 01 trường hợp", -1],
    // WB29-4: an exemption asked for and granted.
    ["Cán bộ xin miễn kỷ luật 01 trường hợp và đã được miễn", 0],
    ["Xin miễn kỷ luật 01 trường hợp và đã được chấp thuận", 0],
    ["Cán bộ xin miễn kỷ luật 01 trường hợp, UBND tỉnh đồng ý", 0],
    // Kept as round 28 had them.
    ["Xử lý kỷ luật: bị khiển trách do không nhắc nhở cấp dưới 01 trường hợp", -1],
    ["Cán bộ xin miễn kỷ luật 01 trường hợp nhưng vẫn bị xử lý kỷ luật khiển trách", -1],
    ["Ghi chú: Không được miễn kỷ luật 01 trường hợp", -1],
    ["Xử lý kỷ luật: chưa có quyết định kỷ luật đối với 01 trường hợp", 0],
    ["Kỷ luật lao động: không xử lý kỷ luật 01 trường hợp", 0],
  ])("%s: %d", (data, points) => {
    const report = adjust("8.4", { data });
    expect(scores(report)["8.4"]).toBe(points);
    expect(codes(report)).toEqual([]);
  });

  it.each<string>([
    // Still a condition's outcome, a plan or a request: not imposed.
    "Chưa xử lý kỷ luật 01 trường hợp, khi có kết luận thì kỷ luật",
    "Chưa xử lý kỷ luật 01 trường hợp, nếu tái phạm thì cảnh cáo",
    "Chưa xử lý kỷ luật 01 trường hợp, nếu tái phạm thì bị cảnh cáo",
    "Chưa xử lý kỷ luật 01 trường hợp, khi có kết luận thì Chủ tịch UBND tỉnh kỷ luật khiển trách",
    "Chưa kỷ luật 01 trường hợp nhưng Giám đốc Sở Nội vụ yêu cầu khiển trách",
    "Chưa kỷ luật 01 trường hợp nhưng Chủ tịch UBND tỉnh chỉ đạo kỷ luật khiển trách",
    "Chưa kỷ luật 01 trường hợp nhưng Hội đồng kỷ luật của Sở muốn khiển trách",
    "Đề nghị miễn kỷ luật 01 trường hợp nhưng không được chấp thuận",
    // Who-words are a subject: a case's kind among them is the offence, not who imposed a sanction.
    "Bị thanh tra phát hiện vi phạm kỷ luật nhưng chưa xử lý kỷ luật 01 trường hợp",
  ])("%s: 0 or asked, never −1", (data) => {
    const report = adjust("8.4", { data });
    expect(noneOrAsked(report, "8.4", scores(report)["8.4"]!)).toBe(true);
  });

  it.each<[string, number]>([
    ["Chưa nhắc nhở 01 lần vi phạm khi thi hành công vụ nhưng sau đó đã bị nhắc nhở", -0.5],
    ["Không phê bình 01 lần mà Chủ tịch UBND huyện nhắc nhở", -0.5],
    ["Không phê bình 01 lần vi phạm khi tiếp công dân mà chỉ nhắc nhở", -0.5],
    ["Lý do bị phê bình: chưa nhắc nhở cấp dưới 01 lần", -0.5],
    ["Xin miễn nhắc nhở 01 lần và đã được đồng ý", 0],
    ["Chưa có văn bản nhắc nhở 01 lần, sau đó đã bị Chủ tịch UBND huyện nhắc nhở", -0.5],
  ])("reprimands: %s: %d", (data, points) => {
    const report = reprimand(data);
    expect(scores(report)["8.5"]).toBe(points);
    expect(codes(report)).toEqual([]);
  });
});
