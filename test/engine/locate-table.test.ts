import { describe, expect, it } from "vitest";
import { classifyLabel, findHeader, locateCriteriaTables, missingColumns, readTableRows } from "../../shared/locate-table.ts";
import type { GridSheet } from "../../shared/grid.ts";

const sheet = (rows: (string | number | null)[][], merges: GridSheet["merges"] = []): GridSheet => ({
  name: "S",
  rows: rows.map((r) => r.map((v) => (v === null ? null : { v }))),
  merges,
});

describe("classifyLabel", () => {
  it.each([
    ["STT", "code"],
    ["Mã tiêu chí", "code"],
    ["Tiêu chí, tiêu chí thành phần", "title"],
    ["LĨNH VỰC/TIÊU CHÍ", "title"],
    ["Điểm tối đa", "max"],
    ["Thang điểm", "max"],
    ["Điểm theo quy định", "max"],
    ["Số liệu\nkê khai", "data"],
    ["Tài liệu kiểm chứng", "evidence"],
    ["ĐIỂM TỰ ĐÁNH GIÁ", "self"],
    ["Điểm tự chấm", "self"],
    ["Điểm TĐG", "self"],
    ["Điểm đơn vị đề xuất", "self"],
    ["Đề xuất, kiến nghị", null],
    ["Số, ký hiệu văn bản", "evidence"],
    ["Thuyết minh", "note"],
    ["Căn cứ tính điểm", "method"],
    ["Hướng dẫn tính điểm", "method"],
    ["Kết quả đạt được", "data"],
    ["Kết quả", null],
    ["Điểm thẩm định", "appraised"],
    // Labels real templates use for the same columns (probed this session).
    ["Điểm đơn vị chấm", "self"],
    ["Điểm cơ quan chấm", "self"],
    ["Điểm địa phương chấm", "self"],
    ["Điểm đề nghị", "self"],
    ["Điểm sau giải trình", "appraised"],
    ["Điểm Sở Nội vụ chấm", "appraised"],
    ["Điểm đánh giá của Sở Nội vụ", "appraised"],
    ["Mã số tiêu chí", "code"],
    ["Mã chỉ tiêu", "code"],
    ["File đính kèm", "evidence"],
    ["Tệp đính kèm", "evidence"],
    // The documents named by their parts (03/12/2026): the evidence had gone unchecked.
    ["Tên, số, ký hiệu văn bản", "evidence"],
    ["Tên văn bản", "evidence"],
    ["Số hiệu văn bản", "evidence"],
    ["Số, ngày văn bản", "evidence"],
    ["Văn bản", "evidence"],
    // "điểm" of a place or a time, and "điểm tuyệt đối", are no self-score (their "diem tu" had made one).
    ["Địa điểm tuyên truyền", null],
    ["Thời điểm tự kiểm tra", null],
    ["Điểm tuyệt đối", null],
    // "tư vấn", "tư pháp" fold as "tự" does: points of counsel or of justice are no self-score.
    ["Điểm tư vấn", null],
    ["Điểm tư pháp", null],
    ["Điểm tự chấm", "self"],
    ["Diem tu danh gia", "self"],
    ["Điểm tự", "self"],
    ["(Tự đánh giá)", "self"],
    // The points the unit declares, not declared data.
    ["Điểm kê khai", "self"],
    ["Điểm đơn vị kê khai", "self"],
    ["Số liệu kê khai", "data"],
    // A count of documents, never their references.
    ["Số văn bản", null],
    // Documents counted ("tài liệu" had made each the evidence column): a total and its part.
    ["Tổng số hồ sơ, tài liệu", null],
    ["Tổng số tài liệu", null],
    ["Số hồ sơ, tài liệu đã số hóa", null],
    ["Số tài liệu chưa số hóa", null],
    ["Số hiệu tài liệu", "evidence"],
    ["Số, ký hiệu tài liệu", "evidence"],
    ["Danh mục tài liệu", "evidence"],
    ["Hồ sơ, tài liệu kiểm chứng", "evidence"],
    ["Số tài liệu kiểm chứng", "evidence"],
    ["Số văn bản ban hành", null],
    ["Giải trình", "note"],
    ["Điểm đánh giá", null],
    ["Điểm số chuẩn", "max"],
    ["Chuẩn", "max"],
    ["Tiêu chuẩn", null],
    ["Hướng dẫn chấm điểm của Sở Nội vụ", "method"],
    ["Ghi chú / Giải trình", "note"],
    ["Cách tính điểm", "method"],
    ["Đơn vị: Sở Nội vụ", null],
    // The evidence's date in a column of its own; a plan's time, or a combined cell, is not it.
    ["Ngày ban hành", "evidenceDate"],
    ["NGÀY BAN HÀNH", "evidenceDate"],
    ["Ngày văn bản", "evidenceDate"],
    ["Ngày, tháng, năm ban hành", "evidenceDate"],
    ["Ngày/tháng/năm\nban hành", "evidenceDate"],
    ["Ngày ký", "evidenceDate"],
    ["Thời gian ban hành", "evidenceDate"],
    ["Ngày ban hành (dd/mm/yyyy)", "evidenceDate"],
    ["Thời gian thực hiện", null],
    ["Thời hạn hoàn thành", null],
    ["Ngày", null],
    ["Người ký", null],
    ["Số, ký hiệu, ngày ban hành", "evidence"],
    ["Tài liệu kiểm chứng (số, ngày)", "evidence"],
    // Labels other provinces' commune templates use.
    ["TLKC", "evidence"],
    ["Văn bản kèm theo", "evidence"],
    ["Điểm TĐ", "self"],
    ["Điểm đánh giá của xã", "self"],
    ["Điểm xã đánh giá", "self"],
    ["Điểm phường tự đánh giá", "self"],
    ["Điểm đánh giá của Sở Nội vụ", "appraised"],
    ["Tình hình thực hiện", "data"],
    ["Hướng dẫn tự đánh giá, chấm điểm", "method"],
    ["Quy định chấm điểm", "method"],
    ["Cách đánh giá", "method"],
  ])("%j → %s", (label, kind) => expect(classifyLabel(label)).toBe(kind));
});

describe("findHeader and readTableRows", () => {
  it("finds a header under a title block and stops at the signature block", () => {
    const s = sheet([
      ["UBND XÃ MINH HỌA"],
      ["BẢNG TỰ ĐÁNH GIÁ NĂM 2024"],
      [],
      ["TT", "Nội dung", "Thang điểm", "Điểm tự chấm", "Tài liệu"],
      ["1", "Chỉ đạo", 2, 2, null],
      ["1.1", "Kế hoạch", 2, 2, "KH số 1/KH-UBND ngày 05/01/2024"],
      [],
      ["Chủ tịch UBND xã"],
      ["2", "Nguyễn Văn A", null, null, null],
    ]);
    const header = findHeader(s)!;
    expect(header.columns).toEqual({ code: 0, title: 1, max: 2, self: 3, evidence: 4 });
    expect(readTableRows(s, header).map((r) => r.code)).toEqual(["1", "1.1"]);
  });

  it.each([
    [["STT", "Nội dung", "Điểm tối đa", "Kết quả tự đánh giá", "Tài liệu kiểm chứng", "Điểm tự chấm"], { self: 5, data: 3 }],
    [["STT", "Nội dung", "Điểm tối đa", "Điểm tự chấm", "Tài liệu kiểm chứng", "Kết quả tự đánh giá"], { self: 3, data: 5 }],
    [["STT", "Nội dung", "Điểm tối đa", "Kết quả tự đánh giá", "Tài liệu kiểm chứng"], { self: 3 }],
  ])("a 'Kết quả tự đánh giá' column beside one saying 'Điểm' holds the declared data: %j", (labels, expected) => {
    const s = sheet([labels, ["1", "A", 1, "Đạt", "KH số 1/KH-UBND ngày 05/01/2024", 1]]);
    expect(findHeader(s)!.columns).toMatchObject(expected);
    if (!("data" in expected)) expect(findHeader(s)!.columns.data).toBeUndefined();
  });

  it("reads a code cell holding the number 2.1 right after 2.9 as 2.10 (Excel drops the zero in General format)", () => {
    const s = sheet([
      ["STT", "Tiêu chí", "Điểm tối đa", "Điểm tự đánh giá"],
      [2, "B", 3, 3],
      [2.1, "B1", 1, 1],
      [2.9, "B9", 1, 1],
      [2.1, "B10", 1, 1],
      [2.11, "B11", 1, 1],
      [3, "C", 1, 1],
      [3.1, "C1", 1, 1],
      ["3.9", "C9", 1, 1],
      ["3.1", "C1 typed again as text", 1, 1],
    ]);
    expect(readTableRows(s, findHeader(s)!).map((r) => r.code)).toEqual(["2", "2.1", "2.9", "2.10", "2.11", "3", "3.1", "3.9", "3.1"]);
  });

  it("reads a code Excel turned into a date back as day.month ('1.1' → 1 January, '2.10' → 2 October)", () => {
    const serial = (iso: string) => (Date.parse(iso) - Date.UTC(1899, 11, 30)) / 86_400_000;
    const date = (iso: string) => ({ v: serial(iso), z: "dd/mm/yyyy" });
    const s: GridSheet = {
      name: "S",
      merges: [],
      rows: [
        [{ v: "STT" }, { v: "Tiêu chí" }, { v: "Điểm tối đa" }, { v: "Điểm tự đánh giá" }],
        [{ v: 1 }, { v: "A" }, { v: 3 }, { v: 3 }],
        [date("2024-01-01"), { v: "A1" }, { v: 1 }, { v: 1 }],
        [{ v: 1.9 }, { v: "A9" }, { v: 1 }, { v: 1 }],
        [date("2024-10-01"), { v: "A10" }, { v: 1 }, { v: 1 }],
        [date("2024-01-02"), { v: "B1" }, { v: 1 }, { v: 1 }],
      ],
    };
    expect(readTableRows(s, findHeader(s)!).map((r) => r.code)).toEqual(["1", "1.1", "1.9", "1.10", "2.1"]);
  });

  it("prefers the self-score column of the set's year in a two-row header", () => {
    const s = sheet(
      [
        ["STT", "Tiêu chí", "Điểm tối đa", "Điểm tự đánh giá", null],
        [null, null, null, "Năm 2023", "Năm 2024"],
        ["1", "A", 1, 1, 0.5],
      ],
      [{ s: { r: 0, c: 3 }, e: { r: 0, c: 4 } }, { s: { r: 0, c: 0 }, e: { r: 1, c: 0 } }],
    );
    expect(findHeader(s, 2024)!.columns.self).toBe(4);
    expect(findHeader(s, 2023)!.columns.self).toBe(3);
  });

  it("under a group label, a column whose own cell is blank loses its kind to a sibling that names it, before or after it", () => {
    const merges = (c0: number, c1: number) => [{ s: { r: 0, c: c0 }, e: { r: 0, c: c1 } }, { s: { r: 0, c: 0 }, e: { r: 1, c: 0 } }, { s: { r: 0, c: 1 }, e: { r: 1, c: 1 } }];
    // "Kết quả tự đánh giá" over "Số liệu kê khai" | (blank spacer) | "Điểm tự chấm".
    const spacer = sheet(
      [
        ["STT", "Tiêu chí", "Kết quả tự đánh giá", null, null],
        [null, null, "Số liệu kê khai", null, "Điểm tự chấm"],
        ["1", "A", "5/5", null, 1],
      ],
      merges(2, 4),
    );
    expect(findHeader(spacer)!.columns).toMatchObject({ data: 2, self: 4 });
    const after = sheet(
      [
        ["STT", "Tiêu chí", "Kết quả tự đánh giá", null, null],
        [null, null, "Điểm tự chấm", null, "Số liệu kê khai"],
        ["1", "A", 1, null, "5/5"],
      ],
      merges(2, 4),
    );
    expect(findHeader(after)!.columns).toMatchObject({ self: 2, data: 4 });
    // The group's one unlabelled column, no sibling naming the kind: the group's label stands.
    const alone = sheet(
      [
        ["STT", "Tiêu chí", "Kết quả tự đánh giá", null],
        [null, null, "Số liệu kê khai", null],
        ["1", "A", "5/5", 1],
      ],
      merges(2, 3),
    );
    expect(findHeader(alone)!.columns).toMatchObject({ data: 2, self: 3 });
  });

  it("a column of last year's figures ('năm trước', 'kỳ trước', the year before the set's) loses to this year's, before or after it", () => {
    const header = (a: string, b: string) => sheet([["STT", "Tiêu chí", "Điểm tối đa", a, b], ["1", "A", 1, 0, 1]]);
    expect(findHeader(header("Điểm tự đánh giá (năm trước)", "Điểm tự đánh giá (năm nay)"), 2024)!.columns.self).toBe(4);
    expect(findHeader(header("Điểm tự đánh giá", "Điểm tự đánh giá kỳ trước"), 2024)!.columns.self).toBe(3);
    expect(findHeader(header("Điểm tự đánh giá 2023", "Điểm tự đánh giá"), 2024)!.columns.self).toBe(4);
    // Without the set's year, only the words tell: the first of two unmarked columns stays.
    expect(findHeader(header("Điểm tự đánh giá", "Điểm tự chấm"))!.columns.self).toBe(3);
  });

  it("uses title codes when the STT column is a running number", () => {
    const s = sheet([
      ["STT", "Tiêu chí", "Điểm tối đa", "Điểm tự đánh giá"],
      [1, "1. Chỉ đạo", 2, 2],
      [2, "1.1. Kế hoạch", 1, 1],
      [3, "1.2. Kiểm tra", 1, 1],
    ]);
    expect(readTableRows(s, findHeader(s)!).map((r) => r.code)).toEqual(["1", "1.1", "1.2"]);
  });

  it("does not end the table at criterion titles that start like end markers", () => {
    const s = sheet([
      ["Tiêu chí", "Điểm tối đa", "Điểm tự đánh giá"],
      ["Công khai thủ tục hành chính", 1, 1],
      ["Cán bộ, công chức được đào tạo", 1, 1],
      ["Chủ tịch UBND xã đối thoại với người dân", 1, 1],
      ["Tổng kết công tác cải cách hành chính", 1, 1],
      ["Cộng", 4, 4],
      ["Không phải tiêu chí", 1, 1],
    ]);
    expect(readTableRows(s, findHeader(s)!).map((r) => r.title)).toEqual([
      "Công khai thủ tục hành chính",
      "Cán bộ, công chức được đào tạo",
      "Chủ tịch UBND xã đối thoại với người dân",
      "Tổng kết công tác cải cách hành chính",
    ]);
  });

  it.each(["TỔNG CỘNG", "Tổng điểm (I+II+III)", "Tổng cộng:"])("ends the table at %j whatever follows", (marker) => {
    const s = sheet([["STT", "Tiêu chí", "Điểm tối đa", "Điểm tự đánh giá"], ["1", "A", 1, 1], [null, marker, null, null], ["2", "B", 1, 1]]);
    expect(readTableRows(s, findHeader(s)!).map((r) => r.code)).toEqual(["1"]);
  });

  // A notes line or a signature with a criterion with points right under it is inside the table
  // (test/engine/round6-locate-notes.test.ts): it ends the table when none follows.
  it.each(["Ghi chú: số liệu tính đến 15/12/2024", "Người lập biểu", "THỦ TRƯỞNG ĐƠN VỊ", "Minh Họa, ngày 10 tháng 01 năm 2025"])("ends the table at %j", (marker) => {
    const s = sheet([["STT", "Tiêu chí", "Điểm tối đa", "Điểm tự đánh giá"], ["1", "A", 1, 1], [null, marker, null, null], ["2", "B", null, null]]);
    expect(readTableRows(s, findHeader(s)!).map((r) => r.code)).toEqual(["1"]);
  });

  it.each([
    "Tổng điểm lĩnh vực I",
    "Cộng",
    "Tổng điểm tự đánh giá (các lĩnh vực 1 - 6)",
    "TỔNG ĐIỂM TỰ ĐÁNH GIÁ",
    "Cộng (I)",
    "Tổng điểm (chưa tính điểm thưởng, điểm trừ)",
    "Tổng điểm đạt được trước khi cộng, trừ điểm",
  ])("reads past a subtotal %j with the next field right under it", (subtotal) => {
    const s = sheet([["STT", "Tiêu chí", "Điểm tối đa", "Điểm tự đánh giá"], ["1", "A", 1, 1], [null, subtotal, 1, 1], ["2", "B", 1, 1], [null, "Tổng cộng", 2, 2], ["3", "C", 1, 1]]);
    expect(readTableRows(s, findHeader(s)!).map((r) => r.code)).toEqual(["1", "2"]);
  });

  it("reads past a subtotal over a bonus and deduction field whose own row has no points", () => {
    const s = sheet([
      ["STT", "Tiêu chí", "Điểm tối đa", "Điểm tự đánh giá"],
      ["1", "A", 1, 1],
      [null, "Tổng điểm (chưa tính điểm thưởng, điểm trừ)", 1, 1],
      ["2", "ĐIỂM THƯỞNG, ĐIỂM TRỪ", null, null],
      ["2.1", "Chậm báo cáo", 0, -0.5],
    ]);
    expect(readTableRows(s, findHeader(s)!).map((r) => r.code)).toEqual(["1", "2", "2.1"]);
  });

  it("does not end at a blank row before an option line when criteria with points follow", () => {
    const s = sheet([
      ["STT", "Tiêu chí", "Điểm tối đa", "Điểm tự đánh giá"],
      ["I", "Chỉ đạo, điều hành", 2, 1],
      ["1", "Ban hành kế hoạch", 2, 1],
      [],
      [null, "- Ban hành trước ngày 15/01: 2 điểm", null, null],
      [null, "- Ban hành sau ngày 15/01: 1 điểm", null, null],
      ["II", "Thể chế", 3, 3],
      [],
      ["1", "Văn bản", 3, 3],
      [],
      ["1. Số liệu tính đến ngày 15/12/2024.", null, null, null],
      ["2. Điểm khảo sát do Sở Nội vụ tổng hợp.", null, null, null],
    ]);
    expect(readTableRows(s, findHeader(s)!).map((r) => r.code ?? r.title)).toEqual(["1", "1.1", "- Ban hành trước ngày 15/01: 2 điểm", "- Ban hành sau ngày 15/01: 1 điểm", "2", "2.1"]);
  });

  it("still ends at notes after a gap when no criterion follows before a totals line or a signature", () => {
    const header = ["STT", "Tiêu chí", "Điểm tối đa", "Điểm tự đánh giá"];
    const notes = sheet([header, ["1", "A", 1, 1], ["2", "B", 1, 1], [], ["1. Số liệu tính đến ngày 15/12/2024.", null, null, null], [null, null, "NGƯỜI LẬP BIỂU", null], ["3", "Danh mục kèm theo", 1, null]]);
    expect(readTableRows(notes, findHeader(notes)!).map((r) => r.code)).toEqual(["1", "2"]);
    const totals = sheet([header, ["1", "A", 1, 1], [], [null, "ghi chú", null, null], [null, "Tổng cộng", 1, 1], ["2", "B", 1, 1]]);
    expect(readTableRows(totals, findHeader(totals)!).map((r) => r.code)).toEqual(["1"]);
  });

  it.each(["Điểm", "Điểm đạt được", "Số điểm đạt", "Điểm đánh giá", "Điểm thực tế"])("reads a column named only %j as the unit's score when none says tự đánh giá", (label) => {
    const s = sheet([["STT", "Tiêu chí", "Điểm tối đa", label, "Tài liệu kiểm chứng"], ["1", "A", 1, 0.5, null]]);
    expect(findHeader(s)!.columns).toMatchObject({ code: 0, title: 1, max: 2, self: 3, evidence: 4 });
    const both = sheet([["STT", "Tiêu chí", "Điểm tối đa", label, "Điểm tự chấm"], ["1", "A", 1, 0.5, 1]]);
    expect(findHeader(both)!.columns.self).toBe(4);
  });

  it("reads a field row typed whole in the code cell and merged across the table", () => {
    const rows: (string | number | null)[][] = [
      ["STT", "Tiêu chí", "Điểm tối đa", "Điểm tự đánh giá"],
      ["I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", null, null, null],
      ["1", "Kế hoạch", 2, 2],
      ["II. CẢI CÁCH THỂ CHẾ", null, null, null],
      ["1", "Văn bản", 3, 3],
    ];
    const merges = [
      { s: { r: 1, c: 0 }, e: { r: 1, c: 3 } },
      { s: { r: 3, c: 0 }, e: { r: 3, c: 3 } },
    ];
    const s = sheet(rows, merges);
    expect(readTableRows(s, findHeader(s)!).map((r) => [r.code, r.title])).toEqual([
      ["1", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH"],
      ["1.1", "Kế hoạch"],
      ["2", "CẢI CÁCH THỂ CHẾ"],
      ["2.1", "Văn bản"],
    ]);
    // A numbered note right under the table, typed the same way, is not a criterion.
    const noted = sheet([...rows, ["1. Số liệu tính đến ngày 15/12/2024.", null, null, null]], merges);
    expect(readTableRows(noted, findHeader(noted)!).map((r) => r.code)).toEqual(["1", "1.1", "2", "2.1"]);
  });

  it.each([["STT", "Mã tiêu chí"], ["TT", "Mã số"], ["Số thứ tự", "Ký hiệu"], ["STT.", "Mã"]])("takes the codes from %j's neighbour %j, not the running numbers", (running, code) => {
    const s = sheet([
      [running, code, "Tiêu chí", "Điểm tối đa", "Điểm tự đánh giá"],
      [1, "1", "Chỉ đạo", 2, 2],
      [2, "1.1", "Kế hoạch", 2, 2],
      [3, "2", "Thể chế", 1, 1],
    ]);
    expect(findHeader(s)!.columns).toMatchObject({ code: 1, title: 2 });
    expect(readTableRows(s, findHeader(s)!).map((r) => r.code)).toEqual(["1", "1.1", "2"]);
    const codeFirst = sheet([[code, running, "Tiêu chí", "Điểm tối đa", "Điểm tự đánh giá"], ["1", 1, "Chỉ đạo", 2, 2]]);
    expect(findHeader(codeFirst)!.columns.code).toBe(0);
  });

  it.each([["Số, ký hiệu văn bản", "Ngày ban hành"], ["Số", "Ngày"], ["Số, ký hiệu", "Ngày, tháng, năm"]])(
    "reads 'Tài liệu kiểm chứng' merged over %j | %j as the evidence and its date",
    (number, date) => {
      const s = sheet(
        [
          ["STT", "Tiêu chí", "Điểm tối đa", "Điểm tự đánh giá", "Tài liệu kiểm chứng", null, "Ghi chú"],
          [null, null, null, null, number, date, null],
          ["1", "A", 1, 1, "Kế hoạch số 08/KH-UBND", "22/01/2025", null],
        ],
        [0, 1, 2, 3, 6].map((c) => ({ s: { r: 0, c }, e: { r: 1, c } })).concat([{ s: { r: 0, c: 4 }, e: { r: 0, c: 5 } }]),
      );
      expect(findHeader(s)).toMatchObject({ headerTop: 0, headerBottom: 1, columns: { code: 0, title: 1, max: 2, self: 3, evidence: 4, evidenceDate: 5, note: 6 } });
    },
  );

  it("reads the score columns under a group label 'Điểm số': Chuẩn | Đơn vị chấm | Hội đồng", () => {
    const s = sheet([
      ["STT", "Lĩnh vực, tiêu chí", "Điểm số", null, null, "Minh chứng"],
      [null, null, "Chuẩn", "Đơn vị chấm", "Hội đồng", null],
      ["1", "A", 2, 2, 1, "x"],
    ], [{ s: { r: 0, c: 2 }, e: { r: 0, c: 4 } }]);
    expect(findHeader(s)!.columns).toEqual({ code: 0, title: 1, max: 2, self: 3, appraised: 4, evidence: 5 });
  });

  it("finds nothing on a sheet without a criteria header", () => {
    expect(findHeader(sheet([["Kính gửi"], ["Nội dung công văn"]]))).toBeNull();
  });
});

describe("confirmed headers", () => {
  const s = sheet([
    ["Bảng điểm"],
    ["Mục", "Nội dung", "Điểm chuẩn (đ)", "Mức đạt"],
    ["1", "A", 1, 1],
    ["2", "B", 1, 0.5],
  ]);

  it("detection misses an unusual self-score label and says which columns are missing", () => {
    const header = findHeader(s)!;
    expect(header.columns).toEqual({ title: 1, max: 2 });
    expect(missingColumns(header)).toEqual(["code", "self", "evidence", "data", "note"]);
  });

  it("a confirmed header replaces detection on its sheet", () => {
    const tables = locateCriteriaTables([s], 2024, [{ sheet: "S", headerTop: 1, headerBottom: 1, columns: { code: 0, title: 1, max: 2, self: 3 } }]);
    expect(tables[0]!.header.columns.self).toBe(3);
    expect(tables[0]!.rows.map((r) => r.code)).toEqual(["1", "2"]);
  });
});
