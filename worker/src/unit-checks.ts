import { formatDateVi, UNIT_TYPE_NAME, type UnitType } from "../../shared/index.ts";
import { vietnameseNameKey } from "../../shared/vietnamese-name-key.ts";
import type { MergeRequest, Unit } from "./api-schemas.ts";
import { dayBefore } from "./clock.ts";
import { dayAfter } from "./validity.ts";
import { ApiError, notFound } from "./errors.ts";
import { lockedPeriodJoined, periodLockedError, refuseJoiningLockedPeriod } from "./period-checks.ts";
import { childrenValidFrom, dataInPeriodsFrom, getUnit, getUnits, isValidOn, mergedAway, unitAndAncestors, unitsUnder, type PeriodData } from "./repositories/unit-repository.ts";
import { allowedParentsText, mayMergeInto, maySitUnder } from "./unit-levels.ts";

/**
 * What a unit created alone (POST /v1/units), by a merge or from a units sheet must satisfy
 * against the units already there: a parent of the level above (unit-levels.ts) that exists
 * on its first day and does not close before it (outlivesParent); for a merge, predecessors of
 * its own kind that end without leaving units orphaned below them.
 */

/**
 * Would a unit open from `validFrom` to `validTo` (null: open-ended) outlive its parent? Then
 * the parent's last day, else null. The mirror of a merge's UNIT_HAS_OPEN_CHILDREN: since
 * 1/7/2025 the districts are closed, and a commune created under one without an end would be
 * an open unit under a closed parent (put it under the district's successor or the province).
 */
export function outlivesParent(parent: { validTo: string | null }, unit: { validTo: string | null }): string | null {
  if (parent.validTo === null) return null;
  return unit.validTo === null || unit.validTo > parent.validTo ? parent.validTo : null;
}

export async function checkParent(db: D1Database, unit: { type: UnitType; parentId: string | null; validFrom: string; validTo: string | null }): Promise<void> {
  const { type, parentId, validFrom, validTo } = unit;
  if (parentId === null) {
    if (maySitUnder(type, null)) return;
    throw new ApiError(422, "PARENT_MISSING", `${UNIT_TYPE_NAME[type].vi} cần đơn vị cấp trên (${allowedParentsText(type, "vi")}) / a ${UNIT_TYPE_NAME[type].en} needs a parent (${allowedParentsText(type, "en")})`);
  }
  const parent = await getUnit(db, parentId);
  if (!parent) throw new ApiError(422, "UNKNOWN_PARENT", `Không có đơn vị cha ${parentId} / parent unit ${parentId} does not exist`);
  if (!maySitUnder(type, parent.type)) {
    const allowed = (locale: "vi" | "en") => allowedParentsText(type, locale) || (locale === "vi" ? "không có" : "none");
    throw new ApiError(
      422,
      "PARENT_WRONG_LEVEL",
      `${UNIT_TYPE_NAME[type].vi} không thể trực thuộc ${parentId} (${UNIT_TYPE_NAME[parent.type].vi}): đơn vị cấp trên phải là ${allowed("vi")} / a ${UNIT_TYPE_NAME[type].en} cannot sit under ${parentId} (a ${UNIT_TYPE_NAME[parent.type].en}): its parent must be a ${allowed("en")}`,
    );
  }
  if (!isValidOn(parent, validFrom)) {
    // One that starts later (a province created from the merge day) is said as such (GL-5).
    const why =
      parent.validFrom > validFrom
        ? `chỉ có hiệu lực từ ngày ${formatDateVi(parent.validFrom)}, sau ngày ${formatDateVi(validFrom)}: ghi ngày hiệu lực từ ${formatDateVi(parent.validFrom)} trở đi hoặc chọn đơn vị cha khác / starts only on ${formatDateVi(parent.validFrom)}, after ${formatDateVi(validFrom)}: start from ${formatDateVi(parent.validFrom)} on or pick another parent`
        : `không còn hiệu lực ngày ${formatDateVi(validFrom)} / is not valid on ${formatDateVi(validFrom)}`;
    throw new ApiError(422, "PARENT_NOT_VALID", `Đơn vị cha ${parentId} ${why}`);
  }
  const parentEnd = outlivesParent(parent, unit);
  if (parentEnd !== null) {
    const until = (locale: "vi" | "en") => (validTo === null ? (locale === "vi" ? "không có ngày kết thúc" : "has no end") : locale === "vi" ? `hoạt động đến ${formatDateVi(validTo)}` : `runs to ${validTo}`);
    throw new ApiError(
      422,
      "PARENT_CLOSES_BEFORE_UNIT",
      `Đơn vị cấp trên ${parentId} chỉ hoạt động đến hết ngày ${formatDateVi(parentEnd)}, còn đơn vị mới ${until("vi")}: chọn đơn vị cấp trên còn hoạt động (đơn vị kế thừa của ${parentId}, hoặc tỉnh) hoặc cho đơn vị mới kết thúc không muộn hơn ngày đó / the last day of parent ${parentId} is ${parentEnd}, and the new unit ${until("en")}: pick a parent that stays open (the successor of ${parentId}, or the province) or end the new unit by that day`,
    );
  }
}

/**
 * Everything POST /v1/units checks before it writes a unit, and `admin create-unit` with it (A5-1:
 * the CLI had skipped the lock): its parent, its name among its siblings, and no locked period
 * whose published units it would join.
 */
export async function checkNewUnit(db: D1Database, unit: { id: string; name: string; type: UnitType; parentId: string | null; validFrom: string; validTo: string | null }): Promise<void> {
  await checkParent(db, unit);
  await checkNameFree(db, unit);
  await refuseJoiningLockedPeriod(db, [unit]);
}

/**
 * The predecessors of a merge, each open on the day before `date` (a later planned end is
 * moved back to it) and not merged before, of the successor's
 * kind, none of them the successor's parent or above it, and none with units below it that
 * outlive it (they would be left without a parent: merge or move those first).
 */
export async function checkPredecessors(db: D1Database, body: MergeRequest): Promise<Unit[]> {
  const lastDay = dayBefore(body.date);
  const [found, merged] = await Promise.all([getUnits(db, body.from), mergedAway(db, body.from)]);
  for (const id of body.from) {
    const unit = found.find((u) => u.id === id);
    if (!unit) throw new ApiError(422, "UNKNOWN_UNIT", `Không có đơn vị ${id} / unit ${id} does not exist`);
    // Open on its last day (a planned later end is moved back to it by the merge), and not merged already.
    if (!isValidOn(unit, lastDay)) {
      throw new ApiError(409, "UNIT_NOT_OPEN", `Đơn vị ${id} không còn hiệu lực đến ${lastDay} / unit ${id} is not open on ${lastDay}`);
    }
    if (merged.has(id)) {
      throw new ApiError(409, "UNIT_ALREADY_MERGED", `Đơn vị ${id} đã được sáp nhập trước đó / unit ${id} was already merged into another unit`);
    }
    if (!mayMergeInto(unit.type, body.into.type)) {
      throw new ApiError(422, "MERGE_TYPE_MISMATCH", `${id} (${UNIT_TYPE_NAME[unit.type].vi}) không thể sáp nhập vào một ${UNIT_TYPE_NAME[body.into.type].vi} / ${id} (a ${UNIT_TYPE_NAME[unit.type].en}) cannot merge into a ${UNIT_TYPE_NAME[body.into.type].en}`);
    }
  }
  const above = body.into.parentId === null ? [] : await unitAndAncestors(db, body.into.parentId);
  const ancestor = body.from.find((id) => above.includes(id));
  if (ancestor) {
    throw new ApiError(422, "MERGE_INTO_OWN_SUBTREE", `${ancestor} là cấp trên của đơn vị mới, không thể sáp nhập vào nó / ${ancestor} is the new unit's parent or above it and cannot merge into it`);
  }
  const children = await childrenValidFrom(db, body.from, body.date);
  if (children.length > 0) {
    const list = children.map((u) => `${u.id} (${u.parentId})`).join(", ");
    throw new ApiError(409, "UNIT_HAS_OPEN_CHILDREN", `Còn đơn vị trực thuộc hoạt động từ ${body.date}: ${list}; hãy sáp nhập hoặc chuyển chúng trước / units below a predecessor are still open on ${body.date}: ${list}; merge or move them first`);
  }
  return found;
}

/** Do two spans of days (inclusive; null: open-ended) share a day? */
const overlaps = (a: { validFrom: string; validTo: string | null }, b: { validFrom: string; validTo: string | null }): boolean =>
  (b.validTo === null || a.validFrom <= b.validTo) && (a.validTo === null || b.validFrom <= a.validTo);

/**
 * One unit per name under one parent at a time: a unit whose name is an existing sibling's
 * (vietnameseNameKey: NFC or NFD, spaces, case, punctuation, the tone on either vowel of "Thủy"/"Thuỷ")
 * on a day both exist would be a second copy of it, ranked at 0 % and late on the board.
 * `closing` maps a merge's predecessors to their new last day (the successor may take one's name).
 */
export async function checkNameFree(
  db: D1Database,
  unit: { id: string; name: string; parentId: string | null; validFrom: string; validTo: string | null },
  closing: ReadonlyMap<string, string> = new Map(),
): Promise<void> {
  const key = vietnameseNameKey(unit.name);
  const clash = (await unitsUnder(db, unit.parentId))
    .map((u) => (closing.has(u.id) ? { ...u, validTo: closing.get(u.id)! } : u))
    // A unit of the same id is the same request again: the insert answers 409 UNIT_EXISTS.
    .find((u) => u.id !== unit.id && vietnameseNameKey(u.name) === key && overlaps(u, unit));
  if (!clash) return;
  const under = (locale: "vi" | "en") => (unit.parentId === null ? (locale === "vi" ? "không có đơn vị cấp trên" : "with no parent") : locale === "vi" ? `trực thuộc ${unit.parentId}` : `under ${unit.parentId}`);
  const days = clash.validTo === null ? `từ ${formatDateVi(clash.validFrom)}` : `từ ${formatDateVi(clash.validFrom)} đến ${formatDateVi(clash.validTo)}`;
  throw new ApiError(
    409,
    "UNIT_NAME_EXISTS",
    `Đã có đơn vị ${clash.name} (${clash.id}) ${under("vi")}, hoạt động ${days}: tên «${unit.name}» là tên của đơn vị đó (không phân biệt chữ hoa, khoảng trắng, vị trí dấu thanh như Thủy/Thuỷ); dùng đơn vị ${clash.id}, hoặc đặt tên khác cho đơn vị mới / unit ${clash.id} (${clash.name}) ${under("en")} already has this name (case, spacing and the tone mark's place aside) on days the new unit would exist: use ${clash.id}, or give the new unit another name`,
  );
}

/**
 * A merge from `date` ends its predecessors the day before: every period whose units are
 * counted on `date` or later (its set's last day) then counts the successor instead. Should a
 * predecessor already have versions or survey scores in such a period (a merge recorded after
 * the fact), the period would rank the territory twice — the predecessor with its results, the
 * successor at 0 % — or lose them: refused, naming the periods and what each unit has there.
 * Dated from the day after the last such period's last day, the merge leaves that period as
 * the units submitted it, and the successor starts with the next.
 */
export async function checkNoDataInSuccessorPeriods(db: D1Database, body: MergeRequest): Promise<void> {
  const found = await dataInPeriodsFrom(db, body.from, body.date);
  if (found.length === 0) return;
  const periods = [...new Map(found.map((d) => [d.periodId, d.lastDay])).entries()];
  const what = (d: PeriodData, locale: "vi" | "en") =>
    [d.versions > 0 ? (locale === "vi" ? `${d.versions} phiên bản` : `${d.versions} version${d.versions === 1 ? "" : "s"}`) : "", d.surveyScores > 0 ? (locale === "vi" ? "điểm khảo sát" : "survey scores") : ""]
      .filter(Boolean)
      .join(", ");
  const part = ([period, lastDay]: [string, string], locale: "vi" | "en") => {
    const units = found.filter((d) => d.periodId === period).map((d) => `${d.unitId} (${what(d, locale)})`).join(", ");
    return locale === "vi"
      ? `đơn vị ${units} đã có hồ sơ trong kỳ ${period} (kỳ gồm các đơn vị còn hoạt động ngày ${formatDateVi(lastDay)})`
      : `${units} have data in period ${period} (whose units are those open on ${lastDay})`;
  };
  const after = dayAfter(periods.map(([, lastDay]) => lastDay).sort().at(-1)!);
  throw new ApiError(
    409,
    "MERGE_AFTER_SUBMISSIONS",
    `Không thể sáp nhập từ ngày ${formatDateVi(body.date)}: ${periods.map((p) => part(p, "vi")).join("; ")}. Từ ngày đó đơn vị mới thay các đơn vị này trong kỳ, nên kết quả đã nộp sẽ bị tính hai lần. Hãy ghi ngày sáp nhập từ ${formatDateVi(after)} trở đi (đơn vị cũ được đánh giá kỳ này theo hồ sơ đã nộp, đơn vị mới từ kỳ sau), hoặc ghi nhận sáp nhập trước khi các đơn vị nộp hồ sơ / cannot merge from ${body.date}: ${periods.map((p) => part(p, "en")).join("; ")}. From that day the new unit replaces them in the period, so what they submitted would be counted twice. Date the merge from ${after} or later (the old units are assessed for that period as they submitted, the new one from the next), or record a merge before the units submit`,
  );
}

/**
 * A unit closed on `lastDay` (`admin close-unit`, A5-3: a unit loaded from a sheet, such as a
 * district abolished on 1/7/2025, had no way to end). Refused as a merge's predecessor is: a unit
 * that is not there, ends by then already or was merged; units below it still open the next day
 * (close or merge them first); versions or survey scores in a period it would leave (it would be
 * ranked there beside a population it no longer belongs to: end it after that period's last
 * day); a locked period it would leave (its published units would change). Returns the unit.
 */
export async function checkClosing(db: D1Database, id: string, lastDay: string): Promise<Unit> {
  const unit = await getUnit(db, id);
  if (!unit) throw notFound("unit", id);
  const last = formatDateVi(lastDay);
  if (lastDay < unit.validFrom) {
    throw new ApiError(422, "VALIDATION_FAILED", `Ngày kết thúc ${last} trước ngày bắt đầu của đơn vị ${id} (${formatDateVi(unit.validFrom)}) / the last day ${lastDay} is before unit ${id} starts (${unit.validFrom})`);
  }
  if (unit.validTo !== null && unit.validTo <= lastDay) {
    throw new ApiError(409, "UNIT_NOT_OPEN", `Đơn vị ${id} đã kết thúc ngày ${formatDateVi(unit.validTo)}: không thay đổi gì / unit ${id} already ends on ${unit.validTo}: nothing changed`);
  }
  if ((await mergedAway(db, [id])).has(id)) {
    throw new ApiError(409, "UNIT_ALREADY_MERGED", `Đơn vị ${id} đã được sáp nhập, ngày kết thúc do lần sáp nhập đặt / unit ${id} was merged; its last day is the merge's`);
  }
  const next = dayAfter(lastDay);
  const children = await childrenValidFrom(db, [id], next);
  if (children.length > 0) {
    const list = children.map((u) => u.id).join(", ");
    throw new ApiError(409, "UNIT_HAS_OPEN_CHILDREN", `Còn đơn vị trực thuộc ${id} hoạt động sau ngày ${last}: ${list}; hãy sáp nhập hoặc đóng chúng trước / units below ${id} are still open after ${lastDay}: ${list}; merge or close them first`);
  }
  const data = await dataInPeriodsFrom(db, [id], next);
  if (data.length > 0) {
    const periods = [...new Set(data.map((d) => d.periodId))].join(", ");
    const after = data.map((d) => d.lastDay).sort().at(-1)!;
    throw new ApiError(
      409,
      "CLOSE_AFTER_SUBMISSIONS",
      `Đơn vị ${id} đã có hồ sơ hoặc điểm điều tra XHH trong kỳ ${periods}, kỳ gồm các đơn vị còn hoạt động đến ngày cuối của kỳ: ghi ngày kết thúc từ ${formatDateVi(after)} trở đi / unit ${id} has versions or survey scores in period ${periods}, whose units are those open on its last day: end it on ${after} or later`,
    );
  }
  const locked = await lockedPeriodJoined(db, { type: unit.type, validFrom: next, validTo: unit.validTo });
  if (locked) {
    throw await periodLockedError(db, locked.id, {
      vi: `đóng đơn vị ${id} ngày ${last} sẽ bỏ nó khỏi danh sách đơn vị của kỳ (các đơn vị có hiệu lực ngày ${formatDateVi(locked.lastDay)}) đã công bố: ghi ngày kết thúc từ ${formatDateVi(locked.lastDay)} trở đi, hoặc mở khóa kỳ theo quyết định của hội đồng`,
      en: `closing unit ${id} on ${lastDay} would take it out of the published period's units (those valid on ${locked.lastDay}): end it on ${locked.lastDay} or later, or unlock the period on the council's decision`,
    });
  }
  return unit;
}
