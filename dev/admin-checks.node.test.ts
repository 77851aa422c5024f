import { existsSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { issueCodes } from "./admin-codes.ts";
import { AdminRefusal } from "./admin-refusal.ts";
import { runAdmin } from "./admin.ts";
import { heldSeededDatabase } from "./held-seeded-d1.ts";
import { querySql, REPO_ROOT } from "./wrangler.ts";

/**
 * The admin CLI against a real local D1 refuses what POST /v1/units and POST /v1/periods
 * refuse, with the API's code and sentence (golive GL-3), publishes a draft as the status
 * route does (GL-7), never says "revoked" when nothing was (GL-6), never loses a codes sheet
 * (GL-4), and speaks Vietnamese with English beside, --help included (GL-11).
 */
const TSX = join(REPO_ROOT, "node_modules/.bin/tsx");
const refusal = (p: Promise<unknown>): Promise<string> => p.then(() => "no error", (e: Error) => e.message);

describe("admin CLI: the API's checks before anything is written", () => {
  // One database start for the file's ~40 commands and reads (each would open its own).
  const d1 = heldSeededDatabase();
  const admin = (...args: string[]) => runAdmin([args[0]!, "--persist-to", d1.persistTo, ...args.slice(1)]);
  const count = async (table: string) => (await querySql<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`, d1.target))[0]!.n;
  beforeAll(async () => {
    // A draft of the 2025 commune set, as the pane's importer stores one.
    await querySql(
      "INSERT INTO criteria_sets (id, version, status, unit_type, year, title, body, created_at, published_at) SELECT 'tinh-x-xa-2025', 1, 'draft', unit_type, year, 'Bộ chỉ số cấp xã 2025 (nháp)', body, created_at, NULL FROM criteria_sets WHERE id = 'demo-commune-2025'",
      d1.target,
    );
  });

  it("create-unit: the day stored as the API stores it, the sheet's type words, and the API's refusals by code", async () => {
    expect(await admin("create-unit", "--id", "xa-moi-hai", "--name", "Xã  Mới Hai", "--type", "Xã", "--parent", "tinh-minh-hoa", "--valid-from", "01/07/2025")).toBe(
      "Đã tạo đơn vị xa-moi-hai: Xã Mới Hai (xã, trực thuộc tinh-minh-hoa, hoạt động từ 01/07/2025) / unit xa-moi-hai created (a commune under tinh-minh-hoa, from 2025-07-01)",
    );
    expect(await querySql("SELECT name, type, valid_from FROM units WHERE id = 'xa-moi-hai'", d1.target)).toEqual([{ name: "Xã Mới Hai", type: "commune", valid_from: "2025-07-01" }]);
    const units = await count("units");
    // A namesake under the same parent (case and spacing aside), as POST /v1/units refuses it.
    expect(await refusal(admin("create-unit", "--id", "xa-an-phu-loc-2", "--name", "xã an phú  lộc", "--type", "commune", "--parent", "tinh-minh-hoa", "--valid-from", "2026-01-01"))).toMatch(
      /^UNIT_NAME_EXISTS: Đã có đơn vị Xã An Phú Lộc \(xa-an-phu-loc\) trực thuộc tinh-minh-hoa.* \/ unit xa-an-phu-loc/,
    );
    expect(await refusal(admin("create-unit", "--id", "xa-sai-cap", "--name", "Xã Sai Cấp", "--type", "commune", "--parent", "so-noi-vu", "--valid-from", "2025-07-01"))).toMatch(
      /^PARENT_WRONG_LEVEL: xã không thể trực thuộc so-noi-vu \(sở, ban, ngành\): đơn vị cấp trên phải là huyện hoặc tỉnh \/ a commune cannot sit under so-noi-vu/,
    );
    expect(await refusal(admin("create-unit", "--id", "xa-mo-coi", "--name", "Xã Mồ Côi", "--type", "Thị trấn", "--parent", "khong-co", "--valid-from", "2025-07-01"))).toMatch(/^UNKNOWN_PARENT: Không có đơn vị cha khong-co \//);
    expect(await refusal(admin("create-unit", "--id", "xa-khong-cha", "--name", "Xã Không Cha", "--type", "commune", "--valid-from", "2025-07-01"))).toMatch(/^PARENT_MISSING: xã cần đơn vị cấp trên \(huyện hoặc tỉnh\) \//);
    // Refused from the arguments alone, in both languages.
    expect(await refusal(admin("create-unit", "--id", "lang-x", "--name", "Làng X", "--type", "Làng", "--parent", "tinh-minh-hoa", "--valid-from", "2025-07-01"))).toMatch(/^VALIDATION_FAILED: --type "Làng": loại đơn vị không rõ .* \/ --type "Làng": unknown unit type/);
    expect(await refusal(admin("create-unit", "--id", "xa-y", "--name", "Xã Y", "--type", "commune", "--parent", "tinh-minh-hoa", "--valid-from", "31/02/2025"))).toMatch(/^VALIDATION_FAILED: --valid-from "31\/02\/2025" không phải một ngày có thật/);
    expect(await refusal(admin("create-unit", "--id", "Xã Y", "--name", "Xã Y", "--type", "commune", "--parent", "tinh-minh-hoa", "--valid-from", "2025-07-01"))).toMatch(/^VALIDATION_FAILED: --id chỉ gồm chữ thường không dấu/);
    expect(await count("units")).toBe(units);
  });

  it("create-period refuses a draft set, another year and an unknown set by the API's codes; publish-set publishes the draft, once, audited", async () => {
    const period = (id: string, year: string, set: string) => admin("create-period", "--id", id, "--year", year, "--set", set, "--version", "1", "--deadline", "31/01/2026");
    expect(await refusal(period("2025-xa-nhap", "2025", "tinh-x-xa-2025"))).toMatch(/^CRITERIA_SET_NOT_PUBLISHED: Bộ tiêu chí tinh-x-xa-2025@1 chưa ban hành \(còn là bản nháp\): ban hành nó trước .*\nVới lệnh admin: npm run -s admin -- publish-set --id tinh-x-xa-2025 --version 1 \//);
    expect(await refusal(period("2025-xa-khong-co", "2025", "khong-co"))).toMatch(/^CRITERIA_SET_NOT_PUBLISHED: Không có bộ tiêu chí khong-co@1: kiểm tra mã và phiên bản .* \/ criteria set khong-co@1 does not exist/);
    expect(await refusal(period("2026-xa-sai-nam", "2026", "demo-commune-2025"))).toMatch(/^PERIOD_YEAR_MISMATCH: Năm của kỳ \(2026\) khác năm của bộ tiêu chí demo-commune-2025@1 \(2025\)/);
    expect(await count("periods WHERE id LIKE '2025-xa-%' OR id LIKE '2026-xa-%'")).toBe(0);

    expect(await admin("publish-set", "--id", "tinh-x-xa-2025", "--version", "1")).toMatch(/^Đã ban hành bộ tiêu chí tinh-x-xa-2025 phiên bản 1: «Bộ chỉ số cấp xã 2025 \(nháp\)», năm 2025, cấp xã\. .* \/ criteria set tinh-x-xa-2025 version 1 published/);
    expect(await querySql("SELECT c.status, a.action, json_extract(a.detail, '$.via') AS via FROM criteria_sets c JOIN audit_log a ON a.entity_id = 'tinh-x-xa-2025@1' WHERE c.id = 'tinh-x-xa-2025'", d1.target)).toEqual([
      { status: "published", action: "criteria_set.published", via: "admin-cli" },
    ]);
    expect(await refusal(admin("publish-set", "--id", "tinh-x-xa-2025", "--version", "1"))).toBe("INVALID_STATUS_CHANGE: Phiên bản 1 của bộ tiêu chí tinh-x-xa-2025 đã ban hành rồi / version 1 of criteria set tinh-x-xa-2025 is published: cannot move it to published");
    expect(await refusal(admin("publish-set", "--id", "khong-co", "--version", "1"))).toMatch(/^CRITERIA_SET_NOT_FOUND: Không tìm thấy bộ tiêu chí khong-co@1 \//);
    expect(await period("2025-xa-nhap", "2025", "tinh-x-xa-2025")).toMatch(/^Đã tạo kỳ đánh giá 2025-xa-nhap,/);
    expect(await refusal(period("2025-xa-nhap", "2025", "tinh-x-xa-2025"))).toMatch(/^PERIOD_EXISTS: Kỳ 2025-xa-nhap đã có \/ period 2025-xa-nhap exists/);
    // One open period per year and level, as POST /v1/periods keeps it (go-live GL-2): the first
    // open one may meet the seed's own open 2025 commune period, the second always meets one.
    const open = (id: string) => admin("create-period", "--id", id, "--year", "2025", "--set", "tinh-x-xa-2025", "--version", "1", "--deadline", "31/01/2099");
    await open("2025-xa-mo").catch(() => undefined);
    expect(await refusal(open("2025-xa-mo-2"))).toMatch(/^PERIOD_EXISTS: Đã có kỳ \S+ năm 2025 cấp xã đang mở/);
    expect(await count("periods WHERE id = '2025-xa-mo-2'")).toBe(0);
  });

  it("unlock-period refuses, as …/unlock does, a period whose year and level has another open — nothing changed, no audit row", async () => {
    // The seed's 2025 commune period is open (the demo codes' period): a locked twin of it is created, then asked to open.
    expect(await admin("create-period", "--id", "2025-xa-khoa", "--year", "2025", "--set", "demo-commune-2025", "--version", "1", "--deadline", "31/01/2099", "--locked")).toMatch(/^Đã tạo kỳ đánh giá 2025-xa-khoa,/);
    const audits = await count("audit_log");
    expect(await refusal(admin("unlock-period", "--id", "2025-xa-khoa", "--reason", "Hội đồng đồng ý phúc tra"))).toMatch(/^PERIOD_EXISTS: /);
    expect(await count("periods WHERE id = '2025-xa-khoa' AND locked = 1")).toBe(1);
    expect(await count("audit_log")).toBe(audits);
  });

  it("lock-period of a locked period changes nothing and says so: its reason is not recorded, one audit row (GL2-6)", async () => {
    expect(await admin("create-period", "--id", "2024-xa-khoa-hai", "--year", "2024", "--set", "demo-commune-2024", "--version", "1", "--deadline", "31/01/2025")).toMatch(/^Đã tạo kỳ đánh giá 2024-xa-khoa-hai,/);
    expect(await admin("lock-period", "--id", "2024-xa-khoa-hai", "--reason", "Đã công bố kết quả")).toMatch(/^Kỳ 2024-xa-khoa-hai đã khóa \(lý do: Đã công bố kết quả\)/);
    expect(await admin("lock-period", "--id", "2024-xa-khoa-hai", "--reason", "Lý do khác")).toBe(
      'Kỳ 2024-xa-khoa-hai đã khóa từ trước: không thay đổi gì, lý do "Lý do khác" không được ghi / period 2024-xa-khoa-hai was already locked: nothing changed, the reason was not recorded',
    );
    expect(await querySql("SELECT json_extract(detail, '$.reason') AS reason FROM audit_log WHERE action = 'period.lock' AND entity_id = '2024-xa-khoa-hai'", d1.target)).toEqual([{ reason: "Đã công bố kết quả" }]);
    expect(await admin("unlock-period", "--id", "2024-xa-khoa-hai", "--reason", "Hội đồng đồng ý phúc tra")).toMatch(/^Kỳ 2024-xa-khoa-hai đã mở khóa/);
    expect(await admin("unlock-period", "--id", "2024-xa-khoa-hai", "--reason", "Lần nữa")).toMatch(/^Kỳ 2024-xa-khoa-hai đang mở sẵn: không thay đổi gì/);
  });

  it("create-token for a unit that does not exist is the API's UNIT_NOT_FOUND, not the database's foreign key (GL2-5)", async () => {
    const tokens = await count("tokens");
    expect(await refusal(admin("create-token", "--role", "unit", "--unit", "khong-co"))).toBe("UNIT_NOT_FOUND: Không tìm thấy đơn vị khong-co / unit khong-co not found");
    expect(await count("tokens")).toBe(tokens);
  });

  it("a --persist-to holding no local D1 is said as such, and nothing is created there (GL2-4)", async () => {
    const none = join(d1.persistTo, "khong-co-d1");
    expect(await refusal(runAdmin(["revoke-token", "--persist-to", none, "--id", "tok-x"]))).toMatch(/^Không có cơ sở dữ liệu D1 cục bộ trong .*khong-co-d1: chạy npm start .* \/ no local D1 in /);
    expect(existsSync(none)).toBe(false);
  });

  it("revoke-token of an id no token has says so and fails, writing nothing", async () => {
    const audits = await count("audit_log");
    expect(await refusal(admin("revoke-token", "--id", "tok-khong-co"))).toBe(
      "TOKEN_NOT_ACTIVE: không có mã truy cập đang hoạt động với id tok-khong-co: không có mã nào mang id này (xem danh sách mã: SECURITY.md mục 2); không thay đổi gì / no active token with id tok-khong-co: no token has this id (list them: SECURITY.md §2); nothing changed",
    );
    expect(await count("audit_log")).toBe(audits);
  });

  it("issue-codes refuses a sheet it cannot write before storing or withdrawing any code", async () => {
    const before = await querySql("SELECT id, withdrawn_at FROM activation_codes ORDER BY id", d1.target);
    const missing = join(d1.persistTo, "khong-co-thu-muc", "ma.csv");
    expect(await refusal(admin("issue-codes", "--under", "huyen-an-binh", "--csv", missing))).toBe(
      `SHEET_NOT_WRITABLE: không ghi được bảng mã vào ${missing} (thư mục không có): chưa cấp mã nào, các mã đã phát vẫn dùng được — chọn một thư mục có sẵn / cannot write the codes sheet to ${missing} (the folder does not exist): no code was issued, the codes handed out still work — pick a folder that exists`,
    );
    expect(await refusal(admin("issue-codes", "--unit", "xa-an-phu-loc", "--xlsx", d1.persistTo))).toMatch(/^SHEET_NOT_WRITABLE: không ghi được bảng mã vào .* \(đó là một thư mục\)/);
    expect(await querySql("SELECT id, withdrawn_at FROM activation_codes ORDER BY id", d1.target)).toEqual(before);
  });

  it("issue-codes whose sheet fails after the codes are stored still gives the codes, and says the file failed", async () => {
    const dir = await mkdtemp(join(tmpdir(), "parindex-codes-"));
    const planned = await issueCodes({ unit: "xa-an-phu-loc", csv: join(dir, "ma.csv") }, d1.target);
    await rm(dir, { recursive: true }); // the folder goes while the codes are being stored
    const failed = await planned.afterStored!().then(() => null, (e: unknown) => e);
    expect(failed).toBeInstanceOf(AdminRefusal);
    const { message, printed } = failed as AdminRefusal;
    expect(message).toMatch(/^SHEET_WRITE_FAILED: các mã trên ĐÃ ĐƯỢC CẤP \(mã cũ của các đơn vị này đã bị thu hồi\) nhưng không ghi được .*ma\.csv \(thư mục không có\): hãy chép các mã in ở trên \/ the codes above ARE issued/);
    expect(printed).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{2}  \d\d\/\d\d\/\d{4}  Xã An Phú Lộc \(Tỉnh Minh Họa \(minh họa\)\)  xa-an-phu-loc\n\(1 mã kích hoạt, mỗi mã dùng một lần/);
  });
});

describe("admin CLI: its usage and its words", () => {
  it("--help and -h print the usage, every command in it, Vietnamese first", async () => {
    for (const flag of ["--help", "-h"]) {
      const usage = await runAdmin([flag]);
      expect(usage.split("\n")[0]).toBe("Cách dùng / usage: npm run -s admin -- <lệnh / command> [--remote --env production | --persist-to DIR] …");
      for (const command of ["create-unit", "create-token", "revoke-token", "publish-set", "create-period", "issue-codes"]) expect(usage).toContain(`  ${command} `);
    }
    expect(await runAdmin(["issue-codes", "--help"])).toMatch(/^Cách dùng/);
  });

  it("refuses an unknown option or command in both languages, with the usage", async () => {
    expect((await refusal(runAdmin(["create-unit", "--bogus"]))).split("\n")[0]).toBe("không có tùy chọn --bogus / unknown option --bogus");
    expect((await refusal(runAdmin(["xoa-don-vi"]))).split("\n").slice(0, 2)).toEqual(["không có lệnh xoa-don-vi / unknown command xoa-don-vi", expect.stringMatching(/^Cách dùng/)]);
    expect(await refusal(runAdmin(["create-token", "--role", "unit"]))).toBe("cần --unit / --unit is required");
    expect(await refusal(runAdmin(["create-period", "--id", "p", "--year", "năm nay", "--set", "s", "--deadline", "31/01/2026"]))).toBe('--year là số nguyên (nhận được "năm nay") / --year is a whole number (got "năm nay")');
  });

  it("npm run -s admin -- --help exits 0 with the usage on stdout", () => {
    const run = spawnSync(TSX, [join(REPO_ROOT, "dev/admin.ts"), "--help"], { cwd: REPO_ROOT, encoding: "utf8" });
    expect([run.status, run.stdout.split("\n")[0], run.stderr]).toEqual([0, expect.stringMatching(/^Cách dùng \/ usage:/), ""]);
    const bare = spawnSync(TSX, [join(REPO_ROOT, "dev/admin.ts")], { cwd: REPO_ROOT, encoding: "utf8" });
    expect([bare.status, bare.stderr.split("\n")[0]]).toEqual([1, expect.stringMatching(/^Cách dùng \/ usage:/)]);
  });
});
