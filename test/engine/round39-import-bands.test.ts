/**
 * RD39 (import-criteria, tester rt-rd39): dc7aa4c (RD38) let a coded criterion own the band table
 * under it only when its method cell held no points, the opening band line held nothing but bare
 * points, and the table began on the very next row. Ordinary decisions break each of these: the
 * criterion's cell holds its cap ("2 điểm", "Tối đa 2 điểm") or a remark in Ghi chú, a band line
 * says "Được 2 điểm" or "2 điểm/năm", a wrapped title, an evidence line, an intro line or a blank
 * row stands between — and the table's opening line became a criterion that swallowed the next
 * two (RD39-1..4). RD39-5: the labelled closing line 'Không thực hiện' that closes the table is
 * its band {min:0}, not a criterion.
 */
import { describe, expect, it } from "vitest";
import { importCriteriaSet, type Grid } from "../../shared/index.ts";
import { codes } from "./import-rounds-helpers.ts";

const commune = { id: "x", year: 2025, unitType: "commune" as const };
type Value = string | number;
type Item = { code: string; title: string; maxPoints: number; rule?: unknown; children?: Item[] };

/** The rd37 b24 layout the tester varied: Ghi chú as the method column, or a method column. */
function layout({ methodCol = false, crit = {}, bands = [], between = [] }: { methodCol?: boolean; crit?: { note?: string; meth?: string }; bands?: Value[][]; between?: Value[][] }): Value[][] {
  const row = (code: Value, title: Value, max: Value = "", ev: Value = "", note: Value = "", meth: Value = "") => (methodCol ? [code, title, max, meth, ev, note] : [code, title, max, ev, note]);
  const head = methodCol
    ? ["STT", "Lĩnh vực, tiêu chí, tiêu chí thành phần", "Điểm tối đa", "Phương pháp chấm điểm", "Tài liệu kiểm chứng", "Ghi chú"]
    : ["STT", "Lĩnh vực, tiêu chí, tiêu chí thành phần", "Điểm tối đa", "Tài liệu kiểm chứng", "Ghi chú"];
  return [
    ["ỦY BAN NHÂN DÂN TỈNH MINH HỌA"], ["BỘ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH CẤP XÃ NĂM 2025"], [], head,
    row("I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH", 6),
    row("1", "Kế hoạch CCHC năm", 3),
    row("1.1", "Ban hành kế hoạch CCHC năm", 1, "Kế hoạch CCHC năm", "", methodCol ? "Ban hành kịp thời: 1 điểm; không kịp thời: 0,5 điểm; không ban hành: 0 điểm" : ""),
    ...(methodCol ? [] : [row("", "- Ban hành kịp thời", 1), row("", "- Ban hành không kịp thời", "0,5"), row("", "- Không ban hành", 0)]),
    row("1.2", "Mức độ thực hiện kế hoạch CCHC", 2, "Báo cáo CCHC năm", crit.note ?? "", crit.meth ?? ""),
    ...between.map((b) => row(...(b as [Value, Value, Value?, Value?, Value?, Value?]))),
    ...bands.map((b) => row(...(b as [Value, Value, Value?, Value?, Value?, Value?]))),
    row("2", "Báo cáo CCHC định kỳ", 1, "", "", methodCol ? "Gửi đầy đủ, đúng hạn: 1 điểm; không đầy đủ hoặc chậm: 0 điểm" : ""),
    ...(methodCol ? [] : [row("", "- Gửi đầy đủ, đúng hạn: 1 điểm"), row("", "- Không đầy đủ hoặc chậm: 0 điểm")]),
    row("3", "Xử lý kiến nghị sau kiểm tra CCHC", 2, "", "Trong năm không có kiến nghị phải xử lý thì được tính 02 điểm", methodCol ? "Xử lý 100%: 2 điểm; từ 80% đến dưới 100%: 1 điểm; dưới 80%: 0 điểm" : ""),
    ...(methodCol ? [] : [row("", "- Xử lý 100% kiến nghị: 2 điểm"), row("", "- Xử lý từ 80% đến dưới 100%: 1 điểm"), row("", "- Xử lý dưới 80%: 0 điểm")]),
    row("II", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", 6),
    row("1", "Công khai thủ tục hành chính", 2, "", "", methodCol ? "Đầy đủ: 2 điểm; không đầy đủ: 1 điểm; không công khai: 0 điểm" : ""),
    ...(methodCol ? [] : [row("", "- Công khai đầy đủ, đúng quy định", 2), row("", "- Công khai không đầy đủ", 1), row("", "- Không công khai", 0)]),
    row("2", "Tỷ lệ hồ sơ TTHC giải quyết đúng hạn", 4, "", "", methodCol ? "Từ 98% trở lên: 4 điểm; từ 90% đến dưới 98%: 2 điểm; dưới 90%: 0 điểm" : ""),
    ...(methodCol ? [] : [row("", "Từ 98% trở lên: 4 điểm"), row("", "Từ 90% đến dưới 98%: 2 điểm"), row("", "Dưới 90%: 0 điểm")]),
    row("", "Tổng cộng (I + II)", 12),
  ];
}
/** Band lines as a note-column sheet writes them: the opening one labelled, the rest with their points in words. */
const noteBands = (remark: Value = ""): Value[][] => [
  ["Tiêu chí 1.2 (2 điểm)", "Thực hiện trên 90% kế hoạch", 2, "", remark],
  ["", "Thực hiện từ 70% đến 90% kế hoạch: 1 điểm"],
  ["", "Thực hiện dưới 70% kế hoạch: 0 điểm"],
];
/** Band lines as a method-column sheet writes them: typed points, the method cells given. */
const methodBands = (cells: [Value, Value, Value] = ["", "", ""]): Value[][] => [
  ["Tiêu chí 1.2 (2 điểm)", "Thực hiện trên 90% kế hoạch", 2, "", "", cells[0]],
  ["", "Thực hiện từ 70% đến 90% kế hoạch", 1, "", "", cells[1]],
  ["", "Thực hiện dưới 70% kế hoạch", 0, "", "", cells[2]],
];
const gridOf = (rows: Value[][], merges: Grid["sheets"][number]["merges"] = []): Grid => ({
  sheets: [{ name: "Cấp xã", merges, rows: rows.map((r) => r.map((v) => (v === "" ? null : { v }))) }],
});
const imported = (grid: Grid) => {
  const result = importCriteriaSet(grid, commune);
  if (!result.ok) throw new Error(result.message);
  const all = (items: Item[]): Item[] => items.flatMap((i) => [i, ...all(i.children ?? [])]);
  return { max: result.set.maxPoints, items: all(result.set.items as Item[]), codes: codes(result.set.items), notes: result.notes.map((n) => n.message) };
};
const RATE = { kind: "ratio", bands: [{ above: 90, points: 2 }, { min: 70, points: 1 }, { min: 0, points: 0 }] };
/** 1.1.2 keeps its band table and criteria 2 and 3 keep their codes (1.2, 1.3), as 694cc45 read them. */
function keepsTable(set: ReturnType<typeof imported>, rule: unknown = RATE): void {
  expect(set.max).toBe(12);
  expect(set.items.find((i) => i.code === "1.1.2")?.rule).toMatchObject(rule as object);
  expect(set.items.find((i) => i.title === "Báo cáo CCHC định kỳ")?.code).toBe("1.2");
  expect(set.items.find((i) => i.title === "Xử lý kiến nghị sau kiểm tra CCHC")?.code).toBe("1.3");
  expect(set.items.filter((i) => /^Thực hiện|^Không thực hiện/u.test(i.title))).toEqual([]);
  expect(set.codes).toHaveLength(9);
}

describe("RD39 controls: the tables 694cc45 and dc7aa4c both read", () => {
  it("r00: b24 with Ghi chú as the method column", () => keepsTable(imported(gridOf(layout({ bands: noteBands() })))));
  it("r00b: with a method column", () => keepsTable(imported(gridOf(layout({ methodCol: true, bands: methodBands() })))));
  it("r01: a reference alone in 1.2's method cell", () => keepsTable(imported(gridOf(layout({ methodCol: true, crit: { meth: "Theo Hướng dẫn số 12/HD-SNV" }, bands: methodBands() })))));
  it("r06: bare points on the band lines", () => keepsTable(imported(gridOf(layout({ methodCol: true, bands: methodBands(["2 điểm", "1 điểm", "0 điểm"]) })))));
});

describe("RD39-1: a cap in the criterion's method cell is no rule", () => {
  it.each(["2 điểm", "Tối đa 2 điểm", "Theo Hướng dẫn số 12/HD-SNV, chấm tối đa 2 điểm", "02 điểm", "(tối đa 2 điểm)"])("r03–r05: '%s' beside 1.2: its band table stays its own", (meth) => {
    keepsTable(imported(gridOf(layout({ methodCol: true, crit: { meth }, bands: methodBands() }))));
  });
});

describe("RD39-2: a remark in Ghi chú, read as the method column, is no rule and no band's own method", () => {
  it("r12: 'Không có kế hoạch thì không chấm, 0 điểm' beside 1.2", () => {
    keepsTable(imported(gridOf(layout({ crit: { note: "Không có kế hoạch thì không chấm, 0 điểm" }, bands: noteBands() }))));
  });
  it.each(["Căn cứ báo cáo CCHC năm", "Hoàn thành 100% thì được 2 điểm"])("r11/r28: '%s' beside the opening band line", (remark) => {
    keepsTable(imported(gridOf(layout({ bands: noteBands(remark) }))));
  });
});

describe("RD39-3: a band line's points in other words are its points, no method of its own", () => {
  it.each<[string, [Value, Value, Value]]>([
    ["r08: 'Được 2 điểm'", ["Được 2 điểm", "Được 1 điểm", "Không điểm"]],
    ["'2 điểm/năm' (r10's opening line)", ["2 điểm/năm", "1 điểm", "0 điểm"]],
    ["'2 điểm.'", ["2 điểm.", "1 điểm.", "0 điểm."]],
  ])("%s", (_, cells) => {
    const set = imported(gridOf(layout({ methodCol: true, bands: methodBands(cells) })));
    expect(set.max).toBe(12);
    expect(set.items.find((i) => i.title === "Báo cáo CCHC định kỳ")?.code).toBe("1.2");
    expect(set.items.find((i) => i.title === "Xử lý kiến nghị sau kiểm tra CCHC")?.code).toBe("1.3");
    expect(set.items.filter((i) => /^Thực hiện/u.test(i.title))).toEqual([]);
  });
});

describe("RD39-4: 'right under' skips a row with no code, no label and no points", () => {
  it.each<[string, Value[][]]>([
    ["r20: a blank row", [["", ""]]],
    ["r19: an intro line", [["", "Căn cứ tỷ lệ thực hiện kế hoạch:"]]],
    ["r26: an evidence continuation", [["", "", "", "Kế hoạch CCHC năm"]]],
    ["a wrapped title and a blank row", [["", "(tính theo tỷ lệ nhiệm vụ hoàn thành)"], ["", ""]]],
  ])("%s", (_, between) => {
    const set = imported(gridOf(layout({ between, bands: noteBands() })));
    expect(set.max).toBe(12);
    expect(set.items.find((i) => i.title === "Báo cáo CCHC định kỳ")?.code).toBe("1.2");
    expect(set.items.find((i) => i.title === "Xử lý kiến nghị sau kiểm tra CCHC")?.code).toBe("1.3");
    expect(set.items.filter((i) => /^Thực hiện/u.test(i.title))).toEqual([]);
  });
  it("r27: a wrapped title under merged code and max cells: 1.1.2 is the decision's table, not proportional", () => {
    const rows = layout({ between: [["", "(tính theo tỷ lệ nhiệm vụ hoàn thành)"]], bands: noteBands() });
    const at = rows.findIndex((r) => r[0] === "1.2");
    const set = imported(gridOf(rows, [{ s: { r: at, c: 0 }, e: { r: at + 1, c: 0 } }, { s: { r: at, c: 2 }, e: { r: at + 1, c: 2 } }]));
    keepsTable(set);
  });
});

describe("RD39-5: the labelled closing line that closes a band table is its last band", () => {
  it("r17: 'Tiêu chí 1.2 (0 điểm)' | 'Không thực hiện' is the band {min:0, points:0}, no criterion", () => {
    const set = imported(gridOf(layout({ bands: [["Tiêu chí 1.2 (2 điểm)", "Thực hiện trên 90% kế hoạch"], ["", "Thực hiện từ 70% đến 90% kế hoạch: 1 điểm"], ["Tiêu chí 1.2 (0 điểm)", "Không thực hiện"]] })));
    keepsTable(set);
  });
});

describe("RD39-1 (r29): a table restating the criterion's own rule under its label is its table", () => {
  it("1.2's cell 'Trên 90% kế hoạch: 2 điểm; …' and 'Tiêu chí 1.2 (2 điểm)' lines below: no criterion 'Thực hiện trên 90% …'", () => {
    keepsTable(imported(gridOf(layout({ methodCol: true, crit: { meth: "Trên 90% kế hoạch: 2 điểm; từ 70% đến 90%: 1 điểm; dưới 70%: 0 điểm" }, bands: methodBands() }))));
  });
  it("a labelled line naming another criterion under a coded criterion with a rule stays that criterion (RD38-2)", () => {
    const rows = layout({ methodCol: true, crit: { meth: "Trên 90% kế hoạch: 2 điểm; từ 70% đến 90%: 1 điểm; dưới 70%: 0 điểm" }, bands: methodBands() });
    const at = rows.findIndex((r) => r[0] === "Tiêu chí 1.2 (2 điểm)");
    rows[at] = ["Tiêu chí 1.3 (2 điểm)", ...rows[at]!.slice(1)];
    const set = imported(gridOf(rows));
    expect(set.items.filter((i) => i.title === "Thực hiện trên 90% kế hoạch")).toHaveLength(1);
  });
});

describe("RD39-6: labelled band lines of the opening's label may repeat the band above's points", () => {
  it("r15: 'Tiêu chí 1.2 (2/1/1/0 điểm)' beside 'trên 90% / từ 80% đến 90% / từ 70% đến dưới 80% / dưới 70%'", () => {
    const titles = ["Thực hiện trên 90% kế hoạch", "Thực hiện từ 80% đến 90% kế hoạch", "Thực hiện từ 70% đến dưới 80% kế hoạch", "Thực hiện dưới 70% kế hoạch"];
    const set = imported(gridOf(layout({ bands: [2, 1, 1, 0].map((p, i) => [`Tiêu chí 1.2 (${p} điểm)`, titles[i]!]) })));
    keepsTable(set, { kind: "ratio", bands: [{ above: 90, points: 2 }, { min: 80, points: 1 }, { min: 70, points: 1 }, { min: 0, points: 0 }] });
  });
});
