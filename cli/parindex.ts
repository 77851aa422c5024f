import { basename } from "node:path";
import { parseArgs } from "node:util";
import { countBySeverity, evidenceRegister, registerCsv, renderRegister, scoreWorkbook, type Locale } from "../shared/index.ts";
import { exitUnusable, loadCriteriaSet, loadGrid, loadSurvey, UnusableInput } from "./inputs.ts";
import { renderReport } from "./report-text.ts";
import { checkDir, dirExitCode, renderDir } from "./check-dir.ts";
import { IMPORT_USAGE, importCriteriaCommand } from "./import-criteria.ts";

import { terminalProgress, type ProgressStream } from "./progress.ts";

const USAGE = `usage:
  parindex check <workbook.xlsx> --criteria <set.json> [--sheet NAME] [--survey scores.csv] [--json] [--lang vi|en]
  parindex check-dir <folder> --criteria <set.json> [--json] [--lang vi|en]
  parindex register <workbook.xlsx> --criteria <set.json> [--sheet NAME] [--json | --csv] [--lang vi|en]
  ${IMPORT_USAGE}`;

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
  if (argv[0] === "import-criteria") return importCriteriaCommand(argv.slice(1), out, err);
  let json = argv.includes("--json");
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
    if (!["check", "check-dir", "register"].includes(command ?? "") || !target || positionals.length > 2) throw new UnusableInput("USAGE", USAGE.replace(/\n/g, " "));
    if (!values.criteria) throw new UnusableInput("USAGE", "--criteria <set.json> is required");
    if (values.lang !== "vi" && values.lang !== "en") throw new UnusableInput("USAGE", "--lang must be vi or en");
    const locale: Locale = values.lang;
    const set = await loadCriteriaSet(values.criteria, locale);

    if (command === "check-dir") {
      const progress = terminalProgress(stderr, locale);
      const result = await checkDir(target, set, locale, progress?.step).finally(() => progress?.end());
      out(json ? JSON.stringify(result) : renderDir(result, locale));
      return dirExitCode(result);
    }

    const grid = await loadGrid(target);
    if (values.sheet !== undefined && !grid.sheets.some((s) => s.name === values.sheet)) {
      throw new UnusableInput("SHEET_NOT_FOUND", `no sheet named "${values.sheet}" in ${target} (sheets: ${grid.sheets.map((s) => s.name).join(", ")})`);
    }
    const survey = values.survey && command === "check" ? await loadSurvey(values.survey, set) : undefined;
    const report = scoreWorkbook(grid, set, { sheet: values.sheet, survey, locale });
    if (report.sheet === null) throw new UnusableInput("HEADER_NOT_FOUND", `${target}: ${report.findings[0]?.message ?? "no criteria table"}`);
    if (command === "register") {
      if (json && values.csv) throw new UnusableInput("USAGE", "--json and --csv cannot be combined");
      const register = evidenceRegister(grid, set, report);
      out(json ? JSON.stringify(register) : values.csv ? registerCsv(register, locale) : renderRegister(register, basename(target), locale));
      return 0;
    }
    out(json ? JSON.stringify(report) : renderReport(report, set, locale));
    return countBySeverity(report).errors > 0 ? 1 : 0;
  } catch (e) {
    return exitUnusable(e, json, out, err);
  }
}
