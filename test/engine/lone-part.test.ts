import { describe, expect, it } from "vitest";
import { columnsTable, countLayout, countLayoutTable, type CountOf } from "./data-columns-helpers.ts";
import { demoSet, errorsOf, merge, TOP } from "./merged-header-helpers.ts";
import { scoreWorkbook } from "../../shared/index.ts";

/**
 * One count beside its whole (03/12/2026, sixth session): "Tổng số TTHC" | "Trực tuyến toàn
 * trình" = 20 | 18. With no second part to add up to the total (parts-add-up.test.ts), one
 * column's label does not say that it counts among the total beside it, so the table as a whole
 * still reads no data column from it; but a ratio criterion whose title names the column's words
 * ("Tỷ lệ TTHC cung cấp dịch vụ công trực tuyến toàn trình") reads it over the whole, where its
 * figures never pass the whole's. Such rows had said their figures were missing (DATA_MISSING);
 * of the five layouts below, the second and the fifth were read before (by the share beside the
 * part, by the group label over both) and read as they did.
 */
const titled = (title: string) => demoSet("lone-part", "Bộ thử một phần bên tổng (minh họa)", { "1.1.2": title, "2.2.2": title });
const UNTITLED = demoSet("lone-part", "Bộ thử một phần bên tổng (minh họa)");
const percents = (labels: string[], cells: (d: number, a: number) => (number | string)[], set = titled("Tỷ lệ TTHC cung cấp dịch vụ công trực tuyến toàn trình"), group = "") => {
  const sheet = group ? columnsTable([group, ...labels.slice(1).map(() => "")], cells, labels, [merge(TOP, 3, TOP, 3 + labels.length - 1)]) : columnsTable(labels, cells);
  const report = scoreWorkbook(sheet, set);
  return { read: ["1.1.2", "2.2.2"].map((c) => report.items.find((i) => i.code === c)?.percent), errors: errorsOf(report) };
};

describe("a lone part beside its whole", () => {
  it.each([
    [["Tổng số TTHC", "Trực tuyến toàn trình"], (d: number, a: number) => [a, d], ""],
    [["Tổng số TTHC", "DVC trực tuyến toàn trình", "Tỷ lệ (%)"], (d: number, a: number) => [a, d, Math.round((d / a) * 10000) / 100], ""],
    [["Trực tuyến toàn trình", "Tổng số TTHC"], (d: number, a: number) => [d, a], ""],
    [["Số TTHC thuộc thẩm quyền", "Số TTHC trực tuyến toàn trình"], (d: number, a: number) => [a, d], "Số liệu kê khai"],
    [["Tổng số", "Trực tuyến toàn trình"], (d: number, a: number) => [a, d], "Thủ tục hành chính"],
  ] as const)("%j (%s): read by the criterion whose title names it, 90 % and 98 %", (labels, cells, group) => {
    expect(percents([...labels], cells, undefined, group)).toEqual({ read: [90, 98], errors: [] });
  });

  it("a title naming no part still says the figure is missing, as before", () => {
    const { read, errors } = percents(["Tổng số TTHC", "Trực tuyến toàn trình"], (d, a) => [a, d], UNTITLED);
    expect(read).toEqual([undefined, undefined]);
    expect(errors.filter((e) => e.startsWith("DATA_MISSING"))).toHaveLength(2);
  });

  it("where one row's part passes its whole, the column is no part of it: the figure is missing", () => {
    // 2.2.2's row written 100 | 120: not a part of 100 (a count of something else, a year's figure).
    const { read } = percents(["Tổng số TTHC", "Trực tuyến toàn trình"], (d, a) => (a === 100 ? [a, 120] : [a, d]));
    expect(read).toEqual([undefined, undefined]);
  });

  it("never what was not done, nor a share, nor the other channel, whatever the title names", () => {
    const digitised = titled("Tỷ lệ hồ sơ TTHC được số hóa");
    // Not yet digitised is the rest of its whole, as before: 90 % digitised, never 2 of 20 (10 %).
    expect(percents(["Tổng số hồ sơ", "Chưa số hóa"], (d, a) => [a, a - d], digitised).read).toEqual([90, 98]);
    expect(percents(["Tổng số hồ sơ", "Tỷ lệ số hóa"], (d, a) => [a, Math.round((d / a) * 100)], digitised).read).not.toContain(45);
    const inPerson = titled("Tỷ lệ hồ sơ nộp trực tiếp tại bộ phận một cửa");
    expect(percents(["Tổng số hồ sơ", "Trực tiếp"], (d, a) => [a, d], inPerson).read).toEqual([undefined, undefined]);
  });

  it("a table's own data column stays the data: parts of another count beside it are not read, whatever the title names", () => {
    const online = titled("Tỷ lệ hồ sơ tiếp nhận trực tuyến");
    // "Số liệu kê khai" = 18/20 declared; beside it 50 files of which 5 online (and 45 in person): had read 5/50, 10 %, nothing said.
    expect(percents(["Số liệu kê khai", "Tổng số hồ sơ", "Trực tuyến"], (d, a) => [`${d}/${a}`, 50, 5], online)).toEqual({ read: [90, 98], errors: [] });
    expect(percents(["Số liệu kê khai", "Tổng số hồ sơ", "Trực tuyến", "Trực tiếp"], (d, a) => [`${d}/${a}`, 50, 5, 45], online)).toEqual({ read: [90, 98], errors: [] });
  });

  it("two criteria in one table: each reads the part its own title names, the other says its figure is missing", () => {
    const set = demoSet("lone-part", "Bộ thử", { "1.1.2": "Tỷ lệ hoàn thành nhiệm vụ", "2.2.2": "Tỷ lệ TTHC cung cấp dịch vụ công trực tuyến toàn trình" });
    const { read, errors } = percents(["Tổng số", "Trực tuyến toàn trình"], (d, a) => [a, d], set);
    expect(read).toEqual([undefined, 98]);
    expect(errors.filter((e) => e.startsWith("DATA_MISSING"))).toEqual(["DATA_MISSING 1.1.2 TĐG!H9"]);
  });
});

/**
 * The grid: a whole (9 labels: "Tổng số TTHC", "Số TTHC thuộc thẩm quyền", "Số văn bản đi" …), one
 * part (15 labels, each with a title naming it), its share or not, flat or under 3 group labels —
 * 1,080 layouts, every 4th kept. With the engine before this change 256 said their figures were
 * missing and none was read wrong; now all are read, and under titles naming no part every
 * layout reads as before (824 read, 256 said).
 */
const WHOLES = ["Tổng số TTHC", "Tổng số thủ tục hành chính", "Số TTHC thuộc thẩm quyền", "TTHC thuộc thẩm quyền", "Tổng số hồ sơ", "Số TTHC", "Tổng số văn bản", "Số văn bản đi", "Tổng số"];
const PARTS: [string, string][] = [
  ["Số TTHC trực tuyến toàn trình", "Tỷ lệ TTHC cung cấp dịch vụ công trực tuyến toàn trình"],
  ["Trực tuyến toàn trình", "Tỷ lệ TTHC cung cấp dịch vụ công trực tuyến toàn trình"],
  ["DVC trực tuyến toàn trình", "Tỷ lệ TTHC cung cấp dịch vụ công trực tuyến toàn trình"],
  ["Số hồ sơ đã số hóa", "Tỷ lệ hồ sơ TTHC được số hóa"],
  ["Đã số hóa", "Tỷ lệ hồ sơ TTHC được số hóa"],
  ["Số hóa", "Tỷ lệ hồ sơ TTHC được số hóa kết quả"],
  ["Số văn bản ký số", "Tỷ lệ văn bản được ký số"],
  ["Ký số", "Tỷ lệ văn bản đi được ký số"],
  ["Được ký số", "Tỷ lệ văn bản đi được ký số"],
  ["Số TTHC đã công khai", "Tỷ lệ TTHC được công khai đầy đủ"],
  ["Công khai", "Tỷ lệ TTHC được công khai"],
  ["Đã công bố", "Tỷ lệ TTHC đã công bố đúng hạn"],
  ["Số hồ sơ trực tuyến", "Tỷ lệ hồ sơ nộp trực tuyến"],
  ["Nộp trực tuyến", "Tỷ lệ hồ sơ nộp trực tuyến"],
  ["Trực tuyến", "Tỷ lệ hồ sơ tiếp nhận trực tuyến"],
];

describe("1,080 layouts of one part beside its whole", () => {
  const layouts = ["", "Số liệu kê khai", "Thủ tục hành chính", "Kết quả"].flatMap((group) =>
    [false, true].flatMap((shares) => WHOLES.flatMap((whole) => PARTS.map(([part, title]) => ({ layout: countLayout(group, shares, whole, [[part, ((d) => d) satisfies CountOf]]), title })))),
  );

  it("every 4th: read 90 % and 98 % where the title names the part; as before where it names none, never wrong", () => {
    expect(layouts).toHaveLength(1_080);
    const outcomes = layouts
      .filter((_, i) => i % 4 === 0)
      .map(({ layout, title }) => {
        const named = scoreWorkbook(countLayoutTable(layout), titled(title));
        const plain = scoreWorkbook(countLayoutTable(layout), UNTITLED);
        const read = (r: typeof named) => ["1.1.2", "2.2.2"].map((c) => r.items.find((i) => i.code === c)?.percent).join(" ");
        const where = `${layout.group || "(flat)"} / ${layout.labels.join(" | ")}`;
        return { where, named: read(named), plain: read(plain) };
      });
    expect(outcomes.filter((o) => o.named !== "90 98")).toEqual([]);
    expect(outcomes.filter((o) => o.plain !== "90 98" && o.plain !== " ")).toEqual([]);
  });
});
