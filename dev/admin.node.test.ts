import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import * as XLSX from "@e965/xlsx";
import { vietnamDate } from "../shared/index.ts";
import { activationCodeHash } from "../worker/src/onboarding/activation-code.ts";
import { validThrough } from "../worker/src/validity.ts";
import { codeDays } from "./admin-codes.ts";
import { DEFAULT_TOKEN_DAYS, runAdmin, tokenExpiry } from "./admin.ts";
import { heldSeededDatabase } from "./held-seeded-d1.ts";
import { querySql, wranglerReason } from "./wrangler.ts";
import { startRealWorker } from "./real-worker.ts";

describe("admin CLI: a token's end of validity", () => {
  const at = "2026-11-24T10:00:00.000Z";
  it("is the end of the given day in Vietnam time, none for never, else 400 days on", () => {
    expect(tokenExpiry("2027-03-31", at)).toBe("2027-03-31T23:59:59+07:00");
    expect(tokenExpiry("never", at)).toBeNull();
    expect(DEFAULT_TOKEN_DAYS).toBe(400);
    expect(tokenExpiry(undefined, at)).toBe("2027-12-29T23:59:59+07:00");
    expect(() => tokenExpiry("31/03/2027", at)).toThrow(/YYYY-MM-DD, or never/);
    expect(() => tokenExpiry("2026-11-01", at)).toThrow(/after today/);
  });

  it.each(["2027-02-30", "2027-02-29", "2027-04-31", "2027-13-01", "2027-00-10"])("refuses %s, a day that does not exist", (day) => {
    expect(() => tokenExpiry(day, at)).toThrow(/day that exists/);
  });

  it("takes a leap day that exists", () => expect(tokenExpiry("2028-02-29", at)).toBe("2028-02-29T23:59:59+07:00"));
});

describe("admin CLI: why wrangler failed", () => {
  it("is its error line without colours, not its banner", () => {
    const output = "\n ⛅️ wrangler 4.86.0\n──────────\nResource location: local \n\n\u001b[31m✘ \u001b[41;31m[\u001b[41;97mERROR\u001b[41;31m]\u001b[0m \u001b[1mUNIQUE constraint failed: units.id: SQLITE_CONSTRAINT\u001b[0m\n\n🪵  Logs were written to \"x.log\"\n";
    expect(wranglerReason(output)).toBe("UNIQUE constraint failed: units.id: SQLITE_CONSTRAINT");
    expect(wranglerReason("\n ⛅️ wrangler 4.86.0\n───\nsomething odd happened\n")).toBe("something odd happened");
  });
});

describe("admin CLI: token lifecycle", () => {
  const d1 = heldSeededDatabase();

  it("revokes a token once, with its audit row; a second revoke changes nothing", async () => {
    const created = await runAdmin(["create-token", "--persist-to", d1.persistTo, "--role", "admin", "--label", "rotated"]);
    const id = /\(token (tok-[\w-]+),/.exec(created)?.[1];
    expect(id).toBeDefined();
    expect(await runAdmin(["revoke-token", "--persist-to", d1.persistTo, "--id", id!])).toContain("revoked");
    // Nothing changed the second time: said so, and refused (exit 1), never "revoked" (GL-6).
    await expect(runAdmin(["revoke-token", "--persist-to", d1.persistTo, "--id", id!])).rejects.toThrow(`không có mã truy cập đang hoạt động với id ${id!}: mã này đã bị thu hồi lúc`);
    // The token's row and its audit trail in one wrangler run: one row per audit entry, in order.
    const rows = await querySql<{ label: string; revoked_at: string | null; action: string }>(
      `SELECT t.label, t.revoked_at, a.action FROM tokens t JOIN audit_log a ON a.entity_id = t.id WHERE t.id = '${id}' ORDER BY a.id`,
      d1.target,
    );
    expect(rows.map((r) => r.action)).toEqual(["token.create", "token.revoke"]);
    expect(rows[0]).toMatchObject({ label: "rotated", revoked_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
  });

  it("leaves no SQL file behind, and a failed command says why", async () => {
    const tmpRoot = await mkdtemp(join(tmpdir(), "parindex-admin-root-"));
    try {
      // A commune needs its parent, as POST /v1/units says (GL-3); the second create finds the id taken.
      const unit = ["create-unit", "--persist-to", d1.persistTo, "--id", "xa-admin-test", "--name", "Xã Thử", "--type", "commune", "--parent", "tinh-minh-hoa", "--valid-from", "2025-07-01"];
      await runAdmin(["create-token", "--persist-to", d1.persistTo, "--role", "admin", "--label", "temp-file"], { tmpRoot });
      await runAdmin(unit, { tmpRoot });
      const failed = await runAdmin(unit, { tmpRoot }).then(() => "no error", (e: Error) => e.message);
      expect(failed).toMatch(/UNIQUE constraint failed: units\.id/);
      expect(failed).toMatch(/^UNIT_EXISTS: Đơn vị xa-admin-test đã có \/ unit xa-admin-test already exists/);
      expect(failed).not.toMatch(/⛅️|wrangler 4\.\d/);
      expect(await readdir(tmpRoot)).toEqual([]);
    } finally {
      await rm(tmpRoot, { recursive: true, force: true });
    }
  });
});

describe("admin CLI: activation codes", () => {
  const d1 = heldSeededDatabase();
  const at = new Date().toISOString();

  it("refuses days outside 1–60 and a call without exactly one of --unit and --under", async () => {
    expect(codeDays(undefined)).toBe(14);
    expect(() => codeDays("61")).toThrow(/1 to 60/);
    expect(() => codeDays("0")).toThrow(/1 to 60/);
    await expect(runAdmin(["issue-codes", "--persist-to", d1.persistTo])).rejects.toThrow(/--unit ID or --under ID/);
    await expect(runAdmin(["issue-codes", "--persist-to", d1.persistTo, "--unit", "no-such-unit"])).rejects.toThrow(/no open unit with id no-such-unit/);
  });

  it("issues codes for every open unit below a unit, stores only their hashes with an audit row each, writes the sheet, and the Worker redeems them; issuing again withdraws a unit's unused code", async () => {
    await runAdmin(["create-unit", "--persist-to", d1.persistTo, "--id", "huyen-cli", "--name", "Huyện Dòng Lệnh", "--type", "district", "--parent", "tinh-minh-hoa", "--valid-from", "2025-07-01"]);
    await runAdmin(["create-unit", "--persist-to", d1.persistTo, "--id", "xa-cli-b", "--name", "Xã Bến", "--type", "commune", "--parent", "huyen-cli", "--valid-from", "2025-07-01"]);
    await runAdmin(["create-unit", "--persist-to", d1.persistTo, "--id", "xa-cli-a", "--name", "Xã Ấp", "--type", "commune", "--parent", "huyen-cli", "--valid-from", "2025-07-01"]);
    const csv = join(d1.persistTo, "codes.csv");
    const xlsx = join(d1.persistTo, "codes.xlsx");
    const out = await runAdmin(["issue-codes", "--persist-to", d1.persistTo, "--under", "huyen-cli", "--days", "30", "--csv", csv, "--xlsx", xlsx]);
    const until = vietnamDate(validThrough(at, 30));
    const lines = out.split("\n");
    expect(lines[0]).toMatch(new RegExp(`^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{2}  ${until}  Xã Ấp \\(Huyện Dòng Lệnh\\)  xa-cli-a$`));
    expect(lines[1]).toMatch(/  Xã Bến \(Huyện Dòng Lệnh\)  xa-cli-b$/);
    expect(lines[2]).toContain("only their SHA-256 is stored");
    const codes = lines.slice(0, 2).map((l) => l.slice(0, 12));

    const rows = await querySql<{ code_hash: string; unit_id: string; created_by: string | null }>("SELECT code_hash, unit_id, created_by FROM activation_codes WHERE unit_id LIKE 'xa-cli-%' ORDER BY unit_id", d1.target);
    expect(rows).toEqual([
      { code_hash: await activationCodeHash(codes[0]!), unit_id: "xa-cli-a", created_by: null },
      { code_hash: await activationCodeHash(codes[1]!), unit_id: "xa-cli-b", created_by: null },
    ]);
    const audit = await querySql<{ detail: string }>("SELECT detail FROM audit_log WHERE action = 'activation_code.issue' ORDER BY id", d1.target);
    expect(audit.map((a) => JSON.parse(a.detail).via)).toEqual(["admin-cli", "admin-cli"]);
    expect(audit.map((a) => a.detail).join()).not.toMatch(/[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{2}/);

    const sheet = await readFile(csv, "utf8");
    expect(sheet.split("\r\n")[1]).toBe(`Xã Ấp;Huyện Dòng Lệnh;xa-cli-a;${codes[0]};${until};Mở Chỉ số CCHC (trong Excel hoặc trên trang web của tỉnh), chọn Kích hoạt và nhập mã này. Mỗi mã chỉ dùng được một lần.`);
    const book = XLSX.read(await readFile(xlsx), { type: "buffer", cellNF: true });
    expect(book.Sheets["Mã kích hoạt"]?.D3?.v).toBe(codes[1]);

    // Issuing again for one unit withdraws its earlier unused code, as the Worker does.
    await runAdmin(["issue-codes", "--persist-to", d1.persistTo, "--unit", "xa-cli-a"]);
    const withdrawn = await querySql<{ token_id: string | null; unit: string }>("SELECT token_id, json_extract(detail, '$.unit') AS unit FROM audit_log WHERE action = 'activation_code.withdraw'", d1.target);
    expect(withdrawn).toEqual([{ token_id: null, unit: "xa-cli-a" }]);

    // The real Worker on the same database redeems a code the CLI issued, and refuses the withdrawn one.
    await d1.release(); // the Worker's workerd is the database's only one from here, as after a CLI command
    const worker = await startRealWorker(d1.target);
    try {
      const redeem = () => fetch(`${worker.url}/v1/activate`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ code: codes[1]!.toLowerCase() }) });
      const first = await redeem();
      expect(first.status).toBe(201);
      expect(await first.json()).toMatchObject({ unit: { id: "xa-cli-b", name: "Xã Bến" }, role: "unit" });
      expect((await redeem()).status).toBe(410);
      const old = await fetch(`${worker.url}/v1/activate`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ code: codes[0] }) });
      expect(old.status).toBe(401);
    } finally {
      await worker.close();
    }
  }, 180_000);
});
