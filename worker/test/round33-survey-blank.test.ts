import { describe, expect, it } from "vitest";
import { csvRecords, validateSurvey } from "../src/cycle/survey-import.ts";
import { parseCriteriaSet } from "../../shared/index.ts";

/** WB33-9 (rt-wb33): a survey line whose score was left blank says so, in the CLI's words, and is still refused. */
const parsed = parseCriteriaSet({
  id: "wb33-survey", title: "Khảo sát", year: 2024, unitType: "province", period: { from: "2024-01-01", to: "2024-12-31" },
  maxPoints: 2, bands: [{ label: "Tốt", min: 80 }, { label: "Yếu", min: 0 }],
  items: [{ code: "3", title: "Khảo sát", max: 2, children: [{ code: "3.5.2", title: "Mức độ hài lòng", max: 2, rule: { kind: "survey" } }] }],
});
if (!parsed.ok) throw new Error(parsed.message);
const set = parsed.set;

describe("survey import: a score left blank", () => {
  it.each(["Xã An Phú,3.5.2,\n", "Xã An Phú;3.5.2;\n", "Xã An Phú,3.5.2\n"])("%j", (text) => {
    const result = validateSurvey(csvRecords(text), set, [{ id: "u1", name: "Xã An Phú" }]);
    expect(result).toEqual({ ok: false, errors: [{ line: 1, message: "tiêu chí 3.5.2 chưa có điểm khảo sát: nhập điểm (0 nếu không đạt) hoặc xóa dòng / item 3.5.2 has no survey score: enter the score (0 if not met) or delete the line" }] });
  });
});
