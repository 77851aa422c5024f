import { deadlineText, UNIT_LEVEL_LABEL, type UnitType } from "../../shared/index.ts";
import { unitTypesOf } from "./cycle/period-units.ts";
import { unlockedPeriodsOfLevel } from "./repositories/period-repository.ts";
import type { Period } from "./api-schemas.ts";
import { withinDeadline } from "./vietnam-day.ts";
import { ApiError } from "./errors.ts";
import { getCriteriaSet } from "./repositories/criteria-set-repository.ts";

/**
 * What a new period's criteria set must be, for POST /v1/periods and `admin create-period`
 * alike: a published version, of the period's year. Year over year and the trend pick periods
 * by their year, while which units take part is read from the set's period (its last day): a
 * period of another year than its set's mixes the two.
 */
export async function checkPeriodSet(db: D1Database, period: { year: number; criteriaSet: { id: string; version: number } }): Promise<{ unitType: UnitType }> {
  const ref = `${period.criteriaSet.id}@${period.criteriaSet.version}`;
  const set = await getCriteriaSet(db, period.criteriaSet.id, { version: period.criteriaSet.version, includeDrafts: true });
  if (set?.status !== "published") {
    throw new ApiError(422, "CRITERIA_SET_NOT_PUBLISHED", `Bộ tiêu chí ${ref} chưa ban hành / is not a published version`);
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
 * (not locked, deadline ahead); a locked or past one stays possible, and one created by
 * mistake is removed with DELETE /v1/periods/{id}?confirm={id}.
 */
export async function refuseOpenTwin(db: D1Database, period: Period, unitType: UnitType, at: Date): Promise<void> {
  const open = (p: Pick<Period, "locked" | "deadline">) => !p.locked && withinDeadline(at.getTime(), p.deadline);
  if (!open(period)) return;
  const twin = (await unlockedPeriodsOfLevel(db, period.year, unitTypesOf(unitType), period.id)).find(open);
  if (!twin) return;
  const level = UNIT_LEVEL_LABEL[unitType];
  throw new ApiError(
    409,
    "PERIOD_EXISTS",
    `Đã có kỳ ${twin.id} năm ${period.year} ${level.vi} đang mở (hạn nộp ${deadlineText(twin.deadline, "vi")}): mỗi năm mỗi cấp chỉ một kỳ — dùng kỳ ${twin.id}, hoặc nếu kỳ đó tạo nhầm thì xóa nó (DELETE /v1/periods/${twin.id}?confirm=${twin.id}) rồi tạo lại / period ${twin.id} of ${period.year}, ${level.en}, is open (due ${deadlineText(twin.deadline, "en")}): one period per year and level — use ${twin.id}, or remove it if it was created by mistake, then create this one`,
  );
}
