/**
 * CYC1-2: a survey re-import replaces scores in place; the audit row now keeps each replaced
 * line's old and new score ({unit, code, from, to}), and the import answer says how many lines
 * changed a final unit's published result, so the province sees it.
 */
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { newPeriod, step, submitFor } from "./cycle-helpers.ts";
import { call, uniqueKey } from "./helpers.ts";

const survey = (p: string, csv: string) => call("POST", `/v1/periods/${p}/survey`, { rawBody: csv, headers: { "Content-Type": "text/csv" } });

describe("a survey re-import over a final result", () => {
  it("audits every replaced score from → to and answers how many lines changed a final unit's result", async () => {
    const p = await newPeriod(`t-svy-${uniqueKey().slice(-10)}`);
    await submitFor(p, "xa-an-loc");
    await submitFor(p, "xa-binh-hoa");
    expect((await step(p, "xa-an-loc", { action: "start_review" })).status).toBe(200);
    expect((await step(p, "xa-an-loc", { action: "finalize" })).status).toBe(200);
    const first = await survey(p, "unit;code;score\nxa-an-loc;7.1.1;4,5\nxa-an-loc;7.2;4\nxa-binh-hoa;7.2;3\n");
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ rows: 3, units: 2, finalChanged: 2 });

    const again = await survey(p, "xa-an-loc;7.1.1;2\nxa-an-loc;7.2;4\nxa-binh-hoa;7.2;1,5\n");
    expect(again.status).toBe(201);
    // 7.1.1 of a final unit changed; 7.2 kept its score; xa-binh-hoa is not final.
    expect(again.body).toMatchObject({ rows: 3, units: 2, finalChanged: 1 });
    const rows = (await env.DB.prepare("SELECT detail FROM audit_log WHERE action = 'survey.import' AND entity_id = ?1 ORDER BY id").bind(p).all<{ detail: string }>()).results;
    const detail = JSON.parse(rows.at(-1)!.detail);
    expect(detail.changes).toEqual([
      { unit: "xa-an-loc", code: "7.1.1", from: 4.5, to: 2, final: true },
      { unit: "xa-binh-hoa", code: "7.2", from: 3, to: 1.5, final: false },
    ]);
    expect(detail.finalChanged).toBe(1);
  });
});
