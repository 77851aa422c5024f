import { describe, expect, it } from "vitest";
import { CriteriaSetSchema } from "../../../shared/index.ts";
import { csvRecords, validateSurvey } from "./survey-import.ts";

// A field of survey items ("7"), as the demo sets have, beside a self-assessed one.
const set = CriteriaSetSchema.parse({
  id: "t-survey", title: "Survey", year: 2024, unitType: "commune", period: { from: "2024-01-01", to: "2024-12-31" }, maxPoints: 12,
  bands: [{ label: "Tốt", min: 80 }, { label: "Yếu", min: 0 }],
  items: [
    { code: "1", title: "Lĩnh vực 1", max: 2, children: [{ code: "1.1", title: "Kế hoạch", max: 2 }] },
    { code: "7", title: "Sự hài lòng", max: 10, children: [{ code: "7.1", title: "Tiếp cận", max: 5, rule: { kind: "survey" } }, { code: "7.2", title: "Thủ tục", max: 5, rule: { kind: "survey" } }] },
  ],
});
const units = new Set(["xa-an-loc"]);

describe("validateSurvey", () => {
  it("answers a group's code with the survey items to score instead (as the CLI does)", () => {
    const parsed = validateSurvey(csvRecords("xa-an-loc;7;8,5\n"), set, units);
    expect(parsed).toEqual({ ok: false, errors: [{ line: 1, message: expect.stringContaining("7 là một nhóm tiêu chí; nhập điểm cho từng tiêu chí khảo sát của nhóm (7.1, 7.2)") }] });
    expect(validateSurvey(csvRecords("xa-an-loc;1.1;1\n"), set, units)).toMatchObject({ ok: false, errors: [{ message: expect.stringContaining("không chấm bằng điều tra XHH") }] });
  });

  it("reads a quoted score with a decimal comma in a comma-separated file", () => {
    expect(validateSurvey(csvRecords('xa-an-loc,7.1,"4,5"\n'), set, units)).toEqual({ ok: true, rows: [{ line: 1, unit: "xa-an-loc", code: "7.1", scoreCents: 450 }] });
  });
});
