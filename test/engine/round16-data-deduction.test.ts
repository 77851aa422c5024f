import { describe, expect, it } from "vitest";
import { codes, scores, type Cell } from "./v2-helpers.ts";
import { adjust, scoreCell, type Code } from "./deduction-rows-helpers.ts";

/**
 * The sixteenth red-team round on deduction rows (WB16-9, WB16-11, WB16-12, WB16-14): a case the
 * sentence itself says is not of the row's kind ("01 trường hợp bị nhắc nhở, không phải kỷ
 * luật") deducted 1; a count of the title's noun qualified as another kind ("04 báo cáo định
 * kỳ") or still pending ("01 vụ việc (đang xác minh)") warned as a case; words typed without
 * marks ("Cham gui 01 bao cao") and a founded complaint worded as "phản ánh, kiến nghị" declared
 * none; counts in words ("một trường hợp", "Chậm hai báo cáo", "01 (một) trường hợp", "01 đơn")
 * deducted nothing or were DATA_MISSING.
 */


describe("WB16-9: a case the sentence says is not of the row's kind is none", () => {
  it.each<[string, number]>([
    ["01 trường hợp bị nhắc nhở, không phải kỷ luật", 0],
    ["01 trường hợp bị nhắc nhở (không phải là kỷ luật)", 0],
    ["01 trường hợp nhắc nhở, không phải là hình thức kỷ luật", 0],
    ["01 công chức bị kỷ luật khiển trách, 02 trường hợp bị nhắc nhở (không phải kỷ luật)", -1],
    ["01 công chức bị kỷ luật khiển trách; 02 trường hợp bị nhắc nhở (không phải kỷ luật)", -1],
    ["01 trường hợp bị xử lý kỷ luật", -1],
    ["01 trường hợp kỷ luật (không phải do vi phạm CCHC)", -1],
    ["Không phải xử lý kỷ luật trường hợp nào", 0],
  ])("%s: %d", (data, points) => {
    const report = adjust("8.4", { data });
    expect(scores(report)["8.4"]).toBe(points);
    expect(codes(report)).toEqual([]);
  });

  it("on a manual row, too, it declares nothing", () => {
    expect(codes(adjust("8.2", { data: "01 báo cáo gửi trước hạn, không phải chậm" }))).toEqual([]);
  });
});

describe("WB16-11: a count is a case only when the words make it one of the row's kind", () => {
  it.each<[Code, { data?: Cell; note?: Cell }]>([
    ["8.2", { data: "04 báo cáo định kỳ" }],
    ["8.2", { data: "12 báo cáo tháng" }],
    ["8.2", { data: "04 báo cáo định kỳ gửi qua hệ thống" }],
    ["8.3", { data: "01 vụ việc (đang xác minh)" }],
    ["8.3", { data: "01 trường hợp khiếu nại sai" }],
    ["8.3", { data: "Tiếp nhận 01 trường hợp, kết quả xác minh: khiếu nại sai" }],
  ])("%s %j declares nothing", (code, fields) => {
    expect(codes(adjust(code, fields))).toEqual([]);
  });

  it.each<[Code, { data?: Cell; note?: Cell }]>([
    ["8.2", { data: "01 báo cáo (quý III/2024)" }],
    ["8.2", { data: "01 báo cáo quý III/2024" }],
    ["8.2", { data: "01 báo cáo CCHC" }],
    ["8.3", { data: "01 vụ việc" }],
    ["8.3", { data: "01 trường hợp (Kết luận số 05/KL-TTr)" }],
    ["8.3", { data: "01 trường hợp được Thanh tra huyện xác minh là đúng" }],
  ])("%s %j still warns", (code, fields) => {
    expect(codes(adjust(code, fields))).toEqual([`SCORE_BLANK ${code} ${scoreCell(code)}`]);
  });
});

describe("WB16-12: kind words typed without marks, a founded complaint worded as a petition", () => {
  it.each<[Code, { data?: Cell; note?: Cell }]>([
    ["8.2", { data: "Cham gui 01 bao cao" }],
    ["8.2", { note: "Cham 01 bao cao quy III" }],
    ["8.3", { data: "Khieu nai dung: 01" }],
    ["8.3", { data: "01 phản ánh, kiến nghị được xác minh là đúng" }],
    ["8.3", { data: "01 phản ánh về TTHC được xác minh đúng" }],
  ])("%s %j warns", (code, fields) => {
    expect(codes(adjust(code, fields))).toEqual([`SCORE_BLANK ${code} ${scoreCell(code)}`]);
  });

  it.each<[Code, { data?: Cell; note?: Cell }]>([
    ["8.2", { note: "Tự chấm theo Hướng dẫn số 15/HD-SNV" }],
    ["8.2", { data: "Chấm 01 báo cáo" }],
    ["8.2", { note: "Tu cham theo Huong dan so 15/HD-SNV" }],
    ["8.2", { note: "Da cham diem day du 12 tieu chi" }],
    ["8.3", { note: "Tiếp nhận 05 phản ánh, kiến nghị; đã xử lý 05/05" }],
    ["8.3", { data: "01 phản ánh, kiến nghị được xác minh là không đúng" }],
  ])("%s %j declares nothing", (code, fields) => {
    expect(codes(adjust(code, fields))).toEqual([]);
  });
});

describe("WB16-14: counts written in words", () => {
  it.each<[Code, string, number]>([
    ["8.4", "một trường hợp", -1],
    ["8.4", "hai trường hợp", -2],
    ["8.4", "Một (01) trường hợp", -1],
    ["8.4", "01 (một) trường hợp", -1],
    ["1.2", "Chậm một báo cáo", 1.5],
    ["1.2", "Chậm hai báo cáo", 1],
    ["1.2", "Không có báo cáo nào chậm", 2],
  ])("%s %s: %d", (code, data, points) => {
    const report = adjust(code, { data });
    expect(scores(report)[code]).toBe(points);
    expect(codes(report)).toEqual([]);
  });

  it.each<[Code, { data?: Cell; note?: Cell }, string]>([
    ["8.2", { data: "một trường hợp" }, "kê khai 1 trường hợp"],
    ["8.2", { data: "Một lần" }, "kê khai 1 trường hợp"],
    ["8.2", { data: "hai lần" }, "kê khai 2 trường hợp"],
    ["8.2", { data: "01 (một) trường hợp" }, "kê khai 1 trường hợp"],
    ["8.3", { data: "01 đơn" }, "kê khai 1 trường hợp"],
    ["8.3", { data: "01 đơn thư khiếu nại được xác minh là đúng" }, "kê khai 1 trường hợp"],
  ])("%s %j warns", (code, fields, said) => {
    const report = adjust(code, fields);
    expect(codes(report)).toEqual([`SCORE_BLANK ${code} ${scoreCell(code)}`]);
    expect(report.findings[0]!.message).toContain(said);
  });

  it.each<[Code, { data?: Cell; note?: Cell }]>([
    ["8.2", { data: "Một số báo cáo gửi qua hệ thống" }],
    ["8.2", { data: "02 đơn vị" }],
    ["8.2", { note: "Năm 2024 gửi đủ báo cáo" }],
    ["8.3", { note: "Đơn vị không có khiếu nại" }],
  ])("%s %j declares nothing", (code, fields) => {
    expect(codes(adjust(code, fields))).toEqual([]);
  });
});
