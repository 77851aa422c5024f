import { describe, expect, it } from "vitest";
import { explainLostPoints } from "../../shared/index.ts";
import { EV, row, score, setOf } from "./v2-helpers.ts";

/** "Vì sao mất điểm?" for every rule kind (CRITERIA-FORMAT.md §6 "Messages"). */
describe("explainLostPoints", () => {
  const set = setOf(
    [
      { code: "1.1", title: "Tỷ lệ hoàn thành kế hoạch", max: 2, rule: { kind: "ratio", bands: [{ above: 90, points: 2 }, { min: 70, points: 1 }, { min: 0, points: 0 }] } },
      { code: "1.2", title: "Tỷ lệ hồ sơ trực tuyến", max: 3, rule: { kind: "ratio", proportional: true, target: 50 } },
      { code: "1.3", title: "Ứng dụng CNTT", max: 5, rule: { kind: "count", each: 1 } },
      { code: "1.4", title: "Đối thoại", max: 2, combine: "best", children: [{ code: "1.4.1", title: "Chủ tịch", max: 2 }, { code: "1.4.2", title: "Phó Chủ tịch", max: 1 }] },
      { code: "1.5", title: "Kỷ luật", max: 1, floor: 0, children: [{ code: "1.5.1", title: "Vi phạm", max: 1, min: -2, rule: { kind: "manual", step: 0.5 } }] },
      { code: "1.6", title: "Kế hoạch", max: 1 },
      { code: "1.7", title: "Kiểm tra kế hoạch", max: 1, requires: { code: "1.6", atLeast: 1 } },
      { code: "1.8", title: "Xử lý văn bản", max: 2, notApplicable: "full", evidence: { required: true } },
      { code: "1.9", title: "Sắp xếp thôn", max: 1, notApplicable: "exclude" },
    ],
    {},
    [{ code: "9", title: "Điểm thưởng, điểm trừ", adjustment: true, children: [{ code: "9.1", title: "Chậm báo cáo", max: 0, min: -2, rule: { kind: "manual", step: 0.5 } }] }],
  );
  const report = score(set, [
    row("1.1", { data: "63/70", evidence: EV }),
    row("1.2", { data: "34,8%" }),
    row("1.3", { data: 3 }),
    row("1.4"),
    row("1.4.1", { self: 1 }),
    row("1.4.2", { self: 1 }),
    row("1.5"),
    row("1.5.1", { self: -1.5 }),
    row("1.6", { self: 0.75 }),
    row("1.7", { self: 1 }),
    row("1.8", { self: "Không phát sinh" }),
    row("1.9", { self: "Không áp dụng" }),
    row("9.1", { self: -1 }),
  ]);

  it("explains each kind in Vietnamese, the largest loss first", () => {
    expect(explainLostPoints(report, set, "vi").map((e) => [e.code, e.lost, e.reasons])).toEqual([
      ["1.3", 2, ["Số lượng kê khai 3 (ô Biểu!D4), mỗi trường hợp được 1 điểm, tối đa 5: được 3 điểm.", "Với số lượng 4: 4 điểm."]],
      // The loss says its cause: "không phát sinh" without the evidence the criterion asks for (CF1-6).
      ["1.8", 2, ["Không phát sinh: được tính đủ điểm tối đa (khi tiêu chí yêu cầu tài liệu kiểm chứng, cần tài liệu hoặc giải trình ở cột ghi chú).", "Chưa có tài liệu kiểm chứng hoặc giải trình nên được tính 0: bổ sung tài liệu ở ô Biểu!F12 hoặc giải trình ở cột ghi chú."]],
      ["1.1", 1, ["Số liệu kê khai 63/70 (90 %) (ô Biểu!D2) đạt mức từ 70 %: 1/2 điểm.", "Mức kế tiếp: trên 90 % được 2 điểm."]],
      ["1.4", 1, ["Tính theo phương án có điểm cao nhất, không cộng các phương án: 1.4.1 được 1/2; 1.4.2 được 1/1."]],
      ["1.5", 1, ["Gồm: 1.5.1 được -1,5/1.", "Mục 1.5 được giữ ở mức sàn 0 điểm: phần bị trừ dưới mức sàn không tính."]],
      ["1.7", 1, ["Tự chấm 1/1, được tính 0.", "Chỉ được tính khi tiêu chí 1.6 đạt từ 1 điểm; khi đó tiêu chí này được 1 điểm."]],
      ["9.1", 1, ["Tự chấm -1/0.", "Bị trừ 1 điểm (mức trừ nhiều nhất 2)."]],
      ["1.2", 0.91, ["Số liệu kê khai 34,8 % (ô Biểu!D3) so với mục tiêu 50 %: được 2,09/3 điểm; đạt 50 % thì được đủ điểm."]],
      ["1.6", 0.25, ["Tự chấm 0,75/1."]],
      ["1.9", 0, ["Không áp dụng: điểm tối đa của tiêu chí không tính vào tổng điểm tối đa."]],
    ]);
  });

  it("keeps the findings beside the reasons, and speaks English", () => {
    const en = explainLostPoints(report, set, "en");
    const fullItem = en.find((e) => e.code === "1.8")!;
    // Findings are the report's own messages, in the report's locale.
    expect(fullItem.findings).toEqual([expect.stringContaining('Tiêu chí 1.8 ghi "Không phát sinh" (được tính 2 điểm) nhưng chưa có tài liệu kiểm chứng')]);
    expect(en.find((e) => e.code === "1.1")!.reasons).toEqual(["Declared 63/70 (90 %) (cell Biểu!D2) reaches the band from 70 %: 1/2 points.", "Next band: above 90 % gives 2 points."]);
    expect(en.find((e) => e.code === "1.7")!.findings).toEqual([expect.stringContaining("1.7 chỉ được tính khi tiêu chí 1.6")]);
    // One point is "1 point".
    expect(en.find((e) => e.code === "1.3")!.reasons).toEqual(["Declared count 3 (cell Biểu!D4), 1 point each, at most 5: 3 points.", "With 4: 4 points."]);
    expect(en.find((e) => e.code === "9.1")!.reasons).toEqual(["Self-scored -1/0.", "A deduction of 1 point (at most 2)."]);
  });

  it("says a row missing from the table is missing, not a blank cell to fill (round 9: a deleted ratio row read 'no usable data')", () => {
    const without = score(set, [row("1.1", { data: "63/70", evidence: EV }), row("1.3", { data: 3 }), row("1.6", { self: 1 })]);
    const vi = explainLostPoints(without, set, "vi");
    expect(vi.find((e) => e.code === "1.2")!.reasons).toEqual(["Bảng không có dòng của tiêu chí này (dòng bị xóa hoặc chưa thêm): 0/3 điểm. Bổ sung dòng vào bảng rồi chấm lại."]);
    expect(vi.find((e) => e.code === "1.7")!.reasons).toEqual([expect.stringContaining("Bảng không có dòng của tiêu chí này")]);
    expect(explainLostPoints(without, set, "en").find((e) => e.code === "1.2")!.reasons).toEqual(["The table has no row for this criterion (deleted or never added): 0/3 points. Add the row to the table and check again."]);
    // A row that is there keeps its own reasons.
    expect(vi.find((e) => e.code === "1.1")!.reasons[0]).toContain("63/70");
  });
});
