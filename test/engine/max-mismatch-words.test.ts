/**
 * MAX_MISMATCH names a field as a field ("lĩnh vực 1"), a criterion as a criterion, and says what
 * to do: change the cell to the set's max (language review, 06/12/2026: "Điểm tối đa của tiêu chí
 * 1" for a field, and no action).
 */
import { describe, expect, it } from "vitest";
import { scoreWorkbook } from "../../shared/index.ts";
import { demoSet, EV, ROWS, sheetOf } from "./merged-header-helpers.ts";

describe("MAX_MISMATCH", () => {
  const rows = [
    ["STT", "Tiêu chí", "Điểm tối đa", "Số liệu", "Tài liệu kiểm chứng", "Điểm tự đánh giá"],
    ...ROWS.map((x) => [x.code, x.title, x.code === "1" ? 7 : x.code === "1.2" ? 3 : x.max, x.counts ? `${x.counts[0]}/${x.counts[1]}` : "", x.leaf ? EV : "", x.counts ? "" : (x.self ?? "")]),
  ];
  const said = (locale: "vi" | "en") =>
    scoreWorkbook(sheetOf(rows, []), demoSet("max-words", "Điểm tối đa khác"), { locale }).findings.filter((f) => f.code === "MAX_MISMATCH").map((f) => f.message);

  it("says field or criterion, and to change the cell", () => {
    expect(said("vi")).toEqual([
      "Điểm tối đa của lĩnh vực 1 trong tệp là 7, bộ tiêu chí quy định 6: có thể đang dùng biểu mẫu cũ; sửa ô này thành 6 (hệ thống đã tính theo 6).",
      "Điểm tối đa của tiêu chí 1.2 trong tệp là 3, bộ tiêu chí quy định 2: có thể đang dùng biểu mẫu cũ; sửa ô này thành 2 (hệ thống đã tính theo 2).",
    ]);
    expect(said("en")[0]).toBe("The maximum of field 1 in the file is 7 but the set says 6 (an old template?): change the cell to 6; it was scored against 6.");
  });
});
