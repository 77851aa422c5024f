/**
 * Round 27 (rt-wb27, WB27-1…5; narrows round 26's f56aaf6): a denial or pending word before the
 * count makes no case only when it governs the sanction decision itself — followed directly (at
 * most "quyết định", "văn bản", "hình thức", "xử lý") by the sanction word — with no sanction of the
 * row's kind after it in the clause ("mà chỉ khiển trách", "thì bị nhắc nhở", "nên cách chức") and
 * none imposed before it ("Bị kỷ luật khiển trách do không nhắc nhở cấp dưới"). Anything else keeps
 * the earlier reading: a case.
 */
import { describe, expect, it } from "vitest";
import { codes, EV, row, score, scores, setOf } from "./v2-helpers.ts";
import { adjust } from "./deduction-rows-helpers.ts";

/** A commune's reprimand row, as demo-commune-2025's 7.2 titles it: −0,5 a reprimand. */
const reprimands = { code: "8.5", title: "Vi phạm bị nhắc nhở (trừ 0,5 điểm mỗi lần, tối đa trừ 2 điểm)", min: -2, max: 0, rule: { kind: "count", each: -0.5 } };
const communeSet = setOf([{ code: "1.1", title: "Kế hoạch", max: 2 }], {}, [{ code: "8", title: "Điểm thưởng, điểm trừ", adjustment: true, children: [reprimands] }]);
const reprimand = (data: string) => score(communeSet, [row("1", { max: 2 }), row("1.1", { max: 2, self: 2, evidence: EV }), row("8", {}), row("8.5", { data })]);

describe("WB27: a denial before the count makes no case only when it governs the sanction and nothing imposes one", () => {
  it.each<[string, number]>([
    // WB27-1: the pending word, then the sanction imposed ("và đã", "thì bị", "rồi", "thì có quyết định").
    ["Đang xem xét và đã kỷ luật khiển trách 01 trường hợp", -1],
    ["Đang xem xét rồi kỷ luật khiển trách 01 trường hợp", -1],
    ["Đang xem xét thì bị kỷ luật khiển trách 01 trường hợp", -1],
    ["Dang xem xet thi bi ky luat khien trach 01 truong hop", -1],
    ["Đang chờ quyết định kỷ luật thì có quyết định kỷ luật khiển trách 01 trường hợp", -1],
    ["Còn chờ ý kiến đã khiển trách 01 trường hợp", -1],
    // WB27-2: another sanction denied, the counted one imposed in the active voice.
    ["Không cách chức mà chỉ khiển trách 01 trường hợp", -1],
    ["Không xử lý kỷ luật bằng hình thức cách chức mà chỉ khiển trách 01 trường hợp", -1],
    ["Không buộc thôi việc mà hạ bậc lương 01 trường hợp", -1],
    ["Không nhắc nhở mà kỷ luật khiển trách ngay 01 trường hợp", -1],
    ["Tuy chưa có quyết định kỷ luật của Đảng nhưng chính quyền kỷ luật khiển trách 01 trường hợp", -1],
    // WB27-3: the person's history or the offence negated, the sanction in the active voice.
    ["Do chưa bị kỷ luật lần nào nên chỉ khiển trách 01 trường hợp", -1],
    ["Chua bi ky luat lan nao nen chi khien trach 01 truong hop", -1],
    ["Không thi hành quyết định kỷ luật nên cách chức 01 trường hợp", -1],
    ["Cán bộ vi phạm mà chưa bị xử lý kỷ luật trước đó thì khiển trách 01 trường hợp", -1],
    // WB27-4: the sanction imposed before the negation, which is the offence.
    ["Bị kỷ luật khiển trách do không nhắc nhở cấp dưới 01 trường hợp", -1],
    ["Kỷ luật cảnh cáo do không nhắc nhở cấp dưới 01 trường hợp", -1],
    // WB27-5: the pending word about something else.
    ["Đang chờ nghỉ hưu bị kỷ luật 01 trường hợp", -1],
    ["Đang xem xét bổ nhiệm bị kỷ luật khiển trách 01 trường hợp", -1],
    // The fate told in a clause of its own with no count: "…, sau đó đã khiển trách".
    ["Chưa kỷ luật 01 trường hợp, sau đó đã khiển trách", -1],
    ["Chưa có quyết định kỷ luật đối với 01 trường hợp; 01 trường hợp bị khiển trách, 01 trường hợp bị cảnh cáo", -2],
    // Still none: the denial or pending word governs the sanction, nothing of the row's kind imposed (WB25-7).
    ["Chưa có quyết định kỷ luật đối với 01 trường hợp vi phạm", 0],
    ["Chưa ban hành quyết định kỷ luật đối với 01 trường hợp", 0],
    ["Đang chờ quyết định kỷ luật đối với 01 trường hợp", 0],
    ["Còn chờ xử lý kỷ luật 01 trường hợp", 0],
    ["Chưa bị kỷ luật khiển trách 01 trường hợp", 0],
    ["Không kỷ luật mà chỉ phê bình 01 trường hợp", 0],
    // What follows imposes nothing of the row's kind: another kind, a sanction denied or proposed in turn, the discipline broken.
    ["Không bị kỷ luật mà chỉ bị nhắc nhở 01 trường hợp", 0],
    ["Chưa có quyết định kỷ luật 01 trường hợp và đang chờ quyết định kỷ luật 01 trường hợp", 0],
    ["Chưa có quyết định kỷ luật đối với 01 trường hợp đã bị đề nghị kỷ luật", 0],
    ["Chưa có quyết định kỷ luật đối với 01 trường hợp vi phạm kỷ luật", 0],
    ["Chưa có quyết định kỷ luật đối với 01 trường hợp, dự kiến khiển trách", 0],
    // The same when the negation carries out, considers or exempts ("không tiến hành", "không xem xét", "chưa kịp", "được miễn").
    ["Không tiến hành xử lý kỷ luật 01 trường hợp", 0],
    ["Không xem xét kỷ luật 01 trường hợp do đã chuyển công tác", 0],
    ["Chưa kịp ban hành quyết định kỷ luật thì cán bộ đã nghỉ hưu 01 trường hợp", 0],
    ["Được miễn kỷ luật 01 trường hợp", 0],
    ["Miễn trách nhiệm kỷ luật 01 trường hợp", 0],
    ["Được miễn kỷ luật cảnh cáo nhưng vẫn khiển trách 01 trường hợp", -1],
    // A year is no count: the denial still stands before it.
    ["Năm 2024 chưa có quyết định kỷ luật đối với 01 trường hợp", 0],
  ])("%s: %d", (data, points) => {
    const report = adjust("8.4", { data });
    expect(scores(report)["8.4"]).toBe(points);
    expect(codes(report)).toEqual([]);
  });

  it.each<[string, number]>([
    ["Đang xem xét và đã nhắc nhở 01 lần", -0.5],
    ["Đang xem xét thì bị nhắc nhở 01 lần", -0.5],
    ["Không xử lý kỷ luật mà chỉ nhắc nhở 01 lần", -0.5],
    ["Khong xu ly ky luat ma chi nhac nho 01 lan", -0.5],
    ["Chưa kỷ luật nhưng nhắc nhở 01 lần", -0.5],
    ["Không phê bình mà nhắc nhở 01 lần", -0.5],
    ["Chưa bị nhắc nhở lần nào nên chỉ phê bình 01 lần", -0.5],
    ["Bị phê bình do chưa nhắc nhở cán bộ 01 lần", -0.5],
    ["Nhắc nhở do không phê bình cấp dưới 01 lần", -0.5],
    ["Đang chờ nghỉ hưu bị nhắc nhở 01 lần", -0.5],
    ["Chưa có văn bản nhắc nhở 01 lần", 0],
    ["Còn chờ văn bản nhắc nhở 01 lần", 0],
    ["Được miễn nhắc nhở 01 lần", 0],
    ["Đang chờ xem xét nhắc nhở 01 lần", 0],
  ])("reprimands: %s: %d", (data, points) => {
    const report = reprimand(data);
    expect(scores(report)["8.5"]).toBe(points);
    expect(codes(report)).toEqual([]);
  });

  // A criterion's own discipline row (4.4.2): where 525e810 asked the unit which figure it declares, the
  // round-26 reading answered 0 in silence; the row asks again (never a silent 0 on a sanction imposed).
  const ownRow = setOf([
    { code: "1.1", title: "Báo cáo", max: 1 },
    { code: "1.2", title: "Trừ 1 điểm mỗi trường hợp bị xử lý kỷ luật", max: 0, min: -3, rule: { kind: "count", each: -1 } },
  ]);
  it.each([
    "Do chưa xử lý kỷ luật kịp thời nên UBND tỉnh kỷ luật khiển trách 01 trường hợp",
    "Đang đề nghị khen thưởng bị kỷ luật 01 trường hợp",
  ])("discipline row of a criterion: %s is −1 or asked, never a silent 0", (data) => {
    const report = score(ownRow, [row("1", { max: 1 }), row("1.1", { max: 1, self: 1, evidence: EV }), row("1.2", { data })]);
    expect(scores(report)["1.2"] === -1 || codes(report).includes("DATA_MISSING 1.2 Biểu!D4")).toBe(true);
  });
});
