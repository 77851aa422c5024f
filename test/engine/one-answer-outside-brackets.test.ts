import { describe, expect, it } from "vitest";
import { columnsTable } from "./data-columns-helpers.ts";
import { demoSet } from "./merged-header-helpers.ts";
import { scoreWorkbook } from "../../shared/index.ts";

/**
 * Which rate of a cell is the title's.
 *
 * Several rates in one cell, one of them outside brackets and named as the title's measure
 * (04/12/2026, tenth session): "Tổng số 1.000 hồ sơ, trong đó trực tuyến 600 hồ sơ (60%), đúng
 * hạn 98%" on "Tỷ lệ hồ sơ giải quyết đúng hạn" scores the 98 % on time. It had scored the
 * bracketed 60 % — the online share, an aside on the count before it — as the first rate written.
 * Where the one outside names another measure, or none, the first still wins, as §6 says.
 */
const ON_TIME = "Tỷ lệ hồ sơ giải quyết đúng hạn";
const ONLINE = "Tỷ lệ hồ sơ trực tuyến";

function reportOf(data: string, title: string) {
  const set = demoSet("outside-brackets", "Bộ thử tỷ lệ ngoài ngoặc (minh họa)", { "1.1.2": title });
  return scoreWorkbook(columnsTable(["Số liệu"], (done, all) => [all === 20 ? data : `${done}/${all}`]), set);
}
const percentOf = (data: string, title: string): number | undefined => reportOf(data, title).items.find((i) => i.code === "1.1.2")!.percent;

describe("the one rate outside brackets that names the title's measure", () => {
  it.each([
    ["Tổng số 1.000 hồ sơ, trong đó trực tuyến 600 hồ sơ (60%), đúng hạn 98%", ON_TIME, 98],
    ["Tiếp nhận 1.000 hồ sơ (trực tuyến 40%), giải quyết đúng hạn 98%", ON_TIME, 98],
    // Named another way, or not at all: the first rate, as before.
    ["Tổng số 1.000 hồ sơ, trong đó trực tuyến 600 hồ sơ (60%), đúng hạn 98%", ONLINE, 60],
    ["99% (trước hạn 45%)", ON_TIME, 99],
    ["Tiếp nhận 1.000 hồ sơ (trực tuyến 40%), đạt 98%", ONLINE, 40],
    // Naming only the thing the title counts ("hồ sơ") is not naming what it measures.
    ["Tổng 1.000 hồ sơ (thanh toán trực tuyến 30%), hồ sơ số hóa 90%", "Tỷ lệ hồ sơ thanh toán trực tuyến", 30],
  ])("%s on %s: %d %", (data, title, percent) => {
    expect(percentOf(data, title)).toBe(percent);
  });
});

/**
 * A rate of time on a title that measures something else and names none of it (same session):
 * "Tổng số 1.000 hồ sơ, trực tuyến 600, tỷ lệ đúng hạn 98%" on "Tỷ lệ hồ sơ trực tuyến" is the
 * counts' 600/1.000 — it had scored the on-time 98 %, the only percentage written, silently; alone
 * ("Đúng hạn 98%") it is said as unclear (DATA_MISSING), never taken for the online rate.
 */
describe("a rate of time on a title that measures something else", () => {
  it.each([
    ["Tổng số 1.000 hồ sơ, trực tuyến 600, tỷ lệ đúng hạn 98%", ONLINE, 60],
    ["Tổng số 1.000 hồ sơ, trực tuyến 600, trễ hạn 2%", ONLINE, 60],
    // The title's own measure named with it, or a title of time: read as before.
    ["Trực tuyến đúng hạn 98%", ONLINE, 98],
    ["Đúng hạn 98%", ON_TIME, 98],
    ["Đúng hạn 98%", "Tỷ lệ hồ sơ trực tuyến được giải quyết đúng hạn", 98],
    ["Tổng số 1.000 hồ sơ, trực tuyến 600, tỷ lệ đúng hạn 98%", ON_TIME, 98],
    // A title of no kind of files, or of time in other words: the rate of time is its figure.
    ["Đúng hạn 100%", "Tỷ lệ văn bản được ban hành đúng thời hạn", 100],
    ["Đúng hạn 4/4 báo cáo", "Tỷ lệ báo cáo được gửi kịp thời", 100],
    ["Đúng hạn 100%", "Tỷ lệ phản ánh, kiến nghị được xử lý", 100],
  ])("%s on %s: %d %", (data, title, percent) => {
    expect(percentOf(data, title)).toBe(percent);
  });

  it("alone, it is said as unclear and scores nothing", () => {
    const r = reportOf("Đúng hạn 98%", ONLINE);
    expect(r.items.find((i) => i.code === "1.1.2")!.percent).toBeUndefined();
    const missing = r.findings.find((f) => f.criterion === "1.1.2" && f.code === "DATA_MISSING")!;
    expect(missing.message).toContain("không rõ con số nào ở ô số liệu là số liệu kê khai");
  });
});
