/**
 * RD28 (regressions of the reading commits 305226b, 72f31ae, 38024bd, 155a3b2; tester rt-rd28).
 *
 * RD28-1/3: a title opening with a label spelled with "số"/"thứ" and going on with its points
 * or a lowercase title ("Tiêu chí số 1 (4 điểm): Kế hoạch…", "Lĩnh vực thứ nhất về …") leads
 * with its label, as the same title without "số" does — in the checker and in the importer.
 * RD28-2: rows that are no rows of the table (the column-number row "(1) (2) …", a note row "*",
 * a total on top) do not make the STT beside the labels "a level of its own".
 * RD28-4/5: an STT whose numbers restart in each Roman part and match the set stays the codes
 * beside labels that count the criteria across the table; Roman parts above labelled fields are
 * no fields of their own.
 */
import { describe, expect, it } from "vitest";
import { importCriteriaSet, scoreWorkbook, type Grid, type GridCell } from "../../shared/index.ts";
import { readTitleCode } from "../../shared/codes.ts";
import { cellText } from "../../shared/grid.ts";

import { base, baseReport, criterion, demoRows, depth, edited, gridOf, last, ROMAN, romanStt, scoresAsBase, set, tableOf, type DemoRow, type Value } from "./reading-rounds-helpers.ts";

describe("RD28-1: a label spelled with 'số'/'thứ' followed by its points or a lowercase title", () => {
  it.each<[string, number, string]>([
    ["Tiêu chí số 1 (4 điểm): Kế hoạch cải cách hành chính năm", 2, "1"],
    ["Chỉ tiêu thứ hai (2 điểm)", 3, "2"],
    ["Lĩnh vực thứ nhất (12 điểm): CÔNG TÁC CHỈ ĐẠO", 1, "1"],
    ["Lĩnh vực thứ II (10đ)", 1, "2"],
    ["Tiêu chí số 1 (*)", 2, "1"],
    ["Tiêu chí số 1 về kế hoạch CCHC", 2, "1"],
    ["Tiêu chí số 1 \"Kế hoạch\"", 2, "1"],
    ["Tieu chi so 3 ke hoach", 2, "3"],
    ["Lĩnh vực thứ nhất về công tác chỉ đạo, điều hành", 1, "1"],
    ["Chỉ tiêu số 1 - ban hành kế hoạch", 3, "1"],
  ])("'%s' leads with a level-%s label %s", (text, level, label) => {
    expect(readTitleCode(text)).toEqual({ kind: "word", level, label });
  });

  it.each(["Chỉ tiêu số 2 đạt từ 90% trở lên: 2 điểm", "Tiêu chí số 1 không đạt", "Tieu chi so 5 diem neu doi thoai"])("'%s' is still no label", (text) => {
    expect(readTitleCode(text)).toBeNull();
  });

  /** `grid` with a row of `cells` inserted before 0-based row `at` of the first sheet. */
  const inserted = (grid: Grid, at: number, cells: Value[]): Grid => {
    const [sheet, ...others] = grid.sheets;
    const row = cells.map((v): GridCell | null => (v === "" ? null : { v }));
    return { sheets: [{ ...sheet!, rows: [...sheet!.rows.slice(0, at), row, ...sheet!.rows.slice(at)] }, ...others] };
  };

  it.each(["Chỉ tiêu thứ ba tuyên truyền trên loa", "Tiêu chí số 1 về việc ban hành chậm"])("a line '%s' with no points under 1.3 stays a line of text", (text) => {
    scoresAsBase(inserted(base, 12, [text]));
  });

  const titled = (spell: (level: number, n: number) => string) => (x: DemoRow): Value[] =>
    ["", `${spell(depth(x), last(x))} (${x.tail[0]} điểm): ${depth(x) === 1 ? x.title.toUpperCase() : x.title}`, ...x.tail];
  /** The table with the title in the "Tiêu chí" column's place: STT | Nội dung | Điểm tối đa … */
  const withoutLabelColumn = (grid: Grid): Grid => {
    const sheet = grid.sheets[0]!;
    return { sheets: [{ ...sheet, rows: sheet.rows.map((r, i) => (i === 4 || i === sheet.rows.length - 1 ? [r[0] ?? null, ...r.slice(2)] : r)) }] };
  };
  const WORDS = ["", "Lĩnh vực thứ", "Tiêu chí số", "Chỉ tiêu số"];
  const ORD = ["", "nhất", "hai", "ba", "tư", "năm", "sáu", "bảy", "tám"];

  it("a table titled 'Lĩnh vực thứ nhất (12 điểm): …' / 'Tiêu chí số 1 (4 điểm): …' scores 76 with no finding", () => {
    scoresAsBase(withoutLabelColumn(tableOf(titled((d, n) => `${WORDS[d]} ${d === 1 ? ORD[n] : n}`))));
  });

  it("the same with lowercase titles after the label ('Tiêu chí số 1 về …')", () => {
    scoresAsBase(withoutLabelColumn(tableOf((x) => ["", `${WORDS[depth(x)]} ${depth(x) === 1 ? ORD[last(x)] : last(x)} về ${x.title.toLowerCase()}`, ...x.tail])));
  });
});

describe("RD28-3: import-criteria — criteria titled 'Tiêu chí số n (N điểm): …' stay criteria", () => {
  const OPTIONS = { id: "x", year: 2024, unitType: "commune" as const };
  const decision = gridOf("fixtures/decisions/commune-option-rows.xlsx");
  const codes = (items: { code: string; children?: unknown[] }[]): string[] => items.flatMap((i) => [i.code, ...codes((i.children ?? []) as typeof items)]);

  it("the same criteria and points as the plain 'Tiêu chí 1 (3 điểm): …'", () => {
    const titles = { B9: "Kế hoạch CCHC năm", B18: "Báo cáo CCHC định kỳ", B20: "Xử lý kiến nghị sau kiểm tra CCHC" };
    const points = { B9: 3, B18: 1, B20: 2 };
    const edits = (word: string): Record<string, string> => {
      const out: Record<string, string> = {};
      Object.entries(titles).forEach(([address, title], i) => {
        out[address] = `${word} ${i + 1} (${points[address as keyof typeof points]} điểm): ${title}`;
        out[`A${address.slice(1)}`] = "";
      });
      return out;
    };
    const plain = importCriteriaSet(edited(decision, edits("Tiêu chí")), OPTIONS);
    const spelled = importCriteriaSet(edited(decision, edits("Tiêu chí số")), OPTIONS);
    expect(plain.ok && spelled.ok).toBe(true);
    if (!plain.ok || !spelled.ok) return;
    expect(codes(spelled.set.items)).toEqual(codes(plain.set.items));
    expect(spelled.set.items.map((i) => i.max)).toEqual(plain.set.items.map((i) => i.max));
    expect(spelled.notes.length).toBe(plain.notes.length);
  });
});

/** `grid` with rows of `cells` inserted before 0-based rows of the first sheet (each `at` counted in the original). */
function withRows(grid: Grid, rows: [number, Value[]][]): Grid {
  const [sheet, ...others] = grid.sheets;
  const out: (GridCell | null)[][] = [];
  sheet!.rows.forEach((row, i) => {
    for (const [at, cells] of rows) if (at === i) out.push(cells.map((v): GridCell | null => (v === "" ? null : { v })));
    out.push(row);
  });
  return { sheets: [{ ...sheet!, rows: out, merges: [] }, ...others] };
}
const HEADER_ROW = 4;
/** The row of 1.1.2 (the last leaf of criterion 1.1) in tableOf's grid. */
const AFTER_1_1_2 = 5 + demoRows.findIndex((x) => x.code === "1.1.2") + 1;

describe("RD28-2: rows under the header that are no rows of the table leave the STT beside the labels as it is", () => {
  const blankCriteria = () => tableOf(romanStt(criterion((n) => `Tiêu chí ${n}`, () => "")));
  const runningCriteria = () => {
    let k = 0;
    return tableOf(romanStt(criterion((n) => `Tiêu chí ${n}`, () => ++k)));
  };
  const dashes = () => tableOf(romanStt(criterion((n) => `Tiêu chí ${n}`, () => ""), (x) => ["-", "", x.title, ...x.tail]));
  const COLUMN_NUMBERS: [string, Value[]][] = [
    ["(1) (2) … (8)", ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)"]],
    ["1 2 … 8", [1, 2, 3, 4, 5, 6, 7, 8]],
    ["A B C 1 2 3 4 5", ["A", "B", "C", 1, 2, 3, 4, 5]],
  ];

  it.each(COLUMN_NUMBERS)("the column-number row %s under the header, blank STT on the criteria: 76", (_, cells) => {
    scoresAsBase(withRows(blankCriteria(), [[HEADER_ROW + 1, cells]]));
  });

  it.each<[string, () => Grid]>([
    ["criteria numbered 1 … n across the parts", runningCriteria],
    ["dashes under the criteria", dashes],
  ])("the column-number row over %s: 76", (_, grid) => {
    scoresAsBase(withRows(grid(), [[HEADER_ROW + 1, COLUMN_NUMBERS[0]![1]]]));
  });

  it("sub-criteria numbered 1, 2 under a blank-STT 'Tiêu chí n' row: the labels' options, 76", () => {
    scoresAsBase(tableOf(romanStt(criterion((n) => `Tiêu chí ${n}`, () => ""), (x) => [last(x), "", x.title, ...x.tail])));
  });

  it.each(["*", "(*)", "Ghi chú", "1", "1.1a"])("a note row '%s' with no points under criterion 1: 76", (mark) => {
    const report = scoreWorkbook(withRows(blankCriteria(), [[AFTER_1_1_2, [mark, "", "Giải trình: tiêu chí này năm 2024 mới bổ sung"]]]), set);
    expect(report.total).toBe(76);
    expect(report.findings.filter((f) => f.code === "UNKNOWN_CRITERION" && f.criterion === undefined)).toEqual([]);
    expect(report.items.map((i) => [i.code, i.score])).toEqual(baseReport.items.map((i) => [i.code, i.score]));
  });
});

describe("RD28-4: STT numbers restarting in each Roman part, matching the set, beside labels counting the criteria across the table", () => {
  it("I / 1 'Tiêu chí 1' / a … II / 1 'Tiêu chí 5': the STT stays the codes, 76", () => {
    let k = 0;
    scoresAsBase(tableOf(romanStt(criterion(() => `Tiêu chí ${++k}`))));
  });
});

describe("RD28-5: Roman parts 'I'/'II' above fields that carry their own 'Lĩnh vực' labels are no fields", () => {
  it("'I ĐIỂM TỰ ĐÁNH GIÁ' over 'Lĩnh vực I' … 'II ĐIỂM ĐIỀU TRA XÃ HỘI HỌC' over 'Lĩnh vực VII': no finding, 76", () => {
    const WORD = ["", "Lĩnh vực", "Tiêu chí", "Chỉ tiêu"];
    const labelled = (x: DemoRow): Value[] => ["", `${WORD[depth(x)]} ${depth(x) === 1 ? ROMAN[last(x)] : last(x)}`, x.title, ...x.tail];
    const grid = tableOf(labelled);
    const firstOf = (code: string) => 5 + demoRows.findIndex((x) => x.code === code);
    scoresAsBase(withRows(grid, [[firstOf("1"), ["I", "", "ĐIỂM TỰ ĐÁNH GIÁ", 76]], [firstOf("7"), ["II", "", "ĐIỂM ĐIỀU TRA XÃ HỘI HỌC", 24]]]));
  });
});

describe("RD28-3: import-criteria — the 'Tiêu chí n' labels moved into the titles as 'Tiêu chí số n (N điểm): …'", () => {
  const OPTIONS = { id: "x", year: 2024, unitType: "commune" as const };
  const decision = gridOf("fixtures/decisions/commune-word-labels.xlsx");
  const codes = (items: { code: string; children?: unknown[] }[]): string[] => items.flatMap((i) => [i.code, ...codes((i.children ?? []) as typeof items)]);
  const titleOf = (r: number) => cellText(decision.sheets[0]!.rows[r - 1]?.[1] ?? undefined);
  const merged = (word: string) =>
    edited(decision, {
      A5: "", A9: "", A12: "",
      B5: `${word} 1 (4 điểm): ${titleOf(5)}`,
      B9: `${word} 2 (6 điểm): ${titleOf(9)}`,
      B12: `${word} 3 (5 điểm): ${titleOf(12)}`,
    });

  it("the same criteria and points as with 'Tiêu chí 1 (4 điểm): …'", () => {
    const plain = importCriteriaSet(merged("Tiêu chí"), OPTIONS);
    const spelled = importCriteriaSet(merged("Tiêu chí số"), OPTIONS);
    expect(plain.ok && spelled.ok).toBe(true);
    if (!plain.ok || !spelled.ok) return;
    expect(codes(spelled.set.items)).toEqual(codes(plain.set.items));
    expect(codes(spelled.set.items)).toEqual(["1", "1.1", "1.2", "1.3", "2", "2.1", "2.2", "3"]);
    expect(spelled.set.maxPoints).toBe(plain.set.maxPoints);
  });
});

describe("RD28-6: import-criteria — labels typed half-marked ('Tiêu chí so 1') are named, not 'no header row'", () => {
  const OPTIONS = { id: "x", year: 2024, unitType: "commune" as const };
  const decision = gridOf("fixtures/decisions/commune-word-labels.xlsx");

  it("the refusal names the label it could not read and how to type it", () => {
    const imported = importCriteriaSet(edited(decision, { A5: "Tiêu chí so 1", A9: "Tiêu chí so 2", A12: "Tiêu chí so 3" }), OPTIONS);
    expect(imported.ok).toBe(false);
    if (imported.ok) return;
    expect(imported.message).toContain("Tiêu chí so 1");
    expect(imported.message).toContain("Tiêu chí số 1");
    expect(imported.message).not.toContain("Không tìm thấy bảng tiêu chí");
    const en = importCriteriaSet(edited(decision, { A5: "Tiêu chí so 1", A9: "Tiêu chí so 2", A12: "Tiêu chí so 3" }), { ...OPTIONS, locale: "en" });
    expect(!en.ok && en.message).toContain("Tiêu chí so 1");
  });

  it("a decision with no table at all still says there is no header", () => {
    const imported = importCriteriaSet(gridOf("fixtures/decisions/no-table.xlsx"), OPTIONS);
    expect(!imported.ok && imported.message).toContain("Không tìm thấy bảng tiêu chí");
  });
});
