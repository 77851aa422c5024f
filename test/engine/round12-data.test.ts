import { describe, expect, it } from "vitest";
import { declaredData } from "../../shared/leaf-data.ts";
import { message } from "../../shared/messages.ts";
import type { GridCell } from "../../shared/index.ts";
import { codes, EV, row, score, setOf, type Cell } from "./v2-helpers.ts";

/**
 * The twelfth red-team round (declared data as offices write it): the first figure of a
 * sentence was taken even where its words say which figure is which ("Gửi 04 báo cáo, chậm
 * 01 báo cáo" was 4 late; "Chỉ tiêu tỉnh giao 98%; kết quả thực hiện 92%" was 98 %), a late
 * share was read as the on-time rate ("Trễ hạn 2/300 hồ sơ": 0,67 %), two counts making a
 * rate were no data, and 95 in a %-formatted cell was 9 500 %. Where the words cannot tell,
 * the reading is said (DATA_MISSING), never guessed.
 */

// As the tester's set (demo-commune-2025): a deduction per late report, apps counted, two rates.
const set = setOf([
  { code: "1.1", title: "Tỷ lệ hoàn thành nhiệm vụ CCHC", max: 3, rule: { kind: "ratio", bands: [{ above: 90, points: 3 }, { min: 70, points: 2 }, { min: 50, points: 1 }, { min: 0, points: 0 }] } },
  { code: "1.2", title: "Báo cáo CCHC định kỳ (trừ 1 điểm mỗi báo cáo chậm)", max: 3, rule: { kind: "count", base: 3, each: -1 } },
  { code: "1.3", title: "Tỷ lệ hồ sơ giải quyết đúng hạn", max: 10, rule: { kind: "ratio", bands: [{ min: 100, points: 10 }, { above: 95, points: 8 }, { min: 90, points: 5 }, { min: 0, points: 0 }] } },
  { code: "1.4", title: "Ứng dụng công nghệ số (mỗi ứng dụng 1 điểm, tối đa 5)", max: 5, rule: { kind: "count", each: 1 } },
  { code: "1.5", title: "Tỷ lệ hồ sơ trễ hạn có văn bản xin lỗi", max: 2, rule: { kind: "ratio", bands: [{ min: 100, points: 2 }, { min: 0, points: 0 }] } },
]);

/** One leaf's row with `fields` (self-score blank: a computed leaf needs none); what it scores and the findings on it. */
function scoreOf(code: string, fields: { data?: Cell; note?: Cell }) {
  const report = score(set, [row(code, { ...fields, evidence: EV })]);
  const item = report.items.find((i) => i.code === code)!;
  return { score: item.score, count: item.count, percent: item.percent, findings: codes(report).filter((c) => c.includes(` ${code} `)) };
}

describe("the figure a sentence names as the data, in the note or the data column", () => {
  it.each<[string, string, number, number]>([
    ["1.2", "Gửi 04 báo cáo, chậm 01 báo cáo", 1, 2],
    ["1.2", "Tổng số báo cáo phải gửi: 04; số báo cáo chậm: 01", 1, 2],
    ["1.2", "Gửi đúng hạn 03 báo cáo, chậm 01 báo cáo quý III", 1, 2],
    ["1.2", "Chậm 01 báo cáo (tổng số 04 báo cáo)", 1, 2],
    ["1.2", "Đã gửi đủ 04 báo cáo, đúng hạn", 0, 3],
    ["1.2", "Đã gửi 04 báo cáo đúng hạn", 0, 3],
    ["1.2", "Gửi 12/12 báo cáo đúng hạn", 0, 3],
    ["1.2", "Đã gửi 12 báo cáo; không có báo cáo chậm", 0, 3],
    ["1.2", "Số báo cáo phải gửi: 4, đã gửi: 4, chậm: 0", 0, 3],
    ["1.2", "Chậm 01 báo cáo (trễ 2 ngày)", 1, 2],
    ["1.4", "Kế hoạch 05 ứng dụng, đã triển khai 03 ứng dụng", 3, 3],
    ["1.4", "Theo kế hoạch 05 ứng dụng, đã triển khai 03", 3, 3],
    ["1.4", "Triển khai 03 ứng dụng (iDesk, VNeID, Zalo OA); kế hoạch năm 2025 là 05 ứng dụng", 3, 3],
    ["1.4", "Đã triển khai 03/05 ứng dụng theo kế hoạch", 3, 3],
  ])("count %s %j is %d", (code, text, count, points) => {
    for (const fields of [{ note: text }, { data: text }]) {
      expect(scoreOf(code, fields)).toEqual({ score: points, count, percent: undefined, findings: [] });
    }
  });

  it.each<[string, string, number, number]>([
    ["1.1", "Năm 2024 đạt 75%; năm 2025 đạt 96%", 96, 3],
    ["1.1", "Năm 2025 đạt 96% (năm 2024 là 75%)", 96, 3],
    ["1.1", "Đạt 96% (năm trước 75%)", 96, 3],
    ["1.1", "Chỉ tiêu 90%, thực hiện đạt 80%", 80, 2],
    ["1.3", "Chỉ tiêu tỉnh giao 98%; kết quả thực hiện 92%", 92, 5],
    ["1.3", "Kết quả 92% (chỉ tiêu tỉnh giao 98%)", 92, 5],
    ["1.1", "Kết quả thực hiện so với chỉ tiêu: 92%", 92, 3],
    ["1.1", "Bồi dưỡng 85% công chức theo kế hoạch năm 2024", 85, 2],
    ["1.1", "Đạt 100% kế hoạch", 100, 3],
    ["1.1", "28 nhiệm vụ; hoàn thành: 26; tỷ lệ: 92,86", 92.86, 3],
  ])("rate %s %j is %d", (code, text, percent, points) => {
    for (const fields of [{ note: text }, { data: text }]) {
      expect(scoreOf(code, fields)).toMatchObject({ score: points, percent, findings: [] });
    }
  });
});

describe("late cases on an on-time rate are the rest of it", () => {
  it.each<[string, number]>([
    ["Trễ hạn 2/300 hồ sơ", 99.3333333333],
    ["Có 2/300 hồ sơ trễ hạn", 99.3333333333],
    ["Số hồ sơ quá hạn: 2/300", 99.3333333333],
    ["Tỷ lệ trễ hạn 0,67%", 99.33],
    ["298/300 hồ sơ (còn 2/300 hồ sơ trễ hạn)", 99.3333333333],
  ])("%j: %d on time", (text, percent) => {
    for (const fields of [{ note: text }, { data: text }]) expect(scoreOf("1.3", fields)).toMatchObject({ score: 8, percent, findings: [] });
  });

  it("what was done about late files is read as written (an apology rate over the late ones)", () => {
    for (const text of ["Xin lỗi 02/02 hồ sơ trễ hạn", "02/02 hồ sơ trễ hạn có văn bản xin lỗi", "Hồ sơ trễ hạn: 02/02 (đã xin lỗi)", "Tỷ lệ hồ sơ trễ hạn có văn bản xin lỗi: 100%"]) {
      expect(scoreOf("1.5", { data: text })).toMatchObject({ score: 2, percent: 100, findings: [] });
    }
  });

  it("all cases late ('Trễ hạn 2/2') is too odd to turn round: said, not 0 % nor 100 %", () => {
    expect(scoreOf("1.3", { data: "Trễ hạn 2/2 hồ sơ" })).toMatchObject({ score: 0, findings: ["DATA_MISSING 1.3 Biểu!D2"] });
  });
});

describe("two counts that make a rate", () => {
  it.each<[string, string, number, number]>([
    ["1.1", "Giao 28 nhiệm vụ, hoàn thành 26 nhiệm vụ", 26, 28],
    ["1.1", "28 nhiệm vụ được giao, hoàn thành 26", 26, 28],
    ["1.3", "Tiếp nhận 300 hồ sơ, giải quyết đúng hạn 298 hồ sơ", 298, 300],
    ["1.3", "Đúng hạn 298 hồ sơ, trễ hạn 02 hồ sơ", 298, 300],
    ["1.3", "Tổng số 300 hồ sơ, trễ hạn 2", 298, 300],
    ["1.3", "Giải quyết 300 hồ sơ, đúng hạn 298", 298, 300],
  ])("%s %j is %d/%d", (code, text, numerator, denominator) => {
    for (const fields of [{ note: text }, { data: text }]) {
      const report = score(set, [row(code, { ...fields, evidence: EV })]);
      expect(report.items.find((i) => i.code === code)).toMatchObject({ numerator, denominator });
      expect(codes(report).filter((c) => c.includes(` ${code} `))).toEqual([]);
    }
  });

  it("a count column beside a rate column gives its two counts too", () => {
    const header = ["STT", "Tiêu chí", "Điểm tối đa", "Số liệu thực hiện", "Tỷ lệ đạt được", "Điểm tự đánh giá", "Tài liệu kiểm chứng"];
    const report = score(set, [["1.1", "Tiêu chí 1.1", 3, "Giao 28 nhiệm vụ, hoàn thành 26 nhiệm vụ", null, null, EV]], {}, header);
    expect(report.items.find((i) => i.code === "1.1")).toMatchObject({ score: 3, numerator: 26, denominator: 28 });
  });
});

describe("where the words cannot tell, DATA_MISSING says so rather than a guess", () => {
  it.each<[string, string]>([
    ["1.2", "Gửi 04 báo cáo"],
    ["1.2", "Gửi đúng hạn 3/4 báo cáo"],
    ["1.2", "Chậm 01 báo cáo quý I, chậm 01 báo cáo quý III"],
    ["1.4", "Kế hoạch 05 ứng dụng"],
    ["1.3", "Chỉ tiêu tỉnh giao 98%"],
    ["1.1", "Hoàn thành 26 nhiệm vụ, chậm 2"],
    ["1.3", "Tiếp nhận 300, giải quyết 300, trễ hạn 2"],
  ])("%s %j", (code, text) => {
    expect(scoreOf(code, { note: text })).toMatchObject({ score: 0, findings: [`DATA_MISSING ${code} Biểu!G2`] });
    expect(declaredData(code === "1.2" || code === "1.4" ? "count" : "ratio", cellsWith({ v: text }, "note"))).toMatchObject({ kind: "missing", address: "G2", inNote: true, unclear: "figures" });
  });

  it("the message says why, in Vietnamese and English", () => {
    const vi = message("DATA_MISSING", { code: "1.2", kind: "count", unclear: "figures", inNote: "yes" }, "vi");
    expect(vi).toContain("không rõ con số nào ở cột ghi chú là số liệu kê khai");
    expect(vi).toContain('"chậm 1 báo cáo"');
    expect(message("DATA_MISSING", { code: "1.3", kind: "ratio", unclear: "figures" }, "en")).toContain("not clear which figure in the data cell");
    expect(message("DATA_MISSING", { code: "1.3", kind: "ratio", unclear: "number" }, "vi")).toContain("0,95 là 95% hay 0,95%");
  });

  it("a scored workbook's finding carries that message, not the generic one", () => {
    const report = score(set, [row("1.2", { note: "Gửi 04 báo cáo", evidence: EV })]);
    expect(report.findings.find((f) => f.criterion === "1.2")!.message).toContain("không rõ con số nào ở cột ghi chú là số liệu kê khai");
  });
});

describe("percent-format mistakes", () => {
  it.each<[string, GridCell, number]>([
    ["95 typed into a %-formatted cell (shown 9500 %) is 95 %", { v: 95, z: "0%" }, 95],
    ["…with decimals", { v: 92.86, z: "0.00%" }, 92.86],
    ["0,92 formatted as % is 92 % (as before)", { v: 0.92, z: "0%" }, 92],
    ["1,2 formatted as % is 120 % (as before)", { v: 1.2, z: "0%" }, 120],
    ["a division's fraction pasted as a value into a General cell", { v: 26 / 28 }, 92.8571428571],
    ["…or typed as text to four decimals", { v: "0,9286" }, 92.86],
    ["a plain number above 1 is a percentage (as before)", { v: 92.86 }, 92.86],
  ])("%s", (_name, cell, percent) => {
    expect(scoreOf("1.1", { data: cell })).toMatchObject({ percent, findings: [] });
  });

  it.each<[string, GridCell]>([
    ["0,95 in a General cell: 95 % pasted, or 0,95 %?", { v: 0.95 }],
    ["1 in a General cell: all of it, or 1 %?", { v: 1 }],
    ["'0,6' typed", { v: "0,6" }],
    ["5 in a %-formatted cell (shown 500 %): 5 % typed, or 500 %?", { v: 5, z: "0%" }],
  ])("%s: DATA_MISSING, never a guess", (_name, cell) => {
    expect(scoreOf("1.1", { data: cell })).toMatchObject({ score: 0, findings: ["DATA_MISSING 1.1 Biểu!D2"] });
    expect(declaredData("ratio", cellsWith(cell, "data"))).toMatchObject({ kind: "missing", address: "D2", unclear: "number" });
  });
});

function cellsWith(cell: GridCell, where: "data" | "note") {
  return where === "data"
    ? { data: { cell, address: "D2" }, rate: {}, note: { cell: undefined, address: "G2" } }
    : { data: { cell: undefined, address: "D2" }, rate: {}, note: { cell, address: "G2" } };
}

describe("a count that earns points counts what was done, on time or not", () => {
  // 1.4 earns a point per app, 1.2 loses one per late report: "đúng hạn" means opposite things there.
  it.each<[string, string, number]>([
    ["1.4", "Triển khai 03 ứng dụng đúng hạn", 3],
    ["1.4", "Triển khai đúng hạn 03 ứng dụng", 3],
    ["1.4", "Đã triển khai đầy đủ 04 ứng dụng, đúng hạn", 4],
    ["1.4", "Ban hành 03 văn bản đúng hạn", 3],
    ["1.4", "Kế hoạch 05 ứng dụng, đã triển khai 03", 3],
    ["1.2", "Đã gửi đủ 04 báo cáo, đúng hạn", 0],
  ])("%s %j is %d", (code, text, count) => {
    expect(scoreOf(code, { note: text })).toMatchObject({ count, findings: [] });
  });
});
