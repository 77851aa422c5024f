/**
 * Round 30 (rt-wb30, WB30-1…4; narrows round 29's f88681e, d85f619, 664dd50 — the last sentence round).
 * Who imposed a sanction is the noun phrase of an authority ("Chủ tịch UBND tỉnh", "Giám đốc Sở Nội vụ",
 * "Ban Thường vụ Huyện ủy"), at most followed by the imposing verb itself ("quyết định", "ký quyết định");
 * any other word — advice, a proposal, a demand, intent, refusal, postponement — ends it, and the sanction
 * after it is not read as imposed (WB30-1). "nếu … (sẽ) bị khiển trách" is a condition with or without
 * "thì"; a "nhưng / mà" or an "đã" between ends its reach (WB30-2). Before a colon, only a heading that
 * introduces the reason for a sanction imposed ("Lý do bị kỷ luật khiển trách:") keeps the case; a label
 * naming a count or category ("Số trường hợp bị xử lý kỷ luật:", "Cán bộ bị kỷ luật:") is stripped
 * (WB30-3). A granting cancels a requested exemption only when what it grants is the exemption (WB30-4).
 */
import { describe, expect, it } from "vitest";
import { codes, EV, row, score, scores, setOf } from "./v2-helpers.ts";
import { adjust } from "./deduction-rows-helpers.ts";

const reprimands = { code: "8.5", title: "Vi phạm bị nhắc nhở (trừ 0,5 điểm mỗi lần, tối đa trừ 2 điểm)", min: -2, max: 0, rule: { kind: "count", each: -0.5 } };
const communeSet = setOf([{ code: "1.1", title: "Kế hoạch", max: 2 }], {}, [{ code: "8", title: "Điểm thưởng, điểm trừ", adjustment: true, children: [reprimands] }]);
const reprimand = (data: string) => score(communeSet, [row("1", { max: 2 }), row("1.1", { max: 2, self: 2, evidence: EV }), row("8", {}), row("8.5", { data })]);
const noneOrAsked = (report: ReturnType<typeof adjust>, code: string, points: number) =>
  points === 0 || codes(report).some((c) => c.startsWith(`DATA_MISSING ${code}`));

describe("WB30: round 29's rules narrowed", () => {
  it.each<string>([
    // WB30-1: advice, proposal, intent, possibility, refusal, postponement, demand, investigation.
    "Chưa kỷ luật 01 trường hợp nhưng Sở Nội vụ tham mưu khiển trách",
    "Chưa kỷ luật 01 trường hợp nhưng Sở Nội vụ trình UBND tỉnh khiển trách",
    "Chưa kỷ luật 01 trường hợp nhưng Chủ tịch UBND tỉnh định khiển trách",
    "Chưa kỷ luật 01 trường hợp nhưng Chủ tịch UBND tỉnh có thể khiển trách",
    "Chưa kỷ luật 01 trường hợp nhưng Chủ tịch UBND tỉnh sắp khiển trách",
    "Chưa kỷ luật 01 trường hợp nhưng Chủ tịch UBND tỉnh từ chối khiển trách",
    "Chưa kỷ luật 01 trường hợp nhưng Chủ tịch UBND tỉnh tạm hoãn khiển trách",
    "Chưa kỷ luật 01 trường hợp nhưng người dân bức xúc đòi khiển trách",
    "Chưa kỷ luật 01 trường hợp nhưng báo chí lên tiếng đòi khiển trách",
    "Chưa kỷ luật 01 trường hợp do bị cơ quan công an điều tra tạm đình chỉ xử lý kỷ luật",
    "Chưa kỷ luật 01 trường hợp, sau đó bị người dân đòi khiển trách",
    "Chưa kỷ luật 01 trường hợp, sau đó bị đưa ra kiểm điểm xét kỷ luật",
    "Chưa kỷ luật 01 trường hợp, sau đó bị đình chỉ công tác tạm hoãn kỷ luật",
    // WB30-2: a condition without "thì".
    "Chưa kỷ luật 01 trường hợp, nếu tái phạm bị kỷ luật khiển trách",
    "Chưa kỷ luật 01 trường hợp, nếu tái phạm bị kỷ luật cảnh cáo",
    "Chưa kỷ luật 01 trường hợp, nếu tái phạm bị Chủ tịch UBND tỉnh khiển trách",
    "Chưa kỷ luật 01 trường hợp, nếu tái phạm sẽ bị Chủ tịch UBND tỉnh khiển trách",
    // WB30-3: a label naming a count or a category.
    "Cán bộ bị kỷ luật: chưa có quyết định kỷ luật đối với 01 trường hợp",
    "Số trường hợp bị xử lý kỷ luật: chưa xử lý kỷ luật 01 trường hợp do đang chờ kết luận",
    "Đã bị kỷ luật khiển trách: chưa kỷ luật 01 trường hợp do đang chờ kết luận",
  ])("%s: 0 or asked, never −1", (data) => {
    const report = adjust("8.4", { data });
    expect(noneOrAsked(report, "8.4", scores(report)["8.4"]!)).toBe(true);
  });

  it.each<[string, number]>([
    // WB30-1 kept: an authority's name, then the sanction or the imposing verb.
    ["Không cách chức 01 trường hợp mà Chủ tịch UBND tỉnh khiển trách", -1],
    ["Không kỷ luật cảnh cáo 01 trường hợp nhưng Giám đốc Sở Nội vụ khiển trách", -1],
    ["Không cách chức 01 trường hợp mà UBND tỉnh quyết định khiển trách", -1],
    ["Chưa kỷ luật 01 trường hợp, sau đó bị Ban Thường vụ Huyện ủy khiển trách", -1],
    ["Chưa kỷ luật 01 trường hợp nhưng Chủ tịch UBND tỉnh đã ký quyết định khiển trách", -1],
    // WB30-2 kept: "nhưng đã" ends a "khi" of the offence.
    ["Chưa kỷ luật 01 trường hợp vi phạm khi thi hành công vụ nhưng sau đó đã bị khiển trách", -1],
    ["Chưa kỷ luật 01 trường hợp vi phạm nếu xét kỹ nhưng đã bị khiển trách", -1],
    // WB30-3 kept: a heading giving the reason for a sanction imposed.
    ["Lý do bị kỷ luật khiển trách: không nhắc nhở cấp dưới 01 trường hợp", -1],
    ["Bị kỷ luật khiển trách với lý do: không nhắc nhở cấp dưới 01 trường hợp", -1],
    // WB30-4: a granting of something else leaves the request a request.
    ["Xin miễn kỷ luật 01 trường hợp, sau đó được đồng ý cho nghỉ hưu", -1],
    ["Xin miễn kỷ luật 01 trường hợp; UBND tỉnh phê duyệt kế hoạch khắc phục", -1],
    ["Cán bộ xin miễn kỷ luật 01 trường hợp để được cho phép đi nước ngoài", -1],
    ["Xin miễn kỷ luật 01 trường hợp nhưng UBND tỉnh bác đơn, đồng ý với kết luận thanh tra", -1],
    ["Xin miễn kỷ luật 01 trường hợp; cán bộ đồng ý tiếp thu kết luận thanh tra", -1],
    ["Xin miễn kỷ luật 01 trường hợp, UBND tỉnh đồng ý xem xét lại", -1],
    ["Xin miễn kỷ luật 01 trường hợp, được chấp thuận cho chuyển công tác", -1],
    ["Xin miễn kỷ luật 01 trường hợp do được cử đi học đã được phê duyệt", -1],
    ["Xin miễn kỷ luật 01 trường hợp, UBND tỉnh đồng ý kỷ luật bằng hình thức khiển trách", -1],
    // WB30-4 kept: the exemption itself granted.
    ["Cán bộ xin miễn kỷ luật 01 trường hợp và đã được miễn", 0],
    ["Xin miễn kỷ luật 01 trường hợp và đã được chấp thuận", 0],
    ["Cán bộ xin miễn kỷ luật 01 trường hợp, UBND tỉnh đồng ý", 0],
    ["Xin miễn kỷ luật 01 trường hợp, UBND tỉnh đồng ý miễn kỷ luật", 0],
  ])("%s: %d", (data, points) => {
    const report = adjust("8.4", { data });
    expect(scores(report)["8.4"]).toBe(points);
    expect(codes(report)).toEqual([]);
  });

  it.each<[string, number]>([
    ["Chưa nhắc nhở 01 lần nhưng Văn phòng HĐND và UBND xã tham mưu nhắc nhở", 0],
    ["Chưa nhắc nhở 01 lần nhưng Chủ tịch UBND huyện định nhắc nhở", 0],
    ["Chưa nhắc nhở 01 lần nhưng người dân bức xúc đòi nhắc nhở", 0],
    ["Số lần bị nhắc nhở: chưa có văn bản nhắc nhở 01 lần", 0],
    ["Xin miễn nhắc nhở 01 lần, được đồng ý cho nghỉ phép", -0.5],
    ["Xin miễn nhắc nhở 01 lần, UBND huyện đồng ý nhắc nhở bằng văn bản", -0.5],
    ["Lý do bị phê bình: chưa nhắc nhở cấp dưới 01 lần", -0.5],
    ["Không phê bình 01 lần mà Chủ tịch UBND huyện nhắc nhở", -0.5],
  ])("reprimands: %s: %d", (data, points) => {
    const report = reprimand(data);
    expect(scores(report)["8.5"]).toBe(points);
    expect(codes(report)).toEqual([]);
  });

  it.each<string>(["Chưa nhắc nhở 01 lần, nếu tái phạm bị nhắc nhở", "Chưa nhắc nhở 01 lần, nếu tái phạm bị Chủ tịch UBND xã nhắc nhở"])(
    "reprimands: %s: 0 or asked",
    (data) => {
      const report = reprimand(data);
      expect(noneOrAsked(report, "8.5", scores(report)["8.5"]!)).toBe(true);
    },
  );
});

describe("WB30-1: an authority's name, then the imposing verb", () => {
  it.each<[string, number]>([
    ["Không kỷ luật cách chức 01 trường hợp nhưng Giám đốc Sở Tư pháp kỷ luật cảnh cáo", -1],
    ["Chưa kỷ luật 01 trường hợp mà Chủ tịch UBND tỉnh đã đồng ý khiển trách", -1],
  ])("%s: %d", (data, points) => {
    const report = adjust("8.4", { data });
    expect(scores(report)["8.4"]).toBe(points);
    expect(codes(report)).toEqual([]);
  });
});
