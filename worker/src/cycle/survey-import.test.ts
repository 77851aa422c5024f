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
const units = [{ id: "xa-an-loc", name: "Xã An Lộc" }];

describe("validateSurvey", () => {
  it("answers a group's code with the survey items to score instead (as the CLI does)", () => {
    const parsed = validateSurvey(csvRecords("xa-an-loc;7;8,5\n"), set, units);
    expect(parsed).toEqual({ ok: false, errors: [{ line: 1, message: expect.stringContaining("7 là một nhóm tiêu chí; nhập điểm cho từng tiêu chí khảo sát của nhóm (7.1, 7.2)") }] });
    expect(validateSurvey(csvRecords("xa-an-loc;1.1;1\n"), set, units)).toMatchObject({ ok: false, errors: [{ message: expect.stringContaining("không chấm bằng điều tra XHH") }] });
  });

  it("reads a quoted score with a decimal comma in a comma-separated file", () => {
    expect(validateSurvey(csvRecords('xa-an-loc,7.1,"4,5"\n'), set, units)).toEqual({ ok: true, rows: [{ line: 1, unit: "xa-an-loc", code: "7.1", scoreCents: 450 }] });
  });

  // The CLI's reader and the Worker's are one (shared/survey-csv.ts): a stray ";" row had made a
  // comma file one unreadable line each here, and a trailing separator a fourth cell (CF3-3).
  it("reads the CSV Excel saves: a stray ';' row, cleared rows, trailing separators, Mac line ends", () => {
    const rows = [
      { line: 2, unit: "xa-an-loc", code: "7.1", scoreCents: 450 },
      { line: 4, unit: "xa-an-loc", code: "7.2", scoreCents: 500 },
    ];
    expect(validateSurvey(csvRecords("unit,code,score,\nxa-an-loc,7.1,4.5,\n;;\nxa-an-loc,7.2,5,\n,,,\n"), set, units)).toEqual({ ok: true, rows });
    expect(validateSurvey(csvRecords("unit,code,score\rxa-an-loc,7.1,4.5\r\rxa-an-loc,7.2,5\r"), set, units)).toEqual({ ok: true, rows });
  });

  // CF3-9: a survey institute's sheet names units by name; "Xã An Lộc" had been "không thuộc kỳ này"
  it("takes a unit of the period by its name (the units import's name key) and stores its code", () => {
    const rows = [{ line: 1, unit: "xa-an-loc", code: "7.1", scoreCents: 450 }, { line: 2, unit: "xa-an-loc", code: "7.2", scoreCents: 500 }];
    expect(validateSurvey(csvRecords("Xã An Lộc,7.1,4.5\nXÃ  AN LỘC,7.2,5\n"), set, units)).toEqual({ ok: true, rows });
    expect(validateSurvey(csvRecords("Xã An Lộc,7.1,4.5\nxa-an-loc,7.1,4\n"), set, units)).toMatchObject({ ok: false, errors: [{ line: 2, message: expect.stringContaining("đã có ở dòng 1") }] });
  });

  it("refuses a name two units of the period share, naming their codes, and says what else it could be", () => {
    const twins = [...units, { id: "xa-an-loc-2", name: "Xã An Lộc" }];
    expect(validateSurvey(csvRecords("Xã An Lộc,7.1,4.5\n"), set, twins)).toEqual({
      ok: false,
      errors: [{ line: 1, message: 'tên "Xã An Lộc" là của 2 đơn vị thuộc kỳ này (xa-an-loc, xa-an-loc-2): ghi mã đơn vị thay cho tên / the name "Xã An Lộc" is shared by 2 units of the period (xa-an-loc, xa-an-loc-2): write the unit\'s code instead' }],
    });
    expect(validateSurvey(csvRecords("Xã Không Có,7.1,4.5\n"), set, units)).toEqual({
      ok: false,
      errors: [{ line: 1, message: '"Xã Không Có" không phải mã hay tên của đơn vị nào thuộc kỳ này / "Xã Không Có" is neither the code nor the name of a unit of the period' }],
    });
  });
});

describe("validateSurvey's work", () => {
  // A province's units against a file of thousands of lines: the names are keyed once. Looked up by
  // filtering the units per line (A5-7's first form), 57,000 lines of an unknown name took 3.5 s in
  // the hostile bench; here 2,000 lines against 500 units had read the list 2,000 times.
  it("reads the period's units once, not once per line", () => {
    const many = Array.from({ length: 500 }, (_, i) => ({ id: `xa-${i}`, name: `Xã Số ${i}` }));
    let reads = 0;
    const counted = new Proxy(many, {
      get(target, prop, receiver) {
        if (typeof prop === "string" && /^\d+$/.test(prop)) reads++;
        return Reflect.get(target, prop, receiver) as unknown;
      },
    });
    const lines = Array.from({ length: 2_000 }, (_, i) => (i % 2 ? "khong-co-don-vi;7.1;4\n" : "Xã Số 7;7.2;4\n")).join("");
    const parsed = validateSurvey(csvRecords(lines), set, counted);
    expect(parsed.ok).toBe(false);
    expect(reads).toBeLessThanOrEqual(3 * many.length);
  });
});
