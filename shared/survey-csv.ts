import { parseNumberText } from "./values.ts";

/**
 * Survey scores as CSV `code,score` (dot decimals), or with ";" as the separator where
 * decimal commas are accepted (CRITERIA-FORMAT.md §5). A header line is allowed.
 */
export type SurveyCsvParse =
  | { ok: true; scores: Record<string, number> }
  | { ok: false; errors: { line: number; message: string }[] };

export function parseSurveyCsv(text: string): SurveyCsvParse {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const separator = lines.some((l) => l.includes(";")) ? ";" : ",";
  const scores: Record<string, number> = {};
  const errors: { line: number; message: string }[] = [];
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (line === "") return;
    const cells = line.split(separator).map((c) => c.trim().replace(/^"(.*)"$/, "$1"));
    const [code = "", scoreText = ""] = cells;
    if (i === 0 && !/^\d/.test(code)) return; // header
    if (cells.length !== 2 || !/^\d+(\.\d+)*$/.test(code)) {
      errors.push({ line: i + 1, message: `expected "code${separator}score", got "${line}"` });
      return;
    }
    const score = separator === ";" ? parseNumberText(scoreText) : /^[+-]?\d+(\.\d+)?$/.test(scoreText) ? Number(scoreText) : null;
    if (score === null || score < 0) errors.push({ line: i + 1, message: `score "${scoreText}" is not a number ≥ 0` });
    else if (scores[code] !== undefined) errors.push({ line: i + 1, message: `code ${code} appears twice` });
    else scores[code] = score;
  });
  return errors.length ? { ok: false, errors } : { ok: true, scores };
}
