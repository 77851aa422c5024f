import { describe, expect, it } from "vitest";
import { parseEvidence } from "../../shared/evidence.ts";
import { findDates } from "../../shared/values.ts";

/**
 * Citations of the eleventh red-team round: a date written in words later in the line beat the
 * document's own date (a false EVIDENCE_DATE_OUT_OF_PERIOD); the Party's numbers ("05-NQ/TU")
 * were no number; "+" between two documents on one line kept only the first; kinds ending in a
 * letter with a mark ("Chỉ thị", "Quy chế", "Thông tư") were not read.
 */
const read = (text: string) => parseEvidence(text).map((r) => [r.kind, r.number, r.symbol, r.date]);

describe("citations", () => {
  it("a document is dated by its own date, the first written, whatever the forms", () => {
    expect(read("Kế hoạch số 16/KH-UBND ngày 10/01/2024 thực hiện Nghị quyết số 08-NQ/TU ngày 22 tháng 4 năm 2021")).toEqual([["Kế hoạch", "16", "KH-UBND", "2024-01-10"]]);
    expect(findDates("ngày 22 tháng 4 năm 2021 và 10/01/2024")).toEqual(["2021-04-22", "2024-01-10"]);
  });

  it.each([
    ["Nghị quyết số 05-NQ/TU ngày 10/01/2024", ["Nghị quyết", "05", "NQ/TU", "2024-01-10"]],
    ["Thông báo kết luận số 12-TB/HU", ["Thông báo", "12", "TB/HU", null]],
    ["01-HD/BTGTU ngày 3/3/2024", ["Hướng dẫn", "01", "HD/BTGTU", "2024-03-03"]],
  ])("the Party's number %j", (text, ref) => {
    expect(read(text)).toEqual([ref]);
  });

  it("'+' between two documents on one line lists two", () => {
    expect(read("KH số 7/KH-UBND ngày 10/01/2024 + Báo cáo số 8/BC-UBND ngày 20/6/2023")).toEqual([
      ["Kế hoạch", "7", "KH-UBND", "2024-01-10"],
      ["Báo cáo", "8", "BC-UBND", "2023-06-20"],
    ]);
  });

  it("a citation written date first is read for its number (left alone in the ninth round)", () => {
    expect(read("Ngày 15/3/2024, UBND xã ban hành Quyết định số 33/QĐ-UBND")).toEqual([["Quyết định", "33", "QĐ-UBND", "2024-03-15"]]);
  });

  it.each(["Chỉ thị", "Quy chế", "Thông tư"])("the kind %j is read", (kind) => {
    expect(read(`${kind} số 03 ngày 5/2/2024`)[0]![0]).toBe(kind);
  });
});
