import { readdir, stat } from "node:fs/promises";
import { join, extname, basename } from "node:path";
import { countBySeverity, formatNumber, rankUnits, scoreWorkbook, type CriteriaSet, type Locale } from "../shared/index.ts";
import { loadGrid, UnusableInput } from "./inputs.ts";
import { LABELS } from "./labels.ts";

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

const WORKBOOK_EXTENSIONS = new Set([".xlsx", ".xlsm", ".xls"]);

/**
 * Check every workbook of a folder (not recursive, Excel's ~$ lock files skipped) and rank
 * them; `onFile` hears of each file before it is read (progress on a terminal).
 */
export async function checkDir(dir: string, set: CriteriaSet, locale: Locale, onFile?: (n: number, total: number, file: string) => void): Promise<DirResult> {
  let names: string[];
  try {
    if (!(await stat(dir)).isDirectory()) throw new Error("not a folder");
    names = await readdir(dir);
  } catch {
    throw new UnusableInput("FOLDER_NOT_FOUND", { vi: `không tìm thấy thư mục: ${dir}`, en: `folder not found: ${dir}` });
  }
  const files = names.filter((n) => WORKBOOK_EXTENSIONS.has(extname(n).toLowerCase()) && !n.startsWith("~$")).sort();
  const scored: Omit<RankingRow, "rank">[] = [];
  const unreadable: DirResult["unreadable"] = [];
  for (const [i, file] of files.entries()) {
    onFile?.(i + 1, files.length, file);
    try {
      const report = scoreWorkbook(await loadGrid(join(dir, file)), set, { locale });
      if (report.sheet === null) {
        unreadable.push({ file, reason: report.findings[0]?.message ?? "HEADER_NOT_FOUND" });
        continue;
      }
      const counts = countBySeverity(report);
      const unit = basename(file, extname(file)).normalize("NFC");
      scored.push({ unit, file, total: report.total, max: report.max, percent: report.percent, band: report.band, errors: counts.errors, warnings: counts.warnings });
    } catch (e) {
      unreadable.push({ file, reason: e instanceof UnusableInput ? e.said[locale] : e instanceof Error ? e.message : String(e) });
    }
  }
  return { criteriaSet: set.id, ranking: rankUnits(scored).map(({ rank, ...rest }) => ({ rank, ...rest })), unreadable };
}

export function renderDir(result: DirResult, locale: Locale): string {
  const L = LABELS[locale];
  const n = (x: number) => formatNumber(x, locale);
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
