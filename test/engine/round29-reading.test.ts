/**
 * RD29 (regressions of the reading/import commits c48d29c, 80af79d, 36cc8e6; tester rt-rd29).
 *
 * RD29-2: a note row with no STT and no points typed in the label column ("Tiêu chí thứ 2 về tiến
 * độ") stays a line of text, as in the title column — never a criterion that throws the real
 * "Tiêu chí 2" away as its duplicate.
 * RD29-1: a Roman heading above each "Lĩnh vực n" is no field, wherever the sample of rows ends.
 * RD29-3/4/5: import-criteria — one half-marked label is refused by its cell, never a silent
 * partial set; "Tieu chi số 1" is a label; a spelled label going on in words keeps its text.
 */
import { describe, expect, it } from "vitest";
import { importCriteriaSet, type Grid, type GridCell } from "../../shared/index.ts";

import { demoRows, depth, edited, gridOf, HEAD, last, LETTERS, ROMAN, scoresAsBase, set, TOTAL, type DemoRow, type Value } from "./reading-rounds-helpers.ts";

const HEADING: Value[][] = [["UBND XÃ AN PHÚ"], [], ["BẢNG TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2024"], []];

/** A sheet: the title block, `HEAD`, the demo criteria's rows (each one or more rows), the total. */
function tableOf(rows: (x: DemoRow) => Value[][]): Grid {
  const all: Value[][] = [...HEADING, HEAD, ...demoRows.flatMap(rows), TOTAL];
  return { sheets: [{ name: "Tự đánh giá", rows: all.map((r) => r.map((v): GridCell | null => (v === "" ? null : { v }))), merges: [] }] };
}

/** The D layout: "I | | CÔNG TÁC …", "1 | Tiêu chí 1 | …", "a | | …", with `note` after 1.1's last option. */
const dLayout = (note: Value[]) => (x: DemoRow): Value[][] => {
  const row = depth(x) === 1 ? [ROMAN[last(x)]!, "", x.title.toUpperCase(), ...x.tail]
    : depth(x) === 2 ? [last(x), `Tiêu chí ${last(x)}`, x.title, ...x.tail]
    : [LETTERS[last(x) - 1]!, "", x.title, ...x.tail];
  return x.code === "1.1.2" ? [row, note] : [row];
};

describe("RD29-2: a note row with no STT and no points in the LABEL column stays a line of text", () => {
  it.each(["Tiêu chí thứ 2 về tiến độ", "Tiêu chí số 2 về tiến độ", "Tiêu chí thứ hai về tiến độ", "Chỉ tiêu thứ ba tuyên truyền trên loa"])(
    "'%s' between 1.1's options and the real 'Tiêu chí 2': 76, no finding",
    (text) => scoresAsBase(tableOf(dLayout(["", text]))),
  );

  it("a plain note in the title column at the same place stays a note", () => {
    scoresAsBase(tableOf(dLayout(["", "", "Giải trình: tiêu chí này năm 2024 mới bổ sung"])));
  });
});

describe("RD29-1: a Roman heading row above each 'Lĩnh vực n' is no field, wherever the rows sampled end", () => {
  const WORD = ["", "Lĩnh vực", "Tiêu chí", "Chỉ tiêu"];
  const labelled = (x: DemoRow): Value[][] => {
    const row = ["", `${WORD[depth(x)]} ${depth(x) === 1 ? ROMAN[last(x)] : last(x)}`, x.title, ...x.tail];
    return depth(x) === 1 ? [[ROMAN[last(x)]!, "", `PHẦN ${last(x)}`], row] : [row];
  };

  // The window of rows sampled under the header ends on heading VII's row with no blank row, on
  // its label with one; a blank row or two between the header and the table move it.
  it.each([0, 1, 2])("with %s blank row(s) under the header: no finding, 76", (blank) => {
    scoresAsBase(tableOf((x) => [...(x.code === "1" ? Array.from({ length: blank }, () => []) : []), ...labelled(x)]));
  });
});

describe("RD29-3/4/5: import-criteria — half-marked and sentence labels", () => {
  const OPTIONS = { id: "x", year: 2024, unitType: "commune" as const };
  const decision = gridOf("fixtures/decisions/commune-word-labels.xlsx");
  const codes = (items: { code: string; children?: unknown[] }[]): string[] => items.flatMap((i) => [i.code, ...codes((i.children ?? []) as typeof items)]);
  const plain = importCriteriaSet(decision, OPTIONS);

  it.each<[string, Record<string, string>, string, string]>([
    ["'Tiêu chí so 2' among marked labels", { A9: "Tiêu chí so 2" }, "Tiêu chí so 2", "Tiêu chí số 2"],
    ["'Chỉ tiêu thu 1' among marked labels", { A10: "Chỉ tiêu thu 1" }, "Chỉ tiêu thu 1", "Chỉ tiêu thứ 1"],
  ])("RD29-3: %s is refused naming its cell and the label meant, never a set with part missing", (_, edits, text, meant) => {
    const imported = importCriteriaSet(edited(decision, edits), OPTIONS);
    expect(imported.ok).toBe(false);
    if (imported.ok) return;
    expect(imported.message).toContain(text);
    expect(imported.message).toContain(meant);
    expect(imported.message).toContain(`!${Object.keys(edits)[0]}`);
  });

  it("RD29-3: 'Chỉ tiêu thu năm 2024 …' (no number after 'thu') is still no label and no refusal", () => {
    const imported = importCriteriaSet(edited(decision, { B6: `Chỉ tiêu thu năm 2024 ${cellOf(decision, "B6")}` }), OPTIONS);
    expect(imported.ok).toBe(true);
  });

  it("RD29-4: 'Tieu chi số 1' (words unmarked, 'số' marked) reads as the plain labels do", () => {
    const imported = importCriteriaSet(edited(decision, { A5: "Tieu chi số 1", A9: "Tieu chi số 2", A12: "Tieu chi số 3" }), OPTIONS);
    expect(imported.ok && plain.ok).toBe(true);
    if (!imported.ok || !plain.ok) return;
    expect(codes(imported.set.items)).toEqual(codes(plain.set.items));
    expect(imported.set.maxPoints).toBe(plain.set.maxPoints);
  });

  it("RD29-5: a blank label with the title 'Tiêu chí thứ 3 về sự hài lòng…' keeps its whole text as the title", () => {
    const text = "Tiêu chí thứ 3 về sự hài lòng của người dân, tổ chức";
    const imported = importCriteriaSet(edited(decision, { A12: "", B12: text }), OPTIONS);
    expect(imported.ok).toBe(true);
    if (!imported.ok) return;
    expect(imported.set.items.find((i) => i.code === "3")?.title).toBe(text);
  });
});

function cellOf(grid: Grid, address: string): string {
  const m = /^([A-Z])(\d+)$/.exec(address)!;
  return String(grid.sheets[0]!.rows[Number(m[2]) - 1]?.[m[1]!.charCodeAt(0) - 65]?.v ?? "");
}

