import { basename } from "node:path";
import { parseArgs } from "node:util";
import { countBySeverity, evidenceRegister, makeFinding, registerCsv, renderRegister, sameSheetName, scoreWorkbook, type Locale } from "../shared/index.ts";
import { askedLocale, COMMANDS_OF_OPTION, exitUnusable, loadCriteriaSet, loadGrid, loadSurvey, optionOfOtherCommand, UnusableInput } from "./inputs.ts";
import { renderReport } from "./report-text.ts";
import { checkDir, dirExitCode, renderDir } from "./check-dir.ts";
import { LABELS } from "./labels.ts";
import { IMPORT_USAGE, importCriteriaCommand } from "./import-criteria.ts";

import { terminalProgress, type ProgressStream } from "./progress.ts";

const USAGE = `usage:
  parindex check <workbook.xlsx> --criteria <set.json> [--sheet NAME] [--survey scores.csv] [--json] [--lang vi|en]
  parindex check-dir <folder> --criteria <set.json> [--json] [--lang vi|en]
  parindex register <workbook.xlsx> --criteria <set.json> [--sheet NAME] [--json | --csv] [--lang vi|en]
  ${IMPORT_USAGE}`;

/** `--help`/`-h`: each command with what it does, and the exit codes, in the user's language. */
const HELP: Record<Locale, string> = {
  vi: `cách dùng:
  parindex check <workbook.xlsx> --criteria <set.json> [--sheet NAME] [--survey scores.csv] [--json] [--lang vi|en]
      kiểm tra và chấm điểm một bảng tự đánh giá, chỉ ra từng điểm bị mất và ô cần sửa
  parindex check-dir <folder> --criteria <set.json> [--json] [--lang vi|en]
      chấm mọi tệp .xlsx trong thư mục (mỗi tệp một đơn vị) và xếp hạng các đơn vị
  parindex register <workbook.xlsx> --criteria <set.json> [--sheet NAME] [--json | --csv] [--lang vi|en]
      sổ tài liệu kiểm chứng: văn bản được trích dẫn cho từng tiêu chí
  ${IMPORT_USAGE}
      đọc bộ tiêu chí từ bảng trong phụ lục của quyết định, ra tệp JSON
mã thoát: 0 không có lỗi, 1 có lỗi cần sửa, 2 đầu vào không dùng được. Tiếng Anh: --lang en`,
  en: `usage:
  parindex check <workbook.xlsx> --criteria <set.json> [--sheet NAME] [--survey scores.csv] [--json] [--lang vi|en]
      check and score one self-assessment table, explaining every lost point and the cell to fix
  parindex check-dir <folder> --criteria <set.json> [--json] [--lang vi|en]
      score every .xlsx in a folder (one unit each) and rank the units
  parindex register <workbook.xlsx> --criteria <set.json> [--sheet NAME] [--json | --csv] [--lang vi|en]
      the evidence register: the documents cited for each criterion
  ${IMPORT_USAGE}
      read a criteria set from the table in a decision's annex, as JSON
exit codes: 0 clean, 1 findings to fix, 2 unusable input`,
};

const COMMANDS = ["check", "check-dir", "register"] as const;
type Command = (typeof COMMANDS)[number];

/** What a command needs before its options, and its own usage line (from USAGE, so the two cannot drift). */
function missingTarget(command: Command): UnusableInput {
  const line = USAGE.split("\n").map((l) => l.trim()).find((l) => l.startsWith(`parindex ${command} <`))!;
  return command === "check-dir"
    ? new UnusableInput("USAGE", { vi: `cần thư mục chứa các tệp .xlsx: ${line}`, en: `a folder of .xlsx files is needed: ${line}` })
    : new UnusableInput("USAGE", { vi: `cần tệp bảng tính (.xlsx): ${line}`, en: `a workbook (.xlsx) is needed: ${line}` });
}


/**
 * Exit codes: 0 clean (for \`register\`: the workbook was read — flagged documents are
 * warnings to look at, not errors), 1 error findings, 2 unusable input.
 */

/**
 * Runs the CLI; returns the exit code (0 clean, 1 error findings, 2 unusable input).
 * `out`/`err` take whole lines; `stderr` (process.stderr from cli/bin.ts) gets check-dir's
 * progress when it is a terminal.
 */
export async function main(argv: string[], out: (s: string) => void, err: (s: string) => void, stderr?: ProgressStream): Promise<number> {
  if (argv.includes("--help") || argv.includes("-h")) {
    for (const line of HELP[askedLocale(argv)].split("\n")) out(line);
    return 0;
  }
  // Nothing but --lang: the usage, one line each, as a refusal (exit 2).
  if (argv.every((a, i) => a.startsWith("--lang") || argv[i - 1] === "--lang")) {
    for (const line of USAGE.replace(/^usage:/, askedLocale(argv) === "vi" ? "cách dùng:" : "usage:").split("\n")) err(line);
    return 2;
  }
  if (argv[0] === "import-criteria") return importCriteriaCommand(argv.slice(1), out, err);
  let json = argv.includes("--json");
  let locale: Locale = askedLocale(argv);
  const usage = (vi: string, en: string) => new UnusableInput("USAGE", { vi, en });
  try {
    const { positionals, values } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        criteria: { type: "string" },
        sheet: { type: "string" },
        survey: { type: "string" },
        json: { type: "boolean", default: false },
        csv: { type: "boolean", default: false },
        lang: { type: "string", default: "vi" },
      },
    });
    json = values.json === true;
    const [command, target] = positionals;
    // An unknown command, or none, or more than one workbook: said as such on one line, not the usage of every command run together.
    if (!COMMANDS.includes(command as Command)) {
      const known = [...COMMANDS, "import-criteria"].join(", ");
      throw command === undefined
        ? usage(`cần một lệnh: ${known} (npx parindex để xem cách dùng)`, `a command is needed: ${known} (npx parindex prints the usage)`)
        : usage(`không có lệnh ${command}: dùng ${known} (npx parindex để xem cách dùng)`, `unknown command ${command}: use ${known} (npx parindex prints the usage)`);
    }
    // A known command without its workbook or folder: what is missing and that command's usage, on one line (CF4-4).
    if (!target) throw missingTarget(command as Command);
    if (positionals.length > 2) {
      const extra = positionals.slice(2).join(" ");
      throw usage(`lệnh ${command} nhận một ${command === "check-dir" ? "thư mục" : "tệp"}, thừa: ${extra}`, `${command} takes one ${command === "check-dir" ? "folder" : "file"}; extra: ${extra}`);
    }
    // Any option the command does not use is refused, not ignored (COMMANDS_OF_OPTION says which take it).
    const misplaced = (["sheet", "survey", "csv"] as const).find((o) => values[o] !== undefined && values[o] !== false && !COMMANDS_OF_OPTION[o]!.includes(command!));
    if (misplaced) throw optionOfOtherCommand(misplaced, command!);
    if (!values.criteria) throw usage("cần --criteria <set.json> (tệp bộ tiêu chí)", "--criteria <set.json> is required");
    if (values.lang !== "vi" && values.lang !== "en") throw usage("--lang phải là vi hoặc en", "--lang must be vi or en");
    locale = values.lang;
    const set = await loadCriteriaSet(values.criteria);

    if (command === "check-dir") {
      const progress = terminalProgress(stderr, locale);
      const onSkipped = (file: string) => err(LABELS[locale].skippedNotXlsx(file));
      // Said once the progress line is gone, so that none is drawn over.
      const notes: string[] = [];
      const onNote = (file: string, note: string) => notes.push(`${file}: ${note}`);
      const result = await checkDir(target, set, locale, { onFile: progress?.step, onSkipped, onNote }).finally(() => progress?.end());
      for (const note of notes) err(note);
      out(json ? JSON.stringify(result) : renderDir(result, locale));
      return dirExitCode(result);
    }

    const grid = await loadGrid(target, command === "check" ? { vi: `để chấm mọi tệp .xlsx trong thư mục, dùng parindex check-dir ${target}`, en: `to score every .xlsx in a folder, use parindex check-dir ${target}` } : undefined);
    const only = values.sheet;
    if (only !== undefined && !grid.sheets.some((s) => sameSheetName(only, s.name))) {
      const names = grid.sheets.map((s) => s.name).join(", ");
      throw new UnusableInput("SHEET_NOT_FOUND", { vi: `không có trang tính "${values.sheet}" trong ${target} (các trang: ${names})`, en: `no sheet named "${values.sheet}" in ${target} (sheets: ${names})` });
    }
    const survey = values.survey ? await loadSurvey(values.survey, set) : undefined;
    const report = scoreWorkbook(grid, set, { sheet: values.sheet, survey, locale });
    if (report.sheet === null) {
      const notFound = (l: Locale) => `${target}: ${makeFinding({ code: "HEADER_NOT_FOUND" }, l).message}`;
      throw new UnusableInput("HEADER_NOT_FOUND", { vi: notFound("vi"), en: notFound("en") });
    }
    if (command === "register") {
      if (json && values.csv) throw usage("không dùng --json cùng --csv", "--json and --csv cannot be combined");
      const register = evidenceRegister(grid, set, report);
      out(json ? JSON.stringify(register) : values.csv ? registerCsv(register, locale) : renderRegister(register, basename(target), locale));
      return 0;
    }
    out(json ? JSON.stringify(report) : renderReport(report, set, locale));
    return countBySeverity(report).errors > 0 ? 1 : 0;
  } catch (e) {
    return exitUnusable(e, json, out, err, locale, argv.find((a) => COMMANDS.includes(a as Command)));
  }
}
