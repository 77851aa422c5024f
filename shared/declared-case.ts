import { cellText } from "./grid.ts";
import { cleanText } from "./text.ts";
import { countReading, saysNoneCounted } from "./declared-data.ts";
import type { DataCells } from "./leaf-data.ts";

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
 * founded; of a mixed sentence, its founded part.
 */
export function declaredCase(cells: DataCells, title: string): { cases?: number; written: string } | null {
  const heading = marked(title);
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
    const said = caseClauses(marked(text), heading);
    if (!said) continue;
    const n = DEDUCTED_KINDS.some((k) => k.test(heading) && k.test(said)) ? countReading(said) : own ? ownCount(said, heading) : 0;
    if (n === 0) continue;
    return typeof n === "number" ? { cases: n, written } : { written };
  }
  return null;
}

/** Kind words are matched with their marks: folded, "chấm" (to score) is "chậm" (late) and "trẻ" (young) "trễ". */
const marked = (s: string) => s.normalize("NFC").toLowerCase().replace(/\s+/g, " ").trim();
const W = (body: string) => new RegExp(String.raw`(?<!\p{L})(?:${body})(?!\p{L})`, "u");

/** The kinds of case deduction rows are titled by: late, disciplined, in breach, complained of, reported. */
const LATE = String.raw`chậm|trễ|quá hạn|tre han|qua han|sau (?:thời )?hạn`;
const DEDUCTED_KINDS = [
  W(LATE),
  W(String.raw`k[ỷỉ] luật|ky luat|khiển trách|khien trach|cảnh cáo|canh cao|nhắc nhở|nhac nho|phê bình|phe binh`),
  W(String.raw`vi phạm|vi pham|sai phạm|sai pham`),
  W(String.raw`khiếu nại|khieu nai|tố cáo|to cao`),
  W(String.raw`phản ánh|phan anh|kiến nghị|kien nghi`),
];
/** A clause that says none of a kind: "không để xảy ra vi phạm", "không phát hiện sai phạm qua 03 cuộc thanh tra". */
const NONE_OF_THEM = W(String.raw`(?:không|chưa) (?:có )?(?:\p{L}+ ){0,4}?(?:${LATE}|vi phạm|sai phạm|k[ỷỉ] luật|khiếu nại|tố cáo)`);
/** A case verified as not founded: "đã xác minh là khiếu nại không đúng", "không có cơ sở". */
const UNFOUNDED = W(String.raw`không (?:đúng(?! (?:thời )?hạn)|chính xác|có cơ sở)|sai sự thật`);
const FOUNDED = W(String.raw`đúng(?! (?:thời )?hạn)`);
/** Words that make a count another kind than the row's: reports on time, sent, none. */
const OTHER_KIND = W(String.raw`đúng (?:thời )?hạn|kịp thời|đã gửi|không|chưa`);

/**
 * The clauses of a text that may declare a case, joined; "" when none: a clause saying none of
 * the kind is left out, and on a row deducting for complaints verified as founded, when any
 * clause says unfounded, only the clauses saying founded are kept.
 */
function caseClauses(text: string, heading: string): string {
  let clauses = text.split(/\s*[;,](?!\d)\s*/).filter((c) => c && !NONE_OF_THEM.test(c));
  if (/xác minh là đúng/.test(heading) && clauses.some((c) => UNFOUNDED.test(c))) clauses = clauses.filter((c) => !UNFOUNDED.test(c) && FOUNDED.test(c));
  return clauses.join("; ");
}

/** A count of cases ("01 trường hợp", "01 lần", "01 vụ việc") or of the noun the title names ("01 báo cáo"), leading the data cell. */
function ownCount(text: string, heading: string): number {
  const m = /^(?:có )?(\d+) ((?:\p{L}+ ?){1,2})/u.exec(text);
  if (!m || OTHER_KIND.test(text)) return 0;
  const noun = m[2]!.trim();
  return CASE_NOUNS.test(noun) || W(noun).test(heading) ? Number(m[1]) : 0;
}
const CASE_NOUNS = /^(?:trường hợp|lần|lượt|vụ|vụ việc|cá nhân|người|cán bộ|công chức)(?!\p{L})/u;
