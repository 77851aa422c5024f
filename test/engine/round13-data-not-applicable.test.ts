import { describe, expect, it } from "vitest";
import { isNotApplicableText } from "../../shared/values.ts";
import { codes, EV, row, score, setOf } from "./v2-helpers.ts";

/**
 * The thirteenth red-team round (WB13-7): "Không thuộc đối tượng (đánh giá)", "Không thuộc diện
 * …" and "0 (không áp dụng)" are how scoring forms say a criterion does not apply to the unit.
 * On an optional item they were SCORE_NOT_NUMBER telling the unit to "type a number"; typing 0
 * then kept the item's max in the denominator (66,37 % for 68,42 %). They are the mark, as
 * "Không áp dụng" is; on a mandatory item they are SCORE_NOT_NUMBER saying the item is
 * mandatory, as "Không áp dụng" there is.
 */

const set = setOf([
  { code: "1.1", title: "Ban hành kế hoạch CCHC", max: 2, rule: { kind: "manual", step: 1 } },
  { code: "1.2", title: "Sắp xếp thôn, tổ dân phố (chỉ áp dụng đối với xã có thôn thuộc diện sắp xếp)", max: 3, rule: { kind: "choice", options: [3, 1.5, 0] }, optional: true },
]);

const MARKS = ["Không thuộc đối tượng", "Không thuộc đối tượng đánh giá", "Không thuộc đối tượng áp dụng", "Không thuộc diện sắp xếp", "Không thuộc diện", "0 (không áp dụng)", "0 - Không áp dụng", "Ko thuộc đối tượng", "KTĐT"];

describe("'Không thuộc đối tượng' and its kin are the not-applicable mark", () => {
  it.each(MARKS)("%j is read as the mark", (text) => expect(isNotApplicableText(text)).toBe(true));

  it.each(["Không thuộc thẩm quyền", "Không thực hiện", "0", "0,5", "Đối tượng: 12 thôn"])("%j is not", (text) => expect(isNotApplicableText(text)).toBe(false));

  it.each(MARKS)("on an optional item, %j takes its max out of the denominator, no finding", (text) => {
    const report = score(set, [row("1", { max: 5 }), row("1.1", { max: 2, self: 2, evidence: EV }), row("1.2", { max: 3, self: text })]);
    expect(codes(report)).toEqual([]);
    expect(report.max).toBe(2);
    expect(report.items.find((i) => i.code === "1.2")).toMatchObject({ notApplicable: true });
  });

  it.each(["Không thuộc đối tượng", "Không thuộc đối tượng đánh giá", "0 (không áp dụng)", "Không áp dụng"])(
    "on a mandatory item, %j is SCORE_NOT_NUMBER saying the item is mandatory, as 'Không áp dụng' is",
    (text) => {
      const report = score(set, [row("1", { max: 5 }), row("1.1", { max: 2, self: text, evidence: EV }), row("1.2", { max: 3, self: 3, evidence: EV })]);
      expect(codes(report)).toEqual(["SCORE_NOT_NUMBER 1.1 Biểu!E3"]);
      expect(report.findings[0]!.message).toBe(`Tiêu chí 1.1 bắt buộc áp dụng, không được ghi "Không áp dụng" ("${text}"): nhập điểm tự đánh giá.`);
      expect(report.max).toBe(5);
    },
  );

  it("written only in the note beside a blank score, SCORE_BLANK names the way out, as for 'Không áp dụng'", () => {
    const report = score(set, [row("1", { max: 5 }), row("1.1", { max: 2, self: 2, evidence: EV }), row("1.2", { max: 3, note: "Không thuộc đối tượng đánh giá" })]);
    expect(codes(report)).toEqual(["SCORE_BLANK 1.2 Biểu!E4"]);
    expect(report.findings[0]!.message).toContain('ghi "Không áp dụng" vào ô điểm tự đánh giá');
  });

  it("a word not read as the mark on an optional item: SCORE_NOT_NUMBER names the mark, since 0 would keep the max", () => {
    const report = score(set, [row("1", { max: 5 }), row("1.1", { max: 2, self: 2, evidence: EV }), row("1.2", { max: 3, self: "Loại trừ" })]);
    expect(codes(report)).toEqual(["SCORE_NOT_NUMBER 1.2 Biểu!E4"]);
    expect(report.findings[0]!.message).toBe(
      'Điểm tự đánh giá của tiêu chí 1.2 ("Loại trừ") không phải là số: chọn một trong các mức 3; 1,5 hoặc 0; nếu tiêu chí không áp dụng với đơn vị, ghi "Không áp dụng" (3 điểm của tiêu chí được bỏ khỏi tổng điểm tối đa, ghi 0 thì không).',
    );
    const mandatory = score(set, [row("1", { max: 5 }), row("1.1", { max: 2, self: "Loại trừ", evidence: EV }), row("1.2", { max: 3, self: 3, evidence: EV })]);
    expect(mandatory.findings[0]!.message).toBe('Điểm tự đánh giá của tiêu chí 1.1 ("Loại trừ") không phải là số: nhập một số, ví dụ 1 hoặc 0,5.');
  });
});
