/**
 * "A province goes live" (outside test, golive-report.md): what the Worker now says so that an
 * officer cannot hand a code to the wrong namesake (GL-1), a stray second period can be told
 * apart and removed (GL-2), a province root dated after the units it holds is named as the
 * cause (GL-5), a 17:00 deadline is read as 17:00 (GL-8) and the codes sheet names the web
 * checker (GL-9).
 */
import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { MeSchema, type UnitImportRow } from "../../shared/index.ts";
import { bearer, call, COMMUNE_SET, count, createToken, seedDemoCycle, uniqueKey } from "./helpers.ts";

const NOW = "2026-11-30T09:00:00+07:00";
const NAMESAKES: UnitImportRow[] = [
  { row: 2, name: "Huyện Yên Sơn", type: "Huyện", parent: "tinh-minh-hoa", validFrom: "01/01/2026" },
  { row: 3, name: "Huyện Hàm Yên", type: "Huyện", parent: "tinh-minh-hoa", validFrom: "01/01/2026" },
  { row: 4, name: "Xã Tân Lập", type: "Xã", parent: "Huyện Yên Sơn", validFrom: "01/01/2026" },
  { row: 5, name: "Xã Tân Lập", type: "Xã", parent: "Huyện Hàm Yên", validFrom: "01/01/2026" },
];

beforeAll(async () => {
  const res = await call("POST", "/v1/units/import", { body: { rows: NAMESAKES } });
  expect(res.status, res.text).toBe(201);
});

describe("GL-1: namesakes are told apart by their parent", () => {
  it("names each row's parent on the codes sheet (CSV)", async () => {
    const res = await call("POST", "/v1/activation-codes?format=csv", { body: { units: ["xa-tan-lap", "xa-tan-lap-2"] }, headers: { "Idempotency-Key": uniqueKey() } });
    expect(res.status, res.text).toBe(201);
    const lines = res.text.split("\r\n");
    expect(lines[0]?.replace(/^\uFEFF/, "")).toBe("Đơn vị;Trực thuộc;Mã đơn vị;Mã kích hoạt;Dùng được đến hết ngày;Cách dùng");
    expect(lines.slice(1, 3).map((l) => l.split(";").slice(0, 3).join(";"))).toEqual(["Xã Tân Lập;Huyện Yên Sơn;xa-tan-lap", "Xã Tân Lập;Huyện Hàm Yên;xa-tan-lap-2"]);
  });

  it("names the parent in the JSON codes, the activation answer and /v1/me", async () => {
    const issued = await call("POST", "/v1/units/xa-tan-lap-2/activation-codes", { headers: { "Idempotency-Key": uniqueKey() } });
    expect(issued.status, issued.text).toBe(201);
    expect(issued.body.unit).toEqual({ id: "xa-tan-lap-2", name: "Xã Tân Lập", parent: { id: "huyen-ham-yen", name: "Huyện Hàm Yên" } });
    const redeemed = await call("POST", "/v1/activate", { as: "none", body: { code: issued.body.code } });
    expect(redeemed.status, redeemed.text).toBe(201);
    expect(redeemed.body.unit).toEqual({ id: "xa-tan-lap-2", name: "Xã Tân Lập", parent: { id: "huyen-ham-yen", name: "Huyện Hàm Yên" } });
    const me = MeSchema.parse((await call("GET", "/v1/me", { headers: bearer(redeemed.body.token), at: NOW })).body);
    expect(me.unit).toEqual({ id: "xa-tan-lap-2", name: "Xã Tân Lập", parent: { id: "huyen-ham-yen", name: "Huyện Hàm Yên" } });
    // the province has no parent; the admin token no unit
    const province = await call("GET", "/v1/me", { headers: bearer(await createToken("unit", "tinh-minh-hoa")) });
    expect(province.body.unit.parent).toBeNull();
  });
});

describe("GL-9: the codes sheet names the web checker", () => {
  it("gives the Worker's own origin in the instruction, CSV and XLSX alike", async () => {
    const csv = await call("POST", "/v1/activation-codes?format=csv", { body: { units: ["xa-tan-lap"] }, headers: { "Idempotency-Key": uniqueKey() } });
    expect(csv.text).toContain("Mở Chỉ số CCHC (trong Excel hoặc trên trang web của tỉnh https://parindex.test/), chọn Kích hoạt và nhập mã này.");
    const en = await call("POST", "/v1/activation-codes?format=csv", { body: { units: ["xa-tan-lap"] }, headers: { "Idempotency-Key": uniqueKey(), "Accept-Language": "en" } });
    expect(en.text).toContain("on the province's web page https://parindex.test/)");
  });
});

describe("GL-2 and GL-8: two periods of one year and level", () => {
  const SET = "t-gl-xa-2026";
  const period = (id: string, deadline = "2027-01-31T17:00:00+07:00") => call("POST", "/v1/periods", { body: { id, year: 2026, criteriaSet: { id: SET, version: 1 }, deadline } });
  const offered = async () => MeSchema.parse((await call("GET", "/v1/me", { headers: bearer(await unitToken()), at: NOW })).body).periods;
  let token: string | undefined;
  const unitToken = async () => (token ??= await createToken("unit", "xa-an-phu-loc"));

  beforeAll(async () => {
    const set = { ...COMMUNE_SET, id: SET, year: 2026, title: "Bộ chỉ số CCHC cấp xã năm 2026 (thử)", period: { from: "2026-01-01", to: "2026-12-31" } };
    expect((await call("POST", "/v1/criteria-sets", { body: { set, status: "published" } })).status).toBe(201);
    expect((await period("t-gl-2026-xa")).status).toBe(201);
    // The API now refuses a second open period of 2026 for communes (golive-twin-period.test.ts);
    // one can still come from the admin CLI, which writes SQL (go-live GL-3): made so here.
    await env.DB.prepare("INSERT INTO periods (id, year, criteria_set_id, criteria_set_version, deadline, locked, created_at) VALUES ('t-gl-2026-cap-xa', 2026, ?1, 1, '2027-01-31T17:00:00+07:00', 0, '2026-11-30T00:00:00Z')").bind(SET).run();
  });

  it("labels the deadline with its hour, and two periods that would read the same by their ids", async () => {
    const mine = (await offered()).filter((p) => p.id.startsWith("t-gl-"));
    expect(mine.map((p) => p.label.vi)).toEqual([
      "Kỳ đánh giá năm 2026 — cấp xã, hạn nộp 17:00 ngày 31/01/2027 (mã kỳ t-gl-2026-cap-xa)",
      "Kỳ đánh giá năm 2026 — cấp xã, hạn nộp 17:00 ngày 31/01/2027 (mã kỳ t-gl-2026-xa)",
    ]);
    expect(mine.map((p) => p.label.en)).toEqual([
      "Assessment period 2026 — commune level, due 17:00 on 31/01/2027 (period t-gl-2026-cap-xa)",
      "Assessment period 2026 — commune level, due 17:00 on 31/01/2027 (period t-gl-2026-xa)",
    ]);
  });

  it("lets the admin remove the stray one while nothing was recorded in it: audited, gone from /v1/me, its id not given again", async () => {
    const exception = await call("POST", "/v1/periods/t-gl-2026-cap-xa/exceptions", { body: { unit: "xa-an-phu-loc", deadline: "28/02/2027", reason: "Bão lũ" } });
    expect(exception.status, exception.text).toBe(201);
    const res = await call("DELETE", "/v1/periods/t-gl-2026-cap-xa?confirm=t-gl-2026-cap-xa");
    expect([res.status, res.body], res.text).toEqual([200, { id: "t-gl-2026-cap-xa", year: 2026, criteriaSet: { id: SET, version: 1 }, deadline: "2027-01-31T17:00:00+07:00", locked: false }]);
    expect(await count("periods", "id = 't-gl-2026-cap-xa'")).toBe(0);
    expect(await count("deadline_exceptions", "period_id = 't-gl-2026-cap-xa'")).toBe(0);
    const audit = await env.DB.prepare("SELECT token_id, detail FROM audit_log WHERE action = 'period.delete' AND entity_id = 't-gl-2026-cap-xa'").all<{ token_id: string; detail: string }>();
    expect(audit.results).toHaveLength(1);
    expect(audit.results[0]!.token_id).toBe("tok-demo-admin");
    expect(JSON.parse(audit.results[0]!.detail)).toMatchObject({ year: 2026, criteriaSet: { id: SET, version: 1 }, exceptions: [{ unit: "xa-an-phu-loc", reason: "Bão lũ" }] });
    const left = (await offered()).filter((p) => p.id.startsWith("t-gl-"));
    expect(left.map((p) => p.label.vi)).toEqual(["Kỳ đánh giá năm 2026 — cấp xã, hạn nộp 17:00 ngày 31/01/2027"]);
    expect((await call("DELETE", "/v1/periods/t-gl-2026-cap-xa?confirm=t-gl-2026-cap-xa")).status).toBe(404);
    const again = await period("t-gl-2026-cap-xa");
    expect([again.status, again.body.error.code]).toEqual([409, "PERIOD_EXISTS"]);
    expect(again.body.error.message).toMatch(/^Mã kỳ t-gl-2026-cap-xa là của một kỳ đã xóa: đặt mã khác/);
  });

  it("refuses a period with submissions (409 PERIOD_IN_USE, in Vietnamese first), changing nothing; and a non-admin", async () => {
    await seedDemoCycle();
    const before = await count("periods", "id = '2024-commune-demo'");
    const res = await call("DELETE", "/v1/periods/2024-commune-demo?confirm=2024-commune-demo");
    expect([res.status, res.body.error.code], res.text).toEqual([409, "PERIOD_IN_USE"]);
    expect(res.body.error.message).toMatch(/^Kỳ 2024-commune-demo đã có \d+ lần nộp của \d+ đơn vị.*: không xóa được kỳ đã có dữ liệu/);
    expect([before, await count("periods", "id = '2024-commune-demo'")]).toEqual([1, 1]);
    expect((await call("DELETE", "/v1/periods/t-gl-2026-xa?confirm=t-gl-2026-xa", { as: "reviewer" })).status).toBe(403);
    expect((await call("DELETE", "/v1/periods/t-gl-2026-xa?confirm=t-gl-2026-xa", { as: "unit" })).status).toBe(403);
    // without the id confirmed, nothing is removed
    for (const query of ["", "?confirm=t-gl-2026", "?confirm=2024-commune"]) {
      const refused = await call("DELETE", `/v1/periods/t-gl-2026-xa${query}`);
      expect([query, refused.status, refused.body.error.code]).toEqual([query, 400, "VALIDATION_FAILED"]);
    }
    expect(await count("periods", "id = 't-gl-2026-xa'")).toBe(1);
  });
});

describe("GL-5: a parent that starts after the row", () => {
  beforeAll(async () => {
    const root = await call("POST", "/v1/units", { body: { id: "t-gl-tinh-x", name: "Tỉnh Thử Sáp Nhập", type: "province", parentId: null, validFrom: "2025-07-01" } });
    expect(root.status, root.text).toBe(201);
  });
  const preview = (rows: UnitImportRow[], lang = "vi") => call("POST", "/v1/units/import", { body: { rows, dryRun: true }, headers: { "Accept-Language": lang } });

  it("names the province record's first day and the way out", async () => {
    const res = await preview([{ row: 4, name: "Sở Nội vụ", type: "Sở", parent: "Tỉnh Thử Sáp Nhập", validFrom: "01/01/2024" }]);
    expect(res.status, res.text).toBe(200);
    expect(res.body.problems).toEqual([
      {
        row: 4,
        column: "parent",
        code: "PARENT_NOT_VALID",
        message:
          "Dòng 4: đơn vị cấp trên Tỉnh Thử Sáp Nhập không hoạt động vào ngày 01/01/2024: bản ghi tỉnh Tỉnh Thử Sáp Nhập chỉ bắt đầu từ ngày 01/07/2025, nên không có đơn vị hay kết quả nào trước ngày đó. Ghi ngày hiệu lực từ 01/07/2025 trở đi; hoặc, để lưu đơn vị và kết quả từ ngày 01/01/2024, tạo bản ghi tỉnh bắt đầu từ ngày sớm nhất cần lưu kết quả (ví dụ 01/01 của năm đầu tiên nhập) rồi ghi mã của nó ở cột đơn vị cấp trên.",
      },
    ]);
    const en = await preview([{ row: 4, name: "Sở Nội vụ", type: "Sở", parent: "t-gl-tinh-x", validFrom: "2024-01-01" }], "en");
    expect(en.body.problems[0].message).toMatch(/^Row 4: parent Tỉnh Thử Sáp Nhập does not exist on 01\/01\/2024: the province record Tỉnh Thử Sáp Nhập starts only on 01\/07\/2025/);
  });

  it("says a district's first day too, and keeps the sentence for a parent that has closed", async () => {
    const district = await preview([{ row: 2, name: "Xã Mới", type: "Xã", parent: "Huyện Hàm Yên", validFrom: "01/01/2025" }]);
    expect(district.body.problems[0].message).toBe(
      "Dòng 2: đơn vị cấp trên Huyện Hàm Yên không hoạt động vào ngày 01/01/2025: đơn vị này chỉ bắt đầu từ ngày 01/01/2026. Ghi ngày hiệu lực từ 01/01/2026 trở đi, hoặc chọn đơn vị cấp trên đang hoạt động vào ngày 01/01/2025.",
    );
    const closed = await preview([{ row: 2, name: "Xã Mới", type: "Xã", parent: "huyen-an-binh", validFrom: "01/01/2026" }]);
    expect(closed.body.problems[0].message).toMatch(/^Dòng 2: đơn vị cấp trên Huyện An Bình không hoạt động vào ngày 01\/01\/2026: sửa ngày hiệu lực hoặc chọn đơn vị cấp trên khác\.$/);
  });

  it("POST /v1/units says the same of a parent that starts later", async () => {
    const res = await call("POST", "/v1/units", { body: { id: "t-gl-so", name: "Sở Thử", type: "department", parentId: "t-gl-tinh-x", validFrom: "2024-01-01" } });
    expect([res.status, res.body.error.code]).toEqual([422, "PARENT_NOT_VALID"]);
    expect(res.body.error.message).toMatch(/^Đơn vị cha t-gl-tinh-x chỉ có hiệu lực từ ngày 01\/07\/2025, sau ngày 01\/01\/2024: ghi ngày hiệu lực từ 01\/07\/2025 trở đi/);
  });
});
