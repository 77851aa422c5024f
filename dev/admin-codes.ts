import { randomUUID } from "node:crypto";
import { constants } from "node:fs";
import { access, stat, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { activationSheetCsv, activationSheetTable, compareVietnamese, vietnamDate, type IssuedCode } from "../shared/index.ts";
import { activationCodeHash, newActivationCode } from "../worker/src/onboarding/activation-code.ts";
import { withdrawCodesSql } from "../worker/src/onboarding/withdraw-codes.ts";
import { sql } from "../worker/src/seed/demo-seed.ts";
import { DEFAULT_CODE_DAYS, validThrough } from "../worker/src/validity.ts";
import { tableWorkbook } from "../xlsx/table-workbook.ts";
import type { AdminCommand } from "./admin-records.ts";
import { AdminRefusal, both } from "./admin-refusal.ts";
import { querySql, type Target } from "./wrangler.ts";

/**
 * `admin issue-codes`: activation codes straight into D1, as the Worker issues them (same
 * generator, same hash, same validity, an audit row each, the units' earlier unused codes
 * withdrawn), for one unit or every open unit below one. The codes are printed and may be written to the sheet to hand out (CSV for
 * Excel, XLSX); D1 keeps only their hashes. Storing codes withdraws the units' sheet already
 * handed out, so a sheet that cannot be written is refused before anything is stored, and
 * one whose write still fails leaves the codes printed: a sheet of codes is never lost.
 */
export interface IssueCodesOptions {
  unit?: string | undefined;
  under?: string | undefined;
  days?: string | undefined;
  csv?: string | undefined;
  xlsx?: string | undefined;
  /** The deployment's https origin: the sheet then names the web checker's address (else "the province's web page"). */
  origin?: string | undefined;
}

interface UnitRow {
  id: string;
  name: string;
  parent_id: string | null;
  /** The sheet's "Trực thuộc": namesakes of two districts are told apart by it. */
  parent_name: string | null;
}

/** Open today (Vietnam time): not closed by a merge. */
const OPEN = "(u.valid_to IS NULL OR u.valid_to >= ?today)";

function unitsQuery(o: IssueCodesOptions, today: string): string {
  const open = OPEN.replace("?today", sql(today));
  const parentName = "(SELECT p.name FROM units p WHERE p.id = u.parent_id) AS parent_name";
  if (o.unit && !o.under) return `SELECT u.id, u.name, u.parent_id, ${parentName} FROM units u WHERE u.id = ${sql(o.unit)} AND ${open}`;
  if (o.under && !o.unit) {
    return `WITH RECURSIVE below(id, depth) AS (SELECT id, 0 FROM units WHERE parent_id = ${sql(o.under)}
      UNION ALL SELECT u.id, below.depth + 1 FROM units u JOIN below ON u.parent_id = below.id WHERE below.depth < 32)
      SELECT u.id, u.name, u.parent_id, ${parentName} FROM units u JOIN below ON below.id = u.id WHERE ${open}`;
  }
  throw new AdminRefusal(both("issue-codes cần --unit ID hoặc --under ID (chỉ một trong hai)", "issue-codes needs --unit ID or --under ID (one of them)"));
}

/** --origin as the sheet names it: an http(s) origin without a path ("https://cchc.tinhx.gov.vn"). */
export function sheetOrigin(origin: string | undefined): string | undefined {
  if (origin === undefined) return undefined;
  let url: URL | null = null;
  try {
    url = new URL(origin);
  } catch {
    // not a URL: refused below
  }
  if (!url || !/^https?:$/.test(url.protocol) || url.pathname !== "/" || url.search || url.hash) {
    throw new Error(`--origin ${JSON.stringify(origin)}: ghi địa chỉ của máy chủ dạng https://ten-mien, không có đường dẫn / give the server's address as https://host, without a path`);
  }
  return url.origin;
}

export function codeDays(days: string | undefined): number {
  const n = Number(days ?? DEFAULT_CODE_DAYS);
  if (!Number.isInteger(n) || n < 1 || n > 60) throw new AdminRefusal(both("--days là số nguyên từ 1 đến 60", "--days is a whole number from 1 to 60"));
  return n;
}

/** The codes for these units, and the SQL that stores their hashes with an audit row each. */
export async function codeStatements(units: readonly UnitRow[], days: number, at: string): Promise<{ codes: IssuedCode[]; statements: string[] }> {
  const expiresAt = validThrough(at, days);
  const codes = units.map((u): IssuedCode => ({ code: newActivationCode(), unit: { id: u.id, name: u.name, parent: u.parent_id && u.parent_name ? { id: u.parent_id, name: u.parent_name } : null }, role: "unit", expiresAt }));
  // The units' earlier unused codes are withdrawn first, as the Worker does when it issues.
  const withdraw = withdrawCodesSql(sql(JSON.stringify(units.map((u) => u.id))), sql(at), "NULL");
  const statements: string[] = [withdraw.audit, withdraw.update];
  for (const c of codes) {
    const id = `act-${randomUUID()}`;
    statements.push(
      `INSERT INTO activation_codes (id, code_hash, unit_id, created_at, created_by, expires_at) VALUES (${[id, await activationCodeHash(c.code), c.unit.id, at, null, expiresAt].map(sql).join(", ")})`,
      `INSERT INTO audit_log (at, token_id, action, entity, entity_id, detail) VALUES (${[at, null, "activation_code.issue", "activation_code", id, JSON.stringify({ unit: c.unit.id, expiresAt, via: "admin-cli" })].map(sql).join(", ")})`,
    );
  }
  return { codes, statements };
}

const REASON: Record<string, [string, string]> = {
  ENOENT: ["thư mục không có", "the folder does not exist"],
  ENOTDIR: ["đường dẫn không phải thư mục", "the path is not a folder"],
  EACCES: ["không có quyền ghi", "no permission to write there"],
  EPERM: ["không có quyền ghi", "no permission to write there"],
  EROFS: ["ổ đĩa chỉ đọc", "the disk is read-only"],
  EISDIR: ["đó là một thư mục", "it is a folder"],
};
const reason = (e: unknown): [string, string] => {
  const code = (e as { code?: string }).code ?? "";
  return REASON[code] ?? [code || String(e), code || String(e)];
};

/** Can the sheet be written there: an existing folder we may write in, and no folder or read-only file by that name? */
async function checkWritable(path: string): Promise<void> {
  try {
    const file = await stat(path).catch((e: { code?: string }) => (e.code === "ENOENT" ? null : Promise.reject(e)));
    if (file?.isDirectory()) throw Object.assign(new Error("EISDIR"), { code: "EISDIR" });
    if (!file && !(await stat(dirname(resolve(path)))).isDirectory()) throw Object.assign(new Error("ENOTDIR"), { code: "ENOTDIR" });
    await access(file ? path : dirname(resolve(path)), constants.W_OK);
  } catch (e) {
    const [vi, en] = reason(e);
    throw new AdminRefusal(both(`không ghi được bảng mã vào ${path} (${vi}): chưa cấp mã nào, các mã đã phát vẫn dùng được — chọn một thư mục có sẵn`, `cannot write the codes sheet to ${path} (${en}): no code was issued, the codes handed out still work — pick a folder that exists`), "SHEET_NOT_WRITABLE");
  }
}

/** The statements to run, and — once they are stored — the sheet files written and what to print. */
export async function issueCodes(o: IssueCodesOptions, target: Target, at = new Date().toISOString()): Promise<AdminCommand> {
  const days = codeDays(o.days);
  const sheet = { origin: sheetOrigin(o.origin) };
  const sheets = [o.csv, o.xlsx].filter((p): p is string => Boolean(p));
  for (const path of sheets) await checkWritable(path);
  const today = vietnamDate(at).split("/").reverse().join("-");
  const units = await querySql<UnitRow>(unitsQuery(o, today), target);
  if (units.length === 0) {
    const which = o.unit ? [`có id ${o.unit}`, `with id ${o.unit}`] : [`trực thuộc ${o.under}`, `below ${o.under}`];
    throw new AdminRefusal(both(`không có đơn vị nào đang hoạt động ${which[0]}`, `no open unit ${which[1]}`));
  }
  units.sort((a, b) => (a.parent_id ?? "").localeCompare(b.parent_id ?? "") || compareVietnamese(a.name, b.name));
  const { codes, statements } = await codeStatements(units, days, at);
  const until = vietnamDate(codes[0]!.expiresAt);
  // The unit as the sheet's "Trực thuộc" tells namesakes apart: "Xã Tân Long (Huyện Hàm Yên)", then its id (A5-14).
  const lines = codes.map((c) => `${c.code}  ${vietnamDate(c.expiresAt)}  ${c.unit.name}${c.unit.parent ? ` (${c.unit.parent.name})` : ""}  ${c.unit.id}`);
  const summary = (saved: string) =>
    both(`(${codes.length} mã kích hoạt, mỗi mã dùng một lần, dùng được đến hết ngày ${until}; chỉ lưu SHA-256 của mã${saved ? `; bảng mã: ${saved}` : ""})`, `(${codes.length === 1 ? "1 activation code" : `${codes.length} activation codes`}, single use, valid through ${until}; only their SHA-256 is stored${saved ? `; sheet: ${saved}` : ""})`);
  const afterStored = async (): Promise<string> => {
    const written: string[] = [];
    try {
      for (const path of sheets) {
        await writeFile(path, path === o.csv ? activationSheetCsv(codes, "vi", sheet) : tableWorkbook([activationSheetTable(codes, "vi", sheet)]));
        written.push(path);
      }
    } catch (e) {
      const failed = sheets[written.length]!;
      const [vi, en] = reason(e);
      throw new AdminRefusal(
        both(`các mã trên ĐÃ ĐƯỢC CẤP (mã cũ của các đơn vị này đã bị thu hồi) nhưng không ghi được ${failed} (${vi}): hãy chép các mã in ở trên`, `the codes above ARE issued (these units' earlier codes are withdrawn) but ${failed} could not be written (${en}): copy the codes printed above`),
        "SHEET_WRITE_FAILED",
        [...lines, summary(written.join(", "))].join("\n"),
      );
    }
    return [...lines, summary(written.join(", "))].join("\n");
  };
  return { statements, print: "", afterStored };
}
