import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cleanText, foldText, isBlankUnit } from "../../shared/text.ts";
import { fuzzParameters } from "../../fixtures/fuzz-settings.ts";

/**
 * cleanText and foldText are one pass each now (issue 17: they were a fifth of scoring); these
 * are the regular-expression chains they were, kept here as the reference they must equal.
 */
const referenceClean = (s: string): string => s.normalize("NFC").replace(/[\s\u00a0\u200b]+/g, " ").trim();
const referenceFold = (s: string): string =>
  s
    .replace(/[\uff01-\uff20\uff3b-\uff40\uff5b-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐðÐ]/g, "d")
    .replace(/[\u00ad\u200c\u200d\u2060\ufeff]/g, "")
    .replace(/[\s\u00a0\u200b]+/g, " ")
    .trim()
    .toLowerCase();

/** What Vietnamese cells hold: letters with their marks both ways, blanks of every kind, hidden and full-width characters. */
const POOL = [
  ..."aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵÁÀẢÃẠẾỀỂỄỆỚỜỞỠỢỨỪỬỮỰ",
  ..."0123456789.,:;()/%-–*",
  ..."\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031b",
  ..." \t\n\r\u000b\u000c\u00a0\u1680\u2000\u2007\u200a\u200b\u2028\u2029\u202f\u205f\u3000\ufeff",
  ..."\u00ad\u200c\u200d\u2060ðÐİ\u0130ſﬁ",
  ..."０１２３４５６７８９／：；（）－＠［｀｛～Ａ",
  "\ud83d\ude00",
  "\ud800",
];
const cellText = fc.array(fc.constantFrom(...POOL), { maxLength: 40 }).map((parts) => parts.join(""));

describe("cleanText and foldText in one pass (issue 17)", () => {
  it("fold blanks exactly where /[\\s\\u00a0\\u200b]/ does, for every UTF-16 unit", () => {
    const wrong: number[] = [];
    for (let c = 0; c <= 0xffff; c++) if (isBlankUnit(c) !== /[\s\u00a0\u200b]/.test(String.fromCharCode(c))) wrong.push(c);
    expect(wrong).toEqual([]);
  });

  it("skip normalising only text NFC leaves unchanged: every Latin unit, alone and beside any other", () => {
    const latin: string[] = [];
    for (let c = 0; c <= 0x2ff; c++) latin.push(String.fromCharCode(c));
    for (let c = 0x1e00; c <= 0x1eff; c++) latin.push(String.fromCharCode(c));
    const changed = latin.filter((a) => latin.some((b) => (a + b).normalize("NFC") !== a + b));
    expect(changed).toEqual([]);
  });

  it("equal the reference chains on Vietnamese cells of every kind", () => {
    fc.assert(
      fc.property(cellText, (s) => {
        expect(cleanText(s)).toBe(referenceClean(s));
        expect(foldText(s)).toBe(referenceFold(s));
      }),
      fuzzParameters("text-fold", process.env, 3000),
    );
  });

  it("equal them on any text at all, and on a cell of 32,767 characters", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 60 }), (s) => {
        expect(cleanText(s)).toBe(referenceClean(s));
        expect(foldText(s)).toBe(referenceFold(s));
      }),
      fuzzParameters("text-fold-any", process.env, 2000),
    );
    const long = "Kế hoạch số 307/KH-MTTQ-BTT  ngày 09/9/2022;\u00a0".repeat(745).slice(0, 32_767);
    expect(foldText(long)).toBe(referenceFold(long));
    expect(cleanText(long)).toBe(referenceClean(long));
  });

  it("hand a clean cell back as it is", () => {
    for (const s of ["1.1.2", "Ban hành kế hoạch cải cách hành chính năm 2024", "Điểm tự đánh giá", ""]) expect(cleanText(s)).toBe(s);
    expect(cleanText("  Tiêu chí\u00a0 2\n")).toBe("Tiêu chí 2");
    expect(foldText(" ĐIỂM  TỰ ĐÁNH GIÁ\u200b(１)")).toBe("diem tu danh gia (1)");
  });
});
