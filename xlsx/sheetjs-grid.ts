import * as XLSX from "@e965/xlsx";
import { Unzip, UnzipInflate, unzipSync } from "fflate";
import { from1904System, MAX_GRID_CELLS, MAX_MERGES_PER_SHEET, spansOf, type Grid, type GridCell, type GridSheet, type Merge } from "../shared/index.ts";
import { attribute, entryText, hiddenInPart, sheetPartsOf, unescapeXml, type PartVisibility, type ZipEntries } from "./sheet-parts.ts";

/**
 * SheetJS edge: bytes of an .xlsx/.xls → the engine's Grid. Used by the CLI, the Worker
 * (re-reading a submitted file) and the browser harness. Reads dense, keeps formulas,
 * number formats (for "92%") and error values.
 *
 * Bounded by what the workbook holds (issue 15): rows past MAX_READ_ROWS are not read (the
 * criteria table starts in the first 61 rows and ends long before), trailing empty rows and
 * columns are never materialised (one stray cell at XFD1048576 does not make a million-row
 * grid), and a workbook whose sheets unpack to more than MAX_UNZIPPED_BYTES or hold more
 * than MAX_GRID_CELLS positions is refused as too large instead of being parsed.
 */
export const MAX_READ_ROWS = 65_536;
export const MAX_UNZIPPED_BYTES = 48 * 1024 * 1024;
const MAX_UNZIPPED_MB = MAX_UNZIPPED_BYTES / 1024 / 1024;

/**
 * `cellStyles` is what makes SheetJS read row and column properties (`!rows`, `!cols`): which
 * are hidden (.xlsx, .xlsb; columns only from .xls; nothing from .ods). An .xlsx is read
 * without it (readZipped): the hidden rows and columns are read from its sheet parts instead.
 * `cellHTML: false`: no HTML copy of each text cell (`.h`, escaped, and for rich text every
 * run's font turned into markup), which nothing of the Grid reads — 4–5 % of SheetJS's parse of
 * the real department workbooks (bench/engine.bench.ts measures the bare parse with these same
 * options).
 */
export const SHEETJS_READ_OPTIONS: XLSX.ParsingOptions = { type: "array", dense: true, cellFormula: true, cellNF: true, cellText: false, cellDates: false, cellStyles: true, cellHTML: false, sheetRows: MAX_READ_ROWS };

const ERROR_TEXT: Record<number, string> = {
  0x00: "#NULL!", 0x07: "#DIV/0!", 0x0f: "#VALUE!", 0x17: "#REF!", 0x1d: "#NAME?", 0x24: "#NUM!", 0x2a: "#N/A", 0x2b: "#GETTING_DATA",
};

/** Zip (xlsx, xlsm, ods) or OLE2 (xls) signature: anything else is not a workbook. */
export function looksLikeWorkbook(bytes: Uint8Array): boolean {
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  const ole = bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
  return zip || ole;
}

function toGridCell(cell: XLSX.CellObject | undefined, date1904 = false): GridCell | null {
  if (!cell || cell.t === "z") return cell?.f ? { f: cell.f } : null;
  const out: GridCell = {};
  if (cell.t === "e") out.err = typeof cell.v === "number" ? (ERROR_TEXT[cell.v] ?? "#VALUE!") : String(cell.w ?? "#VALUE!");
  else if (cell.t === "d") out.v = cell.v instanceof Date ? cell.v.toISOString().slice(0, 10) : String(cell.v);
  // A 1904-system workbook's dates, moved into the 1900 system (they had been read four years and a day early).
  else if (date1904 && cell.t === "n" && typeof cell.v === "number") out.v = from1904System(cell.v, cell.z === undefined ? undefined : String(cell.z));
  else if (cell.v !== undefined) out.v = cell.v as string | number | boolean;
  if (cell.f) out.f = cell.f;
  if (cell.z !== undefined && cell.z !== "General" && cell.t === "n") out.z = String(cell.z);
  if (cell.w !== undefined && cell.t === "n") out.w = cell.w;
  return out;
}

class TooLarge extends Error {
  constructor(
    en: string,
    readonly vi: string,
  ) {
    super(en);
  }
}

const unpacksPastBound = (): TooLarge => new TooLarge(`it unpacks to more than ${MAX_UNZIPPED_MB} MB`, `giải nén ra hơn ${MAX_UNZIPPED_MB} MB`);

/** Counts the positions materialised so far, across sheets, against MAX_GRID_CELLS. */
interface CellBudget {
  used: number;
}

function spend(budget: CellBudget, cells: number, sheet: string): void {
  budget.used += cells;
  if (budget.used > MAX_GRID_CELLS) throw new TooLarge(`sheet "${sheet}" takes the workbook past ${MAX_GRID_CELLS} cells`, `trang "${sheet}" đưa tệp vượt ${MAX_GRID_CELLS.toLocaleString("vi-VN")} ô`);
}

/** Only the cells present (dense rows may have holes), each row up to its last cell, the sheet up to its last row. */
export function sheetToGrid(name: string, ws: XLSX.WorkSheet, hidden: boolean, budget: CellBudget = { used: 0 }, date1904 = false): GridSheet {
  const data = (ws["!data"] ?? []) as (XLSX.CellObject[] | undefined)[];
  const rows: (GridCell | null)[][] = [];
  data.forEach((src, r) => {
    const row: (GridCell | null)[] = [];
    src?.forEach((cell, c) => {
      const value = toGridCell(cell, date1904);
      if (!value) return;
      spend(budget, c + 1 - row.length, name);
      while (row.length < c) row.push(null);
      row.push(value);
    });
    if (row.length === 0) return;
    while (rows.length < r) rows.push([]);
    rows.push(row);
  });
  const all = ws["!merges"] ?? [];
  if (all.length > MAX_MERGES_PER_SHEET) throw new TooLarge(`sheet "${name}" has more than ${MAX_MERGES_PER_SHEET} merged ranges`, `trang "${name}" có hơn ${MAX_MERGES_PER_SHEET.toLocaleString("vi-VN")} vùng gộp ô`);
  // Merges that start below the rows read cover nothing read.
  const merges: Merge[] = all.filter((m) => m.s.r < MAX_READ_ROWS).map((m) => ({ s: { r: m.s.r, c: m.s.c }, e: { r: m.e.r, c: m.e.c } }));
  const sheet: GridSheet = { name, rows, merges };
  if (hidden) sheet.hidden = true;
  const fromPart = visibilityReadFromPart.get(ws);
  const hiddenRows = fromPart?.rows ?? hiddenIndices(ws["!rows"], MAX_READ_ROWS);
  const hiddenColumns = fromPart?.columns ?? hiddenIndices(ws["!cols"], Infinity);
  if (hiddenRows.length) sheet.hiddenRows = hiddenRows;
  if (hiddenColumns.length) sheet.hiddenColumns = hiddenColumns;
  return sheet;
}

/** Rows or columns SheetJS read as hidden (sparse arrays of properties), as spans. */
function hiddenIndices(props: readonly ({ hidden?: boolean } | undefined)[] | undefined, below: number): [number, number][] {
  if (!props) return [];
  const hidden: number[] = [];
  props.forEach((p, i) => {
    if (p?.hidden && i < below) hidden.push(i);
  });
  return spansOf(hidden);
}

export function workbookToGrid(wb: XLSX.WorkBook): Grid {
  const meta = wb.Workbook?.Sheets ?? [];
  const budget: CellBudget = { used: 0 };
  const date1904 = Boolean(wb.Workbook?.WBProps?.date1904);
  return {
    sheets: wb.SheetNames.map((name, i) => sheetToGrid(name, wb.Sheets[name]!, (meta[i]?.Hidden ?? 0) !== 0, budget, date1904)),
  };
}

/** What a zipped workbook declares its read parts unpack to (UNREAD_PART aside), read from its directory: refuses an honest bomb before inflating anything. */
function declaredUnzippedBytes(bytes: Uint8Array): number {
  let total = 0;
  unzipSync(bytes, {
    filter: (file) => {
      if (!UNREAD_PART.test(file.name)) total += file.originalSize;
      return false;
    },
  });
  return total;
}

/**
 * Parts of a zipped workbook nothing of the Grid comes from, never inflated: document
 * properties, pictures (a scanned seal, a logo), printer settings, embedded objects, custom XML,
 * the calculation chain, macros. SheetJS reads the properties only where present and, with
 * SHEETJS_READ_OPTIONS, nothing of the others; an .ods names none of them so.
 */
const UNREAD_PART = /^(?:docProps\/|customXml\/|xl\/(?:media|printerSettings|embeddings)\/|xl\/calcChain\.xml$|xl\/vbaProject\.bin$)/;

/** Deflate's greatest ratio: a byte of compressed data inflates to at most ~1,032 bytes. */
const DEFLATE_MAX_RATIO = 1032;

/** Compressed bytes fed to the inflater at a time: one slice inflates to at most ~66 MB, then is counted. */
const UNZIP_SLICE = 64 * 1024;

/**
 * The entries of a zipped workbook (xlsx, xlsm, xlsb, ods), inflated in slices and counted as
 * they come out: the real output is held to MAX_UNZIPPED_BYTES whatever sizes the headers
 * declare (a header may say 1,000 bytes of an entry that inflates to gigabytes). Throws
 * TooLarge past it, fflate's error for a broken zip.
 */
function unzipBounded(bytes: Uint8Array): ZipEntries {
  const files = new Map<string, Uint8Array[]>();
  let total = 0;
  const unzip = new Unzip((file) => {
    if (UNREAD_PART.test(file.name)) {
      file.ondata = () => {}; // never started; a stored (uncompressed) part may still flow: dropped
      return;
    }
    const chunks: Uint8Array[] = [];
    files.set(file.name, chunks);
    file.ondata = (err, chunk) => {
      if (err) throw err;
      total += chunk.length;
      if (total > MAX_UNZIPPED_BYTES) throw unpacksPastBound();
      chunks.push(chunk);
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  for (let at = 0; at < bytes.length; at += UNZIP_SLICE) unzip.push(bytes.subarray(at, at + UNZIP_SLICE), at + UNZIP_SLICE >= bytes.length);
  return new Map([...files].map(([name, chunks]) => [name, concat(chunks)]));
}

function concat(chunks: Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) out.set(c, at), (at += c.length);
  return out;
}

/** Hidden rows and columns of a sheet SheetJS read without `cellStyles`, read from its part (readZipped). */
const visibilityReadFromPart = new WeakMap<XLSX.WorkSheet, PartVisibility>();

/**
 * A zipped workbook read by SheetJS from the entries unzipBounded gave (its own unzip would
 * inflate every entry in full first). The options as SheetJS's read would set them, but for
 * an .xlsx whose every sheet's part is found: read without `cellStyles`, and each part's
 * hidden rows and columns read apart (sheet-parts.ts). With `cellStyles` SheetJS also parses
 * the theme and gives every row and column its properties, of which the Grid keeps only
 * "hidden": 1–4 % of the read of the 88-criteria workbook (the two reads timed in turn), and a
 * sheet with its columns K:XFD hidden, as offices tidy one, 16,374 column objects — 25 ms
 * against 3 ms (bench/engine.bench.ts's reference line).
 */
function readZipped(bytes: Uint8Array): XLSX.WorkBook {
  // A zip too small to inflate past the bound whatever its headers say (≤ 47 KB; their declared
  // sizes, which fflate allocates, were checked) is inflated whole; a larger one in counted slices.
  const entries: ZipEntries = bytes.length * DEFLATE_MAX_RATIO <= MAX_UNZIPPED_BYTES ? new Map(Object.entries(unzipSync(bytes, { filter: (file) => !UNREAD_PART.test(file.name) }))) : unzipBounded(bytes);
  const parts = sheetPartsOf(entries);
  const lean = parts.size > 0;
  let wb = parseEntries(entries, lean);
  // A sheet SheetJS found elsewhere than the relationships say: SheetJS reads its hidden rows.
  if (lean && !wb.SheetNames.every((name) => parts.has(name))) wb = parseEntries(entries, false);
  else if (lean) {
    for (const name of wb.SheetNames) {
      const ws = wb.Sheets[name];
      if (ws) visibilityReadFromPart.set(ws, hiddenInPart(entries.get(parts.get(name)!)!, MAX_READ_ROWS));
    }
  }
  nameNewerErrors(wb, entries, parts);
  return wb;
}

function parseEntries(entries: ZipEntries, lean: boolean): XLSX.WorkBook {
  const cfb = XLSX.CFB as CfbUtils;
  const container = cfb.utils.cfb_new();
  // Added as SheetJS's own unzip adds them (`unsafe`: no directory rebuilt per entry).
  for (const [name, content] of entries) if (!name.endsWith("/")) cfb.utils.cfb_add(container, name, asSheetJsBytes(content), { unsafe: true });
  // Stubs too, as SheetJS's read sets them with `cellStyles`: without them a formula saved
  // without its value (`<f>SUM(F12,F13)</f><v></v>`, as openpyxl writes it) would not be read at all.
  const options: XLSX.ParsingOptions = { ...SHEETJS_READ_OPTIONS, cellStyles: !lean, sheetStubs: true };
  return (XLSX as unknown as SheetJsZipParser).parse_zip(container, options);
}

/**
 * Error values newer than SheetJS's table of them — Excel 365's #SPILL!, #CALC!, #FIELD!,
 * #BLOCKED!, #BUSY!, #CONNECT!, #UNKNOWN!, #PYTHON! — come out of a read without cell text as an
 * error cell with no value, and were said as #VALUE! (contract tester CF4-7: FORMULA_ERROR named
 * an error the clerk does not see). Only where a sheet holds such a cell, its text is read back
 * from the sheet's part — found through the workbook's relationships — by the cell's address;
 * a part not found that way leaves the cell as it was.
 */
function nameNewerErrors(wb: XLSX.WorkBook, entries: ZipEntries, parts: ReadonlyMap<string, string>): void {
  const unnamed = new Map<string, Map<string, XLSX.CellObject>>();
  for (const name of wb.SheetNames) {
    const rows = (wb.Sheets[name] as { "!data"?: (XLSX.CellObject | undefined)[][] } | undefined)?.["!data"] ?? [];
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r];
      for (let c = 0; row && c < row.length; c++) {
        const cell = row[c];
        if (cell?.t !== "e" || cell.v !== undefined) continue;
        if (!unnamed.has(name)) unnamed.set(name, new Map());
        unnamed.get(name)!.set(XLSX.utils.encode_cell({ r, c }), cell);
      }
    }
  }
  if (unnamed.size === 0) return;
  for (const [name, cells] of unnamed) {
    const path = parts.get(name);
    if (!path) continue;
    const xml = entryText(entries, path);
    // Cell by cell, each start tag once: an empty cell is written self-closing (`<c r="F9" s="5"/>`,
    // every bordered blank cell), and a pattern spanning to the next "</c>" swallowed the cell
    // after it and, past the last one, rescanned the rest of the part for each (the outside
    // tester's FIN-1..3: 8,000 bordered rows took 16 s). Only an error cell's own body is read.
    const start = /<(?:\w+:)?c\b([^>]*?)(\/?)>/g;
    for (let tag = start.exec(xml); tag; tag = start.exec(xml)) {
      if (tag[2]) continue;
      const cell = cells.get(attribute(tag[1]!, "r") ?? "");
      if (!cell || attribute(tag[1]!, "t") !== "e") continue;
      const body = /([\s\S]*?)<\/(?:\w+:)?c>/y;
      body.lastIndex = start.lastIndex;
      const value = /<(?:\w+:)?v>([^<]*)</.exec(body.exec(xml)?.[1] ?? "")?.[1]?.trim();
      if (value) cell.w = unescapeXml(value);
    }
  }
}

/**
 * Where Node's Buffer exists (the CLI, the Worker under nodejs_compat), an entry is handed to
 * SheetJS as a Buffer over the same bytes, as its own unzip hands them: SheetJS turns a Buffer
 * into text natively and anything else through a TextDecoder and a character map, about a
 * quarter of a millisecond more on the 88-criteria workbook (bench/engine.bench.ts). In a
 * browser it takes the bytes as they are, as it would from its own unzip there.
 */
const NodeBuffer = (globalThis as { Buffer?: { from(bytes: ArrayBufferLike, offset: number, length: number): Uint8Array } }).Buffer;
const asSheetJsBytes = (bytes: Uint8Array): Uint8Array => (NodeBuffer ? NodeBuffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) : bytes);

/** SheetJS exports the parser of an unzipped container and the container's helpers; its types leave them out. */
interface SheetJsZipParser {
  parse_zip(container: CfbContainer, options: XLSX.ParsingOptions): XLSX.WorkBook;
}
type CfbContainer = { readonly FileIndex: unknown[] };
interface CfbUtils {
  utils: { cfb_new(): CfbContainer; cfb_add(container: CfbContainer, name: string, content: Uint8Array, options: { unsafe: true }): void };
}

/** A failure says why in English (`message`, as the API answers) and in Vietnamese (`vi`, for the CLI's users). */
export type ReadGrid = { ok: true; grid: Grid } | { ok: false; code: "NOT_A_WORKBOOK" | "WORKBOOK_TOO_LARGE"; message: string; vi: string };

const tooLarge = (why: { en: string; vi: string }): ReadGrid => ({
  ok: false,
  code: "WORKBOOK_TOO_LARGE",
  message: `the workbook is too large to check (${why.en}); delete stray cells far from the table, or move large registers to another file`,
  vi: `tệp quá lớn để kiểm tra (${why.vi}): xóa các ô thừa nằm xa bảng, hoặc chuyển các sổ theo dõi lớn sang tệp khác`,
});

const SAVE_AS_VI = "mở tệp bằng Excel, chọn Lưu thành (Save As) Sổ làm việc Excel (.xlsx) rồi kiểm tra tệp .xlsx đó";
const SAVE_AS_EN = "open it in Excel, Save As an Excel Workbook (.xlsx) and check that file";

/**
 * Not a zip nor an OLE2 file. Portals and older software export "Excel" as an HTML table or an
 * XML Spreadsheet 2003 named .xls, which Excel opens with a warning: those are said, with the way
 * to a real workbook (SECURITY.md: only .xlsx/.xlsm/.xls/.ods are read).
 */
function notAWorkbook(bytes: Uint8Array): ReadGrid {
  // The opening bytes as ASCII (a UTF-8 BOM's bytes fall outside it and are dropped): enough to see "<html" or the XML namespace.
  // UTF-16 (a BOM, then every other byte 0) is read from its low bytes.
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  const opening = utf16 ? bytes.subarray(2, 4098).filter((b) => b !== 0) : bytes.subarray(0, 2048);
  const head = String.fromCharCode(...opening).replace(/^[^\x00-\x7f]+/, "").trimStart().toLowerCase();
  if (head.startsWith("<") && head.includes("urn:schemas-microsoft-com:office:spreadsheet")) {
    return { ok: false, code: "NOT_A_WORKBOOK", message: `an XML Spreadsheet 2003 file, not an Excel workbook: ${SAVE_AS_EN}`, vi: `tệp dạng XML Spreadsheet 2003, không phải tệp Excel: ${SAVE_AS_VI}` };
  }
  // A single-file web page ("Web Archive", MHTML) is what Excel's "Save as web page" writes.
  if (/^<(?:!doctype html|html|table|meta|head|body)\b/.test(head) || /^mime-version:/.test(head)) {
    return { ok: false, code: "NOT_A_WORKBOOK", message: `a web page (HTML) named as a workbook, not an Excel workbook: ${SAVE_AS_EN}`, vi: `tệp là một trang web (HTML) được đặt tên như tệp Excel: ${SAVE_AS_VI}` };
  }
  // Text lines with separators: a CSV (or a text export) named as a workbook.
  if (head !== "" && !/[\x00-\x08\x0e-\x1f]/.test(head) && /^[^\n]*[,;\t][^\n]*(\r?\n|$)/.test(head)) {
    return { ok: false, code: "NOT_A_WORKBOOK", message: `a text file (CSV) named as a workbook, not an Excel workbook: ${SAVE_AS_EN}`, vi: `tệp là tệp văn bản (CSV), không phải tệp Excel: ${SAVE_AS_VI}` };
  }
  if (head.startsWith("%pdf")) {
    return { ok: false, code: "NOT_A_WORKBOOK", message: `a PDF named as a workbook, not an Excel workbook: ${PICK_WORKBOOK_EN}`, vi: `tệp PDF được đặt tên như tệp Excel, không phải bảng tính: ${PICK_WORKBOOK_VI}` };
  }
  return { ok: false, code: "NOT_A_WORKBOOK", message: `not an Excel workbook (.xlsx/.xls): ${PICK_WORKBOOK_EN}; if Excel opens it, ${SAVE_AS_EN}`, vi: `không phải tệp Excel (.xlsx/.xls): ${PICK_WORKBOOK_VI}; nếu Excel mở được tệp này, ${SAVE_AS_VI}` };
}

const PICK_WORKBOOK_VI = "chọn đúng tệp bảng tự đánh giá (.xlsx)";
const PICK_WORKBOOK_EN = "pick the self-assessment workbook itself (.xlsx)";

/**
 * Why a zip or OLE2 file that SheetJS could not read is none (black-box audit A1-3: every such
 * file was "damaged, protected by a password, or another file renamed", with nothing to do): a
 * Word or PowerPoint file renamed (its parts' names in the bytes), a zip holding a workbook
 * ("tệp nén"), a zip cut short (no end record: an interrupted download or copy); else damaged.
 * Each with what to do. `detail` is SheetJS's English reason, kept at the end of the English message.
 */
function unreadable(bytes: Uint8Array, detail: string): ReadGrid {
  const said = (vi: string, en: string): ReadGrid => ({ ok: false, code: "NOT_A_WORKBOOK", message: `${en} (${detail})`, vi });
  const zip = bytes[0] === 0x50;
  const names = zip ? zipEntryNames(bytes) : [];
  if (zip ? names.includes("word/document.xml") : holdsUtf16(bytes, "WordDocument")) {
    return said(`tệp là văn bản Word được đặt tên như tệp Excel, không phải bảng tính: ${PICK_WORKBOOK_VI}; nếu bảng nằm trong Word, chép bảng sang Excel rồi lưu thành .xlsx`, `a Word document named as a workbook, not an Excel workbook: ${PICK_WORKBOOK_EN}; if the table is in Word, copy it into Excel and save it as .xlsx`);
  }
  if (names.includes("ppt/presentation.xml")) return said(`tệp là bản trình chiếu PowerPoint được đặt tên như tệp Excel: ${PICK_WORKBOOK_VI}`, `a PowerPoint file named as a workbook: ${PICK_WORKBOOK_EN}`);
  // A zipped dossier (the workbook, perhaps beside scans and documents) with no workbook part of its own (A9-6).
  if (names.some((n) => /\.(xlsx|xlsm|xlsb|xls)$/i.test(n)) && !names.some((n) => n.startsWith("xl/") || n === "content.xml")) {
    return said("tệp là tệp nén (.zip) chứa bảng tính, được đặt tên .xlsx: giải nén rồi kiểm tra tệp bảng tính bên trong", "a zip archive holding a workbook, named .xlsx: unzip it and check the workbook inside");
  }
  if (zip && !endsZip(bytes)) {
    return said("tệp bị cắt cụt (tải về hoặc chép chưa hết): tải lại hoặc chép lại tệp từ nơi gửi rồi kiểm tra lại; nếu Excel cũng không mở được, xin đơn vị gửi lại tệp", "the file is cut short (an interrupted download or copy): download or copy it again and check it; if Excel cannot open it either, ask for the file again");
  }
  return said(
    "không đọc được tệp: tệp hỏng, hoặc là tệp khác (Word, PDF…) được đổi tên thành .xlsx: mở thử bằng Excel — mở được thì Lưu thành .xlsx rồi kiểm tra tệp đó, không mở được thì xin gửi lại tệp",
    "the workbook cannot be read: the file is damaged, or another file (Word, PDF…) renamed to .xlsx: try opening it in Excel — if it opens, Save As .xlsx and check that file; if not, ask for the file again",
  );
}

/** Whether the bytes hold an ASCII text in UTF-16 (as an OLE2 file names its streams: "WordDocument"). */
function holdsUtf16(bytes: Uint8Array, text: string): boolean {
  const wanted = [...text].flatMap((ch) => [ch.charCodeAt(0), 0]);
  outer: for (let at = bytes.indexOf(wanted[0]!); at !== -1 && at + wanted.length <= bytes.length; at = bytes.indexOf(wanted[0]!, at + 1)) {
    for (let k = 1; k < wanted.length; k++) if (bytes[at + k] !== wanted[k]) continue outer;
    return true;
  }
  return false;
}

/** Where a zip's end-of-central-directory record (PK\x05\x06) starts, in its last 64 KB; -1 when cut short before it. */
function zipEnd(bytes: Uint8Array): number {
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 65_557); at--) if (bytes[at] === 0x50 && bytes[at + 1] === 0x4b && bytes[at + 2] === 0x05 && bytes[at + 3] === 0x06) return at;
  return -1;
}
const endsZip = (bytes: Uint8Array): boolean => zipEnd(bytes) !== -1;

/** The entry names a zip's central directory lists (none when it has no end record or a broken one). */
function zipEntryNames(bytes: Uint8Array): string[] {
  const end = zipEnd(bytes);
  if (end === -1) return [];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const names: string[] = [];
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  for (let i = 0; i < count && at + 46 <= end && view.getUint32(at, true) === 0x02014b50; i++) {
    const nameLength = view.getUint16(at + 28, true);
    // Byte by byte: only ASCII names and extensions are compared (this part has no TextDecoder in its types).
    names.push(String.fromCharCode(...bytes.subarray(at + 46, at + 46 + nameLength)));
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return names;
}

const CONSOLE_METHODS = ["log", "info", "warn", "error", "debug"] as const;
/** The host's console (this part is built without DOM or Node types: it runs in both). */
const hostConsole = (globalThis as { console?: Partial<Record<(typeof CONSOLE_METHODS)[number], unknown>> }).console;

/**
 * SheetJS writes to the console as it parses ("ODS number format may be incorrect: value()>0"
 * for every conditional number format of a LibreOffice file, "Excel does not support ODS format
 * token …"): English lines on the CLI's stderr and the Worker's log that no one can act on, as
 * what it could not read is said in the findings if it matters. The parse is synchronous, so
 * the console is silenced for exactly its duration, and restored whatever happens.
 */
function quietly<T>(parse: () => T): T {
  if (!hostConsole) return parse();
  const saved = CONSOLE_METHODS.map((m) => hostConsole[m]);
  for (const m of CONSOLE_METHODS) hostConsole[m] = () => {};
  try {
    return parse();
  } finally {
    CONSOLE_METHODS.forEach((m, i) => (hostConsole[m] = saved[i]));
  }
}

/** Bytes → Grid, or why the bytes are not a workbook (or too large to read). Never throws. */
export function readWorkbookBytes(bytes: Uint8Array): ReadGrid {
  if (!looksLikeWorkbook(bytes)) return notAWorkbook(bytes);
  try {
    if (bytes[0] === 0x50 && declaredUnzippedBytes(bytes) > MAX_UNZIPPED_BYTES) throw unpacksPastBound();
    // Never SheetJS's own unzip: it allocates what a header declares (a damaged one, 8 GB).
    return { ok: true, grid: workbookToGrid(quietly(() => (bytes[0] === 0x50 ? readZipped(bytes) : XLSX.read(bytes, SHEETJS_READ_OPTIONS)))) };
  } catch (e) {
    if (e instanceof TooLarge) return tooLarge({ en: e.message, vi: e.vi });
    const detail = e instanceof Error ? e.message : String(e);
    if (/password|encrypt/i.test(detail)) {
      return {
        ok: false,
        code: "NOT_A_WORKBOOK",
        message: "the workbook is protected by a password: open it in Excel, remove the password (File > Info > Protect Workbook > Encrypt with Password, leave it empty), save, and check that file",
        vi: "tệp được đặt mật khẩu: mở bằng Excel, bỏ mật khẩu (Tệp > Thông tin > Bảo vệ sổ làm việc > Mã hóa bằng mật khẩu, để trống), lưu lại rồi kiểm tra tệp đó",
      };
    }
    // SheetJS's reason is English ("Could not find workbook"): it stays at the end of the English message, after the
    // sentence a user can act on, and out of the Vietnamese one.
    return unreadable(bytes, detail);
  }
}
