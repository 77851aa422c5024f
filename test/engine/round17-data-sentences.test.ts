/**
 * Round 17's sentences of declared data (WB17-1, 3, 4, 6, 8, 10): which figure of a sentence is
 * the item's, when the words name several.
 */
import { describe, expect, it } from "vitest";
import { itemOf } from "./round17-data-helpers.ts";

describe("WB17-1: of two results, the one whose label names the title wins", () => {
  it.each<[string, string, number]>([
    ["1.1", "Hồ sơ trực tuyến 40%, hồ sơ giải quyết đúng hạn 99%", 99],
    ["1.4", "Tiếp nhận trực tuyến 40%, thanh toán trực tuyến 30%", 30],
    ["1.4", "Tiếp nhận trực tuyến 40%; thanh toán trực tuyến 30%", 30],
    ["1.4", "Giải quyết trực tuyến 38%, thanh toán trực tuyến 30%", 30],
    ["1.4", "Trực tuyến toàn trình 25%; thanh toán trực tuyến đạt 30%", 30],
    ["1.2", "Thanh toán trực tuyến 30%, tiếp nhận, giải quyết trực tuyến 40%", 40],
    ["1.3", "Số hóa kết quả 45%, số hóa hồ sơ, kết quả giải quyết TTHC 60%", 60],
    ["1.21", "Văn bản đến xử lý trên môi trường mạng 100%, văn bản đi được ký số 95%", 95],
  ])("%s %j is %d %", (code, text, percent) => {
    const item = itemOf(code, text);
    expect(item.findings).toEqual([]);
    expect(item.percent).toBeCloseTo(percent, 6);
  });

  it.each<[string, string, number]>([
    // The title names both alike ("tiếp nhận, giải quyết trực tuyến"): the first.
    ["1.2", "Tiếp nhận trực tuyến 40%, giải quyết trực tuyến 38%", 40],
    // Asides never beat the main figure however their labels repeat the title.
    ["1.1", "99% (hồ sơ TTHC giải quyết trước hạn 45%)", 99],
    ["1.4", "Chỉ tiêu huyện giao về tỷ lệ thanh toán trực tuyến: 45%; đạt 30%", 30],
    ["1.4", "Đạt 30%; năm 2023: tỷ lệ thanh toán trực tuyến 15%", 30],
    ["1.2", "Đạt 40%; trong đó hồ sơ TTHC được tiếp nhận, giải quyết trực tuyến toàn trình 25%", 40],
  ])("%s %j stays %d %", (code, text, percent) => {
    expect(itemOf(code, text).percent).toBeCloseTo(percent, 6);
  });

  it.each<[string, string, number]>([
    ["1.11", "Phần mềm chuyên ngành: 02; phần mềm dùng chung: 03", 3],
    ["1.11", "Đã triển khai 03; phần mềm dùng chung tỉnh triển khai: 05", 3],
    ["1.11", "Triển khai 02 phần mềm chuyên ngành, 03 phần mềm dùng chung", 3],
  ])("%s %j counts %d", (code, text, count) => {
    expect(itemOf(code, text)).toMatchObject({ count, findings: [] });
  });
});

describe("WB17-3: a figure of the period's own year beside one of an earlier year", () => {
  it.each<[string, string, number]>([
    ["1.12", "01 sáng kiến năm 2023 và 02 sáng kiến năm 2024", 2],
    ["1.12", "02 sáng kiến được công nhận năm 2024 và 01 sáng kiến được công nhận năm 2023", 2],
    ["1.12", "02 sáng kiến được công nhận năm 2024 và 01 sáng kiến năm 2023", 2],
    ["1.13", "01 trường hợp bị kỷ luật năm 2024 và 02 trường hợp năm 2023", 1],
    ["1.14", "Chậm 01 báo cáo năm 2024 và 02 báo cáo năm 2023", 1],
    ["1.12", "Sáng kiến năm 2023 được công nhận: 01; năm 2024: 02", 2],
  ])("%s %j counts %d", (code, text, count) => {
    expect(itemOf(code, text).count).toBe(count);
  });
});

describe("WB17-6: a part after 'trong đó' named by the title's words is the figure it measures", () => {
  it.each<[string, string, number]>([
    ["1.1", "Giải quyết 100% hồ sơ, trong đó đúng hạn 95%", 95],
    ["1.1", "Đã giải quyết 1.000/1.000 hồ sơ, trong đó đúng hạn 950 hồ sơ", 95],
    ["1.2", "Tiếp nhận 100% hồ sơ, trong đó trực tuyến 40%", 40],
    ["1.7", "Đã xử lý 10/10 phản ánh, trong đó 08 đúng hạn", 80],
    ["1.7", "Đã xử lý 10/10 phản ánh, kiến nghị, trong đó xử lý đúng hạn 08", 80],
    // The late part of all settled, on an on-time rate: the rest of them.
    ["1.1", "Giải quyết 100% hồ sơ, trong đó trễ hạn 5%", 95],
    ["1.1", "Đã giải quyết 1.000/1.000 hồ sơ, trong đó 10 hồ sơ trễ hạn", 99],
  ])("%s %j is %d %", (code, text, percent) => {
    const item = itemOf(code, text);
    expect(item.findings).toEqual([]);
    expect(item.percent).toBeCloseTo(percent, 6);
  });

  it.each<[string, string, number]>([
    ["1.1", "Giải quyết đúng hạn 99%, trong đó hồ sơ TTHC giải quyết trước hạn 45%", 99],
    ["1.3", "60%, trong đó số hóa kết quả giải quyết TTHC đạt 45%", 60],
    ["1.7", "Tiếp nhận 10 phản ánh, kiến nghị; đã xử lý đúng hạn 10, trong đó 02 phản ánh chuyển cơ quan khác", 100],
  ])("%s %j stays %d %", (code, text, percent) => {
    expect(itemOf(code, text).percent).toBeCloseTo(percent, 6);
  });
});

describe("WB17-4: a shortfall written as an amount with its percent is the shortfall", () => {
  it.each<[string, string, number]>([
    ["1.6", "Chưa hoàn thành dự toán: còn thiếu 50 tỷ đồng (5%)", 95],
    ["1.6", "Chưa hoàn thành dự toán: còn thiếu 50 tỷ đồng, tương đương 5%", 95],
    ["1.6", "Còn thiếu 50 tỷ đồng (5%) so với dự toán", 95],
    ["1.6", "Hụt thu 50 tỷ đồng (5%)", 95],
    ["1.6", "Thu 950 tỷ đồng, còn thiếu 50 tỷ đồng (5%)", 95],
    ["1.6", "Hụt thu 50 triệu đồng, tương đương 5% dự toán", 95],
    ["1.22", "Chưa hoàn thành kế hoạch giải ngân: còn 20 tỷ đồng (15%) chưa giải ngân", 85],
  ])("%s %j is %d %", (code, text, percent) => {
    const item = itemOf(code, text);
    expect(item.findings).toEqual([]);
    expect(item.percent).toBeCloseTo(percent, 6);
  });

  it.each<[string, string, number]>([
    ["1.6", "Chưa hoàn thành dự toán: còn thiếu 5% (50 tỷ đồng)", 95],
    ["1.6", "Đạt 95% (950 tỷ đồng)", 95],
    ["1.1", "298/300 (99,33%)", 99.33333333],
  ])("%s %j stays %d %", (code, text, percent) => {
    expect(itemOf(code, text).percent).toBeCloseTo(percent, 6);
  });
});

describe("WB17-8: counts in words before the title's noun are counts", () => {
  it.each<[string, string, number]>([
    ["1.12", "Hai sáng kiến được công nhận", 2],
    ["1.12", "Một sáng kiến được công nhận", 1],
    ["1.12", "Được công nhận hai sáng kiến", 2],
    ["1.11", "Triển khai ba phần mềm dùng chung", 3],
  ])("%s %j counts %d", (code, text, count) => {
    expect(itemOf(code, text)).toMatchObject({ count, findings: [] });
  });
});

describe("WB17-10: a sentence giving the whole, the done and the rest, each labelled", () => {
  it.each<[string, string, number]>([
    ["1.20", "Giao 28 nhiệm vụ, hoàn thành 26, đang thực hiện 02", (26 / 28) * 100],
    ["1.20", "Có 28 nhiệm vụ, trong đó 26 hoàn thành, 02 đang thực hiện", (26 / 28) * 100],
    ["1.1", "Giải quyết 1.000 hồ sơ, đúng hạn 990, trễ hạn 10", 99],
    ["1.1", "Tiếp nhận 1.000 hồ sơ, trong đó đúng hạn 990, trễ hạn 10", 99],
    ["1.1", "Giải quyết 1.000 hồ sơ: trễ hạn 10 hồ sơ, đúng hạn 990 hồ sơ", 99],
    ["1.23", "Trễ hạn 02 hồ sơ, đã xin lỗi 02 hồ sơ", 100],
    ["1.1", "Giải quyết 1.000 hồ sơ, trễ hạn 10 hồ sơ", 99],
    ["1.1", "Giải quyết 1.000 hồ sơ, trong đó 10 hồ sơ trễ hạn", 99],
    ["1.23", "Trễ hạn 04 hồ sơ; đã xin lỗi 03 hồ sơ", 75],
  ])("%s %j is %d %", (code, text, percent) => {
    const item = itemOf(code, text);
    expect(item.findings).toEqual([]);
    expect(item.percent).toBeCloseTo(percent, 6);
  });

  it("done beside late on a rate that is not of what was on time stays unclear", () => {
    expect(itemOf("1.20", "Hoàn thành 26 nhiệm vụ, trễ hạn 02").percent).toBeNull();
  });

  it("figures that do not add up stay unclear", () => {
    expect(itemOf("1.1", "Giải quyết 1.000 hồ sơ, đúng hạn 980, trễ hạn 10").percent).toBeNull();
  });
});
