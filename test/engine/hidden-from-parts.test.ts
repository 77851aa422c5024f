import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { strToU8, unzipSync, zipSync } from "fflate";
import * as XLSX from "@e965/xlsx";
import type { Grid } from "../../shared/index.ts";
import { readWorkbookBytes, SHEETJS_READ_OPTIONS, workbookToGrid } from "../../xlsx/sheetjs-grid.ts";
import { hiddenInPart } from "../../xlsx/sheet-parts.ts";

/**
 * An .xlsx is read without SheetJS's `cellStyles` and its hidden rows and columns are read from
 * the sheet parts (xlsx/sheet-parts.ts). The Grid must be what SheetJS's own `cellStyles` read
 * gives: for every workbook the repository holds (real offices' files among them, several with
 * hidden rows or columns), and for the ways a part may write them.
 */
function sheetJsGrid(bytes: Uint8Array): Grid {
  return workbookToGrid(XLSX.read(bytes, SHEETJS_READ_OPTIONS));
}

function ourGrid(bytes: Uint8Array): Grid {
  const read = readWorkbookBytes(bytes);
  if (!read.ok) throw new Error(read.message);
  return read.grid;
}

function workbooksUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? workbooksUnder(join(dir, e.name)) : /\.(xlsx|xlsm)$/i.test(e.name) ? [join(dir, e.name)] : []));
}

const ZIP_MAGIC = (b: Uint8Array): boolean => b[0] === 0x50 && b[1] === 0x4b;

describe("hidden rows and columns read from an .xlsx's sheet parts", () => {
  const files = [...workbooksUnder("fixtures"), ...workbooksUnder("test")].filter((f) => ZIP_MAGIC(readFileSync(f)));

  it("give every workbook of the repository the Grid SheetJS's cellStyles read gives", () => {
    expect(files.length).toBeGreaterThan(30);
    let withHidden = 0;
    for (const file of files) {
      const bytes = new Uint8Array(readFileSync(file));
      const ours = ourGrid(bytes);
      const theirs = sheetJsGrid(bytes);
      const visibility = (g: Grid) => g.sheets.map((s) => ({ name: s.name, hidden: s.hidden, rows: s.hiddenRows, columns: s.hiddenColumns }));
      expect(visibility(ours), file).toEqual(visibility(theirs));
      expect(ours.sheets.map((s) => s.rows.length), file).toEqual(theirs.sheets.map((s) => s.rows.length));
      if (ours.sheets.some((s) => s.hiddenRows || s.hiddenColumns)) withHidden++;
    }
    // The comparison means something only where something is hidden.
    expect(withHidden).toBeGreaterThanOrEqual(2);
  });

  /** A one-sheet workbook whose sheet part is `sheetXml`, everything else as SheetJS writes it. */
  function withSheetPart(sheetXml: string): Uint8Array {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([["a"]]), "Biểu 1");
    const entries = unzipSync(new Uint8Array(XLSX.write(wb, { type: "array", bookType: "xlsx" }) as ArrayBuffer));
    entries["xl/worksheets/sheet1.xml"] = strToU8(sheetXml);
    return zipSync(entries);
  }

  const sheet = (cols: string, rows: string) =>
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${cols}<sheetData>${rows}</sheetData></worksheet>`;
  const cells = (r: number) => `<c r="A${r}" t="inlineStr"><is><t>dòng ${r}</t></is></c><c r="B${r}"><v>${r}</v></c>`;

  it.each([
    ["rows numbered, hidden as 1 and as true, one not hidden as 0", "", `<row r="2" hidden="1">${cells(2)}</row><row r="3" hidden="true">${cells(3)}</row><row r="4" hidden="0">${cells(4)}</row><row r="5">${cells(5)}</row>`],
    ["rows without r follow the row before", "", `<row r="3">${cells(3)}</row><row hidden="1"><c><v>1</v></c></row><row hidden='1'><c><v>2</v></c></row><row><c><v>3</v></c></row>`],
    ["an empty hidden row written self-closing", "", `<row r="2">${cells(2)}</row><row r="3" hidden="1" customHeight="1" ht="0"/><row r="4">${cells(4)}</row>`],
    ["columns to the sheet's end, overlapping and touching ranges", `<cols><col min="3" max="4" width="0" hidden="1" customWidth="1"/><col min="5" max="5" hidden="1"/><col min="7" max="16384" hidden="1"/><col min="2" max="2" width="20"/></cols>`, `<row r="1">${cells(1)}</row>`],
    ["tags with a namespace prefix", `<x:cols><x:col min="2" max="2" hidden="1"/></x:cols>`, `<x:row r="2" hidden="1">${cells(2)}</x:row>`],
    ["the word hidden only in a cell's text", "", `<row r="1"><c r="A1" t="inlineStr"><is><t>hidden="1" is a row attribute</t></is></c></row>`],
  ])("as SheetJS reads them: %s", (_, cols, rows) => {
    // The prefixed case needs the prefix declared for SheetJS: the namespace is given both ways.
    const xml = sheet(cols, rows).replace("<worksheet ", '<worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ');
    const bytes = withSheetPart(xml);
    const ours = ourGrid(bytes).sheets[0]!;
    const theirs = sheetJsGrid(bytes).sheets[0]!;
    expect({ rows: ours.hiddenRows, columns: ours.hiddenColumns }).toEqual({ rows: theirs.hiddenRows, columns: theirs.hiddenColumns });
  });

  it("keeps a column range to the sheet's end as one span, within the sheet, and rows from the bound on out", () => {
    // SheetJS would give columns 16,380 … 20,000, past the last one a Grid may name.
    expect(hiddenInPart(strToU8(sheet(`<cols><col min="16380" max="20000" hidden="1"/></cols>`, "")), 65_536).columns).toEqual([[16_379, 16_383]]);
    const part = strToU8(sheet(`<cols><col min="11" max="16384" hidden="1"/></cols>`, `<row r="3" hidden="1"/><row r="70000" hidden="1"/>`));
    expect(hiddenInPart(part, 65_536)).toEqual({ rows: [[2, 2]], columns: [[10, 16_383]] });
    expect(hiddenInPart(strToU8(sheet("", `<row r="1">${cells(1)}</row>`)), 65_536)).toEqual({ rows: [], columns: [] });
  });

  /** The one-sheet workbook with the relationship to its sheet's part targeting `target`. */
  function withSheetTarget(target: string): Uint8Array {
    const entries = unzipSync(withSheetPart(sheet(`<cols><col min="3" max="3" hidden="1"/></cols>`, `<row r="2" hidden="1">${cells(2)}</row>`)));
    const rels = new TextDecoder().decode(entries["xl/_rels/workbook.xml.rels"]);
    expect(rels).toContain('Target="worksheets/sheet1.xml"');
    entries["xl/_rels/workbook.xml.rels"] = strToU8(rels.replace('Target="worksheets/sheet1.xml"', `Target="${target}"`));
    return zipSync(entries);
  }

  it.each([
    ["absolute", "/xl/worksheets/sheet1.xml"],
    ["relative to the package, as some generators write it", "xl/worksheets/sheet1.xml"],
    // Not found by our exact lookup: SheetJS reads the workbook again with cellStyles, finding it case-blind.
    ["in other letter case", "Worksheets/Sheet1.xml"],
  ])("finds a sheet's part by a relationship target %s, or leaves the hidden rows to SheetJS", (_, target) => {
    const bytes = withSheetTarget(target);
    const theirs = sheetJsGrid(bytes).sheets[0]!;
    expect({ rows: theirs.hiddenRows, columns: theirs.hiddenColumns }).toEqual({ rows: [[1, 1]], columns: [[2, 2]] });
    const ours = ourGrid(bytes).sheets[0]!;
    expect({ rows: ours.hiddenRows, columns: ours.hiddenColumns }).toEqual({ rows: [[1, 1]], columns: [[2, 2]] });
  });
});
