import { readFile, stat } from "node:fs/promises";
import { parseCriteriaSet, parseSurveyCsv, type CriteriaSet, type Grid, type Locale } from "../shared/index.ts";
import { readWorkbookBytes } from "../xlsx/sheetjs-grid.ts";

/** An input the CLI cannot use: exit 2 with one line (CRITERIA-FORMAT.md §5). */
export class UnusableInput extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The set at `path`, or CRITERIA_INVALID naming the path in the JSON and what is wrong, in `locale`. */
/** Exit 2: one line on stderr and, with --json, `{ error: { code, message } }` on stdout. */
export function exitUnusable(e: unknown, json: boolean, out: (s: string) => void, err: (s: string) => void): 2 {
  const failure = e instanceof UnusableInput ? e : new UnusableInput("USAGE", e instanceof Error ? e.message : String(e));
  err(failure.message.split("\n")[0]!);
  if (json) out(JSON.stringify({ error: { code: failure.code, message: failure.message } }));
  return 2;
}

export async function loadCriteriaSet(path: string, locale: Locale = "en"): Promise<CriteriaSet> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch {
    throw new UnusableInput("CRITERIA_NOT_FOUND", `criteria set not found: ${path}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new UnusableInput("CRITERIA_INVALID", `criteria set ${path} is not valid JSON (${(e as Error).message})`);
  }
  const parsed = parseCriteriaSet(json, locale);
  if (!parsed.ok) {
    const lead = locale === "vi" ? `bộ tiêu chí ${path} không hợp lệ` : `criteria set ${path} is invalid`;
    throw new UnusableInput("CRITERIA_INVALID", `${lead}: ${parsed.message}`);
  }
  return parsed.set;
}

export async function loadGrid(path: string): Promise<Grid> {
  let bytes: Uint8Array;
  try {
    if (!(await stat(path)).isFile()) throw new Error("not a file");
    bytes = new Uint8Array(await readFile(path));
  } catch {
    throw new UnusableInput("FILE_NOT_FOUND", `file not found: ${path}`);
  }
  const read = readWorkbookBytes(bytes);
  if (!read.ok) throw new UnusableInput(read.code, `${path}: ${read.message}`);
  return read.grid;
}

export async function loadSurvey(path: string, set: CriteriaSet): Promise<Record<string, number>> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch {
    throw new UnusableInput("SURVEY_NOT_FOUND", `survey file not found: ${path}`);
  }
  const parsed = parseSurveyCsv(text);
  if (!parsed.ok) {
    const first = parsed.errors[0]!;
    throw new UnusableInput("SURVEY_INVALID", `survey file ${path}, line ${first.line}: ${first.message}`);
  }
  const surveyLeaves = new Map<string, number>();
  const walk = (items: CriteriaSet["items"]): void => {
    for (const item of items) {
      if (item.children) walk(item.children);
      else if (item.rule?.kind === "survey") surveyLeaves.set(item.code, item.max ?? 0);
    }
  };
  walk(set.items);
  for (const [code, score] of Object.entries(parsed.scores)) {
    const max = surveyLeaves.get(code);
    if (max === undefined) throw new UnusableInput("SURVEY_INVALID", `survey file ${path}: ${code} is not a survey item of ${set.id}`);
    if (score > max) throw new UnusableInput("SURVEY_INVALID", `survey file ${path}: ${code} scores ${score}, above its max ${max}`);
  }
  return parsed.scores;
}
