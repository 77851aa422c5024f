import { describe, expect, it } from "vitest";
import { OWN_SHEET_NAMES } from "../src/sheet-ownership.ts";
import { formatStamp } from "../src/format.ts";
import { analysisSheet, CHART_TOP, historySheet, trendSheet } from "../src/insight-rows.ts";
import { displayRows, excelDate, layoutOwnSheet, withFreeTableNames } from "../src/own-sheet.ts";
import { registerSheet } from "../src/register-rows.ts";
import { analysis, history, merged, provinceRegister, trend } from "./insight-fixtures.ts";

const now = new Date(2025, 0, 15, 8, 5);

describe("insight sheet names", () => {
  it("are own sheets of their own kind, with valid Excel names; each builder writes its own", () => {
    const specs = [analysisSheet(analysis, "vi", now), historySheet(history, "vi", now), trendSheet(trend, "vi", now), registerSheet(provinceRegister(), "vi", now)];
    expect(specs.map((s) => s.role)).toEqual(["analysis", "history", "trend", "register"]);
    for (const s of specs) for (const t of s.tables) expect(t.name).toMatch(/^[A-Za-z_][A-Za-z0-9_]*$/);
    expect(specs.map((s) => OWN_SHEET_NAMES[s.role])).toEqual(["CCHC Phân tích", "CCHC Diễn biến", "CCHC Xu hướng", "CCHC Tài liệu KC"]);
  });
});

describe("analysisSheet", () => {
  const spec = analysisSheet(analysis, "vi", now);
  const [items, fields] = spec.tables;

  it("lists every weak criterion in the API's order, share lost recomputed from points lost", () => {
    expect(items!.rows.map((r) => r[0])).toEqual(analysis.items.map((i) => i.code));
    expect(items!.columns.map((c) => c.header)).toEqual(["Mã tiêu chí", "Tỷ lệ điểm mất (%)", "Tên tiêu chí", "Lĩnh vực", "Điểm tối đa", "Số đơn vị được chấm", "Số đơn vị mất điểm", "Tổng điểm mất", "Đơn vị điểm thấp nhất (điểm)"]);
    analysis.items.forEach((i, k) => {
      const row = items!.rows[k]!;
      expect(row[1]).toBeCloseTo((100 * i.pointsLost) / (i.max * i.unitsScored), 1);
      expect(row.slice(4, 8)).toEqual([i.max, i.unitsScored, i.unitsLosing, i.pointsLost]);
    });
    const first = items!.rows[0]!;
    expect(first).toEqual([
      "7.1.1",
      80,
      "Hài lòng về tiếp cận dịch vụ tại Bộ phận Một cửa (điều tra xã hội học)",
      "7. Tác động của cải cách hành chính đến người dân, tổ chức (điều tra xã hội học)",
      5,
      4,
      4,
      16,
      "Thị trấn An Bình (0); Xã An Phú (0); Xã Bình Hòa (0); Xã An Lộc (4)",
    ]);
    const decimal = analysis.items.flatMap((i) => i.worstUnits).find((w) => !Number.isInteger(w.score));
    if (decimal) expect(items!.rows.map((r) => r[8]).join()).toContain(`(${String(decimal.score).replace(".", ",")})`);
  });

  it("gives each field's spread, and charts the share lost of the top criteria as bars, top-down", () => {
    expect(fields!.rows).toEqual(analysis.fields.map((f) => [f.code, f.title, f.units, f.min, f.p25, f.median, f.p75, f.max, f.mean]));
    for (const f of analysis.fields) expect(f.min <= f.p25 && f.p25 <= f.median && f.median <= f.p75 && f.p75 <= f.max).toBe(true);
    const layout = layoutOwnSheet(spec);
    const header = 4 + spec.notes.length; // title, notes, blank, caption → header row (1-based)
    expect(layout.charts).toEqual([{ type: "BarClustered", source: `A${header}:B${header + CHART_TOP}`, anchor: `K${header - 1}`, title: "Tỷ lệ điểm mất (%) — 15 tiêu chí yếu nhất", series: 1, reverseCategories: true }]);
    expect(layout.tables.map((t) => t.name)).toEqual(["PhanTich_TieuChi", "PhanTich_LinhVuc"]);
    expect(layout.tables[0]!.address).toBe(`A${header}:I${header + analysis.items.length}`);
    expect(layout.rows[header - 1]![0]).toBe("Mã tiêu chí");
    expect(layout.rows[0]![0]).toBe("PHÂN TÍCH TIÊU CHÍ MẤT ĐIỂM — KỲ ĐÁNH GIÁ NĂM 2024, CẤP XÃ");
    expect(spec.notes).toContain("Tạo bởi Chỉ số CCHC lúc 15/01/2025 08:05");
  });

  it("says so instead of drawing empty tables when nobody submitted; English headers second", () => {
    const empty = layoutOwnSheet(analysisSheet({ ...analysis, units: 0, items: [], fields: [] }, "vi", now));
    expect(empty.tables).toEqual([]);
    expect(empty.charts).toEqual([]);
    expect(empty.rows.flat()).toContain("Chưa có đơn vị nào nộp.");
    expect(analysisSheet(analysis, "en", now).tables[0]!.columns[1]!.header).toBe("Share lost (%)");
  });
});

describe("historySheet", () => {
  const spec = historySheet(history, "vi", now);
  const [years, criteria, unmapped] = spec.tables;

  it("one row per year: index, the newest set's field sub-indices, band, rank of, period, set, basis", () => {
    expect(years!.columns.map((c) => c.header).slice(0, 3)).toEqual(["Năm", "Chỉ số (%)", "1. Công tác chỉ đạo, điều hành cải cách hành chính (%)"]);
    expect(years!.rows[0]).toEqual(["2022", 64, 16.67, 50, 52.5, 83.33, 66.67, 90, 60.42, "Trung bình", 7, 10, "2022-commune", "demo-commune-2022 v1", "Số liệu của đơn vị"]);
    expect(years!.rows.map((r) => r[0])).toEqual(["2022", "2023", "2024"]);
    const layout = layoutOwnSheet(spec);
    const header = 4 + spec.notes.length;
    // Year (text, so Excel takes it as categories), index and the seven fields: one block.
    expect(layout.charts[0]).toMatchObject({ type: "LineMarkers", source: `A${header}:I${header + 3}`, series: 8 });
  });

  it("scores every criterion of the newest set per year, notes other maxes and the codes that left the set", () => {
    expect(criteria!.columns.map((c) => c.header).slice(4)).toEqual(["Năm 2022", "Năm 2023", "Năm 2024", "Điểm tối đa khác ở năm"]);
    expect(criteria!.rows.map((r) => r[0])).toEqual(history.criteria.map((c) => c.code));
    history.criteria.forEach((c, k) => history.years.forEach((y, j) => expect(criteria!.rows[k]![4 + j]).toBe(y.items[c.code]?.score ?? "")));
    expect(criteria!.rows.find((r) => r[0] === "6.1.1")!.at(-1)).toBe("2022: 6; 2023: 6");
    expect(criteria!.rows.find((r) => r[0] === "1.1.1")!.at(-1)).toBe("");
    expect(unmapped!.rows).toEqual([
      ["2022", "demo-commune-2022 v1", "4.4"],
      ["2023", "demo-commune-2023 v1", "4.4"],
    ]);
  });

  it("a unit formed by a merge: predecessors named, no criteria table, no rank", () => {
    const m = historySheet(merged, "vi", now);
    expect(m.tables[0]!.rows[0]!.at(-1)).toBe("Bình quân các đơn vị trước sáp nhập: Xã An Lộc, Xã An Phú");
    expect(m.tables[0]!.rows[0]![10]).toBe("");
    const layout = layoutOwnSheet(m);
    expect(layout.tables.map((t) => t.name)).toEqual(["DienBien_Nam", "DienBien_MaCu"]);
    expect(layout.rows.flat()).toContain("Không có điểm tiêu chí nào (chỉ có năm tính theo các đơn vị trước sáp nhập).");
  });
});

describe("trendSheet", () => {
  it("band counts per year (best band first) add up to the submitted units; stacked columns over year and bands", () => {
    const spec = trendSheet(trend, "vi", now);
    const t = spec.tables[0]!;
    expect(t.columns.map((c) => c.header)).toEqual(["Năm", "Xuất sắc", "Tốt", "Khá", "Trung bình", "Yếu", "Đã nộp", "Số đơn vị", "Chỉ số bình quân (%)", "Kỳ đánh giá"]);
    expect(t.rows[2]).toEqual(["2024", 1, 0, 3, 0, 0, 4, 4, 77.69, "2024-commune-demo"]);
    for (const row of t.rows) expect((row.slice(1, 6) as number[]).reduce((a, b) => a + b, 0)).toBe(row[6]);
    const layout = layoutOwnSheet(spec);
    expect(layout.charts).toEqual([{ type: "ColumnStacked", source: "A5:F8", anchor: "L4", title: "Số đơn vị theo xếp loại qua các năm", series: 5, reverseCategories: false }]);
    expect(layout.freezeRows).toBe(5);
  });

  it("is titled by the level its years are of, or by the period where a server did not say it", () => {
    expect(layoutOwnSheet(trendSheet(trend, "vi", now)).rows[0]![0]).toBe("XU HƯỚNG XẾP LOẠI QUA CÁC NĂM — CÁC ĐƠN VỊ CẤP XÃ");
    expect(layoutOwnSheet(trendSheet(trend, "en", now)).rows[0]![0]).toBe("BAND TREND — COMMUNE LEVEL UNITS");
    expect(layoutOwnSheet(trendSheet({ ...trend, unitType: undefined }, "vi", now)).rows[0]![0]).toBe("XU HƯỚNG XẾP LOẠI QUA CÁC NĂM — CÙNG CẤP ĐƠN VỊ VỚI KỲ 2024-commune-demo");
  });
});

describe("registerSheet", () => {
  const register = provinceRegister();

  it("one row per document: dates as Excel dates shown dd/mm/yyyy, citing criteria and cells, the two flags as columns", () => {
    const spec = registerSheet(register, "vi", now);
    const t = spec.tables[0]!;
    expect(t.rows).toHaveLength(register.documents.length);
    const k = register.documents.findIndex((d) => d.flags.includes("OUT_OF_PERIOD"));
    const old = register.documents[k]!;
    const row = t.rows[k]!;
    expect(row.slice(0, 4)).toEqual([k + 1, "Kế hoạch", "307/KH-MTTQ-BTT", "2022-09-09"]);
    expect(row[5]).toBe(old.criteria.join(", "));
    expect(row[6]).toBe("Tự đánh giá!F28");
    expect(row[8]).toBe("Có");
    const layout = layoutOwnSheet(spec);
    const header = 4 + spec.notes.length;
    expect(layout.rows[header + k]![3]).toBe(excelDate("2022-09-09"));
    expect(excelDate("2022-09-09")).toBe(44813); // =DATE(2022,9,9) in Excel
    expect(layout.tables[0]!.formats[3]!.format).toBe("dd/mm/yyyy");
    expect(displayRows(spec, "vi")[header + k]![3]).toBe("09/09/2022");
    expect(layout.freezeRows).toBe(header);
    const unrecognised = t.rows.filter((r) => String(r[9]).includes("Không nhận ra"));
    expect(unrecognised).toHaveLength(register.counts.UNRECOGNISED);
  });
});

describe("layoutOwnSheet", () => {
  it("keeps text that Excel would read as a formula, and codes, as text", () => {
    const spec = { role: "analysis" as const, title: "t", notes: ["=cmd|' /C calc'!A0"], freezeHeader: false, charts: [], tables: [{ name: "T", caption: "c", empty: "", columns: [{ header: "Mã", format: "text" as const }, { header: "n", format: "decimal" as const }], rows: [["1.10", 1.5], ["+84 912", 2], ["@SUM(A1)", -1]] }] };
    const layout = layoutOwnSheet(spec);
    expect(layout.rows.map((r) => r[0])).toEqual(["t", "'=cmd|' /C calc'!A0", "", "c", "Mã", "1.10", "'+84 912", "'@SUM(A1)", ""]);
    expect(layout.rows[7]![1]).toBe(-1);
    expect(layout.tables[0]!.formats.map((f) => f.format)).toEqual(["@", "0.00"]);
    expect(displayRows(spec, "vi")[5]).toEqual(["1.10", "1,5"]);
  });

  it("renames a table whose name is taken elsewhere in the workbook (a kept copy of the sheet)", () => {
    const layout = layoutOwnSheet(analysisSheet(analysis, "vi", now));
    expect(withFreeTableNames(layout, ["phantich_tieuchi", "Other"]).tables.map((t) => t.name)).toEqual(["PhanTich_TieuChi_2", "PhanTich_LinhVuc"]);
    expect(withFreeTableNames(layout, ["PhanTich_TieuChi", "PhanTich_TieuChi_2"]).tables[0]!.name).toBe("PhanTich_TieuChi_3");
  });

  it("stamps dd/mm/yyyy hh:mm", () => {
    expect(formatStamp(new Date(2024, 11, 3, 17, 0))).toBe("03/12/2024 17:00");
  });
});
