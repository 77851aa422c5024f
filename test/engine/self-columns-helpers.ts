/**
 * Two self-score columns side by side (rounds 38, 40 and 42): the unit's own scores in one, lowered
 * ones (an appraisers' or an earlier round) in the other, on the demo set at a chosen level.
 */
import { expect } from "vitest";
import { findHeader, scoreWorkbook, type CriteriaSet, type UnitType } from "../../shared/index.ts";
import { fraction } from "./data-columns-helpers.ts";
import { EV, ROWS, demoSet, sheetOf, type Row, type Value } from "./merged-header-helpers.ts";

/** The first round's score (or the appraisers'): 1.2 at 1 of 2, the rest as the unit's final scores. */
export const lowered = (x: Row): Value => (x.counts ? "" : x.code === "1.2" ? 1 : (x.self ?? ""));
export const unitScore = (x: Row): Value => (x.counts ? "" : (x.self ?? ""));
export const setOf = (unitType: UnitType): CriteriaSet => ({ ...demoSet("self-columns", "Bộ thử hai cột điểm tự đánh giá (minh họa)"), unitType });

/** Flat labels F | G: the unit's own scores in `unitAt`, the lowered ones in the other; `remark` for G's cells instead. */
export const twoSelf = (labels: [string, string], unitAt: 0 | 1, remark?: string) =>
  sheetOf(
    [
      ["STT", "Tiêu chí, tiêu chí thành phần", "Điểm tối đa", "Số liệu kê khai", "Tài liệu kiểm chứng", ...labels, "Ghi chú"],
      ...ROWS.map((x) => [
        x.code,
        x.title,
        x.max,
        fraction(x),
        x.leaf ? EV : "",
        ...(remark !== undefined ? [unitScore(x), x.leaf ? remark : ""] : unitAt === 0 ? [unitScore(x), lowered(x)] : [lowered(x), unitScore(x)]),
        "",
      ]),
    ],
    [],
  );

export const scoredAt = (labels: [string, string], unitAt: 0 | 1, unit: UnitType, remark?: string) => {
  const grid = twoSelf(labels, unitAt, remark);
  const report = scoreWorkbook(grid, setOf(unit));
  return { self: findHeader(grid.sheets[0]!, 2024, 0, unit)?.columns.self, total: report.total, report };
};

/** The unit's revision labelled in the second column: scored on its own figures (6, 8,5) — rounds 43, 44, 46. */
export const unitsOwn = (unit: UnitType, label: string) => expect(scoredAt(["Điểm tự đánh giá", label], 1, unit)).toMatchObject({ self: 6, total: 8.5 });
/** Another body's figures labelled in the second column: the unit's first column stays (5, 8,5). */
export const anotherBodys = (unit: UnitType, label: string) => expect(scoredAt(["Điểm tự đánh giá", label], 0, unit)).toMatchObject({ self: 5, total: 8.5 });
