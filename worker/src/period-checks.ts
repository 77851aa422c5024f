import { deadlineText, UNIT_LEVEL_LABEL, type UnitType } from "../../shared/index.ts";
import { unitTypesOf } from "./cycle/period-units.ts";
import { unlockedPeriodsOfLevel } from "./repositories/period-repository.ts";
import type { Period } from "./api-schemas.ts";
import { withinDeadline } from "./vietnam-day.ts";
import { ApiError } from "./errors.ts";
import { formatVietnamTime } from "./clock.ts";
import { getCriteriaSet } from "./repositories/criteria-set-repository.ts";
import { dayAfter } from "./validity.ts";

/**
 * What a new period's criteria set must be, for POST /v1/periods and `admin create-period`
 * alike: a published version, of the period's year. Year over year and the trend pick periods
 * by their year, while which units take part is read from the set's period (its last day): a
 * period of another year than its set's mixes the two.
 */
export async function checkPeriodSet(db: D1Database, period: { year: number; criteriaSet: { id: string; version: number } }): Promise<{ unitType: UnitType }> {
  const ref = `${period.criteriaSet.id}@${period.criteriaSet.version}`;
  const set = await getCriteriaSet(db, period.criteriaSet.id, { version: period.criteriaSet.version, includeDrafts: true });
  // Says what to do (A5-11): publish the draft first; a set that does not exist is said as such.
  if (!set) {
    throw new ApiError(422, "CRITERIA_SET_NOT_PUBLISHED", `Không có bộ tiêu chí ${ref}: kiểm tra mã và phiên bản (GET /v1/criteria-sets liệt kê các bộ đã có) / criteria set ${ref} does not exist: check its id and version (GET /v1/criteria-sets lists them)`);
  }
  if (set.status !== "published") {
    const route = `POST /v1/criteria-sets/${period.criteriaSet.id}/versions/${period.criteriaSet.version}/status {"status":"published"}`;
    throw new ApiError(
      422,
      "CRITERIA_SET_NOT_PUBLISHED",
      `Bộ tiêu chí ${ref} chưa ban hành (còn là bản nháp): ban hành nó trước — "Ban hành phiên bản ${period.criteriaSet.version}" trong mục Quản trị của ngăn, hoặc ${route} — rồi tạo kỳ / criteria set ${ref} is not a published version (still a draft): publish it first — "Publish version ${period.criteriaSet.version}" in the pane's Admin view, or ${route} — then create the period`,
    );
  }
  if (set.year !== period.year) {
    throw new ApiError(
      422,
      "PERIOD_YEAR_MISMATCH",
      `Năm của kỳ (${period.year}) khác năm của bộ tiêu chí ${ref} (${set.year}): kỳ năm ${period.year} cần bộ tiêu chí năm ${period.year} — ban hành bộ tiêu chí (hoặc một phiên bản mới của nó, kể cả khi giữ nguyên nội dung) cho năm ${period.year} — hoặc ghi năm ${set.year} cho kỳ này / the period's year (${period.year}) is not the year of criteria set ${ref} (${set.year}): a ${period.year} period needs a ${period.year} set — publish one (or a new version of this one, even unchanged) for ${period.year} — or give this period the year ${set.year}`,
    );
  }
  return { unitType: set.unitType };
}

/**
 * One open period per year and level (go-live GL-2): a second one, opened by a retry under
 * another id or on another set of the same level, was offered to every commune beside the
 * first and took their reports off the province's board. Refused while both would be open
 * (not locked, deadline ahead; for an unlock also a unit's extension in it ahead: a unit with
 * an extension is still offered it, API8-4); a locked or past one stays possible, and one created by mistake is
 * removed with DELETE /v1/periods/{id}?confirm={id}. `action` says what the admin was doing:
 * creating this period, or unlocking it (API8-6: the way out is then to close the other one).
 */
export async function refuseOpenTwin(db: D1Database, period: Period, unitType: UnitType, at: Date, action: "create" | "unlock" = "create"): Promise<void> {
  const twins = await unlockedPeriodsOfLevel(db, period.year, unitTypesOf(unitType), period.id);
  // Creating still reads deadlines only: the demo's 2024-commune keeps an extension to 2099 and
  // tests create a 2024 commune period beside it (round4-last-year, golden); see API8-4's report.
  const extended = action === "unlock" ? await latestExtensions(db, [period.id, ...twins.map((t) => t.id)]) : new Map<string, string[]>();
  const open = (p: Pick<Period, "id" | "locked" | "deadline">) =>
    !p.locked && (withinDeadline(at.getTime(), p.deadline) || (extended.get(p.id) ?? []).some((d) => withinDeadline(at.getTime(), d)));
  if (!open(period)) return;
  const twin = twins.find(open);
  if (!twin) return;
  const level = UNIT_LEVEL_LABEL[unitType];
  const due = (lang: "vi" | "en") => deadlineText(twin.deadline, lang);
  const [open_vi, open_en] = withinDeadline(at.getTime(), twin.deadline)
    ? [`đang mở (hạn nộp ${due("vi")})`, `is open (due ${due("en")})`]
    : [`còn mở cho đơn vị được gia hạn (hạn chung ${due("vi")} đã qua)`, `is still open to a unit with an extension (its deadline ${due("en")} has passed)`];
  const [way, wayEn] =
    action === "unlock"
      ? [`khóa hoặc xóa kỳ ${twin.id} (POST /v1/periods/${twin.id}/lock, hoặc DELETE /v1/periods/${twin.id}?confirm=${twin.id} nếu tạo nhầm) rồi mở khóa lại kỳ ${period.id}`, `lock or remove ${twin.id} (POST /v1/periods/${twin.id}/lock, or DELETE /v1/periods/${twin.id}?confirm=${twin.id} if it was created by mistake), then unlock ${period.id}`]
      : [`dùng kỳ ${twin.id}, hoặc nếu kỳ đó tạo nhầm thì xóa nó (DELETE /v1/periods/${twin.id}?confirm=${twin.id}) rồi tạo lại`, `use ${twin.id}, or remove it if it was created by mistake, then create this one`];
  throw new ApiError(
    409,
    "PERIOD_EXISTS",
    `Đã có kỳ ${twin.id} năm ${period.year} ${level.vi} ${open_vi}: mỗi năm mỗi cấp chỉ một kỳ — ${way} / period ${twin.id} of ${period.year}, ${level.en}, ${open_en}: one period per year and level — ${wayEn}`,
  );
}

/** The deadline extensions granted in each period. */
async function latestExtensions(db: D1Database, periodIds: readonly string[]): Promise<Map<string, string[]>> {
  const { results } = await db
    .prepare("SELECT period_id, deadline FROM deadline_exceptions WHERE period_id IN (SELECT value FROM json_each(?1))")
    .bind(JSON.stringify(periodIds))
    .all<{ period_id: string; deadline: string }>();
  const out = new Map<string, string[]>();
  for (const r of results) out.set(r.period_id, [...(out.get(r.period_id) ?? []), r.deadline]);
  return out;
}

/** When, by whom and why a period was locked: its last `period.lock` (or, locked from the start, its `period.create`) audit row. */
export interface PeriodLock {
  at: string;
  by: string | null;
  reason: string | null;
}

export async function lockOf(db: D1Database, periodId: string): Promise<PeriodLock | null> {
  const row = await db
    .prepare(
      `SELECT a.at, t.label, a.action, a.detail FROM audit_log a LEFT JOIN tokens t ON t.id = a.token_id
       WHERE a.entity = 'period' AND a.entity_id = ?1 AND a.action IN ('period.lock', 'period.create') ORDER BY a.id DESC LIMIT 1`,
    )
    .bind(periodId)
    .first<{ at: string; label: string | null; action: string; detail: string }>();
  if (!row) return null;
  const reason = row.action === "period.lock" ? ((JSON.parse(row.detail) as { reason?: string }).reason ?? null) : null;
  return { at: row.at, by: row.label, reason };
}

/** 409 PERIOD_LOCKED for a locked period, naming when, by whom and why it was locked and how the council reopens it. */
export async function periodLockedError(db: D1Database, periodId: string, touches?: { vi: string; en: string }): Promise<ApiError> {
  const lock = await lockOf(db, periodId);
  const when = lock ? formatVietnamTime(lock.at) : null;
  const [since, sinceEn] = when ? [` từ ${when} (giờ Việt Nam)`, ` on ${when} (Vietnam time)`] : ["", ""];
  const [by, byEn] = lock?.by ? [`, do ${lock.by} khóa`, ` by ${lock.by}`] : ["", ""];
  const [why, whyEn] = lock?.reason ? [`: ${lock.reason}`, `: ${lock.reason}`] : lock ? [" (khóa từ khi tạo kỳ)", " (locked when created)"] : ["", ""];
  return new ApiError(
    409,
    "PERIOD_LOCKED",
    `Kỳ đánh giá ${periodId} đã khóa${since}${by}${why}${touches ? ` — ${touches.vi}` : ""} — không nhận hồ sơ, bước thẩm định, điểm điều tra XHH hay gia hạn; muốn sửa thì quản trị tỉnh mở khóa theo quyết định của hội đồng (POST /v1/periods/${periodId}/unlock, có lý do) / period ${periodId} was locked${sinceEn}${byEn}${whyEn} — no submissions, review steps, survey scores or extensions; for a correction the council approves, the admin unlocks it (POST /v1/periods/${periodId}/unlock with a reason)${touches ? ` (${touches.en})` : ""}`,
  );
}

/** Refuses a write to a locked period (no-op for an unknown or open one: the route answers those). */
export async function refuseLocked(db: D1Database, periodId: string): Promise<void> {
  const row = await db.prepare("SELECT locked FROM periods WHERE id = ?1").bind(periodId).first<{ locked: number }>();
  if (row?.locked === 1) throw await periodLockedError(db, periodId);
}

/**
 * The locked period of `year` at a unit's level (commune and ward are one), if any: a write
 * outside /v1/periods/{id}/ that its published ranking reads (a stated baseline, a unit's
 * validity) is refused as the period's own writes are (API8-1, API8-5).
 */
export async function lockedPeriodOf(db: D1Database, year: number, unitType: string): Promise<string | null> {
  const row = await db
    .prepare(
      `SELECT p.id FROM periods p JOIN criteria_sets cs ON cs.id = p.criteria_set_id AND cs.version = p.criteria_set_version
       WHERE p.year = ?1 AND p.locked = 1 AND cs.unit_type IN (SELECT value FROM json_each(?2)) ORDER BY p.id LIMIT 1`,
    )
    .bind(year, JSON.stringify(unitTypesOf(unitType)))
    .first<{ id: string }>();
  return row?.id ?? null;
}

/**
 * The locked period whose population a unit would join (its span reaches the last day of the
 * period's criteria set, of its level: membershipSpan's rule), with that last day; null when none.
 */
export async function lockedPeriodJoined(db: D1Database, unit: { type: string; validFrom: string; validTo?: string | null }): Promise<{ id: string; lastDay: string } | null> {
  const row = await db
    .prepare(
      `SELECT p.id, json_extract(cs.body, '$.period.to') AS last_day FROM periods p
       JOIN criteria_sets cs ON cs.id = p.criteria_set_id AND cs.version = p.criteria_set_version
       WHERE p.locked = 1 AND cs.unit_type IN (SELECT value FROM json_each(?1))
         AND json_extract(cs.body, '$.period.to') >= ?2 AND (?3 IS NULL OR json_extract(cs.body, '$.period.to') <= ?3)
       ORDER BY p.year, p.id LIMIT 1`,
    )
    .bind(JSON.stringify(unitTypesOf(unit.type)), unit.validFrom, unit.validTo ?? null)
    .first<{ id: string; last_day: string }>();
  return row ? { id: row.id, lastDay: row.last_day } : null;
}

const dmy = (iso: string): string => iso.split("-").reverse().join("/");

/**
 * What a unit joining a locked period is told: a unit formed after that day starts after it; one
 * that existed that year (a 2024 commune added late) cannot be added while the period is locked —
 * the provincial admin unlocks it on the council's decision, adds it, locks it again (A5-2: a
 * commune of 2024 had been told to start after 31/12).
 */
export function joiningLockedText(unit: { id: string; validFrom: string }, period: { lastDay: string }): { vi: string; en: string } {
  const [from, day, next] = [dmy(unit.validFrom), dmy(period.lastDay), dmy(dayAfter(period.lastDay))];
  return {
    vi: `đơn vị ${unit.id} hiệu lực từ ${from} sẽ vào danh sách đơn vị của kỳ (các đơn vị có hiệu lực ngày ${day}) đã công bố, mà kỳ đã khóa thì không thêm được đơn vị vào năm của kỳ: đơn vị thành lập sau ngày đó thì ghi ngày hiệu lực từ ${next}; đơn vị đã có trong năm đó thì quản trị tỉnh mở khóa kỳ theo quyết định của hội đồng, thêm đơn vị rồi khóa lại`,
    en: `unit ${unit.id}, valid from ${unit.validFrom}, would join the published period's units (those valid on ${period.lastDay}), and no unit is added to a locked period's year: a unit formed after that day starts on ${dayAfter(period.lastDay)} or later; one that existed that year is added by the provincial admin unlocking the period on the council's decision, adding it, and locking it again`,
  };
}

/**
 * A unit that would join a locked period's population — created or imported back-dated, or a
 * merge's successor — is refused 409 PERIOD_LOCKED naming the period: the published year's
 * ranking and trend would gain a "Chưa nộp" unit (API8-5). Units are created before a history
 * import's locked periods (README, go-live); one forgotten is added by unlocking, then locking again.
 */
export async function refuseJoiningLockedPeriod(db: D1Database, units: readonly { id: string; type: string; validFrom: string; validTo?: string | null }[]): Promise<void> {
  for (const unit of units) {
    const period = await lockedPeriodJoined(db, unit);
    if (period) throw await periodLockedError(db, period.id, joiningLockedText(unit, period));
  }
}

/**
 * A new period may have a deadline already past (a history import creates last year's), so it is
 * stored; left open, nobody can submit to it, and the answer says so (CYC1-8). A locked one answers
 * no warning: that is how a past year's period is meant to be created. POST /v1/periods answers it,
 * `admin create-period` prints it (API8-7).
 */
export function pastDeadlineWarning(period: Period, at: Date): string | undefined {
  if (period.locked || withinDeadline(at.getTime(), period.deadline)) return undefined;
  const [due, nowText, id] = [formatVietnamTime(period.deadline), formatVietnamTime(at.toISOString()), period.id];
  return `Hạn nộp ${due} (giờ Việt Nam) đã qua — bây giờ là ${nowText} giờ Việt Nam: chưa đơn vị nào nộp được cho kỳ ${id}; kỳ của năm đã qua (nhập lịch sử) thì tạo kỳ đã khóa (locked: true), nhập nhầm hạn thì xóa kỳ (DELETE /v1/periods/${id}?confirm=${id}) rồi tạo lại / the deadline ${due} (Vietnam time) has passed — it is now ${nowText} Vietnam time: no unit can submit to period ${id}; a past year's period (history import) is created locked (locked: true), a mistyped deadline is fixed by removing the period (DELETE /v1/periods/${id}?confirm=${id}) and creating it again`;
}
