/**
 * Go-live round (GL-8, GL-2): a period's label says the deadline's hour when it is not the
 * end of the day, in Vietnam time, and two periods that would read the same are told apart.
 */
import { describe, expect, it } from "vitest";
import { deadlineText, distinctPeriodLabels, periodLabel } from "../../shared/index.ts";

describe("GL-8: the deadline's hour in a period's label", () => {
  it.each([
    ["2027-01-31T17:00:00+07:00", "17:00 ngày 31/01/2027", "17:00 on 31/01/2027"],
    ["2027-01-31T10:00:00Z", "17:00 ngày 31/01/2027", "17:00 on 31/01/2027"],
    ["2027-01-31T23:30:00+07:00", "23:30 ngày 31/01/2027", "23:30 on 31/01/2027"],
    ["2027-01-31T08:05:00+07:00", "08:05 ngày 31/01/2027", "08:05 on 31/01/2027"],
    ["2027-01-31T23:59:59+07:00", "31/01/2027", "31/01/2027"],
    ["2027-01-31T23:59:59.999+07:00", "31/01/2027", "31/01/2027"],
    ["2027-01-31T16:59:59Z", "31/01/2027", "31/01/2027"],
    ["2027-02-01T00:00:00+07:00", "00:00 ngày 01/02/2027", "00:00 on 01/02/2027"],
  ])("%s → %s / %s", (iso, vi, en) => {
    expect(deadlineText(iso, "vi")).toBe(vi);
    expect(deadlineText(iso, "en")).toBe(en);
  });

  it("puts it in the label a unit confirms at first run", () => {
    const p = { year: 2026, unitType: "commune" as const, deadline: "2027-01-31T17:00:00+07:00" };
    expect(periodLabel(p, "vi")).toBe("Kỳ đánh giá năm 2026 — cấp xã, hạn nộp 17:00 ngày 31/01/2027");
    expect(periodLabel(p, "en")).toBe("Assessment period 2026 — commune level, due 17:00 on 31/01/2027");
    expect(periodLabel({ ...p, deadline: "2027-01-31T23:59:59+07:00", extended: true }, "vi")).toBe("Kỳ đánh giá năm 2026 — cấp xã, hạn nộp 31/01/2027 (đã gia hạn)");
  });
});

describe("GL-2: periods that would read the same are told apart", () => {
  const label = { vi: "Kỳ đánh giá năm 2026 — cấp xã, hạn nộp 31/01/2027", en: "Assessment period 2026 — commune level, due 31/01/2027" };
  const period = (id: string, set: string, version = 1) => ({ id, criteriaSet: { id: set, version }, label });

  it("by the period's id when the set is the same", () => {
    const out = distinctPeriodLabels([period("2026-xa", "tinh-x-xa-2026"), period("2026-cap-xa", "tinh-x-xa-2026")]);
    expect(out.map((p) => p.label.vi)).toEqual([`${label.vi} (mã kỳ 2026-xa)`, `${label.vi} (mã kỳ 2026-cap-xa)`]);
    expect(out.map((p) => p.label.en)).toEqual([`${label.en} (period 2026-xa)`, `${label.en} (period 2026-cap-xa)`]);
  });

  it("by the set and its version when those differ", () => {
    const out = distinctPeriodLabels([period("a", "tinh-x-xa-2026", 1), period("b", "tinh-x-xa-2026", 2), period("c", "tinh-x-xa-2026-moi")]);
    expect(out.map((p) => p.label.vi)).toEqual([
      `${label.vi} (bộ tiêu chí tinh-x-xa-2026, phiên bản 1)`,
      `${label.vi} (bộ tiêu chí tinh-x-xa-2026, phiên bản 2)`,
      `${label.vi} (bộ tiêu chí tinh-x-xa-2026-moi, phiên bản 1)`,
    ]);
  });

  it("leaves a label alone when no other reads the same", () => {
    const other = { ...period("2025-xa", "tinh-x-xa-2025"), label: { vi: "Kỳ đánh giá năm 2025 — cấp xã, hạn nộp 31/01/2026", en: "x" } };
    const out = distinctPeriodLabels([period("2026-xa", "tinh-x-xa-2026"), other]);
    expect(out.map((p) => p.label.vi)).toEqual([label.vi, other.label.vi]);
    expect(new Set(distinctPeriodLabels([period("a", "s"), period("b", "s"), other]).map((p) => p.label.vi)).size).toBe(3);
  });
});
