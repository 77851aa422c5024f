/**
 * Activation codes (issue 16) against the real Worker and D1: issue (one, a list, a whole
 * district; JSON, CSV, XLSX), redeem once, 410 when spent, the same 401 for unknown and
 * expired, concurrency, idempotent replays, rate limits, audit rows, and that no code or
 * token is kept in clear or reaches a log line or a sheet it should not.
 */
import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import * as XLSX from "@e965/xlsx";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ActivationSchema, IssuedCodeSchema, IssuedCodesSchema, MeSchema, normalizeActivationCode } from "../../shared/index.ts";
import { activationCodeHash } from "../src/onboarding/activation-code.ts";
import app from "../src/index.ts";
import { ADDRESS_LIMIT, GLOBAL_LIMIT } from "../src/onboarding/redeem.ts";
import { bearer, call, count, createToken, uniqueKey } from "./helpers.ts";
import { observe, workerFetch } from "./observed-statuses.ts";

/** Inside 2024's three-tier structure (the communes close on 30/06/2025). */
const EARLY_2025 = "2025-01-15T09:00:00+07:00";
let address = 0;
/** Each redeem from its own client address unless told, so the per-address limit stays out of the way. */
const activate = (code: unknown, opts: { ip?: string; at?: string; lang?: string } = {}) =>
  call("POST", "/v1/activate", {
    as: "none",
    body: { code },
    at: opts.at ?? EARLY_2025,
    headers: { "CF-Connecting-IP": opts.ip ?? `198.51.100.${++address % 250}`, ...(opts.lang ? { "Accept-Language": opts.lang } : {}) },
  });
const issue = async (unit: string, opts: { as?: "admin" | "reviewer"; query?: string; at?: string } = {}) =>
  call("POST", `/v1/units/${unit}/activation-codes${opts.query ?? ""}`, { as: opts.as ?? "admin", at: opts.at ?? EARLY_2025 });

describe("issuing one code", () => {
  it("answers 201 with a phone-friendly code, valid 14 days by default, stored only as its hash, audited without it", async () => {
    const res = await issue("xa-an-loc");
    expect(res.status).toBe(201);
    const issued = IssuedCodeSchema.parse(res.body);
    expect(issued).toMatchObject({ unit: { id: "xa-an-loc", name: "Xã An Lộc" }, role: "unit", expiresAt: "2025-01-29T23:59:59+07:00" });
    expect(issued.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{2}$/);
    const plain = issued.code.replace(/-/g, "");
    const tables = await everyRow();
    expect(tables).not.toContain(plain);
    expect(tables).not.toContain(issued.code);
    const row = await env.DB.prepare("SELECT id, created_by FROM activation_codes WHERE unit_id = 'xa-an-loc' ORDER BY created_at DESC LIMIT 1").first<{ id: string; created_by: string }>();
    expect(row?.created_by).toBe("tok-demo-admin");
    const audit = await env.DB.prepare("SELECT action, token_id, detail FROM audit_log WHERE entity = 'activation_code' AND entity_id = ?1").bind(row!.id).all();
    expect(audit.results).toEqual([{ action: "activation_code.issue", token_id: "tok-demo-admin", detail: JSON.stringify({ unit: "xa-an-loc", expiresAt: issued.expiresAt }) }]);
  });

  it("takes ?days= from 1 to 60, through the end of that day in Vietnam time", async () => {
    expect((await issue("xa-an-loc", { query: "?days=60" })).body.expiresAt).toBe("2025-03-16T23:59:59+07:00");
    expect((await issue("xa-an-loc", { query: "?days=1", at: "2025-01-15T23:30:00+07:00" })).body.expiresAt).toBe("2025-01-16T23:59:59+07:00");
    for (const days of ["0", "61", "abc"]) expect((await issue("xa-an-loc", { query: `?days=${days}` })).status).toBe(400);
  });

  it("lets a reviewer issue for the units strictly below its own only", async () => {
    expect((await issue("xa-an-loc", { as: "reviewer" })).status).toBe(201);
    const own = await issue("huyen-an-binh", { as: "reviewer" });
    expect(own.status).toBe(403);
    expect(own.body.error.code).toBe("UNIT_NOT_BELOW");
    for (const unit of ["xa-dong-hai", "tinh-minh-hoa", "no-such-unit"]) {
      const res = await issue(unit, { as: "reviewer" });
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe("UNIT_NOT_FOUND");
    }
    expect((await call("POST", "/v1/units/xa-an-phu/activation-codes", { as: "unit" })).status).toBe(403);
  });

  it("refuses a unit closed by a merge (422) and says to enrol its successor", async () => {
    const res = await issue("xa-an-loc", { at: "2025-08-01T09:00:00+07:00" });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: "UNIT_NOT_OPEN" });
    expect(res.body.error.message).toContain("đơn vị kế thừa");
    expect((await issue("xa-an-phu-loc", { at: "2025-08-01T09:00:00+07:00" })).status).toBe(201);
  });
});

describe("a unit has one live code", () => {
  it("issuing a code withdraws the unit's earlier unused ones (401 as an unknown code, an audit row each); used codes and other units' stay as they were", async () => {
    const first = IssuedCodeSchema.parse((await issue("xa-tan-hoa")).body);
    const other = IssuedCodeSchema.parse((await issue("phuong-my-xuan")).body);
    const spent = IssuedCodeSchema.parse((await issue("xa-tan-hoa")).body);
    expect((await activate(spent.code)).status).toBe(201);
    const second = IssuedCodeSchema.parse((await issue("xa-tan-hoa", { at: "2025-01-16T09:00:00+07:00" })).body);
    // `spent` was redeemed before `second` was issued: still used (410), not withdrawn.
    expect((await activate(spent.code, { at: "2025-01-16T10:00:00+07:00" })).status).toBe(410);
    const withdrawn = await activate(first.code, { at: "2025-01-16T10:00:00+07:00" });
    expect(withdrawn.status).toBe(401);
    expect(withdrawn.body.error.code).toBe("ACTIVATION_INVALID");
    const audit = await env.DB.prepare(
      "SELECT a.token_id, json_extract(a.detail, '$.unit') AS unit FROM audit_log a JOIN activation_codes c ON c.id = a.entity_id WHERE a.action = 'activation_code.withdraw' AND c.unit_id = 'xa-tan-hoa'",
    ).all();
    // `first`, withdrawn when `spent` was issued; nothing was left to withdraw when `second` was.
    expect(audit.results).toEqual([{ token_id: "tok-demo-admin", unit: "xa-tan-hoa" }]);
    const failure = await env.DB.prepare("SELECT json_extract(detail, '$.reason') AS reason FROM audit_log WHERE action = 'activation.fail' ORDER BY id DESC LIMIT 1").first<{ reason: string }>();
    expect(failure?.reason).toBe("withdrawn");
    expect((await activate(other.code, { at: "2025-01-16T10:00:00+07:00" })).status).toBe(201);
    expect((await activate(second.code, { at: "2025-01-16T10:00:00+07:00" })).status).toBe(201);
  });
});

describe("redeeming a code", () => {
  it("gives the unit's token once (201), which then works; the code's row is spent and audited", async () => {
    const { code } = (await issue("xa-binh-hoa")).body;
    const res = await activate(code);
    expect(res.status).toBe(201);
    const activation = ActivationSchema.parse(res.body);
    expect(activation).toMatchObject({ unit: { id: "xa-binh-hoa", name: "Xã Bình Hòa" }, role: "unit", expiresAt: "2026-02-19T23:59:59+07:00" });
    const me = await call("GET", "/v1/me", { headers: bearer(activation.token), at: EARLY_2025 });
    expect(MeSchema.parse(me.body)).toMatchObject({ role: "unit", unit: { id: "xa-binh-hoa" } });
    expect(await everyRow()).not.toContain(activation.token);
    const spent = await env.DB.prepare("SELECT c.id, c.used_at, t.unit_id, t.role, t.expires_at FROM activation_codes c JOIN tokens t ON t.id = c.token_id WHERE c.token_id IS NOT NULL AND t.unit_id = 'xa-binh-hoa'").first<Record<string, string>>();
    expect(spent).toMatchObject({ unit_id: "xa-binh-hoa", role: "unit", expires_at: activation.expiresAt });
    const audit = await env.DB.prepare("SELECT action, detail FROM audit_log WHERE entity_id = ?1 ORDER BY id").bind(spent!.id).all<{ action: string; detail: string }>();
    expect(audit.results.map((a) => a.action)).toEqual(["activation_code.issue", "activation_code.redeem"]);

    const again = await activate(code);
    expect(again.status).toBe(410);
    expect(again.body.error.code).toBe("ACTIVATION_USED");
    expect(again.body.error.message).toMatch(/đã được dùng.*cấp mã mới/);
  });

  it("reads the code as people type it: lower case, spaces, O for 0, I or L for 1", async () => {
    // Codes of its own (the demo codes of the seed are withdrawn by codes other tests issue for their units).
    for (const [n, code] of [[1, "D0D1-0000-71"], [2, "D0D1-0000-72"]] as const) {
      await env.DB.prepare("INSERT INTO activation_codes (id, code_hash, unit_id, created_at, expires_at) VALUES (?1, ?2, 'xa-dong-tien', ?3, '2099-12-31T23:59:59+07:00')")
        .bind(`act-typed-${n}`, await activationCodeHash(normalizeActivationCode(code)!), "2025-01-01T00:00:00Z")
        .run();
    }
    expect((await activate("d0d1 0000 71")).status).toBe(201);
    expect((await activate("DODL-OOOO-72")).status).toBe(201);
  });

  it("answers unknown, expired and malformed codes alike (401 ACTIVATION_INVALID), in English on request", async () => {
    const { code } = (await issue("thi-tran-an-binh", { query: "?days=1" })).body;
    const expired = await activate(code, { at: "2025-01-17T00:00:01+07:00" });
    const unknown = await activate("ZZZZ-ZZZZ-ZZ");
    const malformed = await activate("12345");
    const seeded = await activate("DEM0-0000-EX");
    const empty = await activate("");
    for (const res of [expired, unknown, malformed, seeded, empty]) {
      expect(res.status).toBe(401);
      expect(res.text).toBe(unknown.text);
    }
    expect(unknown.body.error.message).toBe("Mã kích hoạt không đúng hoặc đã hết hạn: kiểm tra lại 10 ký tự (dạng ABCD-EFGH-JK) hoặc đề nghị nơi cấp mã cấp mã mới.");
    const english = await activate("ZZZZ-ZZZZ-ZY", { lang: "en-US,en;q=0.9" });
    expect(english.body.error.message).toMatch(/^The activation code is wrong or has expired/);
    expect((await activate("DEM0-0000-D0")).status).toBe(410);
  });

  it("of two, five or ten concurrent redeems of one code, exactly one gets a token", async () => {
    for (const n of [2, 5, 10]) {
      const { code } = (await issue("phuong-my-xuan")).body;
      const tokensBefore = await count("tokens", "unit_id = 'phuong-my-xuan'");
      const answers = await Promise.all(Array.from({ length: n }, () => activate(code)));
      expect(answers.map((a) => a.status).sort()).toEqual([201, ...Array(n - 1).fill(410)]);
      expect(await count("tokens", "unit_id = 'phuong-my-xuan'")).toBe(tokensBefore + 1);
    }
  });

  it("refuses every redeem from an address after 10 failures in 15 minutes (429, Retry-After), the right code too", async () => {
    const ip = "203.0.113.7";
    const at = "2025-02-01T10:00:00+07:00";
    const { code } = (await issue("xa-son-thuy", { at })).body;
    for (let i = 0; i < ADDRESS_LIMIT.failures; i++) expect((await activate(`WRNG-0000-${String(i).padStart(2, "0")}`, { ip, at })).status).toBe(401);
    const limited = await activate(code, { ip, at });
    expect(limited.status).toBe(429);
    expect(limited.headers.get("Retry-After")).toBe("900");
    expect(limited.body.error).toMatchObject({ code: "ACTIVATION_RATE_LIMITED" });
    expect(limited.body.error.message).toContain("đợi 15 phút");
    expect((await activate(code, { ip, at: "2025-02-01T10:15:01+07:00" })).status).toBe(201);
  });

  it("refuses every redeem once the province as a whole has 1,000 failures in the last hour", async () => {
    const hourStart = "2031-03-01T10:00:00.000Z";
    await env.DB.prepare(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?1)
       INSERT INTO audit_log (at, token_id, action, entity, entity_id, detail) SELECT ?2, NULL, 'activation.fail', 'activation', 'addr-' || (i % 97), '{"reason":"unknown"}' FROM n`,
    )
      .bind(GLOBAL_LIMIT.failures, hourStart)
      .run();
    const limited = await activate("ZZZZ-ZZZZ-ZZ", { at: "2031-03-01T10:30:00.000Z" });
    expect(limited.status).toBe(429);
    expect(limited.headers.get("Retry-After")).toBe("3600");
    expect((await activate("ZZZZ-ZZZZ-ZZ", { at: "2031-03-01T11:00:01.000Z" })).status).toBe(401);
  });

  it("writes one audit row per failed redeem, with why and never the code", async () => {
    const before = await count("audit_log", "action = 'activation.fail'");
    const typed = "QQQQ-RRRR-SS";
    await activate(typed, { ip: "192.0.2.44" });
    await activate("DEM0-0000-D0", { ip: "192.0.2.44" });
    const rows = await env.DB.prepare("SELECT detail FROM audit_log WHERE action = 'activation.fail' ORDER BY id DESC LIMIT 2").all<{ detail: string }>();
    expect(await count("audit_log", "action = 'activation.fail'")).toBe(before + 2);
    expect(rows.results.map((r) => JSON.parse(r.detail))).toEqual([{ reason: "used", code: "act-demo-used" }, { reason: "unknown" }]);
    expect(await everyRow()).not.toContain("QQQQRRRRSS");
    expect(await everyRow()).not.toContain("192.0.2.44");
  });
});

describe("issuing codes for many units at once", () => {
  it("issues for a list, or every open unit below a district (reviewers within their subtree)", async () => {
    const list = await call("POST", "/v1/activation-codes", { body: { units: ["xa-dong-hai", "xa-dong-tien"] }, at: EARLY_2025 });
    expect(list.status).toBe(201);
    expect(IssuedCodesSchema.parse(list.body).items.map((i) => i.unit.id)).toEqual(["xa-dong-hai", "xa-dong-tien"]);
    const district = await call("POST", "/v1/activation-codes", { as: "reviewer", body: { under: "huyen-an-binh" }, at: EARLY_2025 });
    expect(district.status).toBe(201);
    expect(district.body.items.map((i: { unit: { name: string } }) => i.unit.name)).toEqual(["Thị trấn An Bình", "Xã An Lộc", "Xã An Phú", "Xã Bình Hòa"]);
    expect(new Set(district.body.items.map((i: { code: string }) => i.code)).size).toBe(4);
  });

  it("names unknown and out-of-scope units together (422) and issues nothing", async () => {
    const before = await count("activation_codes");
    for (const body of [{ units: ["xa-an-loc", "xa-dong-hai"] }, { under: "huyen-dong-son" }, { units: ["nope"] }]) {
      const res = await call("POST", "/v1/activation-codes", { as: "reviewer", body, at: EARLY_2025 });
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe("UNKNOWN_UNITS");
    }
    const none = await call("POST", "/v1/activation-codes", { body: { under: "xa-an-loc" }, at: EARLY_2025 });
    expect(none.status).toBe(422);
    expect(none.body.error.code).toBe("NO_UNITS_UNDER");
    expect(await count("activation_codes")).toBe(before);
  });

  it("gives the sheet to hand out as CSV for Excel: BOM, ';', dd/mm/yyyy, one instruction line, no token", async () => {
    const res = await workerFetch("https://parindex.test/v1/activation-codes?format=csv&days=30", {
      method: "POST",
      headers: { ...bearer("demo-admin"), "Content-Type": "application/json", "X-Test-Now": EARLY_2025 },
      body: JSON.stringify({ units: ["xa-tan-hoa", "phuong-phu-my"] }),
    });
    expect(res.status).toBe(201);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder("utf-8", { fatal: false, ignoreBOM: true }).decode(bytes);
    expect(res.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("Content-Disposition")).toBe(`attachment; filename="ma-kich-hoat-2025-01-15.csv"; filename*=UTF-8''ma-kich-hoat-2025-01-15.csv`);
    expect(res.headers.get("X-Content-Type-Options")).toBe("nosniff");
    const lines = text.split("\r\n");
    expect(lines[0]).toBe("\uFEFFĐơn vị;Trực thuộc;Mã đơn vị;Mã kích hoạt;Dùng được đến hết ngày;Cách dùng");
    expect(lines[1]).toMatch(/^Xã Tân Hòa;Thị xã Phú Mỹ;xa-tan-hoa;[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{2};14\/02\/2025;Mở Chỉ số CCHC .*Mỗi mã chỉ dùng được một lần\.$/);
    expect(lines[2]).toMatch(/^Phường Phú Mỹ;Thị xã Phú Mỹ;phuong-phu-my;/);
    expect(text).not.toMatch(/pi_|demo-admin/);
  });

  it("gives it as XLSX: a sheet with the codes and a real date cell", async () => {
    const res = await workerFetch("https://parindex.test/v1/activation-codes?format=xlsx", {
      method: "POST",
      headers: { ...bearer("demo-admin"), "Content-Type": "application/json", "X-Test-Now": EARLY_2025, "Accept-Language": "en" },
      body: JSON.stringify({ units: ["xa-son-thuy"] }),
    });
    expect(res.status).toBe(201);
    expect(res.headers.get("Content-Type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect([res.headers.get("Content-Disposition"), res.headers.get("X-Content-Type-Options")]).toEqual([`attachment; filename="ma-kich-hoat-2025-01-15.xlsx"; filename*=UTF-8''ma-kich-hoat-2025-01-15.xlsx`, "nosniff"]);
    const workbook = XLSX.read(new Uint8Array(await res.arrayBuffer()), { type: "array", cellNF: true });
    expect(workbook.SheetNames).toEqual(["Activation codes"]);
    const sheet = workbook.Sheets["Activation codes"]!;
    expect(sheet.A1?.v).toBe("Unit");
    expect(sheet.B2?.v).toBe("Huyện Đông Sơn");
    expect(sheet.C2?.v).toBe("xa-son-thuy");
    expect(String(sheet.D2?.v)).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{2}$/);
    expect(sheet.E2).toMatchObject({ t: "n", z: "dd/mm/yyyy", w: "29/01/2025" });
  });

  it("replays the same codes for the same Idempotency-Key, issuing nothing more; another body → 409", async () => {
    const headers = { "Idempotency-Key": uniqueKey("codes") };
    const body = { units: ["xa-an-phu", "xa-an-loc"] };
    const before = await count("activation_codes");
    const [first, twin] = await Promise.all([
      call("POST", "/v1/activation-codes", { body, headers, at: EARLY_2025 }),
      call("POST", "/v1/activation-codes", { body, headers, at: EARLY_2025 }),
    ]);
    const later = await call("POST", "/v1/activation-codes", { body, headers, at: EARLY_2025 });
    expect([first.status, twin.status, later.status]).toEqual([201, 201, 201]);
    expect(twin.text).toBe(first.text);
    expect(later.text).toBe(first.text);
    expect(await count("activation_codes")).toBe(before + 2);
    const stored = await env.DB.prepare("SELECT response FROM idempotency_keys WHERE key = ?1").bind(headers["Idempotency-Key"]).first<{ response: string }>();
    expect(stored?.response).toMatch(/^sealed:v1:/);
    for (const item of first.body.items) expect(await everyRow()).not.toContain(item.code);

    const other = await call("POST", "/v1/activation-codes", { body: { units: ["xa-an-phu"] }, headers, at: EARLY_2025 });
    expect(other.status).toBe(409);
    expect(other.body.error.code).toBe("IDEMPOTENCY_KEY_REUSED");
  });

  it("treats the same key for another unit or another ?days= as another request (409), and a key is per token", async () => {
    const headers = { "Idempotency-Key": uniqueKey("one") };
    const first = await call("POST", "/v1/units/xa-an-loc/activation-codes", { headers, at: EARLY_2025 });
    expect((await call("POST", "/v1/units/xa-an-loc/activation-codes", { headers, at: EARLY_2025 })).text).toBe(first.text);
    expect((await call("POST", "/v1/units/xa-binh-hoa/activation-codes", { headers, at: EARLY_2025 })).status).toBe(409);
    expect((await call("POST", "/v1/units/xa-an-loc/activation-codes?days=20", { headers, at: EARLY_2025 })).status).toBe(409);
    const reviewer = await call("POST", "/v1/units/xa-an-loc/activation-codes", { as: "reviewer", headers, at: EARLY_2025 });
    expect(reviewer.status).toBe(201);
    expect(reviewer.body.code).not.toBe(first.body.code);
  });
});

describe("no code or token in a log line", () => {
  afterEach(() => vi.restoreAllMocks());

  it("prints nothing that holds a code or a token while issuing, redeeming and failing", async () => {
    const lines: string[] = [];
    for (const level of ["log", "info", "warn", "error", "debug"] as const) vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void lines.push(args.map(String).join(" ")));
    // Through the Worker's own entry in this isolate, so its console is the one spied on.
    const admin = await createToken("admin", null);
    const send = async (path: string, init: RequestInit) => {
      const ctx = createExecutionContext();
      const res = await app.fetch(new Request(`https://parindex.test${path}`, init), env, ctx);
      await waitOnExecutionContext(ctx);
      observe(init.method ?? "GET", path, res.status);
      return res;
    };
    const json = { "Content-Type": "application/json", "X-Test-Now": EARLY_2025 };
    const issued = (await (await send("/v1/units/xa-tan-hoa/activation-codes", { method: "POST", headers: { ...bearer(admin), ...json } })).json()) as { code: string };
    const redeem = (code: string) => send("/v1/activate", { method: "POST", headers: { ...json, "CF-Connecting-IP": "192.0.2.99" }, body: JSON.stringify({ code }) });
    const activation = (await (await redeem(issued.code)).json()) as { token: string };
    expect((await redeem(issued.code)).status).toBe(410);
    expect((await redeem("ABCD-EFGH-JK")).status).toBe(401);
    const secrets = [issued.code, issued.code.replace(/-/g, ""), activation.token, admin, "ABCD-EFGH-JK", "ABCDEFGHJK"];
    expect(lines.filter((l) => secrets.some((s) => l.includes(s)))).toEqual([]);
  });
});

/** Every row of every table as text: what a copy of the database would show. */
async function everyRow(): Promise<string> {
  const tables = await env.DB.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%'").all<{ name: string }>();
  const parts: string[] = [];
  for (const { name } of tables.results) parts.push(JSON.stringify((await env.DB.prepare(`SELECT * FROM "${name}"`).all()).results));
  return parts.join("\n");
}
