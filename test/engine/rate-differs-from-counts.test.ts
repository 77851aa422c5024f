import { describe, expect, it } from "vitest";
import { columnsTable } from "./data-columns-helpers.ts";
import { demoSet } from "./merged-header-helpers.ts";
import { scoreWorkbook } from "../../shared/index.ts";

/**
 * A rate column whose rate scores otherwise than the counts beside it (03/12/2026, eighth session):
 * "Số liệu" | "Tỷ lệ (%)" = "18/20" | "95%" scores the rate column, as §6 says (3 of 3 points on
 * 1.1.2, bands from 95 % and 80 %), where the counts give 90 % and half the points. It had said
 * nothing; a reviewer reads a rate typed by hand and left stale, and asks. Now
 * RATE_DIFFERS_FROM_COUNTS (warning, at the rate cell). Rates that score as the counts do, however
 * rounded, say nothing.
 */
const SET = demoSet("rate-counts", "Bộ thử tỷ lệ và số liệu (minh họa)");
/** The demo table with "Số liệu" | "Tỷ lệ (%)" (D | E), 1.1.2's row filled with `data` | `rate`. */
const report = (data: string, rate: string, locale: "vi" | "en" = "vi") =>
  scoreWorkbook(columnsTable(["Số liệu", "Tỷ lệ (%)"], (_done, all) => (all === 20 ? [data, rate] : [`${_done}/${all}`, ""])), SET, { locale });
const on112 = (r: ReturnType<typeof report>) => ({
  score: r.items.find((i) => i.code === "1.1.2")!.score,
  said: r.findings.filter((f) => f.criterion === "1.1.2" && f.code === "RATE_DIFFERS_FROM_COUNTS").map((f) => f.cell),
});

describe("a rate column that scores otherwise than the counts beside it", () => {
  it.each([
    ["18/20", "95%", 3],
    ["Tổng số 20, đúng hạn 18", "95%", 3],
    ["19/20", "90%", 1.5],
    ["26/28", "95%", 3],
  ])("%s | %s: scored %d as the rate column says, and said at the rate cell", (data, rate, score) => {
    expect(on112(report(data, rate))).toEqual({ score, said: ["TĐG!E9"] });
  });

  it.each([
    ["18/20", "90%", 1.5],
    ["26/28", "92,86%", 1.5],
    // Rounded or cut to a whole percent, a rate that scores as its counts do is no disagreement.
    ["26/28", "93%", 1.5],
    ["26/28", "92%", 1.5],
    ["19/20", "96%", 3],
    // No counts beside it: nothing to compare.
    ["", "95%", 3],
    ["18", "95%", 3],
  ])("%s | %s: %d, nothing said", (data, rate, score) => {
    expect(on112(report(data, rate))).toEqual({ score, said: [] });
  });

  it("the message names both readings, their points and cells, in both languages", () => {
    const vi = report("18/20", "95%").findings.find((f) => f.code === "RATE_DIFFERS_FROM_COUNTS")!;
    expect(vi.severity).toBe("warning");
    expect(vi.message).toBe(
      "Tiêu chí 1.1.2: tỷ lệ ghi 95% (3 điểm) khác với số liệu 18/20 ở ô TĐG!D9 (90%, 1,5 điểm); hệ thống tính theo tỷ lệ ghi. Kiểm tra lại hai ô: sửa tỷ lệ cho khớp số liệu, hoặc đặt công thức tính tỷ lệ từ số liệu.",
    );
    const en = report("18/20", "95%", "en").findings.find((f) => f.code === "RATE_DIFFERS_FROM_COUNTS")!;
    expect(en.message).toContain("the rate 95% (3 points) differs from the counts 18/20 in TĐG!D9 (90%, 1.5 points)");
  });
});
