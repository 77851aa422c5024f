import { describe, expect, it } from "vitest";
import { runAdmin } from "./admin.ts";
import { heldSeededDatabase } from "./held-seeded-d1.ts";
import { querySql } from "./wrangler.ts";

/**
 * A second black-box audit (A5): the admin CLI refuses what the API refuses — a unit that would
 * join a locked period (A5-1) —, reads "Thành phố" as the API does (A5-4), says how to publish a
 * draft set (A5-11) and names a namesake's district in issue-codes' lines (A5-14).
 */
const refusal = (p: Promise<unknown>): Promise<string> => p.then(() => "no error", (e: Error) => e.message);

describe("admin CLI against a locked period and the unit words (A5)", () => {
  const d1 = heldSeededDatabase();
  const admin = (...args: string[]) => runAdmin([args[0]!, "--persist-to", d1.persistTo, ...args.slice(1)]);
  const count = async (sql: string) => (await querySql<{ n: number }>(sql, d1.target))[0]!.n;

  it("A5-1: create-unit back-dated into a locked period's year is 409 PERIOD_LOCKED, as POST /v1/units; nothing is stored", async () => {
    expect(await admin("lock-period", "--id", "2024-commune", "--reason", "Đã công bố kết quả")).toMatch(/^Kỳ 2024-commune đã khóa/);
    const units = await count("SELECT COUNT(*) AS n FROM units");
    const message = await refusal(admin("create-unit", "--id", "t-a5-kim-phu", "--name", "Xã Kim Phú", "--type", "Xã", "--parent", "huyen-an-binh", "--valid-from", "01/01/2024", "--valid-to", "30/06/2025"));
    expect(message).toMatch(/^PERIOD_LOCKED: Kỳ đánh giá 2024-commune đã khóa .*t-a5-kim-phu/);
    expect(message).toContain("unlock-period");
    expect(await count("SELECT COUNT(*) AS n FROM units")).toBe(units);
    expect(await admin("unlock-period", "--id", "2024-commune", "--reason", "Thử xong")).toMatch(/mở khóa/);
  });

  it("A5-4: --type Thành phố (or TP) is a district-level city; an unknown type lists every word accepted", async () => {
    expect(await admin("create-unit", "--id", "t-a5-tp-x", "--name", "Thành phố X", "--type", "Thành phố", "--parent", "tinh-minh-hoa", "--valid-from", "01/01/2024")).toMatch(/^Đã tạo đơn vị t-a5-tp-x: Thành phố X \(huyện/);
    expect(await admin("create-unit", "--id", "t-a5-tp-y", "--name", "Thành phố Y", "--type", "Tp.", "--parent", "tinh-minh-hoa", "--valid-from", "01/01/2024")).toMatch(/^Đã tạo đơn vị t-a5-tp-y/);
    const unknown = await refusal(admin("create-unit", "--id", "t-a5-lang", "--name", "Làng Z", "--type", "Làng", "--parent", "tinh-minh-hoa", "--valid-from", "01/01/2024"));
    for (const word of ["Thành phố thuộc tỉnh", "Thành phố", "Đặc khu", "Ban", "Thị trấn", "Thị xã"]) expect(unknown).toContain(word);
  });

  it("A5-11: create-period on a draft set says how to publish it", async () => {
    await querySql(
      "INSERT INTO criteria_sets (id, version, status, unit_type, year, title, body, created_at, published_at) SELECT 't-a5-nhap', 1, 'draft', unit_type, year, 'Nháp', body, created_at, NULL FROM criteria_sets WHERE id = 'demo-commune-2025'",
      d1.target,
    );
    const message = await refusal(admin("create-period", "--id", "t-a5-ky", "--year", "2025", "--set", "t-a5-nhap", "--version", "1", "--deadline", "31/01/2099"));
    expect(message).toMatch(/^CRITERIA_SET_NOT_PUBLISHED: /);
    expect(message).toContain("npm run -s admin -- publish-set --id t-a5-nhap --version 1");
  });

  it("A5-14: issue-codes names each unit's parent on its line", async () => {
    const out = await admin("issue-codes", "--unit", "xa-an-phu-loc");
    expect(out.split("\n")[0]).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{2} {2}\d\d\/\d\d\/\d{4} {2}Xã An Phú Lộc \(Tỉnh Minh Họa \(minh họa\)\) {2}xa-an-phu-loc$/);
  });
});

/**
 * A5-3: a unit loaded from a sheet could never be closed (no route updates a unit; a merge joins
 * units of one kind), so the districts abolished on 1/7/2025 stayed open and got codes.
 * `admin close-unit` ends one, refused where the API refuses a merge's predecessor: units below it
 * still open, versions or survey scores in a period it would leave, a locked period it would leave.
 */
describe("admin close-unit (A5-3)", () => {
  const d1 = heldSeededDatabase();
  const admin = (...args: string[]) => runAdmin([args[0]!, "--persist-to", d1.persistTo, ...args.slice(1)]);
  const unit = (id: string, name: string, type: string, parent: string, from = "01/01/2020") => admin("create-unit", "--id", id, "--name", name, "--type", type, "--parent", parent, "--valid-from", from);
  const validTo = async (id: string) => (await querySql<{ valid_to: string | null }>(`SELECT valid_to FROM units WHERE id = '${id}'`, d1.target))[0]?.valid_to;

  it("closes a district on its last day, audited, once; refuses what would change a period's units wrongly", async () => {
    await unit("t-a5-huyen-cu", "Huyện Cũ A5", "Huyện", "tinh-minh-hoa");
    await unit("t-a5-xa-con", "Xã Con A5", "Xã", "t-a5-huyen-cu");
    // A unit below it still open on the next day: close or merge it first.
    expect(await refusal(admin("close-unit", "--id", "t-a5-huyen-cu", "--valid-to", "30/06/2025"))).toMatch(/^UNIT_HAS_OPEN_CHILDREN: .*t-a5-xa-con/);
    expect(await admin("close-unit", "--id", "t-a5-xa-con", "--valid-to", "30/06/2025")).toMatch(/^Đã đóng đơn vị t-a5-xa-con \(Xã Con A5\): hoạt động đến hết ngày 30\/06\/2025;/);
    expect(await admin("close-unit", "--id", "t-a5-huyen-cu", "--valid-to", "30/06/2025")).toMatch(/^Đã đóng đơn vị t-a5-huyen-cu/);
    expect(await validTo("t-a5-huyen-cu")).toBe("2025-06-30");
    expect(await querySql("SELECT detail FROM audit_log WHERE action = 'unit.close' AND entity_id = 't-a5-huyen-cu'", d1.target)).toHaveLength(1);
    // Already closed by then: nothing to change, said as such.
    expect(await refusal(admin("close-unit", "--id", "t-a5-huyen-cu", "--valid-to", "31/12/2025"))).toMatch(/^UNIT_NOT_OPEN: /);
    expect(await refusal(admin("close-unit", "--id", "khong-co", "--valid-to", "31/12/2025"))).toMatch(/^UNIT_NOT_FOUND: /);
    expect(await refusal(admin("close-unit", "--id", "t-a5-xa-con", "--valid-to", "31/12/2019"))).toMatch(/^VALIDATION_FAILED: /);
  });

  it("refuses a unit with a version in a period it would leave, and a locked period it would leave", async () => {
    // A commune with survey scores in the 2025 period (its units: those open on 31/12/2025).
    await unit("t-a5-xa-diem", "Xã Điểm A5", "Xã", "tinh-minh-hoa", "01/07/2025");
    await querySql("INSERT INTO survey_scores (period_id, unit_id, code, score_cents, import_id) VALUES ('2025-commune', 't-a5-xa-diem', '7.1.1', 100, 't-a5')", d1.target);
    expect(await refusal(admin("close-unit", "--id", "t-a5-xa-diem", "--valid-to", "30/11/2025"))).toMatch(/^CLOSE_AFTER_SUBMISSIONS: .*2025-commune.*ghi ngày kết thúc từ 31\/12\/2025 trở đi/);
    expect(await validTo("t-a5-xa-diem")).toBeNull();
    await unit("t-a5-huyen-khoa", "Huyện Khóa A5", "Huyện", "tinh-minh-hoa");
    expect(await admin("lock-period", "--id", "2024-district", "--reason", "Đã công bố")).toMatch(/đã khóa/);
    expect(await refusal(admin("close-unit", "--id", "t-a5-huyen-khoa", "--valid-to", "30/06/2024"))).toMatch(/^PERIOD_LOCKED: Kỳ đánh giá 2024-district đã khóa .*t-a5-huyen-khoa/);
    expect(await validTo("t-a5-huyen-khoa")).toBeNull();
    // Closing after the locked year's last day leaves its units as published.
    expect(await admin("close-unit", "--id", "t-a5-huyen-khoa", "--valid-to", "30/06/2025")).toMatch(/^Đã đóng đơn vị t-a5-huyen-khoa/);
  });
});
