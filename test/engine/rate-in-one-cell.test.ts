import { describe, expect, it } from "vitest";
import { columnsTable } from "./data-columns-helpers.ts";
import { demoSet } from "./merged-header-helpers.ts";
import { scoreWorkbook } from "../../shared/index.ts";

/**
 * One data cell that gives a rate twice, as counts and as a percentage, the two scoring apart
 * (04/12/2026, tenth session): "18/20 = 95%" scores its "a/b" (§6: an "a/b" wins over a
 * percentage in the same cell; 90 %, 1,5 of 3 points on 1.1.2, bands from 95 % and 80 %) and said
 * nothing, where the office expects 3 points from the 95 % it wrote; "Tổng 20, đúng hạn 18, tỷ lệ
 * 95%" scores its percentage (counts named in words make a rate only where no "a/b" or percentage
 * is written) and said nothing either. Now both say RATE_DIFFERS_FROM_COUNTS (warning, at the cell)
 * with the reading scored, as a rate column beside a counts column already did. Readings that
 * score alike, a percentage of another thing, of the part not done or of a plan say nothing.
 */
const SET = demoSet("rate-one-cell", "Bộ thử tỷ lệ và số liệu cùng ô (minh họa)");
/** The demo table with one "Số liệu" column (D), 1.1.2's cell holding `data`. */
const report = (data: string, locale: "vi" | "en" = "vi") => scoreWorkbook(columnsTable(["Số liệu"], (done, all) => [all === 20 ? data : `${done}/${all}`]), SET, { locale });
const on112 = (r: ReturnType<typeof report>) => ({
  score: r.items.find((i) => i.code === "1.1.2")!.score,
  said: r.findings.filter((f) => f.criterion === "1.1.2" && f.code === "RATE_DIFFERS_FROM_COUNTS").map((f) => [f.cell, f.message.includes("hệ thống tính theo số liệu") ? "counts" : "rate"]),
});

describe("counts and a percentage of the same rate in one cell", () => {
  it.each([
    ["18/20 = 95%", 1.5, "counts"],
    ["18/20=95%", 1.5, "counts"],
    ["18/20 (95%)", 1.5, "counts"],
    ["18/20, đạt 95%", 1.5, "counts"],
    ["Đúng hạn 18/20 hồ sơ, tỷ lệ 95%", 1.5, "counts"],
    ["Đã giải quyết 18/20 hồ sơ đạt 95%", 1.5, "counts"],
    ["95% (18/20)", 1.5, "counts"],
    ["Đạt 95% (18/20 hồ sơ)", 1.5, "counts"],
    ["19/20 (90%)", 3, "counts"],
    ["Đúng hạn 18/20 hồ sơ, tỷ lệ đúng hạn 95%", 1.5, "counts"],
    ["Tổng 20, đúng hạn 18, tỷ lệ 95%", 3, "rate"],
    ["Tổng số 20 hồ sơ, đúng hạn 18 hồ sơ, tỷ lệ đúng hạn 95%", 3, "rate"],
  ])("%s: scored %d, and said at the cell (%s scored)", (data, score, scored) => {
    expect(on112(report(data))).toEqual({ score, said: [["TĐG!D9", scored]] });
  });

  it.each([
    ["18/20 = 90%", 1.5],
    ["26/28 (92,86%)", 1.5],
    // Rounded to a whole percent, a rate that scores as its counts do is no disagreement.
    ["26/28 (93%)", 1.5],
    ["Tổng 20, đúng hạn 18, tỷ lệ 90%", 1.5],
    // A percentage of the part not done, of another thing, of what was received or of the plan.
    ["Hoàn thành 26/28, còn 2/28 chưa hoàn thành (7,14%)", 1.5],
    ["18/20 hồ sơ; thanh toán trực tuyến 95%", 1.5],
    ["Tiếp nhận 100% hồ sơ trực tuyến, trong đó giải quyết đúng hạn 18/20", 1.5],
    ["Kế hoạch 95%, thực hiện 18/20", 1.5],
    ["Trễ hạn 2/20 hồ sơ (10%)", 1.5],
    // A rate named on time beside counts of what was settled: two measures, not one written twice.
    ["Giải quyết 18/20 hồ sơ, tỷ lệ đúng hạn 95%", 1.5],
    ["Tỷ lệ đúng hạn 95% (giải quyết 18/20)", 1.5],
    ["Tiếp nhận 20 hồ sơ, giải quyết 18, tỷ lệ đúng hạn 95%", 3],
    // One reading only.
    ["18/20", 1.5],
    ["95%", 3],
  ])("%s: %d, nothing said", (data, score) => {
    expect(on112(report(data))).toEqual({ score, said: [] });
  });

  it("the message names both readings and the one scored, in both languages", () => {
    const counts = report("18/20 = 95%").findings.find((f) => f.code === "RATE_DIFFERS_FROM_COUNTS")!;
    expect(counts.severity).toBe("warning");
    expect(counts.message).toBe(
      "Tiêu chí 1.1.2: ô số liệu ghi 18/20 (90%, 1,5 điểm) nhưng tỷ lệ ghi cùng ô là 95% (3 điểm); hệ thống tính theo số liệu 18/20. Sửa tỷ lệ cho khớp số liệu, hoặc sửa số liệu nếu tỷ lệ mới đúng.",
    );
    expect(report("18/20 = 95%", "en").findings.find((f) => f.code === "RATE_DIFFERS_FROM_COUNTS")!.message).toContain(
      "the data cell gives 18/20 (90%, 1.5 points) but also the rate 95% (3 points); the counts 18/20 are scored",
    );
    const rate = report("Tổng 20, đúng hạn 18, tỷ lệ 95%").findings.find((f) => f.code === "RATE_DIFFERS_FROM_COUNTS")!;
    expect(rate.message).toBe(
      "Tiêu chí 1.1.2: ô số liệu ghi tỷ lệ 95% (3 điểm), khác với số liệu 18/20 ghi cùng ô (90%, 1,5 điểm); hệ thống tính theo tỷ lệ ghi. Sửa tỷ lệ cho khớp số liệu, hoặc sửa số liệu nếu tỷ lệ mới đúng.",
    );
    expect(report("Tổng 20, đúng hạn 18, tỷ lệ 95%", "en").findings.find((f) => f.code === "RATE_DIFFERS_FROM_COUNTS")!.message).toContain(
      "the data cell gives the rate 95% (3 points), which differs from the counts 18/20 in the same cell (90%, 1.5 points); the rate is scored",
    );
  });
});

/**
 * The same rate said again after a year (04/12/2026, eleventh session): "Năm 2023: 18/20 (95%)"
 * in a period from 2024 had given 2023 to the 18/20 and to nothing else, so the bracket was
 * this year's figure beside last year's: 95 %, 3 points, nothing said. A figure that only says
 * the one before again ("(", "=", "tương đương") is of its year, and the cell reads as
 * "18/20 (95%)" does. A year's figures beside this year's still give way to them.
 */
describe("a rate said again after a year is of that year", () => {
  it.each([
    ["Năm 2023: 18/20 (95%)", 1.5, [["TĐG!D9", "counts"]]],
    ["Năm 2023: 18/20 = 95%", 1.5, [["TĐG!D9", "counts"]]],
    ["Năm 2023 đạt 18/20 hồ sơ (95%)", 1.5, [["TĐG!D9", "counts"]]],
    ["Năm 2023: 18/20 (90%)", 1.5, []],
    ["Năm 2023: 18/20", 1.5, []],
    // This year's beside last year's: this year's, as before.
    ["Năm 2023: 18/20 (90%); năm 2024: 19/20 (95%)", 3, []],
    ["Năm trước 18/20 (90%), năm nay 19/20 (95%)", 3, []],
    ["Cùng kỳ năm trước đạt 18/20 (90%); năm nay đạt 19/20", 3, []],
  ])("%s: %d", (data, score, said) => {
    expect(on112(report(data))).toEqual({ score, said });
  });
});
