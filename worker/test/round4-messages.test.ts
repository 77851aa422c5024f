/**
 * Red-team round 4 (Worker API), messages that said something other than what happened: a
 * refused score is shown as sent (4,251, not 4,25); a citation dated on a day that does not
 * exist is flagged as such in the register, not as undated; a survey CSV saved as UTF-16 is
 * named as the wrong encoding, not as unknown units full of NUL characters; the baseline's
 * "two decimals" refusal speaks Vietnamese first.
 */
import { describe, expect, it } from "vitest";
import { parseSurveyCsv } from "../../shared/index.ts";
import { AT, newPeriod } from "./cycle-helpers.ts";
import { call, COMMUNE_SET, count, fullItems, uniqueKey } from "./helpers.ts";
import { workerFetch } from "./observed-statuses.ts";

const periodId = (tag: string) => `t-r4m-${tag}-${uniqueKey().slice(-8)}`;

async function submitWith(period: string, changes: Record<string, { self?: number; evidence?: string }>) {
  const items = fullItems(COMMUNE_SET).map((i) => (changes[i.code] ? { ...i, ...changes[i.code] } : i));
  const res = await call("POST", "/v1/submissions", { body: { period, unit: "xa-an-loc", items }, at: AT, headers: { "Idempotency-Key": uniqueKey() } });
  expect(res.status).toBe(201);
  return res.body as { id: string; report: { findings: { code: string; criterion?: string; message: string }[] } };
}

describe("a refused score is shown as it was sent", () => {
  it("SCORE_STEP and SCORE_OVER_MAX quote 1,251 and 3,004, not the rounded 1,25 and 3", async () => {
    const p = await newPeriod(periodId("step"));
    const { report } = await submitWith(p, { "1.3": { self: 1.251 }, "4.3": { self: 3.004 } });
    const message = (code: string) => report.findings.find((f) => f.code === code)?.message;
    expect(message("SCORE_STEP")).toMatch(/^Điểm 1,251 của tiêu chí 1\.3 không đúng bước 0,5 /);
    expect(message("SCORE_OVER_MAX")).toMatch(/^Điểm tự đánh giá của tiêu chí 4\.3 là 3,004, vượt điểm tối đa 3:/);
  });
});

describe("the evidence register names a date that does not exist", () => {
  it("flags DATE_INVALID (not NO_DATE) with a message of its own, Vietnamese first, in JSON and CSV", async () => {
    const p = await newPeriod(periodId("reg"));
    const { id } = await submitWith(p, {
      "1.3": { evidence: "Quyết định số 7/QĐ-UBND ngày 30/02/2024" },
      "4.3": { evidence: "Kế hoạch số 8/KH-UBND ngày 12/25/2024" },
    });
    const register = await call("GET", `/v1/submissions/${id}/register`);
    expect(register.status).toBe(200);
    const doc = (key: string) => register.body.documents.find((d: { key: string }) => d.key === key);
    expect([doc("7/qd-ubnd").flags, doc("7/qd-ubnd").dates]).toEqual([["DATE_INVALID"], []]);
    expect(doc("7/qd-ubnd").messages.vi).toEqual(["Quyết định số 7/QĐ-UBND (tiêu chí 1.3) ghi ngày 30/02/2024, nhưng tháng 02 năm 2024 không có ngày 30: kiểm tra lại ngày ban hành của văn bản."]);
    expect(doc("7/qd-ubnd").messages.en).toEqual(["Quyết định số 7/QĐ-UBND (1.3) is dated 30/02/2024, a day February 2024 does not have: check the date it was issued."]);
    expect(doc("8/kh-ubnd").flags).toEqual(["DATE_INVALID"]);
    expect(doc("8/kh-ubnd").messages.vi[0]).toMatch(/ghi ngày 12\/25\/2024: không có tháng 25, có lẽ đã ghi tháng trước ngày; ghi theo ngày\/tháng\/năm \(25\/12\/2024\)/);
    expect(register.body.counts).toMatchObject({ DATE_INVALID: 2, NO_DATE: 0 });

    const csv = await call("GET", `/v1/submissions/${id}/register?format=csv&lang=vi`);
    expect(csv.text).toContain("ghi ngày 30/02/2024, nhưng tháng 02 năm 2024 không có ngày 30");
    expect(csv.text).not.toContain("không ghi ngày văn bản");
  });
});

describe("a survey CSV saved as UTF-16 is named as such", () => {
  const LINES = "unit;code;score\r\nxa-an-loc;7.1.1;4\r\n";
  const utf16le = (text: string) => new Uint8Array([0xff, 0xfe, ...[...text].flatMap((ch) => [ch.charCodeAt(0), 0])]);
  const utf16be = (text: string) => new Uint8Array([...text].flatMap((ch) => [0, ch.charCodeAt(0)]));

  it.each([
    ["UTF-16 LE with its BOM (Excel's Unicode Text)", utf16le(LINES)],
    ["UTF-16 BE without a BOM", utf16be(LINES)],
  ])("%s → 422 saying to save it as CSV UTF-8, Vietnamese first; nothing imported", async (_name, bytes) => {
    const p = await newPeriod(periodId("survey"));
    const res = await workerFetch(`https://parindex.test/v1/periods/${p}/survey`, {
      method: "POST",
      headers: { Authorization: "Bearer demo-admin", "Content-Type": "text/csv", "X-Test-Now": AT },
      body: bytes,
    });
    const body = (await res.json()) as { error: { code: string; issues: { path: string; message: string }[] } };
    expect([res.status, body.error.code]).toEqual([422, "SURVEY_INVALID"]);
    expect(body.error.issues).toHaveLength(1);
    expect(body.error.issues[0]!.message).toMatch(/^Tệp không phải CSV UTF-8 .*"CSV UTF-8 \(Comma delimited\) \(\*\.csv\)".* \/ The file is not UTF-8 CSV/);
    expect(body.error.issues[0]!.message).not.toContain("\u0000");
    expect(await count("survey_scores", "period_id = ?1", p)).toBe(0);
  });

  it("the CLI's survey file is read by the same rule", () => {
    const text = new TextDecoder().decode(utf16le("7.1.1,4\r\n"));
    const parsed = parseSurveyCsv(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors.map((e) => e.message.vi)).toEqual([expect.stringMatching(/^Tệp không phải CSV UTF-8/)]);
    expect(parseSurveyCsv("\uFEFF7.1.1,4\r\n")).toEqual({ ok: true, scores: { "7.1.1": 4 } });
  });
});

describe("the baseline's refusal speaks Vietnamese first", () => {
  it("a percent with three decimals → 400 'tối đa hai chữ số thập phân / at most two decimals'", async () => {
    const res = await call("PUT", "/v1/periods/baselines/xa-an-loc", { body: { year: 2023, percent: 70.125, note: "Kết quả năm 2023" } });
    expect([res.status, res.body.error.issues]).toEqual([400, [{ path: "percent", message: "tối đa hai chữ số thập phân / at most two decimals" }]]);
  });
});
