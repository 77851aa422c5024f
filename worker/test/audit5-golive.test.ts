/**
 * A second black-box audit of the go-live path (06/12/2026, A5): the units import's preview tells
 * a locked period and its 409 says what to do (A5-2), "Thành phố" is a district-level city (A5-4),
 * the ranking exports write "Chưa nhập" for a survey not imported (A5-5), a survey file names a
 * namesake as the pane writes it, "Name (Parent)" (A5-7), an impossible day says what is wrong
 * (A5-9), a period on a draft set says to publish it (A5-11), a reviewer's `under` out of scope
 * is worded for `under` (A5-12).
 */
import { env } from "cloudflare:test";
import * as XLSX from "@e965/xlsx";
import { describe, expect, it } from "vitest";
import { AT, createCommune, newPeriod, submitFor } from "./cycle-helpers.ts";
import { call, COMMUNE_SET, uniqueKey } from "./helpers.ts";
import { workerFetch } from "./observed-statuses.ts";

const suffix = uniqueKey().slice(-6).toLowerCase();
const row = (r: number, name: string, type: string, parent: string, validFrom: string) => ({ row: r, name, type, parent, validFrom });
const preview = (rows: object[]) => call("POST", "/v1/units/import", { body: { rows, dryRun: true } });

describe("units import against a locked period (A5-2)", () => {
  it("the preview lists the lock as the row's problem; the import's 409 says to unlock, not to start after the year", async () => {
    const p = await newPeriod(`t-a5l-${suffix}`, 2037, "2038-01-31T17:00:00+07:00");
    expect((await call("POST", `/v1/periods/${p}/lock`, { body: { reason: "Công bố kết quả" } })).status).toBe(200);
    const rows = [row(2, `Xã Kim Phú a5${suffix}`, "Xã", "tinh-minh-hoa", "01/01/2037")];
    const dry = await preview(rows);
    expect(dry.status).toBe(200);
    expect(dry.body.problems).toMatchObject([{ row: 2, column: "validFrom", code: "PERIOD_LOCKED" }]);
    expect(dry.body.problems[0].message).toMatch(new RegExp(`^Dòng 2: .*kỳ ${p}.*đã khóa.*mở khóa`));
    expect(dry.body.units).toEqual([]);
    const real = await call("POST", "/v1/units/import", { body: { rows } });
    expect([real.status, real.body.error?.code]).toEqual([409, "PERIOD_LOCKED"]);
    expect(real.body.error.message).toContain("không thêm được đơn vị vào năm của kỳ");
    expect(real.body.error.message).toContain("mở khóa kỳ theo quyết định của hội đồng, thêm đơn vị rồi khóa lại");
  });
});

describe("unit type words (A5-4) and impossible days (A5-9)", () => {
  it("reads Thành phố, TP and Tp. as a district-level city; an unknown type lists every word", async () => {
    const dry = await preview([
      row(2, `Thành phố A a5${suffix}`, "Thành phố", "tinh-minh-hoa", "01/01/2024"),
      row(3, `Thành phố B a5${suffix}`, "TP", "tinh-minh-hoa", "01/01/2024"),
      row(4, `Thành phố C a5${suffix}`, "Tp.", "tinh-minh-hoa", "01/01/2024"),
      row(5, `Làng D a5${suffix}`, "Làng", "tinh-minh-hoa", "01/01/2024"),
    ]);
    expect(dry.body.units.map((u: { type: string }) => u.type)).toEqual(["district", "district", "district"]);
    const message: string = dry.body.problems[0].message;
    for (const word of ["Tỉnh", "Thành phố trực thuộc trung ương", "Sở", "Ban", "Huyện", "Quận", "Thị xã", "Thành phố", "Thành phố thuộc tỉnh", "Xã", "Phường", "Thị trấn", "Đặc khu"]) expect(message).toContain(word);
  });

  it("says February's days and a month past 12 (day and month swapped)", async () => {
    const dry = await preview([row(2, `Xã E a5${suffix}`, "Xã", "tinh-minh-hoa", "31/02/2024"), row(3, `Xã F a5${suffix}`, "Xã", "tinh-minh-hoa", "12/31/2024")]);
    expect(dry.body.problems.map((p: { message: string }) => p.message)).toEqual([
      'Dòng 2: "31/02/2024" không phải ngày có thật: tháng 02 năm 2024 chỉ có 29 ngày; sửa lại ngày (dạng dd/mm/yyyy).',
      'Dòng 3: "12/31/2024": không có tháng 31, có lẽ đã ghi tháng trước ngày; ghi ngày trước tháng (dd/mm/yyyy): 31/12/2024.',
    ]);
  });
});

describe("the ranking exports before a survey import (A5-5)", () => {
  it("write Chưa nhập in Điểm điều tra XHH, not 0", async () => {
    const p = await newPeriod(`t-a5r-${suffix}`);
    await submitFor(p, "xa-an-loc");
    const csv = await call("GET", `/v1/periods/${p}/ranking?format=csv`, { at: AT });
    const [head, first] = csv.text.replace(/^\uFEFF/, "").split(/\r?\n/);
    const column = head!.split(";").indexOf("Điểm điều tra XHH");
    expect(first!.split(";")[column]).toBe("Chưa nhập");
    const cells = csv.text.split(/\r?\n/).slice(1).filter(Boolean).map((l) => l.split(";")[column]);
    expect(new Set(cells)).toEqual(new Set(["Chưa nhập"]));
    const xlsx = await workerFetch(`https://parindex.test/v1/periods/${p}/ranking?format=xlsx`, { headers: { Authorization: "Bearer demo-admin", "X-Test-Now": AT } });
    const sheet = XLSX.read(new Uint8Array(await xlsx.arrayBuffer()), { type: "array" });
    const rows = XLSX.utils.sheet_to_json<unknown[]>(sheet.Sheets[sheet.SheetNames[0]!]!, { header: 1 });
    const at = (rows[0] as string[]).indexOf("Điểm điều tra XHH");
    expect((rows[1] as unknown[])[at]).toBe("Chưa nhập");
  });
});

describe("survey scores for namesakes (A5-7)", () => {
  it("names the districts of a shared name, and reads Name (District) as the pane writes it", async () => {
    const [a, b] = [`xa-tan-long-a5${suffix}`, `xa-tan-long-a5${suffix}-2`];
    await createCommune(a, `Xã Tân Long ${suffix}`, "huyen-an-binh");
    await createCommune(b, `Xã Tân Long ${suffix}`, "huyen-dong-son");
    const p = await newPeriod(`t-a5s-${suffix}`);
    const survey = (text: string) => call("POST", `/v1/periods/${p}/survey`, { rawBody: text, headers: { "Content-Type": "text/csv" }, at: AT });
    const shared = await survey(`Xã Tân Long ${suffix};7.1.1;1\n`);
    expect(shared.status).toBe(422);
    expect(shared.body.error.issues[0].message).toContain(`(${a}: Huyện An Bình; ${b}: Huyện Đông Sơn)`);
    expect(shared.body.error.issues[0].message).toContain(`ghi tên kèm đơn vị cấp trên, ví dụ "Xã Tân Long ${suffix} (Huyện`);
    const named = await survey(`Xã Tân Long ${suffix} (Huyện Đông Sơn);7.1.1;1\n`);
    expect(named.status).toBe(201);
    expect(await env.DB.prepare("SELECT unit_id FROM survey_scores WHERE period_id = ?1").bind(p).all()).toMatchObject({ results: [{ unit_id: b }] });
  });
});

describe("what to do (A5-11, A5-12)", () => {
  it("a period on a draft set says to publish it first", async () => {
    const set = { ...COMMUNE_SET, id: `t-a5-draft-${suffix}` };
    expect((await call("POST", "/v1/criteria-sets", { body: { set, status: "draft" } })).status).toBe(201);
    const res = await call("POST", "/v1/periods", { body: { id: `t-a5d-${suffix}`, year: set.year, criteriaSet: { id: set.id, version: 1 }, deadline: "2099-01-31" } });
    expect([res.status, res.body.error?.code]).toEqual([422, "CRITERIA_SET_NOT_PUBLISHED"]);
    expect(res.body.error.message).toContain("ban hành nó trước");
    expect(res.body.error.message).toContain(`POST /v1/criteria-sets/${set.id}/versions/1/status`);
  });

  it("a reviewer's `under` outside its scope is told to name its own unit or one below it, not to edit a list", async () => {
    const res = await call("POST", "/v1/activation-codes", { body: { under: "huyen-dong-son" }, as: "reviewer" });
    expect([res.status, res.body.error?.code]).toEqual([422, "UNKNOWN_UNITS"]);
    expect(res.body.error.message).not.toContain("danh sách");
    expect(res.body.error.message).toContain('"under"');
    expect(res.body.error.message).toContain("huyen-an-binh");
  });
});
