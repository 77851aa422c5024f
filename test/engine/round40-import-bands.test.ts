/**
 * RD40 (import-criteria, tester rt-rd40): 6365ecd (RD39-1/2) made "has a rule" read neither the
 * note column serving as the method nor option points written without "điểm" after a cap. A
 * coded criterion whose rule stands in Ghi chú (no method column), or whose method cell reads
 * "Tối đa 2 điểm (đủ, đúng hạn 2; chậm 0)", then took the next labelled criterion's band table
 * as its own: that criterion vanished (9 → 7; the demo commune set lost 4.2 and 5.2). RD41: the
 * mend's count of "word + number" parts as option figures (RD40-2) took references and period
 * lists for rules — withdrawn; RD40-2 and n28f's "Tối đa 2 điểm (đủ, đúng hạn 2; chậm 0)" are open.
 */
import { describe, expect, it } from "vitest";
import { COMMUNE_TOP, communeGridOf, importedCommune, type Value } from "./import-rounds-helpers.ts";

const imported = importedCommune;
const gridOf = communeGridOf;
const top = COMMUNE_TOP;

/** rd40's n28 layout: criterion 2's rule in its method cell (Ghi chú, or a true method column), then a labelled criterion 3 and its bands. */
function n28({ methodCol = false, rule2 = "Gửi đầy đủ, đúng hạn: 2 điểm; không đầy đủ hoặc chậm: 0 điểm", lab3 = "Tiêu chí 3 (2 điểm)", typed3 = 2 as Value } = {}): Value[][] {
  const r = (code: Value, title: Value, max: Value = "", rule: Value = "") => (methodCol ? [code, title, max, rule, "", ""] : [code, title, max, "", rule]);
  const head = methodCol
    ? ["STT", "Lĩnh vực, tiêu chí, tiêu chí thành phần", "Điểm tối đa", "Phương pháp chấm điểm", "Tài liệu kiểm chứng", "Ghi chú"]
    : ["STT", "Lĩnh vực, tiêu chí, tiêu chí thành phần", "Điểm tối đa", "Tài liệu kiểm chứng", "Ghi chú"];
  return [
    ...top, head,
    r("I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH", 5),
    r("1", "Ban hành kế hoạch CCHC năm", 1, "Ban hành trước ngày 31/01: 1 điểm; sau ngày 31/01: 0 điểm"),
    r("2", "Báo cáo CCHC định kỳ", 2, rule2),
    r(lab3, "Tỷ lệ nhiệm vụ trong kế hoạch CCHC hoàn thành đạt trên 90%", typed3),
    r("", "Từ 70% đến 90%: 1 điểm"),
    r("", "Dưới 70%: 0 điểm"),
    r("II", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", 4),
    r("1", "Công khai thủ tục hành chính", 4, "Đầy đủ, đúng quy định: 4 điểm; không đầy đủ: 0 điểm"),
    r("", "Tổng cộng (I + II)", 9),
  ];
}
const RATE = { kind: "ratio", bands: [{ above: 90, points: 2 }, { min: 70, points: 1 }, { min: 0, points: 0 }] };
/** Criterion 3 stays a criterion of field I, and criterion 2 keeps its own rule (not criterion 3's rates). */
function keepsCriterion3(set: ReturnType<typeof imported>): void {
  expect(set.items.find((i) => i.title.startsWith("Tỷ lệ nhiệm vụ"))?.code).toBe("1.3");
  expect(set.items.find((i) => i.code === "1.2")?.title).toBe("Báo cáo CCHC định kỳ");
  expect(set.items.find((i) => i.code === "1.2")?.rule).not.toMatchObject({ kind: "ratio" });
}

describe("RD40-1: a rule written in Ghi chú, read as the method, is the criterion's rule", () => {
  it("n28: 'Gửi đầy đủ, đúng hạn: 2 điểm; không đầy đủ hoặc chậm: 0 điểm' in Ghi chú: 1.2 choice [2, 0], 1.3 kept, 9", () => {
    const set = imported(n28());
    keepsCriterion3(set);
    expect(set.items.find((i) => i.code === "1.2")?.rule).toMatchObject({ kind: "choice", options: [2, 0] });
    expect(set.max).toBe(9);
  });
  it("n28e: 'Gửi đúng hạn được 2 điểm' in Ghi chú", () => {
    const set = imported(n28({ rule2: "Gửi đúng hạn được 2 điểm" }));
    keepsCriterion3(set);
    expect(set.max).toBe(9);
  });
  it("n28c: the label's points not typed in the max column", () => keepsCriterion3(imported(n28({ typed3: "" }))));
  it("n28b control: the same rule in a true method column", () => {
    const set = imported(n28({ methodCol: true }));
    keepsCriterion3(set);
    expect(set.max).toBe(9);
  });
  it("the demo commune layout with methods in Ghi chú: 4.1's rule stays, 'Tiêu chí 4.2 (3 điểm)' stays 4.2", () => {
    const r = (code: Value, title: Value, max: Value = "", note: Value = "") => [code, title, max, "", note];
    const set = imported([
      ...top,
      ["STT", "Lĩnh vực, tiêu chí, tiêu chí thành phần", "Điểm tối đa", "Tài liệu kiểm chứng", "Ghi chú"],
      r("I", "Cải cách tổ chức bộ máy và chế độ công vụ", 6),
      r("1.1", "Bố trí cán bộ, công chức cấp xã đúng số lượng, chức danh theo quy định", 3, "Thực hiện đầy đủ, đúng quy định: 3 điểm; Không thực hiện: 0 điểm"),
      r("Tiêu chí 1.2 (3 điểm)", "Tỷ lệ cán bộ, công chức cấp xã đạt chuẩn theo quy định đạt từ 100% trở lên", 3),
      r("", "Từ 90% đến dưới 100%: 2 điểm"),
      r("", "Từ 80% đến dưới 90%: 1 điểm"),
      r("", "Dưới 80%: 0 điểm"),
      r("", "Tổng cộng", 6),
    ]);
    expect(set.items.find((i) => i.code === "1.1")?.rule).toMatchObject({ kind: "choice", options: [3, 0] });
    expect(set.items.find((i) => i.code === "1.2")?.rule).toMatchObject({ kind: "ratio" });
    expect(set.max).toBe(6);
  });
});

describe("RD39-2 kept: a remark that pays nothing in Ghi chú is no rule", () => {
  it("'Không có kế hoạch thì không chấm, 0 điểm' beside a criterion whose bands follow: the table is its own", () => {
    const set = imported(n28({ rule2: "Không có kế hoạch thì không chấm, 0 điểm", lab3: "Tiêu chí 2 (2 điểm)" }));
    expect(set.items.find((i) => i.code === "1.2")?.rule).toMatchObject(RATE);
    expect(set.items.filter((i) => i.title.startsWith("Tỷ lệ nhiệm vụ"))).toHaveLength(0);
  });
});

/** rd41's u/d20-13: a criterion whose method cell names documents, over a labelled rate table. */
function d13(method: string): Value[][] {
  return [
    ...top,
    ["STT", "Lĩnh vực, tiêu chí, tiêu chí thành phần", "Điểm tối đa", "Phương pháp chấm điểm", "Tài liệu kiểm chứng", "Ghi chú"],
    ["I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH", 6, "", "", ""],
    ["1", "Kế hoạch CCHC năm", 3, "", "", ""],
    ["1.1", "Ban hành kế hoạch CCHC năm", 1, "Ban hành kịp thời: 1 điểm; không kịp thời: 0,5 điểm; không ban hành: 0 điểm", "", ""],
    ["1.2", "Mức độ thực hiện kế hoạch CCHC", 2, method, "Báo cáo CCHC năm", ""],
    ["Tiêu chí 1.3 (2 điểm)", "Thực hiện trên 90% kế hoạch kiểm tra", 2, "", "", ""],
    ["", "Thực hiện từ 70% đến 90% kế hoạch kiểm tra", 1, "", "", ""],
    ["", "Thực hiện dưới 70% kế hoạch kiểm tra", 0, "", "", ""],
    ["2", "Báo cáo CCHC định kỳ", 1, "Gửi đầy đủ, đúng hạn: 1 điểm; không đầy đủ hoặc chậm: 0 điểm", "", ""],
    ["3", "Xử lý kiến nghị sau kiểm tra CCHC", 2, "Xử lý 100%: 2 điểm; từ 80% đến dưới 100%: 1 điểm; dưới 80%: 0 điểm", "", ""],
    ["II", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", 6, "", "", ""],
    ["1", "Công khai thủ tục hành chính", 2, "Đầy đủ: 2 điểm; không đầy đủ: 1 điểm; không công khai: 0 điểm", "", ""],
    ["2", "Tỷ lệ hồ sơ TTHC giải quyết đúng hạn", 4, "Từ 98% trở lên: 4 điểm; từ 90% đến dưới 98%: 2 điểm; dưới 90%: 0 điểm", "", ""],
    ["", "Tổng cộng (I + II)", 12, "", "", ""],
  ];
}

describe("RD41: references, period lists and figures that pay nothing are no rule", () => {
  it.each([
    ["RD41-1: documents", "Theo Nghị định 61, Thông tư 01"],
    ["RD41-1: a count", "Tổng số nhiệm vụ 5, hoàn thành 5"],
    ["RD41-2: figures that pay nothing", "Chậm 0, không gửi 0"],
  ])("%s ('%s'): the labelled table is 1.1.2's bands, 1.2 and 1.3 keep their codes", (_, method) => {
    const set = imported(d13(method));
    expect(set.items.find((i) => i.code === "1.1.2")?.rule).toMatchObject({ kind: "ratio", bands: [{ above: 90, points: 2 }, { min: 70, points: 1 }, { min: 0, points: 0 }] });
    expect(set.items.find((i) => i.code === "1.2")?.title).toBe("Báo cáo CCHC định kỳ");
    expect(set.items.find((i) => i.code === "1.3")?.title).toBe("Xử lý kiến nghị sau kiểm tra CCHC");
    expect(set.max).toBe(12);
  });
});
