import { describe, expect, it } from "vitest";
import { EV, sheetOf } from "./merged-header-helpers.ts";
import { parseCriteriaSet, scoreWorkbook } from "../../shared/index.ts";

/**
 * A row deducting per late report (03/12/2026, seventh session): offices name the late reports by
 * their periods — "Chậm nộp báo cáo CCHC quý I, quý III" is 2, "Chậm báo cáo 6 tháng và báo cáo
 * năm" 2, "Báo cáo quý I chậm 02 ngày" 1 — and say none was late as "Các báo cáo đều gửi đúng hạn".
 * Each had said its figure was missing: 0 points of 5 for a unit whose reports were all on time.
 */
const parsed = parseCriteriaSet({
  id: "late-reports", title: "Bộ thử báo cáo chậm (minh họa)", year: 2024, unitType: "commune", period: { from: "2024-01-01", to: "2024-12-31" },
  maxPoints: 5, bands: [{ label: "Tốt", min: 80 }, { label: "Yếu", min: 0 }],
  items: [{ code: "1", title: "Chỉ đạo điều hành", max: 5, children: [
    { code: "1.1", title: "Thực hiện chế độ báo cáo định kỳ về CCHC (mỗi báo cáo chậm trừ 1 điểm)", max: 5, rule: { kind: "count", base: 5, each: -1 } } ] }],
});
if (!parsed.ok) throw new Error(parsed.message);
const SET = parsed.set;
const read = (data: string) => {
  const rows = [["STT", "Tiêu chí", "Điểm tối đa", "Số liệu", "Tài liệu kiểm chứng", "Điểm tự đánh giá", "Ghi chú"], ["1", "Chỉ đạo điều hành", 5, "", "", "", ""], ["1.1", "Thực hiện chế độ báo cáo định kỳ về CCHC", 5, data, EV, "", ""]];
  const item = scoreWorkbook(sheetOf(rows, []), SET).items.find((i) => i.code === "1.1")!;
  return { count: item.count, score: item.score };
};

describe("late reports named by their periods", () => {
  it.each([
    ["Chậm nộp báo cáo CCHC quý I, quý III", 2],
    ["Chậm báo cáo 6 tháng và báo cáo năm", 2],
    ["Báo cáo quý I chậm 02 ngày", 1],
    ["Chậm báo cáo quý II", 1],
    ["Chậm báo cáo năm 2024", 1],
  ])("%s: %d late", (data, late) => {
    expect(read(data)).toEqual({ count: late, score: 5 - late });
  });

  it("all on time, said with 'đều', is none late", () => {
    expect(read("Các báo cáo đều gửi đúng hạn")).toEqual({ count: 0, score: 5 });
  });

  it("lateness denied, or periods beside other figures, read as before", () => {
    expect(read("Không chậm báo cáo quý nào")).toEqual({ count: 0, score: 5 });
    expect(read("Gửi đầy đủ 04 báo cáo, trong đó chậm 01 báo cáo quý II")).toEqual({ count: 1, score: 4 });
  });

  // Eighth session: periods said on time beside those said late. The first five had said their
  // figure was missing; the sixth and seventh had been none late, full points.
  it.each([
    ["Báo cáo quý I, quý II đúng hạn; quý III chậm", 1],
    ["Quý I, II, IV đúng hạn; quý III chậm 3 ngày", 1],
    ["Báo cáo quý I đúng hạn, quý II chậm, quý III đúng hạn, báo cáo năm chậm", 2],
    ["Các báo cáo quý đúng hạn, báo cáo năm chậm", 1],
    ["Báo cáo 6 tháng chậm; các báo cáo khác đúng hạn", 1],
    ["Gửi đúng hạn báo cáo quý I, quý II, quý III; báo cáo năm chậm", 1],
    ["Đã gửi đầy đủ các báo cáo, đúng hạn; riêng báo cáo năm chậm", 1],
    ["Báo cáo quý I, quý III chậm; quý II, quý IV đúng hạn", 2],
    ["Bao cao quy I, quy II dung han; quy III cham", 1],
    ["Báo cáo năm gửi chậm ngày 15 tháng 1 năm 2025", 1],
    ["Quý I, quý II, quý III, quý IV: đúng hạn", 0],
  ])("%s: %d late", (data, late) => {
    expect(read(data)).toEqual({ count: late, score: 5 - late });
  });

  it("a list with a word before and another after, reports late without which, or late beside reports counted on time, are unclear", () => {
    for (const data of ["Chậm báo cáo quý I, quý II đúng hạn", "Các báo cáo khác chậm", "Đã gửi đủ 04 báo cáo đúng hạn, báo cáo năm chậm", "Gửi đủ báo cáo nhưng có báo cáo chậm"]) {
      expect(read(data), data).toEqual({ count: undefined, score: 0 });
    }
    // A deadline ("chậm nhất", at the latest) and a lateness denied say nothing late.
    expect(read("Đã gửi đủ 04 báo cáo đúng hạn (chậm nhất ngày 15/12)")).toEqual({ count: 0, score: 5 });
    expect(read("Đã gửi đủ 04 báo cáo đúng hạn, không có báo cáo chậm")).toEqual({ count: 0, score: 5 });
  });
});
