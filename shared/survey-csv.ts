import { parseNumberText } from "./values.ts";
import type { Locale } from "./findings.ts";

/**
 * Survey scores as CSV `code,score` (dot decimals), or with ";" as the separator where
 * decimal commas are accepted (CRITERIA-FORMAT.md §5). A header line is allowed (the first
 * line that carries a value: not blank, not only separators). Lines end in \r\n, \n or a lone \r (Excel for Mac's "CSV (Macintosh)").
 */
export type SurveyCsvParse =
  | { ok: true; scores: Record<string, number> }
  | { ok: false; errors: SurveyCsvError[] };

/** What is wrong with one line, in each locale. */
export interface SurveyCsvError {
  line: number;
  message: Record<Locale, string>;
}

/**
 * A file saved as UTF-16 (Excel's "Unicode Text", some survey tools' CSV) read as UTF-8 has a
 * NUL beside every Latin character: "r\u0000t\u0000…". No CSV text holds a NUL, so one is that
 * file, and it is named as such rather than reported line by line as unknown units and codes.
 */
export function savedAsUtf16(text: string): boolean {
  return text.includes("\u0000");
}

export const NOT_UTF8_CSV: Record<Locale, string> = {
  vi: 'Tệp không phải CSV UTF-8 (có vẻ được lưu dạng Unicode/UTF-16): trong Excel chọn Lưu thành (Save As) → "CSV UTF-8 (Comma delimited) (*.csv)" rồi gửi lại tệp đó.',
  en: 'The file is not UTF-8 CSV (it looks saved as Unicode/UTF-16): in Excel choose Save As → "CSV UTF-8 (Comma delimited) (*.csv)" and send that file.',
};

/** One line of a survey CSV that carries something: its number in the file, its text, its fields. */
export interface SurveyCsvRecord {
  line: number;
  text: string;
  fields: { text: string; quoted: boolean }[];
}

/**
 * The lines of a survey CSV that carry something, as Excel saves them (CF3-3): Save As › CSV
 * writes every row of the used range, so a cleared row is "," (";" in a Vietnamese-locale Excel)
 * and a formatted column past the last value leaves a trailing separator on every line. Such
 * rows and trailing empty fields carry nothing and are dropped, as the Worker's import drops
 * them; the separator is ";" when a line with a value holds one, so a stray ";" row does not
 * turn a comma file into one unreadable line each.
 */
export function surveyCsvRecords(text: string): { separator: ";" | ","; records: SurveyCsvRecord[] } {
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  const carries = (line: string) => line.replace(/[,;"\s]/g, "") !== "";
  const separator = lines.some((l) => carries(l) && l.includes(";")) ? ";" : ",";
  const records: SurveyCsvRecord[] = [];
  lines.forEach((raw, i) => {
    if (!carries(raw)) return;
    const fields = splitCsvFields(raw.trim(), separator);
    while (fields.length > 1 && fields.at(-1)!.text === "" && !fields.at(-1)!.quoted) fields.pop();
    records.push({ line: i + 1, text: raw.trim(), fields });
  });
  return { separator, records };
}

const SURVEY_CODE = /^\d+(\.\d+)*$/;

/** A line naming a survey item with its score left blank ("3.5.2,"): what the CLI and the Worker's import say of it. */
export function blankSurveyScore(code: string): Record<Locale, string> {
  return {
    vi: `tiêu chí ${code} chưa có điểm khảo sát: nhập điểm (0 nếu không đạt) hoặc xóa dòng`,
    en: `item ${code} has no survey score: enter the score (0 if not met) or delete the line`,
  };
}

export function parseSurveyCsv(text: string): SurveyCsvParse {
  if (savedAsUtf16(text)) return { ok: false, errors: [{ line: 1, message: NOT_UTF8_CSV }] };
  const { separator, records } = surveyCsvRecords(text);
  const scores: Record<string, number> = {};
  const errors: SurveyCsvError[] = [];
  records.forEach(({ line, text: shown, fields }, i) => {
    const cells = fields.map((f) => f.text);
    const [code = "", scoreText = ""] = cells;
    if (i === 0 && !/^\d/.test(code)) return; // header
    // "3.5.2," — the survey team left the score blank: a blank is not 0, so the line is refused, saying so.
    if (cells.length <= 2 && SURVEY_CODE.test(code) && scoreText === "") {
      errors.push({ line, message: blankSurveyScore(code) });
      return;
    }
    if (cells.length !== 2 || !SURVEY_CODE.test(code)) {
      errors.push({ line, message: { vi: `cần dạng "mã${separator}điểm", gặp "${shown}"`, en: `expected "code${separator}score", got "${shown}"` } });
      return;
    }
    // A quoted score may carry a decimal comma whatever the separator: Excel in a Vietnamese
    // locale saves 7.1,"8,5" — the quotes say the comma is the number's.
    const decimalComma = separator === ";" || fields[1]?.quoted === true;
    const score = decimalComma ? parseNumberText(scoreText) : /^[+-]?\d+(\.\d+)?$/.test(scoreText) ? Number(scoreText) : null;
    if (score === null || score < 0) errors.push({ line, message: { vi: `điểm "${scoreText}" không phải là số ≥ 0`, en: `score "${scoreText}" is not a number ≥ 0` } });
    else if (scores[code] !== undefined) errors.push({ line, message: { vi: `mã ${code} xuất hiện hai lần`, en: `code ${code} appears twice` } });
    else scores[code] = score;
  });
  return errors.length ? { ok: false, errors } : { ok: true, scores };
}

/**
 * A CSV line's fields, trimmed: split on the separator outside double quotes ("" inside quotes
 * is a quote), each saying whether it was quoted (a quoted score may carry a decimal comma).
 * The CLI's survey file and the Worker's survey import read their lines with it.
 */
export function splitCsvFields(line: string, separator: string): { text: string; quoted: boolean }[] {
  const fields: { text: string; quoted: boolean }[] = [];
  let text = "";
  let quoted = false;
  let inQuotes = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (inQuotes) {
      if (ch === '"' && line[i + 1] === '"') (text += '"'), i++;
      else if (ch === '"') inQuotes = false;
      else text += ch;
    } else if (ch === '"' && text.trim() === "") (inQuotes = true), (quoted = true), (text = "");
    else if (ch === separator) {
      fields.push({ text: text.trim(), quoted });
      (text = ""), (quoted = false);
    } else text += ch;
  }
  fields.push({ text: text.trim(), quoted });
  return fields;
}
