import { describe, expect, it } from "vitest";
import * as XLSX from "@e965/xlsx";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { readWorkbookBytes } from "../../xlsx/sheetjs-grid.ts";
import { scoreWorkbook } from "../../shared/index.ts";
import { codes, EV, row, score, scores, setOf, COLUMNS } from "./v2-helpers.ts";

/**
 * The thirteenth red-team round (WB13-4): a formula Excel calculated to the empty string
 * (`=IF(D49="","",-0.5*D49)`, saved as `<c t="str"><f>…</f><v/></c>`) is a blank cell. It was
 * FORMULA_NOT_CALCULATED ("open in Excel and save"), an error whose remedy could not work: Excel
 * writes `<v/>` again on every save. A formula saved with no value at all (openpyxl) is still
 * said to be uncalculated.
 */

const set = setOf([{ code: "1.1", title: "Tuyên truyền CCHC", max: 2, rule: { kind: "manual", step: 0.5 } }], {}, [
  { code: "8", title: "Điểm thưởng, điểm trừ", adjustment: true, children: [{ code: "8.2", title: "Chậm gửi báo cáo CCHC theo yêu cầu", min: -2, max: 0, rule: { kind: "manual", step: 0.5 } }] },
]);

describe("a formula whose value is the empty string is a blank cell", () => {
  it("on a leaf: SCORE_BLANK (a warning), not FORMULA_NOT_CALCULATED", () => {
    const report = score(set, [row("1", { max: 2 }), row("1.1", { max: 2, self: { f: 'IF(C3="","",C3)', v: "" }, evidence: EV }), row("8", {}), row("8.2", {})]);
    expect(codes(report)).toEqual(["SCORE_BLANK 1.1 Biểu!E3"]);
    expect(scores(report)["1.1"]).toBe(0);
  });

  it("on a deduction row: none, as a blank row is", () => {
    const report = score(set, [row("1", { max: 2 }), row("1.1", { max: 2, self: 2, evidence: EV }), row("8", {}), row("8.2", { self: { f: 'IF(D5="","",-0.5*D5)', v: "" } })]);
    expect(codes(report)).toEqual([]);
    expect(report.total).toBe(2);
  });

  it("a formula saved with no value at all is still not calculated (openpyxl)", () => {
    const report = score(set, [row("1", { max: 2 }), row("1.1", { max: 2, self: { f: "1+1" }, evidence: EV }), row("8", {}), row("8.2", {})]);
    expect(codes(report)).toEqual(["FORMULA_NOT_CALCULATED 1.1 Biểu!E3"]);
  });

  it.each([
    ["<v/>", "<v/>"],
    ["<v></v>", "<v></v>"],
  ])("read from the file as Excel saves it (%s)", (_name, empty) => {
    const rows = [COLUMNS, row("1", { max: 2, self: 2 }), row("1.1", { max: 2, self: 2, evidence: EV }), row("8", {}), row("8.2", { self: 0 })];
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), "Biểu");
    const files = unzipSync(new Uint8Array(XLSX.write(wb, { bookType: "xlsx", type: "array" })));
    const path = "xl/worksheets/sheet1.xml";
    const xml = strFromU8(files[path]!);
    const patched = xml.replace(/<c r="E5"[^>]*?(?:\/>|>.*?<\/c>)/, `<c r="E5" t="str"><f>IF(D5="","",-0.5*D5)</f>${empty}</c>`);
    expect(patched).not.toBe(xml);
    files[path] = strToU8(patched);
    const read = readWorkbookBytes(zipSync(files));
    if (!read.ok) throw new Error(read.message);
    expect(read.grid.sheets[0]!.rows[4]![4]).toEqual({ f: 'IF(D5="","",-0.5*D5)', v: "" });
    const report = scoreWorkbook(read.grid, set);
    expect(codes(report)).toEqual([]);
    expect(report.total).toBe(2);
  });
});
