import { describe, expect, it } from "vitest";
import { codes, EV, row, score, setOf } from "./v2-helpers.ts";

/**
 * A kind of files' figures on an on-time criterion (04/12/2026, eleventh session). The one-stop
 * statistics a unit copies into its data cell name the online (or digitised) files beside the
 * rest: "Tổng số hồ sơ: 1.000; trực tuyến: 600 (60%)" on "Tỷ lệ hồ sơ TTHC được giải quyết đúng
 * hạn" had scored the online share, 60 %, as the on-time rate — silently, under the points the
 * unit may well have earned; "…; số hóa: 900 (90%)" the digitised 90 %. On a title that measures
 * on time and names no such kind, a share of a kind, and a count of a kind where nothing is said
 * on time or late, is another measure: what is left is read as before, and where nothing is
 * left to read the cell is unclear (said, never guessed). A count of a kind with its on-time part
 * ("Hồ sơ trực tuyến: 600, đúng hạn 590") and figures that say time stay. On a title naming the
 * kind ("… trực tuyến được giải quyết đúng hạn") the kind's count is the whole, and only a share in
 * brackets after it ("trực tuyến: 600 (60%)") is another measure.
 */
const bands = (...b: [number, number][]) => ({ kind: "ratio", bands: b.map(([min, points]) => ({ min, points })) });
const set = setOf([
  { code: "1.1", title: "Tỷ lệ hồ sơ TTHC được giải quyết đúng hạn", max: 3, rule: bands([95, 3], [80, 1.5], [0, 0]) },
  { code: "1.2", title: "Tỷ lệ hồ sơ TTHC được tiếp nhận trực tuyến", max: 2, rule: bands([50, 2], [30, 1], [0, 0]) },
  { code: "1.3", title: "Tỷ lệ hồ sơ trực tuyến được giải quyết đúng hạn", max: 3, rule: bands([95, 3], [80, 1.5], [0, 0]) },
]);

function itemOf(code: string, data: string) {
  const report = score(set, [row(code, { data, evidence: EV })]);
  const item = report.items.find((i) => i.code === code)!;
  return {
    percent: item.percent ?? null,
    findings: codes(report).filter((c) => c.includes(` ${code} `)),
    unclear: report.findings.some((f) => f.criterion === code && f.code === "DATA_MISSING" && f.message.includes("không rõ con số nào")),
  };
}

describe("a kind of files' figures are no on-time rate", () => {
  it.each([
    "Tổng số hồ sơ: 1.000; trực tuyến: 600 (60%)",
    "Tổng số hồ sơ: 1.000; trực tuyến: 600 (60%); số hóa: 900 (90%)",
    "Tiếp nhận 1.000 hồ sơ, trực tuyến 600 (60%), giải quyết 990, đúng hạn 980",
    // Unclear before as well: the online files received of all received.
    "Tổng số hồ sơ tiếp nhận 1.000, tiếp nhận trực tuyến 600",
  ])("%j: unclear, no percent scored", (data) => {
    const read = itemOf("1.1", data);
    expect(read.percent).toBeNull();
    expect(read.unclear).toBe(true);
  });

  it.each<[string, number]>([
    ["Tổng số hồ sơ tiếp nhận: 1.000; trực tuyến: 600 (60%); giải quyết đúng hạn: 980 (98%)", 98],
    ["Hồ sơ trực tuyến: 600, đúng hạn 590", 98.3333333333],
    ["Giải quyết trực tuyến đúng hạn 590/600", 98.3333333333],
    ["Đúng hạn 980/1.000 hồ sơ (trực tuyến 600)", 98],
    ["98%", 98],
  ])("%j: %d % as before", (data, percent) => {
    expect(itemOf("1.1", data)).toMatchObject({ percent, findings: [], unclear: false });
  });

  it("a title of the kind that measures no time reads its share as before", () => {
    expect(itemOf("1.2", "Tổng số hồ sơ: 1.000; trực tuyến: 600 (60%)")).toMatchObject({ percent: 60, findings: [], unclear: false });
  });

  it("on an on-time title naming the kind, the kind's count is the whole and only its share in brackets is another measure", () => {
    expect(itemOf("1.3", "Tổng số hồ sơ: 1.000; trực tuyến: 600 (60%)")).toMatchObject({ percent: null, unclear: true });
    expect(itemOf("1.3", "Hồ sơ trực tuyến: 600, đúng hạn 590")).toMatchObject({ percent: 98.3333333333, findings: [], unclear: false });
    expect(itemOf("1.3", "Hồ sơ trực tuyến: 600 (100%), đúng hạn 590 (98,3%)")).toMatchObject({ percent: 98.3333333333, findings: [], unclear: false });
    expect(itemOf("1.3", "Trực tuyến: 98%")).toMatchObject({ percent: 98, findings: [], unclear: false });
  });
});
