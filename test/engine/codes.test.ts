import { describe, expect, it } from "vitest";
import { readCodeCell, readTitleCode, stripTitleCode } from "../../shared/codes.ts";
import { resolveCodes } from "../../shared/code-resolution.ts";

describe("codes", () => {
  it.each([
    ["2.1.1. Ban hành kế hoạch", { kind: "dotted", code: "2.1.1" }],
    ["2.1.1 Ban hành kế hoạch", { kind: "dotted", code: "2.1.1" }],
    ["II. CẢI CÁCH THỂ CHẾ", { kind: "roman", n: 2 }],
    ["IV - Tổ chức bộ máy", { kind: "roman", n: 4 }],
    ["a) Ban hành đúng hạn", { kind: "letter", n: 1 }],
    ["đ) Thứ năm", { kind: "letter", n: 5 }],
    ["Tiêu chí 3.2: Công khai TTHC", { kind: "word", level: 2, label: "3.2" }],
    ["Chỉ tiêu 1: Ban hành kế hoạch", { kind: "word", level: 3, label: "1" }],
    ["TCTP 1.1. Ban hành kế hoạch", { kind: "word", level: 3, label: "1.1" }],
    ["Chỉ số thành phần 2.1.3: Công khai TTHC", { kind: "word", level: 3, label: "2.1.3" }],
    ["Lĩnh vực II - Cải cách thể chế", { kind: "word", level: 1, label: "2" }],
    ["4.4.2-Trừ 1 điểm mỗi trường hợp", { kind: "dotted", code: "4.4.2" }],
    ["1.1.1–Ban hành kế hoạch", { kind: "dotted", code: "1.1.1" }],
    ["2.3：Theo dõi thi hành pháp luật", { kind: "dotted", code: "2.3" }],
    ["2-3 báo cáo mỗi năm", null],
    // Option lines under a criterion, not codes: a count in lower case after a bare space, a
    // range, points.
    ["04 báo cáo đúng hạn: 3 điểm", null],
    ["02 - 03 báo cáo: 1,5 điểm", null],
    ["01 báo cáo hoặc không gửi: 0 điểm", null],
    ["2 cuộc kiểm tra trở lên: 4 điểm", null],
    ["01 Báo cáo hoặc không gửi: 0 điểm", null],
    ["01 Ban hành kế hoạch", { kind: "dotted", code: "1" }],
    ["3.5 điểm cho mỗi báo cáo", null],
    ["1 đ cho mỗi sáng kiến", null],
    ["2 Cải cách thủ tục hành chính", { kind: "dotted", code: "2" }],
    ["2.1 ban hành kế hoạch", { kind: "dotted", code: "2.1" }],
    ["2. ban hành kế hoạch", { kind: "dotted", code: "2" }],
    ["2 - Cải cách thủ tục hành chính", { kind: "dotted", code: "2" }],
    // The level under a criterion lettered: "1.1.a." is 1.1.1 as in a code cell; "1.1a" is
    // resolved against the set (code-resolution.ts lettered).
    ["1.1.a. Trên cổng thông tin", { kind: "dotted", code: "1.1.1" }],
    ["1.1.b) Hội nghị", { kind: "dotted", code: "1.1.2" }],
    ["1.1a Trên cổng thông tin", { kind: "dotted", code: "1.1a" }],
    ["1a Trên cổng", null],
    ["Chỉ tiêu giao năm 2024", null],
    ["Chỉ tiêu 1", null],
    ["Nghị định 61/2018/NĐ-CP về một cửa", null],
    ["61/2018/NĐ-CP về một cửa", null],
    ["Ban hành kế hoạch", null],
    ["Việc thực hiện", null],
  ])("title %j → %j", (title, token) => expect(readTitleCode(title)).toEqual(token));

  it.each([
    ["1.1.a. Trên cổng thông tin", "Trên cổng thông tin"],
    ["1.1a Trên cổng thông tin", "Trên cổng thông tin"],
  ])("title %j stripped of its lettered code → %j", (title, rest) => expect(stripTitleCode(title)).toBe(rest));

  it("resolves \"1.1a\" to the set's 1.1.1 where it has one, to 1.1.1 with no set (a decision), and keeps it unknown beside a set without it", () => {
    const tokens = [{ kind: "dotted", code: "1" }, { kind: "dotted", code: "1.1" }, { kind: "dotted", code: "1.1a" }, { kind: "dotted", code: "1.1b" }] as const;
    const known = (codes: string[]) => ({ all: new Set(codes), parents: new Set(["1", "1.1"]) });
    expect(resolveCodes([...tokens])).toEqual(["1", "1.1", "1.1.1", "1.1.2"]);
    expect(resolveCodes([...tokens], known(["1", "1.1", "1.1.1", "1.1.2"]))).toEqual(["1", "1.1", "1.1.1", "1.1.2"]);
    expect(resolveCodes([...tokens], known(["1", "1.1"]))).toEqual(["1", "1.1", "1.1a", "1.1b"]);
  });

  it.each([
    ["1.1", { kind: "dotted", code: "1.1" }],
    ["1.1.", { kind: "dotted", code: "1.1" }],
    ["III", { kind: "roman", n: 3 }],
    ["b", { kind: "letter", n: 2 }],
    ["w", null],
    ["x", { kind: "letter", n: 22 }],
    ["Tổng", null],
    // Typed loosely (probed this session): a decimal comma, a stray space, a closing mark,
    // the field's Roman numeral before the criterion's number.
    ["1,1", { kind: "dotted", code: "1.1" }],
    ["2,1,3", { kind: "dotted", code: "2.1.3" }],
    ["1. 1", { kind: "dotted", code: "1.1" }],
    ["1 . 1 . 2", { kind: "dotted", code: "1.1.2" }],
    ["1.1)", { kind: "dotted", code: "1.1" }],
    ["1.1:", { kind: "dotted", code: "1.1" }],
    ["II.3", { kind: "dotted", code: "2.3" }],
    ["I.1.2", { kind: "dotted", code: "1.1.2" }],
    ["IIII.1", null],
    ["1,250,000", null],
    ["1/1", null],
  ])("code cell %j → %j", (text, token) => expect(readCodeCell(text)).toEqual(token));

  it("strips the code from a title", () => {
    expect(stripTitleCode("2.1.1. Ban hành kế hoạch")).toBe("Ban hành kế hoạch");
    expect(stripTitleCode("II. CẢI CÁCH THỂ CHẾ")).toBe("CẢI CÁCH THỂ CHẾ");
  });

  it("reads global codes under Roman fields even when one is mistyped", () => {
    const t = (s: string) => readCodeCell(s);
    // "3.3" typed for 4.3: that row alone is wrong, not the whole table read as local numbering.
    expect(resolveCodes(["I", "1.1", "1.1.1", "II", "2.1", "III", "3.1", "IV", "4.1", "4.2", "3.3"].map(t))).toEqual(["1", "1.1", "1.1.1", "2", "2.1", "3", "3.1", "4", "4.1", "4.2", "3.3"]);
    // A mistyped first code under a section casts no vote either way.
    expect(resolveCodes(["I", "1.1", "II", "2.1", "III", "2.2", "3.2"].map(t))).toEqual(["1", "1.1", "2", "2.1", "3", "2.2", "3.2"]);
  });

  it("reads numbers under 'Lĩnh vực I' as local or global by the first one under it", () => {
    const t = (s: string) => readCodeCell(s);
    expect(resolveCodes(["Lĩnh vực I", "1", "1.1", "2", "Lĩnh vực II", "1", "1.1"].map(t))).toEqual(["1", "1.1", "1.1.1", "1.2", "2", "2.1", "2.1.1"]);
    expect(resolveCodes(["Lĩnh vực I", "1.1", "1.1.1", "Lĩnh vực II", "2.1"].map(t))).toEqual(["1", "1.1", "1.1.1", "2", "2.1"]);
  });

  it("keeps codes typed in full whole after a label numbered in full (round 9: '7.1' had become 6.7.1)", () => {
    const t = (s: string) => readCodeCell(s);
    // The bonus section's header carries no code; its rows are typed 7.1, 7.2.
    expect(resolveCodes(["Lĩnh vực VI", "6.1", "6.2", "7.1", "7.2"].map(t))).toEqual(["6", "6.1", "6.2", "7.1", "7.2"]);
    // Only the first field written in words: the fields after it numbered 2, 2.1 … (was 1.2, 1.2.1: 13/100).
    expect(resolveCodes(["Lĩnh vực I", "1.1", "1.2", "2", "2.1", "3", "3.1"].map(t))).toEqual(["1", "1.1", "1.2", "2", "2.1", "3", "3.1"]);
    expect(resolveCodes(["4", "4.1", "Tiêu chí 5", "5.1", "6", "6.1"].map(t))).toEqual(["4", "4.1", "5", "5.1", "6", "6.1"]);
    // Local numbering under a label still is: the first number under it decides.
    expect(resolveCodes(["Lĩnh vực VI", "1", "2", "Lĩnh vực VII", "1"].map(t))).toEqual(["6", "6.1", "6.2", "7", "7.1"]);
  });

  it("reads Roman rows over fields numbered 1, 2 … as parts without a code", () => {
    const t = (s: string) => readCodeCell(s);
    expect(resolveCodes(["I", "1", "1.1", "2", "2.1", "II", "3", "3.1"].map(t))).toEqual([null, "1", "1.1", "2", "2.1", null, "3", "3.1"]);
  });

  it("resolves local numbering under Roman sections and letters", () => {
    const t = (s: string) => readCodeCell(s);
    expect(resolveCodes(["I", "1", "1.1", "a", "b", "II", "1", "1.1"].map(t))).toEqual(["1", "1.1", "1.1.1", "1.1.1.1", "1.1.1.2", "2", "2.1", "2.1.1"]);
    expect(resolveCodes(["I", "1.1", "1.1.1", "II", "2.1"].map(t))).toEqual(["1", "1.1", "1.1.1", "2", "2.1"]);
    expect(resolveCodes(["I", "I.1", "I.1.1", "II", "II.1", "II.1.1"].map(t))).toEqual(["1", "1.1", "1.1.1", "2", "2.1", "2.1.1"]);
    expect(resolveCodes(["1", "1.1", "a", "b", "1.2"].map(t))).toEqual(["1", "1.1", "1.1.1", "1.1.2", "1.2"]);
    // A sheet per field: one Roman row over its criteria numbered 1, 2 …
    expect(resolveCodes(["I", "1", "1.1", "2"].map(t))).toEqual(["1", "1.1", "1.1.1", "1.2"]);
    // Knowing the set: letters under a leaf are its options ("a) Ban hành kịp thời: 1 điểm"), not criteria.
    expect(resolveCodes(["1", "1.1", "a", "b", "1.2"].map(t), { parents: new Set(["1"]), all: new Set(["1", "1.1", "1.2"]) })).toEqual(["1", "1.1", null, null, "1.2"]);
  });
});
