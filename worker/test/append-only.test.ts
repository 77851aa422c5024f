/**
 * What the record of a year is made of cannot be changed or removed, even by SQL that
 * bypasses the routes (triggers, migrations 0001, 0002 and 0006): the submitted versions,
 * their per-item scores (what rankings are summed from), their archived files, the
 * appraisal's events and explanations, and the audit log.
 */
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { AT, newPeriod, step, submitFor } from "./cycle-helpers.ts";
import { count } from "./helpers.ts";

const TABLES = ["submissions", "submission_items", "submission_files", "review_events", "explanations", "audit_log"];

describe("append-only tables", () => {
  it.each(TABLES)("%s refuses UPDATE and DELETE", async (table) => {
    // A period per table: once a unit's review has started it takes no new version (submit.ts).
    const P = `t-append-only-${TABLES.indexOf(table)}`;
    await newPeriod(P);
    const sub = await submitFor(P, "xa-an-loc", { file: { name: "a.xlsx", base64: "UEsDBAo=" } });
    await step(P, "xa-an-loc", { action: "start_review" });
    await step(P, "xa-an-loc", { action: "return", reason: "Giải trình" });
    await step(P, "xa-an-loc", { action: "explain", explanations: [{ code: "1.2", text: "Đã bổ sung" }] }, "admin", AT);
    const rows = await count(table);
    expect(rows, `${table} has rows to protect`).toBeGreaterThan(0);
    const column = (await env.DB.prepare(`SELECT name FROM pragma_table_info('${table}') LIMIT 1`).first<{ name: string }>())!.name;
    await expect(env.DB.prepare(`UPDATE ${table} SET ${column} = ${column}`).run()).rejects.toThrow(/append-only/);
    await expect(env.DB.prepare(`DELETE FROM ${table}`).run()).rejects.toThrow(/append-only/);
    expect(await count(table)).toBe(rows);
    expect(sub.id).toBeTruthy();
  });
});
