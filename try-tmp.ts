import * as XLSX from "@e965/xlsx";
import { unzipSync, zipSync, strFromU8, strToU8 } from "fflate";
import { readWorkbookBytes } from "./xlsx/sheetjs-grid.ts";
const variant = process.argv[2];
const ws = XLSX.utils.aoa_to_sheet([["Mã", "Tiêu chí", "Điểm tối đa", "Điểm tự đánh giá"], ["1.1", "Ban hành kế hoạch", 2, 2]]);
const wb = XLSX.utils.book_new(); XLSX.utils.book_append_sheet(wb, ws, "S");
const files = unzipSync(new Uint8Array(XLSX.write(wb, { type: "array", bookType: "xlsx" }) as ArrayBuffer));
let xml = strFromU8(files["xl/worksheets/sheet1.xml"]!);
xml = xml.replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:XFD1048576"/>');
const far = variant === "value" ? '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>' : variant === "stub" ? '<row r="1048576"><c r="XFD1048576" s="0"/></row>' : "";
xml = xml.replace("</sheetData>", far + "</sheetData>");
files["xl/worksheets/sheet1.xml"] = strToU8(xml);
const bytes = zipSync(files, { level: 6 });
console.log("bytes", bytes.length);
const t = performance.now();
const read = readWorkbookBytes(bytes);
const ms = performance.now() - t;
if (read.ok) { const rows = read.grid.sheets[0]!.rows; let m = 0; for (const r of rows) m = Math.max(m, r.length); console.log(variant, "rows", rows.length, "maxlen", m, ms.toFixed(0), "ms", JSON.stringify(read.grid).length); }
else console.log(variant, read);
