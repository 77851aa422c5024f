/**
 * Round 28 (rt-wb28, WB28-1…4; narrows round 27's 34e0318 / 725614a): after a denial of the row's
 * sanction, only a sanction IMPOSED keeps the case — "bị / đã + sanction", a decision OF the sanction
 * issued ("thì có quyết định kỷ luật khiển trách"), or the sanction as the predicate of what was done
 * ("mà chỉ khiển trách", "nhưng chính quyền kỷ luật khiển trách"). The sanction's word as a noun
 * ("thời hiệu / Hội đồng / hồ sơ kỷ luật"), something still to come ("sẽ", "trước khi", "đề nghị",
 * "dự kiến"), a decision about something else ("quyết định nghỉ hưu"), a sanction of another kind or a
 * label before the denial ("Xử lý kỷ luật: …") impose none; a refused or requested exemption
 * ("Không được miễn kỷ luật", "xin miễn kỷ luật nhưng vẫn bị xử lý") is no exemption.
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

describe("WB28: after a denial only a sanction imposed keeps the case", () => {
  it.each<[string, number]>([
    // WB28-1: the sanction's word as a noun, or still to come.
    ["Chưa có quyết định kỷ luật đối với 01 trường hợp do chưa thống nhất hình thức kỷ luật", 0],
    ["Không xử lý kỷ luật 01 trường hợp do đã hết thời hiệu xử lý kỷ luật", 0],
    ["Khong xu ly ky luat 01 truong hop do da het thoi hieu xu ly ky luat", 0],
    ["Không xử lý kỷ luật 01 trường hợp do hết thời hiệu kỷ luật", 0],
    ["Chưa có quyết định kỷ luật đối với 01 trường hợp do Hội đồng kỷ luật chưa họp", 0],
    ["Chưa xử lý kỷ luật 01 trường hợp vì đang hoàn thiện hồ sơ kỷ luật", 0],
    ["Chưa kỷ luật 01 trường hợp nhưng sẽ kỷ luật sau khi có kết luận", 0],
    ["Không xử lý kỷ luật 01 trường hợp vì không thuộc diện kỷ luật", 0],
    ["Chưa ban hành quyết định kỷ luật 01 trường hợp nhưng đã thống nhất hình thức khiển trách", 0],
    ["Chưa kỷ luật 01 trường hợp vì cần xác minh thêm trước khi kỷ luật", 0],
    ["Đang chờ quyết định kỷ luật 01 trường hợp do Chủ tịch UBND tỉnh có thẩm quyền kỷ luật", 0],
    ["Không xử lý kỷ luật 01 trường hợp theo Nghị định 112/2020/NĐ-CP về xử lý kỷ luật cán bộ", 0],
    // WB28-2: a decision about something else, or one planned.
    ["Chưa xử lý kỷ luật 01 trường hợp do cán bộ đã có quyết định nghỉ hưu", 0],
    ["Chưa có quyết định kỷ luật đối với 01 trường hợp do cán bộ đã có quyết định nghỉ việc", 0],
    ["Chưa có quyết định kỷ luật đối với 01 trường hợp, UBND tỉnh đã ban hành quyết định thanh tra", 0],
    ["Đang chờ quyết định kỷ luật đối với 01 trường hợp, đã có quyết định tạm đình chỉ công tác", 0],
    ["Chưa có quyết định kỷ luật đối với 01 trường hợp, mới có quyết định đình chỉ công tác", 0],
    ["Chưa kỷ luật 01 trường hợp, sau đó ra quyết định điều động", 0],
    ["Đang xem xét kỷ luật 01 trường hợp, dự kiến ban hành quyết định trong quý I", 0],
    ["Đang xem xét kỷ luật 01 trường hợp, sẽ ra quyết định sau khi có kết luận", 0],
    ["Không xem xét kỷ luật 01 trường hợp do đã có quyết định chuyển công tác", 0],
    // WB28-3: another kind imposed before the denial, or a label heading the cell.
    ["Cán bộ đã bị nhắc nhở nhưng chưa bị kỷ luật 01 trường hợp", 0],
    ["Bị phê bình nhưng chưa có quyết định kỷ luật đối với 01 trường hợp", 0],
    ["Đã nhắc nhở nhưng chưa xử lý kỷ luật 01 trường hợp", 0],
    ["Nhắc nhở nhưng chưa kỷ luật 01 trường hợp", 0],
    ["Đã phê bình, nhắc nhở nhưng chưa xử lý kỷ luật 01 trường hợp", 0],
    ["Xử lý kỷ luật: chưa có quyết định kỷ luật đối với 01 trường hợp", 0],
    ["Kỷ luật cán bộ: đang chờ quyết định kỷ luật đối với 01 trường hợp", 0],
    ["Kỷ luật lao động: không xử lý kỷ luật 01 trường hợp", 0],
    // WB28-4: an exemption refused or only asked for is no exemption.
    ["Không được miễn kỷ luật 01 trường hợp", -1],
    ["Không miễn kỷ luật 01 trường hợp", -1],
    ["Không được miễn trách nhiệm kỷ luật 01 trường hợp", -1],
    ["Cán bộ xin miễn kỷ luật nhưng vẫn bị xử lý 01 trường hợp", -1],
    // Still imposed (WB26 / WB27): after the denial, the sanction imposed in any voice or a decision of it issued.
    ["Chưa xử lý kỷ luật 01 trường hợp, sau đó đã ban hành quyết định kỷ luật khiển trách", -1],
    ["Đang chờ quyết định kỷ luật thì có quyết định kỷ luật khiển trách 01 trường hợp", -1],
    ["Không cách chức mà chỉ khiển trách 01 trường hợp", -1],
    ["Tuy chưa có quyết định kỷ luật của Đảng nhưng chính quyền kỷ luật khiển trách 01 trường hợp", -1],
    ["Bị kỷ luật khiển trách do không nhắc nhở cấp dưới 01 trường hợp", -1],
    ["Được miễn kỷ luật cảnh cáo nhưng vẫn khiển trách 01 trường hợp", -1],
    ["Được miễn kỷ luật 01 trường hợp", 0],
    ["Chưa bị kỷ luật trước đây nên hình thức khiển trách được áp dụng cho 01 trường hợp", -1],
    ["Không cách chức 01 trường hợp mà chỉ cảnh cáo", -1],
    ["Chưa có quyết định kỷ luật 01 trường hợp nhưng chưa thống nhất khiển trách hay cảnh cáo", 0],
    ["Đang chờ quyết định kỷ luật 01 trường hợp nên chưa khiển trách", 0],
    ["Chưa xử lý kỷ luật 01 trường hợp do hội đồng đề xuất hình thức cảnh cáo", 0],
  ])("%s: %d", (data, points) => {
    const report = adjust("8.4", { data });
    expect(scores(report)["8.4"]).toBe(points);
    expect(codes(report)).toEqual([]);
  });

  it.each<string>([
    // A count-less clause after the count that names the sanction only as still to come, or as a noun, or as history: 0 or asked.
    "Đang chờ quyết định kỷ luật đối với 01 trường hợp, đang hoàn thiện hồ sơ kỷ luật",
    "Chưa kỷ luật 01 trường hợp, dự kiến sẽ kỷ luật trong quý I",
    "Chưa xử lý kỷ luật 01 trường hợp, đề nghị Sở Nội vụ kỷ luật",
    "Chưa xử lý kỷ luật 01 trường hợp, đã báo cáo UBND tỉnh để kỷ luật theo thẩm quyền",
    "Chưa có quyết định kỷ luật đối với 01 trường hợp, đang thực hiện quy trình xử lý kỷ luật",
    "Chưa xử lý kỷ luật 01 trường hợp, trước đây cán bộ này đã từng bị khiển trách",
    "Chưa kỷ luật 01 trường hợp, đã có quyết định thành lập Hội đồng kỷ luật",
    "Chưa có quyết định kỷ luật đối với 01 trường hợp, Hội đồng kỷ luật đã họp và kiến nghị hình thức khiển trách",
    "Chưa kỷ luật 01 trường hợp, cần xác minh trước khi kỷ luật",
    "Chưa xử lý kỷ luật 01 trường hợp, khi có kết luận thì kỷ luật",
    "Chưa xử lý kỷ luật 01 trường hợp, nếu tái phạm sẽ kỷ luật cảnh cáo",
    "Chưa xử lý kỷ luật 01 trường hợp, Hội đồng kỷ luật kiến nghị khiển trách",
  ])("%s: 0 or asked, never −1", (data) => {
    const report = adjust("8.4", { data });
    expect(noneOrAsked(report, "8.4", scores(report)["8.4"]!)).toBe(true);
  });

  it.each<[string, number]>([
    ["Chưa có văn bản nhắc nhở 01 lần do đang chờ ý kiến về việc nhắc nhở", 0],
    ["Chưa nhắc nhở 01 lần vì cần xác minh trước khi nhắc nhở", 0],
    ["Không nhắc nhở 01 lần do đã có quyết định điều chuyển cán bộ", 0],
    ["Đã bị kỷ luật nên không nhắc nhở 01 lần", 0],
    ["Nhắc nhở: chưa có văn bản nhắc nhở 01 lần", 0],
    ["Không được miễn nhắc nhở 01 lần", -0.5],
    // Still imposed (WB27).
    ["Không xử lý kỷ luật mà chỉ nhắc nhở 01 lần", -0.5],
    ["Bị phê bình do chưa nhắc nhở cán bộ 01 lần", -0.5],
    ["Chưa kỷ luật nhưng nhắc nhở 01 lần", -0.5],
    ["Sau khi đang xem xét nhắc nhở đã có văn bản nhắc nhở 01 lần", -0.5],
    ["Không phê bình 01 lần, chỉ nhắc nhở", -0.5],
  ])("reprimands: %s: %d", (data, points) => {
    const report = reprimand(data);
    expect(scores(report)["8.5"]).toBe(points);
    expect(codes(report)).toEqual([]);
  });

  it.each<string>([
    "Chưa nhắc nhở 01 lần, sẽ nhắc nhở tại hội nghị tổng kết",
    "Chưa nhắc nhở 01 lần, đề nghị UBND huyện nhắc nhở",
    "Đang xem xét nhắc nhở 01 lần, sẽ ban hành văn bản nhắc nhở sau",
    "Chưa có văn bản nhắc nhở 01 lần, đã thống nhất hình thức nhắc nhở",
    "Chưa nhắc nhở 01 lần, trước đó đã bị nhắc nhở năm 2024",
    "Chưa có văn bản nhắc nhở 01 lần, UBND huyện đã ra quyết định kiểm tra",
  ])("reprimands: %s: 0 or asked, never −0,5", (data) => {
    const report = reprimand(data);
    expect(noneOrAsked(report, "8.5", scores(report)["8.5"]!)).toBe(true);
  });
});
