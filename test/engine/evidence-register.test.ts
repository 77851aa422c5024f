import { describe, expect, it } from "vitest";
import { scoreWorkbook, type Grid } from "../../shared/index.ts";
import { documentKey, evidenceRegister } from "../../shared/evidence-register.ts";
import { loadFixtureGrid, loadFixtureSet } from "../../fixtures/load-fixture.ts";

const QD12 = "12/qd-ubnd";

describe("document keys", () => {
  it.each<[string, string, string]>([
    ["12", "QĐ-UBND", QD12],
    ["012", "qđ-ubnd", QD12],
    ["12", "QD - UBND", QD12],
    ["12", "QĐ–UBND", QD12],
    ["307", "KH-MTTQ-BTT", "307/kh-mttq-btt"],
  ])("%s/%s → %s", (number, symbol, key) => expect(documentKey(number, symbol)).toBe(key));
});

describe("evidence register over the golden fixtures", () => {
  it.each<[string, string, Record<string, number>, { key: string; flags: string[]; dates: string[]; citedBy: number }[]]>([
    ["province-evidence", "demo-province-2024", { documents: 5, citations: 71, OUT_OF_PERIOD: 1, UNRECOGNISED: 2, DATE_CONFLICT: 0 }, [
      { key: QD12, flags: [], dates: ["2024-01-05"], citedBy: 67 },
      { key: "307/kh-mttq-btt", flags: ["OUT_OF_PERIOD"], dates: ["2022-09-09"], citedBy: 1 },
      { key: "text:co", flags: ["UNRECOGNISED"], dates: [], citedBy: 1 },
      { key: "618/bc-ubnd", flags: [], dates: ["2024-10-24"], citedBy: 1 },
      { key: "text:co van ban kem theo", flags: ["UNRECOGNISED"], dates: [], citedBy: 1 },
    ]],
    ["realistic-commune-openpyxl", "demo-commune-2024", { documents: 2, citations: 46, OUT_OF_PERIOD: 0, UNRECOGNISED: 0 }, [
      { key: "15/kh-ubnd", flags: [], dates: ["2024-01-10"], citedBy: 23 },
      { key: "120/bc-ubnd", flags: [], dates: ["2024-12-02"], citedBy: 23 },
    ]],
    ["realistic-commune-libreoffice", "demo-commune-2024", { documents: 2, citations: 46 }, [
      { key: "15/kh-ubnd", flags: [], dates: ["2024-01-10"], citedBy: 23 },
      { key: "120/bc-ubnd", flags: [], dates: ["2024-12-02"], citedBy: 23 },
    ]],
    // Sheets for 2023 and 2024: only the set's year is read, as in scoring.
    ["province-per-year-sheets", "demo-province-2024", { documents: 1, citations: 72 }, [{ key: QD12, flags: [], dates: ["2024-01-05"], citedBy: 72 }]],
    ["province-per-field-sheets", "demo-province-2024", { documents: 1, citations: 72 }, [{ key: QD12, flags: [], dates: ["2024-01-05"], citedBy: 72 }]],
    ["no-table", "demo-province-2024", { documents: 0, citations: 0 }, []],
  ])("%s", (name, setId, counts, documents) => {
    const register = evidenceRegister(loadFixtureGrid(name), loadFixtureSet(setId));
    expect(register.counts).toMatchObject(counts);
    expect(register.documents.map((d) => ({ key: d.key, flags: d.flags, dates: d.dates, citedBy: d.criteria.length }))).toEqual(documents);
  });

  it("names the out-of-period document and its criterion, Vietnamese and English", () => {
    const doc = evidenceRegister(loadFixtureGrid("province-evidence"), loadFixtureSet("demo-province-2024")).documents[1]!;
    expect(doc).toMatchObject({ kind: "Kế hoạch", number: "307", symbol: "KH-MTTQ-BTT", criteria: ["2.2.1"], cells: ["'Tự đánh giá'!F28"] });
    expect(doc.messages.vi).toEqual([
      "Kế hoạch số 307/KH-MTTQ-BTT ghi ngày 09/09/2022, ngoài kỳ đánh giá 01/01/2024–31/12/2024 (tiêu chí 2.2.1): kiểm tra lại ngày hoặc ghi lý do văn bản còn hiệu lực.",
    ]);
    expect(doc.messages.en[0]).toContain("outside the period");
  });

  it("a merged evidence cell counts for every row it spans, cited at its top-left cell", () => {
    const register = evidenceRegister(loadFixtureGrid("province-merged-evidence"), loadFixtureSet("demo-province-2024"));
    const doc = register.documents[0]!;
    const atF9 = doc.citations.filter((c) => c.cell === "'Tự đánh giá'!F9").map((c) => c.criterion);
    expect(atF9).toEqual(["1.1.1", "1.1.2", "1.1.3"]);
    expect(doc.citations).toHaveLength(72);
    expect(doc.cells).toHaveLength(70);
  });

  it("with a report, reads only the sheets the report scored", () => {
    const grid = loadFixtureGrid("province-per-year-sheets");
    const set = loadFixtureSet("demo-province-2024");
    const report = scoreWorkbook(grid, set, { sheet: "Năm 2023" });
    const register = evidenceRegister(grid, set, report);
    expect(register.documents[0]!.cells[0]).toMatch(/^'Năm 2023'!/);
  });
});

describe("evidence register on a hand-built workbook", () => {
  const set = loadFixtureSet("demo-commune-2024");
  const grid: Grid = {
    sheets: [{
      name: "TĐG",
      merges: [{ s: { r: 3, c: 3 }, e: { r: 4, c: 3 } }],
      rows: [
        [{ v: "STT" }, { v: "Tiêu chí" }, { v: "Điểm tự đánh giá" }, { v: "Tài liệu kiểm chứng" }],
        [{ v: "1.1.1" }, { v: "a" }, { v: 1 }, { v: "Quyết định số 12/QĐ-UBND ngày 05/01/2024" }],
        [{ v: "1.1.2" }, { v: "b" }, { v: 1 }, { v: "QĐ số 012/qđ-ubnd ngày 06/01/2024;\nBáo cáo số 5/BC-UBND" }],
        [{ v: "1.2" }, { v: "c" }, { v: 1 }, { v: "Quyết định 12 / QD-UBND ngày 5 tháng 1 năm 2024\nCông văn ngày 02/02/2024" }],
        [{ v: "1.3" }, { v: "d" }, { v: 1 }, null],
        [{ v: "99.9" }, { v: "not in the set" }, { v: 1 }, { v: "Quyết định số 12/QĐ-UBND ngày 07/01/2024" }],
      ],
    }],
  };
  const register = evidenceRegister(grid, set);

  it("groups the same decision typed three ways and flags its two dates", () => {
    const doc = register.documents.find((d) => d.key === QD12)!;
    expect(doc.dates).toEqual(["2024-01-05", "2024-01-06"]);
    expect(doc.flags).toEqual(["DATE_CONFLICT"]);
    expect(doc.criteria).toEqual(["1.1.1", "1.1.2", "1.2", "1.3"]);
    expect(doc.cells).toEqual(["TĐG!D2", "TĐG!D3", "TĐG!D4"]);
    expect(doc.citations.map((c) => c.date)).toEqual(["2024-01-05", "2024-01-06", "2024-01-05", "2024-01-05"]);
    expect(doc.messages.vi[0]).toBe(
      "Quyết định số 12/QĐ-UBND được trích dẫn với các ngày khác nhau (05/01/2024, 06/01/2024) ở tiêu chí 1.1.1, 1.1.2, 1.2, 1.3: thống nhất ngày văn bản, hoặc ghi rõ nếu là các văn bản khác nhau.",
    );
  });

  it.each<[string, string[]]>([
    ["5/bc-ubnd", ["NO_DATE"]],
    ["text:cong van ngay 02/02/2024", ["NO_NUMBER"]],
  ])("%s is flagged %j", (key, flags) => {
    expect(register.documents.find((d) => d.key === key)?.flags).toEqual(flags);
  });

  it("ignores rows whose code is not in the set", () => {
    expect(register.documents.flatMap((d) => d.criteria)).not.toContain("99.9");
    expect(register.counts).toMatchObject({ documents: 3, DATE_CONFLICT: 1, NO_DATE: 1, NO_NUMBER: 1, OUT_OF_PERIOD: 0, UNRECOGNISED: 0 });
  });
});

describe("evidence register: a criterion written over several rows, one document a row", () => {
  it("cites each row's document at its own cell, for the criterion above", () => {
    const grid: Grid = {
      sheets: [{
        name: "TĐG",
        merges: [],
        rows: [
          [{ v: "STT" }, { v: "Tiêu chí" }, { v: "Điểm tự đánh giá" }, { v: "Tài liệu kiểm chứng" }],
          [{ v: "1.1.1" }, { v: "a" }, { v: 1 }, null],
          [null, null, null, { v: "Kế hoạch số 15/KH-UBND ngày 10/01/2024" }],
          [null, null, null, { v: "Báo cáo số 120/BC-UBND ngày 02/12/2024" }],
          [{ v: "1.1.2" }, { v: "b" }, { v: 1 }, { v: "Báo cáo số 120/BC-UBND ngày 02/12/2024" }],
        ],
      }],
    };
    const register = evidenceRegister(grid, loadFixtureSet("demo-commune-2024"));
    expect(register.documents.map((d) => [d.key, d.criteria, d.cells])).toEqual([
      ["15/kh-ubnd", ["1.1.1"], ["TĐG!D3"]],
      ["120/bc-ubnd", ["1.1.1", "1.1.2"], ["TĐG!D4", "TĐG!D5"]],
    ]);
  });
});
