import { strFromU8 } from "fflate";
import { MAX_COLUMNS, spansOf, spansOfRanges, type HiddenSpan } from "../shared/index.ts";

/**
 * The parts of an unzipped .xlsx/.xlsm read beside SheetJS (sheetjs-grid.ts): which part holds
 * each sheet, and the rows and columns a sheet part marks hidden. Read with patterns over the
 * part's tags, never a whole XML parse: attribute values here are ASCII (row numbers, 0/1).
 */

/** A zip's entries by name, as inflated. */
export type ZipEntries = ReadonlyMap<string, Uint8Array>;

/** An attribute's value in a start tag, quoted either way (one pattern per name, compiled once). */
const attributePatterns = new Map<string, RegExp>();
export function attribute(tag: string, name: string): string | undefined {
  let pattern = attributePatterns.get(name);
  if (!pattern) attributePatterns.set(name, (pattern = new RegExp(`\\s${name.replace(":", "\\:")}\\s*=\\s*(["'])([\\s\\S]*?)\\1`)));
  return pattern.exec(tag)?.[2];
}

export const unescapeXml = (s: string): string =>
  s.replace(/&(lt|gt|quot|apos|amp|#\d+|#x[\da-f]+);/gi, (_, e: string) =>
    e[0] === "#" ? String.fromCodePoint(e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : ({ lt: "<", gt: ">", quot: '"', apos: "'", amp: "&" } as Record<string, string>)[e.toLowerCase()]!,
  );

export const entryText = (entries: ZipEntries, path: string): string => {
  const bytes = entries.get(path);
  return bytes ? strFromU8(bytes) : "";
};

/**
 * Each sheet's part, by the sheet's name, as `xl/workbook.xml` and its relationships name them
 * (`xl/worksheets/sheet1.xml`); a sheet whose part is not among the entries by that name is left out. Empty
 * for a workbook stored otherwise (.xlsb's `xl/workbook.bin`, an .ods).
 */
export function sheetPartsOf(entries: ZipEntries): Map<string, string> {
  const parts = new Map<string, string>();
  const workbook = entryText(entries, "xl/workbook.xml");
  if (workbook === "") return parts;
  const targets = new Map([...entryText(entries, "xl/_rels/workbook.xml.rels").matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)].map((m) => [attribute(m[0], "Id"), attribute(m[0], "Target")]));
  for (const m of workbook.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const target = targets.get(attribute(m[0], "r:id"));
    if (!target) continue;
    // The first path SheetJS tries ("/xl/worksheets/sheet1.xml" and "worksheets/sheet1.xml" alike);
    // its other tries, and its case-blind lookup, are left to it (readZipped).
    const path = `xl/${target.replace(/[/]?xl\//, "")}`;
    if (entries.has(path)) parts.set(unescapeXml(attribute(m[0], "name") ?? ""), path);
  }
  return parts;
}

const HIDDEN = [0x68, 0x69, 0x64, 0x64, 0x65, 0x6e]; // "hidden"
const isSpace = (b: number | undefined): boolean => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d;

/**
 * Whether the bytes hold `hidden="1"` or `hidden="true"` (either quote, spaces around "="): the
 * one test every sheet part gets, without decoding it. LibreOffice writes `hidden="false"` on
 * every row and column, which must not cost a scan of every row.
 */
function marksSomethingHidden(bytes: Uint8Array): boolean {
  for (let at = bytes.indexOf(HIDDEN[0]!); at >= 0; at = bytes.indexOf(HIDDEN[0]!, at + 1)) {
    let i = 1;
    while (i < HIDDEN.length && bytes[at + i] === HIDDEN[i]) i++;
    if (i < HIDDEN.length) continue;
    let j = at + i;
    while (isSpace(bytes[j])) j++;
    if (bytes[j++] !== 0x3d) continue; // =
    while (isSpace(bytes[j])) j++;
    if (bytes[j] !== 0x22 && bytes[j] !== 0x27) continue; // " or '
    if (bytes[j + 1] === 0x31 || bytes[j + 1] === 0x74) return true; // 1 or t(rue)
  }
  return false;
}

/** xsd:boolean as SheetJS reads it: "1" and "true". */
const isTrue = (value: string | undefined): boolean => value === "1" || value === "true";

export interface PartVisibility {
  rows: HiddenSpan[];
  columns: HiddenSpan[];
}

/**
 * The rows (`<row r="5" hidden="1">`, rows from `belowRow` on not counted) and columns (`<col
 * min="2" max="3" hidden="1"/>`, a range kept as one span: "hide every column right of the
 * table" is K:XFD, 16,374 columns) a sheet part marks hidden, as SheetJS's `cellStyles` read
 * would give them: a row without `r` follows the row before it. Most parts hide nothing and
 * are not decoded at all.
 */
export function hiddenInPart(bytes: Uint8Array, belowRow: number): PartVisibility {
  if (!marksSomethingHidden(bytes)) return { rows: [], columns: [] };
  const xml = strFromU8(bytes); // UTF-8, as parts are written (fflate's latin1 decoding took 8× as long)
  const data = /<(?:\w+:)?sheetData\b/.exec(xml);
  const columnRanges: [number, number][] = [];
  // Columns are declared before the sheet's data (SheetJS reads them there only).
  for (const m of xml.slice(0, data?.index ?? xml.length).matchAll(/<(?:\w+:)?col\b[^>]*>/g)) {
    if (!isTrue(attribute(m[0], "hidden"))) continue;
    const first = parseInt(attribute(m[0], "min") ?? "", 10) - 1;
    const last = Math.min(parseInt(attribute(m[0], "max") ?? "", 10) - 1, MAX_COLUMNS - 1);
    if (first >= 0 && first <= last) columnRanges.push([first, last]);
  }
  const rows: number[] = [];
  if (data) {
    let number = 0;
    const rowTag = /<(?:\w+:)?row\b[^>]*>/g;
    rowTag.lastIndex = data.index;
    for (let m = rowTag.exec(xml); m; m = rowTag.exec(xml)) {
      const r = attribute(m[0], "r");
      number = r !== undefined ? parseInt(r, 10) : number + 1;
      if (number - 1 < belowRow && isTrue(attribute(m[0], "hidden"))) rows.push(number - 1);
    }
  }
  return { rows: spansOf(rows), columns: spansOfRanges(columnRanges) };
}
