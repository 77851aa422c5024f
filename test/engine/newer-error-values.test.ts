import * as XLSX from "@e965/xlsx";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { readWorkbookBytes } from "../../xlsx/sheetjs-grid.ts";

/**
 * Excel 365's newer error values (#SPILL!, #CALC!, #FIELD!, #BLOCKED! …) are not in SheetJS's
 * table: read without cell text, such a cell had no value and was said as #VALUE! (contract
 * tester CF4-7). The reader now names it as the cell shows it, from the sheet's own part.
 */
function workbookWithErrors(sheets: { name: string; errors: Record<string, string> }[], edit: (xml: string, sheet: number) => string = (xml) => xml): Uint8Array {
  const wb = XLSX.utils.book_new();
  for (const { name, errors } of sheets) {
    const ws = XLSX.utils.aoa_to_sheet([["Mã", "Điểm"], ["1.1", 1]]);
    // Each written as #VALUE! (0x0F), then given its own text in the part, as Excel stores it.
    for (const address of Object.keys(errors)) ws[address] = { t: "e", v: 0x0f, f: "A1:A3" };
    ws["!ref"] = "A1:D9";
    XLSX.utils.book_append_sheet(wb, ws, name);
  }
  const files = unzipSync(new Uint8Array(XLSX.write(wb, { type: "array", bookType: "xlsx" }) as ArrayBuffer));
  sheets.forEach(({ errors }, i) => {
    const path = `xl/worksheets/sheet${i + 1}.xml`;
    let xml = strFromU8(files[path]!);
    for (const [address, text] of Object.entries(errors)) xml = xml.replace(new RegExp(`(<c r="${address}"[^>]*>(?:<f>[^<]*</f>)?<v>)#VALUE!(</v>)`), `$1${text}$2`);
    files[path] = strToU8(edit(xml, i));
  });
  return zipSync(files);
}

const errorsOf = (bytes: Uint8Array, sheet: number): Record<string, string> => {
  const read = readWorkbookBytes(bytes);
  if (!read.ok) throw new Error(read.message);
  const out: Record<string, string> = {};
  read.grid.sheets[sheet]!.rows.forEach((row, r) => row.forEach((cell, c) => cell?.err && (out[XLSX.utils.encode_cell({ r, c })] = cell.err)));
  return out;
};

describe("error values newer than the reader's table", () => {
  it("are named as the cell shows them, on the right sheet, beside the errors it knows", () => {
    const bytes = workbookWithErrors([
      { name: "Tự đánh giá", errors: { C3: "#SPILL!", D4: "#CALC!", C5: "#DIV/0!" } },
      { name: "Báo cáo & kế hoạch", errors: { C3: "#FIELD!", D5: "#BLOCKED!" } },
    ]);
    expect(errorsOf(bytes, 0)).toEqual({ C3: "#SPILL!", D4: "#CALC!", C5: "#DIV/0!" });
    expect(errorsOf(bytes, 1)).toEqual({ C3: "#FIELD!", D5: "#BLOCKED!" });
  });

  it("leave a workbook with none read as before", () => {
    const bytes = workbookWithErrors([{ name: "Tự đánh giá", errors: { C3: "#VALUE!", D4: "#N/A" } }]);
    expect(errorsOf(bytes, 0)).toEqual({ C3: "#VALUE!", D4: "#N/A" });
  });

  it("are named beside empty cells written self-closing, as every bordered blank cell is, and never on the wrong cell (FIN-1..3)", () => {
    const blankBefore = (xml: string) => xml.replace('<c r="C3"', '<c r="B3" s="0"/><c r="C3"');
    expect(errorsOf(workbookWithErrors([{ name: "Tự đánh giá", errors: { C3: "#SPILL!" } }], blankBefore), 0)).toEqual({ C3: "#SPILL!" });
    // An error cell written without its value, right before a named one: each keeps its own.
    const valueless = (xml: string) => xml.replace('<c r="C3"', '<c r="B3" t="e"/><c r="C3"');
    expect(errorsOf(workbookWithErrors([{ name: "Tự đánh giá", errors: { C3: "#SPILL!" } }], valueless), 0)).toEqual({ B3: "#VALUE!", C3: "#SPILL!" });
    // Thousands of bordered blank rows below the table, the error above them: read once, in order.
    const borderedRows = (xml: string) =>
      xml.replace("</sheetData>", `${Array.from({ length: 3000 }, (_, i) => `<row r="${i + 20}">${["A", "B", "C", "D"].map((col) => `<c r="${col}${i + 20}" s="0"/>`).join("")}</row>`).join("")}</sheetData>`);
    expect(errorsOf(workbookWithErrors([{ name: "Tự đánh giá", errors: { D4: "#CALC!" } }], borderedRows), 0)).toEqual({ D4: "#CALC!" });
  });

  it("are read with single-quoted attributes, a value padded with spaces, and a sheet name written with numeric references", () => {
    const singleQuoted = (xml: string) => xml.replace(/<c r="C3"([^>]*)t="e"/, "<c r='C3'$1t='e'").replace("<v>#SPILL!</v>", "<v> #SPILL! </v>");
    expect(errorsOf(workbookWithErrors([{ name: "Tự đánh giá", errors: { C3: "#SPILL!" } }], singleQuoted), 0)).toEqual({ C3: "#SPILL!" });
    const bytes = workbookWithErrors([{ name: "Đánh giá & 2024", errors: { C3: "#FIELD!" } }]);
    const files = unzipSync(bytes);
    files["xl/workbook.xml"] = strToU8(strFromU8(files["xl/workbook.xml"]!).replace('name="Đánh giá &amp; 2024"', 'name="&#272;&#xE1;nh gi&#225; &#38; 2024"'));
    expect(errorsOf(zipSync(files), 0)).toEqual({ C3: "#FIELD!" });
  });
});
