import { describe, expect, it } from "vitest";
import { codes, row, score, setOf } from "./v2-helpers.ts";

/**
 * EVIDENCE_DATE_OUT_OF_PERIOD asks for the reason an older document still applies in the note
 * column; a note giving one settles it (black-box audit A6-5: writing it had changed nothing).
 */
const set = setOf([{ code: "1.1", title: "Ban hành kế hoạch", max: 1, evidence: { required: true } }]);
const OLD = "Kế hoạch số 15/KH-UBND ngày 10/01/2022";
const check = (note: string | null) => codes(score(set, [row("1", { max: 1 }), row("1.1", { max: 1, self: 1, evidence: OLD, note })]));

describe("a note on a document dated outside the period", () => {
  it.each(["Văn bản còn hiệu lực thi hành", "Kế hoạch giai đoạn 2021-2025", "Vẫn áp dụng trong năm 2024", "Kế hoạch giai đoạn 2021 – 2025 đang có hiệu lực"])("%j settles the warning", (note) => {
    expect(check(note)).toEqual([]);
  });

  it("another note, or none, leaves it, with what to write", () => {
    expect(check("Đã nộp bản giấy")).toEqual(["EVIDENCE_DATE_OUT_OF_PERIOD 1.1 Biểu!F3"]);
    const [f] = score(set, [row("1", { max: 1 }), row("1.1", { max: 1, self: 1, evidence: OLD })]).findings;
    expect(f?.message).toContain('ở cột ghi chú (ví dụ "Văn bản còn hiệu lực", "Kế hoạch giai đoạn 2021–2025")');
  });
});

describe("a note that gives no such reason (A9-3)", () => {
  it.each([
    "Văn bản đã hết hiệu lực",
    "Văn bản không còn hiệu lực",
    "Quyết định chưa có hiệu lực",
    "Nâng cao hiệu lực, hiệu quả quản lý nhà nước",
    "Kế hoạch giai đoạn 2016-2020",
    "Đang trong giai đoạn rà soát",
    "Nhiều năm liền không ban hành",
    "Kế hoạch dài hạn",
    "Không còn áp dụng",
  ])("%j leaves the warning", (note) => {
    expect(check(note)).toEqual(["EVIDENCE_DATE_OUT_OF_PERIOD 1.1 Biểu!F3"]);
  });

  it("a document dated after the period keeps its warning whatever the note", () => {
    const after = codes(score(set, [row("1", { max: 1 }), row("1.1", { max: 1, self: 1, evidence: "Kế hoạch số 15/KH-UBND ngày 15/3/2026", note: "Văn bản còn hiệu lực" })]));
    expect(after).toEqual(["EVIDENCE_DATE_OUT_OF_PERIOD 1.1 Biểu!F3"]);
  });
});
