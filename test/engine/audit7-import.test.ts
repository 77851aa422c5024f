import { describe, expect, it } from "vitest";
import { importMethods, importRows, leavesOf, type Value } from "./import-round6-helpers.ts";

/**
 * A second black-box audit's importer findings (A7, 06/12/2026): annexes an outside tester wrote
 * (/tmp/audit-7), each read as the CLI reads them.
 */
const HEADER: Value[] = ["STT", "Lĩnh vực/Tiêu chí/Tiêu chí thành phần", "Điểm tối đa", "Hướng dẫn chấm điểm"];
const XEP_LOAI: Value[] = ["Xếp loại: Tốt: từ 90% trở lên; Khá: từ 80% đến dưới 90%; Trung bình: từ 70% đến dưới 80%; Yếu: dưới 70%"];
const district = { unitType: "district" as const };

function leaf(set: { items: { code: string; children?: unknown[] }[] }, code: string) {
  return leavesOf(set.items as never).find((i) => i.code === code)!;
}

/**
 * A7-1: a criterion that applies only to some units of the level ("Áp dụng đối với các huyện có
 * đơn vị hành chính cấp xã thuộc diện sắp xếp") is notApplicable "exclude": a district the
 * condition does not cover writes "Không áp dụng" and the max leaves its denominator. It had been
 * an ordinary criterion, the uncovered district losing 2 points, nothing noted.
 */
describe("a criterion applying only to some units of the level is excluded where it does not apply (A7-1)", () => {
  const SAP_XEP = "các huyện có đơn vị hành chính cấp xã thuộc diện sắp xếp";
  it.each([
    ["in brackets in the title", [["1.1", `Sắp xếp ĐVHC cấp xã (Áp dụng đối với ${SAP_XEP})`, 2, "Hoàn thành: 2 điểm; chưa hoàn thành: 0 điểm"]]],
    ["in the guidance, a sentence of its own", [["1.1", "Bố trí cán bộ dôi dư", 2, "Tiêu chí này chỉ áp dụng đối với huyện có đơn vị hành chính cấp xã thuộc diện sắp xếp. Hoàn thành: 2 điểm; chưa hoàn thành: 0 điểm"]]],
    ["in the guidance, a line before the bands", [["1.1", "Bố trí cán bộ dôi dư", 2, `Áp dụng đối với ${SAP_XEP}.\nĐạt 100% kế hoạch: 2 điểm; từ 50% đến dưới 100%: 1 điểm; dưới 50%: 0 điểm.`]]],
    ["in a note row under the criterion", [["1.1", "Sắp xếp trụ sở sau sắp xếp", 2, "Hoàn thành: 2 điểm; chưa hoàn thành: 0 điểm"], ["", `(Chỉ áp dụng đối với ${SAP_XEP})`, "", ""]]],
    ["in brackets naming a kind of district", [["1.1", "Thực hiện chính sách dân tộc (đối với huyện miền núi)", 2, "Thực hiện đầy đủ: 2 điểm; không đầy đủ: 0 điểm"]]],
  ] as [string, Value[][]][])("%s", (_, rows) => {
    const { set, notes } = importRows([HEADER, ["1", "TỔ CHỨC BỘ MÁY", 4, ""], ...rows, ["1.2", "Thực hiện quy định về tổ chức", 2, "Đúng quy định: 2 điểm; không đúng quy định: 0 điểm"], [], XEP_LOAI], district);
    expect(leaf(set, "1.1").notApplicable).toBe("exclude");
    expect(leaf(set, "1.2")).not.toHaveProperty("notApplicable");
    expect(notes.filter((n) => n.code === "APPLIES_TO_SOME").map((n) => n.criterion)).toEqual(["1.1"]);
    expect(set.maxPoints).toBe(4);
  });

  it("a note under the table naming the criteria (\"Các tiêu chí 4.2, 4.3 chỉ áp dụng …\")", () => {
    const { set, notes } = importRows(
      [
        HEADER,
        ["4", "CẢI CÁCH TỔ CHỨC BỘ MÁY", 6, ""],
        ["4.1", "Thực hiện quy định về tổ chức phòng chuyên môn", 2, "Đúng quy định: 2 điểm; không đúng quy định: 0 điểm"],
        ["4.2", "Sắp xếp đơn vị hành chính cấp xã theo lộ trình", 2, "Hoàn thành 100% số đơn vị thuộc diện sắp xếp: 2 điểm; chưa hoàn thành: 0 điểm."],
        ["4.3", "Bố trí, sắp xếp cán bộ, công chức dôi dư sau sắp xếp", 2, "Đạt 100% kế hoạch: 2 điểm; từ 50% đến dưới 100%: 1 điểm; dưới 50%: 0 điểm."],
        ["", "Tổng điểm: 6", "", ""],
        ["Ghi chú:"],
        [`- Các tiêu chí 4.2, 4.3 chỉ áp dụng đối với ${SAP_XEP}; huyện không thuộc diện sắp xếp thì không chấm, điểm tối đa của tiêu chí được trừ khỏi tổng điểm tối đa.`],
        XEP_LOAI,
      ],
      district,
    );
    expect(leaf(set, "4.1")).not.toHaveProperty("notApplicable");
    expect(leaf(set, "4.2").notApplicable).toBe("exclude");
    expect(leaf(set, "4.3").notApplicable).toBe("exclude");
    expect(notes.filter((n) => n.code === "APPLIES_TO_SOME").map((n) => n.criterion)).toEqual(["4.2", "4.3"]);
  });

  it("a department's criterion for the offices that have units under them", () => {
    const { set } = importRows([HEADER, ["1", "TỔ CHỨC BỘ MÁY", 2, ""], ["1.1", "Quản lý đơn vị sự nghiệp trực thuộc (áp dụng đối với các cơ quan có đơn vị sự nghiệp trực thuộc)", 2, "Thực hiện đầy đủ: 2 điểm; không đầy đủ: 0 điểm"], [], XEP_LOAI]);
    expect(leaf(set, "1.1").notApplicable).toBe("exclude");
  });

  it.each([
    ["a level alone", "Kiểm tra CCHC (Áp dụng đối với cấp huyện)"],
    ["the level's kinds listed", "Kiểm tra CCHC (áp dụng đối với các huyện, thị xã, thành phố)"],
    ["a sentence about a document", "Ban hành văn bản áp dụng đối với các huyện có đơn vị sắp xếp"],
  ])("not %s", (_, title) => {
    const { set, notes } = importRows([HEADER, ["1", "CHỈ ĐẠO", 2, ""], ["1.1", title, 2, "Thực hiện đầy đủ: 2 điểm; không đầy đủ: 0 điểm"], [], XEP_LOAI], district);
    expect(leaf(set, "1.1")).not.toHaveProperty("notApplicable");
    expect(notes.map((n) => n.code)).not.toContain("APPLIES_TO_SOME");
  });

  it("another level's criterion is still left out (\"không áp dụng đối với các huyện\")", () => {
    const { set, notes } = importRows([HEADER, ["1", "CHỈ ĐẠO", 4, ""], ["1.1", "Quản lý đô thị (không áp dụng đối với các huyện)", 2, "Tốt: 2 điểm; chưa tốt: 0 điểm"], ["1.2", "Kiểm tra", 2, "Có: 2 điểm; không: 0 điểm"], [], XEP_LOAI], district);
    expect(leavesOf(set.items).map((i) => i.code)).toEqual(["1.2"]);
    expect(notes.map((n) => n.code)).toContain("NOT_FOR_UNIT_TYPE");
  });
});

/**
 * A7-4: the bonus and deduction section typed after the grand total ("Tổng điểm (1+2) | 10", then
 * "3 | ĐIỂM THƯỞNG, ĐIỂM TRỪ" over 3.1, 3.2) is read on as `adjustment`, the total still checked:
 * it had been dropped with no note (a Roman "II | ĐIỂM TRỪ" after "TỔNG ĐIỂM (I)" was read).
 */
describe("a bonus and deduction section after the grand total is read on (A7-4)", () => {
  const TABLE: Value[][] = [
    HEADER,
    ["1", "CHỈ ĐẠO, ĐIỀU HÀNH", 4, ""],
    ["1.1", "Ban hành kế hoạch CCHC", 2, "Ban hành đúng thời hạn: 2 điểm; ban hành chậm: 1 điểm; không ban hành: 0 điểm"],
    ["1.2", "Hoàn thành kế hoạch", 2, "Đạt 100%: 2 điểm; từ 80% đến dưới 100%: 1 điểm; dưới 80%: 0 điểm"],
    ["2", "THỦ TỤC HÀNH CHÍNH", 6, ""],
    ["2.1", "Hồ sơ đúng hạn", 3, "Điểm đánh giá = tỷ lệ % x điểm tối đa"],
    ["2.2", "Sự hài lòng", 3, "Điều tra xã hội học"],
  ];
  const BONUS: Value[][] = [
    ["3", "ĐIỂM THƯỞNG, ĐIỂM TRỪ", "", ""],
    ["3.1", "Sáng kiến được công nhận", 1, "Mỗi sáng kiến được 0,5 điểm, tối đa 1 điểm"],
    ["3.2", "Chậm báo cáo đột xuất", -1, "Mỗi báo cáo chậm trừ 0,25 điểm, tối đa trừ 1 điểm"],
  ];
  it.each([
    ["Tổng điểm (1+2)", 10, null],
    ["TỔNG CỘNG", 10, null],
    ["Tổng điểm (1+2)", 12, "TOTAL_MISMATCH"],
  ] as [string, number, string | null][])("%s | %d", (label, total, mismatch) => {
    const { set, notes } = importRows([...TABLE, ["", label, total, ""], ...BONUS, [], XEP_LOAI]);
    expect(set.items.map((i) => [i.code, i.adjustment ?? false])).toEqual([["1", false], ["2", false], ["3", true]]);
    expect(set.items[2]!.children!.map((c) => [c.code, c.max, c.min])).toEqual([["3.1", 1, undefined], ["3.2", 0, -1]]);
    expect(set.maxPoints).toBe(10);
    expect(set.bands[0]).toEqual({ label: "Tốt", min: 90 });
    expect(notes.some((n) => n.code === "TOTAL_MISMATCH")).toBe(mismatch !== null);
  });

  it("an ordinary field after the grand total is still not read (a summary, last year's table)", () => {
    const { set } = importRows([...TABLE, ["", "Tổng điểm (1+2)", 10, ""], ["3", "CẢI CÁCH TÀI CHÍNH CÔNG", 2, ""], ["3.1", "Giải ngân", 2, "Đạt 100%: 2 điểm; dưới 100%: 0 điểm"], [], XEP_LOAI]);
    expect(set.items.map((i) => i.code)).toEqual(["1", "2"]);
  });
});

/**
 * A7-3: "Từ 80% trở lên: 1 điểm; dưới 80% thì điểm = tỷ lệ % x 1" pays the rate itself below 80 %
 * (70 % → 0,7) and the max from 80 %: no proportional target says that (target 80 paid 0,88 at
 * 70 %). Scored by hand in hundredths, noted with both halves, as other thresholds are.
 */
describe("full from a rate, the rate itself below it, is scored by hand (A7-3)", () => {
  it.each([
    ["Từ 80% trở lên: 1 điểm; dưới 80% thì điểm = tỷ lệ % x 1", 1],
    ["Đạt từ 80% trở lên: 2 điểm; dưới 80%: điểm = tỷ lệ × 2", 2],
  ])("%j", (method, max) => {
    const { leaves, notesOf } = importMethods([method], max);
    expect(leaves[0]!.rule).toEqual({ kind: "manual", step: 0.01 });
    const note = notesOf(1).find((n) => n.code === "PROPORTIONAL_FULL_FROM");
    expect(note?.message).toMatch(/80%/);
  });

  it("a target written as the rate's divisor stays proportional (\"(tỷ lệ %/80%) x 3; tối đa 3 điểm\")", () => {
    const { leaves } = importMethods(["Điểm đánh giá = (tỷ lệ %/80%) x 3; tối đa 3 điểm"], 3);
    expect(leaves[0]!.rule).toEqual({ kind: "ratio", proportional: true, target: 80 });
  });
});

/**
 * A7-2: "Thực hiện đầy đủ: 1 điểm; không đầy đủ: 0 điểm. Không có kết luận: 1 điểm" grants the max
 * when there was nothing to carry out, as "… thì được 1 điểm" does: notApplicable "full" beside the
 * options (a unit with no conclusion writing "Không phát sinh" had scored 0). So does "Đối với huyện
 * không có thôn … thuộc diện sắp xếp: được điểm tối đa".
 */
describe("the max for a case where nothing arose, beside options that reach it, is notApplicable full (A7-2)", () => {
  it.each([
    ["Thực hiện đầy đủ: 1 điểm; không đầy đủ: 0 điểm. Không có kết luận: 1 điểm", 1, [1, 0]],
    ["Hoàn thành: 2 điểm; chưa hoàn thành: 0 điểm. Đối với huyện không có thôn, tổ dân phố thuộc diện sắp xếp: được điểm tối đa", 2, [2, 0]],
  ] as [string, number, number[]][])("%j", (method, max, options) => {
    const { leaves } = importMethods([method], max);
    expect(leaves[0]!.rule).toEqual({ kind: "choice", options });
    expect(leaves[0]!.notApplicable).toBe("full");
  });

  it("\"Không có hồ sơ quá hạn: 1 điểm; Có hồ sơ quá hạn: 0 điểm\" stays the better option only", () => {
    const { leaves } = importMethods(["Không có hồ sơ quá hạn: 1 điểm; Có hồ sơ quá hạn: 0 điểm"], 1);
    expect(leaves[0]).not.toHaveProperty("notApplicable");
  });
});

/**
 * A7-6: numbered notes under the last section with no "Ghi chú:" line above them ("1. Số liệu tính
 * đến ngày 15/12/2024.", "2. Xếp loại: Tốt từ 90% …"), each typed whole in the STT cell, are notes
 * (CRITERIA-FORMAT §2): they had become criteria (a bogus "Xếp loại …" worth 0, "Mã 3.1 lặp lại")
 * and the bands under them were lost (BANDS_DEFAULT).
 */
describe("numbered notes typed whole in the STT cell under the table are no criteria (A7-6)", () => {
  it.each([
    ["under a Roman bonus section", [["III", "ĐIỂM THƯỞNG", 1, ""], ["1", "Có sáng kiến được công nhận", 1, "Mỗi sáng kiến: 0,5 điểm"]], "3"],
    ["under a numbered bonus section", [["3", "ĐIỂM THƯỞNG, ĐIỂM TRỪ", "", ""], ["3.1", "Sáng kiến được công nhận", 1, "Mỗi sáng kiến được 0,5 điểm, tối đa 1 điểm"]], "3"],
    ["under the last field", [], "2"],
  ] as [string, Value[][], string][])("%s", (_, bonus, last) => {
    const { set, notes } = importRows([
      HEADER,
      ["1", "CHỈ ĐẠO, ĐIỀU HÀNH", 2, ""],
      ["1.1", "Ban hành kế hoạch CCHC", 2, "Đúng thời hạn: 2 điểm; chậm: 1 điểm; không ban hành: 0 điểm"],
      ["2", "THỦ TỤC HÀNH CHÍNH", 2, ""],
      ["2.1", "Hồ sơ đúng hạn", 2, "Điểm đánh giá = tỷ lệ % x điểm tối đa"],
      ...bonus,
      ["1. Số liệu tính đến ngày 15/12/2024."],
      ["2. Xếp loại: Tốt từ 85% trở lên; Khá từ 70% đến dưới 85%; Trung bình từ 50% đến dưới 70%; Yếu dưới 50%."],
    ]);
    expect(set.items.at(-1)!.code).toBe(last);
    expect(leavesOf(set.items).map((l) => l.title).join(" ")).not.toMatch(/Số liệu|Xếp loại/);
    expect(notes.map((n) => n.code)).not.toContain("DUPLICATE_CODE");
    expect(notes.map((n) => n.code)).not.toContain("BANDS_DEFAULT");
    expect(set.bands.map((b) => b.min)).toEqual([85, 70, 50, 0]);
  });
});

/**
 * A7-5: "Tổng điểm: 10" written in the title cell in the middle of the table (the bonus section
 * after it) is a totals line, never an option of the leaf above: the survey leaf had become
 * manual, "mức 10 điểm vượt điểm tối đa 3".
 */
describe("a total written in words mid-table is no option of the leaf above (A7-5)", () => {
  it.each(["Tổng điểm: 10", "Tổng cộng: 10 điểm", "TỔNG ĐIỂM TỐI ĐA: 10"])("%j", (label) => {
    const { set, notes } = importRows([
      HEADER,
      ["1", "CHỈ ĐẠO, ĐIỀU HÀNH", 4, ""],
      ["1.1", "Ban hành kế hoạch CCHC", 4, "Đúng thời hạn: 4 điểm; chậm: 2 điểm; không ban hành: 0 điểm"],
      ["2", "THỦ TỤC HÀNH CHÍNH", 6, ""],
      ["2.1", "Hồ sơ đúng hạn", 3, "Điểm đánh giá = tỷ lệ % x điểm tối đa"],
      ["2.2", "Sự hài lòng", 3, "Điều tra xã hội học"],
      ["", label, "", ""],
      ["3", "ĐIỂM THƯỞNG, ĐIỂM TRỪ", "", ""],
      ["3.1", "Sáng kiến được công nhận", 1, "Mỗi sáng kiến được 0,5 điểm, tối đa 1 điểm"],
      [],
      XEP_LOAI,
    ]);
    expect(leaf(set, "2.2").rule).toEqual({ kind: "survey" });
    expect(notes.map((n) => n.code)).not.toContain("OPTION_OVER_MAX");
    expect(set.items.map((i) => [i.code, i.adjustment ?? false])).toEqual([["1", false], ["2", false], ["3", true]]);
  });
});
