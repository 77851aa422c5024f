import { describe, expect, it } from "vitest";
import { fromTcvn3, fromVni, legacyEncodingOf, parseEvidence, readableSheet, type GridSheet } from "../../shared/index.ts";

const sheet = (rows: (string | number | boolean | null)[][], name = "Tù ®¸nh gi¸"): GridSheet => ({ name, rows: rows.map((r) => r.map((v) => (v === null ? null : { v }))), merges: [] });

describe("TCVN3 ('.VnTime' fonts) and VNI ('VNI-Times' fonts)", () => {
  it.each([
    ["§iÓm tù chÊm", "Điểm tự chấm"],
    ["Tiªu chÝ", "Tiêu chí"],
    ["Néi dung", "Nội dung"],
    ["Tµi liÖu kiÓm chøng", "Tài liệu kiểm chứng"],
    ["§iÓm tèi ®a", "Điểm tối đa"],
    ["QuyÕt ®Þnh sè 12/Q§-UBND ngµy 05/01/2024", "Quyết định số 12/QĐ-UBND ngày 05/01/2024"],
    ["C¶i c¸ch hµnh chÝnh", "Cải cách hành chính"],
    ["Kh«ng ph¸t sinh", "Không phát sinh"],
    ["Tr\u00adêng", "Trường"],
    // No capital toned letters in TCVN3: a word of capitals is read in capitals.
    ["C¤NG T¸C CHØ §¹O", "CÔNG TÁC CHỈ ĐẠO"],
    ["KÕ ho¹ch", "Kế hoạch"],
  ])("TCVN3 %j reads %j", (tcvn3, unicode) => expect(fromTcvn3(tcvn3)).toBe(unicode));

  it.each([
    ["Ñieåm töï chaám", "Điểm tự chấm"],
    ["Tieâu chí", "Tiêu chí"],
    ["Noäi dung", "Nội dung"],
    ["ÑIEÅM TOÁI ÑA", "ĐIỂM TỐI ĐA"],
    ["Quyeát ñònh soá 12/QÑ-UBND ngaøy 05/01/2024", "Quyết định số 12/QĐ-UBND ngày 05/01/2024"],
    ["Tröôøng", "Trường"],
    ["Lónh vöïc", "Lĩnh vực"],
    ["YÙ kieán", "Ý kiến"],
    ["Xin chaøo caùc baïn", "Xin chào các bạn"],
  ])("VNI %j reads %j", (vni, unicode) => expect(fromVni(vni)).toBe(unicode));

  it("a sheet of VNI text is read in Unicode, told apart from TCVN3", () => {
    const vniTable = sheet([
      ["UBND xaõ Minh Hoøa"],
      ["Baûng töï ñaùnh giaù chæ soá CCHC naêm 2024"],
      ["STT", "Tieâu chí", "Ñieåm toái ña", "Ñieåm töï chaám", "Taøi lieäu kieåm chöùng"],
      ["1.1", "Ban haønh keá hoaïch CCHC", 1, 1, "Keá hoaïch soá 08/KH-UBND ngaøy 22/01/2024"],
    ], "Töï ñaùnh giaù");
    expect(legacyEncodingOf(vniTable)).toBe("vni");
    const read = readableSheet(vniTable);
    expect(read.name).toBe("Töï ñaùnh giaù");
    expect(read.rows[2]!.map((c) => c?.v)).toEqual(["STT", "Tiêu chí", "Điểm tối đa", "Điểm tự chấm", "Tài liệu kiểm chứng"]);
    expect(read.rows[3]![4]!.v).toBe("Kế hoạch số 08/KH-UBND ngày 22/01/2024");
  });

  const tcvn3Table = sheet([
    ["UBND x· Minh Hßa"],
    ["B¶ng tù ®¸nh gi¸ chØ sè CCHC n¨m 2024"],
    ["STT", "Tiªu chÝ", "§iÓm tèi ®a", "§iÓm tù chÊm", "Tµi liÖu kiÓm chøng"],
    ["1", "C«ng t¸c chØ ®¹o, ®iÒu hµnh", 3, 3, null],
    ["1.1", "Ban hµnh kÕ ho¹ch CCHC", 1, 1, "KÕ ho¹ch sè 08/KH-UBND ngµy 22/01/2024"],
  ]);

  it("a sheet of TCVN3 text is read in Unicode; numbers, codes and the sheet's name stay", () => {
    expect(legacyEncodingOf(tcvn3Table)).toBe("tcvn3");
    const read = readableSheet(tcvn3Table);
    expect(read.name).toBe("Tù ®¸nh gi¸");
    expect(read.rows[2]!.map((c) => c?.v)).toEqual(["STT", "Tiêu chí", "Điểm tối đa", "Điểm tự chấm", "Tài liệu kiểm chứng"]);
    expect(read.rows[4]!.map((c) => c?.v)).toEqual(["1.1", "Ban hành kế hoạch CCHC", 1, 1, "Kế hoạch số 08/KH-UBND ngày 22/01/2024"]);
    expect(parseEvidence(String(read.rows[4]![4]!.v))[0]).toMatchObject({ kind: "Kế hoạch", number: "08", date: "2024-01-22" });
    // Once per sheet: the same object again.
    expect(readableSheet(tcvn3Table)).toBe(read);
  });

  it("a Unicode sheet is the same object, even with a stray '§' or '×' in it", () => {
    const unicode = sheet([["Điều 3 § 2", "2 × 3"], ["Tiêu chí", "Điểm tối đa", "Điểm tự chấm"], ["Có", "Mã", "Tên"], ["× ·", "§ ¸"], ["Ghi chú ¶"]], "Tự đánh giá");
    expect(legacyEncodingOf(unicode)).toBeNull();
    expect(readableSheet(unicode)).toBe(unicode);
    // Remembered by a mark, not by itself: the second call is the same object too.
    expect(readableSheet(unicode)).toBe(unicode);
  });

  it("in a TCVN3 sheet, a cell already in Unicode Vietnamese is left as it is", () => {
    const mixed = sheet([...tcvn3Table.rows.map((r) => r.map((c) => c?.v ?? null)), ["Ghi chú: số liệu đến 30/11"]]);
    expect(readableSheet(mixed).rows.at(-1)![0]!.v).toBe("Ghi chú: số liệu đến 30/11");
  });
});
