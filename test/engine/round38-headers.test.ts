/**
 * Round 38's header columns (rt-wb38), mending round 35's: a self-score label naming the unit
 * itself beside its revision is the unit's final round (WB38-1), a document number is never "Sở"
 * (WB38-3), an on-time column whose cells hold "a/b" or "%" is the data (WB38-2), a span's
 * two-digit end is never a count (WB38-5) and a file name that goes on after the heading's unit
 * with words of its own is still that unit's (WB38-4).
 */
import { describe, expect, it } from "vitest";
import { findHeader, scoreWorkbook, type UnitType } from "../../shared/index.ts";
import { parseEvidenceRef } from "../../shared/evidence.ts";
import { headingNamesFile } from "../../shared/heading-unit-of-file.ts";
import { flat, fraction } from "./data-columns-helpers.ts";
import { scoredAt, setOf } from "./self-columns-helpers.ts";
import type { Row, Value } from "./merged-header-helpers.ts";

describe("WB38-1: a label naming the unit itself beside its revision is the unit's final round", () => {
  it.each([
    ["commune", "Điểm UBND xã tự đánh giá", "Điểm UBND xã tự đánh giá (sau điều chỉnh)"],
    ["ward", "Điểm UBND phường tự đánh giá", "Điểm UBND phường tự đánh giá (sau bổ sung)"],
    ["district", "UBND huyện tự chấm", "UBND huyện tự chấm (sau bổ sung)"],
    ["province", "UBND tỉnh tự chấm", "UBND tỉnh tự chấm (sau điều chỉnh)"],
    ["commune", "Điểm tự đánh giá", "Điểm UBND tự đánh giá (sau điều chỉnh)"],
    ["district", "Điểm tự đánh giá", "Điểm tự đánh giá sau khi các phòng chuyên môn bổ sung"],
    ["department", "Điểm Sở tự đánh giá", "Điểm Sở tự đánh giá (sau bổ sung)"],
    ["department", "Điểm tự đánh giá", "Điểm tự đánh giá của Sở (sau điều chỉnh)"],
    ["department", "Điểm tự đánh giá", "Điểm tự đánh giá (Văn phòng tổng hợp, bổ sung)"],
    ["district", "Điểm tự đánh giá", "Điểm tự đánh giá của đơn vị (sau điều chỉnh)"],
    ["district", "Điểm UBND xã tự đánh giá", "Điểm UBND xã tự đánh giá (sau điều chỉnh)"],
    ["province", "UBND thành phố tự chấm", "UBND thành phố tự chấm (sau bổ sung)"],
  ] as [UnitType, string, string][])("%s: %s | %s — the revision is scored", (unit, first, revised) => {
    const { self, total } = scoredAt([first, revised], 1, unit);
    expect(self).toBe(6);
    expect(total).toBe(8.5);
  });
  it.each([
    ["commune", "Điểm tự đánh giá (UBND huyện điều chỉnh)"],
    ["district", "Điểm tự đánh giá (Sở Nội vụ điều chỉnh)"],
    ["district", "Điểm tự đánh giá (UBND tỉnh điều chỉnh)"],
    ["department", "Điểm tự đánh giá (Phòng Nội vụ điều chỉnh)"],
    ["department", "Điểm tự đánh giá sau khi Đoàn kiểm tra điều chỉnh"],
    ["district", "Điểm tự đánh giá (cấp trên điều chỉnh)"],
    ["commune", "Điểm tự đánh giá do Tổ thẩm định chỉnh sửa"],
  ] as [UnitType, string][])("%s: %s is an appraising body's revision, ranked below the unit's own", (unit, label) => {
    const { self, total } = scoredAt(["Điểm tự đánh giá", label], 0, unit);
    expect(self).toBe(5);
    expect(total).toBe(8.5);
  });
});

describe("WB38-3: a document's number in a revised label is no 'Sở'", () => {
  it.each([
    "Điểm tự đánh giá sau bổ sung theo Công văn số 125/SNV",
    "Điểm tự đánh giá (sau bổ sung theo Công văn số 125/SNV)",
    "Điểm tự đánh giá điều chỉnh theo Kế hoạch số 12/KH-UBND",
  ])("Điểm tự đánh giá | %s: the unit's revision is scored", (revised) => {
    const { self, total } = scoredAt(["Điểm tự đánh giá", revised], 1, "district");
    expect(self).toBe(6);
    expect(total).toBe(8.5);
  });
  it("two self columns nothing orders still say so: 'Điểm tự đánh giá' | 'Điểm tự đánh giá theo Công văn số 125/SNV'", () => {
    const { report } = scoredAt(["Điểm tự đánh giá", "Điểm tự đánh giá theo Công văn số 125/SNV"], 1, "district");
    expect(report.findings.filter((f) => f.code === "SELF_COLUMNS_UNORDERED")).toHaveLength(1);
  });
});

describe("WB38-2: an on-time column holding 'a/b' or '%' is the data whatever its head", () => {
  const percentOf = (x: Row): string => (x.counts ? `${(x.counts[0] / x.counts[1]) * 100}%` : "");
  it.each([
    ["Số hồ sơ giải quyết đúng hạn", fraction],
    ["Số văn bản ban hành đúng hạn", fraction],
    ["Số hồ sơ giải quyết đúng hạn", percentOf],
  ] as [string, (x: Row) => Value][])("%s over its own ratios", (label, cells) => {
    const grid = flat([label, "Ghi chú thêm"], [cells, () => ""]);
    expect(findHeader(grid.sheets[0]!, 2024)?.columns.data).toBe(3);
    const report = scoreWorkbook(grid, setOf("commune"));
    expect(report.items.find((i) => i.code === "1.1.2")?.percent).toBe(90);
    expect(report.findings.filter((f) => f.code === "DATA_MISSING")).toEqual([]);
  });
  it("a bare count under a flat '… đúng hạn' stays no data column", () => {
    const grid = flat(["Số hồ sơ giải quyết đúng hạn", "Ghi chú thêm"], [(x) => (x.counts ? x.counts[0] : ""), () => ""]);
    expect(findHeader(grid.sheets[0]!, 2024)?.columns.data).toBeUndefined();
  });
});

describe("WB38-5: a count after 'năm YYYY -' is no span's end", () => {
  const dated = (text: string) => parseEvidenceRef(text).dated;
  it.each([
    ["Quyết định số 12/QĐ-UBND năm 2023 - 15 TTHC", "2023-01-01", "2023-12-31"],
    ["Quyết định số 12/QĐ-UBND năm 2023 - 25 văn bản", "2023-01-01", "2023-12-31"],
    ["Kế hoạch số 12/KH-UBND năm 2024 - 05 văn bản", "2024-01-01", "2024-12-31"],
    ["Báo cáo số 45/BC-UBND năm 2023-21", "2023-01-01", "2023-12-31"],
    ["Báo cáo số 45/BC-UBND năm 2023-24", "2023-01-01", "2024-12-31"],
    ["Báo cáo số 45/BC-UBND năm 2023-24 của UBND xã", "2023-01-01", "2024-12-31"],
    ["Báo cáo số 45/BC-UBND năm 2024-2023", "2024-01-01", "2024-12-31"],
  ])("%s: %s … %s", (text, from, to) => {
    expect(dated(text)).toMatchObject({ from, to });
  });
});

describe("WB38-4: a file name going on after the heading's unit with words of its own is the unit's", () => {
  const heading = (text: string) => ({ text, rank: 0, cell: "A2" }) as Parameters<typeof headingNamesFile>[1];
  it.each([
    ["Xã An Phú tự chấm", "UBND XÃ AN PHÚ", "same"],
    ["Xã Tân An tự đánh giá", "UBND XÃ TÂN AN", "same"],
    ["Xã Phú Mỹ nộp huyện", "UBND XÃ PHÚ MỸ", "same"],
    ["Xã Mỹ Hòa ký số", "UBND XÃ MỸ HÒA", "same"],
    ["Xã Tây Sơn gửi Phòng Nội vụ", "UBND XÃ TÂY SƠN", "same"],
    ["Xã An Phú Tây tự chấm", "UBND XÃ AN PHÚ TÂY", "same"],
    ["Xã An Phú Đông", "UBND XÃ AN PHÚ", "other"],
    ["Xã Tân An Hội tự chấm", "UBND XÃ TÂN AN", "other"],
    ["Xã Tự Lập", "UBND XÃ AN PHÚ", "other"],
  ])("%s headed %s: %s", (file, text, said) => {
    expect(headingNamesFile(file, heading(text))).toBe(said);
  });
});

describe("WB38-8: an on-time head written with '(%)' is a percentage column", () => {
  it.each(["Hồ sơ giải quyết đúng hạn (%)", "Số hồ sơ giải quyết đúng hạn (%)", "Văn bản ban hành đúng hạn (%)"])("%s over 90: 90 %", (label) => {
    const grid = flat([label, "Ghi chú thêm"], [(x) => (x.counts ? (x.counts[0] / x.counts[1]) * 100 : ""), () => ""]);
    expect(findHeader(grid.sheets[0]!, 2024)?.columns.rate).toBe(3);
    const report = scoreWorkbook(grid, setOf("commune"));
    expect(report.items.find((i) => i.code === "1.1.2")?.percent).toBe(90);
    expect(report.findings.filter((f) => f.code === "DATA_MISSING")).toEqual([]);
  });
});

describe("WB38-9: two self columns told apart only by the word 'Điểm' still say which was scored", () => {
  it("'Điểm tự đánh giá' | 'Tự đánh giá' differing: SELF_COLUMNS_UNORDERED", () => {
    const { self, report } = scoredAt(["Điểm tự đánh giá", "Tự đánh giá"], 1, "district");
    expect(self).toBe(5);
    expect(report.findings.filter((f) => f.code === "SELF_COLUMNS_UNORDERED")).toHaveLength(1);
  });
});

describe("WB38-6: 'Số … phải <verb>' beside 'Số … đã <verb>' is read as the ratio with no percentage column", () => {
  const done = (x: Row): Value => (x.counts ? x.counts[0] : "");
  const whole = (x: Row): Value => (x.counts ? x.counts[1] : "");
  it.each([
    ["Số văn bản phải ban hành", "Số văn bản đã ban hành"],
    ["Số báo cáo phải nộp", "Số báo cáo đã nộp"],
  ])("%s | %s: 18 of 20", (a, b) => {
    const grid = flat([a, b], [whole, done]);
    expect(findHeader(grid.sheets[0]!, 2024)).toMatchObject({ columns: { data: 4 }, denominator: 3 });
    const report = scoreWorkbook(grid, setOf("commune"));
    expect(report.items.find((i) => i.code === "1.1.2")?.percent).toBe(90);
  });
});
