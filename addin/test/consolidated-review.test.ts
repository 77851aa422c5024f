import { describe, expect, it } from "vitest";
import { RankingSchema } from "../../shared/index.ts";
import { layoutOwnSheet } from "../src/own-sheet.ts";
import { consolidatedSheet } from "../src/sheet-rows.ts";

/**
 * PANE3-2: the consolidated sheet ranked three communes' own unappraised 78 % above Xã An
 * Phú's final, appraised 70 % with nothing to tell them apart, and an unimported survey read
 * as 0. The Worker's ranking carries basis, status, self and appraised scores and the survey
 * part: the sheet now has them.
 */
const now = new Date(2026, 10, 30, 17, 30);
const entry = (unit: string, unitName: string, rank: number | null, percent: number, extra: Record<string, unknown>) => ({
  rank,
  unit,
  unitName,
  parent: "huyen-an-binh",
  parentName: "Huyện An Bình",
  percent,
  band: rank === null ? null : "Khá",
  fields: { "1": percent },
  change: null,
  rankChange: null,
  submitted: rank !== null,
  onTime: rank === null ? false : true,
  total: percent,
  max: 100,
  submittedAt: null,
  previous: null,
  ...extra,
});
// As GET /v1/periods/2024-commune/ranking answers (extra keys the schema does not name are dropped).
const answer = {
  period: "2024-commune",
  year: 2024,
  unitType: "commune",
  fields: [{ code: "1", title: "Công tác chỉ đạo, điều hành" }],
  bandCounts: [],
  previousPeriod: null,
  items: [
    entry("xa-ang-ka", "Xã Ăng Ka", 1, 78, { selfScore: 78, appraisedScore: null, survey: { score: 0, max: 24, imported: false }, basis: "submission", status: "submitted" }),
    entry("xa-an-phu", "Xã An Phú", 2, 70, { selfScore: 76, appraisedScore: 70, survey: { score: 0, max: 24, imported: false }, basis: "appraised", status: "final" }),
    entry("xa-son-thuy", "Xã Sơn Thủy", null, 0, { selfScore: null, appraisedScore: null, survey: { score: 0, max: 24, imported: false }, basis: "none", status: "not_submitted" }),
  ],
};

describe("PANE3-2: the consolidated sheet says what each index stands on", () => {
  it("keeps the Worker's basis, status, self and appraised scores and survey part when it reads the ranking", () => {
    const ranking = RankingSchema.parse(answer);
    expect(ranking.items[1]).toMatchObject({ selfScore: 76, appraisedScore: 70, basis: "appraised", status: "final", survey: { imported: false } });
  });

  it("writes them as columns: an unappraised index says so, a final one says it is the appraisal, a survey not imported says so", () => {
    const spec = consolidatedSheet(RankingSchema.parse(answer), "vi", now);
    const table = spec.tables[0]!;
    const headers = table.columns.map((c) => c.header);
    expect(headers.slice(-7)).toEqual(["Căn cứ xếp hạng", "Trạng thái thẩm định", "Điểm tự đánh giá", "Điểm thẩm định", "Điểm điều tra XHH", "Mã đơn vị", "Trực thuộc"]);
    expect(headers).toContain("Tăng/giảm so với năm trước (điểm %)");
    expect(table.rows.map((r) => r.slice(-7, -2))).toEqual([
      ["Điểm tự đánh giá, chưa thẩm định xong", "Đã nộp", 78, "", "Chưa nhập"],
      ["Kết quả thẩm định", "Kết quả cuối cùng", 76, 70, "Chưa nhập"],
      ["Chưa nộp", "Chưa nộp", "", "", "Chưa nhập"],
    ]);
    const en = consolidatedSheet(RankingSchema.parse(answer), "en", now).tables[0]!;
    expect(en.rows[0]!.slice(-7, -5)).toEqual(["Self-assessment, appraisal not final", "Submitted"]);
    // the chart and the band colours keep their columns
    expect(spec.charts[0]).toMatchObject({ columns: [1, 2] });
    expect(layoutOwnSheet(spec).tables[0]!.highlight?.values).toEqual(["Khá"]);
  });

  it("an imported survey shows its score", () => {
    const imported = { ...answer, items: [entry("xa-an-loc", "Xã An Lộc", 1, 80, { selfScore: 60, appraisedScore: null, survey: { score: 20, max: 24, imported: true }, basis: "submission", status: "under_review" })] };
    expect(consolidatedSheet(RankingSchema.parse(imported), "vi", now).tables[0]!.rows[0]!.slice(-7, -2)).toEqual(["Điểm tự đánh giá, chưa thẩm định xong", "Đang thẩm định", 60, "", 20]);
  });
});

describe("PANE3-10: namesakes on the consolidated sheet", () => {
  it("two 'Xã Tân Lập' are named with their district, and every row carries its unit id and parent", () => {
    const extra = { selfScore: 37, appraisedScore: null, survey: { score: 0, max: 24, imported: false }, basis: "submission", status: "submitted" };
    const ranking = RankingSchema.parse({
      ...answer,
      items: [
        { ...entry("xa-tan-lap-ds", "Xã Tân Lập", 1, 37, extra), parentName: "Huyện Đông Sơn" },
        { ...entry("xa-tan-lap-ab", "Xã Tân Lập", 2, 12.5, extra), parentName: "Huyện An Bình" },
        entry("xa-an-phu", "Xã An Phú", 3, 10, extra),
      ],
    });
    const table = consolidatedSheet(ranking, "vi", now).tables[0]!;
    expect(table.rows.map((r) => r[1])).toEqual(["Xã Tân Lập (Huyện Đông Sơn)", "Xã Tân Lập (Huyện An Bình)", "Xã An Phú"]);
    expect(table.rows.map((r) => r.slice(-2))).toEqual([
      ["xa-tan-lap-ds", "Huyện Đông Sơn"],
      ["xa-tan-lap-ab", "Huyện An Bình"],
      ["xa-an-phu", "Huyện An Bình"],
    ]);
  });
});
