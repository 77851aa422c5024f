import { describe, expect, it } from "vitest";
import { readDeclaredRatio, parseNumberText, foldText } from "../../shared/index.ts";
import { ratioInText } from "../../shared/declared-data.ts";
import { codes, COLUMNS, EV, row, score, scores, setOf } from "./v2-helpers.ts";

/**
 * The eleventh red-team round (producers, Vietnamese text, evidence): "1 250/1 300" — thousands
 * grouped by spaces, as a number is printed — was read as 250/1 (25 000 %, full points and no
 * finding); characters no one sees (soft hyphen, word joiner, joiners) made data, scores and
 * header labels unreadable; full-width digits were no figures.
 */
describe("figures as offices type them", () => {
  it.each([
    ["1 250/1 300", 96.1538461538],
    ["1\u00a0250/1\u00a0300", 96.1538461538],
    ["1\u202f250/1\u202f300", 96.1538461538],
    ["2 104 000 000 / 2 000 000 000 đồng", 105.2],
    ["1 234 văn bản/1 250 văn bản", 98.72],
    ["26\u00ad/28", 92.8571428571],
    ["96,15\u2060%", 96.15],
    ["１２５０／１３００", 96.1538461538],
    ["９６,１５％", 96.15],
    ["quý 4 100%", 100],
  ])("%j is %d %%", (text, percent) => {
    expect(readDeclaredRatio({ v: text })?.percent).toBe(percent);
  });

  it("in a note too", () => {
    expect(ratioInText("Đúng hạn 1 250/1 300 hồ sơ")).toMatchObject({ numerator: 1250, denominator: 1300 });
  });

  it.each(["1\u00ad", "1\u2060", "1\u200c", "０,５"])("score %j is a number", (text) => {
    expect(parseNumberText(text)).not.toBeNull();
  });

  it("header labels with a soft hyphen, a word joiner or a joiner inside are read", () => {
    expect(foldText("Tiêu\u00adchí")).toBe("tieuchi");
    const set = setOf([{ code: "1.1", title: "Tỷ lệ hồ sơ đúng hạn", max: 3, rule: { kind: "ratio", bands: [{ min: 95, points: 3 }, { min: 0, points: 0 }] } }]);
    const header = COLUMNS.map((label) => label.replace("Tiêu chí", "Tiêu\u2060 chí").replace("Điểm tối đa", "Điểm tối\u00ad đa").replace("Điểm tự đánh giá", "Điểm\u200c tự đánh giá"));
    const report = score(set, [row("1", { max: 3 }), row("1.1", { max: 3, data: "1 250/1 300", self: 3, evidence: EV })], {}, header);
    expect(codes(report)).toEqual([]);
    expect(scores(report)["1.1"]).toBe(3);
  });

  it("Ð (U+00D0) folds as Đ", () => {
    expect(foldText("12/QÐ-UBND")).toBe(foldText("12/QĐ-UBND"));
  });
});
