/**
 * Units from a sheet (issue 16): a preview that creates nothing and names every problem by
 * row and column, then all or nothing; ids from Vietnamese names; parents named by id, by
 * exact name, or as another row of the same sheet; idempotent replays.
 */
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { UnitImportResultSchema, type UnitImportRow } from "../../shared/index.ts";
import { databaseDump } from "./database-dump.ts";
import { call, count, uniqueKey } from "./helpers.ts";

/** A new district with its communes, the children listed before their parent, as people type them. */
const NEW_DISTRICT: UnitImportRow[] = [
  { row: 2, name: "Xã Hòa Bình", type: "Xã", parent: "Huyện Sông Hồng", validFrom: "01/01/2026" },
  { row: 3, name: "Xã An Phú", type: "xã", parent: "Huyện Sông Hồng", validFrom: "1/1/2026" },
  { row: 4, name: "Phường Bến Đò", type: "Phường", parent: "Huyện Sông Hồng", validFrom: "2026-01-01" },
  { row: 5, name: "Huyện Sông Hồng", type: "Huyện", parent: "tinh-minh-hoa", validFrom: "01/01/2026" },
  { row: 6, name: "Sở Khoa học và Công nghệ", type: "Sở", parent: "Tỉnh Minh Họa (minh họa)", validFrom: "01/01/2026" },
];

const send = (rows: UnitImportRow[], opts: { dryRun?: boolean; key?: string; lang?: string; as?: "admin" | "reviewer" | "unit" } = {}) =>
  call("POST", "/v1/units/import", {
    as: opts.as ?? "admin",
    body: { rows, ...(opts.dryRun ? { dryRun: true } : {}) },
    headers: { ...(opts.key ? { "Idempotency-Key": opts.key } : {}), ...(opts.lang ? { "Accept-Language": opts.lang } : {}) },
  });

describe("units from a sheet", () => {
  it("previews what would be created, with ids from the Vietnamese names, and creates nothing", async () => {
    const before = await databaseDump(env.DB);
    const res = await send(NEW_DISTRICT, { dryRun: true });
    expect(res.status).toBe(200);
    const preview = UnitImportResultSchema.parse(res.body);
    expect(preview.problems).toEqual([]);
    expect(preview.units.map((u) => [u.row, u.id, u.type, u.parentId, u.validFrom, u.action])).toEqual([
      [2, "xa-hoa-binh", "commune", "huyen-song-hong", "2026-01-01", "create"],
      [3, "xa-an-phu-2", "commune", "huyen-song-hong", "2026-01-01", "create"],
      [4, "phuong-ben-do", "ward", "huyen-song-hong", "2026-01-01", "create"],
      [5, "huyen-song-hong", "district", "tinh-minh-hoa", "2026-01-01", "create"],
      [6, "so-khoa-hoc-va-cong-nghe", "department", "tinh-minh-hoa", "2026-01-01", "create"],
    ]);
    expect(await databaseDump(env.DB)).toBe(before);
  });

  it("names every row's problem by row and column, in one sentence that says what to do", async () => {
    const rows: UnitImportRow[] = [
      { row: 2, name: "Xã Mới", type: "Xã", parent: "Huyện Không Có", validFrom: "01/07/2025" },
      { row: 3, name: "Xã Lặp", type: "Xã", parent: "tinh-minh-hoa", validFrom: "01/01/2025" },
      { row: 4, name: "xã lặp", type: "Xã", parent: "Tỉnh Minh Họa (minh họa)", validFrom: "01/01/2025" },
      { row: 5, name: "Xã Ngày Sai", type: "Xã", parent: "huyen-an-binh", validFrom: "31/02/2025" },
      { row: 6, name: "Xã Ngày Mỹ", type: "Xã", parent: "huyen-an-binh", validFrom: "2025/07/01" },
      { row: 7, name: "Thành phố Mới", type: "Làng", parent: "tinh-minh-hoa", validFrom: "01/01/2026" },
      { row: 8, name: "Xã Con", type: "Xã", parent: "Xã An Phú Lộc", validFrom: "01/01/2026" },
      { row: 9, name: "", type: "Xã", parent: "huyen-an-binh", validFrom: "" },
      { row: 10, name: "Xã Cháu", type: "Xã", parent: "Thành phố Mới", validFrom: "01/01/2026" },
      { row: 11, name: "Xã Sau Sáp Nhập", type: "Xã", parent: "huyen-an-binh", validFrom: "01/08/2025" },
      { row: 12, name: "Xã Không Cha", type: "Xã", parent: "", validFrom: "01/01/2026" },
    ];
    const res = await send(rows, { dryRun: true });
    expect(res.status).toBe(200);
    const { problems, units } = UnitImportResultSchema.parse(res.body);
    expect(problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [2, "parent", "PARENT_NOT_FOUND"],
      [4, "name", "DUPLICATE_NAME"],
      [5, "validFrom", "DATE_INVALID"],
      [6, "validFrom", "DATE_INVALID"],
      [7, "type", "TYPE_UNKNOWN"],
      [8, "parent", "PARENT_WRONG_LEVEL"],
      [9, "name", "NAME_MISSING"],
      [9, "validFrom", "DATE_MISSING"],
      [10, "parent", "PARENT_HAS_PROBLEM"],
      [11, "parent", "PARENT_NOT_VALID"],
      [12, "parent", "PARENT_MISSING"],
    ]);
    expect(units.map((u) => u.row)).toEqual([3]);
    const say = (row: number) => problems.find((p) => p.row === row)!.message;
    expect(say(2)).toBe('Dòng 2: không có đơn vị cấp trên "Huyện Không Có": ghi đúng tên hoặc mã, hoặc thêm đơn vị đó vào danh sách.');
    expect(say(4)).toBe('Dòng 4: "xã lặp" trùng tên với dòng 3 trong cùng đơn vị cấp trên: xóa dòng trùng hoặc sửa tên.');
    expect(say(5)).toBe('Dòng 5: "31/02/2025" không phải ngày có thật: tháng 02 năm 2025 chỉ có 28 ngày; sửa lại ngày (dạng dd/mm/yyyy).');
    expect(say(8)).toBe("Dòng 8: xã không thể trực thuộc Xã An Phú Lộc: chọn đơn vị cấp trên là huyện hoặc tỉnh.");
    expect(say(11)).toBe("Dòng 11: đơn vị cấp trên Huyện An Bình không hoạt động vào ngày 01/08/2025: sửa ngày hiệu lực hoặc chọn đơn vị cấp trên khác.");
    const english = UnitImportResultSchema.parse((await send(rows, { dryRun: true, lang: "en" })).body);
    expect(english.problems[0]!.message).toBe('Row 2: there is no parent unit "Huyện Không Có": write its exact name or id, or add it to the list.');
  });

  it("creates nothing when any row has a problem (422 with every problem, by request row and column)", async () => {
    const before = await databaseDump(env.DB);
    const rows = [...NEW_DISTRICT, { row: 7, name: "Xã Thiếu Cha", type: "Xã", parent: "Huyện Không Có", validFrom: "01/01/2026" }];
    const res = await send(rows);
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: "UNITS_IMPORT_INVALID", issues: [{ path: "rows.5.parent", message: expect.stringMatching(/^Dòng 7: /) }] });
    expect(res.body.error.message).toBe("Danh sách đơn vị có 1 lỗi nên chưa tạo đơn vị nào: sửa các ô được chỉ ra rồi gửi lại.");
    expect(await databaseDump(env.DB)).toBe(before);
  });

  it.each([
    ["NUL", "Xã\u0000Hòa"],
    ["a right-to-left override", "Xã \u202Eaòh"],
  ])("refuses a name with %s as POST /v1/units does (400, by request row), previews included", async (_, name) => {
    const before = await databaseDump(env.DB);
    const rows = [...NEW_DISTRICT, { row: 7, name, type: "Xã", parent: "Huyện Sông Hồng", validFrom: "01/01/2026" }];
    for (const dryRun of [true, false]) {
      const res = await send(rows, { dryRun });
      expect([res.status, res.body.error.code, res.body.error.issues]).toEqual([400, "VALIDATION_FAILED", [{ path: "rows.5.name", message: expect.stringContaining("row 7") }]]);
    }
    expect(await databaseDump(env.DB)).toBe(before);
  });

  it("creates every unit in one batch (201) with an audit row each; the same sheet again changes nothing", async () => {
    const res = await send(NEW_DISTRICT);
    expect(res.status).toBe(201);
    expect(UnitImportResultSchema.parse(res.body).units.every((u) => u.action === "create")).toBe(true);
    const district = await call("GET", "/v1/units/huyen-song-hong");
    expect(district.body).toMatchObject({ name: "Huyện Sông Hồng", type: "district", parentId: "tinh-minh-hoa", validFrom: "2026-01-01", validTo: null });
    expect((await call("GET", "/v1/units/xa-an-phu-2")).body).toMatchObject({ name: "Xã An Phú", parentId: "huyen-song-hong" });
    const audit = await env.DB.prepare("SELECT detail FROM audit_log WHERE action = 'unit.create' AND entity_id = 'phuong-ben-do'").first<{ detail: string }>();
    expect(JSON.parse(audit!.detail)).toEqual({ id: "phuong-ben-do", name: "Phường Bến Đò", type: "ward", parentId: "huyen-song-hong", validFrom: "2026-01-01", via: "import" });

    const units = await count("units");
    const again = await send(NEW_DISTRICT);
    expect(again.status).toBe(201);
    expect(again.body.units.map((u: { id: string; action: string }) => `${u.id}:${u.action}`)).toEqual([
      "xa-hoa-binh:exists",
      "xa-an-phu-2:exists",
      "phuong-ben-do:exists",
      "huyen-song-hong:exists",
      "so-khoa-hoc-va-cong-nghe:exists",
    ]);
    expect(await count("units")).toBe(units);
    const changed = await send([{ row: 2, name: "Xã Hòa Bình", type: "Phường", parent: "huyen-song-hong", validFrom: "01/01/2026" }], { dryRun: true });
    expect(changed.body.problems).toMatchObject([{ row: 2, column: "name", code: "EXISTS_DIFFERENTLY" }]);
  });

  it("replays the first answer for the same Idempotency-Key; another body → 409", async () => {
    const key = uniqueKey("import");
    const rows: UnitImportRow[] = [{ row: 2, name: "Sở Ngoại vụ", type: "department", parent: "tinh-minh-hoa", validFrom: "2026-01-01" }];
    const first = await send(rows, { key });
    expect(first.status).toBe(201);
    const replay = await send(rows, { key });
    expect(replay.status).toBe(201);
    expect(replay.text).toBe(first.text);
    expect(first.body.units[0].action).toBe("create");
    expect(await count("units", "name = 'Sở Ngoại vụ'")).toBe(1);
    const other = await send([{ ...rows[0]!, name: "Sở Văn hóa" }], { key });
    expect(other.status).toBe(409);
    expect(other.body.error.code).toBe("IDEMPOTENCY_KEY_REUSED");
  });

  it("is for the admin only", async () => {
    for (const as of ["reviewer", "unit"] as const) expect((await send(NEW_DISTRICT, { as, dryRun: true })).status).toBe(403);
  });
});
