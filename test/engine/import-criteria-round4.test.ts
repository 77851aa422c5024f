import { describe, expect, it } from "vitest";
import { importCriteriaSet, parseCriteriaSet, type GridSheet, type ImportCriteriaOptions } from "../../shared/index.ts";

/** The fourth outside tester's round on the importer: each case here was imported wrong before. */
type Value = string | number | null;
const HEADER: Value[] = ["STT", "Tiêu chí", "Điểm tối đa", "Phương pháp chấm điểm"];
const OPTIONS: ImportCriteriaOptions = { id: "t-2024", year: 2024, unitType: "district" };
const XEP_LOAI: Value[] = ["Xếp loại: Tốt: từ 90% trở lên; Khá: từ 80% đến dưới 90%; Trung bình: từ 70% đến dưới 80%; Yếu: dưới 70%"];

function sheetOf(name: string, rows: Value[][]): GridSheet {
  return { name, rows: rows.map((r) => r.map((v) => (v === null ? null : { v }))), merges: [] };
}

function imported(rows: Value[][], header: Value[] = HEADER) {
  const result = importCriteriaSet({ sheets: [sheetOf("S", [header, ...rows, [], XEP_LOAI])] }, OPTIONS);
  if (!result.ok) throw new Error(result.message);
  expect(parseCriteriaSet(result.set).ok).toBe(true);
  return { set: result.set, notes: result.notes.map((n) => [n.code, n.cell, n.criterion]), messages: result.notes.map((n) => n.message) };
}

const PLAN: Value[] = ["1.1", "Ban hành kế hoạch", 1, "Kịp thời: 1 điểm; chậm: 0,5 điểm; không ban hành: 0 điểm"];

describe("conditions on another criterion, as decisions word them", () => {
  it.each([
    ["Chỉ chấm điểm khi TCTP 1.1 đạt điểm tối đa. Có: 1 điểm; không: 0 điểm", 1],
    ["Tiêu chí này chỉ được chấm điểm khi tiêu chí thành phần 1.1 được chấm điểm tối đa. Có: 1 điểm; không: 0 điểm", 1],
    // "Đạt điểm" is above 0: the smallest positive score 1.1 can take (its option 0,5).
    ["Nếu tiêu chí thành phần 1.1 không đạt điểm thì tiêu chí này không được chấm điểm. Có: 1 điểm; không: 0 điểm", 0.5],
    ["Trường hợp tiêu chí 1.1 đạt 0 điểm thì tiêu chí này không được chấm điểm. Có: 1 điểm; không: 0 điểm", 0.5],
    ["Chỉ tính điểm nếu đã ban hành Kế hoạch tại tiêu chí 1.1. Có: 1 điểm; không: 0 điểm", 0.5],
  ])("%j requires 1.1 at %j", (method, atLeast) => {
    const { set, notes } = imported([["1", "CHỈ ĐẠO ĐIỀU HÀNH", 2, null], PLAN, ["1.2", "Thực hiện kế hoạch", 1, method]]);
    expect(set.items[0]!.children![1]).toMatchObject({ requires: { code: "1.1", atLeast }, rule: { kind: "choice", options: [1, 0] } });
    expect(notes.map((n) => n[0])).not.toContain("REQUIREMENT_UNREAD");
  });

  it("takes the step of a manual item as its smallest positive score, and a nested code", () => {
    const { set } = imported([
      ["2", "THỂ CHẾ", 2, null],
      ["2.1", "Rà soát", 1, null],
      ["2.1.1", "Kế hoạch rà soát", 1, null],
      ["2.2", "Xử lý sau rà soát", 1, "Nếu tiêu chí thành phần 2.1.1 không đạt điểm thì tiêu chí này không được chấm điểm. Đủ: 1 điểm; Không: 0 điểm"],
    ]);
    expect(set.items[0]!.children![1]!.requires).toEqual({ code: "2.1.1", atLeast: 0.25 });
  });

  it("notes a clause that reads as a condition but names no level or no criterion, never silently", () => {
    const { set, notes } = imported([
      ["1", "CHỈ ĐẠO ĐIỀU HÀNH", 3, null],
      PLAN,
      ["1.2", "Thực hiện kế hoạch", 1, "Chỉ chấm điểm khi tiêu chí 1.1 được Sở Nội vụ thẩm định. Có: 1 điểm; không: 0 điểm"],
      ["1.3", "Báo cáo", 1, "Chỉ chấm điểm khi đơn vị có văn bản hướng dẫn của tỉnh. Đủ: 1 điểm; Không: 0 điểm"],
    ]);
    expect(set.items[0]!.children![1]!.requires).toBeUndefined();
    expect(set.items[0]!.children![1]!.rule).toEqual({ kind: "choice", options: [1, 0] });
    expect(set.items[0]!.children![2]!.rule).toEqual({ kind: "choice", options: [1, 0] });
    expect(notes).toContainEqual(["REQUIREMENT_UNREAD", "S!D4", "1.2"]);
    expect(notes).toContainEqual(["REQUIREMENT_UNREAD", "S!D5", "1.3"]);
  });
});

describe("a band whose points are a formula", () => {
  it.each([
    ["Tỷ lệ đạt từ 45% trở lên: 1 điểm; dưới 45%: điểm = (tỷ lệ đạt được/45%) x 1 điểm", 1, 45],
    ["Từ 45% trở lên: 1 điểm\nDưới 45%: Điểm = Tỷ lệ đạt được/45% x 1", 1, 45],
    ["Đạt từ 80% trở lên: 2 điểm; Dưới 80%: điểm = tỷ lệ x 2 điểm / 80%", 2, 80],
  ])("%j is proportional up to its target, never full points at any rate", (method, max, target) => {
    const { set } = imported([["1", "Tỷ lệ thanh toán trực tuyến", max, method]]);
    expect(set.items[0]!.rule).toEqual({ kind: "ratio", proportional: true, target });
  });
});

describe("bands whose lowest pays points beside 'không thực hiện: 0 điểm'", () => {
  it.each([
    ["Từ 80% - dưới 100%: 1 điểm; 100%: 1,5 điểm; dưới 80%: 0,5 điểm; không thực hiện: 0 điểm", 1.5, [1.5, 1, 0.5, 0]],
    ["Đạt 100%: 1 điểm; dưới 100%: 0,5 điểm; Không ban hành kế hoạch: 0", 1, [1, 0.5, 0]],
  ])("%j becomes options with the 0, never a rate paying for nothing done", (method, max, options) => {
    const { set, notes } = imported([["1", "Thực hiện kế hoạch", max, method]]);
    expect(set.items[0]!.rule).toEqual({ kind: "choice", options });
    expect(notes.map((n) => n[0])).toContain("BANDS_AS_OPTIONS");
    expect(notes.map((n) => n[0])).not.toContain("CLAUSE_UNUSED");
  });

  it("keeps bands when the lowest pays nothing anyway", () => {
    const { set, notes } = imported([["1", "Thực hiện kế hoạch", 1, "Đạt 100%: 1 điểm; từ 80% đến dưới 100%: 0,5 điểm; dưới 80%: 0 điểm; không thực hiện: 0 điểm"]]);
    expect(set.items[0]!.rule).toEqual({ kind: "ratio", bands: [{ min: 100, points: 1 }, { min: 80, points: 0.5 }, { min: 0, points: 0 }] });
    expect(notes.map((n) => n[0])).not.toContain("BANDS_AS_OPTIONS");
  });
});

describe("'nothing arose → full points' in more words", () => {
  it.each([
    "Thực hiện đầy đủ: 1 điểm; không đầy đủ: 0 điểm. Trường hợp không được giao nhiệm vụ thì được tính điểm tối đa",
    "Phân bổ đúng hạn: 1 điểm; chậm: 0 điểm. Trường hợp không được giao vốn đầu tư công thì được điểm tối đa",
    "Thực hiện đầy đủ: 1 điểm; không đầy đủ: 0 điểm. Nếu đơn vị không có TTHC thuộc thẩm quyền thì được điểm tối đa",
    "Thực hiện đầy đủ: 1 điểm; không đầy đủ: 0 điểm. Đơn vị không có đơn vị trực thuộc thì được điểm tối đa",
    "Thực hiện đầy đủ: 1 điểm; không đầy đủ: 0 điểm. Trường hợp không có văn bản cần ban hành thì được điểm tối đa",
  ])("%j", (method) => {
    const { set } = imported([["1", "Thực hiện nhiệm vụ", 1, method]]);
    expect(set.items[0]).toMatchObject({ notApplicable: "full", rule: { kind: "choice", options: [1, 0] } });
  });

  it("reads 'không có hồ sơ quá hạn: <max>' beside the bands rating the apologies for them as nothing arose", () => {
    const { set, notes } = imported([["1", "Xin lỗi khi để hồ sơ quá hạn", 1, "100% hồ sơ quá hạn có văn bản xin lỗi: 1 điểm; dưới 100%: 0 điểm; không có hồ sơ quá hạn: 1 điểm"]]);
    expect(set.items[0]).toMatchObject({ notApplicable: "full", rule: { kind: "ratio", bands: [{ min: 100, points: 1 }, { min: 0, points: 0 }] } });
    expect(notes.map((n) => n[0])).not.toContain("CLAUSE_UNUSED");
  });

  it("keeps 'không có hồ sơ quá hạn: 1 điểm' an option beside options, and 'thì không được điểm tối đa' no nothing-arose", () => {
    expect(imported([["1", "Hồ sơ", 1, "Không có hồ sơ quá hạn: 1 điểm; Có hồ sơ quá hạn: 0 điểm"]]).set.items[0]).not.toHaveProperty("notApplicable");
    expect(imported([["1", "Kế hoạch", 1, "Có kế hoạch: 1 điểm; không có kế hoạch thì không được điểm tối đa: 0 điểm"]]).set.items[0]).not.toHaveProperty("notApplicable");
  });
});

describe("a parent's floor", () => {
  const DISCIPLINE: Value[][] = [
    ["2.1.1", "Không có CBCC bị xử lý kỷ luật", 2, "Không có: 2 điểm; có 01 trường hợp trở lên: 0 điểm và bị trừ 1 điểm"],
    ["2.1.2", "Chấp hành giờ giấc làm việc", 1, "Không vi phạm: 1 điểm; có vi phạm: 0 điểm và bị trừ 0,5 điểm"],
  ];
  it.each(["Tổng điểm tiêu chí 2.1 không nhỏ hơn 0 (không âm)", "Điểm thấp nhất là 0", "Tổng điểm không bị âm"])("%j on the parent's row is floor 0", (method) => {
    const { set, notes } = imported([["2", "CÔNG VỤ", 3, null], ["2.1", "Chấp hành kỷ luật, kỷ cương", 3, method], ...DISCIPLINE]);
    expect(set.items[0]!.children![0]).toMatchObject({ code: "2.1", floor: 0 });
    expect(notes.map((n) => n[0])).not.toContain("PARENT_METHOD_IGNORED");
  });

  it("reads 'Tổng điểm tiêu chí 3 không thấp hơn 0' on a sub-criterion as its parent's floor, numbered within the field", () => {
    const { set, notes } = imported([
      ["I", "TỔ CHỨC BỘ MÁY", 1, null],
      ["3", "Kiểm tra đơn vị trực thuộc", 1, null],
      ["3.1", "Ban hành kế hoạch kiểm tra", 0.5, "Có: 0,5 điểm; không: 0 điểm"],
      ["3.2", "Xử lý sau kiểm tra", 0.5, "Xử lý đầy đủ: 0,5 điểm; không xử lý: 0 điểm và bị trừ 0,25 điểm. Tổng điểm tiêu chí 3 không thấp hơn 0"],
    ]);
    expect(set.items[0]!.children![0]).toMatchObject({ code: "1.3", floor: 0 });
    expect(notes.map((n) => n[0])).not.toContain("CLAUSE_UNUSED");
  });

  it("notes a method on a parent's row that it does not read, and takes no rate bound for a floor", () => {
    const { set, notes } = imported([
      ["1", "CHỈ ĐẠO ĐIỀU HÀNH", 2, "Căn cứ kết quả kiểm tra của Sở Nội vụ"],
      ["1.1", "Kế hoạch", 1, "Có: 1 điểm; Không: 0 điểm"],
      ["1.2", "Thực hiện", 1, "Điểm: tỷ lệ hoàn thành tối thiểu 80%: 1 điểm; dưới 80%: 0 điểm"],
    ]);
    expect(notes).toContainEqual(["PARENT_METHOD_IGNORED", "S!D2", "1"]);
    expect(set.items[0]).not.toHaveProperty("floor");
    expect(set.items[0]!.children![1]!.rule).toEqual({ kind: "ratio", bands: [{ min: 80, points: 1 }, { min: 0, points: 0 }] });
  });
});

describe("a condition naming a sub-criterion as the decision numbers it within its field", () => {
  it("'tiêu chí thành phần 2.1' on 2.2 under field II is the sibling 2.2.1, not the set's criterion 2.1", () => {
    const { set } = imported([
      ["I", "CHỈ ĐẠO ĐIỀU HÀNH", 1, null],
      ["1", "Kế hoạch", 1, "Có: 1 điểm; Không: 0 điểm"],
      ["II", "CẢI CÁCH THỂ CHẾ", 4, null],
      ["1", "Ban hành văn bản QPPL", 2, "Kịp thời: 2 điểm; chậm: 1 điểm; không ban hành: 0 điểm"],
      ["2", "Rà soát văn bản QPPL", 2, null],
      ["2.1", "Ban hành kế hoạch rà soát", 1, "Có: 1 điểm; Không: 0 điểm"],
      ["2.2", "Xử lý kết quả rà soát", 1, "Chỉ chấm điểm tiêu chí này khi tiêu chí thành phần 2.1 đạt điểm tối đa. Xử lý 100%: 1 điểm; dưới 100%: 0 điểm"],
    ]);
    expect(set.items[1]!.children![1]!.children![1]).toMatchObject({ code: "2.2.2", requires: { code: "2.2.1", atLeast: 1 } });
  });
});

describe("an evidence cell that says none is required", () => {
  it.each(["-", "Không", "Không yêu cầu tài liệu kiểm chứng", "Hệ thống tự động trích xuất, đơn vị không phải cung cấp"])("%j sets no evidence.required", (evidence) => {
    const { set } = imported([["1", "Kế hoạch", 1, "Có: 1 điểm; không: 0 điểm", evidence]], [...HEADER, "Tài liệu kiểm chứng"]);
    expect(set.items[0]).not.toHaveProperty("evidence");
  });

  it("keeps a named document as the hint", () => {
    const { set } = imported([["1", "Kế hoạch", 1, "Có: 1 điểm; không: 0 điểm", "Kế hoạch CCHC năm"]], [...HEADER, "Tài liệu kiểm chứng"]);
    expect(set.items[0]!.evidence).toEqual({ required: true, hint: "Kế hoạch CCHC năm" });
  });
});

describe("a totals row counting the items ends the table", () => {
  const BODY: Value[][] = [
    ["I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", 3, null],
    ["1", "Ban hành kế hoạch CCHC", 1, "Kịp thời: 1 điểm; chậm: 0,5 điểm; không ban hành: 0 điểm"],
    ["2", "Tuyên truyền CCHC", 2, "Đầy đủ: 2 điểm; chưa đầy đủ: 1 điểm; không thực hiện: 0 điểm"],
  ];
  it.each([
    [[null, "Tổng số: 02 tiêu chí", "4 điểm", null]],
    [[null, "Tổng số: 01 lĩnh vực, 02 tiêu chí", 4, null]],
    [[null, "Cộng: 02 tiêu chí", 4, null]],
    [["TỔNG", "01 lĩnh vực, 02 tiêu chí", 4, null]],
  ])("%j: no option, no code, and its total checked", (total) => {
    const { set, notes } = imported([...BODY, total]);
    expect(set.items[0]!.children!.map((i) => [i.code, i.rule])).toEqual([
      ["1.1", { kind: "choice", options: [1, 0.5, 0] }],
      ["1.2", { kind: "choice", options: [2, 1, 0] }],
    ]);
    expect(notes.map((n) => n[0])).not.toContain("OPTION_OVER_MAX");
    expect(notes.map((n) => n[0])).not.toContain("DUPLICATE_CODE");
    expect(notes).toContainEqual(["TOTAL_MISMATCH", "S!C5", undefined]);
  });
});

describe("a table continued on a second sheet", () => {
  const H: Value[] = ["STT", "Tiêu chí", "Điểm tối đa", "Phương pháp chấm điểm"];
  const PAGE_1: Value[][] = [
    H,
    ["1", "CHỈ ĐẠO ĐIỀU HÀNH", 1, null],
    ["1.1", "Kế hoạch", 1, "Có: 1 điểm; Không: 0 điểm"],
    ["2", "THỂ CHẾ", 2, null],
    ["2.1", "Rà soát", 2, "Đầy đủ: 2 điểm; Không: 0 điểm"],
  ];
  const importSheets = (...sheets: GridSheet[]) => {
    const result = importCriteriaSet({ sheets }, OPTIONS);
    if (!result.ok) throw new Error(result.message);
    return { set: result.set, codes: result.notes.map((n) => n.code) };
  };

  it("reads fields 1–2 on 'Trang 1' and field 3 on 'Trang 2' as one set, with the bands and total under the last", () => {
    const { set, codes } = importSheets(
      sheetOf("Trang 1", PAGE_1),
      sheetOf("Trang 2", [H, ["3", "TÁC ĐỘNG", 2, null], ["3.1", "Mức độ hài lòng", 2, "Điểm điều tra xã hội học"], [null, "Tổng cộng", 6, null], [], XEP_LOAI]),
    );
    expect(set.items.map((i) => [i.code, i.max])).toEqual([["1", 1], ["2", 2], ["3", 2]]);
    expect(set.maxPoints).toBe(5);
    expect(set.bands.map((b) => b.min)).toEqual([90, 80, 70, 0]);
    expect(codes).toContain("SHEETS_JOINED");
    expect(codes).toContain("TOTAL_MISMATCH");
    expect(codes).not.toContain("SEVERAL_TABLES");
  });

  it("keeps copies apart: a second sheet repeating the codes is not joined, and noted", () => {
    const { set, codes } = importSheets(sheetOf("Cấp huyện", PAGE_1), sheetOf("Cấp xã", PAGE_1));
    expect(set.items.map((i) => i.code)).toEqual(["1", "2"]);
    expect(codes).toContain("SEVERAL_TABLES");
    expect(codes).not.toContain("SHEETS_JOINED");
  });
});

describe("two counts at different rates in one method", () => {
  it("stays manual with a note, never a count of one of them", () => {
    const { set, notes } = imported([
      ["1", "Thực hiện nhiệm vụ UBND tỉnh giao", 2, "Hoàn thành 100% nhiệm vụ đúng hạn: 2 điểm; mỗi nhiệm vụ chậm trừ 0,5 điểm; mỗi nhiệm vụ không hoàn thành trừ 1 điểm. Điểm của tiêu chí này thấp nhất là 0 điểm"],
    ]);
    expect(set.items[0]!.rule).toEqual({ kind: "manual", step: 0.25 });
    expect(notes).toContainEqual(["COUNTS_SEVERAL", "S!D2", "1"]);
    expect(notes.map((n) => n[0])).not.toContain("CLAUSE_UNUSED");
  });

  it("keeps one count with its cap", () => {
    expect(imported([["1", "Sáng kiến", 2, "Mỗi sáng kiến được 0,5 điểm, tối đa 2 điểm"]]).set.items[0]!.rule).toEqual({ kind: "count", each: 0.5, base: 0 });
  });
});

describe("notes on levels a rule does not use", () => {
  it.each([
    ["Đầy đủ, đúng hạn: 1 điểm; mỗi báo cáo chậm trừ 0,25 điểm", 1, { kind: "count", each: -0.25, base: 1 }],
    ["Không có sáng kiến: 0 điểm; mỗi sáng kiến được 0,5 điểm, tối đa 1 điểm", 1, { kind: "count", each: 0.5, base: 0 }],
  ])("%j: the count's base is used, so not noted", (method, max, rule) => {
    const { set, notes } = imported([["1", "Báo cáo", max, method]]);
    expect(set.items[0]!.rule).toEqual(rule);
    expect(notes.map((n) => n[0])).not.toContain("CLAUSE_UNUSED");
  });

  it("names the rule in Vietnamese words, no English rule kind", () => {
    const { messages } = imported([["1", "Báo cáo", 2, "Từ 90% trở lên: 2 điểm; có báo cáo riêng: 1 điểm; mỗi báo cáo chậm trừ 0,5 điểm"], ["2", "Kế hoạch", 2, "Từ 90% trở lên: 2 điểm; có báo cáo riêng: 1 điểm"]]);
    const unused = messages.filter((m) => m.includes("không dùng được mức"));
    expect(unused).toHaveLength(3);
    expect(unused.join(" ")).toContain("cách chấm theo số lượng");
    expect(unused.join(" ")).toContain("các mức theo tỷ lệ");
    expect(unused.join(" ")).not.toMatch(/\((?:count|ratio|choice)\)/);
  });
});

describe("a grand total written as text", () => {
  it.each([
    [[null, "Tổng điểm: 100 điểm", null, null], "S!B4"],
    [["TỔNG ĐIỂM TỐI ĐA: 100", null, null, null], "S!A4"],
  ])("%j is checked against the sum like a number in the max column", (total, cell) => {
    const { notes } = imported([["1", "Kế hoạch", 1, "Có: 1 điểm; không: 0 điểm"], ["2", "Kiểm tra", 1, "Có: 1 điểm; không: 0 điểm"], total]);
    expect(notes).toContainEqual(["TOTAL_MISMATCH", cell, undefined]);
  });

  it("says nothing when the text total adds up", () => {
    const { notes } = imported([["1", "Kế hoạch", 1, "Có: 1 điểm; không: 0 điểm"], ["2", "Kiểm tra", 1, "Có: 1 điểm; không: 0 điểm"], [null, "Tổng điểm: 2", null, null]]);
    expect(notes.map((n) => n[0])).not.toContain("TOTAL_MISMATCH");
  });
});
