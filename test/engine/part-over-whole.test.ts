import { describe, expect, it } from "vitest";
import { columnsTable } from "./data-columns-helpers.ts";
import { demoSet, type Value } from "./merged-header-helpers.ts";
import { scoreWorkbook } from "../../shared/index.ts";

/**
 * A part over its whole (03/12/2026, seventh session): "22/20" as the files on time of the files
 * received had scored full points, 110 %, with nothing said — a typo or two columns swapped, as a
 * reviewer reads it. It is still scored as written (the band caps it) and now said, at the data
 * cell: RATIO_OVER_100, a warning. A result over a plan is no such thing: a plan column beside the
 * data ("Kế hoạch" | "Thực hiện"), a plan named in the cell or by the sentence's words.
 */
const SET = demoSet("part-over-whole", "Bộ thử tử số lớn hơn mẫu số (minh họa)");
const read = (labels: string[], cells: (d: number, a: number) => Value[], locale: "vi" | "en" = "vi") => {
  const report = scoreWorkbook(columnsTable(labels, cells), SET, { locale });
  const item = report.items.find((i) => i.code === "1.1.2")!;
  const said = report.findings.filter((f) => f.criterion === "1.1.2");
  return { score: item.score, percent: item.percent, said: said.map((f) => `${f.code} ${f.severity} ${f.cell}`), messages: said.map((f) => f.message) };
};

describe("a part over its whole is said, still scored as written", () => {
  it('"22/20" in the data column: 110 %, full points, a warning at the data cell', () => {
    const r = read(["Số liệu"], (_, a) => [`${a + 2}/${a}`]);
    expect(r).toMatchObject({ score: 3, percent: 110, said: ["RATIO_OVER_100 warning TĐG!D9"] });
    expect(r.messages[0]).toContain("22/20");
    expect(r.messages[0]).toContain("tử số lớn hơn mẫu số");
    expect(read(["Số liệu"], (_, a) => [`Đạt ${a + 2}/${a} nhiệm vụ`], "en").messages[0]).toContain("part larger than its whole");
  });

  it("the part's column over the whole's ('Tổng số hồ sơ' | 'Đúng hạn' = 20 | 22): said at the part's cell", () => {
    expect(read(["Tổng số hồ sơ", "Đúng hạn"], (_, a) => [a, a + 2])).toMatchObject({ score: 3, percent: 110, said: ["RATIO_OVER_100 warning TĐG!E9"] });
    expect(read(["Tử số", "Mẫu số"], (_, a) => [a + 2, a])).toMatchObject({ score: 3, said: ["RATIO_OVER_100 warning TĐG!D9"] });
  });

  it.each([
    ["'Kế hoạch' | 'Thực hiện'", ["Kế hoạch", "Thực hiện"], (_: number, a: number) => [a, a + 2]],
    ["'Chỉ tiêu giao' | 'Kết quả thực hiện'", ["Chỉ tiêu giao", "Kết quả thực hiện"], (_: number, a: number) => [a, a + 2]],
    ["a plan named in the cell", ["Số liệu"], () => ["Thực hiện/dự toán: 1.260/1.200 triệu đồng"]],
    ["the sentence's words", ["Số liệu"], () => ["Dự toán: 1.200 triệu đồng; thực hiện: 1.260 triệu đồng"]],
  ])("a result over a plan says nothing: %s", (_, labels, cells) => {
    const r = read(labels, cells);
    expect(r.percent).toBeGreaterThan(100);
    expect(r.said).toEqual([]);
  });

  it("a part within its whole, or a rate written over 100 %, says nothing", () => {
    expect(read(["Số liệu"], (d, a) => [`${d}/${a}`])).toMatchObject({ percent: 90, said: [] });
    expect(read(["Số liệu"], (_, a) => [`${a}/${a}`])).toMatchObject({ percent: 100, said: [] });
    expect(read(["Số liệu"], () => ["Đạt 107% chỉ tiêu"])).toMatchObject({ percent: 107, said: [] });
  });
});
