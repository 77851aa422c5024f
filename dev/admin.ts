import { randomBytes, createHash, randomUUID } from "node:crypto";
import { pathToFileURL } from "node:url";
import { z } from "zod";
import { formatDateVi } from "../shared/index.ts";
import { checkPeriodSet, refuseOpenTwin } from "../worker/src/period-checks.ts";
import { getPeriod, periodLockStatements } from "../worker/src/repositories/period-repository.ts";
import { getUnit } from "../worker/src/repositories/unit-repository.ts";
import { notFound } from "../worker/src/errors.ts";
import { sql } from "../worker/src/seed/demo-seed.ts";
import { DEFAULT_TOKEN_DAYS, endOfVietnamDay, vietnamDayAfter } from "../worker/src/validity.ts";
import { issueCodes } from "./admin-codes.ts";
import { statementText, adminD1 } from "./admin-d1.ts";
import { COMMANDS, need, readArguments, USAGE, type Values } from "./admin-options.ts";
import { audit, closeUnit, createPeriod, createUnit, publishSet, type AdminCommand } from "./admin-records.ts";
import { AdminRefusal, asRefusal, both } from "./admin-refusal.ts";
import { holdLocalD1 } from "./local-d1.ts";
import { executeStatements, querySql, type Target } from "./wrangler.ts";

/**
 * Admin commands for a province's D1 (local by default, `--remote --env production` for a
 * deployed one); `npm run -s admin -- --help` lists them (admin-options.ts). Units, periods and
 * publishing are refused as the API refuses them (admin-records.ts); codes in admin-codes.ts.
 * Each command stores its rows and their audit rows together (executeStatements: one D1 batch), and
 * says what it did — or why it did nothing — in Vietnamese, English beside.
 */
export { DEFAULT_TOKEN_DAYS, USAGE, type Values };
export { periodDeadline } from "./admin-records.ts";

/**
 * End of validity of a new token: through `expires` (YYYY-MM-DD, Vietnam time), none for
 * "never", else DEFAULT_TOKEN_DAYS. The day must exist: Date.parse takes 2027-02-30 for
 * 2 March, zod's ISO date does not; and be today or later in Vietnam.
 */
export function tokenExpiry(expires: string | undefined, at: string): string | null {
  if (expires === "never") return null;
  const day = expires ?? vietnamDayAfter(at, DEFAULT_TOKEN_DAYS);
  if (!z.iso.date().safeParse(day).success) throw new AdminRefusal(both(`--expires là một ngày có thật YYYY-MM-DD, hoặc never (nhận được ${day})`, `--expires is a day that exists, YYYY-MM-DD, or never (got ${day})`));
  // Today, Vietnam time, is a token valid through tonight: the rule is the day, as the sentence says (CF4-8).
  const today = vietnamDayAfter(at, 0);
  if (day < today) throw new AdminRefusal(both(`--expires phải là hôm nay (${today}, giờ Việt Nam) hoặc một ngày sau hôm nay (nhận được ${day})`, `--expires must be today (${today}, Vietnam time) or a day after today (got ${day})`));
  return endOfVietnamDay(day);
}

function createToken(values: Values, at: string): AdminCommand {
  const role = need(values, "role");
  const unit = role === "admin" ? (values.unit ?? null) : need(values, "unit");
  const secret = `pi_${randomBytes(32).toString("base64url")}`;
  const id = `tok-${randomUUID()}`;
  const hash = createHash("sha256").update(secret).digest("hex");
  const label = values.label ?? `${role}${unit ? ` ${unit}` : ""}`;
  const expiresAt = tokenExpiry(values.expires, at);
  const until = expiresAt ? formatDateVi(expiresAt.slice(0, 10)) : null;
  return {
    // A unit that does not exist is the API's 404 UNIT_NOT_FOUND, not the database's FOREIGN KEY failure (GL2-5).
    check: unit
      ? async (db) => {
          if (!(await getUnit(db, unit))) throw notFound("unit", unit);
        }
      : undefined,
    statements: [
      `INSERT INTO tokens (id, token_hash, role, unit_id, label, created_at, expires_at) VALUES (${[id, hash, role, unit, label, at, expiresAt].map(sql).join(", ")})`,
      audit("token.create", "token", id, { role, unit, label, expiresAt }, at),
    ],
    print: [
      secret,
      `(mã truy cập ${id}, vai trò ${role}${unit ? `, đơn vị ${unit}` : ""}, ${until ? `dùng được đến hết ngày ${until}` : "không hết hạn"}: chỉ hiện một lần này, chỉ lưu SHA-256 của mã)`,
      `(token ${id}, role ${role}${unit ? `, unit ${unit}` : ""}, ${until ? `valid through ${until}` : "never expires"}: shown once, only its SHA-256 hash is stored)`,
    ].join("\n"),
  };
}

/** The guarded UPDATE revokes once, and its audit row is written only when changes() says it did; after the run, the row tells whether this run was the one. */
function revokeToken(values: Values, at: string, target: Target): AdminCommand {
  const id = need(values, "id");
  return {
    statements: [
      `UPDATE tokens SET revoked_at = ${sql(at)} WHERE id = ${sql(id)} AND revoked_at IS NULL`,
      `INSERT INTO audit_log (at, token_id, action, entity, entity_id, detail) SELECT ${[at, null, "token.revoke", "token", id, JSON.stringify({ via: "admin-cli" })].map(sql).join(", ")} WHERE changes() = 1`,
    ],
    print: "",
    afterStored: async () => {
      const [row] = await querySql<{ revoked_at: string | null }>(`SELECT revoked_at FROM tokens WHERE id = ${sql(id)}`, target);
      if (row?.revoked_at === at) return both(`Đã thu hồi mã truy cập ${id}: bị từ chối từ yêu cầu tiếp theo`, `token ${id} revoked: it is refused from the next request on`);
      const why = row
        ? [`mã này đã bị thu hồi lúc ${row.revoked_at ?? "?"}`, `it was revoked at ${row.revoked_at ?? "?"}`]
        : ["không có mã nào mang id này (xem danh sách mã: SECURITY.md mục 2)", "no token has this id (list them: SECURITY.md §2)"];
      throw new AdminRefusal(both(`không có mã truy cập đang hoạt động với id ${id}: ${why[0]}; không thay đổi gì`, `no active token with id ${id}: ${why[1]}; nothing changed`), "TOKEN_NOT_ACTIVE");
    },
  };
}

/**
 * lock-period / unlock-period, as POST /v1/periods/{id}/lock and …/unlock: the guarded UPDATE
 * changes the period once, and its audit row (with the reason, read by every 409 PERIOD_LOCKED)
 * is written only when changes() says it did; the same command again changes nothing.
 */
function setPeriodLock(values: Values, at: string, target: Target, locking: boolean): AdminCommand {
  const id = need(values, "id");
  const reason = need(values, "reason").trim();
  if (reason === "") throw new AdminRefusal(both("cần --reason", "--reason is required"));
  return {
    statements: periodLockStatements(adminD1(target), { id, locking, at, tokenId: null, detail: { reason, via: "admin-cli" } }).map(statementText),
    print: "",
    // Reopened only when no other period of its year and level is open, as …/unlock checks it
    // (refuseOpenTwin, extensions counted): the CLI had skipped it (API8).
    check: locking
      ? undefined
      : async (db) => {
          const period = await getPeriod(db, id);
          if (!period?.locked) return;
          await refuseOpenTwin(db, { ...period, locked: false }, (await checkPeriodSet(db, period)).unitType, new Date(at), "unlock");
        },
    afterStored: async () => {
      const action = locking ? "period.lock" : "period.unlock";
      const [row] = await querySql<{ locked: number; changed: number }>(
        `SELECT locked, EXISTS (SELECT 1 FROM audit_log WHERE entity = 'period' AND entity_id = ${sql(id)} AND action = ${sql(action)} AND at = ${sql(at)}) AS changed FROM periods WHERE id = ${sql(id)}`,
        target,
      );
      if (!row) throw new AdminRefusal(both(`không có kỳ ${id}; không thay đổi gì`, `no period ${id}; nothing changed`), "PERIOD_NOT_FOUND");
      // Already in that state: nothing changed and this reason was not recorded, as the API's route answers it (GL2-6).
      if (!row.changed) {
        return locking
          ? both(`Kỳ ${id} đã khóa từ trước: không thay đổi gì, lý do "${reason}" không được ghi`, `period ${id} was already locked: nothing changed, the reason was not recorded`)
          : both(`Kỳ ${id} đang mở sẵn: không thay đổi gì, lý do "${reason}" không được ghi`, `period ${id} was not locked: nothing changed, the reason was not recorded`);
      }
      return locking
        ? both(`Kỳ ${id} đã khóa (lý do: ${reason}): không nhận hồ sơ, bước thẩm định, điểm điều tra XHH hay gia hạn`, `period ${id} is locked: no submissions, review steps, survey scores or extensions`)
        : both(`Kỳ ${id} đã mở khóa (lý do: ${reason})`, `period ${id} is unlocked`);
    },
  };
}

/** The SQL of a command that needs no read to be built, and what to print once it is stored. */
export function buildCommand(command: string, values: Values, at = new Date().toISOString(), target: Target = {}): AdminCommand {
  switch (command) {
    case "create-unit":
      return createUnit(values, at);
    case "close-unit":
      return closeUnit(values, at);
    case "create-token":
      return createToken(values, at);
    case "create-period":
      return createPeriod(values, at);
    case "revoke-token":
      return revokeToken(values, at, target);
    case "lock-period":
    case "unlock-period":
      return setPeriodLock(values, at, target, command === "lock-period");
    default:
      throw new AdminRefusal(command ? `${both(`không có lệnh ${command}`, `unknown command ${command}`)}\n${USAGE}` : USAGE);
  }
}

async function plan(command: string, values: Values, target: Target, at: string): Promise<AdminCommand> {
  if (command === "issue-codes") return issueCodes(values, target, at);
  const db = adminD1(target);
  const planned = command === "publish-set" ? await publishSet(values, db, at) : buildCommand(command, values, at, target);
  await planned.check?.(db);
  return planned;
}

/**
 * The API's answer for an id already taken (UNIQUE constraint failed: units.id), the
 * database's words kept beside it — D1's own error for a local database, wrangler's for a
 * remote one.
 */
function takenOrAsIs(e: unknown, taken: AdminCommand["taken"]): unknown {
  if (!(e instanceof Error) || !taken) return e;
  const reason = e.message.replace(/^wrangler [^:]*failed: /, "");
  return reason.includes(`UNIQUE constraint failed: ${taken.table}.id`) ? new AdminRefusal(`${taken.message} (${reason})`, taken.code) : e;
}

/**
 * Runs one command. A local database stays open for the whole command (its checks' reads, the
 * one batch that stores it, the read after): one start of it, not one wrangler run a statement.
 */
export async function runAdmin(argv: string[], options: { tmpRoot?: string } = {}): Promise<string> {
  const { values, positionals } = readArguments(argv);
  if (values.help) return USAGE;
  const command = positionals[0] ?? "";
  if (!COMMANDS.includes(command as (typeof COMMANDS)[number])) return buildCommand(command, values).print;
  const target: Target = { remote: values.remote, env: values.env, persistTo: values["persist-to"] };
  const at = new Date().toISOString();
  const hold = target.remote ? undefined : holdLocalD1(target);
  try {
    const planned = await plan(command, values, target, at);
    await executeStatements(planned.statements, target, options.tmpRoot).catch((e: unknown) => Promise.reject(takenOrAsIs(e, planned.taken)));
    const stored = planned.afterStored ? await planned.afterStored() : planned.print;
    return planned.warning ? `${stored}\n${planned.warning}` : stored;
  } catch (e) {
    throw asRefusal(e);
  } finally {
    await hold?.release();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  // Ctrl+C while the local database answers: said as such, not as the "fetch failed" of the request
  // it cut (GL2-3). A command is stored whole or not at all; exiting stops workerd with it.
  process.once("SIGINT", () => {
    console.error(both("Đã dừng (Ctrl+C): lệnh được lưu trọn vẹn hoặc không lưu gì — kiểm tra trước khi chạy lại", "stopped (Ctrl+C): a command is stored whole or not at all — check before running it again"));
    process.exit(130);
  });
  runAdmin(process.argv.slice(2)).then(
    (out) => console.log(out),
    (e: unknown) => {
      if (e instanceof AdminRefusal && e.printed) console.log(e.printed);
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    },
  );
}
