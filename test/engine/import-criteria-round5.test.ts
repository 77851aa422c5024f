import { describe, expect, it } from "vitest";
import { importCriteriaSet, parseCriteriaSet, type GridSheet, type ImportCriteriaOptions } from "../../shared/index.ts";

/**
 * The fifth outside tester's round on the importer: each scoring option on a row of its own,
 * its wording in the method column and its points in a "Điểm" column beside "Điểm tối đa",
 * the leaf's cells merged down over its options (or left blank there).
 */
type Value = string | number | null;
const HEADER: Value[] = ["TT", "Tiêu chí, tiêu chí thành phần", "Điểm tối đa", "Phương pháp chấm điểm", "Điểm", "Tài liệu kiểm chứng"];
const OPTIONS: ImportCriteriaOptions = { id: "t-2024", year: 2024, unitType: "district" };
const XEP_LOAI: Value[] = ["Xếp loại: Tốt: từ 90% trở lên; Khá: từ 80% đến dưới 90%; Trung bình: từ 70% đến dưới 80%; Yếu: dưới 70%"];

/** "A3:A5" as the grid's zero-based merge. */
function merge(range: string): NonNullable<GridSheet["merges"]>[number] {
  const at = (ref: string) => ({ r: Number(ref.replace(/^[A-Z]+/, "")) - 1, c: ref.charCodeAt(0) - 65 });
  const [from, to] = range.split(":") as [string, string];
  return { s: at(from), e: at(to) };
}

function imported(rows: Value[][], { header = HEADER, merges = [] as string[] } = {}) {
  const values = [header, ...rows, [], XEP_LOAI];
  const sheet: GridSheet = { name: "S", rows: values.map((r) => r.map((v) => (v === null ? null : { v }))), merges: merges.map(merge) };
  const result = importCriteriaSet({ sheets: [sheet] }, OPTIONS);
  if (!result.ok) throw new Error(result.message);
  expect(parseCriteriaSet(result.set).ok).toBe(true);
  const leaves = result.set.items.flatMap((i) => i.children ?? [i]);
  return { set: result.set, leaves, notes: result.notes.map((n) => [n.code, n.cell, n.criterion]) };
}

/** The tester's table (case c13): rows 3–5 and 6–8, 10–11, 12–14 are one leaf each. */
const TESTER_ROWS: Value[][] = [
  ["1", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", 3, null, null, null],
  ["1.1", "Ban hành kế hoạch CCHC năm", 1, "Ban hành trước ngày 15/01", 1, "Kế hoạch CCHC"],
  [null, null, null, "Ban hành sau ngày 15/01", 0.5, null],
  [null, null, null, "Không ban hành", 0, null],
  ["1.2", "Tỷ lệ hoàn thành nhiệm vụ trong kế hoạch", 2, "Đạt 100%", 2, "Báo cáo"],
  [null, null, null, "Từ 80% đến dưới 100%", 1, null],
  [null, null, null, "Dưới 80%", 0, null],
  ["2", "CẢI CÁCH TTHC", 2, null, null, null],
  ["2.1", "Công khai TTHC trên Cổng DVC", 1, "Công khai đầy đủ", 1, null],
  [null, null, null, "Không đầy đủ", 0, null],
  ["2.2", "Tỷ lệ hồ sơ trực tuyến toàn trình", 1, "Trên 50%", 1, null],
  [null, null, null, "Từ 30% đến 50%", 0.5, null],
  [null, null, null, "Dưới 30%", 0, null],
  [null, "Tổng cộng", 5, null, null, null],
];
const TESTER_MERGES = ["A3:A5", "B3:B5", "C3:C5", "F3:F5", "A6:A8", "B6:B8", "C6:C8", "F6:F8", "A10:A11", "B10:B11", "C10:C11", "A12:A14", "B12:B14", "C12:C14"];
const TESTER_RULES = [
  ["1.1", { kind: "choice", options: [1, 0.5, 0] }],
  ["1.2", { kind: "ratio", bands: [{ min: 100, points: 2 }, { min: 80, points: 1 }, { min: 0, points: 0 }] }],
  ["2.1", { kind: "choice", options: [1, 0] }],
  ["2.2", { kind: "ratio", bands: [{ above: 50, points: 1 }, { min: 30, points: 0.5 }, { min: 0, points: 0 }] }],
];

describe("options on rows of their own, their points in a 'Điểm' column beside 'Điểm tối đa'", () => {
  it("reads the tester's table with the leaf's cells merged down: choices, and bands strict ('Trên 50%') or inclusive ('Từ 30% đến 50%')", () => {
    const { set, leaves, notes } = imported(TESTER_ROWS, { merges: TESTER_MERGES });
    expect(leaves.map((l) => [l.code, l.rule])).toEqual(TESTER_RULES);
    expect(leaves.map((l) => l.max)).toEqual([1, 2, 1, 1]);
    expect(set.maxPoints).toBe(5);
    expect(leaves[0]!.evidence).toEqual({ required: true, hint: "Kế hoạch CCHC" });
    expect(notes.map((n) => n[0])).not.toContain("METHOD_UNREAD");
    expect(notes.map((n) => n[0])).not.toContain("UNCODED_PARTS");
    expect(notes.map((n) => n[0])).not.toContain("TOTAL_MISMATCH");
  });

  it("reads the same table when the option rows are left blank instead of merged", () => {
    const { leaves, notes } = imported(TESTER_ROWS);
    expect(leaves.map((l) => [l.code, l.rule])).toEqual(TESTER_RULES);
    expect(notes.map((n) => n[0])).not.toContain("METHOD_UNREAD");
  });

  it.each(["Điểm chấm", "Điểm đánh giá", "Số điểm", "Điểm (chấm)"])("reads the points column headed %j", (label) => {
    const { leaves } = imported(TESTER_ROWS, { header: [...HEADER.slice(0, 4), label, HEADER[5]!], merges: TESTER_MERGES });
    expect(leaves.map((l) => [l.code, l.rule])).toEqual(TESTER_RULES);
  });

  it("reads options starting on the row below the leaf, its own method and points cells blank", () => {
    const { leaves, notes } = imported([
      ["1", "Ban hành kế hoạch CCHC năm", 1, null, null, "Kế hoạch CCHC"],
      [null, null, null, "Ban hành trước ngày 15/01", 1, null],
      [null, null, null, "Ban hành sau ngày 15/01", 0.5, null],
      [null, null, null, "Không ban hành", 0, null],
      ["2", "Tỷ lệ hồ sơ trực tuyến toàn trình", 1, null, null, null],
      [null, null, null, "Trên 50%", 1, null],
      [null, null, null, "Từ 30% đến 50%", 0.5, null],
      [null, null, null, "Dưới 30%", 0, null],
    ]);
    expect(leaves.map((l) => [l.code, l.rule])).toEqual([TESTER_RULES[0]![1], TESTER_RULES[3]![1]].map((rule, i) => [String(i + 1), rule]));
    expect(notes.map((n) => n[0])).not.toContain("METHOD_UNREAD");
  });

  it("reads points typed as text with a decimal comma ('0,5', '1 điểm')", () => {
    const { leaves } = imported([
      ["1", "Ban hành kế hoạch CCHC năm", "1", "Ban hành trước ngày 15/01", "1 điểm", null],
      [null, null, null, "Ban hành sau ngày 15/01", "0,5", null],
      [null, null, null, "Không ban hành", "0", null],
      ["2", "Tỷ lệ hoàn thành nhiệm vụ", "1,5", "Đạt 100%", "1,5", null],
      [null, null, null, "Từ 80% đến dưới 100%", "0,75", null],
      [null, null, null, "Dưới 80%", "0", null],
    ]);
    expect(leaves.map((l) => [l.code, l.max, l.rule])).toEqual([
      ["1", 1, { kind: "choice", options: [1, 0.5, 0] }],
      ["2", 1.5, { kind: "ratio", bands: [{ min: 100, points: 1.5 }, { min: 80, points: 0.75 }, { min: 0, points: 0 }] }],
    ]);
  });

  it("keeps points written in the option's own words before the column's ('Kịp thời: 1 điểm' beside a blank)", () => {
    const { leaves } = imported([
      ["1", "Ban hành kế hoạch CCHC năm", 1, "Kịp thời: 1 điểm", null, null],
      [null, null, null, "Chậm: 0,5 điểm", null, null],
      [null, null, null, "Không ban hành: 0 điểm", null, null],
    ]);
    expect(leaves[0]!.rule).toEqual({ kind: "choice", options: [1, 0.5, 0] });
  });
});

describe("what the points column must not change", () => {
  it("reads a sheet's only 'Điểm' column as the leaf's maximum, option rows' points in it as before", () => {
    const { leaves, notes } = imported(
      [
        ["1", "Ban hành kế hoạch CCHC năm", 1, "Kịp thời: 1 điểm; chậm: 0,5 điểm; không ban hành: 0 điểm"],
        ["2", "Tuyên truyền CCHC", 2, null],
        [null, "- Đầy đủ", 2, null],
        [null, "- Chưa đầy đủ", 1, null],
        [null, "- Không thực hiện", 0, null],
      ],
      { header: ["STT", "Tiêu chí", "Điểm", "Phương pháp chấm điểm"] },
    );
    expect(leaves.map((l) => [l.code, l.max, l.rule])).toEqual([
      ["1", 1, { kind: "choice", options: [1, 0.5, 0] }],
      ["2", 2, { kind: "choice", options: [2, 1, 0] }],
    ]);
    expect(notes.map((n) => n[0])).not.toContain("MAX_MISSING");
  });

  it("keeps a wording without points manual, with its note, never paying points in silence", () => {
    const { leaves, notes } = imported([
      ["1", "Ban hành kế hoạch CCHC năm", 1, "Ban hành trước ngày 15/01", null, null],
      [null, null, null, "Ban hành sau ngày 15/01", "Tùy mức độ", null],
      [null, null, null, "Không ban hành", null, null],
    ]);
    expect(leaves[0]!.rule).toEqual({ kind: "manual", step: 0.25 });
    expect(notes).toContainEqual(["METHOD_UNREAD", "S!D2", "1"]);
  });

  it("takes one figure in the column beside a single option for a score typed there, not an option: manual with its note", () => {
    // A unit's filled copy of the decision: "Điểm" holds what it scored, one figure per criterion.
    const { leaves, notes } = imported([
      ["1", "Ban hành kế hoạch CCHC năm", 1, "Ban hành kế hoạch trước ngày 15/01", 1, null],
      ["2", "Tuyên truyền CCHC", 2, "Tổ chức tuyên truyền", 1, null],
      [null, null, null, "Đánh giá theo mức độ thực hiện", null, null],
    ]);
    expect(leaves.map((l) => l.rule)).toEqual([{ kind: "manual", step: 0.25 }, { kind: "manual", step: 0.25 }]);
    expect(notes.filter((n) => n[0] === "METHOD_UNREAD").map((n) => n[2])).toEqual(["1", "2"]);
  });

  it("never reads a 'Điểm tự đánh giá' column as the options' points", () => {
    const { leaves, notes } = imported(TESTER_ROWS.slice(0, 4), { header: [...HEADER.slice(0, 4), "Điểm tự đánh giá", HEADER[5]!] });
    expect(leaves[0]!.rule).toEqual({ kind: "manual", step: 0.25 });
    expect(notes).toContainEqual(["METHOD_UNREAD", "S!D3", "1.1"]);
  });
});
