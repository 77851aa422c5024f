import type { Locale } from "./findings.ts";
import { formatNumber } from "./messages.ts";

/** The phrases that explain a score (lost-points.ts), in Vietnamese and English, numbers with the locale's decimal mark. */
export function ruleText(locale: Locale) {
  const n = (x: number) => formatNumber(x, locale);
  /** A declared percentage, already rounded as far as its bounds allow (ratio-bands.ts percentShown): every decimal kept. */
  const rate = (x: number) => (locale === "vi" ? String(x).replace(".", ",") : String(x));
  /** "1 point", "2 points" (English only says the plural apart). */
  const pts = (x: number) => `${n(x)} ${x === 1 ? "point" : "points"}`;
  const at = (cell: string | undefined) => (cell ? (locale === "vi" ? ` (ô ${cell})` : ` (cell ${cell})`) : "");
  const vi = {
    excluded: "Không áp dụng: điểm tối đa của tiêu chí không tính vào tổng điểm tối đa.",
    nothingArose: "Không phát sinh: được tính đủ điểm tối đa (khi tiêu chí yêu cầu tài liệu kiểm chứng, cần tài liệu hoặc giải trình ở cột ghi chú).",
    typed: (self: number | string | null, score: number, max: number, why?: string) =>
      self === null ? `Chưa tự chấm điểm (tối đa ${n(max)}).` : typeof self === "string" ? `Điểm tự đánh giá "${self}" không được tính: ${n(score)}/${n(max)}.` : `Tự chấm ${n(self)}/${n(max)}${score !== self ? `, được tính ${n(score)}` : ""}${why ? `: ${why}` : ""}.`,
    /** Why a typed score counts 0 (CF1-6): the words go after "được tính 0: ". */
    why: {
      evidence: (cell: string | undefined) => `chưa có tài liệu kiểm chứng hoặc giải trình; bổ sung tài liệu${cell ? ` ở ô ${cell}` : " kiểm chứng"} hoặc giải trình ở cột ghi chú`,
      overMax: (max: number) => `điểm vượt điểm tối đa ${n(max)}`,
      belowMin: (min: number) => `điểm thấp hơn mức thấp nhất ${n(min)}`,
      step: (step: number) => `điểm không đúng bước ${n(step)}`,
      options: (options: readonly number[]) => `điểm không thuộc thang điểm ${options.map(n).join("; ")}`,
    },
    noEvidence: (cell: string | undefined) => `Chưa có tài liệu kiểm chứng hoặc giải trình nên được tính 0: bổ sung tài liệu${cell ? ` ở ô ${cell}` : " kiểm chứng"} hoặc giải trình ở cột ghi chú.`,
    condition: (target: string, atLeast: number, would: number) => `Chỉ được tính khi tiêu chí ${target} đạt từ ${n(atLeast)} điểm; khi đó tiêu chí này được ${n(would)} điểm.`,
    penalty: (points: number, min: number) => `Bị trừ ${n(points)} điểm (mức trừ nhiều nhất ${n(-min)}).`,
    declared: (percent: number, a: number | undefined, b: number | undefined, cell: string | undefined, rest: boolean, early?: string, bound?: "below" | "above") =>
      `${a !== undefined && b !== undefined ? `${a}/${b} (${rate(percent)} %)` : `${bound === "below" ? "dưới " : bound === "above" ? "trên " : ""}${rate(percent)} %`}${rest ? ` (phần còn lại của tỷ lệ trễ hạn, chưa thực hiện ghi${cell ? ` ở ô ${cell}` : ""})` : early ? ` (đúng hạn ở ô ${cell} cộng trước hạn ở ô ${early})` : at(cell)}`,
    proportional: (declared: string, target: number, points: number, max: number) =>
      `Số liệu kê khai ${declared} so với mục tiêu ${n(target)} %: được ${n(points)}/${n(max)} điểm; đạt ${n(target)} % thì được đủ điểm.`,
    band: (declared: string, label: string | null, points: number, max: number) =>
      label && points !== 0 ? `Số liệu kê khai ${declared} đạt mức ${label}: ${n(points)}/${n(max)} điểm.` : `Số liệu kê khai ${declared} chưa đạt mức có điểm: ${n(points)}/${n(max)} điểm.`,
    noData: (max: number) => `Chưa có số liệu kê khai dùng được: 0/${n(max)} điểm.`,
    missingRow: (max: number) => `Bảng không có dòng của tiêu chí này (dòng bị xóa hoặc chưa thêm): 0/${n(max)} điểm. Bổ sung dòng vào bảng rồi chấm lại.`,
    nextBand: (label: string, points: number) => `Mức kế tiếp: ${label} được ${n(points)} điểm.`,
    above: (x: number) => `trên ${n(x)} %`,
    from: (x: number) => `từ ${n(x)} %`,
    count: (count: number, each: number, base: number, points: number, max: number, cell: string | undefined) =>
      each > 0
        ? `Số lượng kê khai ${count}${at(cell)}, mỗi trường hợp được ${n(each)} điểm, tối đa ${n(max)}: được ${n(points)} điểm.`
        : `Số lượng kê khai ${count}${at(cell)}, từ ${n(base)} điểm mỗi lần trừ ${n(-each)}: còn ${n(points)}/${n(max)} điểm.`,
    nextCount: (count: number, points: number) => `Với số lượng ${count}: ${n(points)} điểm.`,
    best: (alternatives: { code: string; score: number; max: number }[]) =>
      `Tính theo phương án có điểm cao nhất, không cộng các phương án: ${alternatives.map((a) => `${a.code} được ${n(a.score)}/${n(a.max)}`).join("; ")}.`,
    parts: (parts: { code: string; score: number; max: number }[]) => `Gồm: ${parts.map((a) => `${a.code} được ${n(a.score)}/${n(a.max)}`).join("; ")}.`,
    floor: (code: string, floor: number) => `Mục ${code} được giữ ở mức sàn ${n(floor)} điểm: phần bị trừ dưới mức sàn không tính.`,
  };
  if (locale === "vi") return vi;
  const en: typeof vi = {
    excluded: "Not applicable: its maximum left the total maximum.",
    nothingArose: "Nothing arose: it scores its maximum (with evidence or an explanation in the note column when the criterion requires evidence).",
    typed: (self, score, max, why) =>
      self === null ? `Not self-scored (max ${n(max)}).` : typeof self === "string" ? `The self-score "${self}" does not count: ${n(score)}/${n(max)}.` : `Self-scored ${n(self)}/${n(max)}${score !== self ? `, counted ${n(score)}` : ""}${why ? `: ${why}` : ""}.`,
    why: {
      evidence: (cell) => `no evidence or explanation; add the document${cell ? ` in cell ${cell}` : ""} or explain in the note column`,
      overMax: (max) => `above the maximum of ${n(max)}`,
      belowMin: (min) => `below the minimum of ${n(min)}`,
      step: (step) => `not a multiple of the step ${n(step)}`,
      options: (options) => `not one of the scores ${options.map(n).join("; ")}`,
    },
    noEvidence: (cell) => `No evidence or explanation, so it counts 0: add the document${cell ? ` in cell ${cell}` : ""} or explain in the note column.`,
    condition: (target, atLeast, would) => `Counts only when ${target} reaches ${pts(atLeast)}; it would then score ${n(would)}.`,
    penalty: (points, min) => `A deduction of ${pts(points)} (at most ${n(-min)}).`,
    declared: (percent, a, b, cell, rest, early, bound) =>
      `${a !== undefined && b !== undefined ? `${a}/${b} (${rate(percent)} %)` : `${bound === "below" ? "under " : bound === "above" ? "over " : ""}${rate(percent)} %`}${rest ? ` (the rest of the late or undone share written${cell ? ` in cell ${cell}` : ""})` : early ? ` (on time in cell ${cell} plus early in cell ${early})` : at(cell)}`,
    proportional: (declared, target, points, max) => `Declared ${declared} against the target ${n(target)} %: ${n(points)}/${n(max)} points; ${n(target)} % gives full points.`,
    band: (declared, label, points, max) =>
      label && points !== 0 ? `Declared ${declared} reaches the band ${label}: ${n(points)}/${n(max)} points.` : `Declared ${declared} reaches no band with points: ${n(points)}/${n(max)} points.`,
    noData: (max) => `No usable declared data: 0/${n(max)} points.`,
    missingRow: (max) => `The table has no row for this criterion (deleted or never added): 0/${n(max)} points. Add the row to the table and check again.`,
    nextBand: (label, points) => `Next band: ${label} gives ${pts(points)}.`,
    above: (x) => `above ${n(x)} %`,
    from: (x) => `from ${n(x)} %`,
    count: (count, each, base, points, max, cell) =>
      each > 0
        ? `Declared count ${count}${at(cell)}, ${pts(each)} each, at most ${n(max)}: ${pts(points)}.`
        : `Declared count ${count}${at(cell)}, ${n(base)} points less ${n(-each)} each: ${n(points)}/${n(max)} points left.`,
    nextCount: (count, points) => `With ${count}: ${pts(points)}.`,
    best: (alternatives) => `The best alternative counts, not their sum: ${alternatives.map((a) => `${a.code} ${n(a.score)}/${n(a.max)}`).join("; ")}.`,
    parts: (parts) => `Its parts: ${parts.map((a) => `${a.code} ${n(a.score)}/${n(a.max)}`).join("; ")}.`,
    floor: (code, floor) => `Item ${code} is held at its floor of ${pts(floor)}: deductions below it do not count.`,
  };
  return en;
}
