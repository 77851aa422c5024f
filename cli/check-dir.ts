import { createHash } from "node:crypto";
import { open, readdir, stat } from "node:fs/promises";
import { join, extname, basename } from "node:path";
import { countBySeverity, rankUnits, scoreWorkbook, type CriteriaSet, type Locale } from "../shared/index.ts";
import { vietnameseNameKey } from "../shared/vietnamese-name-key.ts";
import { headingNamesFile, headingUnitName, scoredHeadingUnit } from "../shared/heading-unit-of-file.ts";
import type { HeadingUnit } from "../shared/heading-unit.ts";
import { loadBytes, readGrid, UnusableInput } from "./inputs.ts";
import { indexText, LABELS } from "./labels.ts";

export interface RankingRow {
  rank: number;
  unit: string;
  file: string;
  total: number;
  max: number;
  percent: number;
  band: string | null;
  errors: number;
  warnings: number;
}

export interface DirResult {
  criteriaSet: string;
  ranking: RankingRow[];
  unreadable: { file: string; reason: string }[];
}

/** Other spreadsheets a folder may hold: not checked (CRITERIA-FORMAT.md §5 checks `.xlsx`), but said so. */
const OTHER_SPREADSHEETS = new Set([".xls", ".xlsm", ".xlsb", ".ods"]);

export interface DirHooks {
  /** Hears of each file before it is read (progress on a terminal). */
  onFile?: (n: number, total: number, file: string) => void;
  /** Hears of each other spreadsheet (`.xls`, `.xlsm`, …) left out, before any file is read. */
  onSkipped?: (file: string) => void;
  /** Hears of a file that looks like another's copy (same unit, same bytes): ranked all the same, said on stderr. */
  onNote?: (file: string, note: string) => void;
}

/**
 * "._An Giang.xlsx": the resource fork a Mac writes beside each file it copies to a USB stick or
 * a shared drive (AppleDouble, magic 00 05 16 07). No workbook and no unit: skipped as Excel's
 * ~$ lock files are — by its bytes, not its name alone, so a workbook named "._…" is still read.
 * Listed unreadable, it had been said to be "the same unit as An Giang.xlsx, both ranked".
 */
async function isAppleDouble(path: string): Promise<boolean> {
  if (!basename(path).startsWith("._")) return false;
  const handle = await open(path, "r").catch(() => undefined);
  if (!handle) return false;
  try {
    const head = Buffer.alloc(4);
    const { bytesRead } = await handle.read(head, 0, 4, 0);
    return bytesRead === 4 && head.readUInt32BE(0) === 0x00051607;
  } finally {
    await handle.close();
  }
}

/** Check every `.xlsx` file of a folder (not recursive, Excel's ~$ lock files and a Mac's ._ companions skipped) and rank them. */
export async function checkDir(dir: string, set: CriteriaSet, locale: Locale, hooks: DirHooks = {}): Promise<DirResult> {
  let names: string[];
  // A file where the folder is expected is said as such: "not found" sends the user looking for a typo.
  if ((await stat(dir).catch(() => undefined))?.isFile()) {
    throw new UnusableInput("NOT_A_FOLDER", { vi: `${dir} là một tệp, không phải thư mục: để kiểm tra một tệp, dùng parindex check ${dir}`, en: `${dir} is a file, not a folder: to check one file, use parindex check ${dir}` });
  }
  try {
    if (!(await stat(dir)).isDirectory()) throw new Error("not a folder");
    names = (await readdir(dir)).filter((n) => !n.startsWith("~$")).sort();
  } catch {
    throw new UnusableInput("FOLDER_NOT_FOUND", { vi: `không tìm thấy thư mục: ${dir}`, en: `folder not found: ${dir}` });
  }
  // A folder named "X.xlsx" is not a workbook; a name that cannot be stat'ed is, and is listed unreadable.
  const isFolder = async (n: string) => (await stat(join(dir, n)).catch(() => undefined))?.isDirectory() === true;
  const files: string[] = [];
  const skipped: string[] = [];
  for (const n of names) {
    const ext = extname(n).toLowerCase();
    if (ext !== ".xlsx" && !OTHER_SPREADSHEETS.has(ext)) continue;
    if ((await isFolder(n)) || (await isAppleDouble(join(dir, n)))) continue;
    (ext === ".xlsx" ? files : skipped).push(n);
  }
  if (files.length === 0) {
    // Exit 2 says its reason in one line (§5): the spreadsheets left out are named in it, not on lines before it.
    const list = skipped.join(", ");
    const left = { vi: skipped.length ? ` (bỏ qua ${skipped.length} tệp không phải .xlsx: ${list}; mở và lưu lại dạng .xlsx để kiểm tra)` : "", en: skipped.length ? ` (skipped ${skipped.length} ${skipped.length === 1 ? "file" : "files"} that ${skipped.length === 1 ? "is" : "are"} not .xlsx: ${list}; save them as .xlsx to check them)` : "" };
    throw new UnusableInput("NO_WORKBOOKS", { vi: `thư mục không có tệp .xlsx nào để kiểm tra: ${dir}${left.vi}`, en: `no .xlsx file to check in the folder: ${dir}${left.en}` });
  }
  for (const n of skipped) hooks.onSkipped?.(n);
  const scored: Omit<RankingRow, "rank">[] = [];
  const unreadable: DirResult["unreadable"] = [];
  // CRITERIA-FORMAT §5: every .xlsx is ranked, its unit its file name. Two files that look like one
  // unit's (another case or Unicode form, a copy's suffix: "Xã An Phú (1)", "… - Copy") or hold the
  // same bytes under two units' names are both ranked and said on stderr: a stray copy ranks a unit
  // twice and pushes the units below it down, which the person running the check must see.
  const firstOfUnit = new Map<string, string>();
  const firstOfContent = new Map<string, string>();
  // The unit each table's heading names: a neighbour's workbook under this unit's name, or one
  // unit's heading in several files, is said as a copy is (WB33-7); the unit stays the file name.
  const headed: { file: string; heading: HeadingUnit; namedCopy: boolean }[] = [];
  // Files with a copy's marks after the others: "Xã An Phú (1)" is said to be a copy of "Xã An Phú", not the other way round.
  const ordered = [...files].sort((a, b) => Number(isCopyName(a)) - Number(isCopyName(b)));
  // Names that differ only in how their accents are encoded look the same: each is said with its form.
  const twinned = (file: string) => files.some((other) => other !== file && unitName(other) === unitName(file));
  const form = (file: string) => NAME_FORM[locale](nfd(file));
  for (const [i, file] of ordered.entries()) {
    hooks.onFile?.(i + 1, ordered.length, file);
    const first = firstOfUnit.get(unitKey(file));
    if (first === undefined) firstOfUnit.set(unitKey(file), file);
    else hooks.onNote?.(file, unitName(file) === unitName(first) ? `${form(file)} ${SAME_NAME_OTHER_FORM[locale](`${first} ${form(first)}`)}` : SAME_UNIT[locale](first));
    try {
      // Read once: the bytes are both compared with the other files' and parsed.
      const bytes = await loadBytes(join(dir, file));
      const content = createHash("sha256").update(bytes).digest("hex");
      const sameBytes = firstOfContent.get(content);
      if (sameBytes === undefined) firstOfContent.set(content, file);
      else if (first === undefined) hooks.onNote?.(file, `${twinned(file) ? `${form(file)} ` : ""}${SAME_CONTENT[locale](twinned(sameBytes) ? `${sameBytes} ${form(sameBytes)}` : sameBytes)}`);
      const read = readGrid(bytes);
      if (!read.ok) {
        unreadable.push({ file, reason: read.said[locale] });
        continue;
      }
      const report = scoreWorkbook(read.grid, set, { locale });
      if (report.sheet === null) {
        unreadable.push({ file, reason: report.findings[0]?.message ?? "HEADER_NOT_FOUND" });
        continue;
      }
      const heading = scoredHeadingUnit(read.grid, set, report.sheet);
      if (heading) headed.push({ file, heading, namedCopy: first !== undefined });
      // A workbook made for another set (another level or year): ranked as §5 asks, said on stderr as a copy is (A8-4).
      const wrongSet = report.findings.find((f) => f.code === "WRONG_CRITERIA_SET");
      if (wrongSet) hooks.onNote?.(file, OTHER_SET[locale](wrongSet.message.split(/\. (?=Có \d|\d+ rows? )/)[0]!));
      const counts = countBySeverity(report);
      scored.push({ unit: unitName(file), file, total: report.total, max: report.max, percent: report.percent, band: report.band, errors: counts.errors, warnings: counts.warnings });
    } catch (e) {
      // The file is named beside its reason (CF3-4: one form for every kind, its name never repeated).
      const reason = e instanceof UnusableInput ? CANNOT_OPEN[locale] : e instanceof Error ? e.message : String(e);
      unreadable.push({ file, reason });
    }
  }
  for (const [file, note] of headingNotes(headed, locale)) hooks.onNote?.(file, note);
  return { criteriaSet: set.id, ranking: rankUnits(scored).map(({ rank, ...rest }) => ({ rank, ...rest })), unreadable };
}

/**
 * The suffixes and prefixes a copy of a file gets: Windows and browsers saving an attachment
 * again ("Xã An Phú (1)"), Explorer ("Xã An Phú - Copy", "Xã An Phú - Bản sao (2)"), macOS
 * ("Xã An Phú copy 2") and older Windows ("Copy of Xã An Phú", "Bản sao của …").
 */
const COPY_MARKS = [/\s*\(\d{1,3}\)$/u, /\s*-\s*(?:copy|bản sao)(?:\s*\(\d{1,3}\))?$/iu, /\s+(?:copy|bản sao)(?:\s+\d{1,3})?$/iu, /^(?:copy of|bản sao của|bản sao)\s+/iu];

/** A file's unit (CRITERIA-FORMAT §5): its name without the extension, in NFC. */
export function unitName(file: string): string {
  return basename(file, extname(file)).normalize("NFC").trim();
}

/** The unit a file names once a copy's marks are taken off ("Xã An Phú (1)" → "Xã An Phú"): what two files of one unit share. */
export function unitOfCopy(file: string): string {
  let name = unitName(file);
  for (let again = true; again; ) {
    again = false;
    for (const mark of COPY_MARKS) {
      const stripped = name.replace(mark, "").trim();
      if (stripped !== name && stripped !== "") (name = stripped), (again = true);
    }
  }
  return name;
}

const isCopyName = (file: string): boolean => unitOfCopy(file) !== unitName(file);

/** A file's unit as a person reads it, copies' marks off (the Worker's one-name-per-unit key: Unicode form, case, spaces, Ð, the tone's place). */
const unitKey = (file: string): string => vietnameseNameKey(unitOfCopy(file));

/** A workbook made for another set, its finding's first sentence (WRONG_CRITERIA_SET: which level or year): ranked, and why to look at it. */
const OTHER_SET: Record<Locale, (said: string) => string> = {
  vi: (said) => `${said}; vẫn xếp hạng theo tên tệp: kiểm tra xem có phải tệp gửi nhầm (của cấp khác hoặc năm khác) không`,
  en: (said) => `${said}; ranked all the same: check whether the file was sent by mistake (another level's or year's)`,
};

/** A listed file that cannot be read any more (removed, moved, or no right to read it); its name is beside it. */
const CANNOT_OPEN: Record<Locale, string> = {
  vi: "không mở được tệp (đã bị xóa, chuyển đi hoặc không có quyền đọc)",
  en: "the file cannot be opened (removed, moved, or no permission to read it)",
};

const SAME_CONTENT: Record<Locale, (first: string) => string> = {
  vi: (first) => `giống hệt tệp ${first} (cùng nội dung nhưng tên đơn vị khác), cả hai đều được xếp hạng: kiểm tra lại tệp của đơn vị này`,
  en: (first) => `byte for byte the same as ${first} (another unit's name), both ranked: check this unit's file`,
};

const SAME_UNIT: Record<Locale, (first: string) => string> = {
  vi: (first) => `có vẻ cùng đơn vị với tệp ${first} (mỗi đơn vị một tệp), cả hai đều được xếp hạng: giữ một tệp, bỏ hoặc đổi tên tệp còn lại rồi kiểm tra lại`,
  en: (first) => `seems the same unit as ${first} (one file per unit), both ranked: keep one file, remove or rename the other, and check again`,
};

/**
 * What the headings say against the file names: a heading naming another unit than its file,
 * and a heading naming the unit another file's heading names — said of the file whose name is
 * not that unit's, beside the one whose name is (else the first). A copy by name ("Xã An Phú
 * (1)") is said so already: its heading agreeing with the first's adds nothing. A file name that
 * cannot be read as a unit's ("P3", "XaAnPhu") is neither the heading's nor another's (WB35-4).
 */
function headingNotes(headed: readonly { file: string; heading: HeadingUnit; namedCopy: boolean }[], locale: Locale): [string, string][] {
  const byUnit = new Map<string, typeof headed[number][]>();
  for (const h of headed) byUnit.set(headingUnitName(h.heading), [...(byUnit.get(headingUnitName(h.heading)) ?? []), h]);
  const notes: [string, string][] = [];
  for (const { file, heading, namedCopy } of headed) {
    const group = byUnit.get(headingUnitName(heading))!;
    const owner = group.find((h) => headingNamesFile(unitOfCopy(h.file), h.heading) === "same") ?? group[0]!;
    const other = headingNamesFile(unitOfCopy(file), heading) === "other" ? HEADING_OTHER_UNIT[locale](heading.text, heading.cell) : undefined;
    const same = owner.file !== file && !namedCopy ? SAME_HEADING[locale](owner.file) : undefined;
    if (other || same) notes.push([file, [other, same].filter(Boolean).join("; ")]);
  }
  return notes;
}

const HEADING_OTHER_UNIT: Record<Locale, (unit: string, cell: string) => string> = {
  vi: (unit, cell) => `tiêu đề bảng ghi "${unit}" (ô ${cell}), không phải đơn vị trong tên tệp; vẫn xếp hạng theo tên tệp: kiểm tra xem có phải tệp của đơn vị khác gửi nhầm tên không`,
  en: (unit, cell) => `the table's heading names "${unit}" (cell ${cell}), not the unit in the file's name; ranked under the file's name: check that it is not another unit's file sent under this name`,
};

const SAME_HEADING: Record<Locale, (first: string) => string> = {
  vi: (first) => `tiêu đề bảng ghi cùng đơn vị với tệp ${first}, cả hai đều được xếp hạng: kiểm tra xem có tệp nào của đơn vị khác không`,
  en: (first) => `the table's heading names the same unit as ${first}'s, both ranked: check whether one is another unit's file`,
};

/** Whether a file's name is written in combining Unicode (NFD: a letter, then its marks), as macOS and some zip tools write names. */
const nfd = (file: string): boolean => file !== file.normalize("NFC");

/**
 * Two names that differ only in how their accents are encoded look the same on screen: which is
 * which is said, so the person knows which file to remove.
 */
const NAME_FORM: Record<Locale, (decomposed: boolean) => string> = {
  vi: (d) => `(tên tệp viết Unicode ${d ? "tổ hợp" : "dựng sẵn"})`,
  en: (d) => `(its name in ${d ? "decomposed" : "precomposed"} Unicode)`,
};

const SAME_NAME_OTHER_FORM: Record<Locale, (first: string) => string> = {
  vi: (first) => `cùng tên với tệp ${first}, hai tên chỉ khác cách mã hoá dấu, cả hai đều được xếp hạng: giữ một tệp, bỏ tệp còn lại rồi kiểm tra lại`,
  en: (first) => `has the same name as ${first}, the two differing only in how the accents are encoded, both ranked: keep one file, remove the other and check again`,
};

export function renderDir(result: DirResult, locale: Locale): string {
  const L = LABELS[locale];
  const n = (x: number) => indexText(x, locale);
  const width = Math.max(L.unit.length, ...result.ranking.map((r) => r.unit.length));
  const lines = [`${L.rank.padEnd(5)} ${L.unit.padEnd(width)}  ${"%".padStart(7)}  ${L.band.padEnd(12)} ${L.errors}`];
  for (const r of result.ranking) {
    lines.push(`${String(r.rank).padEnd(5)} ${r.unit.padEnd(width)}  ${n(r.percent).padStart(7)}  ${(r.band ?? "—").padEnd(12)} ${r.errors}`);
  }
  for (const u of result.unreadable) lines.push(`${L.unreadable}: ${u.file} — ${u.reason}`);
  return lines.join("\n");
}

export function dirExitCode(result: DirResult): 0 | 1 {
  return result.unreadable.length > 0 || result.ranking.some((r) => r.errors > 0) ? 1 : 0;
}
