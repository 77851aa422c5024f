/**
 * Round 40's header columns (rt-wb40), mending round 38's: every committee a self-score label
 * names counts, written short or with "cấp" (WB40-1, 2), a slash between bodies is no document
 * number (WB40-3), a department's set has no committee of its own (WB40-4), a bare count in an
 * on-time column stays a count (WB40-5), only a result verb after "đã" makes the result (WB40-6),
 * "năm 2023-24" written together is a span (WB40-7), a column of remarks is no self-score round
 * (WB40-8) and the body a revision answered is not the one that made it (WB40-9).
 */
import { describe, expect, it } from "vitest";
import { findHeader, scoreWorkbook, type UnitType } from "../../shared/index.ts";
import { parseEvidenceRef } from "../../shared/evidence.ts";
import { flat, fraction } from "./data-columns-helpers.ts";
import { setOf, scoredAt } from "./self-columns-helpers.ts";
import type { Row, Value } from "./merged-header-helpers.ts";

describe("WB40-1…4, 9: the body that made a revision, wherever and however the label names it", () => {
  it.each([
    ["commune", "Điểm tự đánh giá (UBND cấp huyện điều chỉnh)"],
    ["commune", "Điểm tự đánh giá (UBND H. An Bình điều chỉnh)"],
    ["commune", "Điểm tự đánh giá (UBND TX điều chỉnh)"],
    ["commune", "Điểm tự đánh giá (UBND Q. 3 điều chỉnh)"],
    ["commune", "Điểm tự đánh giá (UBND TP điều chỉnh)"],
    ["district", "Điểm tự đánh giá (Ủy ban nhân dân cấp tỉnh điều chỉnh)"],
    ["commune", "Điểm UBND xã tự đánh giá (sau khi UBND huyện điều chỉnh)"],
    ["commune", "Điểm tự đánh giá (HĐTĐ/UBND huyện điều chỉnh)"],
    ["commune", "Điểm tự đánh giá (UBND huyện/thị xã điều chỉnh)"],
    ["commune", "Điểm tự đánh giá (Phòng Nội vụ/UBND huyện điều chỉnh)"],
    ["department", "Điểm tự đánh giá (UBND Thành phố điều chỉnh)"],
    ["department", "Điểm tự đánh giá (UBND quận điều chỉnh)"],
    ["department", "Điểm tự đánh giá (UBND huyện điều chỉnh)"],
    ["department", "Điểm tự đánh giá (UBND thành phố Hà Nội điều chỉnh)"],
    ["commune", "Điểm tự đánh giá điều chỉnh theo Công văn số 125/UBND-NV của UBND huyện"],
  ] as [UnitType, string][])("%s: %s is another body's revision, ranked below the unit's own", (unit, label) => {
    const { self, total } = scoredAt(["Điểm tự đánh giá", label], 0, unit);
    expect(self).toBe(5);
    expect(total).toBe(8.5);
  });
  it.each([
    ["district", "Điểm tự đánh giá sau bổ sung theo Công văn của Sở Nội vụ"],
    ["district", "Điểm tự đánh giá sau bổ sung theo ý kiến của Phòng Nội vụ"],
    ["commune", "Điểm tự đánh giá (sau bổ sung theo yêu cầu của UBND huyện)"],
    ["district", "Điểm tự đánh giá sau bổ sung theo Công văn số 125/SNV-CCHC"],
    ["commune", "Điểm UBND xã tự đánh giá (sau điều chỉnh)"],
    ["district", "Điểm tự đánh giá (UBND TP điều chỉnh)"],
    ["district", "UBND huyện tự chấm (sau bổ sung)"],
    ["department", "Điểm UBND xã An Phú tự đánh giá (sau bổ sung)"],
  ] as [UnitType, string][])("%s: %s is the unit's own revision", (unit, label) => {
    const { self, total } = scoredAt(["Điểm tự đánh giá", label], 1, unit);
    expect(self).toBe(6);
    expect(total).toBe(8.5);
  });
  it.each([
    ["department", "UBND huyện tự chấm", "UBND huyện tự chấm (sau bổ sung)"],
    ["commune", "Điểm UBND huyện tự đánh giá", "Điểm UBND huyện tự đánh giá (sau điều chỉnh)"],
  ] as [UnitType, string, string][])("%s: %s | %s — a committee scoring itself is the unit, its revision final", (unit, first, revised) => {
    const { self, total } = scoredAt([first, revised], 1, unit);
    expect(self).toBe(6);
    expect(total).toBe(8.5);
  });
});

describe("WB40-5: a bare count in an on-time column holding 'a/b' elsewhere stays a count", () => {
  const mixed = (x: Row): Value => (x.counts ? (x.code === "1.1.2" ? x.counts[0] : fraction(x)) : "");
  it("'18' under 'Số hồ sơ giải quyết đúng hạn' beside '98/100': DATA_MISSING, never 18 %", () => {
    const grid = flat(["Số hồ sơ giải quyết đúng hạn", "Ghi chú thêm"], [mixed, () => ""]);
    const report = scoreWorkbook(grid, setOf("commune"));
    expect(report.items.find((i) => i.code === "1.1.2")?.percent).toBeUndefined();
    expect(report.findings.filter((f) => f.code === "DATA_MISSING").map((f) => f.criterion)).toEqual(["1.1.2"]);
    expect(report.items.find((i) => i.code === "2.2.2")?.percent).toBe(98);
  });
  it("a column of its own ratios reads them all as before", () => {
    const grid = flat(["Số hồ sơ giải quyết đúng hạn", "Ghi chú thêm"], [fraction, () => ""]);
    const report = scoreWorkbook(grid, setOf("commune"));
    expect(report.items.find((i) => i.code === "1.1.2")?.percent).toBe(90);
  });
});

describe("WB40-6: only a verb of what was done after 'đã' makes the result", () => {
  const done = (x: Row): Value => (x.counts ? x.counts[0] : "");
  const whole = (x: Row): Value => (x.counts ? x.counts[1] : "");
  it.each([
    ["Số văn bản phải rà soát", "Số văn bản đã hết hạn"],
    ["Số hồ sơ phải giải quyết", "Số hồ sơ đã trả lại"],
    ["Số TTHC phải công khai", "Số TTHC đã bãi bỏ"],
    ["Số kiến nghị phải xử lý", "Số kiến nghị đã tồn đọng"],
  ])("%s | %s: no data column", (a, b) => {
    const grid = flat([a, b], [whole, done]);
    expect(findHeader(grid.sheets[0]!, 2024)?.columns.data).toBeUndefined();
  });
  it.each([
    ["Số văn bản phải rà soát", "Số văn bản đã rà soát"],
    ["Số TTHC phải công khai", "Số TTHC đã công khai"],
    ["Số hồ sơ phải số hóa", "Số hồ sơ đã số hóa"],
  ])("%s | %s: 18 of 20", (a, b) => {
    const grid = flat([a, b], [whole, done]);
    expect(findHeader(grid.sheets[0]!, 2024)).toMatchObject({ columns: { data: 4 }, denominator: 3 });
  });
});

describe("WB40-7: 'năm 2023-24' written together is a span whatever follows", () => {
  const dated = (text: string) => parseEvidenceRef(text).dated;
  it.each([
    ["Kế hoạch số 12/KH-UBND năm 2023-24 V/v thực hiện CCHC", "2023-01-01", "2024-12-31"],
    ["Kế hoạch số 12/KH-UBND năm 2023-24 triển khai CCHC", "2023-01-01", "2024-12-31"],
    ["Kế hoạch số 12/KH-UBND năm 2023-24 giai đoạn 2", "2023-01-01", "2024-12-31"],
    ["Quyết định số 12/QĐ-UBND năm 2023 - 15 TTHC", "2023-01-01", "2023-12-31"],
    ["Quyết định số 12/QĐ-UBND năm 2023 - 25 văn bản", "2023-01-01", "2023-12-31"],
  ])("%s: %s … %s", (text, from, to) => {
    expect(dated(text)).toMatchObject({ from, to });
  });
});

describe("WB40-8: a column of written remarks is no self-score round", () => {
  it("'Điểm tự đánh giá' | 'Tự đánh giá' holding 'Hoàn thành': no SELF_COLUMNS_UNORDERED", () => {
    const { self, total, report } = scoredAt(["Điểm tự đánh giá", "Tự đánh giá"], 0, "district", "Hoàn thành");
    expect(self).toBe(5);
    expect(total).toBe(8.5);
    expect(report.findings.filter((f) => f.code === "SELF_COLUMNS_UNORDERED")).toEqual([]);
  });
});
