import { describe, expect, it } from "vitest";
import { demoSet, EV, ROWS, sheetOf } from "./merged-header-helpers.ts";
import { scoreWorkbook } from "../../shared/index.ts";

/**
 * Points typed with the verdict they stand for (03/12/2026, seventh session): offices copy the
 * scoring guide's "Đạt: 1 điểm; Không đạt: 0 điểm" into the score cell — "1 (Đạt)", "Đạt (1
 * điểm)", "0 (Không đạt)". Each had been SCORE_NOT_NUMBER, 0 points, where "1 điểm" was read. One
 * number and a verdict's words only; "Không đạt (1 điểm)" says two things and stays no number.
 * Points with a remark in brackets ("1 (đã ban hành kế hoạch)") are the points, where the remark
 * holds no figure, denies nothing and deducts nothing.
 */
const selfOf = (typed: string) => {
  const rows = [
    ["STT", "Tiêu chí", "Điểm tối đa", "Số liệu", "Tài liệu kiểm chứng", "Điểm tự đánh giá", "Ghi chú"],
    ...ROWS.map((x) => [x.code, x.title, x.max, x.counts ? `${x.counts[0]}/${x.counts[1]}` : "", x.leaf ? EV : "", x.code === "1.1.1" ? typed : x.counts ? "" : (x.self ?? ""), ""]),
  ];
  const report = scoreWorkbook(sheetOf(rows, []), demoSet("verdicts", "Bộ thử điểm kèm kết luận (minh họa)"));
  return { score: report.items.find((i) => i.code === "1.1.1")?.score, said: report.findings.filter((f) => f.criterion === "1.1.1").map((f) => f.code) };
};

describe("points typed with their verdict", () => {
  it.each([
    ["1 (Đạt)", 1],
    ["Đạt (1 điểm)", 1],
    ["Đạt 1 điểm", 1],
    ["1 - đạt", 1],
    ["1 điểm - Đạt", 1],
    ["Hoàn thành: 1đ", 1],
    ["0,5 (Đạt)", 0.5],
    ["0 (Không đạt)", 0],
    ["Chưa đạt: 0", 0],
  ])("%s is %d, nothing said", (typed, points) => {
    expect(selfOf(typed)).toEqual({ score: points, said: [] });
  });

  it.each(["Không đạt (1 điểm)", "Đạt", "Đạt 1, trừ 0,5", "1 (không đạt)", "1 (trừ 0,5)", "1 (xem Quyết định 12/QĐ-UBND)"])("%s stays no number", (typed) => {
    expect(selfOf(typed)).toEqual({ score: 0, said: ["SCORE_NOT_NUMBER"] });
  });

  // Points with a remark in brackets that holds no figure and neither denies nor deducts (pointsWithRemark).
  it.each([
    ["1 (đã ban hành kế hoạch)", 1],
    ["0,5 điểm (tạm tính)", 0.5],
    ["1 (đạt chuẩn)", 1],
    ["1 (một)", 1],
  ])("%s is %d: a remark beside the points", (typed, points) => {
    expect(selfOf(typed)).toEqual({ score: points, said: [] });
  });
});

describe("points with a footnote mark", () => {
  it.each([
    ["1*", 1],
    ["1 **", 1],
    ["0,5*", 0.5],
    ["1 (*)", 1],
    ["1 điểm*", 1],
  ])("%s is %d, nothing said", (typed, points) => {
    expect(selfOf(typed)).toEqual({ score: points, said: [] });
  });

  it.each(["*", "1*2", "1 (**) 2", "x*"])("%s stays no number", (typed) => {
    expect(selfOf(typed)).toEqual({ score: 0, said: ["SCORE_NOT_NUMBER"] });
  });
});
