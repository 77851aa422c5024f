import { describe, expect, it } from "vitest";
import { columnsTable } from "./data-columns-helpers.ts";
import { demoSet } from "./merged-header-helpers.ts";
import { scoreWorkbook } from "../../shared/index.ts";

/**
 * A one-stop shop's statistics line copied into each row it feeds (04/12/2026, eighth session):
 * the same "Số liệu" text on "Tỷ lệ hồ sơ trực tuyến", "… toàn trình", "… thanh toán trực tuyến",
 * "… số hóa". Each row takes its own kind over the line's whole. Before, the line gave 500/600
 * (83 %) on "toàn trình" (the part over its parent, not over the total), the payments' 30 % on a
 * plain "trực tuyến" title when the online count had no "hồ sơ" of its own, and DATA_MISSING on
 * most rows of the bracketed and sentence forms. A row whose kind the line does not hold is never
 * given another kind's figure: it stays unread (DATA_MISSING), as a row with no data does.
 */
const ONLINE = "Tỷ lệ hồ sơ TTHC được tiếp nhận, giải quyết trực tuyến";
const FULL = "Tỷ lệ hồ sơ TTHC được tiếp nhận, giải quyết trực tuyến toàn trình";
const PAYMENT = "Tỷ lệ hồ sơ thanh toán trực tuyến";
const DIGITISED = "Tỷ lệ hồ sơ được số hóa kết quả giải quyết";
const SHORT_ONLINE = "Tỷ lệ hồ sơ trực tuyến";
const SHORT_FULL = "Tỷ lệ hồ sơ trực tuyến toàn trình";

/** 1.1.2 titled `title`, its "Số liệu" cell `data`: its percent and findings. */
function read(data: string, title: string) {
  const set = demoSet("statistics-line", "Bộ thử dòng số liệu thống kê (minh họa)", { "1.1.2": title, "2.2.2": title });
  const r = scoreWorkbook(columnsTable(["Số liệu"], (_done, all) => [all === 20 ? data : ""]), set);
  return {
    percent: r.items.find((i) => i.code === "1.1.2")!.percent,
    codes: r.findings.filter((f) => f.criterion === "1.1.2").map((f) => f.code),
  };
}

const LINES = [
  "Tổng số hồ sơ tiếp nhận: 1.000; trực tuyến: 600 (toàn trình: 500; một phần: 100); thanh toán trực tuyến: 300; số hóa: 900",
  // Each count's share in brackets after it (tenth session): the counts are read; every row had read the first share, 60 %.
  "Tổng số hồ sơ tiếp nhận: 1.000; trực tuyến: 600 (60%), trong đó toàn trình: 500 (50%); thanh toán trực tuyến: 300 (30%); số hóa: 900 (90%)",
  "Tổng số 1.000 hồ sơ; trực tuyến 600, trong đó toàn trình 500; thanh toán trực tuyến 300; số hóa 900",
  "Tiếp nhận 1.000 hồ sơ, trong đó trực tuyến 600 hồ sơ (toàn trình 500 hồ sơ), thanh toán trực tuyến 300 hồ sơ, số hóa 900 hồ sơ",
  "Tổng số: 1.000 hồ sơ. Trực tuyến: 600. Toàn trình: 500. Thanh toán trực tuyến: 300. Số hóa: 900.",
];

describe("a statistics line copied into each row it feeds", () => {
  describe.each(LINES)("%s", (line) => {
    it.each([
      [ONLINE, 60],
      [SHORT_ONLINE, 60],
      [FULL, 50],
      [SHORT_FULL, 50],
      [PAYMENT, 30],
      [DIGITISED, 90],
    ])("on '%s' reads %d %%", (title, percent) => {
      expect(read(line, title)).toEqual({ percent, codes: [] });
    });
  });

  it("the fully online files are over all files, never over the online ones (500/1.000, not 500/600)", () => {
    expect(read("Tổng số 1.000 hồ sơ; trực tuyến 600, trong đó toàn trình 500", FULL).percent).toBe(50);
    expect(read("Tổng số 1.000 hồ sơ; trực tuyến 600, trong đó toàn trình 500", ONLINE).percent).toBe(60);
  });

  it("a plain online title takes the online count, never the payments' (60 %, not 30 %)", () => {
    expect(read("1.000 hồ sơ; trực tuyến 600; thanh toán trực tuyến 300", SHORT_ONLINE).percent).toBe(60);
    expect(read("1.000 hồ sơ; trực tuyến 600; thanh toán trực tuyến 300", PAYMENT).percent).toBe(30);
  });

  it.each([
    // The line holds no count of the title's kind: no other kind's figure stands in for it.
    ["1.000 hồ sơ; trực tuyến 600; thanh toán trực tuyến 300", FULL],
    ["1.000 hồ sơ; trực tuyến 600; thanh toán trực tuyến 300", DIGITISED],
    ["Tổng số 1.000 hồ sơ; trực tuyến 600, trong đó toàn trình 500", PAYMENT],
    // Two counts of the title's kind: which one is meant, the words do not say.
    ["Tổng số 1.000 hồ sơ; trực tuyến 600; số hóa 900; trực tuyến 650", SHORT_ONLINE],
    // A part larger than the whole is no rate.
    ["Tổng số 500 hồ sơ; trực tuyến 600; thanh toán trực tuyến 300", SHORT_ONLINE],
  ])("%s on '%s' is left unread, never another figure", (line, title) => {
    expect(read(line, title)).toEqual({ percent: undefined, codes: ["DATA_MISSING"] });
  });

  it("a sentence of one kind is read as before: 'Tiếp nhận 200 hồ sơ, trực tuyến 150 hồ sơ' is 75 %", () => {
    expect(read("Tiếp nhận 200 hồ sơ, trực tuyến 150 hồ sơ", SHORT_ONLINE)).toEqual({ percent: 75, codes: [] });
  });
});
