import type { UnitType } from "./criteria-schema.ts";
import { a1, cellText, mergedCellAt, sheetWidth, type GridSheet } from "./grid.ts";
import type { Note } from "./import-criteria-leaf.ts";
import { classifyLabel, type HeaderMatch } from "./locate-table.ts";
import { cleanText, foldText } from "./text.ts";

/**
 * One table for several unit levels: a max column per level ("Điểm tối đa" over "Cấp huyện |
 * Cấp xã"), and criteria that apply to one level only ("Sắp xếp thôn, tổ dân phố (Áp dụng
 * đối với cấp xã)"). The set is made for one unit type (--unit-type): its column, its criteria.
 */
const LEVELS: [UnitType[], string, RegExp][] = [
  // "Thị xã" is a district-level town, not a commune: districts are looked for first.
  [["district"], "cấp huyện", /cap huyen|(?<![a-z])(?:huyen|quan|thi xa)(?![a-z])/],
  [["commune", "ward"], "cấp xã", /cap xa|(?<![a-z])(?:xa|phuong|thi tran)(?![a-z])/],
  [["department"], "cấp sở", /cap so|so,? ban,? nganh|co quan chuyen mon/],
  [["province"], "cấp tỉnh", /cap tinh/],
];

function levelOf(folded: string): UnitType[] | null {
  return LEVELS.find(([, , re]) => re.test(folded))?.[0] ?? null;
}

/**
 * A max column's level, from its label as written: also a bare "Sở" ("Điểm tối đa" over "Sở |
 * Huyện | Xã"), told apart from a "số" by its marks, which folding loses (the district's column had been
 * taken for a department's set).
 */
function columnLevelOf(label: string): UnitType[] | null {
  return levelOf(foldText(label)) ?? (namesDepartments(label) ? ["department"] : null);
}

/** A bare "Sở" or "ngành" as written: the departments' level, told apart from a "số" by its marks (folding loses them). */
export const namesDepartments = (text: string): boolean => /(?<!\p{L})(?:sở|ngành)(?!\p{L})/iu.test(text.normalize("NFC"));

export function levelName(unitType: UnitType): string {
  return LEVELS.find(([types]) => types.includes(unitType))![1];
}

export interface MaxColumn {
  column: number;
  /** What to tell the admin about the choice, when the table has a max column per level. */
  note: Parameters<Note> | null;
  /** The other levels' max columns, when this level has its own: a row with points there and none in its own is not this level's. */
  others: number[];
  /** The own column's label, for the note about such a row. */
  label?: string;
}

/**
 * The max column of `unitType` among columns per level; the header's own (the first) when the
 * table has one max column, or none for this level (noted).
 */
export function maxColumnFor(sheet: GridSheet, header: HeaderMatch, column: number, unitType: UnitType): MaxColumn {
  const labelAt = (c: number) => cleanText([header.headerTop, header.headerBottom].filter((r, i, all) => all.indexOf(r) === i).map((r) => cellText(mergedCellAt(sheet, r, c))).join(" "));
  const perLevel: { c: number; label: string; levels: UnitType[] }[] = [];
  for (let c = 0; c < sheetWidth(sheet); c++) {
    const label = labelAt(c);
    const levels = classifyLabel(label) === "max" ? columnLevelOf(label) : null;
    if (levels && !perLevel.some((p) => p.levels === levels)) perLevel.push({ c, label, levels });
  }
  if (perLevel.length < 2) return { column, note: null, others: [] };
  const labels = perLevel.map((p) => `"${p.label}"`).join(", ");
  const own = perLevel.find((p) => p.levels.includes(unitType));
  const used = own ?? perLevel.find((p) => p.c === column) ?? perLevel[0]!;
  const cell = a1(sheet.name, header.headerBottom, used.c);
  return {
    column: used.c,
    others: own ? perLevel.filter((p) => p !== own).map((p) => p.c) : [],
    label: used.label,
    note: own ? ["MAX_COLUMN_BY_LEVEL", cell, { label: used.label, labels, level: levelName(unitType), unit: unitType }] : ["MAX_COLUMN_LEVEL_MISSING", cell, { label: used.label, labels, level: levelName(unitType), unit: unitType }],
  };
}

/** "(Áp dụng đối với cấp xã)", "chỉ áp dụng cho UBND cấp huyện, cấp xã", "không áp dụng đối với cấp xã". */
// At the start of a clause or in brackets: "văn bản áp dụng cho huyện" in a sentence says nothing of the criterion.
const APPLIES = /(?:^|[(;.:\-–]\s*|tieu chi nay\s+)(khong\s+)?(?:chi\s+)?ap dung (?:doi voi|voi|cho|tai)\s+(?:cac\s+)?(?:ubnd\s+|uy ban nhan dan\s+|don vi\s+)?(?=(?:cap (?:huyen|xa|tinh|so)|huyen|quan|thi xa|xa|phuong|thi tran|so,? ban,? nganh)(?![a-z]))([^);.]{0,40})/;

/** The levels a row's words restrict it to, or leave it out of; null when they say nothing of levels. */
function appliesTo(text: string): { levels: UnitType[]; not: boolean; said: string } | null {
  const m = APPLIES.exec(foldText(text));
  if (!m) return null;
  const levels = m[2]!.split(/,|\bva\b|\bhoac\b/).flatMap((part) => levelOf(part) ?? []);
  // The words as written, for the note.
  const said = /(?:không\s+)?(?:chỉ\s+)?áp\s+dụng[^();.]{0,60}/iu.exec(text.normalize("NFC"))?.[0].trim() ?? m[0];
  return levels.length === 0 ? null : { levels, not: m[1] !== undefined, said };
}

/**
 * Some units of a level, named by what they have or are: "(Áp dụng đối với các huyện có đơn vị
 * hành chính cấp xã thuộc diện sắp xếp)", "Tiêu chí này chỉ áp dụng đối với huyện có …", "áp
 * dụng đối với các cơ quan có đơn vị trực thuộc", "(đối với huyện miền núi)" — at a clause's
 * start or in brackets, as APPLIES. A level alone ("cấp huyện") or its kinds listed ("các huyện,
 * thị xã, thành phố") is the whole level, not some of it.
 */
const UNIT_WORD = String.raw`(cap (?:huyen|xa|tinh|so)|huyen|quan|thi xa|xa|phuong|thi tran|so,? ban,? nganh|so|nganh|co quan|don vi|dia phuong)`;
const QUALIFIER = String.raw`(?:co|khong co|thuoc|nam|duoc|da|chua|mien nui|vung|bien gioi|ven bien|dac biet|noi|la)(?![a-z])`;
const SOME_UNITS_AFTER = String.raw`\s+(?:cac\s+)?(?:ubnd\s+|uy ban nhan dan\s+)?${UNIT_WORD}\s+(?=${QUALIFIER})`;
const SOME_UNITS = new RegExp(String.raw`(?:(?:^|[(;.:\-–]\s*|tieu chi (?:thanh phan )?nay\s+)(?:chi\s+)?ap dung (?:doi voi|voi|cho|tai)|\(\s*(?:chi\s+)?doi voi)${SOME_UNITS_AFTER}`);
/** In a note naming the criteria ("Các tiêu chí 4.2, 4.3 chỉ áp dụng đối với …") the words may stand mid-sentence. */
const SOME_UNITS_NAMED = new RegExp(String.raw`(?<![a-z])ap dung (?:doi voi|voi|cho|tai)${SOME_UNITS_AFTER}`);

/** Words restricting a row to some units of `unitType`'s level, as written, or null. */
export function appliesToSome(text: string, unitType: UnitType | undefined, pattern = SOME_UNITS): string | null {
  const m = pattern.exec(foldText(text));
  if (!m) return null;
  // "cơ quan", "đơn vị" name no level ("quan" inside "cơ quan" is no district).
  const level = /^(?:co quan|don vi|dia phuong)$/.test(m[1]!) ? null : (levelOf(m[1]!) ?? (/^(?:so|nganh)\b/.test(m[1]!) ? ["department"] : null));
  if (level && unitType && !level.includes(unitType)) return null;
  return /(?:(?:chỉ\s+)?áp\s+dụng|đối\s+với)[^();.\n]{0,80}/iu.exec(text.normalize("NFC"))?.[0].trim() ?? m[0];
}

/**
 * The rows of a table that apply to `unitType`: a coded row whose title or method restricts it
 * to other levels is left out with the rows under it, noted. §7 makes one set per unit type.
 * A row restricted to some units of this level carries the words (`appliesToSome`).
 */
export function rowsForUnit<R extends { code: string; title: string; cell: string; method: { text: string }[]; max: number | null; levelOff?: string; appliesToSome?: AppliesToSome }>(rows: R[], unitType: UnitType, note: Note): R[] {
  const out: R[] = [];
  let dropped: string | null = null;
  // A row whose own column is left blank while rows under it have points there is this level's
  // (a field's total left to the sum): only a row with none under it is another level's.
  const pointsUnder = (row: R) => rows.some((r) => r.code.startsWith(`${row.code}.`) && r.max !== null);
  for (const row of rows) {
    if (dropped !== null && row.code.startsWith(`${dropped}.`)) continue;
    dropped = null;
    const levelOff = row.levelOff !== undefined && !pointsUnder(row) ? row.levelOff : undefined;
    const said = levelOff !== undefined ? { levels: [], not: false, said: levelOff } : appliesTo([row.title, ...row.method.map((l) => l.text)].join(" ; "));
    if (said && said.levels.includes(unitType) === said.not) {
      note("NOT_FOR_UNIT_TYPE", row.cell, { code: row.code, said: said.said, level: levelName(unitType), unit: unitType });
      dropped = row.code;
      continue;
    }
    // The row's own words before a note under the table naming it (restrictionsBelow).
    const some = [row.title, ...row.method.map((l) => l.text)].map((t) => appliesToSome(t, unitType)).find((w) => w !== null);
    out.push(some ? { ...row, appliesToSome: { said: some, cell: row.cell } } : row);
  }
  return out;
}

/** What restricts a row to some units of the level, and where it is written. */
export interface AppliesToSome {
  said: string;
  cell: string;
}

/**
 * "- Các tiêu chí 4.2, 4.3 chỉ áp dụng đối với các huyện có …; huyện không thuộc diện sắp xếp thì
 * không chấm, điểm tối đa của tiêu chí được trừ khỏi tổng điểm" under the table: the criteria it
 * names by code are restricted as if their own rows said so.
 */
const NAMED_CRITERIA = /\b(?:cac\s+)?(?:tieu chi|chi tieu|tctp|tc)(?:\s+(?:thanh phan|so))?\s+((?:\d{1,2}(?:\.\d{1,2}){0,3})(?:\s*(?:,|;|va|\/)\s*\d{1,2}(?:\.\d{1,2}){0,3})*)/;

export function restrictionsBelow(rows: { code: string; appliesToSome?: AppliesToSome }[], below: { cell: string; text: string }[], unitType: UnitType | undefined): void {
  for (const line of below) {
    const named = NAMED_CRITERIA.exec(foldText(line.text));
    const said = named ? appliesToSome(line.text, unitType, SOME_UNITS_NAMED) : null;
    if (!named || !said) continue;
    for (const code of named[1]!.split(/\s*(?:,|;|va|\/)\s*/)) {
      const row = rows.find((r) => r.code === code);
      if (row && !row.appliesToSome) row.appliesToSome = { said, cell: line.cell };
    }
  }
}
