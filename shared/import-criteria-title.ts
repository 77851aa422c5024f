import type { UnitType } from "./criteria-schema.ts";
import { a1, type GridSheet } from "./grid.ts";
import { cleanText, foldText } from "./text.ts";

/**
 * The decision's own title naming another year or level than the import was given (CF3-5):
 * "CHỈ SỐ CẢI CÁCH HÀNH CHÍNH CỦA UBND CÁC XÃ, PHƯỜNG NĂM 2025" imported with --year 2024
 * --unit-type province gave a set of 2024 for provinces without a word, and once published
 * every commune document of 2025 was out of its period, or the set offered to the wrong level.
 * Said as one note at the title's cell; the set keeps what the import was given (the admin
 * chose it, and a decision may be reused for the next year on purpose).
 *
 * Read narrowly: a year only as "năm YYYY" not after "từ" ("áp dụng từ năm 2023" is a set
 * kept for later years) and not a range ("năm 2021 - 2025"); a level only by the phrases
 * titles use for their units ("các xã, phường", "cấp huyện", "các sở, ban, ngành"), and only
 * when the title names one level, before any "thuộc" (the level its units belong to is not theirs).
 */
export interface TitleDisagreement {
  cell: string;
  /** What the title says, and what the import was given, in the note's words. */
  said: string;
  asked: string;
  /** The same in English ("the year 2024, commune level"). */
  saidEn: string;
  askedEn: string;
}

const LEVELS: readonly { types: readonly UnitType[]; words: RegExp; vi: string; en: string }[] = [
  { types: ["commune", "ward"], words: /(?<![a-z])(?:cap xa|cac xa|xa, phuong|phuong, xa|xa, thi tran)(?![a-z])/, vi: "cấp xã", en: "commune level" },
  { types: ["district"], words: /(?<![a-z])(?:cap huyen|cac huyen|quan, huyen|huyen, quan|huyen, thi xa|huyen, thanh pho)(?![a-z])/, vi: "cấp huyện", en: "district level" },
  { types: ["department"], words: /(?<![a-z])(?:cac so|so, ban|so, nganh|co quan chuyen mon)(?![a-z])/, vi: "cấp sở", en: "department level" },
  { types: ["province"], words: /(?<![a-z])cap tinh(?![a-z])/, vi: "cấp tỉnh", en: "province level" },
];
const ASKED_LEVEL: Record<UnitType, [vi: string, en: string]> = {
  province: ["cấp tỉnh", "province level"],
  department: ["cấp sở", "department level"],
  district: ["cấp huyện", "district level"],
  commune: ["cấp xã", "commune level"],
  ward: ["cấp phường", "ward level"],
};

const YEAR = /(?<![a-z])nam (\d{4})(?!\d|\s*[-–—]\s*\d)/g;
const FROM = /(?:^|[^a-z])tu\s*$/;

function titleYears(folded: string): number[] {
  const years = new Set<number>();
  for (const m of folded.matchAll(YEAR)) if (!FROM.test(folded.slice(0, m.index))) years.add(Number(m[1]));
  return [...years];
}

export function titleDisagreement(sheet: GridSheet, headerTop: number, title: string | null, year: number, unitType: UnitType): TitleDisagreement | null {
  if (!title) return null;
  const folded = foldText(cleanText(title));
  const said: string[] = [];
  const asked: string[] = [];
  const saidEn: string[] = [];
  const askedEn: string[] = [];
  const years = titleYears(folded);
  if (years.length === 1 && years[0] !== year) {
    said.push(`năm ${years[0]}`);
    asked.push(`năm ${year}`);
    saidEn.push(`the year ${years[0]}`);
    askedEn.push(`the year ${year}`);
  }
  // "các phòng chuyên môn thuộc UBND quận, huyện": the units are those before "thuộc", not the level they belong to.
  const units = folded.split(/(?<![a-z])thuoc(?![a-z])/)[0]!;
  const levels = LEVELS.filter((l) => l.words.test(units));
  if (levels.length === 1 && !levels[0]!.types.includes(unitType)) {
    said.push(levels[0]!.vi);
    asked.push(ASKED_LEVEL[unitType][0]);
    saidEn.push(levels[0]!.en);
    askedEn.push(ASKED_LEVEL[unitType][1]);
  }
  if (said.length === 0) return null;
  return { cell: titleCell(sheet, headerTop, title), said: said.join(", "), asked: asked.join(", "), saidEn: saidEn.join(", "), askedEn: askedEn.join(", ") };
}

/** The cell above the header holding the title (or its first line), else the sheet's first cell. */
function titleCell(sheet: GridSheet, headerTop: number, title: string): string {
  const want = foldText(cleanText(title));
  for (let r = 0; r < Math.min(headerTop, sheet.rows.length); r++) {
    const row = sheet.rows[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const v = row[c]?.v;
      if (typeof v !== "string") continue;
      const text = foldText(cleanText(v));
      if (text.length >= Math.min(8, want.length) && want.includes(text)) return a1(sheet.name, r, c);
    }
  }
  return a1(sheet.name, 0, 0);
}
