import { cellText } from "./grid.ts";
import { cleanText } from "./text.ts";
import { countReading, saysNoneCounted } from "./declared-data.ts";
import type { DataCells, RowCell } from "./leaf-data.ts";
import { syllablePairs } from "./rate-measure.ts";
import { asCaseText, lexiconFor, titleNoun, type Lexicon } from "./case-wording.ts";

/**
 * A case a deduction row declares in its data or note: a bare count above 0 (1), words naming
 * the kind the row deducts for, as its title names it ("01 báo cáo chậm (báo cáo quý III)",
 * "Chậm báo cáo quý III", "Có một báo cáo chậm"), with their count when a figure gives one, or,
 * in the row's own data cell, a count of cases or of what the title names ("01 trường hợp",
 * "01 lần", "01 báo cáo (quý III/2024)"): that column holds the row's kind unless its words say
 * otherwise ("12 báo cáo đúng hạn"). Null when the row declares none ("Không", 0, "Không có báo
 * cáo chậm", "Không phát hiện sai phạm qua 03 cuộc thanh tra"), names figures of another kind
 * ("Gửi 12 báo cáo tháng, 4 báo cáo quý": reports sent; "Tự chấm theo Hướng dẫn …": chấm, to
 * score, is not chậm), or a complaint found unfounded where the row deducts for one verified as
 * founded; of a mixed sentence, its founded part. Counts in words are counts, and a case the
 * sentence says is not the row's kind is none (case-wording.ts).
 */
export function declaredCase(cells: DataCells, title: string): { cases?: number; written: string } | null {
  for (const [{ cell }, own] of [[cells.data, true], [cells.note, false]] as const) {
    if (!cell || cell.err !== undefined) continue;
    const bare = typeof cell.v === "number" ? cell.v : typeof cell.v === "string" && /^\s*\d+\s*$/.test(cell.v) ? Number(cell.v) : null;
    if (bare !== null) {
      if (Number.isInteger(bare) && bare > 0) return { cases: bare, written: cleanText(cellText(cell)) };
      continue;
    }
    if (typeof cell.v !== "string") continue;
    const text = cleanText(cell.v);
    const written = text.length <= 60 ? text : `${text.slice(0, 59)}…`;
    if (saysNoneCounted(text)) continue;
    const lex = lexiconFor(text);
    const heading = lex.words(title);
    const said = caseClauses(lex.words(asCaseText(text, heading, lex, cells.measure?.since)), heading, lex);
    if (!said || /^0$/.test(said)) continue;
    const ofKind = lex.kinds.some((k) => k.test(heading) && k.test(said)) || (VERIFIED_FOUNDED.test(heading) && lex.complaint.test(said) && lex.verifiedComplaint.test(said));
    const n = ofKind ? countReading(said) : own ? ownCount(said, heading, lex) : 0;
    if (n === 0) continue;
    return typeof n === "number" ? { cases: n, written } : { written };
  }
  return null;
}

/**
 * The row's data and note as a count of its cases (a `count` deduction row): counts in words as
 * figures, and a case the sentence says is not of the row's kind left out (case-wording.ts).
 */
export function caseCells(cells: DataCells, title: string): DataCells {
  const read = (at: RowCell): RowCell => {
    const cell = at.cell;
    if (!cell || typeof cell.v !== "string") return at;
    const lex = lexiconFor(cell.v);
    const v = asCaseText(cleanText(cell.v), lex.words(title), lex, cells.measure?.since);
    return v === cleanText(cell.v) ? at : { ...at, cell: { ...cell, v } };
  };
  return { ...cells, data: read(cells.data), note: read(cells.note) };
}

/** A row deducting for complaints verified as founded ("… được xác minh là đúng"). */
const VERIFIED_FOUNDED = /xác minh là đúng|xac minh la dung/;

/**
 * The clauses of a text that may declare a case, joined; "" when none: a clause saying none of
 * the kind is left out, and on a row deducting for complaints verified as founded, when any
 * clause says unfounded, only the clauses saying founded are kept.
 */
function caseClauses(text: string, heading: string, lex: Lexicon): string {
  let clauses = text.split(/\s*[;,](?!\d)\s*/).filter((c) => c && !lex.noneOfThem.test(c));
  if (VERIFIED_FOUNDED.test(heading) && clauses.some((c) => lex.unfounded.test(c))) clauses = clauses.filter((c) => !lex.unfounded.test(c) && lex.founded.test(c));
  return clauses.join("; ");
}

/**
 * A count of cases ("01 trường hợp", "01 lần", "01 vụ việc", "01 đơn" on a complaint row) or of
 * the noun the title names ("01 báo cáo"), leading the data cell — a case only when nothing after
 * it makes it another kind: words naming which one (a period with its number, "quý III/2024", a
 * bracketed document, "(Công văn 1234/UBND-KSTT)") leave it the row's; any other words must be
 * the title's own ("01 báo cáo CCHC") or qualify it as the title does (two syllables of the
 * title: "được Thanh tra huyện xác minh là đúng"), so "04 báo cáo định kỳ", "12 báo cáo tháng" (reports
 * sent) and "01 vụ việc (đang xác minh)" (not yet verified) are none.
 */
function ownCount(text: string, heading: string, lex: Lexicon): number {
  const m = /^(?:có )?(\d+) ((?:\p{L}+ ?){1,2})/u.exec(text);
  if (!m || lex.otherKind.test(text)) return 0;
  const noun = m[2]!.trim();
  const counted = lex.caseNouns.test(noun) || titleNoun(noun, heading) || (lex.complaint.test(heading) && lex.complaint.test(noun));
  if (!counted) return 0;
  const rest = text
    .slice(m[0].length)
    .replace(/\([^()]*\d[^()]*\)/gu, " ")
    .replace(/(?<!\p{L})(?:quý|quy|tháng|thang|năm|nam|ngày|ngay|số|so)\s*(?:\d|[ivx]+(?!\p{L}))\S*/gu, " ")
    .replace(/\S*\d\S*/gu, " ");
  const words = rest.match(/\p{L}+/gu) ?? [];
  // Words qualifying it the title's way are the row's: "(được Thanh tra huyện) xác minh là đúng", "kết luận".
  const titlePairs = new Set(syllablePairs(heading));
  return words.every((w) => titleNoun(w, heading)) || syllablePairs(rest).some((p) => titlePairs.has(p)) ? Number(m[1]) : 0;
}
