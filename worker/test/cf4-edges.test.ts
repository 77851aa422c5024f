/**
 * Contract tester CF4 at the HTTP edge:
 * - CF4-1: a body that is not JSON by its Content-Type (an .xlsx posted raw, octet-stream,
 *   multipart, an image, text/plain) was 400 INVALID_JSON "not UTF-8" when its bytes were not
 *   UTF-8, 415 when they were: the media type now decides first, on every JSON route.
 * - CF4-2: /openapi.json admitted `file.base64` up to 3,000,000 characters, which no body under
 *   the 2 MiB limit can hold; a submission over the limit now says how large a workbook `file`
 *   can be and what to do instead.
 * - CF4-3: PUT /v1/criteria-sets/{id} with another set.id was the one English-only 400.
 * - CF4-5: a lone UTF-16 surrogate ("\ud800", valid JSON) was stored and read back as U+FFFD.
 */
import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import app from "../src/index.ts";
import { COMMUNE_SET, call, uniqueKey } from "./helpers.ts";
import { observe, workerFetch } from "./observed-statuses.ts";

/** The first bytes of an .xlsx (a zip) and bytes no UTF-8 text has. */
const BINARY = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0xff, 0xfe, 0x7b, 0x7d, 0xc3, 0x28, 0x80, 0x81]);

async function post(path: string, token: string, body: BodyInit, contentType?: string) {
  const headers: Record<string, string> = { Authorization: `Bearer ${token}` };
  if (contentType !== undefined) headers["Content-Type"] = contentType;
  const res = await workerFetch(`https://parindex.test${path}`, { method: "POST", headers, body });
  return { status: res.status, body: (await res.json()) as any };
}

describe("CF4-1: the media type decides before the bytes are read as JSON", () => {
  const routes = [
    ["/v1/submissions", "demo-unit"],
    ["/v1/criteria-sets", "demo-admin"],
    ["/v1/units", "demo-admin"],
  ] as const;
  const types = [
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/octet-stream",
    "multipart/form-data; boundary=xyz",
    "image/png",
    "text/plain",
    undefined,
  ];
  it.each(routes.flatMap(([path, token]) => types.map((type) => [path, token, type] as const)))("%s with %s → 415", async (path, token, type) => {
    const res = await post(path, token, BINARY, type);
    expect([res.status, res.body.error.code]).toEqual([415, "UNSUPPORTED_MEDIA_TYPE"]);
    expect(res.body.error.message).toMatch(/^Chỉ nhận JSON .* \/ .*application\/json/);
  });

  it("a multipart upload of a workbook (curl -F) is 415 too", async () => {
    const form = new FormData();
    form.append("period", "2024-commune");
    form.append("file", new Blob([BINARY], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }), "a.xlsx");
    const res = await post("/v1/submissions", "demo-unit", form);
    expect([res.status, res.body.error.code]).toEqual([415, "UNSUPPORTED_MEDIA_TYPE"]);
  });

  it("a body that says application/json is still refused as not UTF-8", async () => {
    const res = await post("/v1/submissions", "demo-unit", BINARY, "application/json");
    expect([res.status, res.body.error.code, res.body.error.issues]).toEqual([400, "INVALID_JSON", [{ path: "", message: "not UTF-8" }]]);
  });
});

describe("CF4-2: the published bound of file.base64 is what the body limit admits", () => {
  const DEPLOYED = 2 * 1024 * 1024; // wrangler.toml MAX_BODY_BYTES; the test config lowers it to 512 KiB

  /** Through the Worker's entry with the deployed body limit. */
  async function deployed(body: string) {
    const request = new Request("https://parindex.test/v1/submissions", { method: "POST", headers: { Authorization: "Bearer demo-unit", "Content-Type": "application/json" }, body });
    const ctx = createExecutionContext();
    const res = await app.fetch(request, { ...env, MAX_BODY_BYTES: undefined }, ctx);
    await waitOnExecutionContext(ctx);
    observe("POST", "/v1/submissions", res.status);
    return { status: res.status, body: (await res.json()) as any };
  }

  it("a base64 of the published maxLength fits in a body under the deployed limit (and is not far below it)", async () => {
    const doc = (await call("GET", "/openapi.json")).body;
    const max = doc.components.schemas.SubmittedFile.properties.base64.maxLength as number;
    const body = JSON.stringify({ period: "2024-commune", file: { name: "Bảng tự chấm điểm CCHC năm 2024 của Xã An Phú.xlsx", base64: "A".repeat(max) } });
    expect(new TextEncoder().encode(body).byteLength).toBeLessThanOrEqual(DEPLOYED);
    expect(max).toBeGreaterThan(DEPLOYED - 4096);
    expect((await deployed(body)).status).not.toBe(413);
  });

  it("a submission over the limit says how large a workbook `file` may be and to send the grid instead", async () => {
    const res = await deployed(JSON.stringify({ period: "2024-commune", file: { name: "lon.xlsx", base64: "A".repeat(2_350_940) } }));
    expect([res.status, res.body.error.code]).toEqual([413, "PAYLOAD_TOO_LARGE"]);
    const [vi, en] = (res.body.error.message as string).split(" / ");
    expect(vi).toMatch(/^Nội dung vượt quá 2097152 byte: tệp bảng tính .*"file".* khoảng 1,5 MB .*add-in.*"grid"/);
    expect(en).toMatch(/about 1\.5 MB/);
  });

  it("under another limit the sentence follows it", async () => {
    const body = JSON.stringify({ period: "2024-commune", file: { name: "lon.xlsx", base64: "A".repeat(600_000) } });
    const res = await post("/v1/submissions", "demo-unit", body, "application/json");
    expect([res.status, res.body.error.message]).toEqual([413, expect.stringMatching(/^Nội dung vượt quá 524288 byte: .*khoảng 0,4 MB/)]);
  });

  it("another route's 413 keeps the plain sentence", async () => {
    const res = await post("/v1/units", "demo-admin", JSON.stringify({ name: "x".repeat(600_000) }), "application/json");
    expect([res.status, res.body.error.message]).toEqual([413, "Nội dung vượt quá 524288 byte / the body exceeds 524288 bytes"]);
  });
});

describe("CF4-3: a set.id other than the path is said in Vietnamese first", () => {
  it("PUT /v1/criteria-sets/{id}", async () => {
    const res = await call("PUT", "/v1/criteria-sets/demo-commune-2024", { body: { set: { ...COMMUNE_SET, id: "khac-hoan-toan" } } });
    expect([res.status, res.body.error.code]).toEqual([400, "VALIDATION_FAILED"]);
    expect(res.body.error.message).toMatch(/^Dữ liệu không hợp lệ: set\.id "khac-hoan-toan" khác mã .*đường dẫn "demo-commune-2024".* \/ invalid body — set\.id "khac-hoan-toan" differs from the path id "demo-commune-2024"/);
    expect(res.body.error.issues).toEqual([{ path: "set.id", message: expect.stringMatching(/^phải .* \/ must equal the path id/) }]);
  });
});

describe("CF4-5: a lone UTF-16 surrogate is refused, naming the field", () => {
  it("a unit name holding \\ud800 → 400 naming `name`, nothing stored", async () => {
    const id = `xa-sur-${uniqueKey().slice(-8)}`.toLowerCase().replace(/[^a-z0-9-]/g, "");
    const text = `{"id":"${id}","name":"Xã \\ud800 thử","type":"commune","parentId":"tinh-minh-hoa","validFrom":"2025-07-01"}`;
    const res = await call("POST", "/v1/units", { rawBody: text, headers: { "Content-Type": "application/json" } });
    expect([res.status, res.body.error.code]).toEqual([400, "VALIDATION_FAILED"]);
    expect(res.body.error.issues).toEqual([{ path: "name", message: expect.stringContaining("\\ud800") }]);
    expect(res.body.error.message).toMatch(/^Dữ liệu không hợp lệ: name: .* \/ /);
    expect((await call("GET", `/v1/units/${id}`)).status).toBe(404);
  });

  it("a body led by a byte order mark is read as the JSON after it: created, and a lone surrogate after it still refused", async () => {
    const id = `xa-bom-${uniqueKey().slice(-8)}`.toLowerCase().replace(/[^a-z0-9-]/g, "");
    const unit = (name: string) => `\ufeff{"id":"${id}","name":"${name}","type":"commune","parentId":"tinh-minh-hoa","validFrom":"2025-07-01"}`;
    const lone = await call("POST", "/v1/units", { rawBody: unit("Xã \\ud800"), headers: { "Content-Type": "application/json" } });
    expect([lone.status, lone.body.error.issues?.[0]?.path]).toEqual([400, "name"]);
    const made = await call("POST", "/v1/units", { rawBody: unit("Xã Có Dấu"), headers: { "Content-Type": "application/json" } });
    expect(made.status).toBe(201);
    expect((await call("GET", `/v1/units/${id}`)).body.name).toBe("Xã Có Dấu");
  });

  it("a set title with a low surrogate alone → 400 naming `set.title`; a pair (an emoji) and an escaped backslash pass", async () => {
    const id = `sur-${uniqueKey().slice(-8)}`.toLowerCase().replace(/[^a-z0-9-]/g, "");
    const body = (title: string) => JSON.stringify({ set: { ...COMMUNE_SET, id, title: "TITLE" } }).replace('"TITLE"', `"${title}"`);
    const lone = await call("POST", "/v1/criteria-sets", { rawBody: body("Bộ \\udc00 x"), headers: { "Content-Type": "application/json" } });
    expect([lone.status, lone.body.error.issues?.[0]?.path]).toEqual([400, "set.title"]);
    const fine = await call("POST", "/v1/criteria-sets", { rawBody: body("Bộ \\ud83d\\ude00 \\\\ud800"), headers: { "Content-Type": "application/json" } });
    expect(fine.status).toBe(201);
    expect((await call("GET", `/v1/criteria-sets/${id}`)).body.set?.title ?? (await call("GET", `/v1/criteria-sets/${id}`)).body.title).toBe("Bộ 😀 \\ud800");
  });
});
