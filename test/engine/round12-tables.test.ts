import { afterEach, describe, expect, it, vi } from "vitest";
import * as XLSX from "@e965/xlsx";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { readWorkbookBytes } from "../../xlsx/sheetjs-grid.ts";
import { indexCriteria, scoreWorkbook, type GridCell, type GridSheet } from "../../shared/index.ts";
import { findHeader } from "../../shared/locate-table.ts";
import { loadFixtureGrid, loadFixtureSet } from "../../fixtures/load-fixture.ts";
import { COLUMNS, EV, score, setOf, type Cell } from "./v2-helpers.ts";

/**
 * Round-12 red-team findings on which table is scored and what the heading says of the unit:
 * a revised copy of the table ("TĐG 2024 lần 2") lost to the original with only an info, one
 * sheet per old commune was advised to be deleted, and a phòng or a ban headed under its
 * people's committee was told its set was another level's.
 */
const set = loadFixtureSet("demo-province-2024");
const grid = loadFixtureGrid("province-clean");
const sheet = grid.sheets.find((s) => findHeader(s)?.columns.self !== undefined)!;
const header = findHeader(sheet)!;
const self = header.columns.self!;
const CLEAN = scoreWorkbook(grid, set).total;
const top = header.headerTop + 1;
const leaves = new Set(indexCriteria(set).leaves.map((l) => l.code));

/** The table under another tab with the self-scores of its first `n` leaves lowered by 1 (the earlier version). */
function lowered(name: string, n = 2): GridSheet {
  let left = n;
  const rows = sheet.rows.map((row, r) => {
    const v = row[self]?.v;
    if (r <= header.headerBottom || typeof v !== "number" || v < 1 || left === 0 || !leaves.has(String(row[header.columns.code!]?.v ?? ""))) return row;
    left--;
    return Object.assign([...row], { [self]: { v: v - 1 } });
  });
  return { ...sheet, name, rows };
}
const named = (name: string): GridSheet => ({ ...sheet, name });
const codes = (report: ReturnType<typeof scoreWorkbook>, code: string) => report.findings.filter((f) => f.code === code);

describe("a revised copy of the table", () => {
  it("a tab named as a revision is scored over the original, after it or before it, and the unit is told which and why", () => {
    for (const name of ["TĐG 2024 lần 2", "TĐG 2024 (bổ sung)", "Sau giải trình", "TĐG 2024 điều chỉnh", "Bản sửa đổi", "TĐG cập nhật", "Tự đánh giá - sau giải trình lần 2"]) {
      for (const sheets of [[lowered("TĐG 2024"), named(name)], [named(name), lowered("TĐG 2024")]]) {
        const report = scoreWorkbook({ sheets }, set);
        expect(report.sheets, name).toEqual([name]);
        expect(report.total).toBe(CLEAN);
        const differ = codes(report, "TABLES_DIFFER");
        expect(differ).toHaveLength(1);
        expect(differ[0]).toMatchObject({ severity: "warning" });
        expect(differ[0]!.message).toContain("khác nhau ở 2 tiêu chí");
        expect(differ[0]!.message).toContain("vì tên trang ghi là bản sửa đổi, bổ sung");
        const skipped = codes(report, "TABLE_SKIPPED");
        expect(skipped.map((f) => f.cell)).toEqual([`'TĐG 2024'!A${top}`]);
        expect(skipped[0]!.message).toContain(`tên trang "${name}" ghi là bản sửa đổi, bổ sung`);
        expect(skipped[0]!.message).not.toContain("TĐG 2023");
      }
    }
  });

  it("the later round wins between rounds; 'lần 1' is the original", () => {
    const report = scoreWorkbook({ sheets: [named("TĐG lần 3"), lowered("TĐG lần 2")] }, set);
    expect(report.sheets).toEqual(["TĐG lần 3"]);
    expect(scoreWorkbook({ sheets: [lowered("TĐG lần 1"), named("TĐG lần 2")] }, set).sheets).toEqual(["TĐG lần 2"]);
  });

  it("a revision is not preferred when it names another year, is a draft, is blank, or holds only the few criteria it changed", () => {
    // Last year's revision beside this year's table.
    expect(scoreWorkbook({ sheets: [named("TĐG 2024"), lowered("TĐG 2023 điều chỉnh")] }, set).sheets).toEqual(["TĐG 2024"]);
    expect(scoreWorkbook({ sheets: [named("TĐG 2024"), lowered("Bản nháp bổ sung")] }, set).sheets).toEqual(["TĐG 2024"]);
    // The province's updated template, nothing typed.
    const blank = { ...sheet, name: "Mẫu (cập nhật)", rows: sheet.rows.map((row, r) => (r > header.headerBottom && row[self] ? Object.assign([...row], { [self]: null }) : row)) };
    expect(scoreWorkbook({ sheets: [named("Tự đánh giá"), blank] }, set).sheets).toEqual(["Tự đánh giá"]);
    // A "bổ sung" sheet with three rows: scoring it alone would lose every other criterion.
    const few = { ...sheet, name: "Bổ sung", rows: sheet.rows.filter((row, r) => r <= header.headerBottom + 6) };
    const report = scoreWorkbook({ sheets: [named("Tự đánh giá"), few] }, set);
    expect(report.sheets).toEqual(["Tự đánh giá"]);
    expect(report.total).toBe(CLEAN);
  });

  it("Excel's own copy name 'TĐG 2024 (2)' is no revision: the first sheet is scored, and a warning says the two differ and why that one", () => {
    const report = scoreWorkbook({ sheets: [lowered("TĐG 2024"), named("TĐG 2024 (2)")] }, set);
    expect(report.sheets).toEqual(["TĐG 2024"]);
    const differ = codes(report, "TABLES_DIFFER");
    expect(differ).toHaveLength(1);
    expect(differ[0]!.cell).toBe(`'TĐG 2024'!A${top}`);
    expect(differ[0]!.message).toContain(`"TĐG 2024 (2)" là tên Excel tự đặt khi sao chép trang`);
    expect(differ[0]!.message).toContain(`Nếu trang "TĐG 2024 (2)" mới là bản đúng, hãy xóa trang "TĐG 2024" khỏi tệp`);
    const en = scoreWorkbook({ sheets: [lowered("TĐG 2024"), named("TĐG 2024 (2)")] }, set, { locale: "en" });
    expect(codes(en, "TABLES_DIFFER")[0]!.message).toContain("the name Excel gives a copied sheet");
  });

  it("two copies that score alike give no warning, only the info on the one left out; nor does a draft or a hidden sheet losing", () => {
    const report = scoreWorkbook({ sheets: [named("TĐG 2024"), named("TĐG 2024 (2)")] }, set);
    expect(codes(report, "TABLES_DIFFER")).toEqual([]);
    expect(codes(report, "TABLE_SKIPPED")).toHaveLength(1);
    for (const sheets of [[lowered("Bản nháp"), named("TĐG 2024")], [{ ...lowered("TĐG"), hidden: true }, named("Tự đánh giá")]]) {
      const draft = scoreWorkbook({ sheets }, set);
      expect(draft.total).toBe(CLEAN);
      expect(codes(draft, "TABLES_DIFFER")).toEqual([]);
      expect(codes(draft, "TABLE_SKIPPED")).toHaveLength(1);
    }
  });
});

describe("one sheet per unit (the old communes of a 2025 merger)", () => {
  /** The table under `tab`, its heading naming the district and then the commune. */
  const commune = (tab: string, unit: string, from: GridSheet = sheet): GridSheet => {
    const rows = from.rows.map((row, r) => (r === 0 ? [{ v: "UBND HUYỆN MINH HỌA" }] : r === 1 ? [unit ? { v: unit } : null] : r < header.headerTop ? [] : row));
    return { ...from, name: tab, rows };
  };

  it("says the file holds several units' tables, which one was scored, and that each unit submits its own — never to delete or rename one", () => {
    const report = scoreWorkbook({ sheets: [commune("Xã An Phú", "UBND XÃ AN PHÚ"), commune("Xã Bình Hòa", "UBND XÃ BÌNH HÒA", lowered("x"))] }, set);
    expect(report.sheets).toEqual(["Xã An Phú"]);
    const differ = codes(report, "TABLES_DIFFER");
    expect(differ).toHaveLength(1);
    expect(differ[0]!.message).toContain("bảng tự đánh giá của nhiều đơn vị: UBND XÃ AN PHÚ (trang \"Xã An Phú\") và UBND XÃ BÌNH HÒA (trang \"Xã Bình Hòa\")");
    expect(differ[0]!.message).toContain("Mỗi đơn vị nộp bảng tự đánh giá của mình");
    expect(differ[0]!.message).toContain("không phải của đơn vị hình thành sau sáp nhập");
    // In English the other unit's sheet is a "sheet", never a "trang".
    const en = codes(scoreWorkbook({ sheets: [commune("Xã An Phú", "UBND XÃ AN PHÚ"), commune("Xã Bình Hòa", "UBND XÃ BÌNH HÒA", lowered("x"))] }, set, { locale: "en" }), "TABLES_DIFFER");
    expect(en[0]!.message).toContain('UBND XÃ AN PHÚ (sheet "Xã An Phú") and UBND XÃ BÌNH HÒA (sheet "Xã Bình Hòa")');
    const skipped = codes(report, "TABLE_SKIPPED");
    expect(skipped[0]!.message).toContain("là bảng tự đánh giá của UBND XÃ BÌNH HÒA");
    expect(skipped[0]!.message).not.toMatch(/xóa|TĐG 2023/);
  });

  it("the tabs alone name the units when the headings do not; one unit's two spellings are one unit", () => {
    const byTab = scoreWorkbook({ sheets: [commune("Phường 1", ""), commune("Phường 2", "")] }, set);
    expect(codes(byTab, "TABLES_DIFFER")[0]?.message).toContain("nhiều đơn vị");
    const same = scoreWorkbook({ sheets: [commune("TĐG", "UBND XÃ AN PHÚ"), commune("TĐG (2)", "Ủy ban nhân dân xã An Phú")] }, set);
    expect(codes(same, "TABLES_DIFFER")).toEqual([]);
  });
});

describe("WRONG_CRITERIA_SET reads the unit's own heading line", () => {
  const items = [
    { code: "1.1", title: "Ban hành kế hoạch", max: 2 },
    { code: "1.2", title: "Báo cáo định kỳ", max: 2 },
    { code: "1.3", title: "Kiểm tra", max: 2 },
  ];
  const cell = (v: Cell): GridCell | null => (v === null || v === undefined ? null : typeof v === "object" ? v : { v });
  // Last year's form: other maxima (3, 3, 1) for the same codes — MAX_MISMATCH three times.
  const workbook = (heading: string[]) => ({
    sheets: [{ name: "TĐG", merges: [], rows: [...heading.map((h) => [h]), [], COLUMNS, ["1", "Lĩnh vực 1", 7], ["1.1", "Ban hành kế hoạch", 3, null, 2, EV], ["1.2", "Báo cáo định kỳ", 3, null, 2, EV], ["1.3", "Kiểm tra", 1, null, 1, EV]].map((r) => (r as Cell[]).map(cell)) }],
  });
  const wrongSet = (heading: string[], unitType: "department" | "district" | "province" | "commune") =>
    codes(scoreWorkbook(workbook(heading), { ...setOf(items), unitType }), "WRONG_CRITERIA_SET");

  it("a phòng under its district's committee, checked with a set for phòng (unit type department), is not told it is a district's", () => {
    expect(wrongSet(["UBND QUẬN BA ĐÌNH", "PHÒNG NỘI VỤ", "BẢNG TỰ ĐÁNH GIÁ CHỈ SỐ CCHC NĂM 2024"], "department")).toEqual([]);
    expect(wrongSet(["UBND HUYỆN GIA LÂM", "Phòng Tài chính - Kế hoạch"], "department")).toEqual([]);
  });

  it("departments not named Sở, under the province's committee, are department-level units", () => {
    for (const unit of ["BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP", "THANH TRA TỈNH", "VĂN PHÒNG ỦY BAN NHÂN DÂN TỈNH", "Ban Dân tộc", "Đài Phát thanh và Truyền hình", "SỞ TƯ PHÁP"]) {
      expect(wrongSet(["UBND TỈNH MINH HỌA", unit, "BẢNG TỰ ĐÁNH GIÁ CHỈ SỐ CCHC NĂM 2024"], "department"), unit).toEqual([]);
    }
  });

  it("the province's own table, the commune's under its district, and a phòng checked with the district set are still told", () => {
    expect(wrongSet(["UBND TỈNH MINH HỌA", "BẢNG TỰ ĐÁNH GIÁ"], "department")[0]?.message).toContain("cấp tỉnh");
    expect(wrongSet(["UBND HUYỆN AN BÌNH", "UBND XÃ TÂN AN"], "district")[0]?.message).toContain("bảng của đơn vị cấp xã");
    const phong = wrongSet(["UBND QUẬN BA ĐÌNH", "PHÒNG NỘI VỤ"], "district")[0]?.message;
    expect(phong).toContain(`tiêu đề ghi đơn vị "PHÒNG NỘI VỤ"`);
  });

  it("lines that open with the same words are no unit: 'Ban hành kèm theo …', 'phòng, chống …', 'Số: …'", () => {
    expect(wrongSet(["UBND HUYỆN AN BÌNH", "Ban hành kèm theo Quyết định số 12/QĐ-UBND"], "district")).toEqual([]);
    expect(wrongSet(["UBND HUYỆN AN BÌNH", "Phòng, chống tham nhũng"], "district")).toEqual([]);
    // "Số: 12/BC-UBND" under the commune's name is the report's number, not a Sở.
    expect(wrongSet(["UBND XÃ TÂN AN", "Số: 12/BC-UBND", "BẢNG TỰ ĐÁNH GIÁ"], "commune")).toEqual([]);
  });
});

describe("lesser items", () => {
  afterEach(() => vi.restoreAllMocks());

  it("reading a LibreOffice .ods with conditional number formats writes nothing to the console", () => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([["STT", "Tiêu chí"], ["1.1", 0.5]]), "TĐG");
    const files = unzipSync(new Uint8Array(XLSX.write(wb, { bookType: "ods", type: "array" })));
    // A number style with a condition, as LibreOffice writes for "positive; negative" formats.
    const style = '<number:number-style style:name="N1P0"><number:number number:decimal-places="0"/></number:number-style><number:number-style style:name="N1"><number:text>-</number:text><number:number number:decimal-places="0"/><style:map style:condition="value()&gt;0" style:apply-style-name="N1P0"/></number:number-style>';
    files["content.xml"] = strToU8(strFromU8(files["content.xml"]!).replace("<office:automatic-styles>", `<office:automatic-styles>${style}`));
    const spies = (["log", "info", "warn", "error", "debug"] as const).map((m) => vi.spyOn(console, m));
    const read = readWorkbookBytes(zipSync(files));
    expect(read.ok).toBe(true);
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
    // The console is the host's again afterwards.
    console.error("after");
    expect(spies[3]).toHaveBeenCalledWith("after");
  });

  const items = [
    { code: "1.1", title: "Ban hành kế hoạch", max: 3, rule: { kind: "choice", options: [3, 0] } },
    { code: "1.2", title: "Không có văn bản trái luật", max: 5, notApplicable: "full" },
    { code: "1.3", title: "Sắp xếp thôn", max: 5, notApplicable: "exclude" },
    { code: "1.4", title: "Kiểm tra", max: 2 },
  ];
  const set4 = setOf(items);
  const find = (report: ReturnType<typeof scoreWorkbook>, code: string, criterion: string) => report.findings.find((f) => f.code === code && f.criterion === criterion);

  it("a tick box (TRUE/FALSE) in a score cell is said to be a tick box, not a score, in words a civil servant reads", () => {
    const report = score(set4, [["1.1", "Ban hành kế hoạch", 3, null, true, EV], ["1.4", "Kiểm tra", 2, null, false, EV]]);
    expect(find(report, "SCORE_NOT_NUMBER", "1.1")!.message).toContain("là một ô đánh dấu (hộp kiểm, đang được tích), không phải điểm");
    expect(find(report, "SCORE_NOT_NUMBER", "1.1")!.message).toContain("từ 0 đến 3");
    expect(find(report, "SCORE_NOT_NUMBER", "1.4")!.message).toContain("đang bỏ trống");
    expect(find(report, "SCORE_NOT_NUMBER", "1.1")!.message).not.toContain('"true"');
    expect(report.items.find((i) => i.code === "1.1")!.score).toBe(0);
  });

  it("an evidence cell Excel holds as a date is the entry's date, shown dd/mm/yyyy and checked against the period", () => {
    // 45366 = 15/03/2024; 45000 = 15/03/2023, outside the 2024 period.
    const inside = score(set4, [["1.4", "Kiểm tra", 2, null, 2, { v: 45366, z: "dd/mm/yyyy" }]]);
    expect(inside.findings.filter((f) => f.criterion === "1.4")).toEqual([]);
    const outside = score(set4, [["1.4", "Kiểm tra", 2, null, 2, { v: 45000, z: "dd/mm/yyyy" }]]);
    const found = outside.findings.filter((f) => f.criterion === "1.4");
    expect(found.map((f) => f.code)).toEqual(["EVIDENCE_DATE_OUT_OF_PERIOD"]);
    expect(found[0]!.message).toContain("15/03/2023");
    expect(found[0]!.message).not.toContain("45000");
  });

  it("a blank score whose note says nothing arose names the way out: write it in the score cell (the note is no declaration, §6)", () => {
    const report = score(set4, [
      ["1.2", "Không có văn bản trái luật", 5, null, null, null, "Trong năm 2024 không phát sinh văn bản trái pháp luật"],
      ["1.3", "Sắp xếp thôn", 5, null, null, null, "Xã không có kế hoạch sắp xếp thôn nên không áp dụng"],
      ["1.4", "Kiểm tra", 2, null, null, null, "Không phát sinh"],
    ]);
    expect(find(report, "SCORE_BLANK", "1.2")!.message).toContain(`ghi "Không phát sinh" vào ô điểm tự đánh giá (tiêu chí được tính đủ 5 điểm)`);
    expect(find(report, "SCORE_BLANK", "1.3")!.message).toContain(`ghi "Không áp dụng" vào ô điểm tự đánh giá (5 điểm của tiêu chí được bỏ khỏi tổng điểm tối đa)`);
    expect(find(report, "SCORE_BLANK", "1.4")!.message).toContain("áp dụng với mọi đơn vị");
    // Scored as blank: the contract reads the words in the score or data cell only.
    expect(report.items.find((i) => i.code === "1.2")!.score).toBe(0);
    expect(report.max).toBe(15);
    // Without such a note, the message is as before.
    expect(find(score(set4, [["1.4", "Kiểm tra", 2, null, null, EV]]), "SCORE_BLANK", "1.4")!.message).toBe("Tiêu chí 1.4 chưa có điểm tự đánh giá: nhập điểm (tối đa 2) hoặc 0.");
  });
});
