import { describe, expect, it } from "vitest";
import { compareVietnamese, foldText } from "../../shared/text.ts";
import { rankUnits } from "../../shared/rank.ts";
import { percentOf, round2, toCents } from "../../shared/decimal.ts";

describe("Vietnamese text", () => {
  it("folds case, diacritics, line breaks and spaces", () => {
    expect(foldText("  Điểm tự\nđánh  giá ")).toBe("diem tu danh gia");
    expect(foldText("TÀI LIỆU KIỂM CHỨNG")).toBe("tai lieu kiem chung");
  });
  it("sorts in Vietnamese dictionary order", () => {
    const names = ["Điện Biên", "Đắk Lắk", "An Giang", "Đà Nẵng", "Dĩ An", "Bà Rịa", "Ân Thi", "Ăn Khê"];
    expect([...names].sort(compareVietnamese)).toEqual(["An Giang", "Ăn Khê", "Ân Thi", "Bà Rịa", "Dĩ An", "Đà Nẵng", "Đắk Lắk", "Điện Biên"]);
  });
  it("treats NFC and NFD alike", () => {
    expect(compareVietnamese("Đắk Lắk", "Đắk Lắk".normalize("NFD"))).toBe(0);
  });
  it("sorts a look-alike 'Ð' (U+00D0, typed for Đ) as Đ, not after Z (a CLI tester's check-dir)", () => {
    const names = ["Xã Phụ Mỹ", "\u00D0à Lạt", "Dĩ An", "Đắk Lắk"];
    expect([...names].sort(compareVietnamese)).toEqual(["Dĩ An", "\u00D0à Lạt", "Đắk Lắk", "Xã Phụ Mỹ"]);
    expect(compareVietnamese("\u00D0à Lạt", "Đà Lạt")).toBe(0);
  });
});

describe("hundredths", () => {
  it("adds exactly and rounds half up", () => {
    expect((toCents(0.1) + toCents(0.2)) / 100).toBe(0.3);
    expect(round2(0.6995)).toBe(0.7);
    expect(round2(55.96 / 80)).toBe(0.7);
    expect(percentOf(8145, 10000)).toBe(81.45);
    expect(percentOf(1, 0)).toBe(0);
  });
});

describe("rankUnits", () => {
  it("shares ranks on ties, skips the next and lists ties alphabetically", () => {
    const ranked = rankUnits([
      { unit: "Đắk Lắk", percent: 85.42 },
      { unit: "Hải Phòng", percent: 96.17 },
      { unit: "An Giang", percent: 85.42 },
      { unit: "Lạng Sơn", percent: 81.45 },
    ]);
    expect(ranked.map((r) => [r.rank, r.unit])).toEqual([
      [1, "Hải Phòng"],
      [2, "An Giang"],
      [2, "Đắk Lắk"],
      [4, "Lạng Sơn"],
    ]);
  });
});
