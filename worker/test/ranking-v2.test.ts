import { describe, expect, it } from "vitest";
import department from "../../fixtures/criteria/demo-department-2024.json";
import { CriteriaSetSchema, scoreWorkbook, type Report } from "../../shared/index.ts";
import type { SubmissionItem } from "../src/api-schemas.ts";
import { gridFromItems } from "../src/items-grid.ts";
import { AT } from "./cycle-helpers.ts";
import { call, uniqueKey } from "./helpers.ts";

/**
 * The ranking under every v2 rule (CRITERIA-FORMAT.md §6): a department set with a best-of
 * parent (1.4), a deduction per count (1.2), a penalty inside a criterion (3.1), "không phát
 * sinh → đủ điểm" (2.2, and 3.4 by 0/0), "không áp dụng" (4.3), a floored parent (4.4), a
 * condition (5.2 requires 5.1 ≥ 1,5), a bonus/deduction section (8) and a survey part rescaled
 * away when none was imported. Each unit's ranked result must be what the engine's
 * scoreWorkbook gives for the same items — with the appraised scores typed in where the
 * appraisal is final, and the imported survey scores.
 */
const SET = CriteriaSetSchema.parse({ ...department, id: "t-v2-department-2024" });
const P = "t-v2-2024";
const DOC = "Quyết định số 12/QĐ-UBND ngày 05/01/2024";

/** A department's self-assessment touching every rule; `self` overrides choice/manual scores by code. */
function itemsOf(self: Record<string, number> = {}): SubmissionItem[] {
  const score = (code: string, value: number | string): SubmissionItem => ({ code, self: self[code] ?? value, evidence: DOC });
  const data = (code: string, value: string | number): SubmissionItem => ({ code, data: value, evidence: DOC });
  return [
    score("1.1.1", 1), data("1.1.2", "95%"), data("1.2", 3), data("1.3", "24%"),
    score("1.4.1", 0), score("1.4.2", 1), data("1.5", "90%"),
    data("2.1", "80%"), { code: "2.2", self: "Không phát sinh", note: "Trong năm không có văn bản phải rà soát", evidence: DOC }, score("2.3", 2),
    score("3.1", -0.5), data("3.2", "96%"), data("3.3", "40%"), data("3.4", "0/0"),
    score("4.1", 3), score("4.2", 2.5), { code: "4.3", self: "Không áp dụng" }, score("4.4.1", 0), data("4.4.2", 2), score("4.5", 1.5), data("4.6", "90%"),
    score("5.1", 0), score("5.2", 2),
    data("6.1", 3), data("6.2", "91%"), data("6.3", "60%"),
    data("8.1", 1), score("8.2", -1),
  ];
}

/** The fields holding survey items: a unit that sent nothing has data there only (API5-5). */
type SetItem = { rule?: { kind: string }; children?: SetItem[] };
const holdsSurvey = (i: SetItem): boolean => i.rule?.kind === "survey" || (i.children ?? []).some(holdsSurvey);
const surveyFields = new Set(SET.items.filter((f) => holdsSurvey(f as SetItem)).map((f) => f.code));
/** The fields made only of survey items: no sub-index for a unit without survey scores (migration 0021). */
const leavesOf = (i: SetItem): SetItem[] => (i.children?.length ? i.children.flatMap(leavesOf) : [i]);
const surveyOnly = new Set(SET.items.filter((f) => leavesOf(f as SetItem).every((l) => l.rule?.kind === "survey")).map((f) => f.code));

/** What the ranking must say of a unit, from scoreWorkbook alone. */
function expectedOf(counted: Report, server: Report | null, appraised: Report | null, surveyImported: boolean) {
  return {
    total: counted.total,
    max: counted.max,
    percent: counted.percent,
    band: counted.band,
    // A survey-only field is null without survey scores; nothing sent: the fields holding its imported survey scores carry their sub-index (API5-5), the others null.
    fields: server
      ? Object.fromEntries(counted.fields.map((f) => [f.code, f.adjustment || (!surveyImported && surveyOnly.has(f.code)) ? null : f.percent]))
      : Object.fromEntries(counted.fields.map((f) => [f.code, surveyImported && !f.adjustment && surveyFields.has(f.code) ? f.percent : null])),
    selfScore: server?.selfAssessable.score ?? null,
    appraisedScore: appraised?.selfAssessable.score ?? null,
    survey: { score: counted.survey.score, max: counted.survey.max, imported: surveyImported },
  };
}
const scored = (items: SubmissionItem[], survey?: Record<string, number>) => scoreWorkbook(gridFromItems(items, SET), SET, survey ? { survey } : {});

async function ok(res: Promise<{ status: number; text: string }>, status = 200): Promise<void> {
  const r = await res;
  expect(r.status, r.text).toBe(status);
}
const submit = (unit: string, items: SubmissionItem[]) => ok(call("POST", "/v1/submissions", { body: { period: P, unit, items }, at: AT, headers: { "Idempotency-Key": uniqueKey(unit) } }), 201);
const step = (unit: string, action: string) => ok(call("POST", `/v1/periods/${P}/units/${unit}/appraisal/transitions`, { body: { action }, at: AT }));
const appraise = (unit: string, items: Record<string, number>) =>
  ok(call("PUT", `/v1/periods/${P}/units/${unit}/appraisal/items`, { body: { items: Object.entries(items).map(([code, score]) => ({ code, score })) }, at: AT }));

describe("ranking under the v2 rules = the engine's scoreWorkbook", () => {
  it("ranks each unit by what the engine gives for its items, appraisal and survey", async () => {
    await ok(call("POST", "/v1/criteria-sets", { body: { set: SET, status: "published" } }), 201);
    await ok(call("POST", "/v1/periods", { body: { id: P, year: 2024, criteriaSet: { id: SET.id, version: 1 }, deadline: "2099-01-31T17:00:00+07:00" } }), 201);
    await ok(call("POST", "/v1/units", { body: { id: "t-v2-so-khao-sat", name: "Sở Chỉ Có Khảo Sát", type: "department", parentId: "tinh-minh-hoa", validFrom: "2020-01-01", validTo: null } }), 201);

    // so-noi-vu: as submitted, no survey (rescaled to 100)
    await submit("so-noi-vu", itemsOf());
    // so-tu-phap: as submitted, with a partial survey import (7.3 missing counts 0, no rescale)
    await submit("so-tu-phap", itemsOf({ "1.4.1": 2 }));
    const survey = { "7.1": 8, "7.2": 7.5 };
    await ok(call("POST", `/v1/periods/${P}/survey`, { rawBody: "unit;code;score\r\nso-tu-phap;7.1;8\r\nso-tu-phap;7.2;7,5\r\nt-v2-so-khao-sat;7.1;5\r\n", headers: { "Content-Type": "text/csv" } }), 201);
    // so-tai-chinh: appraised to final — 5.1 up (5.2's condition now met), 4.4.1 up (floor no longer needed), 1.4.1 up (best-of)
    const finalScores = { "5.1": 3, "4.4.1": 3, "1.4.1": 2 };
    await submit("so-tai-chinh", itemsOf());
    await step("so-tai-chinh", "start_review");
    await appraise("so-tai-chinh", finalScores);
    await step("so-tai-chinh", "finalize");
    // so-y-te: appraised, not final: ranked on the appraised scores all the same (CYC1-3), the server score shown beside them
    const pending = { "5.1": 1.5, "3.1": 3 };
    await submit("so-y-te", itemsOf({ "3.1": 1.5 }));
    await step("so-y-te", "start_review");
    await appraise("so-y-te", pending);

    const res = await call("GET", `/v1/periods/${P}/ranking`, { at: AT });
    expect(res.status).toBe(200);
    const byUnit = new Map<string, any>(res.body.items.map((i: { unit: string }) => [i.unit, i]));
    const noiVu = scored(itemsOf());
    const tuPhap = scored(itemsOf({ "1.4.1": 2 }), survey);
    const taiChinh = scored(itemsOf(finalScores));
    const yTe = scored(itemsOf({ "3.1": 1.5 }));
    // The period has survey scores (so-tu-phap's), so no unit is rescaled (§6: the rescale is
    // decided per period): a unit without survey scores counts them 0, as the engine does for an import of 0.
    const none = { "7.1": 0 };
    const expected = {
      "so-noi-vu": expectedOf(scored(itemsOf(), none), noiVu, null, false),
      "so-tu-phap": expectedOf(tuPhap, tuPhap, null, true),
      "so-tai-chinh": expectedOf(scored(itemsOf(finalScores), none), scored(itemsOf()), taiChinh, false),
      "so-y-te": expectedOf(scored(itemsOf(pending), none), yTe, scored(itemsOf(pending)), false),
      "t-v2-so-khao-sat": expectedOf(scored([], { "7.1": 5 }), null, null, true),
    };
    for (const [unit, want] of Object.entries(expected)) expect(byUnit.get(unit), unit).toMatchObject(want);

    // The rules really were exercised: best-of, floor, penalty, condition, both "not applicable", rescale.
    const item = (r: Report, code: string) => r.items.find((i) => i.code === code)!;
    expect([item(noiVu, "1.4.2").score, item(noiVu, "3.1").score, item(noiVu, "5.2").score, item(noiVu, "5.2").scoreIfConditionMet]).toEqual([1, -0.5, 0, 2]);
    expect([item(noiVu, "2.2").score, item(noiVu, "3.4").score, item(noiVu, "4.3").notApplicable]).toEqual([3, 3, true]);
    expect(noiVu.fields.find((f) => f.code === "4")!.score).toBe(9); // 3 + 2,5 + 4.4 floored at 0 (0 − 2) + 1,5 + 2
    expect([noiVu.max, tuPhap.max]).toEqual([68, 98]); // survey rescaled away without an import; 4.3 excluded in both
    expect([item(taiChinh, "5.2").score, taiChinh.fields.find((f) => f.code === "4")!.score, taiChinh.fields.find((f) => f.code === "1")!.score]).toEqual([2, 10, 9.1]); // 4.4 = 3 − 2; 1.4 = best of 2 and 1
    expect(byUnit.get("so-tai-chinh")).toMatchObject({ basis: "appraised", status: "final" });
    expect(byUnit.get("so-y-te")).toMatchObject({ basis: "appraised", status: "under_review" });
    expect(byUnit.get("t-v2-so-khao-sat")).toMatchObject({ basis: "none", submitted: false });
    // ranked by index, highest first
    const percents = res.body.items.map((i: { percent: number }) => i.percent);
    expect(percents).toEqual([...percents].sort((a: number, b: number) => b - a));
  });
});
