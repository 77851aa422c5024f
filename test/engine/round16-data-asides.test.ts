import { describe, expect, it } from "vitest";
import { itemOf } from "./round16-data-helpers.ts";

/**
 * WB16-1, WB16-2, WB16-13: round 15 let the figure whose label repeats most of the title win;
 * a figure in brackets, after "trong đó", of another year or labelled as the plan repeats the
 * title as well, and won over the figure the sentence gives as its answer. "Trong đó" named
 * a part but not its whole, and a part of a part made three figures and no rate.
 */

describe("WB16-1: the figure the sentence gives as its answer wins over an aside that repeats the title", () => {
  it.each<[string, string, number]>([
    // In brackets: a comment on the figure before it.
    ["1.1", "99% (hồ sơ TTHC giải quyết trước hạn 45%)", 99],
    ["1.4", "30% (năm 2023: tỷ lệ thanh toán trực tuyến 15%)", 30],
    ["1.2", "40% (cùng kỳ năm trước: hồ sơ TTHC tiếp nhận, giải quyết trực tuyến đạt 20%)", 40],
    ["1.5", "18/20 (cán bộ, công chức cấp xã đạt chuẩn theo quy định năm 2023: 16/20)", 90],
    ["1.4", "Đạt 30% [tỷ lệ thanh toán trực tuyến của huyện 25%]", 30],
    // After "trong đó": a part of it.
    ["1.2", "Đạt 40%; trong đó hồ sơ TTHC được tiếp nhận, giải quyết trực tuyến toàn trình 25%", 40],
    ["1.3", "60%, trong đó số hóa kết quả giải quyết TTHC đạt 45%", 60],
    ["1.1", "Giải quyết đúng hạn 99%, trong đó hồ sơ TTHC giải quyết trước hạn 45%", 99],
    // Both figures named by the title's words: the words do not tell them apart, the first wins.
    ["1.2", "Tiếp nhận trực tuyến 40%, giải quyết trực tuyến 38%", 40],
    // Labelled as the plan: the plan, not the result.
    ["1.4", "Chỉ tiêu huyện giao về tỷ lệ thanh toán trực tuyến: 45%; đạt 30%", 30],
    ["1.4", "Kế hoạch năm 2024 về thanh toán trực tuyến: 45%; thực hiện 30%", 30],
    ["1.4", "Mục tiêu tỷ lệ thanh toán trực tuyến 45%, kết quả 30%", 30],
  ])("%s %j is %d %", (code, text, percent) => {
    const item = itemOf(code, text);
    expect(item.findings).toEqual([]);
    expect(item.percent).toBeCloseTo(percent, 6);
  });

  it.each<[string, string, number]>([
    // What round 15 fixed stays: the figure of the item's own measure beside another measure's.
    ["1.4", "Không thu phí 20% hồ sơ; thanh toán trực tuyến 30%", 30],
    ["1.3", "Tiếp nhận trực tuyến 40% hồ sơ; số hóa kết quả 60%", 60],
    ["1.4", "Tỷ lệ thanh toán trực tuyến năm 2023: 15%; năm 2024: 30%", 30],
    // A figure in brackets restating the rate as an a/b is still the a/b (§6).
    ["1.5", "90% (18/20 công chức)", 90],
  ])("%s %j stays %d %", (code, text, percent) => {
    expect(itemOf(code, text).percent).toBeCloseTo(percent, 6);
  });
});


describe("WB16-1: a figure its own words give to last year or the same period is no result beside one that may be", () => {
  it.each<[string, string, number]>([
    ["1.2", "Đạt 40%; cùng kỳ năm trước: hồ sơ TTHC tiếp nhận, giải quyết trực tuyến đạt 20%", 40],
    ["1.4", "Cùng kỳ năm trước đạt 15%; năm nay thanh toán trực tuyến đạt 30%", 30],
    ["1.4", "Năm trước tỷ lệ thanh toán trực tuyến đạt 15%; đạt 30%", 30],
  ])("%s %j is %d %", (code, text, percent) => {
    expect(itemOf(code, text)).toMatchObject({ percent, findings: [] });
  });

  it.each<[string, string, number]>([
    // A comparison with last year names no figure of last year's.
    ["1.4", "Đạt 30%, tăng 15% so với cùng kỳ năm trước", 30],
    ["1.4", "So với cùng kỳ năm trước, tỷ lệ thanh toán trực tuyến đạt 30%", 30],
  ])("%s %j stays %d %", (code, text, percent) => {
    expect(itemOf(code, text)).toMatchObject({ percent, findings: [] });
  });

  it.each<[string, string, number]>([
    ["1.12", "Được công nhận 01 sáng kiến; cùng kỳ năm trước: 02 sáng kiến CCHC được công nhận", 1],
    ["1.11", "Năm trước triển khai 02 phần mềm dùng chung; năm nay triển khai 03", 3],
    ["1.14", "Chậm 01 báo cáo; cùng kỳ năm trước chậm 02 báo cáo", 1],
    ["1.12", "01 sáng kiến; cùng kỳ năm 2023: 02 sáng kiến CCHC được công nhận", 1],
  ])("%s %j counts %d", (code, text, count) => {
    expect(itemOf(code, text)).toMatchObject({ count, findings: [] });
  });
});

describe("WB16-2: a count in brackets beside one outside is an aside", () => {
  it.each<[string, string, number]>([
    ["1.11", "Triển khai 03 phần mềm (tổng số phần mềm dùng chung của tỉnh: 05)", 3],
    ["1.11", "03 (phần mềm dùng chung được triển khai năm 2023: 02)", 3],
    ["1.11", "Đã triển khai 03; phần mềm dùng chung tỉnh triển khai: 05", 3],
    ["1.12", "01 (sáng kiến CCHC được công nhận năm 2023: 02)", 1],
    ["1.12", "Được công nhận 01 sáng kiến [sáng kiến CCHC được công nhận năm trước: 02]", 1],
    // Outside brackets a total is no count of what was done either, nor the plan.
    ["1.11", "03 phần mềm; tổng số phần mềm dùng chung của tỉnh: 05", 3],
    ["1.11", "Kế hoạch triển khai 05 phần mềm dùng chung; đã triển khai 03", 3],
  ])("%s %j counts %d", (code, text, count) => {
    expect(itemOf(code, text)).toMatchObject({ count, findings: [] });
  });

  it.each<[string, string, number]>([
    ["1.12", "01 sáng kiến được công nhận (đăng ký 03 sáng kiến CCHC)", 1],
    ["1.13", "01 trường hợp (năm 2023: 02 trường hợp bị xử lý kỷ luật)", 1],
    ["1.13", "02 trường hợp (01 khiển trách, 01 cảnh cáo)", 2],
    ["1.11", "Đăng ký 04 phần mềm (đã triển khai 03)", 3],
    ["1.11", "Có 04 phần mềm dùng chung, đã triển khai 03", 3],
    ["1.12", "Có 03 sáng kiến, được công nhận 01", 1],
  ])("%s %j still counts %d", (code, text, count) => {
    expect(itemOf(code, text)).toMatchObject({ count, findings: [] });
  });
});

describe("WB16-13: 'trong đó' names a part of the figure before it", () => {
  it("an aside about the handled ones leaves received and handled as the rate", () => {
    const text = "Tiếp nhận 10 phản ánh, kiến nghị; đã xử lý đúng hạn 10, trong đó 02 phản ánh chuyển cơ quan khác";
    expect(itemOf("1.7", text)).toMatchObject({ percent: 100, findings: [] });
  });

  it("a figure no word names before 'trong đó' is the whole", () => {
    expect(itemOf("1.5", "Có 20 CBCC, trong đó 18 người đạt chuẩn")).toMatchObject({ percent: 90, findings: [] });
  });

  it.each<[string, string, number]>([
    ["1.1", "Tiếp nhận 100% hồ sơ, trong đó giải quyết đúng hạn 98%", 98],
    ["1.2", "Tiếp nhận 1.250 hồ sơ, trong đó trực tuyến 500 hồ sơ", 40],
    ["1.1", "Giải quyết 300 hồ sơ, trong đó đúng hạn 297 hồ sơ", 99],
  ])("%s %j stays %d %", (code, text, percent) => {
    expect(itemOf(code, text)).toMatchObject({ percent, findings: [] });
  });
});
