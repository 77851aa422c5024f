import { describe, expect, it } from "vitest";
import { codes, EV, row, score, setOf, type Cell } from "./v2-helpers.ts";

/**
 * The fifteenth red-team round on deduction rows (WB15-8, WB15-9). Round 14 asked for the kind
 * word ("chậm", "kỷ luật") inside the text before a case was declared, so the most common entry
 * in the row's own data cell ("01 trường hợp", "01 báo cáo (quý III/2024)", "01 lần") declared
 * nothing; and it matched the kind words folded, so "Tự chấm theo Hướng dẫn …" (chấm, to score)
 * read as "chậm" (late).
 */

const late = { code: "8.2", title: "Chậm gửi báo cáo CCHC theo yêu cầu", min: -2, max: 0, rule: { kind: "manual", step: 0.5 } };
const complaint = { code: "8.3", title: "Có khiếu nại về giải quyết thủ tục hành chính được xác minh là đúng", min: -2, max: 0, rule: { kind: "manual", step: 0.5 } };
const breach = { code: "8.4", title: "Có sai phạm trong thực hiện CCHC bị cơ quan có thẩm quyền kết luận", min: -2, max: 0, rule: { kind: "manual", step: 0.5 } };
const adjusted = setOf([{ code: "1.1", title: "Báo cáo", max: 2 }], {}, [{ code: "8", title: "Điểm thưởng, điểm trừ", adjustment: true, children: [late, complaint, breach] }]);

function adjust(code: string, fields: { data?: Cell; note?: Cell; self?: Cell }) {
  const rows = [row("1", { max: 2 }), row("1.1", { max: 2, self: 2, evidence: EV }), row("8", {}), row("8.2", {}), row("8.3", {}), row("8.4", {})];
  rows[{ "8.2": 3, "8.3": 4, "8.4": 5 }[code]!] = row(code, fields);
  return score(adjusted, rows);
}
const cellOf = (code: string) => `Biểu!E${{ "8.2": 5, "8.3": 6, "8.4": 7 }[code]}`;

describe("WB15-8: a count in the deduction row's own data cell is the row's kind", () => {
  it.each<[string, { data?: Cell; note?: Cell; self?: Cell }]>([
    ["8.2", { data: "01 trường hợp" }],
    ["8.2", { data: "01 báo cáo (quý III/2024)" }],
    ["8.2", { data: "01 lần" }],
    ["8.2", { data: "01 báo cáo (Công văn 1234/UBND-KSTT)" }],
    ["8.3", { data: "01 trường hợp" }],
    ["8.4", { data: "01 vụ việc" }],
    ["8.4", { data: "01 trường hợp (Kết luận số 05/KL-TTr)" }],
    ["8.2", { data: "01 trường hợp", self: 0 }],
    ["8.2", { data: "02 báo cáo gửi sau thời hạn" }],
    ["8.3", { data: "Có 02 khiếu nại, trong đó 01 khiếu nại đúng, 01 khiếu nại không đúng" }],
    ["8.3", { note: "01 khiếu nại đúng, 01 khiếu nại không đúng" }],
  ])("%s %j: SCORE_BLANK", (code, fields) => {
    const report = adjust(code, fields);
    expect(codes(report)).toEqual([`SCORE_BLANK ${code} ${cellOf(code)}`]);
    expect(report.findings[0]!.message).toContain("chưa bị trừ điểm nào");
  });

  it("the founded part is what a mixed sentence declares", () => {
    const report = adjust("8.3", { data: "Có 02 khiếu nại, trong đó 01 khiếu nại đúng, 01 khiếu nại không đúng" });
    expect(report.findings[0]!.message).toContain("kê khai 1 trường hợp");
  });

  it.each<[string, { data?: Cell; note?: Cell }]>([
    ["8.2", { data: "Gửi 12 báo cáo tháng, 4 báo cáo quý" }],
    ["8.2", { data: "12 báo cáo đúng hạn" }],
    ["8.2", { data: "0 trường hợp" }],
    ["8.2", { note: "01 trường hợp" }],
    ["8.3", { data: "01 trường hợp không đúng" }],
  ])("%s %j declares nothing", (code, fields) => {
    expect(codes(adjust(code, fields))).toEqual([]);
  });
});

describe("WB15-9: words of another kind declare nothing", () => {
  it.each<[string, { data?: Cell; note?: Cell }]>([
    ["8.2", { note: "Tự chấm theo Hướng dẫn số 15/HD-SNV ngày 10/01/2025" }],
    ["8.2", { note: "Đã chấm điểm đầy đủ 12 tiêu chí thành phần" }],
    ["8.3", { note: "Tiếp nhận 05 phản ánh, kiến nghị; đã xử lý 05/05" }],
    ["8.4", { data: "Không phát hiện sai phạm qua 03 cuộc thanh tra" }],
    ["8.4", { note: "Không có sai phạm; kiểm tra 03 cơ quan" }],
  ])("%s %j", (code, fields) => {
    expect(codes(adjust(code, fields))).toEqual([]);
  });

  it.each<[string, { data?: Cell; note?: Cell }]>([
    ["8.2", { note: "Chậm 01 báo cáo quý III" }],
    ["8.2", { note: "Gửi 11 báo cáo đúng hạn; chậm 01 báo cáo quý III" }],
    ["8.4", { note: "Có 01 sai phạm bị Thanh tra tỉnh kết luận" }],
  ])("%s %j still warns", (code, fields) => {
    expect(codes(adjust(code, fields))).toEqual([`SCORE_BLANK ${code} ${cellOf(code)}`]);
  });
});
