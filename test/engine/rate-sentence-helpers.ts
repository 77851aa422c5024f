/**
 * The rate rows rounds 21–25 read sentences on (one per title the demo sets' ratio items use:
 * tasks done, feedback on time, online dossiers, signed outgoing documents, digitised records),
 * and what one sentence in a row's data cell scores.
 */
import { codes, EV, row, score, setOf } from "./v2-helpers.ts";

const bands = (...b: [number, number][]) => ({ kind: "ratio", bands: b.map(([min, points]) => ({ min, points })) });
export const rateSet = setOf([
  { code: "1.1", title: "Tỷ lệ hoàn thành nhiệm vụ trong kế hoạch CCHC năm", max: 3, rule: bands([100, 3], [80, 2], [0, 0]) },
  { code: "1.2", title: "Tỷ lệ phản ánh, kiến nghị của người dân, tổ chức được xử lý đúng hạn", max: 3, rule: bands([100, 3], [90, 2], [0, 0]) },
  { code: "1.3", title: "Tỷ lệ hồ sơ TTHC được tiếp nhận, giải quyết trực tuyến", max: 2, rule: bands([30, 2], [20, 1], [0, 0]) },
  { code: "1.4", title: "Tỷ lệ văn bản đi được ký số, gửi dưới dạng điện tử", max: 2, rule: bands([90, 2], [50, 1], [0, 0]) },
  { code: "1.5", title: "Tỷ lệ số hóa hồ sơ, kết quả giải quyết TTHC", max: 2, rule: bands([50, 2], [30, 1], [0, 0]) },
]);

/** `data` typed in the data cell of row `code` (with evidence): the rate read, and the findings on that row. */
export function rateItem(code: string, data: string): { percent: number | null; findings: string[] } {
  const report = score(rateSet, [row(code, { data, evidence: EV })]);
  const item = report.items.find((i) => i.code === code)!;
  return { percent: item.percent ?? null, findings: codes(report).filter((c) => c.includes(` ${code} `)) };
}
