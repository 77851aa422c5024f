/**
 * The deduction rows' workbook of the round-16 and round-17 tests (round16-data-deduction,
 * round17-deductions): a department set with a late-report row, a complaint row, a
 * −1-per-discipline count and a report count from its max, one row filled as the test says.
 */
import { EV, row, score, setOf, type Cell } from "./v2-helpers.ts";

const late = { code: "8.2", title: "Chậm gửi báo cáo CCHC theo yêu cầu", min: -2, max: 0, rule: { kind: "manual", step: 0.5 } };
const complaint = { code: "8.3", title: "Có khiếu nại về giải quyết thủ tục hành chính được xác minh là đúng", min: -2, max: 0, rule: { kind: "manual", step: 0.5 } };
const discipline = { code: "8.4", title: "Trừ 1 điểm mỗi trường hợp bị xử lý kỷ luật", min: -3, max: 0, rule: { kind: "count", each: -1 } };
const reports = { code: "1.2", title: "Báo cáo CCHC định kỳ đúng thời hạn (trừ 0,5 điểm mỗi báo cáo chậm)", max: 2, rule: { kind: "count", each: -0.5, base: 2 } };
export const set = setOf([{ code: "1.1", title: "Kế hoạch", max: 2 }, reports], {}, [{ code: "8", title: "Điểm thưởng, điểm trừ", adjustment: true, children: [late, complaint, discipline] }]);

export const AT = { "1.2": 2, "8.2": 4, "8.3": 5, "8.4": 6 } as const;
export type Code = keyof typeof AT;
export function adjust(code: Code, fields: { data?: Cell; note?: Cell; self?: Cell }) {
  const rows = [row("1", { max: 4 }), row("1.1", { max: 2, self: 2, evidence: EV }), row("1.2", { max: 2, data: 0, evidence: EV }), row("8", {}), row("8.2", {}), row("8.3", {}), row("8.4", {})];
  rows[AT[code]] = row(code, fields);
  return score(set, rows);
}
export const scoreCell = (code: Code) => `Biểu!E${AT[code] + 2}`;
