import { ApiError } from "./errors.ts";
import { getCriteriaSet } from "./repositories/criteria-set-repository.ts";

/**
 * What a new period's criteria set must be, for POST /v1/periods and `admin create-period`
 * alike: a published version, of the period's year. Year over year and the trend pick periods
 * by their year, while which units take part is read from the set's period (its last day): a
 * period of another year than its set's mixes the two.
 */
export async function checkPeriodSet(db: D1Database, period: { year: number; criteriaSet: { id: string; version: number } }): Promise<void> {
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
}
