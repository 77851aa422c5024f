import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { importCriteriaSet, parseCriteriaSet, type Grid, type GridSheet, type ImportCriteriaOptions } from "../../shared/index.ts";
import { readWorkbookBytes } from "../../xlsx/sheetjs-grid.ts";
import { toTcvn3, toVni } from "../../fixtures/legacy-encodings.ts";

type Value = string | number | null;
const sheet = (name: string, rows: Value[][], merges: GridSheet["merges"] = []): GridSheet => ({
  name,
  rows: rows.map((r) => r.map((v) => (v === null ? null : { v }))),
  merges,
});
const HEADER: Value[] = ["STT", "Tiêu chí", "Điểm tối đa", "Cách chấm điểm", "Tài liệu kiểm chứng", "Ghi chú"];
const OPTIONS: ImportCriteriaOptions = { id: "t-2024", year: 2024, unitType: "commune" };
const XEP_LOAI: Value[] = ["Xếp loại: Tốt: từ 90% trở lên; Khá: từ 80% đến dưới 90%; Trung bình: từ 70% đến dưới 80%; Yếu: dưới 70%"];

function imported(rows: Value[][], options: Partial<ImportCriteriaOptions> = {}, merges: GridSheet["merges"] = []) {
  const result = importCriteriaSet({ sheets: [sheet("S", [HEADER, ...rows, [], XEP_LOAI], merges)] }, { ...OPTIONS, ...options });
  if (!result.ok) throw new Error(result.message);
  expect(parseCriteriaSet(result.set).ok).toBe(true);
  return { set: result.set, notes: result.notes.map((n) => [n.code, n.cell, n.criterion]) };
}

describe("importCriteriaSet: rows of a decision table into a set", () => {
  it("letter rows that add up to their criterion are sub-criteria; alternatives are options", () => {
    const { set } = imported([
      ["1", "Công tác chỉ đạo", 4],
      ["1.1", "Kế hoạch CCHC", 2],
      ["a", "Ban hành kế hoạch", 1, "Có: 1 điểm; không: 0 điểm"],
      ["b", "Thực hiện kế hoạch", 1, "Đạt 100%: 1 điểm; dưới 100%: 0 điểm"],
      ["1.2", "Báo cáo CCHC", 2],
      ["a", "Gửi đúng hạn", 2],
      ["b", "Gửi chậm", 1],
      ["c", "Không gửi", 0],
    ]);
    const [plan, report] = set.items[0]!.children!;
    expect(plan!.children!.map((c) => [c.code, c.rule])).toEqual([
      ["1.1.1", { kind: "choice", options: [1, 0] }],
      ["1.1.2", { kind: "ratio", bands: [{ min: 100, points: 1 }, { min: 0, points: 0 }] }],
    ]);
    expect(report).toEqual({ code: "1.2", title: "Báo cáo CCHC", max: 2, rule: { kind: "choice", options: [2, 1, 0] } });
  });

  it("notes uncoded rows that add up to the max: parts, not alternatives", () => {
    const { set, notes } = imported([
      ["1", "Kế hoạch CCHC", 2],
      [null, "- Ban hành kế hoạch", 1],
      [null, "- Tổ chức thực hiện", 1],
    ]);
    expect(set.items[0]!.rule).toEqual({ kind: "manual", step: 0.25 });
    expect(notes).toContainEqual(["UNCODED_PARTS", "S!B3", "1"]);
  });

  it("reads a field row written in one cell merged across the code and title columns", () => {
    const { set } = imported(
      [
        ["I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", null, 1],
        ["1", "Kế hoạch CCHC", 1, "Có: 1 điểm; không: 0 điểm"],
        ["II. CẢI CÁCH THỂ CHẾ", null, 1],
        ["1", "Rà soát văn bản", 1, "Có: 1 điểm; không: 0 điểm"],
      ],
      {},
      [{ s: { r: 1, c: 0 }, e: { r: 1, c: 1 } }, { s: { r: 3, c: 0 }, e: { r: 3, c: 1 } }],
    );
    expect(set.items.map((i) => [i.code, i.title, i.children?.map((c) => c.code)])).toEqual([
      ["1", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", ["1.1"]],
      ["2", "CẢI CÁCH THỂ CHẾ", ["2.1"]],
    ]);
  });

  it("marks survey parts by their own words or their parent's, and 'không phát sinh' in the note column", () => {
    const { set, notes } = imported([
      ["1", "Mức độ hài lòng (điều tra xã hội học)", 3],
      ["1.1", "Hài lòng về thủ tục", 2],
      ["1.2", "Hài lòng về công chức", 1],
      ["2", "Xử lý phản ánh", 2, "Xử lý 100%: 2 điểm; dưới 100%: 0 điểm", null, "Không phát sinh phản ánh thì được tính đủ điểm"],
      ["3", "Công khai", 1, "Công khai đủ: 1 điểm; không: 0 điểm", null, "Trường hợp không phát sinh được tính 0,5 điểm"],
    ]);
    expect(set.items[0]!.children!.map((c) => c.rule)).toEqual([{ kind: "survey" }, { kind: "survey" }]);
    expect(set.items[1]).toMatchObject({ notApplicable: "full" });
    expect(set.items[2]!.notApplicable).toBeUndefined();
    expect(notes).toContainEqual(["NOT_APPLICABLE_PARTIAL", "S!D6", "3"]);
  });

  it("a bonus/deduction section: bonuses up to their max, deductions from 0 down, 0 when nothing happened", () => {
    const { set } = imported([
      ["1", "Chỉ đạo", 1, "Có: 1 điểm; không: 0 điểm"],
      ["2", "Điểm cộng, điểm trừ"],
      ["2.1", "Sáng kiến được công nhận", 1, "Cộng 1 điểm"],
      ["2.2", "Chậm báo cáo", 1, "Mỗi báo cáo chậm trừ 0,25 điểm, tối đa 1 điểm"],
    ]);
    expect(set.maxPoints).toBe(1);
    expect(set.items[1]).toEqual({
      code: "2",
      title: "Điểm cộng, điểm trừ",
      adjustment: true,
      children: [
        { code: "2.1", title: "Sáng kiến được công nhận", max: 1, rule: { kind: "choice", options: [1, 0] } },
        { code: "2.2", title: "Chậm báo cáo", max: 0, min: -1, rule: { kind: "count", each: -0.25, base: 0 } },
      ],
    });
  });

  it("falls back to a manual rule, noted, where the engine refuses what was read", () => {
    const { set, notes } = imported([["1", "Sáng kiến", 1, "Mỗi sáng kiến 0,125 điểm, tối đa 1 điểm"]]);
    expect(set.items[0]!.rule).toEqual({ kind: "manual", step: 0.25 });
    expect(notes).toEqual([["RULE_INVALID", "S!C2", "1"]]);
  });

  it("reads a count whose max is reached by its cap ('0,3 điểm mỗi sáng kiến, tối đa 1': clamp, §6)", () => {
    const { set, notes } = imported([["1", "Sáng kiến", 1, "Mỗi sáng kiến 0,3 điểm, tối đa 1 điểm"]]);
    expect(set.items[0]!.rule).toEqual({ kind: "count", each: 0.3, base: 0 });
    expect(notes).toEqual([]);
  });

  it("notes duplicates, levels above the max, and methods that top out below it", () => {
    const { set, notes } = imported([
      ["1", "Kế hoạch", 1, "Kịp thời: 2 điểm; chậm: 0,5 điểm; không: 0 điểm"],
      ["2", "Báo cáo", 2, "Đầy đủ: 1 điểm; không: 0 điểm"],
      ["2", "Báo cáo (trùng)", 2],
    ]);
    expect(set.items.map((i) => i.rule)).toEqual([
      { kind: "choice", options: [0.5, 0] },
      { kind: "choice", options: [1, 0] },
    ]);
    expect(notes).toEqual([
      ["DUPLICATE_CODE", "S!B4", "2"],
      ["OPTION_OVER_MAX", "S!D2", "1"],
      ["OPTIONS_BELOW_MAX", "S!D2", "1"],
      ["OPTIONS_BELOW_MAX", "S!D3", "2"],
    ]);
  });

  it("derives a missing max from the method, and says so", () => {
    const { set, notes } = imported([["1", "Kế hoạch", null, "Kịp thời: 1 điểm; chậm: 0,5 điểm"]]);
    expect(set.items[0]).toMatchObject({ max: 1 });
    expect(notes).toEqual([["MAX_DERIVED", "S!C2", "1"]]);
  });

  it("marks the items of a part named after the survey, with or without parentheses; a leaf scoring its own survey task is not one", () => {
    const { set } = imported([
      ["I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", 2],
      ["1", "Khảo sát sự hài lòng tại Bộ phận Một cửa", 1, "Tổ chức khảo sát sự hài lòng của người dân theo quy định: 1 điểm; Không tổ chức: 0 điểm"],
      ["2", "Điều tra XHH phối hợp", 1, "Phối hợp tổ chức điều tra xã hội học đầy đủ: 1 điểm; Không phối hợp: 0 điểm"],
      ["II", "ĐIỀU TRA XÃ HỘI HỌC", 4],
      ["1", "Sự hài lòng của người dân về thủ tục hành chính", 2],
      ["2", "Sự hài lòng của người dân về công chức", 2],
      ["III", "CHỈ SỐ HÀI LÒNG SIPAS", 3],
      ["1", "Mức độ hài lòng về tiếp cận dịch vụ", 3],
      ["IV", "Mức độ hài lòng của người dân", 1],
    ]);
    expect(set.items.map((i) => [i.code, i.rule ?? i.children!.map((c) => c.rule)])).toEqual([
      ["1", [{ kind: "choice", options: [1, 0] }, { kind: "choice", options: [1, 0] }]],
      ["2", [{ kind: "survey" }, { kind: "survey" }]],
      ["3", [{ kind: "survey" }]],
      ["4", { kind: "survey" }],
    ]);
  });

  it("marks the items of a field whose method column says the survey scores it, once on the field's row; a parent over scored items keeps its note", () => {
    const { set, notes } = imported([
      ["I", "CÔNG TÁC CHỈ ĐẠO", 2],
      ["1", "Kế hoạch CCHC", 2, "Kịp thời: 2 điểm; chậm: 1 điểm; không ban hành: 0 điểm"],
      ["II", "ĐÁNH GIÁ CỦA LÃNH ĐẠO", 4, "Điều tra xã hội học"],
      ["1", "Đánh giá về chỉ đạo", 2],
      ["2", "Đánh giá về kết quả", 2],
      ["III", "KHẢO SÁT", 2, "Khảo sát sự hài lòng tại Bộ phận Một cửa"],
      ["1", "Tổ chức khảo sát", 2, "Tổ chức khảo sát đúng quy định: 2 điểm; không tổ chức: 0 điểm"],
    ]);
    expect(set.items.map((i) => [i.code, i.children!.map((c) => c.rule)])).toEqual([
      ["1", [{ kind: "choice", options: [2, 1, 0] }]],
      ["2", [{ kind: "survey" }, { kind: "survey" }]],
      ["3", [{ kind: "choice", options: [2, 0] }]],
    ]);
    expect(notes.filter(([code]) => code === "PARENT_METHOD_IGNORED").map(([, , criterion]) => criterion)).toEqual(["3"]);
  });

  it("reads a max written '1/2 điểm' as half a point", () => {
    const { set } = imported([
      ["1", "Công tác chỉ đạo", 1],
      ["1.1", "Ban hành kế hoạch", "1/2 điểm", "Có: 1/2 điểm; không: 0"],
      ["1.2", "Báo cáo", "0,5 điểm", "Có: 0,5 điểm; không: 0"],
    ]);
    expect(set.items[0]!.children!.map((c) => [c.max, c.rule])).toEqual([
      [0.5, { kind: "choice", options: [0.5, 0] }],
      [0.5, { kind: "choice", options: [0.5, 0] }],
    ]);
  });

  it("reads options written on one line in the title cell, in brackets or after a full stop; a bracket with one point label stays the title", () => {
    const { set } = imported([
      ["1", "Công tác chỉ đạo", 5],
      ["1.1", "Ban hành kế hoạch (đúng hạn: 1 điểm; chậm: 0,5 điểm; không ban hành: 0 điểm)", 1],
      ["1.2", "Ban hành kế hoạch CCHC năm. Đúng hạn: 1 điểm; chậm: 0,5 điểm; không ban hành: 0 điểm", 1],
      ["1.3", "Tỷ lệ hồ sơ đúng hạn (đạt 100%: 1 điểm; từ 90% đến dưới 100%: 0,5 điểm; dưới 90%: 0 điểm).", 1],
      ["1.4", "Tuyên truyền CCHC (tối đa 1 điểm)", 1],
      ["1.5", "Thực hiện Quyết định số 12/QĐ-UBND ngày 05/01/2024 (kèm 2 phụ lục)", 1],
    ]);
    expect(set.items[0]!.children!.map((c) => [c.title, c.rule])).toEqual([
      ["Ban hành kế hoạch", { kind: "choice", options: [1, 0.5, 0] }],
      ["Ban hành kế hoạch CCHC năm", { kind: "choice", options: [1, 0.5, 0] }],
      ["Tỷ lệ hồ sơ đúng hạn", { kind: "ratio", bands: [{ min: 100, points: 1 }, { min: 90, points: 0.5 }, { min: 0, points: 0 }] }],
      ["Tuyên truyền CCHC (tối đa 1 điểm)", { kind: "manual", step: 0.25 }],
      ["Thực hiện Quyết định số 12/QĐ-UBND ngày 05/01/2024 (kèm 2 phụ lục)", { kind: "manual", step: 0.25 }],
    ]);
  });

  it("part rows 'A | ĐIỂM TỰ ĐÁNH GIÁ', 'B | ĐIỂM ĐIỀU TRA XÃ HỘI HỌC' are no option of the leaf above; the survey part marks its items", () => {
    const { set } = imported([
      ["A", "ĐIỂM TỰ ĐÁNH GIÁ", 2],
      ["I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", 2],
      ["1", "Tỷ lệ hoàn thành kế hoạch", 2, "Đạt 100%: 2 điểm; từ 80% đến dưới 100%: 1 điểm; dưới 80%: 0 điểm"],
      ["B", "ĐIỂM ĐIỀU TRA XÃ HỘI HỌC", 2],
      ["II", "SỰ HÀI LÒNG CỦA NGƯỜI DÂN", 2],
      ["1", "Sự hài lòng về thủ tục hành chính", 1],
      ["2", "Sự hài lòng về công chức", 1],
    ]);
    expect(set.items.map((i) => [i.code, i.children!.map((c) => c.rule)])).toEqual([
      ["1", [{ kind: "ratio", bands: [{ min: 100, points: 2 }, { min: 80, points: 1 }, { min: 0, points: 0 }] }]],
      ["2", [{ kind: "survey" }, { kind: "survey" }]],
    ]);
  });

  it("a method and evidence cell merged down over coded sub-criteria applies to each; option rows under a leaf do not repeat a merged method", () => {
    const { set, notes } = imported(
      [
        ["1", "Báo cáo CCHC định kỳ", 3],
        ["1.1", "Báo cáo quý I", 1, "Gửi đầy đủ, đúng hạn: 1 điểm; gửi chậm: 0,5 điểm; không gửi: 0 điểm", "Báo cáo CCHC"],
        ["1.2", "Báo cáo 6 tháng", 1],
        ["1.3", "Báo cáo năm", 1],
        ["2", "Kế hoạch CCHC", 1, "Kịp thời: 1 điểm; chậm: 0,5 điểm"],
        [null, "Không ban hành", 0],
      ],
      {},
      [{ s: { r: 2, c: 3 }, e: { r: 4, c: 3 } }, { s: { r: 2, c: 4 }, e: { r: 4, c: 4 } }, { s: { r: 5, c: 3 }, e: { r: 6, c: 3 } }],
    );
    const leaf = { max: 1, rule: { kind: "choice", options: [1, 0.5, 0] }, evidence: { required: true, hint: "Báo cáo CCHC" } };
    expect(set.items[0]!.children).toEqual([
      { code: "1.1", title: "Báo cáo quý I", ...leaf },
      { code: "1.2", title: "Báo cáo 6 tháng", ...leaf },
      { code: "1.3", title: "Báo cáo năm", ...leaf },
    ]);
    expect(set.items[1]!.rule).toEqual({ kind: "choice", options: [1, 0.5, 0] });
    expect(notes).toEqual([]);
  });

  it("reads no method or evidence from a merge that starts in another column", () => {
    const { set } = imported([["1", "Kế hoạch", 1, "Có: 1 điểm; không: 0 điểm"]], {}, [{ s: { r: 1, c: 3 }, e: { r: 1, c: 4 } }]);
    expect(set.items[0]).toEqual({ code: "1", title: "Kế hoạch", max: 1, rule: { kind: "choice", options: [1, 0] } });
  });

  it("reads options written inside the criterion's own title cell when no method stands beside it", () => {
    const { set } = imported([
      ["1", "Ban hành kế hoạch CCHC năm\n- Ban hành kịp thời: 1 điểm\n- Ban hành không kịp thời: 0,5 điểm\n- Không ban hành: 0 điểm", 1],
      ["2", "Mức độ hoàn thành kế hoạch CCHC\nĐạt 100% kế hoạch: 2 điểm; Từ 80% đến dưới 100%: 1 điểm; Dưới 80%: 0 điểm", 2],
      ["3", "Kiểm tra CCHC\n(Kế hoạch kiểm tra ban hành trước 31/3)", 1, "Có: 1 điểm; không: 0 điểm"],
    ]);
    expect(set.items.map((i) => [i.title, i.rule])).toEqual([
      ["Ban hành kế hoạch CCHC năm", { kind: "choice", options: [1, 0.5, 0] }],
      ["Mức độ hoàn thành kế hoạch CCHC", { kind: "ratio", bands: [{ min: 100, points: 2 }, { min: 80, points: 1 }, { min: 0, points: 0 }] }],
      ["Kiểm tra CCHC (Kế hoạch kiểm tra ban hành trước 31/3)", { kind: "choice", options: [1, 0] }],
    ]);
  });

  it("a numbered list restarting at 1 under a criterion, with a 0 among its points, lists its options", () => {
    const { set, notes } = imported([
      ["1", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", 3],
      ["1.1", "Ban hành kế hoạch CCHC năm", 1],
      [null, "1. Ban hành kịp thời", 1],
      [null, "2. Ban hành không kịp thời", 0.5],
      [null, "3. Không ban hành", 0],
      ["1.2", "Mức độ hoàn thành kế hoạch", 2],
      [null, "1. Hoàn thành 100% kế hoạch", 2],
      [null, "2. Hoàn thành từ 80% đến dưới 100%", 1],
      [null, "3. Hoàn thành dưới 80%", 0],
      ["2", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", 1],
      ["2.1", "Công khai TTHC", 1],
      [null, "1. Công khai đầy đủ", 1],
      [null, "2. Không đầy đủ", 0],
    ]);
    expect(set.items.map((i) => [i.code, i.children!.map((c) => [c.code, c.rule])])).toEqual([
      [
        "1",
        [
          ["1.1", { kind: "choice", options: [1, 0.5, 0] }],
          ["1.2", { kind: "ratio", bands: [{ min: 100, points: 2 }, { min: 80, points: 1 }, { min: 0, points: 0 }] }],
        ],
      ],
      ["2", [["2.1", { kind: "choice", options: [1, 0] }]]],
    ]);
    expect(notes).toEqual([]);
  });

  it("leaves a rate where lower is better manual, and says why", () => {
    const { set, notes } = imported([["1", "Tỷ lệ hồ sơ trễ hạn", 2, "Từ 5% trở xuống: 2 điểm; trên 5% đến 10%: 1 điểm; trên 10%: 0 điểm"]]);
    expect(set.items[0]!.rule).toEqual({ kind: "manual", step: 0.25 });
    expect(notes).toEqual([["RATE_LOWER_IS_BETTER", "S!D2", "1"]]);
  });

  it.each([
    ["Cách thức đánh giá", "a column the engine does not name"],
    ["Ghi chú", "the note column, when there is no method column"],
    ["Quy định chấm điểm", "a rule for scoring"],
    ["Cách đánh giá", "how it is assessed"],
    ["Thang đánh giá", "a scale of assessment"],
  ])("finds the method under %j (%s)", (label) => {
    const result = importCriteriaSet({ sheets: [sheet("S", [["TT", "Nội dung", "Điểm tối đa", label], ["1", "Kế hoạch", 1, "Kịp thời: 1 điểm; chậm: 0,5 điểm; không: 0"], [], XEP_LOAI])] }, OPTIONS);
    expect(result.ok && result.set.items[0]!.rule).toEqual({ kind: "choice", options: [1, 0.5, 0] });
  });

  it("reads 'không tổ chức điều tra … quy về thang điểm 100' as rescaling without a survey", () => {
    const grid: Grid = {
      sheets: [sheet("S", [HEADER, ["1", "Kế hoạch", 1], ["2", "Hài lòng (điều tra xã hội học)", 1], [], XEP_LOAI, ["Trường hợp không tổ chức điều tra xã hội học thì kết quả tự chấm được quy về thang điểm 100."]])],
    };
    const result = importCriteriaSet(grid, OPTIONS);
    expect(result.ok && result.set.whenSurveyAbsent).toBe("rescale");
  });

  it("turns bands in points into percentages of the set's max", () => {
    const grid: Grid = { sheets: [sheet("S", [HEADER, ["1", "Kế hoạch", 50], [], ["Tốt: từ 45 điểm trở lên; Khá: từ 40 điểm; Yếu: dưới 40 điểm"]])] };
    const result = importCriteriaSet(grid, OPTIONS);
    if (!result.ok) throw new Error(result.message);
    expect(result.set.bands).toEqual([
      { label: "Tốt", min: 90 },
      { label: "Khá", min: 80 },
      { label: "Yếu", min: 0 },
    ]);
    expect(result.notes.map((n) => n.code)).toEqual(["BAND_IN_POINTS", "BAND_IN_POINTS"]);
  });

  it("skips hidden sheets, refuses an unknown one, and says why no set can be made", () => {
    const hidden = { ...sheet("Ẩn", [HEADER, ["1", "A", 1]]), hidden: true };
    expect(importCriteriaSet({ sheets: [hidden] }, OPTIONS)).toMatchObject({ ok: false, code: "HEADER_NOT_FOUND" });
    expect(importCriteriaSet({ sheets: [hidden] }, { ...OPTIONS, sheet: "Ẩn" })).toMatchObject({ ok: true });
    expect(importCriteriaSet({ sheets: [hidden] }, { ...OPTIONS, sheet: "Khác", locale: "en" })).toMatchObject({ ok: false, code: "SHEET_NOT_FOUND", message: 'No sheet named "Khác" (sheets: Ẩn).' });
    expect(importCriteriaSet({ sheets: [sheet("S", [HEADER, [null, "Không có mã", 1]])] }, OPTIONS)).toMatchObject({ ok: false, code: "HEADER_NOT_FOUND" });
  });

  it("writes its notes in English with --lang en", () => {
    const result = importCriteriaSet({ sheets: [sheet("S", [HEADER, ["1", "Kế hoạch", 1, "Theo kết quả kiểm tra"]])] }, { ...OPTIONS, locale: "en" });
    expect(result.notes.map((n) => n.message)).toEqual([
      'Could not read the method of 1 ("Theo kết quả kiểm tra"): left as manual, step 0.25; edit its "rule" if needed.',
      'No rating bands (xếp loại) found below the table: using Tốt from 90%, Khá from 80%, Trung bình from 70%, Yếu below 70%; correct "bands" from the decision.',
    ]);
  });
});

describe("importCriteriaSet never crashes on a broken table (property)", () => {
  const cell = fc.oneof(
    fc.constant(null),
    fc.constantFrom("I", "II", "1", "1.1", "1.1.1", "a)", "Tổng cộng", "Ghi chú:", "Điểm thưởng, điểm trừ", "(điều tra xã hội học)"),
    fc.constantFrom("Kịp thời: 1 điểm; chậm: 0,5", "Trên 90%: 2; dưới 90%: 0", "Mỗi báo cáo chậm trừ 0,25 điểm", "Tính điểm cao nhất", "không phát sinh được tính đủ điểm"),
    fc.string({ maxLength: 12 }),
    fc.double({ min: -5, max: 120, noNaN: true }),
  );

  it("gives a set the engine accepts, or says why none can be made", () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 25 }), (rows) => {
        const result = importCriteriaSet({ sheets: [sheet("S", [HEADER, ...rows])] }, OPTIONS);
        if (result.ok) expect(parseCriteriaSet(result.set).ok).toBe(true);
        else expect(["HEADER_NOT_FOUND", "CRITERIA_INVALID"]).toContain(result.code);
        for (const n of result.notes) expect(n.cell).toMatch(/^S!/);
      }),
      { numRuns: 300 },
    );
  });
});

describe("a decision typed in TCVN3 or VNI", () => {
  const decisions = ["commune-option-rows", "commune-word-labels", "district-method-column"];
  it.each(decisions.flatMap((name) => [[name, "TCVN3", toTcvn3], [name, "VNI", toVni]] as const))("%s in %s imports the set the Unicode file gives", (name, encoding, encode) => {
    const read = readWorkbookBytes(new Uint8Array(readFileSync(`fixtures/decisions/${name}.xlsx`)));
    if (!read.ok) throw new Error(read.message);
    const legacy: Grid = { sheets: read.grid.sheets.map((s) => ({ ...s, rows: s.rows.map((row) => row.map((c) => (c && typeof c.v === "string" ? { ...c, v: encode(c.v) } : c))) })) };
    const original = importCriteriaSet(read.grid, OPTIONS);
    const imported = importCriteriaSet(legacy, OPTIONS);
    expect(original.ok).toBe(true);
    // TCVN3 has no capital toned letters ("Ứng" is typed "øng"): its titles match in any case.
    const cased = (x: unknown) => (encoding === "TCVN3" ? JSON.parse(JSON.stringify(x).toLowerCase()) : x);
    expect(cased(imported)).toEqual(cased(original));
  });
});
