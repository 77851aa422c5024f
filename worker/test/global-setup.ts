import { readdir, readFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { readWorkbookBytes } from "../../xlsx/sheetjs-grid.ts";
import { CriteriaSetSchema, scoreWorkbook } from "../../shared/index.ts";
import type { GoldenCase } from "./golden-cases.ts";
import { writeGoldenCases } from "./golden-cases-file.ts";
import { startStatusLog } from "./status-log-file.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));

interface ManifestCase {
  name: string;
  file: string;
  criteria: string;
  sheet?: string;
  exit?: number;
}

/** The golden table's manifests (the same three the CLI's golden test runs), or (without them) every workbook whose expected.json names its set. */
const MANIFESTS = ["cases.json", "realistic-cases.json", "real-layouts-cases.json"];

async function manifest(): Promise<ManifestCase[]> {
  const paths = MANIFESTS.map((m) => `${root}fixtures/workbooks/${m}`).filter((p) => existsSync(p));
  if (paths.length) return (await Promise.all(paths.map(async (p) => JSON.parse(await readFile(p, "utf8")) as ManifestCase[]))).flat();
  const dir = `${root}fixtures/workbooks`;
  const files = existsSync(dir) ? (await readdir(dir)).filter((f) => f.endsWith(".xlsx")) : [];
  const cases: ManifestCase[] = [];
  for (const file of files) {
    const expectedPath = `${dir}/${file.replace(/\.xlsx$/, ".expected.json")}`;
    if (!existsSync(expectedPath)) continue;
    const expected = JSON.parse(await readFile(expectedPath, "utf8")) as { criteriaSet?: string; report?: { criteriaSet?: string }; exit?: number };
    const set = expected.report?.criteriaSet ?? expected.criteriaSet;
    if (set) cases.push({ name: file, file: `fixtures/workbooks/${file}`, criteria: `fixtures/criteria/${set}.json`, ...(expected.exit !== undefined ? { exit: expected.exit } : {}) });
  }
  return cases;
}

/** Node side of the golden test: the CLI's path (SheetJS → engine) on each fixture. */
export default async function setup(): Promise<() => Promise<void>> {
  startStatusLog();
  const cases: GoldenCase[] = [];
  for (const c of await manifest()) {
    if (c.exit === 2) continue; // unusable input: the CLI exits 2, nothing to compare
    const bytes = new Uint8Array(await readFile(`${root}${c.file}`));
    const read = readWorkbookBytes(bytes);
    if (!read.ok) continue;
    const criteria = CriteriaSetSchema.parse(JSON.parse(await readFile(`${root}${c.criteria}`, "utf8")));
    const expected = scoreWorkbook(read.grid, criteria, { sheet: c.sheet });
    cases.push({ name: c.name, bytes: Buffer.from(bytes).toString("base64"), criteria, ...(c.sheet ? { sheet: c.sheet } : {}), expected });
  }
  return writeGoldenCases(cases);
}
