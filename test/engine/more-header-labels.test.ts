import { describe, expect, it } from "vitest";
import { demoSet, EV, EXPECTED_TOTAL, ROWS, sheetOf } from "./merged-header-helpers.ts";
import { scoreWorkbook } from "../../shared/index.ts";

/**
 * Header labels read since the seventh session (03/12/2026): "Nội dung thực hiện" is the data, as
 * "Tình hình thực hiện" is (its 18/20 had been DATA_MISSING); a template's English labels —
 * "Self-score", "Self-assessment score", "Evidence", "Maximum points" — are the columns they name
 * (the self-scores had been read as blank, SCORE_BLANK on every manual leaf).
 */
const scored = (header: string[]) => {
  const rows = [header, ...ROWS.map((x) => [x.code, x.title, x.max, x.counts ? `${x.counts[0]}/${x.counts[1]}` : "", x.leaf ? EV : "", x.counts ? "" : (x.self ?? ""), ""])];
  const report = scoreWorkbook(sheetOf(rows, []), demoSet("more-labels", "Bộ thử tiêu đề cột (minh họa)"));
  return { total: report.total, said: report.findings.filter((f) => f.severity !== "info").map((f) => f.code) };
};

describe("more header labels", () => {
  it.each([
    [["STT", "Tiêu chí", "Điểm tối đa", "Nội dung thực hiện", "Tài liệu kiểm chứng", "Điểm tự đánh giá", "Ghi chú"]],
    [["STT", "Tiêu chí", "Max", "Số liệu", "Evidence", "Self-score", "Note"]],
    [["No.", "Criterion", "Maximum points", "Data", "Evidence", "Self-assessment score", "Notes"]],
    [["Code", "Criteria", "Max score", "Data", "Evidence documents", "Self-assessed score", "Note"]],
  ])("%j scores the demo table in full", (header) => {
    expect(scored(header)).toEqual({ total: EXPECTED_TOTAL, said: [] });
  });
});
