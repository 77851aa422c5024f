/**
 * What the sanction rounds' tests (rounds 31–36: the discipline rows' sentences) share: the
 * commune set with its reprimand row 8.5, the deduction title the case reading is asked with,
 * and the three ways a sentence is checked — asked, scored on 8.5, deducted on 8.4.
 */
import { expect } from "vitest";
import { codes, EV, row, score, scores, setOf } from "./v2-helpers.ts";
import { adjust } from "./deduction-rows-helpers.ts";
import { asCaseText, markedLexicon } from "../../shared/case-wording.ts";

const reprimands = { code: "8.5", title: "Vi phạm bị nhắc nhở (trừ 0,5 điểm mỗi lần, tối đa trừ 2 điểm)", min: -2, max: 0, rule: { kind: "count", each: -0.5 } };
const communeSet = setOf([{ code: "1.1", title: "Kế hoạch", max: 2 }], {}, [{ code: "8", title: "Điểm thưởng, điểm trừ", adjustment: true, children: [reprimands] }]);

export const TITLE = markedLexicon().words("Trừ 1 điểm mỗi trường hợp bị xử lý kỷ luật");

/**
 * Asked: the row's case named with no count, which a deduction row reads as DATA_MISSING (an
 * adjustment row, as in these sets, scores such a cell 0 without counting it) — never "0" (no
 * case) nor a count.
 */
export const asked = (data: string): boolean => {
  const read = asCaseText(data, TITLE, markedLexicon());
  return read !== "0" && !/\d/.test(read) && /kỷ luật/.test(read);
};

/** The commune set's report with `data` in its reprimand row 8.5. */
export const reprimand = (data: string) => score(communeSet, [row("1", { max: 2 }), row("1.1", { max: 2, self: 2, evidence: EV }), row("8", {}), row("8.5", { data })]);

/** `data` in deduction row 8.4 deducts `points`, with no finding. */
export const deducts = (data: string, points: number): void => {
  const report = adjust("8.4", { data });
  expect(scores(report)["8.4"]).toBe(points);
  expect(codes(report)).toEqual([]);
};
