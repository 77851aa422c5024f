import { describe, expect, it } from "vitest";
import { columnsTable } from "./data-columns-helpers.ts";
import { demoSet } from "./merged-header-helpers.ts";
import { scoreWorkbook } from "../../shared/index.ts";

/**
 * Data written as the one-stop shop's statistics and the digitisation report write it (03/12/2026,
 * seventh session). Each said its figure was missing:
 * - on an on-time criterion, a line counting what was received, carried over, settled (on time and
 *   late) and still in hand is what was settled on time of what was settled, the two adding up to a
 *   figure the line gives;
 * - "Tổng số hồ sơ đã giải quyết: 1.000; số hồ sơ được số hóa kết quả: 900": of two figures of work
 *   done, the one called the total is the whole.
 */
const read = (title: string, text: string) => {
  const report = scoreWorkbook(columnsTable(["Số liệu"], (_, a) => [a === 20 ? text : ""]), demoSet("report-lines", "Bộ thử dòng báo cáo (minh họa)", { "1.1.2": title }));
  const item = report.items.find((i) => i.code === "1.1.2");
  return item?.numerator === undefined ? item?.percent : `${item.numerator}/${item.denominator}`;
};
const ON_TIME = "Tỷ lệ hồ sơ giải quyết đúng hạn";

describe("statistics lines", () => {
  it.each([
    "Tổng số hồ sơ tiếp nhận: 1.250 (kỳ trước chuyển sang: 50, tiếp nhận mới: 1.200); đã giải quyết: 1.230 (đúng hạn: 1.225, quá hạn: 5); đang giải quyết: 20",
    "Tiếp nhận 1.250 hồ sơ; đã giải quyết 1.230 hồ sơ (đúng hạn 1.225, quá hạn 5); đang giải quyết 20 hồ sơ",
  ])("%s: on time of what was settled", (text) => {
    expect(read(ON_TIME, text)).toBe("1225/1230");
  });

  it("on time and late that add up to no figure of the line stay unread", () => {
    expect(read(ON_TIME, "Tiếp nhận 1.250 hồ sơ; đã giải quyết 1.230 hồ sơ (đúng hạn 1.200, quá hạn 5); đang giải quyết 20 hồ sơ")).toBeUndefined();
  });

  it.each([
    ["Tỷ lệ số hóa hồ sơ, kết quả giải quyết TTHC", "Tổng số hồ sơ đã giải quyết: 1.000; số hồ sơ được số hóa kết quả: 900"],
    ["Tỷ lệ số hóa hồ sơ, kết quả giải quyết TTHC", "Tổng số hồ sơ đã giải quyết 1.000, số hóa 900"],
    ["Tỷ lệ hồ sơ được số hóa", "Tổng số hồ sơ đã giải quyết: 1.000; số hồ sơ được số hóa kết quả: 900"],
  ])("%s — %s: the total of work done is the whole", (title, text) => {
    expect(read(title, text)).toBe("900/1000");
  });
});
