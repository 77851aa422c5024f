import { readFileSync } from "node:fs";
import { readWorkbookBytes } from "../../xlsx/sheetjs-grid.ts";
import { AnalysisSchema, evidenceRegister, scoreWorkbook, TrendSchema, UnitHistorySchema, type EvidenceRegister } from "../../shared/index.ts";
import { loadFixtureSet } from "./fake-worker.ts";

/** Answers of the real Worker on the demo seed (period 2024-commune-demo), as the add-in parses them. */
const json = (name: string): unknown => JSON.parse(readFileSync(`addin/test/fixtures/${name}.json`, "utf8"));
export const analysis = AnalysisSchema.parse(json("analysis-demo-2024"));
export const trend = TrendSchema.parse(json("trend-demo-2024"));
/** Xã An Phú (unit token) and Xã An Phú Lộc, formed by the 1/7/2025 merge (admin token). */
export const history = UnitHistorySchema.parse(json("history-xa-an-phu"));
export const merged = UnitHistorySchema.parse(json("history-xa-an-phu-loc"));

/** The province fixture with a document outside the period and unrecognised entries. */
export function provinceRegister(): EvidenceRegister {
  const read = readWorkbookBytes(readFileSync("fixtures/workbooks/province-evidence.xlsx"));
  if (!read.ok) throw new Error(read.message);
  const set = loadFixtureSet("fixtures/criteria/demo-province-2024.json");
  return evidenceRegister(read.grid, set, scoreWorkbook(read.grid, set));
}
