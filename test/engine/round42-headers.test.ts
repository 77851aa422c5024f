/**
 * Round 42 (rt-wb42), mending round 40's on-time column guard (WB40-5): only a bare count in an
 * on-time count's column is set aside (DATA_MISSING, never its figure as a percentage). What else
 * such a column holds reads as any data column's cell does — "Không phát sinh", "0/0", "N/A" (the
 * nothing-arose declaration), "0,8" (the fraction's own advice), a formula's error. The first guard
 * set all of them aside: a department 63 Xuất sắc → 60 Tốt, the finding asking for the very
 * "Không phát sinh" its cell held (WB42-1, WB42-2).
 */
import { describe, expect, it } from "vitest";
import { findHeader, scoreWorkbook, type CriteriaSet, type UnitType } from "../../shared/index.ts";
import { scoredAt } from "./self-columns-helpers.ts";
import { flat, fraction } from "./data-columns-helpers.ts";
import { demoSet, type Row, type Value } from "./merged-header-helpers.ts";

/** The demo set with 1.1.2 full when nothing arose ("không phát sinh → đủ điểm", §6). */
const set = (() => {
  const base = { ...demoSet("round42", "Bộ thử vòng 42 (minh họa)"), unitType: "commune" as UnitType };
  const mark = (items: CriteriaSet["items"]): CriteriaSet["items"] =>
    items.map((i) => (i.code === "1.1.2" ? { ...i, notApplicable: "full" as const } : i.children ? { ...i, children: mark(i.children) } : i));
  return { ...base, items: mark(base.items) } as CriteriaSet;
})();
/** 1.1.2's data cell holds `written`; every other ratio leaf its own "a/b". */
const reading = (head: string, written: Value) => {
  const grid = flat([head, "Ghi chú thêm"], [(x: Row) => (x.counts ? (x.code === "1.1.2" ? written : fraction(x)) : ""), () => ""]);
  const report = scoreWorkbook(grid, set);
  const item = report.items.find((i) => i.code === "1.1.2");
  return { score: item?.score, percent: item?.percent, findings: report.findings.filter((f) => f.criterion === "1.1.2").map((f) => f.code) };
};

describe("WB42-1/2: an on-time column's cell that is no bare count reads as a data column's does", () => {
  it.each<[string, Value]>([
    ["nothing arose, in words", "Không phát sinh"],
    ["nothing arose, as 0/0", "0/0"],
    ["not applicable", "N/A"],
    ["a fraction typed as a decimal", "0,8"],
    ["a formula's error", { v: "#DIV/0!", err: "#DIV/0!" } as Value],
  ])("%s ('%s'): as under 'Số liệu kê khai'", (_, written) => {
    expect(reading("Số hồ sơ giải quyết đúng hạn", written)).toEqual(reading("Số liệu kê khai", written));
  });

  it("'Không phát sinh' there scores 1.1.2 full, as its row says (the first guard gave 0 and DATA_MISSING)", () => {
    expect(reading("Số hồ sơ giải quyết đúng hạn", "Không phát sinh")).toMatchObject({ score: 3, findings: [] });
  });

  it("a bare count there stays set aside (WB40-5): DATA_MISSING, never 18 %", () => {
    expect(reading("Số hồ sơ giải quyết đúng hạn", 18)).toMatchObject({ percent: undefined, findings: ["DATA_MISSING"] });
    expect(reading("Số hồ sơ giải quyết đúng hạn", "18")).toMatchObject({ percent: undefined, findings: ["DATA_MISSING"] });
  });
});

describe("WB42-5, WB42-7: who made a revision, read to its clause's end and past a slash between the unit's names", () => {
  it.each([
    ["commune", "Điểm tự đánh giá (bổ sung theo kết luận, Đoàn kiểm tra chấm lại)"],
    ["commune", "Điểm tự đánh giá bổ sung theo kết luận kiểm tra (Phòng Nội vụ chấm lại)"],
    ["commune", "Điểm tự đánh giá sau bổ sung theo Công văn 125/SNV, UBND tỉnh điều chỉnh"],
    ["department", "Điểm tự đánh giá đã bổ sung theo hướng dẫn (UBND huyện điều chỉnh)"],
  ] as [UnitType, string][])("%s: %s is another body's revision, ranked below the unit's own", (unit, label) => {
    const { self, total } = scoredAt(["Điểm tự đánh giá", label], 0, unit);
    expect(self).toBe(5);
    expect(total).toBe(8.5);
  });
  it.each([
    ["department", "Điểm tự đánh giá của cơ quan/phòng (sau bổ sung)"],
    ["department", "Điểm tự đánh giá (đơn vị/phòng điều chỉnh)"],
    ["district", "Điểm tự đánh giá sau bổ sung theo Công văn của Sở Nội vụ"],
  ] as [UnitType, string][])("%s: %s is the unit's own revision", (unit, label) => {
    const { self, total } = scoredAt(["Điểm tự đánh giá", label], 1, unit);
    expect(self).toBe(6);
    expect(total).toBe(8.5);
  });
});

describe("WB42-3: after 'đã' any verb but one of failure makes the result", () => {
  const done = (x: Row): Value => (x.counts ? x.counts[0] : "");
  const whole = (x: Row): Value => (x.counts ? x.counts[1] : "");
  it.each([["Số TTHC đã công bố"], ["Số TTHC đã niêm yết"], ["Số cuộc đã tiến hành"], ["Số văn bản đã ký"], ["Số văn bản đã phát hành"], ["Số văn bản đã hướng dẫn"], ["Số kiến nghị đã trả lời"]])(
    "Số … phải … | %s: the result over the plan",
    (head) => {
      const grid = flat(["Số văn bản phải ban hành", head], [whole, done]);
      expect(findHeader(grid.sheets[0]!, 2024)).toMatchObject({ columns: { data: 4 }, denominator: 3 });
    },
  );
  it.each([["Số văn bản đã hết hạn"], ["Số hồ sơ đã trả lại"], ["Số hồ sơ đã tiếp nhận"], ["Số văn bản đã được ban hành"]])("Số … phải … | %s: no result (WB40-6)", (head) => {
    const grid = flat(["Số văn bản phải ban hành", head], [whole, done]);
    expect(findHeader(grid.sheets[0]!, 2024)?.columns.data).toBeUndefined();
  });
});
