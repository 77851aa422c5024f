import { describe, expect, it } from "vitest";
import { itemOf } from "./round16-data-helpers.ts";

/**
 * WB16-8: a department's count sentence that labels its figures ("Số phần mềm: 04; đã triển
 * khai: 03", "năm 2023 …: 01; năm 2024: 02", "01 sáng kiến cấp tỉnh, 01 sáng kiến cấp cơ sở
 * được công nhận") was read by its first figure or the one repeating the title.
 */

describe("WB16-8: a labelled sentence counts this year's figure of what was done", () => {
  it.each<[string, string, number]>([
    ["1.11", "Số phần mềm: 04; đã triển khai: 03", 3],
    ["1.11", "Tổng số phần mềm dùng chung: 04; đã triển khai: 03", 3],
    ["1.12", "Sở có 05 sáng kiến, 02 sáng kiến được công nhận", 2],
    ["1.12", "Sáng kiến năm 2023 được công nhận: 01; năm 2024: 02", 2],
    ["1.13", "Năm 2023: 02 trường hợp bị kỷ luật; năm 2024: 01 trường hợp", 1],
    // A list of kinds under one verb is added.
    ["1.12", "01 sáng kiến cấp tỉnh, 01 sáng kiến cấp cơ sở được công nhận", 2],
    ["1.12", "02 sáng kiến cấp huyện và 01 sáng kiến cấp tỉnh được công nhận", 3],
    ["1.14", "01 báo cáo quý I, 01 báo cáo quý II chậm", 2],
  ])("%s %j counts %d", (code, text, count) => {
    expect(itemOf(code, text)).toMatchObject({ count, findings: [] });
  });

  it.each<[string, string, number]>([
    // The thing itself first is the whole, never one of a list.
    ["1.14", "04 báo cáo, 01 báo cáo chậm", 1],
    ["1.14", "04 báo cáo định kỳ, 01 báo cáo chậm", 1],
    ["1.14", "04 báo cáo định kỳ và 01 báo cáo trễ hạn", 1],
    ["1.14", "Gửi 04 báo cáo, 01 báo cáo chậm", 1],
    ["1.11", "Triển khai 03 phần mềm; 01 phần mềm đang chạy thử", 3],
    ["1.11", "Triển khai 04 phần mềm, 03 phần mềm được cập nhật", 4],
  ])("%s %j still counts %d", (code, text, count) => {
    expect(itemOf(code, text)).toMatchObject({ count, findings: [] });
  });
});
