/**
 * Unit names as offices spell them (red-team round 22): the i/y choice after a consonant
 * ("Kì"/"Kỳ", "Mĩ"/"Mỹ", "Lí"/"Lý", "Qui"/"Quy") is a spelling convention, one name either way
 * (WB22-6); full-width digits are digits, in the key and in the id folded from the name (WB22-7).
 */
import { describe, expect, it } from "vitest";
import { sameUnitName, vietnameseNameKey } from "../../shared/vietnamese-name-key.ts";
import { foldText } from "../../shared/text.ts";

describe("i and y after a consonant are one letter in a name (WB22-6)", () => {
  it.each([
    ["Xã Kỳ Sơn", "Xã Kì Sơn"],
    ["Xã Mỹ Lộc", "Xã Mĩ Lộc"],
    ["Xã Quy Đức", "Xã Qui Đức"],
    ["Xã Quý Lộc", "Xã Quí Lộc"],
    ["Xã Qúy Lộc", "Xã Quí Lộc"],
    ["Phường Lý Thái Tổ", "Phường Lí Thái Tổ"],
    ["Xã Hy Cương", "Xã Hi Cương"],
    ["Thị trấn Sỹ Hai", "Thị trấn Sĩ Hai"],
    ["XÃ KỲ SƠN", "xã kì sơn"],
    ["Xã Tân Kỳ", "Xã Tân Kì"],
  ])("%s and %s are one name", (a, b) => {
    expect(vietnameseNameKey(a)).toBe(vietnameseNameKey(b));
    expect(sameUnitName(a, b)).toBe(true);
  });

  it.each([
    // A vowel before the y makes it part of another rhyme: "Huy" is no "Hui", "Thủy" no "Thủi", "Tây" no "Tâi".
    ["Xã Huy Hoàng", "Xã Hui Hoàng"],
    ["Xã Tân Thủy", "Xã Tân Thủi"],
    ["Phường Tây Sơn", "Phường Tâi Sơn"],
    ["Xã Kỳ Sơn", "Xã Kỷ Sơn"],
    ["Xã Mỹ Lộc", "Xã Mã Lộc"],
    ["Xã Yên Lạc", "Xã Iên Lạc"],
  ])("%s and %s stay two names", (a, b) => {
    expect(sameUnitName(a, b)).toBe(false);
  });
});

describe("full-width digits are digits in a name (WB22-7)", () => {
  it.each([
    ["Phường 2", "Phường ２"],
    ["Phường 20", "Phường ２０"],
    ["Phường 1", "Phường ０１"],
  ])("%s and %s are one name", (a, b) => expect(sameUnitName(a, b)).toBe(true));

  it("'Phường ２' and 'Phường ３' stay two", () => expect(sameUnitName("Phường ２", "Phường ３")).toBe(false));

  it("the folded text an id is made from keeps the number", () => {
    expect(foldText("Phường ２")).toBe("phuong 2");
    expect(foldText("Phường １２Ａ")).toBe("phuong 12ａ");
  });
});
