import type { z } from "zod";
import { formatDateVi, parseUnitTypeText, UNIT_LEVEL_LABEL, UNIT_TYPE_NAME, unitTypeWordsText, vietnamDate } from "../shared/index.ts";
import { NewPeriodSchema, NewUnitSchema, type NewUnit, type Period } from "../worker/src/api-schemas.ts";
import { statusChangeStatements } from "../worker/src/criteria-set-status.ts";
import { parseSheetDay } from "../worker/src/onboarding/import-dates.ts";
import { checkPeriodSet, lockedPeriodJoined, pastDeadlineWarning, refuseOpenTwin } from "../worker/src/period-checks.ts";
import { closeUnitStatement, insertUnitStatement } from "../worker/src/repositories/unit-repository.ts";
import { sql } from "../worker/src/seed/demo-seed.ts";
import { checkClosing, checkNewUnit } from "../worker/src/unit-checks.ts";
import { ApiError } from "../worker/src/errors.ts";
import { DEADLINE_FORMS, parseDeadline } from "../worker/src/vietnam-day.ts";
import { statementText, adminD1, type D1 } from "./admin-d1.ts";
import { need, whole, type Values } from "./admin-options.ts";
import { AdminRefusal, both } from "./admin-refusal.ts";

/**
 * The admin CLI's units, periods and the publishing of a criteria set, refused as the API
 * refuses them: the request read by the API's own schemas (NewUnitSchema, NewPeriodSchema), a
 * day by the units sheet's reader (01/07/2025 → 2025-07-01, never stored as typed), a type by
 * its words ("Xã", "Phường", "commune"), then — before anything is written — the Worker's own
 * checks on the data (unit-checks.ts, period-checks.ts, criteria-set-status.ts) over wrangler.
 */
export interface AdminCommand {
  statements: string[];
  print: string;
  /** The API's checks that read the database, run before the command's file is. */
  check?: (db: D1) => Promise<void>;
  /** The API's answer when the insert finds its id taken. */
  taken?: { table: string; code: string; message: string };
  /** Once stored: what to print (may find that nothing changed, or write the sheet). */
  afterStored?: () => Promise<string>;
  /** Printed after what was stored: the API's warning on a stored request (a period left open past its deadline). */
  warning?: string | undefined;
}

export const audit = (action: string, entity: string, id: string, detail: object, at: string): string =>
  `INSERT INTO audit_log (at, token_id, action, entity, entity_id, detail) VALUES (${[at, null, action, entity, id, JSON.stringify({ ...detail, via: "admin-cli" })].map(sql).join(", ")})`;

/** Options named as the CLI names them, for the schemas' paths. */
const OPTION_OF: Record<string, string> = { id: "--id", name: "--name", type: "--type", parentId: "--parent", validFrom: "--valid-from", validTo: "--valid-to", year: "--year", "criteriaSet.id": "--set", "criteriaSet.version": "--version", deadline: "--deadline" };
const VI_RULE: Record<string, string> = {
  "--id": "chỉ gồm chữ thường không dấu, chữ số, '.', '_' hoặc '-', tối đa 64 ký tự (ví dụ xa-an-phu)",
  "--parent": "là mã của đơn vị cấp trên (ví dụ huyen-an-binh)",
  "--name": "từ 1 đến 200 ký tự, không có ký tự điều khiển hay ký tự ẩn",
  "--valid-to": "ngày kết thúc không được trước ngày bắt đầu",
  "--year": "là năm từ 2000 đến 2100",
  "--version": "là số phiên bản, từ 1",
};

/** The schema's first complaint, said for the option it is about: the API's VALIDATION_FAILED. */
function invalid(error: z.ZodError): AdminRefusal {
  const issue = error.issues[0];
  const option = OPTION_OF[issue?.path.map(String).join(".") ?? ""] ?? "";
  const rule = VI_RULE[option] ?? `không hợp lệ (${issue?.message ?? ""})`;
  return new AdminRefusal(both(`${option} ${rule}`.trim(), `${option}: ${issue?.message ?? "invalid"}`.trim()), "VALIDATION_FAILED");
}

/** A day as a units sheet may carry it (dd/mm/yyyy, d-m-yyyy, yyyy-mm-dd …) → the ISO day the API stores. */
function day(values: Values, name: "valid-from" | "valid-to"): string {
  const typed = need(values, name);
  const iso = parseSheetDay(typed);
  if (iso === null) {
    throw new AdminRefusal(
      both(`--${name} ${JSON.stringify(typed)} không phải một ngày có thật dạng dd/mm/yyyy hoặc yyyy-mm-dd (01/07/2025 là ngày 1 tháng 7)`, `--${name} ${JSON.stringify(typed)} is not a day that exists, dd/mm/yyyy or yyyy-mm-dd (01/07/2025 is 1 July)`),
      "VALIDATION_FAILED",
    );
  }
  return iso;
}

export function newUnit(values: Values): NewUnit {
  const typed = need(values, "type");
  const type = parseUnitTypeText(typed);
  if (type === null) {
    throw new AdminRefusal(
      both(`--type ${JSON.stringify(typed)}: loại đơn vị không rõ — ghi một trong ${unitTypeWordsText("vi")}`, `--type ${JSON.stringify(typed)}: unknown unit type — write one of ${unitTypeWordsText("en")}`),
      "VALIDATION_FAILED",
    );
  }
  const body = { id: need(values, "id"), name: need(values, "name"), type, parentId: values.parent ?? null, validFrom: day(values, "valid-from"), validTo: values["valid-to"] === undefined ? null : day(values, "valid-to") };
  const parsed = NewUnitSchema.safeParse(body);
  if (!parsed.success) throw invalid(parsed.error);
  return parsed.data;
}

export function createUnit(values: Values, at: string): AdminCommand {
  const unit = newUnit(values);
  const { vi, en } = UNIT_TYPE_NAME[unit.type];
  const under = (l: "vi" | "en") => (unit.parentId === null ? "" : l === "vi" ? `, trực thuộc ${unit.parentId}` : ` under ${unit.parentId}`);
  return {
    statements: [statementText(insertUnitStatement(adminD1({}), unit, at)), audit("unit.create", "unit", unit.id, unit, at)],
    print: both(`Đã tạo đơn vị ${unit.id}: ${unit.name} (${vi}${under("vi")}, hoạt động từ ${formatDateVi(unit.validFrom)})`, `unit ${unit.id} created (a ${en}${under("en")}, from ${unit.validFrom})`),
    // POST /v1/units's own checks, the lock included (A5-1); a locked period's refusal adds the CLI's way to unlock it.
    check: async (db) => {
      try {
        await checkNewUnit(db, unit);
      } catch (e) {
        if (!(e instanceof ApiError) || e.code !== "PERIOD_LOCKED") throw e;
        const period = await lockedPeriodJoined(db, unit);
        if (!period) throw e;
        const [on, off] = [`lock-period --id ${period.id} --reason "…"`, `unlock-period --id ${period.id} --reason "…"`];
        throw new AdminRefusal(`${e.message}\n${both(`Với lệnh admin: ${off}, tạo đơn vị, rồi ${on}`, `with the admin CLI: ${off}, create the unit, then ${on}`)}`, "PERIOD_LOCKED");
      }
    },
    taken: { table: "units", code: "UNIT_EXISTS", message: both(`Đơn vị ${unit.id} đã có`, `unit ${unit.id} already exists`) },
  };
}

/**
 * `close-unit --id X --valid-to dd/mm/yyyy` (A5-3): a unit's last day, for a unit loaded from a
 * sheet that closed without a merge (a district abolished on 1/7/2025). Checked as the Worker
 * checks a merge's predecessor (checkClosing: units below it, data or a lock in a period it would
 * leave); the UPDATE is closeUnitStatement's, and its audit row is written only when it changed.
 */
export function closeUnit(values: Values, at: string): AdminCommand {
  const id = need(values, "id");
  const lastDay = day(values, "valid-to");
  let name = id;
  const detail = JSON.stringify({ validTo: lastDay, ...(values.reason ? { reason: values.reason } : {}), via: "admin-cli" });
  return {
    statements: [
      statementText(closeUnitStatement(adminD1({}), id, lastDay)),
      `INSERT INTO audit_log (at, token_id, action, entity, entity_id, detail) SELECT ${[at, null, "unit.close", "unit", id, detail].map(sql).join(", ")} WHERE changes() = 1`,
    ],
    print: "",
    check: async (db) => {
      name = (await checkClosing(db, id, lastDay)).name;
    },
    afterStored: async () =>
      both(
        `Đã đóng đơn vị ${id} (${name}): hoạt động đến hết ngày ${formatDateVi(lastDay)}; từ ngày sau đó không vào kỳ đánh giá nào và không được cấp mã kích hoạt`,
        `unit ${id} closed: its last day is ${lastDay}; from the next day on it takes part in no period and gets no activation code`,
      ),
  };
}

/**
 * `--deadline` read as POST /v1/periods reads it (parseDeadline): 31/01/2026 or 2026-01-31 is
 * the end of that day in Vietnam, a date-time needs its offset; anything else is refused
 * before anything is written. Returns the stored form, 2026-01-31T23:59:59+07:00.
 */
export function periodDeadline(typed: string): string {
  const deadline = parseDeadline(typed);
  if (deadline === null) throw new AdminRefusal(`--deadline ${JSON.stringify(typed)}: ${DEADLINE_FORMS}`);
  return deadline;
}

/** pastDeadlineWarning, then how the CLI does what it advises (--locked). */
function pastWarning(period: Period, at: string): string | undefined {
  const warning = pastDeadlineWarning(period, new Date(at));
  return warning && `${warning}\n${both("Với lệnh admin: tạo kỳ đã khóa bằng --locked", "with the admin CLI: create it locked with --locked")}`;
}

export function createPeriod(values: Values, at: string): AdminCommand {
  const deadline = periodDeadline(need(values, "deadline"));
  const parsed = NewPeriodSchema.safeParse({ id: need(values, "id"), year: whole(values, "year"), criteriaSet: { id: need(values, "set"), version: whole(values, "version", "1") }, deadline, locked: values.locked ?? false });
  if (!parsed.success) throw invalid(parsed.error);
  const period = parsed.data;
  const p = { id: period.id, year: period.year, set: period.criteriaSet.id, version: period.criteriaSet.version, deadline: period.deadline, locked: period.locked ? 1 : 0 };
  return {
    statements: [`INSERT INTO periods (id, year, criteria_set_id, criteria_set_version, deadline, locked, created_at) VALUES (${[p.id, p.year, p.set, p.version, p.deadline, p.locked, at].map(sql).join(", ")})`, audit("period.create", "period", p.id, p, at)],
    print: both(`Đã tạo kỳ đánh giá ${p.id}, hạn nộp ${p.deadline.slice(11, 16)} ngày ${vietnamDate(p.deadline)} (giờ Việt Nam)`, `period ${p.id} created, deadline ${vietnamDate(p.deadline)} ${p.deadline.slice(11, 16)} (Vietnam time)`),
    // Left open with its deadline past: the warning POST /v1/periods answers, and the CLI's own way out (API8-7).
    warning: pastWarning(period, at),
    check: async (db) => {
      // A draft: the CLI's own way to publish it beside the API's (A5-11).
      const set = await checkPeriodSet(db, period).catch((e: unknown) => {
        if (!(e instanceof ApiError) || e.code !== "CRITERIA_SET_NOT_PUBLISHED" || e.message.startsWith("Không có")) throw e;
        const publish = `npm run -s admin -- publish-set --id ${p.set} --version ${p.version}`;
        throw new AdminRefusal(`${e.message}\n${both(`Với lệnh admin: ${publish}`, `with the admin CLI: ${publish}`)}`, e.code);
      });
      await refuseOpenTwin(db, period, set.unitType, new Date(at));
    },
    taken: { table: "periods", code: "PERIOD_EXISTS", message: both(`Kỳ ${p.id} đã có`, `period ${p.id} exists`) },
  };
}

/** `publish-set`: the draft published as POST /v1/criteria-sets/{id}/versions/{v}/status publishes it, with its audit row. */
export async function publishSet(values: Values, db: D1, at: string): Promise<AdminCommand> {
  const id = need(values, "id");
  const version = whole(values, "version");
  const { current, statements } = await statusChangeStatements(db, { id, version, status: "published", at, tokenId: null, detail: { via: "admin-cli" } });
  const level = UNIT_LEVEL_LABEL[current.unitType];
  return {
    statements: statements.map(statementText),
    print: both(
      `Đã ban hành bộ tiêu chí ${id} phiên bản ${version}: «${current.title}», năm ${current.year}, ${level.vi}. Từ nay mở được kỳ đánh giá với bộ này (admin create-period --set ${id} --version ${version})`,
      `criteria set ${id} version ${version} published ("${current.title}", ${current.year}, ${level.en}); periods may now use it`,
    ),
  };
}
