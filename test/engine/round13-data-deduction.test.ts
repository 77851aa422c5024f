import { describe, expect, it } from "vitest";
import { message } from "../../shared/messages.ts";
import { codes, EV, row, score, scores, setOf, type Cell } from "./v2-helpers.ts";

/**
 * The thirteenth red-team round (WB13-6): a deduction row whose score is blank while its data or
 * note declares a case ("01 báo cáo chậm (báo cáo quý III)", 1, "Chậm 01 báo cáo quý III/2024")
 * deducted nothing and said nothing — a unit escaped a deduction it wrote down itself. A row
 * that computes from the count (a `count` rule) deducts it; a `manual` one is SCORE_BLANK saying
 * the row reports a case and deducts nothing. A blank row that declares nothing stays none.
 */

const manual = { code: "8.2", title: "Chậm gửi báo cáo CCHC theo yêu cầu", min: -2, max: 0, rule: { kind: "manual", step: 0.5 } };
const counted = { code: "8.3", title: "Chậm gửi báo cáo CCHC (trừ 0,5 điểm mỗi báo cáo)", min: -2, max: 0, rule: { kind: "count", each: -0.5 } };
const bonus = { code: "8.1", title: "Được khen thưởng về thành tích CCHC", min: 0, max: 2, rule: { kind: "manual", step: 1 } };
const set = setOf([{ code: "1.1", title: "Báo cáo", max: 2 }], {}, [{ code: "8", title: "Điểm thưởng, điểm trừ", adjustment: true, children: [bonus, manual, counted] }]);

function run(code: string, fields: { data?: Cell; note?: Cell; self?: Cell }) {
  const rows = [row("1", { max: 2 }), row("1.1", { max: 2, self: 2, evidence: EV }), row("8", {}), row("8.1", {}), row("8.2", {}), row("8.3", {})];
  const at = { "8.1": 4, "8.2": 5, "8.3": 6 }[code]!;
  rows[at] = row(code, fields);
  return score(set, rows);
}

describe("a deduction row that declares a case but deducts nothing", () => {
  it.each<[string, { data?: Cell; note?: Cell }, string]>([
    ["data in words", { data: "01 báo cáo chậm (báo cáo quý III)" }, "Biểu!E6"],
    ["a bare count", { data: 1 }, "Biểu!E6"],
    ["the note", { note: "Chậm 01 báo cáo quý III/2024" }, "Biểu!E6"],
  ])("manual row, %s: SCORE_BLANK at the score cell, nothing guessed", (_name, fields, cell) => {
    const report = run("8.2", fields);
    expect(codes(report)).toEqual([`SCORE_BLANK 8.2 ${cell}`]);
    expect(report.findings[0]!.severity).toBe("warning");
    expect(report.findings[0]!.message).toContain("chưa bị trừ điểm nào");
    expect(scores(report)["8.2"]).toBe(0);
  });

  it("the message says what was written and what to enter, in Vietnamese and English", () => {
    const report = run("8.2", { data: "01 báo cáo chậm (báo cáo quý III)" });
    expect(report.findings[0]!.message).toBe(
      'Dòng điểm trừ của tiêu chí 8.2 kê khai 1 trường hợp ("01 báo cáo chậm (báo cáo quý III)") nhưng ô điểm tự đánh giá để trống, nên chưa bị trừ điểm nào: nhập điểm trừ bằng số âm (ví dụ -0,5; thấp nhất -2); nếu không có trường hợp nào, sửa lại số liệu kê khai.',
    );
    expect(message("SCORE_BLANK", { code: "8.2", max: 0, min: -2, example: -0.5, cases: 1, written: "1" }, "en")).toBe(
      'The deduction row of criterion 8.2 declares 1 case ("1") but its self-score cell is blank, so nothing is deducted: enter the deduction as a negative number (e.g. -0.5; at least -2); if there was no case, correct the declared data.',
    );
  });

  it("a row that computes from the count deducts it", () => {
    for (const fields of [{ data: "01 báo cáo chậm (báo cáo quý III)" }, { data: 1 }, { note: "Chậm 01 báo cáo quý III/2024" }]) {
      const report = run("8.3", fields);
      expect(scores(report)["8.3"]).toBe(-0.5);
      expect(codes(report)).toEqual([]);
    }
  });

  it.each<[string, { data?: Cell; note?: Cell }]>([
    ["nothing", {}],
    ["0", { data: 0 }],
    ["'Không'", { data: "Không" }],
    ["'Không có báo cáo chậm'", { note: "Không có báo cáo chậm" }],
    ["'Đã gửi đủ 04 báo cáo, đúng hạn'", { note: "Đã gửi đủ 04 báo cáo, đúng hạn" }],
    ["a note with no count", { note: "Đơn vị thực hiện nghiêm túc chế độ báo cáo" }],
  ])("a blank row that declares %s stays none, no finding", (_name, fields) => {
    const report = run("8.2", fields);
    expect(codes(report)).toEqual([]);
    expect(report.total).toBe(2);
  });

  it("a row scored with its deduction is as before", () => {
    const report = run("8.2", { data: "01 báo cáo chậm", self: -0.5 });
    expect(codes(report)).toEqual([]);
    expect(scores(report)["8.2"]).toBe(-0.5);
  });

  it("a bonus row left blank is none whatever its note says (it costs only the unit)", () => {
    expect(codes(run("8.1", { note: "Được UBND tỉnh tặng 01 bằng khen" }))).toEqual([]);
  });
});
