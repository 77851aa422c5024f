import { describe, expect, it } from "vitest";
import { HEADER, importMethods, importRows, XEP_LOAI } from "./import-round6-helpers.ts";

/**
 * IMP6-3: a criterion scored as the sum of its parts, each with its own points, had become a
 * `choice` of the distinct part values: 0,5 + 0,5 on a 1-point criterion was `[0.5]`, so a unit
 * that did everything could not enter 1 and one that did nothing could not enter 0. Parts
 * that add up to the max are a score by hand up to their sum, in steps the parts land on.
 * "Thiếu 01 báo cáo trừ 0,5 điểm" is a deduction per missing report, not the option −0,5.
 */
describe("parts that add up to the criterion's max are scored by hand (IMP6-3)", () => {
  it.each([
    ["- Ban hành Kế hoạch: 0,5 điểm;\n- Tổ chức thực hiện đầy đủ Kế hoạch: 0,5 điểm", 0.5],
    ["Có văn bản hướng dẫn: 0,25 điểm; có kiểm tra: 0,25 điểm; có báo cáo kết quả: 0,5 điểm", 0.25],
    ["Niêm yết tại Bộ phận Một cửa (0,5 điểm) và đăng trên Trang thông tin điện tử của xã (0,5 điểm)", 0.5],
    ["Có kế hoạch: 0,5 điểm; tổ chức thực hiện: 0,5 điểm; không có kế hoạch: 0 điểm", 0.5],
    ["Ban hành kế hoạch đúng hạn được 0,5 điểm, tổ chức thực hiện được 0,5 điểm", 0.5],
  ])("%j", (method, step) => {
    const { leaves, notesOf } = importMethods([method]);
    expect(leaves[0]!.rule).toEqual({ kind: "manual", step });
    expect(notesOf(1).map((n) => n.code)).toEqual(["PARTS_ADD_UP"]);
    expect(notesOf(1)[0]!.message).toMatch(/cộng lại/);
  });

  it("reads bullet rows under the criterion the same way", () => {
    const { set, notes } = importRows([
      HEADER,
      ["I", "CHỈ ĐẠO", 1, null],
      ["1", "Hội nghị đối thoại với Nhân dân", 1, null],
      [null, "- Tổ chức hội nghị đối thoại: 0,5 điểm", null, null],
      [null, "- Giải quyết kiến nghị sau đối thoại: 0,5 điểm", null, null],
      [],
      XEP_LOAI,
    ]);
    expect(set.items[0]!.children![0]!.rule).toEqual({ kind: "manual", step: 0.5 });
    expect(notes.map((n) => n.code)).toEqual(["PARTS_ADD_UP"]);
  });

  it("keeps alternatives that reach the max, and options below the max that do not add up to it, as before", () => {
    const { leaves } = importMethods(["Kịp thời: 1 điểm; chậm: 0,5 điểm; không ban hành: 0 điểm", "Đầy đủ: 0,5 điểm; không đầy đủ: 0,25 điểm; không: 0 điểm"]);
    expect(leaves[0]!.rule).toEqual({ kind: "choice", options: [1, 0.5, 0] });
    expect(leaves[1]!.rule).toEqual({ kind: "choice", options: [0.5, 0.25, 0] });
  });

  it.each([
    ["Thiếu 01 báo cáo trừ 0,5 điểm"],
    ["Chậm 01 báo cáo bị trừ 0,5 điểm"],
    ["Thiếu 1 báo cáo trừ 0,5 điểm."],
  ])("%j is a deduction per missing report from the max", (method) => {
    const { leaves } = importMethods([method]);
    expect(leaves[0]!.rule).toEqual({ kind: "count", each: -0.5, base: 1 });
    expect(leaves[0]!.min ?? 0).toBe(0);
  });
});
