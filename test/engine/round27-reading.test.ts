/**
 * RD27 (reading regressions of e31949a and 579eaf9, tester rt-rd27).
 *
 * RD27-1: a Roman numeral on the field rows' STT ("I" beside "CÔNG TÁC CHỈ ĐẠO…", no label)
 * with "Tiêu chí 1" / "Tiêu chí 2" on the criteria rows only: the STT column has a level of its
 * own and stays the codes (76/100 as before e31949a, not 39 with DUPLICATE/MISSING for rows that
 * are there). RD27-6: labels on every row ("Lĩnh vực I" / "Tiêu chí 1" / "Chỉ tiêu 1") and the
 * Roman numeral on the field rows' STT repeating "Lĩnh vực I": the labels are the codes (76).
 *
 * RD27-2/3: "thu" (revenue) is "thứ" typed without marks only in a label typed wholly without
 * marks, and an ordinal followed by more words or a year is no label: "Chỉ tiêu thu năm 2024 …"
 * is a line of text, never "Chỉ tiêu 5" — in the checker and in the importer.
 */
import { describe, expect, it } from "vitest";
import { importCriteriaSet, type Grid, type GridCell } from "../../shared/index.ts";
import { readCodeCell, readTitleCode } from "../../shared/codes.ts";

import { base, baseReport, criterion, depth, edited, field, gridOf, last, LETTERS, lettered, ROMAN, romanStt, scoresAsBase, set, tableOf, type Value } from "./reading-rounds-helpers.ts";

describe("RD27-1: Roman parts in STT, 'Tiêu chí n' only on the criteria rows — the STT keeps its level", () => {
  it("the base workbook scores 76 with no finding", () => {
    expect(baseReport.total).toBe(76);
  });

  it.each<[string, Grid]>([
    ["I / 1 Tiêu chí 1 / a", tableOf(romanStt(criterion((n) => `Tiêu chí ${n}`)))],
    ["numbers typed as text", tableOf(romanStt(criterion((n) => `Tiêu chí ${n}`, String)))],
    ["numbers typed '1.'", tableOf(romanStt(criterion((n) => `Tiêu chí ${n}`, (n) => `${n}.`)))],
    ["abbreviated 'TC 1'", tableOf(romanStt(criterion((n) => `TC ${n}`)))],
    ["sub-criteria '1.1' in STT", tableOf(romanStt(criterion((n) => `Tiêu chí ${n}`), (x) => [x.code.split(".").slice(1).join("."), "", x.title, ...x.tail]))],
    [
      "the field's title merged over Tiêu chí and Nội dung",
      tableOf(
        romanStt(criterion((n) => `Tiêu chí ${n}`)),
        (x, r) => (depth(x) === 1 ? { s: { r, c: 1 }, e: { r, c: 2 } } : null),
      ),
    ],
  ])("%s: 76 / 100 as the coded workbook", (_, grid) => {
    // The field's title merged over the two columns stands in the first of them.
    const sheet = grid.sheets[0]!;
    for (const m of sheet.merges ?? []) {
      const row = sheet.rows[m.s.r]!;
      (row[1] = row[2] ?? null), (row[2] = null);
    }
    scoresAsBase(grid);
  });

  it("the field rows written whole in one cell merged A:C ('I. CÔNG TÁC …'): 76 / 100", () => {
    const grid = tableOf(
      (x) => (depth(x) === 1 ? [`${ROMAN[Number(x.code)]}. ${x.title.toUpperCase()}`, "", "", ...x.tail] : depth(x) === 2 ? criterion((n) => `Tiêu chí ${n}`)(x) : lettered(x)),
      (x, r) => (depth(x) === 1 ? { s: { r, c: 0 }, e: { r, c: 2 } } : null),
    );
    scoresAsBase(grid);
  });
});

describe("RD27-1: Roman parts in STT over criteria numbered only by their labels — the labels under the STT's fields", () => {
  it.each<[string, () => Grid]>([
    ["blank STT on the criteria, letters under them", () => tableOf(romanStt(criterion((n) => `Tiêu chí ${n}`, () => "")))],
    ["blank STT on the criteria, dashes under them", () => tableOf(romanStt(criterion((n) => `Tiêu chí ${n}`, () => ""), (x) => ["-", "", x.title, ...x.tail]))],
    ["the criteria numbered 1 … n across the parts", () => {
      let k = 0;
      return tableOf(romanStt(criterion((n) => `Tiêu chí ${n}`, () => ++k)));
    }],
    ["STT restarting on the criteria, blank beside 'Chỉ tiêu n' under them", () =>
      tableOf(romanStt(criterion((n) => `Tiêu chí ${n}`), (x) => ["", `Chỉ tiêu ${last(x)}`, x.title, ...x.tail]))],
    ["STT restarting on the criteria, dashes before 'a) …' titles under them", () =>
      tableOf(romanStt(criterion((n) => `Tiêu chí ${n}`), (x) => ["-", "", `${LETTERS[last(x) - 1]}) ${x.title}`, ...x.tail]))],
    ["blank STT, 'Tiêu chí n' / 'Chỉ tiêu n' below the parts", () =>
      tableOf((x) => (depth(x) === 1 ? field(x) : ["", depth(x) === 2 ? `Tiêu chí ${last(x)}` : `Chỉ tiêu ${last(x)}`, x.title, ...x.tail]))],
    ["'I. CÔNG TÁC …' merged A:C, the criteria numbered across the parts", () => {
      let k = 0;
      return tableOf(
        (x) => (depth(x) === 1 ? [`${ROMAN[Number(x.code)]}. ${x.title.toUpperCase()}`, "", "", ...x.tail] : depth(x) === 2 ? criterion((n) => `Tiêu chí ${n}`, () => ++k)(x) : lettered(x)),
        (x, r) => (depth(x) === 1 ? { s: { r, c: 0 }, e: { r, c: 2 } } : null),
      );
    }],
  ])("%s: 76 / 100 as the coded workbook", (_, grid) => {
    scoresAsBase(grid());
  });
});

describe("RD27-6: labels on every row, the Roman numeral in STT repeating the field's label", () => {
  it("'I' beside 'Lĩnh vực I', blank STT beside 'Tiêu chí 1' / 'Chỉ tiêu 1': the labels are the codes (76)", () => {
    const grid = tableOf((x) =>
      depth(x) === 1
        ? [ROMAN[Number(x.code)]!, `Lĩnh vực ${ROMAN[Number(x.code)]}`, x.title.toUpperCase(), ...x.tail]
        : ["", depth(x) === 2 ? `Tiêu chí ${last(x)}` : `Chỉ tiêu ${last(x)}`, x.title, ...x.tail],
    );
    scoresAsBase(grid);
  });
});

/** `grid` with a row of `cells` inserted before 0-based row `at` of the first sheet. */
function inserted(grid: Grid, at: number, cells: Value[]): Grid {
  const [sheet, ...others] = grid.sheets;
  const row = cells.map((v): GridCell | null => (v === "" ? null : { v }));
  return { sheets: [{ ...sheet!, rows: [...sheet!.rows.slice(0, at), row, ...sheet!.rows.slice(at)] }, ...others] };
}

describe("RD27-2: 'thu' (revenue) after a label typed with its marks is no 'thứ'", () => {
  it.each([
    "Chỉ tiêu thu năm 2024 HĐND xã giao: 1.200 triệu đồng",
    "Chỉ tiêu thu ba tháng đầu năm đạt 30%",
    "Chỉ tiêu thu tư nhân đóng góp: 200 triệu",
    "Tiêu chí thu năm 2024",
    "Chỉ tiêu thứ năm 2024",
    "Chi tieu thu nam 2024 HDND xa giao",
    "Chỉ tiêu so 2",
    "Tiêu chí số 5 điểm nếu đối thoại 2 lần trở lên",
    "Tiêu chí số 2 năm trước đạt 8 điểm",
  ])("'%s' is no label", (text) => {
    expect(readTitleCode(text)?.kind === "word").toBe(false);
    expect(readCodeCell(text)?.kind === "word").toBe(false);
  });

  it.each<[string, number, string]>([
    ["Chỉ tiêu thứ năm", 3, "5"],
    ["Chi tieu thu nam", 3, "5"],
    ["Tieu chi thu hai:", 2, "2"],
    ["Tieu chi so 2", 2, "2"],
  ])("'%s' is a level-%s label %s", (text, level, label) => {
    expect(readCodeCell(text)).toEqual({ kind: "word", level, label });
  });

  it.each(["Tiêu chí thứ hai: Cải cách thể chế", "Tiêu chí số 2. Cải cách thể chế", "Tiêu chí số 2 CẢI CÁCH THỂ CHẾ", "Tieu chi thu hai - Cai cach the che"])(
    "'%s' leads with its label",
    (text) => {
      expect(readTitleCode(text)).toEqual({ kind: "word", level: 2, label: "2" });
    },
  );

  it.each([
    "Chỉ tiêu thu năm 2024 HĐND xã giao: 1.200 triệu đồng",
    "Chỉ tiêu thu ba tháng đầu năm đạt 30%",
    "Chỉ tiêu thu tư nhân đóng góp: 200 triệu",
  ])("a line '%s' under 5.2 leaves the score at 76 with no finding", (text) => {
    scoresAsBase(inserted(base, 31, [text]));
  });

  it("a scoring line 'Tiêu chí số 5 điểm nếu …' under 1.4 is no criterion 5", () => {
    scoresAsBase(inserted(base, 13, ["Tiêu chí số 5 điểm nếu đối thoại 2 lần trở lên"]));
  });
});

describe("RD27-3: import-criteria — an option line 'Chỉ tiêu thu năm …' stays an option", () => {
  const OPTIONS = { id: "x", year: 2024, unitType: "commune" as const };
  const decision = gridOf("fixtures/decisions/commune-option-rows.xlsx");

  it("the budget criterion keeps its bands, 1.2 and 1.3 stay", () => {
    const imported = importCriteriaSet(
      edited(decision, { B14: "Thực hiện chỉ tiêu thu ngân sách nhà nước", B15: "Chỉ tiêu thu năm đạt 100% dự toán trở lên: 2 điểm", B16: "Đạt từ 90% đến dưới 100%: 1 điểm", B17: "Dưới 90%: 0 điểm" }),
      OPTIONS,
    );
    expect(imported.ok).toBe(true);
    if (!imported.ok) return;
    const field = imported.set.items[0]!;
    expect(field.children?.map((c) => c.code)).toEqual(["1.1", "1.2", "1.3"]);
    const leaf = field.children![0]!.children!.find((c) => c.code === "1.1.2")!;
    expect(leaf.rule).toEqual({ kind: "ratio", bands: [{ min: 100, points: 2 }, { min: 90, points: 1 }, { min: 0, points: 0 }] });
  });

  it("'Chỉ tiêu thu ba năm liền đạt: 4 điểm' adds no criterion", () => {
    const original = importCriteriaSet(decision, OPTIONS);
    const imported = importCriteriaSet(edited(decision, { B30: "Chỉ tiêu thu ba năm liền đạt: 4 điểm" }), OPTIONS);
    expect(imported.ok && original.ok).toBe(true);
    if (!imported.ok || !original.ok) return;
    const codes = (items: typeof imported.set.items): string[] => items.flatMap((i) => [i.code, ...codes(i.children ?? [])]);
    expect(codes(imported.set.items)).toEqual(codes(original.set.items));
    expect(imported.set.items.map((i) => i.max)).toEqual(original.set.items.map((i) => i.max));
  });
});
