import { codes, EV, row, score, setOf } from "./v2-helpers.ts";
import { set as round16 } from "./round16-data-helpers.ts";

/** Round 16's items, with the ones round 17's sentences are about: tasks of the plan, documents signed, the budget disbursed. */

const bands = (...b: [number, number][]) => ({ kind: "ratio", bands: b.map(([min, points]) => ({ min, points })) });
const items = round16.items[0]!.children!.map((c) => ({ ...c }));
export const set = setOf([
  ...items,
  { code: "1.20", title: "Tỷ lệ hoàn thành nhiệm vụ được giao trong kế hoạch CCHC năm", max: 2, rule: bands([100, 2], [80, 1], [0, 0]) },
  { code: "1.21", title: "Tỷ lệ văn bản đi được ký số (trừ văn bản mật)", max: 2, rule: bands([90, 2], [0, 0]) },
  { code: "1.23", title: "Tỷ lệ hồ sơ TTHC trễ hạn được xin lỗi người dân, tổ chức", max: 1, rule: bands([100, 1], [0, 0]) },
  { code: "1.22", title: "Tỷ lệ giải ngân kế hoạch vốn đầu tư công", max: 2, rule: bands([95, 2], [80, 1], [0, 0]) },
]);

export function itemOf(code: string, data: string) {
  const report = score(set, [row(code, { data, evidence: EV })]);
  const item = report.items.find((i) => i.code === code)!;
  return { percent: item.percent ?? null, count: item.count ?? null, findings: codes(report).filter((c) => c.includes(` ${code} `)) };
}
