import { describe, expect, it } from "vitest";
import { parseCriteriaSet, scoreWorkbook } from "../../shared/index.ts";
import { importRows, sheetOf, type Value } from "./import-round6-helpers.ts";

/**
 * IMP7-7 (end to end; the unit's declared data, read by shared/sentence-figures.ts): b235d70
 * imports "Thiếu 01 báo cáo trừ 0,5 điểm" as a count −0,5 from the max, but the unit writing
 * what was missing in those words ("Thiếu 01 báo cáo", "Không gửi 01 báo cáo", "01 báo cáo
 * chưa nộp") got DATA_MISSING (an error) and 0 instead of 0,5: the count reader knew late
 * reports, not missing ones.
 */
const decision: Value[][] = [
  ["STT", "Tiêu chí", "Điểm tối đa", "Phương pháp chấm điểm"],
  ["I", "CÔNG TÁC CHỈ ĐẠO", 1],
  ["1", "Thực hiện chế độ báo cáo định kỳ về CCHC", 1, "Đầy đủ các báo cáo: 1 điểm. Thiếu 01 báo cáo trừ 0,5 điểm"],
  [], ["Xếp loại: Tốt: từ 90% trở lên; Khá: từ 80% đến dưới 90%; Trung bình: từ 70% đến dưới 80%; Yếu: dưới 70%"],
];
const unit = (data: string, self: number): Value[][] => [
  ["STT", "Tiêu chí", "Điểm tối đa", "Số liệu kê khai", "Điểm tự chấm", "Tài liệu kiểm chứng"],
  ["I", "CÔNG TÁC CHỈ ĐẠO", 1, "", self],
  ["1.1", "Thực hiện chế độ báo cáo định kỳ về CCHC", 1, data, self, "Công văn số 15/SNV-CCHC ngày 05/01/2026"],
];

describe("reports missing, declared in the decision's words (IMP7-7)", () => {
  const imported = importRows(decision);
  const parsed = parseCriteriaSet(imported.set);
  if (!parsed.ok) throw new Error(parsed.message);
  it("the set counts missing reports", () => {
    expect(parsed.set.items[0]!.children![0]!.rule).toEqual({ kind: "count", each: -0.5, base: 1 });
  });
  it.each([
    ["Thiếu 01 báo cáo", 1, 0.5],
    ["Thiếu 01 báo cáo quý III", 1, 0.5],
    ["Không gửi 01 báo cáo", 1, 0.5],
    ["Chưa gửi 01 báo cáo", 1, 0.5],
    ["01 báo cáo thiếu", 1, 0.5],
    ["Thiếu 02 báo cáo (quý I, quý III)", 2, 0],
    ["Không thiếu báo cáo nào", 0, 1],
    ["Không thiếu", 0, 1],
  ])("%j", (data, count, score) => {
    const report = scoreWorkbook({ sheets: [sheetOf(unit(data, score), "TC")] }, parsed.set);
    expect(report.findings.map((f) => f.code)).not.toContain("DATA_MISSING");
    expect(report.items[0]).toMatchObject({ code: "1.1", count, score });
  });
});
