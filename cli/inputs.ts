import { readFile, stat } from "node:fs/promises";
import { formatNumber, isWholeHundredths, parseCriteriaSet, parseSurveyCsv, type CriteriaSet, type Grid, type Locale } from "../shared/index.ts";
import { readWorkbookBytes } from "../xlsx/sheetjs-grid.ts";

/** What the CLI says, in each locale: Vietnamese first (`--lang vi`, the default), English with `--lang en`. */
export type Said = Record<Locale, string>;

/** An input the CLI cannot use: exit 2 with one line (CRITERIA-FORMAT.md §5), in the user's language. */
export class UnusableInput extends Error {
  constructor(
    readonly code: string,
    readonly said: Said,
  ) {
    super(said.en);
  }
}

/**
 * The locale asked for on the command line, before the arguments are parsed (a usage error is
 * said in it too): `--lang en` or `--lang=en`, else Vietnamese.
 */
export function askedLocale(argv: readonly string[]): Locale {
  const at = argv.indexOf("--lang");
  const value = at >= 0 ? argv[at + 1] : argv.find((a) => a.startsWith("--lang="))?.slice("--lang=".length);
  return value === "en" ? "en" : "vi";
}

/**
 * The commands that take each option beyond --json and --lang: an option given to a command
 * that does not take it is named with the ones that do (CF3-6: `import-criteria --survey` had
 * said "không có tùy chọn --survey", as if no command had it). --criteria is not listed: every
 * command but import-criteria takes it, and import-criteria, which writes a set, keeps "không có
 * tùy chọn --criteria" (cli/import-criteria.test.ts).
 */
export const COMMANDS_OF_OPTION: Readonly<Record<string, readonly string[]>> = {
  // import-criteria's --sheet names a decision's sheet, never unknown there: not offered as a workbook command's.
  sheet: ["check", "register"],
  survey: ["check"],
  csv: ["register"],
  id: ["import-criteria"],
  year: ["import-criteria"],
  "unit-type": ["import-criteria"],
};

/** `--option` given to `command`, which does not take it: the commands that do. */
export function optionOfOtherCommand(option: string, command: string): UnusableInput {
  const users = (COMMANDS_OF_OPTION[option] ?? []).join(", ");
  return new UnusableInput("USAGE", { vi: `--${option} không dùng được với ${command} (chỉ với ${users})`, en: `--${option} does not apply to ${command} (only to ${users})` });
}

/**
 * Exit 2: one line on stderr and, with --json, `{ error: { code, message } }` on stdout, in
 * `locale`. `command` names the command run, for an option that belongs to another one.
 */
export function exitUnusable(e: unknown, json: boolean, out: (s: string) => void, err: (s: string) => void, locale: Locale = "vi", command?: string): 2 {
  const text = e instanceof Error ? e.message : String(e);
  const failure = e instanceof UnusableInput ? e : (argumentError(e, command) ?? new UnusableInput("USAGE", { vi: text, en: text }));
  const message = failure.said[locale];
  err(message.split("\n")[0]!);
  if (json) out(JSON.stringify({ error: { code: failure.code, message } }));
  return 2;
}

/**
 * Node's parseArgs errors ("Unknown option '--bogus'. To specify…") in the user's words: they
 * come before --lang is read, and say in English what the user typed wrong.
 */
function argumentError(e: unknown, command: string | undefined): UnusableInput | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code !== "string" || !code.startsWith("ERR_PARSE_ARGS_")) return undefined;
  const message = (e as Error).message;
  const option = /'(-[^' ]+)/.exec(message)?.[1] ?? "";
  const said = (vi: string, en: string) => new UnusableInput("USAGE", { vi, en });
  const name = option.replace(/^--/, "");
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" && command && COMMANDS_OF_OPTION[name]) return optionOfOtherCommand(name, command);
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") return said(`không có tùy chọn ${option}`, `unknown option ${option}`);
  if (/does not take an argument/.test(message)) return said(`${option} không nhận giá trị`, `${option} takes no value`);
  if (/argument is ambiguous/.test(message)) {
    return said(`thiếu giá trị sau ${option} (giá trị bắt đầu bằng "-" thì viết ${option}=-…)`, `${option} needs a value (one starting with "-" is written ${option}=-…)`);
  }
  if (/argument missing/.test(message)) return said(`thiếu giá trị sau ${option}`, `${option} needs a value`);
  return said(`tham số dòng lệnh không hợp lệ${option ? `: ${option}` : ""}`, `invalid command-line arguments${option ? `: ${option}` : ""}`);
}

/** The set at `path`, or CRITERIA_INVALID naming the path in the JSON and what is wrong. */
export async function loadCriteriaSet(path: string): Promise<CriteriaSet> {
  await refuseFolder(path, { vi: "bộ tiêu chí (.json)", en: "criteria set (.json)" });
  let text: string;
  try {
    // A BOM (Notepad, PowerShell's UTF8 encoding) is not part of the JSON.
    text = (await readFile(path, "utf8")).replace(/^\uFEFF/, "");
  } catch {
    throw new UnusableInput("CRITERIA_NOT_FOUND", { vi: `không tìm thấy bộ tiêu chí: ${path}`, en: `criteria set not found: ${path}` });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    const detail = (e as Error).message;
    const where = jsonErrorPlace(text, detail);
    throw new UnusableInput("CRITERIA_INVALID", { vi: `bộ tiêu chí ${path} không phải JSON hợp lệ (${where})`, en: `criteria set ${path} is not valid JSON (${detail})` });
  }
  const served = servedSetId(json);
  if (served !== undefined) {
    const where = `GET /v1/criteria-sets/${served}`;
    throw new UnusableInput("CRITERIA_INVALID", {
      vi: `tệp ${path} là câu trả lời của máy chủ (${where}), không phải bộ tiêu chí: bộ tiêu chí nằm trong trường "set"; lưu riêng trường đó thành một tệp (ví dụ: jq .set) rồi dùng tệp này với --criteria`,
      en: `${path} is the server's answer (${where}), not a criteria set: the set is in its "set" field; save that field as a file of its own (e.g. jq .set) and pass that file to --criteria`,
    });
  }
  const parsed = parseCriteriaSet(json, "vi");
  if (!parsed.ok) {
    // The same issues, said in English (the set is just as invalid in either language).
    const en = parseCriteriaSet(json, "en");
    const issues = { vi: parsed.message, en: en.ok ? parsed.message : en.message };
    throw new UnusableInput("CRITERIA_INVALID", { vi: `bộ tiêu chí ${path} không hợp lệ: ${issues.vi}`, en: `criteria set ${path} is invalid: ${issues.en}` });
  }
  return parsed.set;
}

/**
 * The id of a set as the Worker serves it — `{ id, version, status, …, set: {…} }` — or
 * undefined for anything else (CF3-11: saved from GET /v1/criteria-sets/{id} and given to
 * --criteria, it was refused with "period: cần một đối tượng"). The set inside is not read
 * in its place: --criteria takes a set (CRITERIA-FORMAT §5), and a served one may be a draft
 * or retired, which only the envelope says.
 */
function servedSetId(json: unknown): string | undefined {
  if (typeof json !== "object" || json === null || Array.isArray(json)) return undefined;
  const { id, set, items } = json as Record<string, unknown>;
  if (items !== undefined || typeof set !== "object" || set === null || Array.isArray(set)) return undefined;
  return typeof id === "string" ? id : "{id}";
}

/**
 * Where JSON.parse stopped, in Vietnamese: its message is English ("… in JSON at position 4",
 * and from Node 21 "(line 1 column 5)"); the end of the text when the JSON is cut short.
 */
function jsonErrorPlace(text: string, detail: string): string {
  if (text.trim() === "") return "tệp trống";
  const lineColumn = /line (\d+) column (\d+)/.exec(detail);
  const position = /at position (\d+)/.exec(detail);
  const at = (line: number | string, column: number | string) => `dòng ${line}, cột ${column}`;
  if (lineColumn) return `lỗi cú pháp ở ${at(lineColumn[1]!, lineColumn[2]!)}`;
  const offset = position ? Math.min(Number(position[1]), text.length) : text.trimEnd().length;
  const before = text.slice(0, offset).split(/\r\n|\r|\n/);
  const place = at(before.length, before.at(-1)!.length + 1);
  return position ? `lỗi cú pháp ở ${place}` : `JSON kết thúc giữa chừng ở ${place}`;
}

/** `folderHint` ends the reason when `path` is a folder: what to run instead (`check-dir` for `check`). */
export async function loadGrid(path: string, folderHint?: Said): Promise<Grid> {
  await refuseFolder(path, { vi: "bảng tính (.xlsx)", en: "workbook (.xlsx)" }, folderHint);
  return gridOfBytes(path, await loadBytes(path));
}

/**
 * A folder where a file is expected is NOT_A_FILE, said as such: "not found" sends the user
 * looking for a typo in a path that exists (the usual slip is `check` where `check-dir` was meant).
 */
async function refuseFolder(path: string, kind: Said, hint?: Said): Promise<void> {
  if ((await stat(path).catch(() => undefined))?.isDirectory() !== true) return;
  const tail = (locale: Locale) => (hint ? `: ${hint[locale]}` : "");
  throw new UnusableInput("NOT_A_FILE", { vi: `${path} là thư mục, không phải tệp ${kind.vi}${tail("vi")}`, en: `${path} is a folder, not a ${kind.en} file${tail("en")}` });
}

/** A workbook file's bytes, or FILE_NOT_FOUND. */
export async function loadBytes(path: string): Promise<Uint8Array> {
  try {
    if (!(await stat(path)).isFile()) throw new Error("not a file");
    return new Uint8Array(await readFile(path));
  } catch {
    throw new UnusableInput("FILE_NOT_FOUND", { vi: `không tìm thấy tệp: ${path}`, en: `file not found: ${path}` });
  }
}

/** The grid of bytes read from `path` (named in the reason when they are no workbook). */
export function gridOfBytes(path: string, bytes: Uint8Array): Grid {
  const read = readGrid(bytes);
  if (!read.ok) throw new UnusableInput(read.code, { vi: `${path}: ${read.said.vi}`, en: `${path}: ${read.said.en}` });
  return read.grid;
}

/**
 * The grid of a file's bytes, or why they are no workbook without the file's name (check-dir
 * lists the name beside it, CF3-4). A 0-byte file is said to be empty: an interrupted download
 * or copy (files gathered over Zalo or e-mail), not a file of another kind.
 */
export function readGrid(bytes: Uint8Array): { ok: true; grid: Grid } | { ok: false; code: string; said: Said } {
  if (bytes.length === 0) {
    return { ok: false, code: "NOT_A_WORKBOOK", said: { vi: "tệp trống (0 byte): tệp chưa tải hoặc chép xong; tải hoặc chép lại tệp", en: "the file is empty (0 bytes): it was not fully downloaded or copied; download or copy it again" } };
  }
  const read = readWorkbookBytes(bytes);
  return read.ok ? read : { ok: false, code: read.code, said: { vi: read.vi, en: read.message } };
}

export async function loadSurvey(path: string, set: CriteriaSet): Promise<Record<string, number>> {
  await refuseFolder(path, { vi: "điểm khảo sát (.csv)", en: "survey scores (.csv)" });
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch {
    throw new UnusableInput("SURVEY_NOT_FOUND", { vi: `không tìm thấy tệp điểm khảo sát: ${path}`, en: `survey file not found: ${path}` });
  }
  const parsed = parseSurveyCsv(text);
  if (!parsed.ok) {
    const first = parsed.errors[0]!;
    throw new UnusableInput("SURVEY_INVALID", {
      vi: `tệp điểm khảo sát ${path}, dòng ${first.line}: ${first.message.vi}`,
      en: `survey file ${path}, line ${first.line}: ${first.message.en}`,
    });
  }
  const surveyLeaves = new Map<string, number>();
  /** Groups holding survey items, with those items' codes: a score given for the group says which to give instead. */
  const surveyGroups = new Map<string, string[]>();
  const walk = (items: CriteriaSet["items"]): string[] => {
    const found: string[] = [];
    for (const item of items) {
      if (item.children) {
        const under = walk(item.children);
        if (under.length > 0) surveyGroups.set(item.code, under);
        found.push(...under);
      } else if (item.rule?.kind === "survey") {
        surveyLeaves.set(item.code, item.max ?? 0);
        found.push(item.code);
      }
    }
    return found;
  };
  walk(set.items);
  for (const [code, score] of Object.entries(parsed.scores)) {
    const max = surveyLeaves.get(code);
    const group = surveyGroups.get(code);
    if (max === undefined && group) {
      throw new UnusableInput("SURVEY_INVALID", {
        vi: `tệp điểm khảo sát ${path}: ${code} là một nhóm tiêu chí; nhập điểm cho từng tiêu chí khảo sát của nhóm (${group.join(", ")})`,
        en: `survey file ${path}: ${code} is a group; give a score for each of its survey items (${group.join(", ")})`,
      });
    }
    if (max === undefined) {
      throw new UnusableInput("SURVEY_INVALID", { vi: `tệp điểm khảo sát ${path}: ${code} không phải tiêu chí khảo sát của bộ ${set.id}`, en: `survey file ${path}: ${code} is not a survey item of ${set.id}` });
    }
    // As the Worker's import refuses it (survey-import.ts): scores are kept in hundredths, and 1,005 rounded here would be a guess.
    if (!isWholeHundredths(score)) {
      throw new UnusableInput("SURVEY_INVALID", { vi: `tệp điểm khảo sát ${path}: điểm ${code} (${String(score).replace(".", ",")}) quá 2 chữ số thập phân`, en: `survey file ${path}: ${code} scores ${score}, more than two decimals` });
    }
    if (score > max) {
      const vi = (n: number) => formatNumber(n, "vi");
      throw new UnusableInput("SURVEY_INVALID", { vi: `tệp điểm khảo sát ${path}: ${code} được ${vi(score)} điểm, vượt điểm tối đa ${vi(max)}`, en: `survey file ${path}: ${code} scores ${score}, above its max ${max}` });
    }
  }
  return parsed.scores;
}
