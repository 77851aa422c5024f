import { describe, expect, it } from "vitest";
import { adoptOwnSheet, carriesOwnMarker, freeSheetName, newSheetNonce, nonceCandidate, OWN_SHEET_MARKER, OWN_SHEET_NAMES, parseOwnSheets, placeOwnSheet, recordOwnSheet, sheetNameKey, type OwnRole } from "../src/sheet-ownership.ts";
import { sheetNameProblem } from "./strict-excel/excel-rules.ts";

/** Which sheets are the add-in's, and where it writes (pure). */
const user = (name: string, id = `u-${name}`) => ({ id, name });

describe("placeOwnSheet", () => {
  it("writes under the usual name when it is free, replacing nothing the first time", () => {
    expect(placeOwnSheet("consolidated", [user("Tự đánh giá")], [])).toEqual({ name: "Tổng hợp", replaceId: null, besideSheet: null });
  });

  it("a user's sheet with the usual name, in any case or Unicode form, stays; the add-in writes beside it", () => {
    for (const name of ["Tổng hợp", "TỔNG HỢP", "Tổng hợp".normalize("NFD")]) {
      expect(placeOwnSheet("consolidated", [user(name)], [])).toEqual({ name: "Tổng hợp (CCHC)", replaceId: null, besideSheet: name });
    }
    expect(placeOwnSheet("result", [user("KẾT QUẢ KIỂM TRA"), user("Kết quả kiểm tra (CCHC)")], []).name).toBe("Kết quả kiểm tra (CCHC 2)");
  });

  it("replaces only its own previous sheet, recognised by id and still under the name it gave", () => {
    const records = [{ id: "own-1", role: "consolidated" as const, name: "Tổng hợp (CCHC)" }];
    const sheets = [user("Tổng hợp"), { id: "own-1", name: "Tổng hợp (CCHC)" }];
    expect(placeOwnSheet("consolidated", sheets, records)).toEqual({ name: "Tổng hợp (CCHC)", replaceId: "own-1", besideSheet: "Tổng hợp" });
    // the user's "Tổng hợp" is gone: back to the usual name, still replacing the old one
    expect(placeOwnSheet("consolidated", [{ id: "own-1", name: "Tổng hợp (CCHC)" }], records)).toEqual({ name: "Tổng hợp", replaceId: "own-1", besideSheet: null });
    // another kind's record, or a sheet by that name with another id, is not replaced
    expect(placeOwnSheet("result", sheets, records).replaceId).toBeNull();
    expect(placeOwnSheet("consolidated", [user("Tổng hợp (CCHC)", "u-2")], records)).toEqual({ name: "Tổng hợp", replaceId: null, besideSheet: null });
  });

  it("an own sheet the user renamed is theirs to keep: a new one is written", () => {
    const records = [{ id: "own-1", role: "analysis" as const, name: "CCHC Phân tích" }];
    expect(placeOwnSheet("analysis", [{ id: "own-1", name: "Phân tích 2024" }], records)).toEqual({ name: "CCHC Phân tích", replaceId: null, besideSheet: null });
    // renamed only in case: still the same name for Excel, still replaced
    expect(placeOwnSheet("analysis", [{ id: "own-1", name: "CCHC PHÂN TÍCH" }], records).replaceId).toBe("own-1");
  });

  it("every name it can choose is a valid Excel sheet name", () => {
    for (const role of Object.keys(OWN_SHEET_NAMES) as OwnRole[]) {
      const base = OWN_SHEET_NAMES[role];
      const taken = new Set([base, `${base} (CCHC)`, ...Array.from({ length: 98 }, (_, i) => `${base} (CCHC ${i + 2})`)].map(sheetNameKey));
      for (const name of [base, freeSheetName(base, new Set([sheetNameKey(base)])), freeSheetName(base, taken)]) expect(sheetNameProblem(name)).toBeNull();
    }
  });
});

describe("the add-in's records", () => {
  it("keep the written sheet and the still-present others; the replaced and the deleted drop out", () => {
    const records = [
      { id: "a", role: "analysis" as const, name: "CCHC Phân tích" },
      { id: "kept", role: "analysis" as const, name: "CCHC Phân tích" },
      { id: "gone", role: "trend" as const, name: "CCHC Xu hướng" },
    ];
    const sheets = [{ id: "a", name: "CCHC Phân tích" }, { id: "kept", name: "Phân tích cũ" }];
    expect(recordOwnSheet(records, sheets, "a", { id: "b", role: "analysis", name: "CCHC Phân tích" })).toEqual([records[1], { id: "b", role: "analysis", name: "CCHC Phân tích" }]);
  });

  it("are read from whatever the document holds; a bad entry is dropped, never widening what may be deleted", () => {
    const good = { id: "{1}", role: "result", name: "Kết quả kiểm tra" };
    expect(parseOwnSheets([good, { id: "{2}", role: "user", name: "Số liệu" }, "junk", null])).toEqual([good]);
    expect(parseOwnSheets("{not json")).toEqual([]);
    expect(parseOwnSheets(null)).toEqual([]);
    expect(parseOwnSheets({ ids: ["{1}"] })).toEqual([]);
  });
});

describe("an own sheet under a new id (nonce)", () => {
  const nonce = "0123456789abcdef0123456789abcdef";
  const stale = { id: "{old}", role: "result" as const, name: "Kết quả kiểm tra", nonce, marker: "H1" };

  it("is looked for only when no record matches by id, on a sheet bearing the record's exact name and no other record's id", () => {
    const now = { id: "{new}", name: "Kết quả kiểm tra" };
    expect(nonceCandidate("result", [user("Tự đánh giá"), now], [stale])).toEqual({ sheet: now, record: stale });
    expect(nonceCandidate("result", [{ id: "{old}", name: "Kết quả kiểm tra" }], [stale])).toBeNull(); // the id still matches
    expect(nonceCandidate("result", [{ id: "{new}", name: "KẾT QUẢ KIỂM TRA" }], [stale])).toBeNull(); // not the exact name
    expect(nonceCandidate("analysis", [now], [stale])).toBeNull(); // another kind
    expect(nonceCandidate("result", [now], [{ ...stale, nonce: undefined }])).toBeNull(); // written before nonces
    expect(nonceCandidate("result", [now], [stale, { id: "{new}", role: "codes", name: "x" }])).toBeNull(); // another own sheet
  });

  it("is adopted only when row 1 holds the marker and that nonce; otherwise it is the user's and nothing changes", () => {
    const candidate = nonceCandidate("result", [{ id: "{new}", name: "Kết quả kiểm tra" }], [stale])!;
    expect(adoptOwnSheet([stale], candidate, [OWN_SHEET_MARKER, nonce])).toEqual([{ ...stale, id: "{new}" }]);
    for (const row of [[OWN_SHEET_MARKER, "f".repeat(32)], [OWN_SHEET_MARKER], ["Kết quả", nonce], []]) expect(adoptOwnSheet([stale], candidate, row)).toEqual([stale]);
  });

  it("records keep a well-formed nonce and marker; a malformed one drops the record", () => {
    expect(parseOwnSheets([stale])).toEqual([stale]);
    expect(parseOwnSheets([{ ...stale, nonce: "not hex" }, { ...stale, marker: "A2" }])).toEqual([]);
    expect(newSheetNonce()).toMatch(/^[0-9a-f]{32}$/);
    expect(newSheetNonce()).not.toBe(newSheetNonce());
  });
});

describe("the marker cell", () => {
  it("is recognised in row 1 of a grid sheet, wherever it stands", () => {
    expect(carriesOwnMarker({ name: "x", rows: [[{ v: "KẾT QUẢ" }, null, null, { v: OWN_SHEET_MARKER }]], merges: [] })).toBe(true);
    expect(carriesOwnMarker({ name: "x", rows: [[{ v: "KẾT QUẢ" }], [{ v: OWN_SHEET_MARKER }]], merges: [] })).toBe(false);
    expect(carriesOwnMarker({ name: "x", rows: [], merges: [] })).toBe(false);
  });
});
