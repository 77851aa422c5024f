/**
 * Unknown fields in a JSON body are refused (400 VALIDATION_FAILED, an issue naming the key),
 * not silently dropped: `dryRun: true` on a submission must not store a version, and a
 * misspelt `evidance`, `acceptedWarning` or `lang` must not vanish unnoticed. What the
 * product's own clients send is still accepted: the add-in's bodies are rebuilt here key for
 * key (its modules are outside the Worker's TypeScript project).
 */
import { describe, expect, it } from "vitest";
import { scoreWorkbook, type CriteriaSet } from "../../shared/index.ts";
import { gridFromItems } from "../src/items-grid.ts";
import { AT, newPeriod, submitFor } from "./cycle-helpers.ts";
import { BEFORE_DEADLINE, call, count, COMMUNE_SET, fullItems, uniqueKey, type Who } from "./helpers.ts";

const P = "t-unknown-fields-2024";

async function expectUnknownKey(res: Awaited<ReturnType<typeof call>>, key: string, path = "") {
  expect([res.status, res.body?.error?.code], res.text).toEqual([400, "VALIDATION_FAILED"]);
  const issue = (res.body.error.issues as { path: string; message: string }[]).find((i) => i.message.includes(`"${key}"`));
  expect(issue, `an issue naming ${key}: ${res.text}`).toBeDefined();
  expect(issue!.path).toBe(path);
}

const post = (path: string, body: unknown, as: Who = "admin", at?: string) => call("POST", path, { body, as, ...(at ? { at } : {}), headers: { "Idempotency-Key": uniqueKey("unknown") } });

describe("unknown fields in a submission", () => {
  const items = fullItems(COMMUNE_SET);
  const submit = (body: Record<string, unknown>) => post("/v1/submissions", { period: "2024-commune", ...body }, "unit", BEFORE_DEADLINE);

  it("refuses dryRun: true (400 naming it) and stores no version", async () => {
    const before = await count("submissions");
    await expectUnknownKey(await submit({ items, dryRun: true }), "dryRun");
    expect(await count("submissions")).toBe(before);
  });

  it("refuses misspelt fields at the top level and inside items, warnings and the file", async () => {
    const before = await count("submissions");
    await expectUnknownKey(await submit({ items, acceptedWarning: [{ code: "EVIDENCE_MISSING", reason: "x" }] }), "acceptedWarning");
    await expectUnknownKey(await submit({ items, lang: "en" }), "lang");
    const [first, ...rest] = items;
    await expectUnknownKey(await submit({ items: [{ code: first!.code, self: first!.self, evidance: "Quyết định số 12" }, ...rest] }), "evidance", "items.0");
    await expectUnknownKey(await submit({ items, acceptedWarnings: [{ code: "EVIDENCE_MISSING", reason: "Đã có", criteria: "1.2" }] }), "criteria", "acceptedWarnings.0");
    await expectUnknownKey(await submit({ items, file: { name: "a.xlsx", base64: "UEsDBA==", type: "application/vnd.ms-excel" } }), "type", "file");
    expect(await count("submissions")).toBe(before);
  });
});

describe("unknown fields in the other write bodies", () => {
  it("units, merges, criteria sets and their status", async () => {
    const unit = { id: "xa-strict", name: "Xã Nghiêm", type: "commune", parentId: "tinh-minh-hoa", validFrom: "2025-07-01" };
    await expectUnknownKey(await post("/v1/units", { ...unit, parent: "tinh-minh-hoa" }), "parent");
    const merge = { into: { id: "xa-strict-2", name: "Xã Hợp", type: "commune", parentId: "tinh-minh-hoa" }, from: ["xa-an-loc"], date: "2026-01-01" };
    await expectUnknownKey(await post("/v1/units/merge", { ...merge, weight: { "xa-an-loc": 1 } }), "weight");
    await expectUnknownKey(await post("/v1/units/merge", { ...merge, into: { ...merge.into, validFrom: "2026-01-01" } }), "validFrom", "into");
    await expectUnknownKey(await post("/v1/criteria-sets", { set: { ...COMMUNE_SET, id: "strict-set" }, status: "draft", publish: true }), "publish");
    await expectUnknownKey(await post("/v1/criteria-sets/demo-commune-2024/versions/1/status", { status: "retired", reason: "x" }), "reason");
    const baseline = await call("PUT", "/v1/periods/baselines/xa-an-loc", { body: { year: 2023, percent: 80, note: "Sáp nhập", unit: "xa-an-loc" } });
    await expectUnknownKey(baseline, "unit");
  });

  it("review steps, appraised scores and bulk steps", async () => {
    await newPeriod(P);
    await submitFor(P, "xa-an-loc");
    const base = `/v1/periods/${P}/units/xa-an-loc/appraisal`;
    const step = (body: unknown) => call("POST", `${base}/transitions`, { body, as: "reviewer", at: AT });
    await expectUnknownKey(await step({ action: "start_review", reasons: "x" }), "reasons");
    await expectUnknownKey(await step({ action: "explain", explanations: [{ code: "1.2", text: "x", evidance: "y" }] }), "evidance", "explanations.0");
    const items = await call("PUT", `${base}/items`, { body: { items: [{ code: "1.2", score: 1, note: "x" }] }, as: "reviewer", at: AT });
    await expectUnknownKey(items, "note", "items.0");
    const bulk = await call("POST", `/v1/periods/${P}/appraisal/bulk`, { body: { action: "start_review", units: ["xa-an-loc"], unit: "xa-an-loc" }, as: "reviewer", at: AT });
    await expectUnknownKey(bulk, "unit");
    expect(await count("review_events", "period_id = ?1", P)).toBe(0);
  });

  it("activation: a redeem with an unknown field is refused before the code is looked at (no failed redeem counted)", async () => {
    const failures = await count("audit_log", "action = 'activation.fail'");
    await expectUnknownKey(await call("POST", "/v1/activate", { as: "none", body: { code: "ZZZZ-ZZZZ-ZZ", unit: "xa-an-loc" } }), "unit");
    expect(await count("audit_log", "action = 'activation.fail'")).toBe(failures);
  });
});

describe("what the add-in sends is still accepted", () => {
  it("its submission body (addin/src/submit.ts submissionBody: grid, acceptedWarnings, clientReport, locale, confirmedHeaders)", async () => {
    const set = COMMUNE_SET as unknown as CriteriaSet;
    const grid = gridFromItems(fullItems(COMMUNE_SET) as never, set);
    const sheet = grid.sheets[0]!;
    const confirmedHeaders = [{ sheet: sheet.name, headerTop: 0, headerBottom: 0, columns: { code: 0, title: 1 } }];
    const report = scoreWorkbook(grid, set, { locale: "vi", confirmedHeaders });
    const warning = report.findings.find((f) => f.severity === "warning");
    const accepted = warning ? [{ code: warning.code, reason: "Đã kiểm tra", ...(warning.criterion ? { criterion: warning.criterion } : {}), ...(warning.cell ? { cell: warning.cell } : {}) }] : [];
    const body = { period: "2024-commune", grid: { sheets: grid.sheets.filter((s) => report.sheets.includes(s.name)) }, acceptedWarnings: accepted, clientReport: report, locale: "vi", confirmedHeaders };
    const res = await call("POST", "/v1/submissions", { as: "unit", rawBody: JSON.stringify(body), at: BEFORE_DEADLINE, headers: { "Content-Type": "application/json; charset=utf-8", "Idempotency-Key": uniqueKey("addin") } });
    expect(res.status, res.text).toBe(201);
  });

  it("its activation, code issue, units import and criteria draft bodies (addin/src/api/client.ts)", async () => {
    const issued = await post("/v1/activation-codes?days=14", { units: ["xa-an-phu-loc"] }, "admin", "2025-08-01T09:00:00+07:00");
    expect(issued.status, issued.text).toBe(201);
    const activated = await call("POST", "/v1/activate", { as: "none", body: { code: issued.body.items[0].code }, at: "2025-08-01T09:05:00+07:00" });
    expect(activated.status, activated.text).toBe(201);
    const preview = await call("POST", "/v1/units/import", { body: { rows: [{ row: 2, name: "Xã Thử Nghiệm", type: "Xã", parent: "tinh-minh-hoa", validFrom: "01/07/2025" }], dryRun: true } });
    expect(preview.status, preview.text).toBe(200);
    const draft = await post("/v1/criteria-sets", { set: { ...COMMUNE_SET, id: "addin-strict-draft" }, status: "draft" });
    expect(draft.status, draft.text).toBe(201);
  });
});
