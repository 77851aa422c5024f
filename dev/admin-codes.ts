import { randomUUID } from "node:crypto";
import { writeFile } from "node:fs/promises";
import { activationSheetCsv, activationSheetTable, compareVietnamese, vietnamDate, type IssuedCode } from "../shared/index.ts";
import { activationCodeHash, newActivationCode } from "../worker/src/onboarding/activation-code.ts";
import { withdrawCodesSql } from "../worker/src/onboarding/withdraw-codes.ts";
import { sql } from "../worker/src/seed/demo-seed.ts";
import { DEFAULT_CODE_DAYS, validThrough } from "../worker/src/validity.ts";
import { tableWorkbook } from "../xlsx/table-workbook.ts";
import { querySql, type Target } from "./wrangler.ts";

/**
 * `admin issue-codes`: activation codes straight into D1, as the Worker issues them (same
 * generator, same hash, same validity, an audit row each, the units' earlier unused codes
 * withdrawn), for one unit or every open unit below one. The codes are printed and may be written to the sheet to hand out (CSV for
 * Excel, XLSX); D1 keeps only their hashes.
 */
export interface IssueCodesOptions {
  unit?: string | undefined;
  under?: string | undefined;
  days?: string | undefined;
  csv?: string | undefined;
  xlsx?: string | undefined;
}

interface UnitRow {
  id: string;
  name: string;
  parent_id: string | null;
}

/** Open today (Vietnam time): not closed by a merge. */
const OPEN = "(valid_to IS NULL OR valid_to >= ?today)";

function unitsQuery(o: IssueCodesOptions, today: string): string {
  const open = OPEN.replace("?today", sql(today));
  if (o.unit && !o.under) return `SELECT id, name, parent_id FROM units WHERE id = ${sql(o.unit)} AND ${open}`;
  if (o.under && !o.unit) {
    return `WITH RECURSIVE below(id, depth) AS (SELECT id, 0 FROM units WHERE parent_id = ${sql(o.under)}
      UNION ALL SELECT u.id, below.depth + 1 FROM units u JOIN below ON u.parent_id = below.id WHERE below.depth < 32)
      SELECT u.id, u.name, u.parent_id FROM units u JOIN below ON below.id = u.id WHERE ${open}`;
  }
  throw new Error("issue-codes needs --unit ID or --under ID (one of them)");
}

export function codeDays(days: string | undefined): number {
  const n = Number(days ?? DEFAULT_CODE_DAYS);
  if (!Number.isInteger(n) || n < 1 || n > 60) throw new Error("--days is a whole number from 1 to 60");
  return n;
}

/** The codes for these units, and the SQL that stores their hashes with an audit row each. */
export async function codeStatements(units: readonly UnitRow[], days: number, at: string): Promise<{ codes: IssuedCode[]; statements: string[] }> {
  const expiresAt = validThrough(at, days);
  const codes = units.map((u): IssuedCode => ({ code: newActivationCode(), unit: { id: u.id, name: u.name }, role: "unit", expiresAt }));
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

/** The statements to run, what to print, and the sheet files to write once the codes are stored (not before: a failed write must leave no codes on a sheet). */
export async function issueCodes(o: IssueCodesOptions, target: Target, at = new Date().toISOString()): Promise<{ statements: string[]; print: string; afterStored: () => Promise<void> }> {
  const days = codeDays(o.days);
  const today = vietnamDate(at).split("/").reverse().join("-");
  const units = await querySql<UnitRow>(unitsQuery(o, today), target);
  if (units.length === 0) throw new Error(`no open unit ${o.unit ? `with id ${o.unit}` : `below ${o.under}`}`);
  units.sort((a, b) => (a.parent_id ?? "").localeCompare(b.parent_id ?? "") || compareVietnamese(a.name, b.name));
  const { codes, statements } = await codeStatements(units, days, at);
  const afterStored = async () => {
    if (o.csv) await writeFile(o.csv, activationSheetCsv(codes, "vi"));
    if (o.xlsx) await writeFile(o.xlsx, tableWorkbook([activationSheetTable(codes, "vi")]));
  };
  const lines = codes.map((c) => `${c.code}  ${vietnamDate(c.expiresAt)}  ${c.unit.name} (${c.unit.id})`);
  const saved = [o.csv, o.xlsx].filter(Boolean).join(", ");
  return {
    statements,
    print: [...lines, `(${codes.length} activation code(s), single use, valid through ${vietnamDate(codes[0]!.expiresAt)}; only their SHA-256 is stored${saved ? `; sheet: ${saved}` : ""})`].join("\n"),
    afterStored,
  };
}
