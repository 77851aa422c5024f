import { randomBytes, createHash, randomUUID } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { z } from "zod";
import { vietnamDate } from "../shared/index.ts";
import { sql } from "../worker/src/seed/demo-seed.ts";
import { DEFAULT_TOKEN_DAYS, endOfVietnamDay, vietnamDayAfter } from "../worker/src/validity.ts";
import { DEADLINE_FORMS, parseDeadline } from "../worker/src/vietnam-day.ts";
import { issueCodes } from "./admin-codes.ts";
import { executeSqlFile, type Target } from "./wrangler.ts";

/**
 * Admin commands for a province's D1 (local by default, `--remote --env production` for a deployed one):
 *   npm run -s admin -- create-unit --id xa-moi --name "Xã Mới" --type commune --parent tinh-minh-hoa --valid-from 2025-07-01
 *   npm run -s admin -- create-token --role unit --unit xa-moi [--label "…"] [--expires 2027-03-31|never]
 *     (prints the token once; valid through the given day, Vietnam time, by default 400 days:
 *     one yearly cycle with its appraisal and explanation rounds, plus margin)
 *   npm run -s admin -- create-period --id 2025-commune --year 2025 --set demo-commune-2024 --version 1 --deadline 31/01/2026
 *     (a day — dd/mm/yyyy or yyyy-mm-dd — runs through 23:59:59 Vietnam time; or a date-time
 *     with its offset, 2026-01-31T17:00:00+07:00; stored in Vietnam time as the API stores it)
 *   npm run -s admin -- revoke-token --id tok-…   (refused from the next request on; rotate = create a new one, then revoke)
 *   npm run -s admin -- issue-codes --unit ID | --under ID [--days N] [--csv FILE] [--xlsx FILE]
 *     (single-use activation codes, valid N days (default 14, 1–60); the sheet to hand out)
 * Each command writes its row and its audit row in one file executed by wrangler.
 */
const USAGE = "usage: admin <create-unit|create-token|create-period|revoke-token|issue-codes> [--remote] [--env production] [--persist-to DIR] …";

const OPTIONS = {
  remote: { type: "boolean" },
  env: { type: "string" },
  "persist-to": { type: "string" },
  id: { type: "string" },
  name: { type: "string" },
  type: { type: "string" },
  parent: { type: "string" },
  "valid-from": { type: "string" },
  "valid-to": { type: "string" },
  role: { type: "string" },
  unit: { type: "string" },
  label: { type: "string" },
  year: { type: "string" },
  set: { type: "string" },
  version: { type: "string" },
  deadline: { type: "string" },
  locked: { type: "boolean" },
  expires: { type: "string" },
  under: { type: "string" },
  days: { type: "string" },
  csv: { type: "string" },
  xlsx: { type: "string" },
} as const;

export { DEFAULT_TOKEN_DAYS };

/**
 * End of validity of a new token: through `expires` (YYYY-MM-DD, Vietnam time), none for
 * "never", else DEFAULT_TOKEN_DAYS. The day must exist: Date.parse takes 2027-02-30 for
 * 2 March, zod's ISO date does not.
 */
export function tokenExpiry(expires: string | undefined, at: string): string | null {
  if (expires === "never") return null;
  const day = expires ?? vietnamDayAfter(at, DEFAULT_TOKEN_DAYS);
  if (!z.iso.date().safeParse(day).success) throw new Error(`--expires is a day that exists, YYYY-MM-DD, or never (got ${day})`);
  const end = endOfVietnamDay(day);
  if (Date.parse(end) <= Date.parse(at)) throw new Error("--expires must be a day after today");
  return end;
}

/**
 * `--deadline` read as POST /v1/periods reads it (parseDeadline): 31/01/2026 or 2026-01-31 is
 * the end of that day in Vietnam, a date-time needs its offset; anything else is refused
 * before anything is written. Returns the stored form, 2026-01-31T23:59:59+07:00.
 */
export function periodDeadline(typed: string): string {
  const deadline = parseDeadline(typed);
  if (deadline === null) throw new Error(`--deadline ${JSON.stringify(typed)}: ${DEADLINE_FORMS}`);
  return deadline;
}

export type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>["values"];

function need(values: Values, name: keyof Values): string {
  const v = values[name];
  if (typeof v !== "string" || v === "") throw new Error(`--${name} is required`);
  return v;
}

const audit = (action: string, entity: string, id: string, detail: object, at: string) =>
  `INSERT INTO audit_log (at, token_id, action, entity, entity_id, detail) VALUES (${[at, null, action, entity, id, JSON.stringify({ ...detail, via: "admin-cli" })].map(sql).join(", ")})`;

/** The SQL of one command, and what to print once it is stored. */
export function buildCommand(command: string, values: Values, at = new Date().toISOString()): { statements: string[]; print: string } {
  switch (command) {
    case "create-unit": {
      const u = { id: need(values, "id"), name: need(values, "name"), type: need(values, "type"), parent: values.parent ?? null, from: need(values, "valid-from"), to: values["valid-to"] ?? null };
      return {
        statements: [`INSERT INTO units (id, name, type, parent_id, valid_from, valid_to, created_at) VALUES (${[u.id, u.name, u.type, u.parent, u.from, u.to, at].map(sql).join(", ")})`, audit("unit.create", "unit", u.id, u, at)],
        print: `unit ${u.id} created`,
      };
    }
    case "create-token": {
      const role = need(values, "role");
      const unit = role === "admin" ? (values.unit ?? null) : need(values, "unit");
      const secret = `pi_${randomBytes(32).toString("base64url")}`;
      const id = `tok-${randomUUID()}`;
      const hash = createHash("sha256").update(secret).digest("hex");
      const label = values.label ?? `${role}${unit ? ` ${unit}` : ""}`;
      const expiresAt = tokenExpiry(values.expires, at);
      const until = expiresAt ? `valid through ${expiresAt.slice(8, 10)}/${expiresAt.slice(5, 7)}/${expiresAt.slice(0, 4)}` : "never expires";
      return {
        statements: [
          `INSERT INTO tokens (id, token_hash, role, unit_id, label, created_at, expires_at) VALUES (${[id, hash, role, unit, label, at, expiresAt].map(sql).join(", ")})`,
          audit("token.create", "token", id, { role, unit, label, expiresAt }, at),
        ],
        print: `${secret}\n(token ${id}, role ${role}${unit ? `, unit ${unit}` : ""}, ${until}: shown once, only its SHA-256 hash is stored)`,
      };
    }
    case "create-period": {
      const p = { id: need(values, "id"), year: Number(need(values, "year")), set: need(values, "set"), version: Number(values.version ?? "1"), deadline: periodDeadline(need(values, "deadline")), locked: values.locked ? 1 : 0 };
      if (!Number.isInteger(p.year) || !Number.isInteger(p.version)) throw new Error("--year và --version là số nguyên / --year and --version are integers");
      return {
        statements: [`INSERT INTO periods (id, year, criteria_set_id, criteria_set_version, deadline, locked, created_at) VALUES (${[p.id, p.year, p.set, p.version, p.deadline, p.locked, at].map(sql).join(", ")})`, audit("period.create", "period", p.id, p, at)],
        print: `period ${p.id} created, deadline ${vietnamDate(p.deadline)} ${p.deadline.slice(11, 16)} (giờ Việt Nam / Vietnam time)`,
      };
    }
    case "revoke-token": {
      const id = need(values, "id");
      // The guarded UPDATE revokes once; the audit row is written only when it did.
      return {
        statements: [
          `UPDATE tokens SET revoked_at = ${sql(at)} WHERE id = ${sql(id)} AND revoked_at IS NULL`,
          `INSERT INTO audit_log (at, token_id, action, entity, entity_id, detail) SELECT ${[at, null, "token.revoke", "token", id, JSON.stringify({ via: "admin-cli" })].map(sql).join(", ")} WHERE changes() = 1`,
        ],
        print: `token ${id} revoked (if it existed and was active): it is refused from the next request on`,
      };
    }
    default:
      throw new Error(USAGE);
  }
}

/** Runs one command; its SQL file (a token's hash, for create-token) is removed whatever happens. */
export async function runAdmin(argv: string[], options: { tmpRoot?: string } = {}): Promise<string> {
  const { values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true });
  const target: Target = { remote: values.remote, env: values.env, persistTo: values["persist-to"] };
  // Codes need the units first (a read), so they are built apart from the write-only commands.
  const { statements, print, afterStored } = positionals[0] === "issue-codes" ? await issueCodes(values, target) : { ...buildCommand(positionals[0] ?? "", values), afterStored: undefined };
  const dir = await mkdtemp(join(options.tmpRoot ?? tmpdir(), "parindex-admin-"));
  try {
    const file = join(dir, "command.sql");
    await writeFile(file, `${statements.join(";\n")};\n`, { mode: 0o600 });
    await executeSqlFile(file, target);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  await afterStored?.();
  return print;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  runAdmin(process.argv.slice(2)).then(
    (out) => console.log(out),
    (e: unknown) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    },
  );
}
