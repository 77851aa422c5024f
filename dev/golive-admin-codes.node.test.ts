import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sheetOrigin } from "./admin-codes.ts";
import { runAdmin } from "./admin.ts";
import { heldSeededDatabase } from "./held-seeded-d1.ts";

/**
 * Go-live GL-1 and GL-9 for `admin issue-codes`: its sheet names each unit's parent (two
 * "Xã Tân Lập" of two districts), and with --origin the web checker's address.
 */
describe("admin issue-codes: --origin", () => {
  it.each([
    ["https://cchc.tinhx.gov.vn", "https://cchc.tinhx.gov.vn"],
    ["https://cchc.tinhx.gov.vn/", "https://cchc.tinhx.gov.vn"],
    ["http://127.0.0.1:8787", "http://127.0.0.1:8787"],
  ])("takes %s as %s", (typed, origin) => expect(sheetOrigin(typed)).toBe(origin));

  it.each(["cchc.tinhx.gov.vn", "https://cchc.tinhx.gov.vn/kiem-tra", "ftp://x", "https://x/?a=1", ""])("refuses %j, in Vietnamese first", (typed) => {
    expect(() => sheetOrigin(typed)).toThrow(/^--origin .*: ghi địa chỉ của máy chủ dạng https:\/\/ten-mien/);
  });

  it("is optional", () => expect(sheetOrigin(undefined)).toBeUndefined());
});

describe("admin issue-codes: the sheet of namesakes", () => {
  const d1 = heldSeededDatabase();
  let dir = "";
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "parindex-golive-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("names each commune's district and, with --origin, the web checker", async () => {
    const unit = (id: string, name: string, type: string, parent: string) => runAdmin(["create-unit", "--persist-to", d1.persistTo, "--id", id, "--name", name, "--type", type, "--parent", parent, "--valid-from", "2025-07-01"]);
    await unit("t-gl-huyen-yen-son", "Huyện Yên Sơn", "district", "tinh-minh-hoa");
    await unit("t-gl-huyen-ham-yen", "Huyện Hàm Yên", "district", "tinh-minh-hoa");
    await unit("t-gl-xa-tan-lap", "Xã Tân Lập", "commune", "t-gl-huyen-yen-son");
    await unit("t-gl-xa-tan-lap-2", "Xã Tân Lập", "commune", "t-gl-huyen-ham-yen");
    const csv = join(dir, "ma.csv");
    await runAdmin(["issue-codes", "--persist-to", d1.persistTo, "--unit", "t-gl-xa-tan-lap-2", "--csv", csv, "--origin", "https://cchc.tinhx.gov.vn"]);
    const [header, row] = (await readFile(csv, "utf8")).split("\r\n");
    expect(header).toBe("\uFEFFĐơn vị;Trực thuộc;Mã đơn vị;Mã kích hoạt;Dùng được đến hết ngày;Cách dùng");
    expect(row).toMatch(/^Xã Tân Lập;Huyện Hàm Yên;t-gl-xa-tan-lap-2;[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{2};\d\d\/\d\d\/\d{4};Mở Chỉ số CCHC \(trong Excel hoặc trên trang web của tỉnh https:\/\/cchc\.tinhx\.gov\.vn\/\), chọn Kích hoạt/);
  });
});
