import { parseArgs } from "node:util";
import { importCriteriaSet, UnitTypeSchema, type ImportCriteriaOptions } from "../shared/index.ts";
import { askedLocale, exitUnusable, loadGrid, UnusableInput } from "./inputs.ts";

export const IMPORT_USAGE = "parindex import-criteria <decision.xlsx> --id ID --year YYYY --unit-type commune|ward|district|department|province [--sheet NAME] [--json] [--lang vi|en]";

/**
 * `parindex import-criteria` (CRITERIA-FORMAT.md §7): the set on stdout, one line per thing
 * the engine could not infer on stderr ("'Sheet'!B12: …"), exit 0; exit 2 with one line
 * (and `{ error }` on stdout with --json) when no table or no valid set can be made.
 */
export async function importCriteriaCommand(argv: string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const json = argv.includes("--json");
  try {
    const { file, options } = importArgs(argv);
    const result = importCriteriaSet(await loadGrid(file), options);
    // The message is already in the locale asked for (options.locale).
    if (!result.ok) throw new UnusableInput(result.code, { vi: `${file}: ${result.message}`, en: `${file}: ${result.message}` });
    for (const note of result.notes) err(`${note.cell}: ${note.message}`);
    out(JSON.stringify(result.set, null, 2));
    return 0;
  } catch (e) {
    return exitUnusable(e, json, out, err, askedLocale(argv), "import-criteria");
  }
}

/** The decision file and the set's identity, or a USAGE error saying what is wrong. */
function importArgs(argv: string[]): { file: string; options: ImportCriteriaOptions } {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      id: { type: "string" },
      year: { type: "string" },
      "unit-type": { type: "string" },
      sheet: { type: "string" },
      json: { type: "boolean", default: false },
      lang: { type: "string", default: "vi" },
    },
  });
  const [file, ...extra] = positionals;
  const usage = (vi: string, en: string) => new UnusableInput("USAGE", { vi, en });
  if (!file || extra.length > 0) throw usage(`cách dùng: ${IMPORT_USAGE}`, `usage: ${IMPORT_USAGE}`);
  if (!values.id || !/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/.test(values.id)) {
    throw usage("cần --id: chữ, số, '.', '_' hoặc '-' (ví dụ ha-tinh-xa-2024)", "--id is required: letters, digits, '.', '_' or '-' (e.g. ha-tinh-xa-2024)");
  }
  const year = Number(values.year);
  if (!/^\d{4}$/.test(values.year ?? "") || year < 2000 || year > 2100) throw usage("cần --year YYYY (2000–2100)", "--year YYYY is required (2000–2100)");
  const unitType = UnitTypeSchema.safeParse(values["unit-type"]);
  // Every unit type a criteria set may name (criteria-shape's UnitTypeSchema): a ward's set is a commune-level set of its own.
  if (!unitType.success) throw usage("--unit-type phải là commune, ward, district, department hoặc province", "--unit-type must be commune, ward, district, department or province");
  if (values.lang !== "vi" && values.lang !== "en") throw usage("--lang phải là vi hoặc en", "--lang must be vi or en");
  return { file, options: { id: values.id, year, unitType: unitType.data, sheet: values.sheet, locale: values.lang } };
}
