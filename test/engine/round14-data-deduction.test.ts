import { describe, expect, it } from "vitest";
import { message } from "../../shared/messages.ts";
import { codes, EV, row, score, scores, setOf, type Cell } from "./v2-helpers.ts";

/**
 * The fourteenth red-team round on deduction rows (WB14-10, WB14-12). Round 13 warned when a
 * blank deduction row declared a case, but took any count for one — reports sent ("Gửi 12 báo
 * cáo tháng, 4 báo cáo quý"), a complaint found unfounded — and let a case written without a
 * digit, or beside a score typed 0, deduct nothing silently. "-", how offices write "none" on
 * these rows, was an error asking for a number.
 */

const late = { code: "8.2", title: "Chậm gửi báo cáo CCHC theo yêu cầu", min: -2, max: 0, rule: { kind: "manual", step: 0.5 } };
const complaint = { code: "8.3", title: "Có khiếu nại về giải quyết thủ tục hành chính được xác minh là đúng", min: -2, max: 0, rule: { kind: "manual", step: 0.5 } };
const bonus = { code: "8.1", title: "Được khen thưởng về thành tích CCHC", min: 0, max: 2, rule: { kind: "manual", step: 1 } };
const adjusted = setOf([{ code: "1.1", title: "Báo cáo", max: 2 }], {}, [{ code: "8", title: "Điểm thưởng, điểm trừ", adjustment: true, children: [bonus, late, complaint] }]);

function adjust(code: string, fields: { data?: Cell; note?: Cell; self?: Cell }) {
  const rows = [row("1", { max: 2 }), row("1.1", { max: 2, self: 2, evidence: EV }), row("8", {}), row("8.1", {}), row("8.2", {}), row("8.3", {})];
  rows[{ "8.1": 3, "8.2": 4, "8.3": 5 }[code]!] = row(code, fields);
  return score(adjusted, rows);
}

describe("WB14-10: a deduction row declares a case only by figures of the deducted kind", () => {
  it.each<[string, { data?: Cell; note?: Cell; self?: Cell }]>([
    ["8.2", { note: "Gửi 12 báo cáo tháng, 4 báo cáo quý" }],
    ["8.2", { data: "Gửi 12 báo cáo tháng, 4 báo cáo quý" }],
    ["8.3", { note: "Có 01 khiếu nại, đã xác minh là khiếu nại không đúng" }],
  ])("%s %j declares nothing", (code, fields) => {
    expect(codes(adjust(code, fields))).toEqual([]);
  });

  it.each<[string, { data?: Cell; note?: Cell; self?: Cell }]>([
    ["score 0 with a late report in the note", { note: "Chậm 01 báo cáo quý III/2024", self: 0 }],
    ["no digit", { note: "Chậm báo cáo quý III" }],
    ["no digit, reminded", { note: "Bị nhắc nhở do chậm gửi báo cáo quý III/2024" }],
    ["'có một báo cáo chậm'", { data: "Có một báo cáo chậm" }],
    ["a count typed as text", { data: "1" }],
  ])("%s: SCORE_BLANK, nothing deducted is said", (_name, fields) => {
    const report = adjust("8.2", fields);
    expect(codes(report)).toEqual(["SCORE_BLANK 8.2 Biểu!E6"]);
    expect(report.findings[0]!.severity).toBe("warning");
    expect(report.findings[0]!.message).toContain("chưa bị trừ điểm nào");
  });

  it("the 8.3 complaint verified as founded still warns", () => {
    expect(codes(adjust("8.3", { note: "Có 01 khiếu nại được xác minh là đúng" }))).toEqual(["SCORE_BLANK 8.3 Biểu!E7"]);
  });
});

describe("WB14-12: '-' on a deduction or bonus row is none", () => {
  it.each<[string, Cell]>([
    ["8.2", "-"],
    ["8.1", "-"],
    ["8.2", { v: "-", f: 'IF(D5="","-",-0.5*D5)' }],
    ["8.2", "–"],
  ])("%s %j", (code, self) => {
    const report = adjust(code, { self });
    expect(codes(report)).toEqual([]);
    expect(scores(report)[code]).toBe(0);
    expect(report.total).toBe(2);
  });
});

describe("the message says what the row declares and what its score cell holds", () => {
  it("Vietnamese and English, a 0 typed and a case without a count", () => {
    const report = adjust("8.2", { note: "Có báo cáo chậm", self: 0 });
    expect(report.findings[0]!.message).toBe(
      'Dòng điểm trừ của tiêu chí 8.2 kê khai có trường hợp ("Có báo cáo chậm") nhưng ô điểm tự đánh giá ghi 0, nên chưa bị trừ điểm nào: nhập điểm trừ bằng số âm (ví dụ -0,5; thấp nhất -2); nếu không có trường hợp nào, sửa lại số liệu kê khai.',
    );
    // A late report named by its period is one (seventh session: it had been a case without a count).
    expect(adjust("8.2", { note: "Chậm báo cáo quý III", self: 0 }).findings[0]!.message).toContain('kê khai 1 trường hợp ("Chậm báo cáo quý III")');
    expect(message("SCORE_BLANK", { code: "8.2", max: 0, min: -2, example: -0.5, written: "Chậm báo cáo quý III", zero: "yes" }, "en")).toBe(
      'The deduction row of criterion 8.2 declares a case ("Chậm báo cáo quý III") but its self-score cell holds 0, so nothing is deducted: enter the deduction as a negative number (e.g. -0.5; at least -2); if there was no case, correct the declared data.',
    );
  });
});
