import type { UnitType } from "./criteria-schema.ts";
import { a1, cellText } from "./grid.ts";
import type { LocatedTable } from "./locate-table.ts";
import { foldText } from "./text.ts";

/** Title lines read above the header: the heading block of a form is a few rows. */
const TITLE_ROWS = 12;

export interface TitleLine {
  text: string;
  folded: string;
  cell: string;
}

/** The non-blank cells of the rows above a table's header, row by row, left to right. */
export function titleLines(table: LocatedTable): TitleLine[] {
  const out: TitleLine[] = [];
  for (let r = Math.max(0, table.header.headerTop - TITLE_ROWS); r < table.header.headerTop; r++) {
    const row = table.sheet.rows[r] ?? [];
    row.forEach((cell, c) => {
      const text = cellText(cell ?? undefined).trim();
      if (text) out.push({ text, folded: foldText(text), cell: a1(table.sheet.name, r, c) });
    });
  }
  return out;
}

const PEOPLES_COMMITTEE = /^(?:ubnd|uy ban nhan dan)\s+/;
/** Lowercase NFC with diacritics, whitespace folded: what LEVELS read. */
const lowered = (text: string): string => text.normalize("NFC").replace(/[\s\u00a0\u200b]+/g, " ").trim().toLowerCase();

/**
 * A level named at the start of a heading line, by its rank (communes and wards share one). The
 * people's committees are matched folded (a heading typed without accents still names them); a
 * specialised body is matched on the line lowercased with its diacritics, as folded "Sở" would
 * be "Số: 12/BC-UBND" and "Ban" would be "Bản sửa đổi". A specialised body names itself — "SỞ
 * TƯ PHÁP", "PHÒNG NỘI VỤ", "BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP", "Ban Dân tộc", "THANH TRA TỈNH",
 * "VĂN PHÒNG UBND TỈNH", "Đài Phát thanh và Truyền hình" — and is scored with the set for
 * specialised bodies (unit type `department`: a province's sở, ban, ngành, or a district's
 * phòng, as Hà Nội's set for phòng chuyên môn), never by the people's committee it serves,
 * which heads the line above it. Lines opening with the same words are left out: "Ban hành
 * kèm theo …", "Ban Chỉ đạo …", "Phòng, chống …", "Phong trào …".
 */
const LEVELS: { rank: number; type: UnitType; folded: boolean; pattern: RegExp }[] = [
  { rank: 0, type: "commune", folded: true, pattern: /^(?:(?:ubnd|uy ban nhan dan) )?(?:xa|phuong|thi tran|dac khu)\b/ },
  { rank: 1, type: "district", folded: true, pattern: /^(?:(?:ubnd|uy ban nhan dan) )?(?:huyen|quan|thi xa)\b/ },
  { rank: 2, type: "department", folded: false, pattern: /^(?:sở|phòng(?! trào|,| chống)|ban(?! hành| chỉ đạo)|thanh tra|văn phòng|đài phát thanh)(?!\p{L})/u },
  { rank: 3, type: "province", folded: true, pattern: /^(?:ubnd |uy ban nhan dan )tinh\b/ },
];
export const LEVEL_RANK: Record<UnitType, number> = { commune: 0, ward: 0, district: 1, department: 2, province: 3 };

export interface HeadingUnit {
  /** The line as typed ("UBND XÃ AN PHÚ", "PHÒNG NỘI VỤ"). */
  text: string;
  /** Folded, without "UBND"/"Ủy ban nhân dân": two spellings of one unit compare equal. */
  key: string;
  type: UnitType;
  rank: number;
  cell: string;
}

/**
 * The unit whose table this is, from its heading: the last line naming a level. A form heads
 * with the body above the unit, then the unit — "UBND TỈNH AN BÌNH" / "SỞ TƯ PHÁP", "UBND
 * QUẬN BA ĐÌNH" / "PHÒNG NỘI VỤ", "UBND HUYỆN …" / "UBND XÃ TÂN AN" — so the line of the body
 * above is never the unit's level.
 */
export function headingUnit(lines: readonly TitleLine[]): HeadingUnit | null {
  let unit: HeadingUnit | null = null;
  for (const line of lines) {
    const text = lowered(line.text);
    const level = LEVELS.find((l) => l.pattern.test(l.folded ? line.folded : text));
    if (level) unit = { text: line.text, key: line.folded.replace(PEOPLES_COMMITTEE, ""), type: level.type, rank: level.rank, cell: line.cell };
  }
  return unit;
}

/**
 * The unit a table belongs to, by its tab ("Xã An Phú", "UBND Phường 3"), else by its heading:
 * a workbook with one sheet per unit (the communes of a district, or the old communes of one
 * merged in 2025) names each sheet's unit one way or the other, and a tab naming a unit is the
 * sheet's own where a heading copied from sheet to sheet may name only the body above. Shown
 * as the heading writes it when both name the same unit.
 */
export function tableUnit(table: LocatedTable): HeadingUnit | null {
  const name = table.sheet.name.trim();
  const tab = headingUnit([{ text: name, folded: foldText(name), cell: a1(table.sheet.name, 0, 0) }]);
  const heading = headingUnit(titleLines(table));
  return tab && heading?.key !== tab.key ? tab : heading;
}
