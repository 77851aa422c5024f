import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { readWorkbookBytes } from "../../xlsx/sheetjs-grid.ts";
import type { Report } from "../../shared/index.ts";
import type { GoldenCase } from "./golden-cases.ts";
import { call, uniqueKey } from "./helpers.ts";

/**
 * The Worker scores exactly as the CLI: for each golden workbook, SheetJS reads the same
 * bytes inside workerd, the grid goes through POST /v1/submissions, and the server's
 * report must equal scoreWorkbook's output computed in Node (global-setup.ts), read here
 * through the GOLDEN_CASES binding (golden-cases-file.ts).
 */
const cases = (await (await env.GOLDEN_CASES.fetch("http://golden-cases/")).json()) as GoldenCase[];
const AT = "2024-12-01T09:00:00+07:00";

function bytesOf(base64: string): Uint8Array {
  const bin = atob(base64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

const essentials = (r: Report) => ({
  criteriaSet: r.criteriaSet,
  total: r.total,
  max: r.max,
  percent: r.percent,
  band: r.band,
  selfAssessable: r.selfAssessable,
  items: r.items.map((i) => ({ code: i.code, self: i.self, score: i.score, cell: i.cell, notApplicable: i.notApplicable })),
  findings: r.findings.map((f) => `${f.code}|${f.criterion ?? ""}|${f.cell ?? ""}`),
});

/** A period and a unit of the set's type (created once, 409 when they exist). */
async function periodFor(criteria: { id: string; unitType: string; [key: string]: unknown }): Promise<{ period: string; unit: string }> {
  await call("POST", "/v1/criteria-sets", { body: { set: criteria, status: "published" } });
  const period = `golden-${criteria.id}`.toLowerCase().slice(0, 64);
  await call("POST", "/v1/periods", { body: { id: period, year: Number(criteria.year), criteriaSet: { id: criteria.id, version: 1 }, deadline: "2099-12-31T17:00:00+07:00" } });
  const unit = `golden-${criteria.unitType}`;
  // A unit sits where its type belongs: a province at the top, anything else under the demo province.
  const parentId = criteria.unitType === "province" ? null : "tinh-minh-hoa";
  await call("POST", "/v1/units", { body: { id: unit, name: `Golden ${criteria.unitType}`, type: criteria.unitType, parentId, validFrom: "2020-01-01" } });
  return { period, unit };
}

describe("golden fixtures: Worker score = CLI score", () => {
  it("has golden cases to compare", () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  it.each(cases.map((c) => [c.name, c] as const))("%s", async (_name, c) => {
    const read = readWorkbookBytes(bytesOf(c.bytes));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const { period, unit } = await periodFor(c.criteria);
    const res = await call("POST", "/v1/submissions", { body: { period, unit, grid: read.grid, ...(c.sheet ? { sheet: c.sheet } : {}) }, at: AT, headers: { "Idempotency-Key": uniqueKey(c.name) } });
    if (c.expected.findings.some((f) => f.code === "HEADER_NOT_FOUND")) {
      expect([res.status, res.body.error.code]).toEqual([422, "HEADER_NOT_FOUND"]);
      return;
    }
    expect(res.status).toBe(201);
    expect(essentials(res.body.report)).toEqual(essentials(c.expected));
    expect(res.body.report).toEqual(c.expected);
  });
});
