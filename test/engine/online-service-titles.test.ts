import { describe, expect, it } from "vitest";
import { columnsTable } from "./data-columns-helpers.ts";
import { demoSet } from "./merged-header-helpers.ts";
import { scoreWorkbook } from "../../shared/index.ts";

/**
 * A title with no "được" splits at its first verb of work (03/12/2026, seventh session): "Tỷ lệ
 * TTHC cung cấp dịch vụ công trực tuyến toàn trình" counts TTHC and measures "trực tuyến toàn
 * trình", as "Tỷ lệ văn bản đi được ký số" counts documents and measures signing. The ways offices
 * write that criterion's data — "Tổng số TTHC: 20; số TTHC cung cấp DVCTT toàn trình: 18" — had
 * each said its figure was missing. "Một phần" is the counterpart of "toàn trình": never its part.
 * Files "tiếp nhận và giải quyết" are the whole, as files "tiếp nhận" are.
 */
const TITLE = "Tỷ lệ TTHC cung cấp dịch vụ công trực tuyến toàn trình";
const percentOf = (text: string, title = TITLE) => {
  const report = scoreWorkbook(columnsTable(["Số liệu"], (_, a) => [a === 20 ? text : ""]), demoSet("online-service", "Bộ thử dịch vụ công trực tuyến (minh họa)", { "1.1.2": title }));
  return report.items.find((i) => i.code === "1.1.2")?.percent;
};

describe("a title split at its first verb of work", () => {
  it.each([
    "Tổng số 20 TTHC, cung cấp trực tuyến toàn trình 18 TTHC",
    "Tổng số TTHC: 20; số TTHC cung cấp DVCTT toàn trình: 18",
    "Số TTHC cung cấp DVCTT toàn trình: 18; tổng số TTHC: 20",
    "Tổng số TTHC thuộc thẩm quyền: 20. Số TTHC cung cấp DVCTT toàn trình: 18",
    "Có 20 TTHC, đã cung cấp toàn trình 18 TTHC",
    "Tổng số 20 TTHC, toàn trình 18, một phần 2",
  ])("%s: 18/20 on the online-service title", (text) => {
    expect(percentOf(text)).toBe(90);
  });

  it("files received and settled together are the whole: 'trong đó' names its part", () => {
    const title = "Tỷ lệ hồ sơ TTHC được tiếp nhận, giải quyết trực tuyến";
    // "Giải quyết" nearest the figure had made 1.000 work done, and the part of it an aside: missing.
    expect(percentOf("Tiếp nhận và giải quyết 20 hồ sơ, trong đó 18 hồ sơ trực tuyến", title)).toBe(90);
    expect(percentOf("Tiếp nhận và giải quyết 20 hồ sơ, trễ hạn 2", "Tỷ lệ hồ sơ giải quyết đúng hạn")).toBe(90);
  });

  it("the part in part is no part of the service in full: said missing, never 90 %", () => {
    expect(percentOf("Tổng số TTHC 20, trực tuyến một phần 18")).toBeUndefined();
    expect(percentOf("Tổng số TTHC 20, một phần 18")).toBeUndefined();
  });

  it("a title opening on its verb names no thing apart: 'trong số 28 nhiệm vụ' stays the whole", () => {
    expect(percentOf("Hoàn thành 26 nhiệm vụ trong số 28 nhiệm vụ", "Tỷ lệ hoàn thành nhiệm vụ được giao")).toBeCloseTo(92.857, 2);
    // The title naming payment, not the service: what the cell says online is not read for it.
    expect(percentOf("Tổng số 20 hồ sơ, trực tuyến 18", "Tỷ lệ thanh toán trực tuyến")).toBeUndefined();
  });
});

/**
 * A title naming no verb splits at its first word of a kind with a counterpart (03/12/2026, seventh
 * session): "Tỷ lệ hồ sơ trực tuyến" counts files and measures them online, so "Tổng số hồ sơ: 1.000
 * (trực tuyến: 600; trực tiếp: 400)" is 600/1.000 (it had said its figure was missing). And a share
 * of the title's counterpart is never its rate: "40 một phần / 200 TTHC" on "… toàn trình" had been
 * read as 20 %, nothing said.
 */
describe("a title split at its word of a kind", () => {
  it.each(["Tổng số hồ sơ: 1.000 (trực tuyến: 600; trực tiếp: 400)", "Tiếp nhận 1.000 hồ sơ; trực tiếp: 400; trực tuyến: 600"])("%s: 60 %", (text) => {
    expect(percentOf(text.replace("1.000", "20").replace("600", "12").replace("400", "8"), "Tỷ lệ hồ sơ trực tuyến")).toBe(60);
  });

  it("a share of the counterpart is no rate of the title", () => {
    expect(percentOf("Đã cung cấp 19 DVCTT, trong đó 15 toàn trình, 4 một phần / 20 TTHC")).toBeUndefined();
  });
});

/**
 * A bare count with its breakdown in brackets after it (03/12/2026, seventh session): "20 TTHC
 * (toàn trình: 15; một phần: 4)" is 15 of 20 on "… toàn trình" — the count the brackets break down
 * is their whole. It had said its figure was missing. Only where that count is the one figure
 * outside the brackets and a bracketed figure names what the title measures.
 */
describe("a count and its breakdown in brackets", () => {
  it("20 TTHC (toàn trình: 15; một phần: 4): 75 %", () => {
    expect(percentOf("20 TTHC (toàn trình: 15; một phần: 4)")).toBe(75);
  });

  it("a breakdown naming nothing the title measures, or a second figure outside, is not read so", () => {
    expect(percentOf("20 TTHC (cấp tỉnh: 15; cấp huyện: 4)")).toBeUndefined();
    expect(percentOf("20 TTHC, 19 đã rà soát (toàn trình: 15; một phần: 4)")).toBeUndefined();
  });
});
