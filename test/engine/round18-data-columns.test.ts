/**
 * Round-18 red-team finding on the declared-data columns (rt-wb18). WB18-2: round 17 read any
 * column after "Tổng số" that mentioned lateness or failure as the not-done rest — "Số không trễ
 * hạn", "Số đã giải quyết (kể cả trễ hạn)", "Số hoàn thành (không tính số chưa đạt)", "Số đạt,
 * không trễ hạn" inverted every ratio (a commune 66,37 Khá → 49,5 Trung bình, nothing said). A
 * column is the rest only when its head names the not-done part; what a bracket, a comma, "kể
 * cả" or "không tính" adds, and lateness negated, qualify what was done.
 */
import { describe, it } from "vitest";
import { done, flat, notDone, readsDone, total, underGroup } from "./data-columns-helpers.ts";



describe("WB18-2: a done column that mentions lateness or failure is still what was done", () => {
  const doneLabels = [
    "Số không trễ hạn",
    "Số đã giải quyết (kể cả trễ hạn)",
    "Số hoàn thành (không tính số chưa đạt)",
    "Số đạt, không trễ hạn",
    "Số đã hoàn thành, không có trễ hạn",
    "Số hồ sơ không bị quá hạn",
    "Số đã giải quyết, kể cả số quá hạn",
  ];
  it.each(doneLabels)("flat 'Tổng số' | '%s'", (b) => {
    readsDone(flat(["Tổng số", b], [total, done]), 4);
  });
  // (Flat, "Đúng hạn" names no count and no result: no data column, as before round 17.)
  it.each([...doneLabels, "Đúng hạn (không quá hạn)"])("'Số liệu kê khai' over 'Tổng số' | '%s'", (b) => {
    readsDone(underGroup("Số liệu kê khai", ["Tổng số", b], [total, done]), 4);
  });

  it.each<string>(["Số trễ hạn (chưa giải quyết xong)", "Số quá hạn, chưa xử lý", "Trong đó: số trễ hạn", "Số hồ sơ giải quyết trễ hạn"])(
    "a column whose head is the late or not-done part stays the rest ('Tổng số' | '%s')",
    (b) => {
      readsDone(flat(["Tổng số", b], [total, notDone]), 4);
    },
  );
});
