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
import { readFileSync } from "node:fs";
import { parseCriteriaSet, scoreWorkbook, type Grid, type GridCell, type Merge } from "../../shared/index.ts";
import { readWorkbookBytes } from "../../xlsx/sheetjs-grid.ts";

function gridOf(path: string): Grid {
  const read = readWorkbookBytes(new Uint8Array(readFileSync(path)));
  if (!read.ok) throw new Error(read.message);
  return read.grid;
}

const set = (() => {
  const parsed = parseCriteriaSet(JSON.parse(readFileSync("fixtures/criteria/demo-commune-2024.json", "utf8")));
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.set;
})();

/** commune-code-in-title.xlsx: every leaf at its max but the survey, 76 / 100 with no finding. */
const base = gridOf("fixtures/workbooks/commune-code-in-title.xlsx");
const baseReport = scoreWorkbook(base, set);
type Value = string | number;
interface DemoRow { code: string; title: string; tail: Value[] }
const demoRows: DemoRow[] = base.sheets[0]!.rows.slice(6, 50).map((row) => {
  const m = /^(\d+(?:\.\d+)*)\.\s*(.*)$/.exec(String(row[0]?.v))!;
  // Điểm tối đa, Số liệu kê khai, Tài liệu kiểm chứng, Điểm tự đánh giá, Ghi chú.
  const tail = [1, 2, 4, 5, 6].map((c) => (row[c]?.v ?? "") as Value);
  return { code: m[1]!, title: m[2]!, tail };
});
const depth = (x: DemoRow) => x.code.split(".").length;
const last = (x: DemoRow) => Number(x.code.split(".").pop());
const ROMAN = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"];
const LETTERS = "abcdđeg";
const HEAD: Value[] = ["STT", "Tiêu chí", "Nội dung", "Điểm tối đa", "Số liệu kê khai", "Tài liệu kiểm chứng", "Điểm tự đánh giá", "Ghi chú"];
const TOTAL: Value[] = ["", "", "TỔNG CỘNG", 100, "", "", "", ""];

/** A sheet: the title block, `HEAD`, one row a demo criterion, the total; `mergeRow` merges a row's cells. */
function tableOf(row: (x: DemoRow) => Value[], mergeRow?: (x: DemoRow, r: number) => Merge | null): Grid {
  const rows: Value[][] = [["UBND XÃ AN PHÚ"], [], ["BẢNG TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2024"], [], HEAD, ...demoRows.map(row), TOTAL];
  const merges = mergeRow ? demoRows.flatMap((x, i) => mergeRow(x, i + 5) ?? []) : [];
  const cells = rows.map((r) => r.map((v): GridCell | null => (v === "" ? null : { v })));
  return { sheets: [{ name: "Tự đánh giá", rows: cells, merges }] };
}

const field = (x: DemoRow): Value[] => [ROMAN[Number(x.code)]!, "", x.title.toUpperCase(), ...x.tail];
const criterion = (label: (n: number) => string, stt: (n: number) => Value = (n) => n) => (x: DemoRow): Value[] => [stt(last(x)), label(last(x)), x.title, ...x.tail];
const lettered = (x: DemoRow): Value[] => [LETTERS[last(x) - 1]!, "", x.title, ...x.tail];
const romanStt = (crit: (x: DemoRow) => Value[], sub: (x: DemoRow) => Value[] = lettered) => (x: DemoRow) => (depth(x) === 1 ? field(x) : depth(x) === 2 ? crit(x) : sub(x));

const scoresAsBase = (grid: Grid) => {
  const report = scoreWorkbook(grid, set);
  expect(report.findings.filter((f) => f.severity !== "info").map((f) => `${f.code} ${f.criterion ?? ""}`)).toEqual([]);
  expect(report.total).toBe(baseReport.total);
  expect(report.items.map((i) => [i.code, i.score])).toEqual(baseReport.items.map((i) => [i.code, i.score]));
};

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
