import { describe, expect, it } from "vitest";
import { findWrittenDates } from "../../shared/index.ts";
import { codes, row, score, setOf } from "./v2-helpers.ts";

/**
 * Years as units mistype them (black-box audit A6-2, A6-3): "10/01/2204" and "10/01/1024" were no
 * date at all (check silent, the register "không ghi ngày"); "9/9/99" was 2099.
 */
const set = setOf([{ code: "1.1", title: "Ban hành kế hoạch", max: 1, evidence: { required: true } }]);
const finding = (evidence: string) => score(set, [row("1", { max: 1 }), row("1.1", { max: 1, self: 1, evidence })]).findings.find((f) => f.criterion === "1.1");

describe("a year no document has", () => {
  it.each(["Kế hoạch số 50/KH-UBND ngày 10/01/2204", "Kế hoạch số 50/KH-UBND ngày 10/01/1024", "Kế hoạch số 50/KH-UBND ngày 10 tháng 01 năm 2204"])("%j is a date written wrong, said with the year", (evidence) => {
    const f = finding(evidence);
    expect(f).toMatchObject({ code: "EVIDENCE_DATE_INVALID", cell: "Biểu!F3" });
    expect(f?.message).toMatch(/ghi ngày 10\/01\/(2204|1024): năm (2204|1024) có lẽ gõ nhầm; sửa lại năm theo ngày ban hành của văn bản\.$/);
  });

  it("a year in the range stays a date, in or out of the period", () => {
    expect(codes(score(set, [row("1", { max: 1 }), row("1.1", { max: 1, self: 1, evidence: "Kế hoạch số 50/KH-UBND ngày 10/01/2024" })]))).toEqual([]);
    expect(finding("Kế hoạch số 50/KH-UBND ngày 10/01/2042")?.code).toBe("EVIDENCE_DATE_OUT_OF_PERIOD");
  });
});

describe("a two-digit year", () => {
  it("reads 00–29 as 2000–2029 and 30–99 as 1930–1999, as Excel does", () => {
    expect(findWrittenDates("ngày 9/9/22").map((d) => d.iso)).toEqual(["2022-09-09"]);
    expect(findWrittenDates("ngày 9/9/99").map((d) => d.iso)).toEqual(["1999-09-09"]);
    expect(findWrittenDates("ngày 1/1/30").map((d) => d.iso)).toEqual(["1930-01-01"]);
  });
});

describe("figures that only look like a date with an odd year (A9-7)", () => {
  it.each(["Phần mềm một cửa phiên bản 3.1.1024", "Đã giải quyết 12/5/1250 hồ sơ"])("%j is no date", (text) => {
    expect(findWrittenDates(text)).toEqual([]);
  });
});
