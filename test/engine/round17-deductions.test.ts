import { describe, expect, it } from "vitest";
import { codes, scores } from "./v2-helpers.ts";
import { adjust, scoreCell, type Code } from "./deduction-rows-helpers.ts";

/**
 * The seventeenth red-team round on deduction rows (WB17-2, WB17-7, WB17-11): on a row deducting
 * 1 per disciplinary case, "Một trường hợp bị nhắc nhở", "… bị phê bình" and "01 trường hợp bị
 * nhắc nhở" deducted silently (a reprimand or criticism is no form of discipline), and so did
 * "Một trường hợp bị kỷ luật năm 2023" (last year's; the period assessed is 2024); typed without
 * marks, "Gui du 04 bao cao, cham 01 bao cao" counted 4 late reports and "… khong co bao cao
 * cham" 4; a commune's deduction rows warned for "năm 2023 chậm 01 báo cáo" and for "01 khiếu
 * nại, không phải về TTHC" on a row for complaints about TTHC.
 */


describe("WB17-2: a reprimand, a criticism or last year's case is no disciplinary case of the period", () => {
  it.each<[string, number]>([
    ["Một trường hợp bị nhắc nhở", 0],
    ["Hai trường hợp bị nhắc nhở", 0],
    ["Một trường hợp bị phê bình", 0],
    ["Một công chức bị nhắc nhở", 0],
    ["01 trường hợp bị nhắc nhở", 0],
    ["01 trường hợp bị phê bình", 0],
    ["Một trường hợp bị kỷ luật năm 2023", 0],
    ["01 trường hợp bị kỷ luật năm 2023", 0],
    ["Mot truong hop bi nhac nho", 0],
    // Still cases: a form of discipline, this year's, the disciplined part of a mixed sentence.
    ["01 trường hợp bị kỷ luật khiển trách", -1],
    ["Một trường hợp bị kỷ luật năm 2024", -1],
    ["01 công chức bị cảnh cáo", -1],
    ["01 trường hợp bị kỷ luật cảnh cáo, 01 trường hợp bị nhắc nhở", -1],
    ["01 trường hợp bị kỷ luật năm 2024; 02 trường hợp năm 2023", -1],
    ["02 trường hợp (01 khiển trách, 01 cảnh cáo)", -2],
  ])("%s: %d", (data, points) => {
    const report = adjust("8.4", { data });
    expect(scores(report)["8.4"]).toBe(points);
    expect(codes(report)).toEqual([]);
  });
});

describe("WB17-7: the late reports typed without marks beside the reports sent", () => {
  it.each<[string, number]>([
    ["Gui du 04 bao cao, cham 01 bao cao", 1.5],
    ["Gui du 04 bao cao, khong co bao cao cham", 2],
    ["Gui 04 bao cao dinh ky, 01 bao cao cham", 1.5],
    ["Gửi đủ 04 báo cáo, chậm 01 báo cáo", 1.5],
    ["Gửi 04 báo cáo, không có báo cáo chậm", 2],
    ["Cham 01 bao cao", 1.5],
  ])("%s: %d", (data, points) => {
    const report = adjust("1.2", { data });
    expect(scores(report)["1.2"]).toBe(points);
    expect(codes(report)).toEqual([]);
  });
});

describe("WB17-11: last year's late report, a complaint not about the title's subject, declare nothing", () => {
  it.each<[Code, string]>([
    ["8.2", "Năm 2024 không chậm; năm 2023 chậm 01 báo cáo"],
    ["8.2", "Năm 2023 chậm 01 báo cáo; năm 2024 không chậm"],
    ["8.2", "Chậm 01 báo cáo năm 2023"],
    ["8.2", "Chậm 01 báo cáo quý IV/2023"],
    ["8.3", "01 khiếu nại, không phải về TTHC"],
    ["8.3", "01 khiếu nại không phải về thủ tục hành chính"],
    ["8.3", "01 khiếu nại (không phải về giải quyết TTHC)"],
  ])("%s %s", (code, data) => {
    expect(codes(adjust(code, { data }))).toEqual([]);
  });

  it.each<[Code, string]>([
    ["8.2", "Chậm 01 báo cáo năm 2024"],
    ["8.2", "Năm 2023 không chậm; năm 2024 chậm 01 báo cáo"],
    ["8.2", "Chậm 01 báo cáo (Công văn số 15/UBND ngày 28/12/2023)"],
    ["8.2", "Chậm 01 báo cáo (không phải báo cáo định kỳ)"],
    ["8.3", "01 khiếu nại về TTHC, không phải về đất đai, được xác minh là đúng"],
    ["8.3", "01 khiếu nại về TTHC được xác minh là đúng"],
  ])("%s %s still warns", (code, data) => {
    expect(codes(adjust(code, { data }))).toEqual([`SCORE_BLANK ${code} ${scoreCell(code)}`]);
  });
});
