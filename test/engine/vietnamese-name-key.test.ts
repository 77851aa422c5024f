/**
 * One unit name however an office writes it (API6-6): the tone's place, case and spaces, and
 * now the punctuation Excel and Word change on their own — ' becomes ’ — or people add: a
 * hyphen in "Ea-H'Leo", quotes, brackets, a trailing comma. Letters and digits still decide.
 */
import { describe, expect, it } from "vitest";
import { sameUnitName, vietnameseNameKey } from "../../shared/vietnamese-name-key.ts";

describe("vietnameseNameKey: punctuation is not part of a name", () => {
  it.each([
    ["Xã Ea H'Leo", "Xã Ea H’Leo"],
    ["Xã Ea H'Leo", "Xã Ea H‘Leo"],
    ["Xã Ea H'Leo", "Xã Ea Hʼleo"],
    ["Xã Ea H'Leo", "Xã Ea H´Leo"],
    ["Xã Ea H'Leo", "Xã Ea-H'Leo"],
    ["Xã Ea Kao", "Xã Ea–Kao"],
    ["Xã Ea Kao", "Xã Ea—Kao"],
    ["Xã Ea Kao", "Xã Ea ‐ Kao"],
    ["Xã Cư M'gar", "XÃ CƯ M’GAR"],
    ["Xã Quang Trung", 'Xã "Quang Trung"'],
    ["Xã Quang Trung", "Xã “Quang Trung”"],
    ["Xã Quang Trung", "Xã «Quang Trung»"],
    ["Xã Quang Trung", "Xã Quang Trung,"],
    ["Xã Quang Trung", "Xã Quang Trung."],
    ["Xã Quang Trung", "Xã Quang Trung;"],
    ["Xã Quang Trung 6633", "Xã Quang Trung, 6633"],
    ["Xã Quang Trung 6633", "Xã Quang Trung (6633)"],
    ["Xã Quang Trung 6633", "Xã Quang Trung [6633]"],
    ["Xã Quang Trung", "Xã Quang-Trung"],
    ["Tỉnh Minh Họa (minh họa)", "Tỉnh Minh Hoạ (minh hoạ)"],
    // A run of digits is its number (API7-7): Excel pads or keeps the zero by the cell's format.
    ["Phường 1", "Phường 01"],
    ["Phường 01", "Phường 001"],
    ["Thị trấn 03A", "Thị trấn 3A"],
    ["Phường 10", "Phường 010"],
  ])("%s and %s are one name", (a, b) => {
    expect(vietnameseNameKey(a)).toBe(vietnameseNameKey(b));
    expect(sameUnitName(a, b)).toBe(true);
  });

  it.each([
    ["Xã Ea H'Leo", "Xã Ea Hleo"],
    ["Phường 1", "Phường 2"],
    ["Phường 1/5", "Phường 15"],
    ["Phường 1/05", "Phường 15"],
    ["Phường 10", "Phường 1"],
    ["Phường 100", "Phường 10"],
    ["Xã Quang Trung", "Xã Quang Trung (cũ)"],
    ["Xã Tân Thủy", "Xã Tân Thúy"],
  ])("%s and %s stay two names", (a, b) => {
    expect(sameUnitName(a, b)).toBe(false);
  });

  it("keeps the tone with its syllable across a hyphen", () => {
    expect(vietnameseNameKey("Xã Hòa-Bình")).toBe(vietnameseNameKey("xã hoà bình"));
  });
});
