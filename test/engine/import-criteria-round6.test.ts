import { describe, expect, it } from "vitest";
import { importCriteriaSet, parseCriteriaSet, scoreWorkbook, type GridSheet, type ImportCriteriaOptions } from "../../shared/index.ts";

/**
 * The sixth outside round on the importer (a CLI contract tester): a "từ X% trở xuống" band at
 * the bottom of an upward scale, "mỗi 10% … 0,2 điểm" read as a count, a gap between bands
 * filled in silence.
 */
type Value = string | number | null;
const HEADER: Value[] = ["STT", "Lĩnh vực, tiêu chí", "Điểm tối đa", "Phương pháp chấm điểm"];
const OPTIONS: ImportCriteriaOptions = { id: "p-2024", year: 2024, unitType: "commune" };
const XEP_LOAI: Value[] = ["Xếp loại: Tốt: từ 90% trở lên; Khá: từ 80% đến dưới 90%; Trung bình: từ 70% đến dưới 80%; Yếu: dưới 70%"];

/** One field "I" with a leaf per method (1.1, 1.2 …), each worth `max`: the set, the leaves' rules and the notes of leaf n. */
function imported(methods: string[], { max = 2, locale = "vi" as "vi" | "en" } = {}) {
  const rows: Value[][] = [HEADER, ["I", "CHỈ ĐẠO", methods.length * max, null], ...methods.map((m, i) => [String(i + 1), `Tiêu chí ${i + 1}`, max, m]), [], XEP_LOAI];
  const sheet: GridSheet = { name: "QĐ", rows: rows.map((r) => r.map((v) => (v === null ? null : { v }))) };
  const result = importCriteriaSet({ sheets: [sheet] }, { ...OPTIONS, locale });
  if (!result.ok) throw new Error(result.message);
  expect(parseCriteriaSet(result.set).ok).toBe(true);
  const leaves = result.set.items[0]!.children!;
  return {
    set: result.set,
    rules: leaves.map((l) => l.rule),
    notes: (leaf: number) => result.notes.filter((n) => n.criterion === `1.${leaf}`),
  };
}

const noteCodes = (notes: { code: string }[]) => notes.map((n) => n.code);

describe("a 'từ X% trở xuống' band is lower-is-better only when it pays more than the bands above it", () => {
  it.each([
    ["Trên 90%: 2 điểm; từ 90% trở xuống: 0 điểm", [{ above: 90, points: 2 }, { min: 0, points: 0 }]],
    ["Từ 95% trở lên: 2 điểm; trên 80% đến dưới 95%: 1 điểm; từ 80% trở xuống: 0 điểm", [{ min: 95, points: 2 }, { above: 80, points: 1 }, { min: 0, points: 0 }]],
    ["Trên 80% đến dưới 95%: 1 điểm; từ 95% trở lên: 2 điểm; từ 80% trở xuống: 0 điểm", [{ min: 95, points: 2 }, { above: 80, points: 1 }, { min: 0, points: 0 }]],
    ["Trên 90%: 2 điểm; 90% trở xuống: 0 điểm", [{ above: 90, points: 2 }, { min: 0, points: 0 }]],
    ["Trên 90%: 2 điểm; không quá 90%: 0 điểm", [{ above: 90, points: 2 }, { min: 0, points: 0 }]],
    ["Trên 90%: 2 điểm; từ 50% đến 90%: 1 điểm; từ 50% trở xuống: 0,5 điểm", [{ above: 90, points: 2 }, { min: 50, points: 1 }, { min: 0, points: 0.5 }]],
    ["Tỷ lệ hoàn thành trên 90%: 2 điểm\nTỷ lệ hoàn thành từ 90% trở xuống: không có điểm", [{ above: 90, points: 2 }, { min: 0, points: 0 }]],
  ])("%j is an upward scale", (method, bands) => {
    const { rules, notes } = imported([method]);
    expect(rules[0]).toEqual({ kind: "ratio", bands });
    expect(noteCodes(notes(1))).toEqual([]);
  });

  it("reads the band where both ends meet ('từ 70% đến dưới 90%' over 'từ 70% trở xuống') without leaving a clause unused", () => {
    const { rules, notes } = imported(["Từ 90% trở lên: 2 điểm; từ 70% đến dưới 90%: 1 điểm; từ 70% trở xuống: 0 điểm"]);
    expect(rules[0]).toEqual({ kind: "ratio", bands: [{ min: 90, points: 2 }, { min: 70, points: 1 }, { min: 0, points: 0 }] });
    expect(noteCodes(notes(1))).toEqual([]);
  });

  it("scores the tester's upward scale: 95 % gets 2 points, 90 % none", () => {
    const { set } = imported(["Trên 90%: 2 điểm; từ 90% trở xuống: 0 điểm", "Từ 95% trở lên: 2 điểm; trên 80% đến dưới 95%: 1 điểm; từ 80% trở xuống: 0 điểm"]);
    const rows = [["STT", "Tiêu chí", "Điểm tối đa", "Điểm tự chấm", "Tỷ lệ %"], ["I", "CHỈ ĐẠO", 4, null, null], ["1", "Tiêu chí 1", 2, null, "90%"], ["2", "Tiêu chí 2", 2, null, "85%"]];
    const sheet: GridSheet = { name: "Tự chấm", rows: rows.map((r) => r.map((v) => (v === null ? null : { v }))) };
    const report = scoreWorkbook({ sheets: [sheet] }, set);
    expect(report.items.filter((i) => i.code !== "1").map((i) => [i.code, i.score])).toEqual([["1.1", 0], ["1.2", 1]]);
  });

  it.each([
    ["Tỷ lệ trễ hạn từ 5% trở xuống: 2 điểm; trên 5% đến 10%: 1 điểm; trên 10%: 0 điểm", 2],
    ["Dưới 5% hồ sơ trễ hạn: 2 điểm; từ 5% đến 10%: 1 điểm; trên 10%: 0 điểm", 2],
    ["Trễ hạn không quá 5%: 2 điểm; trên 5%: 0 điểm", 2],
    ["Tỷ lệ hồ sơ trễ hạn từ 5% trở xuống: 1 điểm", 1],
    ["Tỷ lệ hồ sơ trễ hạn dưới 5%: 1 điểm", 1],
  ])("%j still gives more points to a lower rate: manual, noted", (method, max) => {
    const { rules, notes } = imported([method], { max });
    expect(rules[0]).toEqual({ kind: "manual", step: 0.25 });
    expect(noteCodes(notes(1))).toEqual(["RATE_LOWER_IS_BETTER"]);
  });
});

describe("'mỗi 10% … 0,2 điểm' is a step of a rate, never a count", () => {
  it.each([
    "Mỗi 10% hoàn thành được 0,2 điểm",
    "Cứ 10% hoàn thành được 0,2 điểm",
    "Mỗi 1% hoàn thành được 0,02 điểm",
    "Cứ mỗi 10% được 0,2 điểm",
    "Cứ đạt 10% thì được 0,2 điểm",
    "Mỗi 10% kế hoạch được giao hoàn thành: 0,2 điểm",
    "Được 0,2 điểm cho mỗi 10% nhiệm vụ hoàn thành",
    "Tỷ lệ hoàn thành: mỗi 10% được 0,2đ",
  ])("%j on a 2-point item is proportional (2 points at 100 %)", (method) => {
    const { rules, notes } = imported([method]);
    expect(rules[0]).toEqual({ kind: "ratio", proportional: true });
    expect(noteCodes(notes(1))).toEqual([]);
  });

  it("'Mỗi 10% … 0,3 điểm' on a 2-point item does not land on the max: manual, noted PERCENT_STEP_MANUAL", () => {
    const { rules, notes } = imported(["Mỗi 10% hoàn thành được 0,3 điểm"]);
    expect(rules[0]).toEqual({ kind: "manual", step: 0.25 });
    expect(noteCodes(notes(1))).toEqual(["PERCENT_STEP_MANUAL"]);
  });

  it("a count stays a count, and 'mỗi 1% giảm trừ 0,2 điểm' a drop", () => {
    const { rules, notes } = imported(["Mỗi ứng dụng được đưa vào sử dụng được 0,5 điểm, tối đa 2 điểm", "Mỗi báo cáo chậm trừ 0,5 điểm", "Mỗi 1% giảm trừ 0,2 điểm", "Mỗi quý báo cáo đúng hạn: 0,5 điểm"]);
    expect(rules.slice(0, 3)).toEqual([{ kind: "count", each: 0.5, base: 0 }, { kind: "count", each: -0.5, base: 2 }, { kind: "manual", step: 0.05 }]);
    expect(noteCodes(notes(3))).toEqual(["PERCENT_DROP_MANUAL"]);
  });

  it("scores a unit declaring 90 % under 'Mỗi 10% hoàn thành được 0,2 điểm': 1,8 points, no DATA_MISSING", () => {
    const { set } = imported(["Mỗi 10% hoàn thành được 0,2 điểm"]);
    const rows = [["STT", "Tiêu chí", "Điểm tối đa", "Điểm tự chấm", "Tỷ lệ %"], ["I", "CHỈ ĐẠO", 2, null, null], ["1", "Tiêu chí 1", 2, null, "90%"]];
    const sheet: GridSheet = { name: "Tự chấm", rows: rows.map((r) => r.map((v) => (v === null ? null : { v }))) };
    const report = scoreWorkbook({ sheets: [sheet] }, set);
    expect(report.items.find((i) => i.code === "1.1")?.score).toBe(1.8);
    expect(report.findings.map((f) => f.code)).not.toContain("DATA_MISSING");
  });
});

describe("a gap between rate bands is never filled in silence", () => {
  it("'Từ 90% trở lên: 2 điểm; từ 50% đến dưới 80%: 1 điểm' leaves 80–<90 % unsaid: manual, noted at the method cell", () => {
    const { rules, notes } = imported(["Từ 90% trở lên: 2 điểm; từ 50% đến dưới 80%: 1 điểm"]);
    expect(rules[0]).toEqual({ kind: "manual", step: 0.25 });
    const gap = notes(1).find((n) => n.code === "BANDS_GAP");
    expect(gap?.cell).toBe("QĐ!D3");
    expect(gap?.message).toContain("từ 80% đến dưới 90%");
    expect(gap?.message).toContain("để chấm tự do");
  });

  it("says it in English with --lang en, and writes the bands' other figures with decimal commas in Vietnamese", () => {
    const en = imported(["Từ 90% trở lên: 2 điểm; từ 50% đến dưới 80%: 1 điểm"], { locale: "en" });
    expect(en.notes(1).find((n) => n.code === "BANDS_GAP")?.message).toContain("from 80% to below 90%");
    const vi = imported(["Trên 92,5%: 2 điểm; từ 50% đến 80,5%: 1 điểm; dưới 50%: 0 điểm"]);
    expect(vi.notes(1).find((n) => n.code === "BANDS_GAP")?.message).toContain("trên 80,5% đến 92,5%");
  });

  it.each([
    ["Từ 90% trở lên: 2 điểm; từ 50% đến dưới 80%: 1 điểm; dưới 50%: 0 điểm", "từ 80% đến dưới 90%"],
    ["Trên 90%: 2 điểm; từ 50% đến 80%: 1 điểm; không thực hiện: 0 điểm", "trên 80% đến 90%"],
    ["Từ 50% đến dưới 80%: 1 điểm; dưới 50%: 0 điểm", "từ 80% đến 100%"],
    ["Từ 90% trở lên: 2 điểm; từ 70% đến dưới 80%: 1 điểm; từ 30% đến dưới 50%: 0,5 điểm", "từ 50% đến dưới 70%"],
  ])("%j: the gap %j is noted, the leaf manual", (method, gap) => {
    const { rules, notes } = imported([method]);
    expect(rules[0]).toMatchObject({ kind: "manual" });
    expect(notes(1).filter((n) => n.code === "BANDS_GAP").map((n) => n.message).join(" ")).toContain(gap);
  });

  it.each([
    ["Từ 90% trở lên: 2 điểm; từ 70% đến dưới 90%: 1 điểm; dưới 70%: 0 điểm", [{ min: 90, points: 2 }, { min: 70, points: 1 }, { min: 0, points: 0 }]],
    ["> 90%: 2 điểm; 70% - 90%: 1 điểm; dưới 70%: 0 điểm", [{ above: 90, points: 2 }, { min: 70, points: 1 }, { min: 0, points: 0 }]],
    ["Đạt 100%: 2 điểm; đạt từ 90% đến dưới 100%: 1,5 điểm; còn lại: 0 điểm", [{ min: 100, points: 2 }, { min: 90, points: 1.5 }, { min: 0, points: 0 }]],
    ["Thực hiện trên 90% kế hoạch: 2 điểm; từ 70% - 90%: 1 điểm; dưới 70%: 0 điểm", [{ above: 90, points: 2 }, { min: 70, points: 1 }, { min: 0, points: 0 }]],
    ["Từ 90% trở lên: 2 điểm; từ 50%: 1 điểm; dưới 50%: 0 điểm", [{ min: 90, points: 2 }, { min: 50, points: 1 }, { min: 0, points: 0 }]],
    ["Từ 90% trở lên: 2 điểm; từ 50% đến dưới 90%: 1 điểm", [{ min: 90, points: 2 }, { min: 50, points: 1 }]],
    ["Từ 90% đến 100%: 2 điểm; từ 70% đến dưới 90%: 1 điểm; dưới 70%: 0 điểm", [{ min: 90, points: 2 }, { min: 70, points: 1 }, { min: 0, points: 0 }]],
    // Nothing is said of exactly 90 % ("trên", "dưới"), as Hà Nội's decision writes it: 90 % is not above 90, the band below pays.
    ["Trên 90%: 2 điểm; từ 70% đến dưới 90%: 1 điểm; dưới 70%: 0 điểm", [{ above: 90, points: 2 }, { min: 70, points: 1 }, { min: 0, points: 0 }]],
    ["Từ 80% đến dưới 100%: 1 điểm; dưới 80%: 0 điểm; đạt 100%: 2 điểm", [{ min: 100, points: 2 }, { min: 80, points: 1 }, { min: 0, points: 0 }]],
    // Counted in whole percents: 89 % then 90 % leave nothing out that the decision meant to.
    ["Từ 90% đến 100%: 2 điểm; từ 70% đến 89%: 1 điểm; từ 0% đến 69%: 0 điểm", [{ min: 90, points: 2 }, { min: 70, points: 1 }, { min: 0, points: 0 }]],
    ["Từ 90% trở lên: 2 điểm; từ 70% đến 89,9%: 1 điểm", [{ min: 90, points: 2 }, { min: 70, points: 1 }]],
  ])("%j covers every rate from its lowest band up: bands, no gap noted", (method, bands) => {
    const { rules, notes } = imported([method]);
    expect(rules[0]).toEqual({ kind: "ratio", bands });
    expect(noteCodes(notes(1))).not.toContain("BANDS_GAP");
  });
});
