/**
 * Round 31 (rt-wb31, WB31-1…6; mends round 30's 31a7169, 42da675, 6df7bc5 — the last sentence round). Who imposed a
 * sanction is read three ways: a subject naming an authority, whatever else it holds (its place's proper name, "kiểm
 * tra", "Chánh"), imposes; a stop word in it (advice, intent, a demand, refusal…) imposes nothing; any other subject
 * longer than three words is asked about (DATA_MISSING), never a silent 0 (WB31-1/6). A granting cited by its document,
 * date or manner, an agreement not to sanction and an agreement to the request for exemption are the exemption granted;
 * an agreement to a proposal whose content is not said is asked about (WB31-2/3/4). "về việc:", "về hành vi:", "với nội
 * dung:" introduce the offence as "lý do:" does (WB31-5).
 */
import { describe, expect, it } from "vitest";
import { codes, EV, row, score, scores, setOf } from "./v2-helpers.ts";
import { adjust } from "./deduction-rows-helpers.ts";

const reprimands = { code: "8.5", title: "Vi phạm bị nhắc nhở (trừ 0,5 điểm mỗi lần, tối đa trừ 2 điểm)", min: -2, max: 0, rule: { kind: "count", each: -0.5 } };
const communeSet = setOf([{ code: "1.1", title: "Kế hoạch", max: 2 }], {}, [{ code: "8", title: "Điểm thưởng, điểm trừ", adjustment: true, children: [reprimands] }]);
const reprimand = (data: string) => score(communeSet, [row("1", { max: 2 }), row("1.1", { max: 2, self: 2, evidence: EV }), row("8", {}), row("8.5", { data })]);

describe("WB31-5: the offence introduced as decisions introduce it keeps the case", () => {
  it.each<string>([
    "Bị kỷ luật khiển trách về việc: không xử lý kỷ luật 01 trường hợp vi phạm",
    "Bị kỷ luật khiển trách với nội dung: chưa xử lý kỷ luật 01 trường hợp thuộc thẩm quyền",
    "Bị kỷ luật khiển trách về hành vi: chưa xử lý kỷ luật 01 trường hợp thuộc thẩm quyền",
  ])("%s: −1", (data) => {
    const report = adjust("8.4", { data });
    expect(scores(report)["8.4"]).toBe(-1);
    expect(codes(report)).toEqual([]);
  });

  it("reprimands: Bị nhắc nhở về hành vi: chưa nhắc nhở 01 lần thuộc thẩm quyền: −0,5", () => {
    expect(scores(reprimand("Bị nhắc nhở về hành vi: chưa nhắc nhở 01 lần thuộc thẩm quyền"))["8.5"]).toBe(-0.5);
  });
});
