import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ratioInWords, ratioReading } from "../../shared/declared-data.ts";
import { measureOf, PLAIN_RATE, type Measure } from "../../shared/rate-measure.ts";
import { foldText, looksBlank, withoutInvisible } from "../../shared/text.ts";

/**
 * The engine's shortcuts on its hot path (issue 17, item 3) give what the long way gives:
 * a lone percentage is read at once, a blank-looking cell is found at its first visible
 * character, folded text is remembered by its text.
 */

/** The measures the demo sets' rate titles give (a year of comparison too), and the plain rate. */
function measures(): Measure[] {
  const titles = new Set<string>();
  const walk = (o: unknown): void => {
    if (o === null || typeof o !== "object") return;
    const title = (o as { title?: unknown }).title;
    if (typeof title === "string") titles.add(title);
    for (const v of Object.values(o)) walk(v);
  };
  for (const f of readdirSync("fixtures/criteria").filter((x) => x.endsWith(".json"))) walk(JSON.parse(readFileSync(`fixtures/criteria/${f}`, "utf8")));
  for (const t of ["Tỷ lệ hoàn thành chỉ tiêu giảm nghèo", "Tốc độ tăng trưởng GRDP so với chỉ tiêu Nghị quyết", "Tỷ lệ tăng thu ngân sách so với năm trước"]) titles.add(t);
  const distinct = new Map<string, Measure>();
  for (const m of [PLAIN_RATE, ...[...titles].flatMap((t) => [measureOf(t), measureOf(t, 2023)])]) distinct.set(JSON.stringify(m, (_, v: unknown) => (v instanceof RegExp ? String(v) : v)), m);
  return [...distinct.values()];
}

describe("a lone percentage is read as the sentence reader reads it", () => {
  const lone: string[] = [];
  for (let i = 0; i <= 120; i += 7) lone.push(`${i}%`, ` ${i} %`, `${i},5%`, `${i}.25%`, `${i},125 %`, `${i},0%`, `\u00a0${i}%\u00a0`);
  lone.push("0%", "999%", "05%", "100,0000%", "1.0001%");
  const all = measures();

  it("for every demo set's measure", () => {
    expect(all.length).toBeGreaterThan(20);
    const differ: string[] = [];
    for (const m of all) for (const s of lone) if (JSON.stringify(ratioReading(s, true, m)) !== JSON.stringify(ratioInWords(s, true, m))) differ.push(`${JSON.stringify(s)} ${JSON.stringify(m)}`);
    expect(differ).toEqual([]);
  });

  it("not where words or other figures are beside it", () => {
    for (const s of ["Đạt 100%", "100% (kế hoạch 95%)", "1.250%", "100%%", "12/2024", "98% năm 2023", "-5%", "100 %."]) {
      expect(ratioReading(s), s).toEqual(ratioInWords(s));
    }
    expect(ratioReading("100%", false)).toEqual(ratioInWords("100%", false));
  });
});

describe("looksBlank is withoutInvisible(s).trim() === ''", () => {
  it("for every character of the basic plane and the format characters beyond it, alone, between spaces and beside a zero-width space", () => {
    const differ: number[] = [];
    const beyond = [0x110bd, 0x110cd, 0x13430, 0x1343f, 0x1bca0, 0x1bca3, 0x1d173, 0x1d17a, 0xe0001, 0xe0020, 0xe007f, 0x1f600, 0x20000, 0x10ffff];
    for (const c of [...Array.from({ length: 0x10000 }, (_, i) => i), ...beyond]) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const ch = String.fromCodePoint(c);
      for (const s of [ch, ` ${ch} `, `\u200b${ch}\u00ad`]) if (looksBlank(s) !== (withoutInvisible(s).trim() === "")) differ.push(c);
    }
    expect(differ).toEqual([]);
    expect(looksBlank("")).toBe(true);
    expect(looksBlank("\u00ad\u200b \ufeff")).toBe(true);
    expect(looksBlank("\u00adQuyết định số 12/QĐ-UBND")).toBe(false);
  });
});

describe("foldText remembered by its text", () => {
  it("folds alike the first time, again, past the memory's bound, and for long text", () => {
    const texts = Array.from({ length: 5000 }, (_, i) => `Tiêu chí ${i}: Ban hành KẾ HOẠCH đúng hạn — Đạt ${i % 100}%`);
    const first = texts.map(foldText);
    expect(first[7]).toBe("tieu chi 7: ban hanh ke hoach dung han — dat 7%");
    expect(texts.map(foldText)).toEqual(first);
    const long = "Quyết định ".repeat(40);
    expect(foldText(long)).toBe(foldText(long));
    expect(foldText(long)).toBe("quyet dinh ".repeat(40).trim());
  });
});
