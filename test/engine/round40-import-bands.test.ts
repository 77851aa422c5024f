/**
 * RD40 (import-criteria, tester rt-rd40): 6365ecd (RD39-1/2) made "has a rule" read neither the
 * note column serving as the method nor option points written without "điểm" after a cap. A
 * coded criterion whose rule stands in Ghi chú (no method column), or whose method cell reads
 * "Tối đa 2 điểm (đủ, đúng hạn 2; chậm 0)", then took the next labelled criterion's band table
 * as its own: that criterion vanished (9 → 7; the demo commune set lost 4.2 and 5.2), and
 * "Tối đa 2 điểm; đúng hạn 2, chậm 1" was dropped for the table with no note (RD40-2).
 */
import { describe, expect, it } from "vitest";
import { importCriteriaSet, type Grid } from "../../shared/index.ts";

const commune = { id: "x", year: 2025, unitType: "commune" as const };
type Value = string | number;
type Item = { code: string; title: string; maxPoints: number; rule?: unknown; children?: Item[] };

const gridOf = (rows: Value[][]): Grid => ({ sheets: [{ name: "Cấp xã", merges: [], rows: rows.map((r) => r.map((v) => (v === "" ? null : { v }))) }] });
const imported = (rows: Value[][]) => {
  const result = importCriteriaSet(gridOf(rows), commune);
  if (!result.ok) throw new Error(result.message);
  const all = (items: Item[]): Item[] => items.flatMap((i) => [i, ...all(i.children ?? [])]);
  return { max: result.set.maxPoints, items: all(result.set.items as Item[]), notes: result.notes.map((n) => n.message) };
};
const top = [["ỦY BAN NHÂN DÂN TỈNH MINH HỌA"], ["BỘ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH CẤP XÃ NĂM 2025"], []];

/** rd40's n28 layout: criterion 2's rule in its method cell (Ghi chú, or a true method column), then a labelled criterion 3 and its bands. */
function n28({ methodCol = false, rule2 = "Gửi đầy đủ, đúng hạn: 2 điểm; không đầy đủ hoặc chậm: 0 điểm", lab3 = "Tiêu chí 3 (2 điểm)", typed3 = 2 as Value } = {}): Value[][] {
  const r = (code: Value, title: Value, max: Value = "", rule: Value = "") => (methodCol ? [code, title, max, rule, "", ""] : [code, title, max, "", rule]);
  const head = methodCol
    ? ["STT", "Lĩnh vực, tiêu chí, tiêu chí thành phần", "Điểm tối đa", "Phương pháp chấm điểm", "Tài liệu kiểm chứng", "Ghi chú"]
    : ["STT", "Lĩnh vực, tiêu chí, tiêu chí thành phần", "Điểm tối đa", "Tài liệu kiểm chứng", "Ghi chú"];
  return [
    ...top, head,
    r("I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH", 5),
    r("1", "Ban hành kế hoạch CCHC năm", 1, "Ban hành trước ngày 31/01: 1 điểm; sau ngày 31/01: 0 điểm"),
    r("2", "Báo cáo CCHC định kỳ", 2, rule2),
    r(lab3, "Tỷ lệ nhiệm vụ trong kế hoạch CCHC hoàn thành đạt trên 90%", typed3),
    r("", "Từ 70% đến 90%: 1 điểm"),
    r("", "Dưới 70%: 0 điểm"),
    r("II", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", 4),
    r("1", "Công khai thủ tục hành chính", 4, "Đầy đủ, đúng quy định: 4 điểm; không đầy đủ: 0 điểm"),
    r("", "Tổng cộng (I + II)", 9),
  ];
}
const RATE = { kind: "ratio", bands: [{ above: 90, points: 2 }, { min: 70, points: 1 }, { min: 0, points: 0 }] };
/** Criterion 3 stays a criterion of field I, and criterion 2 keeps its own rule (not criterion 3's rates). */
function keepsCriterion3(set: ReturnType<typeof imported>): void {
  expect(set.items.find((i) => i.title.startsWith("Tỷ lệ nhiệm vụ"))?.code).toBe("1.3");
  expect(set.items.find((i) => i.code === "1.2")?.title).toBe("Báo cáo CCHC định kỳ");
  expect(set.items.find((i) => i.code === "1.2")?.rule).not.toMatchObject({ kind: "ratio" });
}

describe("RD40-1: a rule written in Ghi chú, read as the method, is the criterion's rule", () => {
  it("n28: 'Gửi đầy đủ, đúng hạn: 2 điểm; không đầy đủ hoặc chậm: 0 điểm' in Ghi chú: 1.2 choice [2, 0], 1.3 kept, 9", () => {
    const set = imported(n28());
    keepsCriterion3(set);
    expect(set.items.find((i) => i.code === "1.2")?.rule).toMatchObject({ kind: "choice", options: [2, 0] });
    expect(set.max).toBe(9);
  });
  it("n28e: 'Gửi đúng hạn được 2 điểm' in Ghi chú", () => {
    const set = imported(n28({ rule2: "Gửi đúng hạn được 2 điểm" }));
    keepsCriterion3(set);
    expect(set.max).toBe(9);
  });
  it("n28c: the label's points not typed in the max column", () => keepsCriterion3(imported(n28({ typed3: "" }))));
  it("n28f: a method column 'Tối đa 2 điểm (đủ, đúng hạn 2; chậm 0)' is a rule beside its cap", () => {
    const set = imported(n28({ methodCol: true, rule2: "Tối đa 2 điểm (đủ, đúng hạn 2; chậm 0)" }));
    keepsCriterion3(set);
    expect(set.max).toBe(9);
  });
  it("n28b control: the same rule in a true method column", () => {
    const set = imported(n28({ methodCol: true }));
    keepsCriterion3(set);
    expect(set.max).toBe(9);
  });
  it("the demo commune layout with methods in Ghi chú: 4.1's rule stays, 'Tiêu chí 4.2 (3 điểm)' stays 4.2", () => {
    const r = (code: Value, title: Value, max: Value = "", note: Value = "") => [code, title, max, "", note];
    const set = imported([
      ...top,
      ["STT", "Lĩnh vực, tiêu chí, tiêu chí thành phần", "Điểm tối đa", "Tài liệu kiểm chứng", "Ghi chú"],
      r("I", "Cải cách tổ chức bộ máy và chế độ công vụ", 6),
      r("1.1", "Bố trí cán bộ, công chức cấp xã đúng số lượng, chức danh theo quy định", 3, "Thực hiện đầy đủ, đúng quy định: 3 điểm; Không thực hiện: 0 điểm"),
      r("Tiêu chí 1.2 (3 điểm)", "Tỷ lệ cán bộ, công chức cấp xã đạt chuẩn theo quy định đạt từ 100% trở lên", 3),
      r("", "Từ 90% đến dưới 100%: 2 điểm"),
      r("", "Từ 80% đến dưới 90%: 1 điểm"),
      r("", "Dưới 80%: 0 điểm"),
      r("", "Tổng cộng", 6),
    ]);
    expect(set.items.find((i) => i.code === "1.1")?.rule).toMatchObject({ kind: "choice", options: [3, 0] });
    expect(set.items.find((i) => i.code === "1.2")?.rule).toMatchObject({ kind: "ratio" });
    expect(set.max).toBe(6);
  });
});

describe("RD40-2: option points without 'điểm' beside a cap are still a rule", () => {
  it("n09: 'Tối đa 2 điểm; đúng hạn 2, chậm 1' over 'Tiêu chí 1.2 (2 điểm)' lines: the reviewer is told the cell is not used", () => {
    const r = (code: Value, title: Value, max: Value = "", meth: Value = "") => [code, title, max, meth, "", ""];
    const set = imported([
      ...top,
      ["STT", "Lĩnh vực, tiêu chí, tiêu chí thành phần", "Điểm tối đa", "Phương pháp chấm điểm", "Tài liệu kiểm chứng", "Ghi chú"],
      r("I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH", 3),
      r("1", "Ban hành kế hoạch CCHC năm", 1, "Ban hành kịp thời: 1 điểm; không kịp thời: 0 điểm"),
      r("2", "Mức độ thực hiện kế hoạch CCHC", 2, "Tối đa 2 điểm; đúng hạn 2, chậm 1"),
      r("Tiêu chí 2 (2 điểm)", "Thực hiện trên 90% kế hoạch", 2),
      r("", "Thực hiện từ 70% đến 90% kế hoạch", 1),
      r("", "Thực hiện dưới 70% kế hoạch", 0),
      r("", "Tổng cộng", 3),
    ]);
    expect(set.notes.some((n) => n.includes("1.2") && n.includes("đúng hạn 2, chậm 1"))).toBe(true);
    expect(set.items.filter((i) => i.title === "Thực hiện trên 90% kế hoạch")).toHaveLength(0);
  });
});

describe("RD39-2 kept: a remark that pays nothing in Ghi chú is no rule", () => {
  it("'Không có kế hoạch thì không chấm, 0 điểm' beside a criterion whose bands follow: the table is its own", () => {
    const set = imported(n28({ rule2: "Không có kế hoạch thì không chấm, 0 điểm", lab3: "Tiêu chí 2 (2 điểm)" }));
    expect(set.items.find((i) => i.code === "1.2")?.rule).toMatchObject(RATE);
    expect(set.items.filter((i) => i.title.startsWith("Tỷ lệ nhiệm vụ"))).toHaveLength(0);
  });
});
