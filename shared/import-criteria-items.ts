import { fromCents, toCents } from "./decimal.ts";
import { buildLeaf, labelPointsDiffer, type ImportedItem, type Note } from "./import-criteria-leaf.ts";
import { ADJUSTMENT_SECTION, readMethod, titleNamesSurvey, titleSaysBest } from "./import-criteria-method.ts";
import type { DecisionRow, DecisionTable } from "./import-criteria-rows.ts";
import { rowsForUnit } from "./import-criteria-levels.ts";
import type { UnitType } from "./criteria-schema.ts";
import { foldText } from "./text.ts";

/**
 * The decision's rows as a tree of criteria items: parents by code, maxes that add up
 * (or the greatest child for "trường hợp nào có điểm cao nhất"), the bonus/deduction
 * section, survey parts; every max it had to derive or correct is noted.
 */
interface Node {
  row: DecisionRow;
  children: Node[];
  /** Lettered cases each worth the whole and scored their own way, with no best-of sentence: read as best, noted. */
  cases?: boolean;
}


export function buildItems(table: DecisionTable, unitType: UnitType, note: Note): { items: ImportedItem[]; maxPoints: number } {
  for (const args of table.notes) note(...args);
  for (const part of table.renumbered) note("PART_RENUMBERED", part.cell, { part: part.part, from: part.from, field: part.field ? "yes" : "no" });
  const roots = treeOf(rowsForUnit(table.rows, unitType, note), note);
  const items = roots.map((node) => {
    const adjustment = ADJUSTMENT_SECTION.test(foldText(node.row.title)) || node.row.adjustmentField === true;
    const item = build(node, { adjustment, deduction: false, survey: false }, note);
    return inContractOrder(adjustment ? { ...item, adjustment: true } : item);
  });
  resolveRequirements(items, table, note);
  resolveFloors(items, table, note);
  const maxPoints = fromCents(items.filter((i) => !i.adjustment).reduce((sum, i) => sum + toCents(i.max ?? 0), 0));
  if (table.totals && toCents(table.totals.value) !== toCents(maxPoints)) note("TOTAL_MISMATCH", table.totals.cell, { value: table.totals.value, sum: maxPoints });
  return { items, maxPoints };
}

/** Keys in the order the contract writes them, so a printed set reads like a hand-written one. */
function inContractOrder(item: ImportedItem): ImportedItem {
  const { code, title, max, min, adjustment, combine, floor, notApplicable, requires, rule, evidence, children } = item;
  const ordered: ImportedItem = { code, title };
  if (max !== undefined) ordered.max = max;
  if (min !== undefined) ordered.min = min;
  if (adjustment) ordered.adjustment = adjustment;
  if (combine) ordered.combine = combine;
  if (floor !== undefined) ordered.floor = floor;
  if (notApplicable) ordered.notApplicable = notApplicable;
  if (requires) ordered.requires = requires;
  if (rule) ordered.rule = rule;
  if (evidence) ordered.evidence = evidence;
  if (children) ordered.children = children.map(inContractOrder);
  return ordered;
}

/**
 * "Chỉ chấm khi tiêu chí 4 đạt điểm tối đa": the leaf requires item 4 (or 1.4 when the
 * decision numbers criteria within field 1, as the set's codes do not) to reach its max;
 * "… đạt điểm", "đã ban hành … tại tiêu chí 4" to score above 0, written as the smallest
 * positive score item 4 can take. A code the set lacks, the leaf itself or its parent, or a
 * survey item cannot be required: noted, and left out.
 */
function resolveRequirements(items: ImportedItem[], table: DecisionTable, note: Note): void {
  const byCode = new Map<string, ImportedItem>();
  const walk = (list: ImportedItem[]): void => list.forEach((i) => (byCode.set(i.code, i), walk(i.children ?? [])));
  walk(items);
  const surveyUnder = (i: ImportedItem): boolean => i.rule?.kind === "survey" || (i.children ?? []).some(surveyUnder);
  for (const item of byCode.values()) {
    if (!item.requires) continue;
    const encloses = (t: ImportedItem | undefined) => t !== undefined && (item.code === t.code || item.code.startsWith(`${t.code}.`));
    const exact = byCode.get(item.requires.code);
    const inField = numberedInField(item.code, item.requires.code, byCode);
    // "TCTP 2.1" on sub-criterion 2.2.2 of a decision numbering within field II is its sibling
    // 2.2.1, not the set's criterion 2.1: a condition names an item at its own level.
    const level = (i: ImportedItem | undefined) => i?.code.split(".").length;
    const sibling = inField && level(inField) === level(item) && level(exact) !== level(item) ? inField : undefined;
    const target = sibling ?? (encloses(exact) ? undefined : exact) ?? inField ?? exact;
    if (target) item.requires.code = target.code;
    const row = table.rows.find((r) => r.code === item.code);
    const said = row && (readMethod(row.method).requires ?? readMethod(row.note).requires);
    if (target && !encloses(target) && !surveyUnder(target)) {
      item.requires.atLeast = said?.level === "scored" ? smallestPositive(target) : (target.max ?? 0);
      continue;
    }
    note("REQUIREMENT_UNRESOLVED", said?.cell ?? row?.maxCell ?? "", { code: item.code, target: item.requires.code, text: said?.text ?? "", reason: target ? "other" : "missing" });
    delete item.requires;
  }
}

/**
 * "Đạt điểm" is a score above 0. `requires` is a lower bound, so it holds the least positive
 * score the item can take — its smallest positive option or band, its step — which reads as
 * the decision does ("đạt 0,5 điểm trở lên") and is met exactly when the score is above 0.
 * Scores are hundredths, so 0.01 is that bound for any other rule.
 */
function smallestPositive(item: ImportedItem): number {
  const rule = item.rule;
  const candidates = item.children
    ? item.children.map(smallestPositive)
    : rule?.kind === "choice"
      ? rule.options
      : rule?.kind === "ratio" && "bands" in rule
        ? rule.bands.map((b) => b.points)
        : rule?.kind === "manual"
          ? [rule.step]
          : [];
  const positive = candidates.filter((p) => p > 0);
  return positive.length > 0 ? Math.min(...positive) : 0.01;
}

/** "Tiêu chí 4" as the decision numbers it under a field, which the set codes 1.4: the nearest enclosing item's. */
function numberedInField(code: string, named: string, byCode: Map<string, ImportedItem>): ImportedItem | undefined {
  const parts = code.split(".");
  for (let n = parts.length - 1; n >= 1; n--) {
    const found = byCode.get(`${parts.slice(0, n).join(".")}.${named}`);
    if (found) return found;
  }
  return undefined;
}

/**
 * "Tổng điểm tiêu chí 2.1 không nhỏ hơn 0 (không âm)" on the row of 2.1, or on one of its
 * sub-criteria ("Tổng điểm tiêu chí 3 không thấp hơn 0" under the decision's criterion 3):
 * the named parent (else the row's own item) gets `floor`. A leaf's points never go below its
 * `min` already, so a floor there that its min meets says nothing more; one it cannot hold
 * (a code the set lacks, a leaf that can score below it) is noted.
 */
function resolveFloors(items: ImportedItem[], table: DecisionTable, note: Note): void {
  const byCode = new Map<string, ImportedItem>();
  const walk = (list: ImportedItem[]): void => list.forEach((i) => (byCode.set(i.code, i), walk(i.children ?? [])));
  walk(items);
  for (const row of table.rows) {
    const own = byCode.get(row.code);
    const said = own && (readMethod(row.method).floor ?? readMethod(row.note).floor);
    if (!own || !said) continue;
    const ancestorOrSelf = (t: ImportedItem | undefined) => t !== undefined && (own.code === t.code || own.code.startsWith(`${t.code}.`));
    const exact = said.code === null ? own : byCode.get(said.code);
    const target = said.code === null ? own : ((ancestorOrSelf(exact) ? exact : undefined) ?? numberedInField(own.code, said.code, byCode) ?? exact);
    if (target?.children && !target.adjustment) target.floor = said.value;
    else if (!target || target.adjustment || (target.min ?? 0) < said.value) note("FLOOR_UNRESOLVED", said.cell, { code: own.code, text: said.text });
  }
}

/** Parents are found by code (the longest code the row's code extends); the first duplicate wins. */
function treeOf(rows: DecisionRow[], note: Note): Node[] {
  const roots: Node[] = [];
  const byCode = new Map<string, Node>();
  for (const row of rows) {
    const seen = byCode.get(row.code);
    if (seen) {
      note("DUPLICATE_CODE", row.cell, { code: row.code, first: seen.row.cell });
      continue;
    }
    if (!row.title) note("TITLE_MISSING", row.cell, { code: row.code });
    const node: Node = { row: row.title ? row : { ...row, title: `Tiêu chí ${row.code}` }, children: [] };
    byCode.set(row.code, node);
    const parent = parentOf(row, byCode, roots, note);
    (parent ? parent.children : roots).push(node);
  }
  for (const node of byCode.values()) foldLetterOptions(node);
  return roots;
}

function parentOf(row: DecisionRow, byCode: Map<string, Node>, roots: Node[], note: Note): Node | null {
  const parts = row.code.split(".");
  for (let n = parts.length - 1; n >= 1; n--) {
    const parent = byCode.get(parts.slice(0, n).join("."));
    if (parent) return parent;
  }
  if (parts.length === 1) return null;
  const code = parts[0]!;
  const title = `Lĩnh vực ${code}`;
  note("PARENT_MISSING", row.cell, { code: row.code, parent: code, title });
  const made: Node = { row: { ...row, code, letter: false, title, max: null, method: [], note: [], evidence: "" }, children: [] };
  byCode.set(code, made);
  roots.push(made);
  return made;
}

/**
 * "a) Ban hành kịp thời: 1 điểm", "b) …" under a criterion are its options, not its
 * sub-criteria, when their points are alternatives: some are blank or 0, or the greatest
 * is the criterion's max while they do not add up to it.
 */
function foldLetterOptions(node: Node): void {
  const kids = node.children;
  if (kids.length === 0 || !kids.every((k) => k.row.letter && k.children.length === 0)) return;
  const maxes = kids.map((k) => k.row.max);
  const sum = maxes.reduce<number>((acc, m) => acc + toCents(m ?? 0), 0);
  const addsUp = node.row.max !== null && sum === toCents(node.row.max);
  const alternatives = maxes.some((m) => m === null || m === 0) || (node.row.max !== null && Math.max(...maxes.map((m) => m ?? 0)) === node.row.max);
  if (addsUp || !alternatives) return;
  // "a) Trường hợp có … | 2 | Từ 50% … : 2 điểm", "b) Trường hợp không có … | 2 | …" under "thuộc
  // trường hợp nào thì chấm theo trường hợp đó": cases the parent picks the best of, each scored
  // by its own method, never options of the parent (IMP7-9).
  if (readMethod(node.row.method).best || titleSaysBest(node.row.title)) return;
  // Without that sentence, cases each worth the whole and each with a method of its own are still
  // alternatives: summed, the max would double; as options, their methods would be lost.
  if (kids.every((k) => k.row.max === node.row.max && readMethod(k.row.method).rule.kind !== "none")) {
    node.cases = true;
    return;
  }
  for (const kid of kids) node.row.method.push({ text: kid.row.title, points: kid.row.max ?? undefined, cell: kid.row.cell }, ...kid.row.method);
  node.children = [];
}

interface Context {
  adjustment: boolean;
  deduction: boolean;
  survey: boolean;
  /** A parent's "(Áp dụng đối với các huyện có …)" restricts each criterion under it. */
  appliesToSome?: DecisionRow["appliesToSome"];
}

/** In the bonus/deduction section: does this text speak of a deduction (true), a bonus (false), or both or neither (null)? */
function deductionWords(text: string): boolean | null {
  const folded = foldText(text);
  const deducts = /(?<![a-z])(tru|phat)(?![a-z])/.test(folded);
  const adds = /(?<![a-z])(thuong|cong)(?![a-z])/.test(folded);
  return deducts === adds ? null : deducts;
}

/**
 * A title that names the survey makes its items survey items, unless it is a leaf whose own
 * method scores it ("Khảo sát sự hài lòng tại Bộ phận Một cửa": "Tổ chức khảo sát …: 1
 * điểm; không tổ chức: 0"): then the survey is the unit's task. So does a parent's method that
 * says the survey scores it ("Điều tra xã hội học" once on a field's row) over items with no
 * method of their own.
 */
function namesSurvey(node: Node): boolean {
  if (node.children.length > 0 && readMethod(node.row.method).rule.kind === "survey" && leavesUnscored(node)) return true;
  if (!titleNamesSurvey(node.row.title)) return false;
  if (node.children.length > 0) return true;
  const { kind } = readMethod(node.row.method).rule;
  return kind === "none" || kind === "survey";
}

/** No leaf under `node` has a method of its own that scores it. */
function leavesUnscored(node: Node): boolean {
  if (node.children.length > 0) return node.children.every(leavesUnscored);
  const { kind } = readMethod(node.row.method).rule;
  return kind === "none" || kind === "survey";
}

function build(node: Node, outer: Context, note: Note): ImportedItem {
  const { row } = node;
  const words = node.children.length === 0 ? [row.title, ...row.method.map((l) => l.text)].join(" ") : row.title;
  const ctx: Context = {
    adjustment: outer.adjustment,
    deduction: outer.adjustment && ((row.max !== null && row.max < 0) || (deductionWords(words) ?? outer.deduction)),
    survey: outer.survey || row.surveyPart || namesSurvey(node),
    appliesToSome: row.appliesToSome ?? outer.appliesToSome,
  };
  if (node.children.length === 0) {
    return buildLeaf({ ...row, cell: row.maxCell, survey: ctx.survey, adjustment: ctx.adjustment, deduction: ctx.deduction, appliesToSome: ctx.appliesToSome }, note);
  }
  const children = node.children.map((child) => build(child, ctx, note));
  const method = readMethod(row.method);
  const reading = { ...method, best: method.best || titleSaysBest(row.title) || node.cases === true };
  if (node.cases) note("CASES_READ_AS_BEST", row.maxCell, { code: row.code, cases: node.children.map((c) => c.row.title).join("; "), max: row.max ?? 0 });
  const item: ImportedItem = { code: row.code, title: row.title };
  // Only best-of, a floor and the survey words that make its items survey items ("Điều tra xã hội
  // học" in the method column of the field's row) are a parent's own; any other words on its row
  // are noted, never dropped in silence.
  const said = method.rule.kind === "survey" && ctx.survey ? [] : method.said.filter((c) => !titleSaysBest(c.text));
  const unread = [...(method.requires ? [method.requires.text] : []), ...said.map((c) => c.text)];
  if (unread.length > 0) note("PARENT_METHOD_IGNORED", row.method[0]!.cell, { code: row.code, text: unread.join("; ") });
  if (ctx.adjustment) return { ...item, children };
  const cents = children.map((c) => toCents(c.max ?? 0));
  const computed = fromCents(reading.best ? Math.max(...cents) : cents.reduce((a, b) => a + b, 0));
  if (row.max === null) {
    note("MAX_DERIVED", row.maxCell, { code: row.code, max: computed, from: reading.best ? "best" : "children" });
    labelPointsDiffer(row.code, row.labelPoints, computed, reading.best ? "best" : "children", note);
  }
  else if (toCents(row.max) !== toCents(computed)) note("SUM_MISMATCH", row.maxCell, { code: row.code, value: row.max, sum: computed });
  return { ...item, max: computed, ...(reading.best ? { combine: "best" as const } : {}), children };
}
