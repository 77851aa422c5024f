/**
 * Red-team round 4 (Worker API), the cycle's edges: an explanation (giải trình) of a code the
 * appraisal never shows is refused, not stored out of sight; a day-deadline lasts through the
 * last millisecond of that day for submission, /v1/me and the board alike; a JSON body that
 * declares a charset other than UTF-8 is refused (415); a diff compares versions of one unit in
 * one period only.
 */
import { describe, expect, it } from "vitest";
import { AT, newPeriod, step, submitFor } from "./cycle-helpers.ts";
import { bearer, call, COMMUNE_SET, count, createToken, fullItems, uniqueKey } from "./helpers.ts";

const periodId = (tag: string) => `t-r4-${tag}-${uniqueKey().slice(-8)}`;

describe("an explanation names a leaf the appraisal shows", () => {
  it("refuses a group's code or an unknown one with 422 in the envelope, per explanation, and stores nothing", async () => {
    const p = await newPeriod(periodId("explain"));
    await submitFor(p, "xa-an-loc");
    expect((await step(p, "xa-an-loc", { action: "start_review" })).status).toBe(200);
    expect((await step(p, "xa-an-loc", { action: "return", reason: "Giải trình tiêu chí 1" })).status).toBe(200);
    const stored = () => count("explanations", "period_id = ?1 AND unit_id = ?2", p, "xa-an-loc");

    const group = await step(p, "xa-an-loc", { action: "explain", explanations: [{ code: "1.2", text: "Đã bổ sung" }, { code: "1", text: "Cả lĩnh vực 1" }] }, "admin");
    expect([group.status, group.body.error.code]).toEqual([422, "UNKNOWN_CRITERION"]);
    expect(group.body.error.issues).toEqual([{ path: "explanations.1.code", message: expect.stringMatching(/^"1" là nhóm tiêu chí.*1\.1\.1, 1\.1\.2, 1\.2, 1\.3, 1\.4.* \/ "1" is a group/) }]);
    expect(group.body.error.message).toMatch(/^Giải trình không hợp lệ/);

    const both = await step(p, "xa-an-loc", { action: "explain", explanations: [{ code: "1.1", text: "x" }, { code: "99.9", text: "y" }] }, "admin");
    expect([both.status, both.body.error.code, both.body.error.issues.map((i: { path: string }) => i.path)]).toEqual([422, "UNKNOWN_CRITERION", ["explanations.0.code", "explanations.1.code"]]);
    expect(both.body.error.issues[1].message).toMatch(/^Không có tiêu chí "99\.9" trong bộ demo-commune-2024 \/ /);

    expect(await stored()).toBe(0);
    const view = await call("GET", `/v1/periods/${p}/units/xa-an-loc/appraisal`, { at: AT });
    expect([view.body.status, view.body.turn]).toEqual(["returned_for_explanation", "unit"]);

    // A leaf's explanation is stored and shown on that leaf.
    const leaf = await step(p, "xa-an-loc", { action: "explain", explanations: [{ code: "1.1.1", text: "Đã ban hành kế hoạch" }] }, "admin");
    expect(leaf.status).toBe(200);
    expect(leaf.body.items.find((i: { code: string }) => i.code === "1.1.1").explanations).toMatchObject([{ round: 1, text: "Đã ban hành kế hoạch" }]);
    expect(await stored()).toBe(1);
  });
});
