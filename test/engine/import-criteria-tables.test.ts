import { describe, expect, it } from "vitest";
import { importCriteriaSet, parseCriteriaSet, type GridSheet, type ImportCriteriaOptions, type ImportedItem } from "../../shared/index.ts";

type Value = string | number | null;
const HEADER: Value[] = ["STT", "Tiêu chí", "Điểm tối đa", "Phương pháp chấm điểm"];
const OPTIONS: ImportCriteriaOptions = { id: "t-2024", year: 2024, unitType: "commune" };
const XEP_LOAI: Value[] = ["Xếp loại: Tốt: từ 90% trở lên; Khá: từ 80% đến dưới 90%; Trung bình: từ 70% đến dưới 80%; Yếu: dưới 70%"];

function imported(rows: Value[][]) {
  const sheet: GridSheet = { name: "S", rows: [HEADER, ...rows, [], XEP_LOAI].map((r) => r.map((v) => (v === null ? null : { v }))), merges: [] };
  const result = importCriteriaSet({ sheets: [sheet] }, OPTIONS);
  if (!result.ok) throw new Error(result.message);
  expect(parseCriteriaSet(result.set).ok).toBe(true);
  return { set: result.set, notes: result.notes.map((n) => [n.code, n.cell, n.criterion]) };
}

const shape = (items: ImportedItem[]): unknown[] => items.map((i) => [i.code, i.max, i.adjustment ?? false, ...(i.children ? [shape(i.children)] : [])]);

const FIELDS: Value[][] = [
  ["A", "ĐIỂM TỰ ĐÁNH GIÁ", 3, null],
  ["I", "CHỈ ĐẠO ĐIỀU HÀNH", 2, null],
  ["1", "Kế hoạch", 2, "Kịp thời: 2 điểm; Chậm: 1 điểm; Không: 0 điểm"],
  ["II", "THỂ CHẾ", 1, null],
  ["1", "Rà soát", 1, "Đúng hạn: 1 điểm; Không: 0 điểm"],
];

describe("importCriteriaSet: parts of a table that restart their numbering", () => {
  it("a part 'C | ĐIỂM THƯỞNG, ĐIỂM TRỪ' with items 1, 2 becomes the adjustment field after the last one", () => {
    const { set, notes } = imported([
      ...FIELDS,
      ["C", "ĐIỂM THƯỞNG, ĐIỂM TRỪ", null, null],
      ["1", "Sáng kiến CCHC được công nhận", 1, "Mỗi sáng kiến được cộng 0,5 điểm, tối đa 1 điểm"],
      ["2", "Cán bộ vi phạm kỷ luật", -2, "Có cán bộ bị kỷ luật: trừ 2 điểm"],
    ]);
    expect(shape(set.items)).toEqual([
      ["1", 2, false, [["1.1", 2, false]]],
      ["2", 1, false, [["2.1", 1, false]]],
      ["3", undefined, true, [["3.1", 1, false], ["3.2", 0, false]]],
    ]);
    expect(set.maxPoints).toBe(3);
    expect(notes.map((n) => n[0])).toContain("PART_RENUMBERED");
    expect(notes.map((n) => n[0])).not.toContain("DUPLICATE_CODE");
  });

  it("a part restarting its Roman numerals continues the field numbering; items straight under a part make it a field", () => {
    const restart = imported([...FIELDS, ["B", "ĐIỂM ĐIỀU TRA XÃ HỘI HỌC", 2, null], ["I", "SỰ HÀI LÒNG CỦA NGƯỜI DÂN", 2, null], ["1", "Tiếp cận dịch vụ", 1, null], ["2", "Kết quả giải quyết", 1, null]]);
    expect(shape(restart.set.items)).toEqual([
      ["1", 2, false, [["1.1", 2, false]]],
      ["2", 1, false, [["2.1", 1, false]]],
      ["3", 2, false, [["3.1", 1, false], ["3.2", 1, false]]],
    ]);
    expect(restart.set.items[2]!.children!.map((c) => c.rule)).toEqual([{ kind: "survey" }, { kind: "survey" }]);
    expect(restart.set.maxPoints).toBe(5);
    expect(restart.notes).toContainEqual(["PART_RENUMBERED", "S!B7", undefined]);

    const numbered = imported([...FIELDS, ["B", "ĐIỂM ĐIỀU TRA XÃ HỘI HỌC", 2, null], ["1", "Tiếp cận dịch vụ", 1, null], ["2", "Kết quả giải quyết", 1, null]]);
    expect(numbered.set.items.map((i) => [i.code, i.title, i.max])).toEqual([
      ["1", "CHỈ ĐẠO ĐIỀU HÀNH", 2],
      ["2", "THỂ CHẾ", 1],
      ["3", "ĐIỂM ĐIỀU TRA XÃ HỘI HỌC", 2],
    ]);
  });
});

describe("importCriteriaSet: what a leaf's method needs its max or the tree for", () => {
  it("reads a share of the max ('được 50% số điểm', 'bị trừ 50% số điểm') as points of the leaf", () => {
    const { set } = imported([
      ["1", "Kế hoạch", 2, "Ban hành đúng hạn: 2 điểm; Ban hành chậm: bị trừ 50% số điểm; Không ban hành: 0 điểm"],
      ["2", "Báo cáo", 3, "Đúng hạn: đạt điểm tối đa; Chậm: được 50% số điểm (tối đa); Không: 0 điểm"],
    ]);
    expect(set.items.map((i) => i.rule)).toEqual([
      { kind: "choice", options: [2, 1, 0] },
      { kind: "choice", options: [3, 1.5, 0] },
    ]);
  });

  it("a 'cứ N%' step is proportional when it lands on the max at 100 %, else manual and noted", () => {
    const { set, notes } = imported([
      ["1", "Hồ sơ đúng hạn", 2, "Cứ 10% hồ sơ giải quyết đúng hạn được 0,2 điểm"],
      ["2", "Hồ sơ trực tuyến", 1, "Cứ 10% hồ sơ trực tuyến được 0,2 điểm"],
    ]);
    expect(set.items.map((i) => i.rule)).toEqual([
      { kind: "ratio", proportional: true },
      { kind: "manual", step: 0.25 },
    ]);
    expect(notes).toContainEqual(["PERCENT_STEP_MANUAL", "S!D3", "2"]);
  });

  it("a method with survey words but levels of its own is scored by its levels", () => {
    const { set } = imported([["1", "Mức độ ứng dụng CNTT", 2, "Căn cứ kết quả khảo sát, đánh giá của Sở Thông tin và Truyền thông: Tốt: 2 điểm; Khá: 1 điểm; Trung bình trở xuống: 0 điểm"]]);
    expect(set.items[0]!.rule).toEqual({ kind: "choice", options: [2, 1, 0] });
  });

  it("keeps the 0 of a clause whose bracket says 'không phát sinh → điểm tối đa'", () => {
    const { set } = imported([["1", "Xử lý phản ánh", 1, "Đúng quy định: 1 điểm; Không đúng quy định hoặc không thực hiện: 0 điểm (trường hợp không phát sinh thì được điểm tối đa)"]]);
    expect(set.items[0]).toMatchObject({ notApplicable: "full", rule: { kind: "choice", options: [1, 0] } });
  });

  it("reads a condition on another criterion into 'requires' at that criterion's max; notes one it cannot set", () => {
    const { set, notes } = imported([
      ["1", "Kế hoạch", 2, "Kịp thời: 2 điểm; Chậm: 1 điểm; Không: 0 điểm"],
      ["2", "Thực hiện kế hoạch", 1, "Đạt 100%: 1 điểm; dưới 100%: 0 điểm. Chỉ chấm khi tiêu chí 1 đạt điểm tối đa"],
      ["3", "Báo cáo", 1, "Trường hợp tiêu chí 7 không đạt điểm tối đa thì tiêu chí này không được chấm điểm; Đủ: 1 điểm; Thiếu: 0 điểm"],
    ]);
    expect(set.items[1]!.requires).toEqual({ code: "1", atLeast: 2 });
    expect(set.items[1]!.rule).toEqual({ kind: "ratio", bands: [{ min: 100, points: 1 }, { min: 0, points: 0 }] });
    expect(set.items[2]!.requires).toBeUndefined();
    expect(set.items[2]!.rule).toEqual({ kind: "choice", options: [1, 0] });
    expect(notes).toContainEqual(["REQUIREMENT_UNRESOLVED", "S!D4", "3"]);
  });

  it("resolves 'tiêu chí 4' numbered within its field to the set's 1.4", () => {
    const { set } = imported([
      ["I", "CHỈ ĐẠO ĐIỀU HÀNH", 3, null],
      ["1", "Kiểm tra", 2, "Đạt: 2 điểm; Không đạt: 0 điểm"],
      ["2", "Khắc phục sau kiểm tra", 1, "Chỉ chấm khi tiêu chí 1 đạt điểm tối đa. Khắc phục xong: 1 điểm; Chưa khắc phục: 0 điểm"],
    ]);
    expect(set.items[0]!.children![1]).toMatchObject({ requires: { code: "1.1", atLeast: 2 }, rule: { kind: "choice", options: [1, 0] } });
  });

  it("notes uncoded rows under a row with no max that each carry their own points and method: maybe criteria", () => {
    const { notes } = imported([
      ["I", "CHỈ ĐẠO ĐIỀU HÀNH", null, null],
      [null, "Kế hoạch cải cách hành chính năm", 2, "Ban hành kịp thời: 2 điểm; Chậm: 1 điểm; Không ban hành: 0 điểm"],
      [null, "Báo cáo cải cách hành chính", 1, "Đầy đủ, đúng hạn: 1 điểm; Không: 0 điểm"],
    ]);
    expect(notes).toContainEqual(["UNCODED_CRITERIA", "S!B3", "1"]);
  });
});
