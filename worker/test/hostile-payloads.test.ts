/**
 * The acceptance check of issue 15: the red team's hostile payloads, sent to the real Worker
 * (workerd, real D1 and R2) from a unit token — or the admin's where only an admin may call
 * the route — each answered by a 4xx in the envelope (or, for workbooks that are merely
 * odd, a normal answer), never a 500, and /health answering right after each. That the
 * work stays bounded is proven by counting it (test/engine/bounded-work.test.ts); times
 * are measured in bench/, never asserted here.
 */
import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import app from "../src/index.ts";
import { farCellWorkbook, inflatedWorkbook, wideMergesWorkbook, wideRowsWorkbook } from "../../fixtures/hostile-workbooks.ts";
import { newPeriod } from "./cycle-helpers.ts";
import { BEFORE_DEADLINE, call, COMMUNE_SET, fullItems, TOKENS, uniqueKey, type Who } from "./helpers.ts";
import { observe } from "./observed-statuses.ts";

const P = "t-hostile-2024";

function base64(bytes: Uint8Array): string {
  let bin = "";
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

function nested(depth: number): unknown {
  let item: Record<string, unknown> = { code: "1", title: "Lồng nhau", max: 1 };
  for (let i = 0; i < depth; i++) item = { code: "1", title: "Lồng nhau", children: [item] };
  return item;
}

const submission = (extra: object) => ({ period: P, ...extra });
const fileOf = (bytes: Uint8Array, name = "tu-danh-gia.xlsx") => ({ file: { name, base64: base64(bytes) } });

interface Payload {
  name: string;
  as: Exclude<Who, "none" | "bogus">;
  method: string;
  path: string;
  body?: unknown;
  raw?: { text: string; type: string };
  /** The status expected, or "ok" for a normal 2xx answer. */
  expect: number | "ok";
}

const PAYLOADS = (): Payload[] => [
  {
    name: "the ~170-byte JSON grid with a merge to column 5,000,000",
    as: "unit",
    method: "POST",
    path: "/v1/submissions",
    body: submission({ grid: JSON.parse('{"sheets":[{"name":"S","rows":[[{"v":"STT"},{"v":"Tiêu chí"},{"v":"Điểm tối đa"}],[{"v":"1"},{"v":"A"},{"v":2}]],"merges":[{"s":{"r":0,"c":0},"e":{"r":1,"c":5000000}}]}]}') }),
    expect: 400,
  },
  { name: "a grid with 20,001 merges", as: "unit", method: "POST", path: "/v1/submissions", body: submission({ grid: { sheets: [{ name: "S", rows: [[{ v: 1 }]], merges: Array.from({ length: 20_001 }, (_, i) => ({ s: { r: i, c: 0 }, e: { r: i, c: 1 } })) }] } }), expect: 400 },
  { name: "the 1.5 KB .xlsx with 50 merges over A1:XFD61 (the table hidden under A1: no header)", as: "unit", method: "POST", path: "/v1/submissions", body: submission(fileOf(wideMergesWorkbook(50))), expect: 422 },
  { name: "an .xlsx with 50 merges over F1:XFD61 beside its table (scored)", as: "unit", method: "POST", path: "/v1/submissions", body: submission(fileOf(wideMergesWorkbook(50, "F1:XFD61"))), expect: "ok" },
  { name: "an .xlsx with one cell at XFD1048576 (scored from its table)", as: "unit", method: "POST", path: "/v1/submissions", body: submission(fileOf(farCellWorkbook("value"))), expect: "ok" },
  { name: "an .xlsx of 30 rows stretched to column XFD (too large to store)", as: "unit", method: "POST", path: "/v1/submissions", body: submission(fileOf(wideRowsWorkbook(30))), expect: 422 },
  { name: "an .xlsx of 70 rows stretched to column XFD (past the cell cap)", as: "unit", method: "POST", path: "/v1/submissions", body: submission(fileOf(wideRowsWorkbook(70))), expect: 422 },
  { name: "an .xlsx unpacking to 49 MB", as: "unit", method: "POST", path: "/v1/submissions", body: submission(fileOf(inflatedWorkbook(49))), expect: 422 },
  { name: "a file whose content type carries CR/LF", as: "unit", method: "POST", path: "/v1/submissions", body: submission({ items: fullItems(COMMUNE_SET), file: { name: "a.xlsx", base64: base64(farCellWorkbook("empty")), contentType: "application/vnd.ms-excel\r\nSet-Cookie: x=1" } }), expect: 400 },
  { name: "a text/html file", as: "unit", method: "POST", path: "/v1/submissions", body: submission({ items: fullItems(COMMUNE_SET), file: { name: "a.html", base64: base64(new TextEncoder().encode("<script>alert(1)</script>")), contentType: "text/html" } }), expect: 400 },
  { name: "a client report nested 1,000 levels deep", as: "unit", method: "POST", path: "/v1/submissions", body: submission({ items: fullItems(COMMUNE_SET), clientReport: nested(1000) }), expect: 400 },
  { name: "a criteria set nested 1,000 levels deep (admin)", as: "admin", method: "POST", path: "/v1/criteria-sets", body: { set: { ...COMMUNE_SET, id: `deep-${uniqueKey().slice(-6)}`, items: [nested(1000)] } }, expect: 400 },
  { name: "a criteria set nested 25 levels deep, within the JSON bound (admin)", as: "admin", method: "POST", path: "/v1/criteria-sets", body: { set: { ...COMMUNE_SET, id: `deep-${uniqueKey().slice(-6)}`, items: [nested(25)] } }, expect: 400 },
  { name: "a 2 MB CSV of bad survey lines (admin)", as: "admin", method: "POST", path: `/v1/periods/${P}/survey`, raw: { text: `${"x".repeat(100_000)};7.2;1\n${"khong-co-don-vi;9.9;mười một\n".repeat(57_000)}`, type: "text/csv" }, expect: 422 },
  { name: "appraised scores for a 100,000-digit code", as: "admin", method: "PUT", path: `/v1/periods/${P}/units/xa-an-phu/appraisal/items`, body: { items: [{ code: "1".repeat(100_000), score: 1 }] }, expect: 409 },
];

/** Through the Worker's entry with the deployed body limit (2 MiB; the test config lowers it to 512 KiB). */
async function send(p: Payload): Promise<{ status: number; text: string; body: any }> {
  const headers: Record<string, string> = { Authorization: `Bearer ${TOKENS[p.as]}`, "Idempotency-Key": uniqueKey("hostile"), "X-Test-Now": BEFORE_DEADLINE };
  headers["Content-Type"] = p.raw ? p.raw.type : "application/json";
  const request = new Request(`https://parindex.test${p.path}`, { method: p.method, headers, body: p.raw ? p.raw.text : JSON.stringify(p.body) });
  const ctx = createExecutionContext();
  const res = await app.fetch(request, { ...env, MAX_BODY_BYTES: undefined }, ctx);
  await waitOnExecutionContext(ctx);
  observe(p.method, p.path, res.status);
  const text = await res.text();
  return { status: res.status, text, body: JSON.parse(text) };
}

describe("hostile payloads (issue 15 acceptance)", () => {
  it("each answers as it should — never a 500 — in the envelope, with /health answering right after", { timeout: 120_000 }, async () => {
    await newPeriod(P);
    const wrong: string[] = [];
    for (const p of PAYLOADS()) {
      const res = await send(p);
      const ok = p.expect === "ok" ? res.status >= 200 && res.status < 300 : res.status === p.expect && typeof res.body?.error?.code === "string";
      if (!ok) wrong.push(`${p.name}: ${res.status} ${res.text.slice(0, 200)}`);
      // An answer stays small whatever came in: at most 100 issues, input quoted to 80 characters.
      if (res.status >= 400) {
        expect(res.body.error.issues?.length ?? 0, p.name).toBeLessThanOrEqual(100);
        expect(res.text.length, p.name).toBeLessThan(64 * 1024);
      }
      const health = await call("GET", "/health", { as: "none" });
      expect([p.name, health.status]).toEqual([p.name, 200]);
    }
    expect(wrong).toEqual([]);
  });

  it("a stored grid under 50 wide merges gives its evidence register", async () => {
    await newPeriod(P);
    const stored = await call("POST", "/v1/submissions", { as: "unit", body: submission(fileOf(wideMergesWorkbook(50, "F1:XFD61"))), headers: { "Idempotency-Key": uniqueKey() }, at: BEFORE_DEADLINE });
    expect(stored.status).toBe(201);
    const register = await call("GET", `/v1/submissions/${stored.body.id}/register`, { as: "unit" });
    expect(register.status).toBe(200);
    expect(register.body.documents.length).toBeGreaterThan(0);
  });
});
