import { describe, expect, it } from "vitest";
import { columnsTable } from "./data-columns-helpers.ts";
import { demoSet, EV, errorsOf, ROWS, sheetOf } from "./merged-header-helpers.ts";
import { classifyLabel, findHeader, indexCriteria, scoreWorkbook } from "../../shared/index.ts";
import { childNamedBy } from "../../shared/sub-criterion-title.ts";

/**
 * Labels as offices spell them (03/12/2026, sixth session). Vietnamese writes some syllables
 * with i or y alike — "Tỉ lệ" and "Tỷ lệ", "xử lí" and "xử lý", "kí số" and "ký số" — and a
 * result as a percentage plainly — "Kết quả (%)", "Đạt (%)", "TL (%)", "% hoàn thành". Each of
 * these had been no column at all (every ratio DATA_MISSING); "Số liệu tự đánh giá", the unit's
 * own figures, had been taken for a second self-score column. The set's points as "Điểm định mức"
 * or "Điểm theo thang", and why points were lost as "Lý do (trừ điểm)", "Nguyên nhân", "Giải
 * thích", had been no column either.
 */
const SET = demoSet("label-spellings", "Bộ thử cách viết nhãn cột (minh họa)");
const percents = (labels: string[], cells: (d: number, a: number) => (number | string)[]) => {
  const report = scoreWorkbook(columnsTable(labels, cells), SET);
  return { read: ["1.1.2", "2.2.2"].map((c) => report.items.find((i) => i.code === c)?.percent), errors: errorsOf(report) };
};

describe("labels as offices spell them", () => {
  it.each(["Tỉ lệ", "Tỉ lệ (%)", "Tỉ lệ đạt được", "Kết quả (%)", "Kết quả %", "Đạt (%)", "Mức độ đạt (%)", "TL (%)", "% hoàn thành", "Thực hiện (%)"])("%s: a rate column, 90 and 98 per cent", (label) => {
    expect(classifyLabel(label)).toBe("rate");
    expect(percents([label], (d, a) => [a === 20 ? 90 : 98])).toEqual({ read: [90, 98], errors: [] });
    expect(percents([label], (d, a) => [`${d}/${a}`]).read).toEqual([90, 98]);
  });

  it("i and y alike where a title names a column: 'Kí số' beside its whole for '… được ký số', and 'Ký số' for '… được kí số'", () => {
    const signed = (title: string) => demoSet("label-spellings", "Bộ thử", { "1.1.2": title, "2.2.2": title });
    const read = (labels: string[], title: string) => {
      const report = scoreWorkbook(columnsTable(labels, (d, a) => [a, d]), signed(title));
      return ["1.1.2", "2.2.2"].map((c) => report.items.find((i) => i.code === c)?.percent);
    };
    expect(read(["Tổng số văn bản", "Ký số"], "Tỷ lệ văn bản đi được ký số")).toEqual([90, 98]);
    expect(read(["Tổng số văn bản", "Kí số"], "Tỷ lệ văn bản đi được ký số")).toEqual([90, 98]);
    expect(read(["Tổng số văn bản", "Ký số"], "Tỉ lệ văn bản đi được kí số")).toEqual([90, 98]);
  });

  it("'Số liệu tự đánh giá' is the unit's figures, 'Điểm tự đánh giá' beside it its score", () => {
    expect(classifyLabel("Số liệu tự đánh giá")).toBe("data");
    expect(percents(["Số liệu tự đánh giá"], (d, a) => [`${d}/${a}`])).toEqual({ read: [90, 98], errors: [] });
  });

  it("a syllable that is no variant is left alone ('Ghi chú'), and a variant in any label reads as its usual spelling ('kí hiệu')", () => {
    expect(classifyLabel("Ghi chú")).toBe("note");
    expect(classifyLabel("Tên, số, ký hiệu văn bản")).toBe("evidence");
    expect(classifyLabel("Tên, số, kí hiệu văn bản")).toBe("evidence");
  });

  it.each([
    ["Điểm định mức", "max"],
    ["Điểm theo thang", "max"],
    ["Lý do trừ điểm", "note"],
    ["Lí do", "note"],
    ["Nguyên nhân", "note"],
    ["Giải thích", "note"],
  ] as const)("%s: the %s column of a table", (label, kind) => {
    expect(classifyLabel(label)).toBe(kind);
    const cells = kind === "max" ? ["STT", "Nội dung", label, "Điểm tự đánh giá", "Tài liệu kiểm chứng", "Ghi chú"] : ["STT", "Nội dung", "Điểm tối đa", "Điểm tự đánh giá", "Tài liệu kiểm chứng", label];
    const sheet = sheetOf([cells, ...ROWS.map((x) => [x.code, x.title, x.max, x.leaf ? (x.self ?? "") : "", x.leaf ? EV : "", ""])], []);
    expect(findHeader(sheet.sheets[0]!, 2024)?.columns).toMatchObject({ max: 2, self: 3, evidence: 4, note: 5 });
  });

  it("a row without a code is matched by its title spelled either way: 'Tỉ lệ hồ sơ xử lí đúng hạn' is the set's 'Tỷ lệ hồ sơ xử lý đúng hạn'", () => {
    const titles = { "1.1.2": "Tỷ lệ hoàn thành nhiệm vụ được giao", "2.2.2": "Tỷ lệ hồ sơ xử lý đúng hạn" };
    const set = demoSet("label-spellings", "Bộ thử", titles);
    const rows = (spell: (t: string) => string) =>
      ROWS.map((x) => [spell(titles[x.code as keyof typeof titles] ?? x.title), x.max, x.counts ? `${x.counts[0]}/${x.counts[1]}` : "", x.leaf ? (x.self ?? "") : "", x.leaf ? EV : ""]);
    const score = (spell: (t: string) => string) => scoreWorkbook(sheetOf([["Nội dung", "Điểm tối đa", "Số liệu", "Điểm tự đánh giá", "Tài liệu kiểm chứng"], ...rows(spell)], []), set);
    const same = score((t) => t);
    const other = score((t) => t.replace("Tỷ", "Tỉ").replace("xử lý", "xử lí"));
    expect(other.findings.filter((f) => f.code === "MISSING_CRITERION")).toEqual([]);
    expect(other.total).toBe(same.total);
    expect(other.items.find((i) => i.code === "2.2.2")?.percent).toBe(98);
  });

  it("a bulleted sub-criterion spelled with i for y is its criterion's child: '- Xử lí kiến nghị' is 'Xử lý kiến nghị'", () => {
    const set = demoSet("label-spellings", "Bộ thử", { "1.1.2": "Xử lý kiến nghị" });
    const node = indexCriteria(set).nodes.find((n) => n.code === "1.1")!;
    const named = (title: string, withPoints: boolean) => childNamedBy(node, title, () => true, () => withPoints)?.code ?? null;
    expect(named("- Xử lý kiến nghị", false)).toBe("1.1.2");
    // A title of three words, one spelled apart: too few shared words to be read as shortened, the same title folded alike.
    expect(named("- Xử lí kiến nghị", false)).toBe("1.1.2");
    expect(named("- Xử lí kiến nghị", true)).toBe("1.1.2");
  });

  it("'Kết quả chấm điểm' alone is the unit's score column, as a plain 'Điểm chấm' is", () => {
    const sheet = (label: string) => sheetOf([["STT", "Nội dung", "Điểm tối đa", label, "Tài liệu kiểm chứng"], ...ROWS.map((x) => [x.code, x.title, x.max, x.leaf ? (x.self ?? "") : "", x.leaf ? EV : ""])], []);
    const plain = scoreWorkbook(sheet("Điểm chấm"), SET);
    expect(findHeader(sheet("Kết quả chấm điểm").sheets[0]!, 2024)?.columns.self).toBe(3);
    expect(scoreWorkbook(sheet("Kết quả chấm điểm"), SET).total).toBe(plain.total);
    expect(plain.total).toBeGreaterThan(0);
  });

  it.each([
    ["Thứ tự", "Nội dung tiêu chí"],
    ["Mã TC", "Nội dung tiêu chí"],
    ["STT/Mã", "Nội dung tiêu chí"],
    ["STT", "Tên chỉ tiêu"],
  ] as const)("%s | %s: the code and title columns of a table", (code, title) => {
    const sheet = sheetOf([[code, title, "Điểm tối đa", "Điểm tự đánh giá", "Tài liệu kiểm chứng"], ...ROWS.map((x) => [x.code, x.title, x.max, x.leaf ? (x.self ?? "") : "", x.leaf ? EV : ""])], []);
    expect(findHeader(sheet.sheets[0]!, 2024)?.columns).toMatchObject({ code: 0, title: 1, max: 2, self: 3, evidence: 4 });
  });
});
