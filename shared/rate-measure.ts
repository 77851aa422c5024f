import { notDoneOf, titleKindAt, titleWorkAt } from "./sentence-figures.ts";
import { ratingFloorOf, type RatingLevel } from "./rating-levels.ts";
import { foldText } from "./text.ts";

/**
 * What a rated criterion measures, by its title — the words of its data are read by it
 * (named-figures.ts):
 * - "rate": a rate against a plan, or unsaid ("Tỷ lệ thực hiện dự toán thu"): "Vượt 5%" beyond
 *   the plan is 105 %;
 * - "share": a share of items, its title naming no plan ("Tỷ lệ cán bộ, công chức đạt chuẩn"):
 *   no excess lifts it beyond 100 %, "vượt chỉ tiêu 5%" needs the level it exceeds;
 * - "change": a change itself ("Tỷ lệ giảm đơn vị sự nghiệp so với năm 2021"): "Giảm 12% so
 *   với năm 2021" is the data, not a change against no plan;
 * - "targetOfChange": how far a target of change was met ("Tỷ lệ hoàn thành chỉ tiêu giảm tỷ lệ
 *   hộ nghèo"): "Giảm 1,2% (chỉ tiêu giảm 1%)" is 1,2 / 1 = 120 %.
 */
export type MeasureKind = "rate" | "share" | "change" | "targetOfChange";
export interface Measure {
  kind: MeasureKind;
  /** The title's own done-word negated ("Tỷ lệ hồ sơ được cấp mã …": "chưa cấp mã"), beside the listed ones. */
  notDone?: RegExp;
  /** The pairs of syllables naming what the title measures ("thanh toán", "trực tuyến"), to tell its figure from others. */
  pairs?: string[];
  /**
   * "Tỷ lệ văn bản đi được ký số": the pairs naming the thing counted, before "được" ("văn bản",
   * "bản đi"), and those after it naming what is measured of it ("ký số", "trực tuyến", "điện
   * tử"). A count labelled by the thing alone is the whole, one labelled by the measured words the
   * part (named-figures.ts).
   */
  thing?: string[];
  measured?: string[];
  /** The first year of the period assessed: a figure its words give to an earlier year ("năm 2023: … 15%") is last year's. */
  since?: number;
  /** A share of civil servants rated at or above a level ("… hoàn thành tốt nhiệm vụ trở lên": 1; rating-levels.ts). */
  ratingFloor?: RatingLevel;
  /** A change measured as a fall ("Tỷ lệ giảm biên chế", "tinh giản"): a count then and a count now give (then − now) / then. */
  falls?: true;
}
/** A rate whose title is not known. */
export const PLAIN_RATE: Measure = { kind: "rate" };
/**
 * "Tỷ lệ hoàn thành chỉ tiêu giảm …", "… thực hiện chỉ tiêu (kế hoạch) về (tốc độ) tăng trưởng",
 * "Tỷ lệ giảm … so với chỉ tiêu được giao", "Tốc độ tăng trưởng … so với chỉ tiêu Nghị quyết":
 * a change measured against the change planned, however the province words it.
 */
const CHANGE = String.raw`(?:tăng(?!\s+cường)|giảm|tinh\s+giản)(?!\p{L})`;
const PLANNED = String.raw`(?:chỉ\s+tiêu|mục\s+tiêu|kế\s+hoạch)`;
const TARGET_OF_CHANGE = new RegExp(
  String.raw`(?:thực\s+hiện|hoàn\s+thành|đạt)\s+(?:các\s+)?${PLANNED}(?:\s+\p{L}+){0,6}?\s+${CHANGE}|(?<!\p{L})${CHANGE}.*\bso\s+với\s+(?:các\s+)?${PLANNED}`,
  "u",
);
const CHANGE_ITSELF = /^\s*t[ỷỉ]\s*lệ\s+(?:tăng(?!\s+cường)|giảm|tinh\s+giản)|(?<!\p{L})(?:tăng|giảm|tinh\s+giản)(?!\p{L}).*so\s+với\s+(?:năm|cùng\s+kỳ)/u;
/** A change that is a fall: "giảm", "tinh giản". */
const FALL = /(?<!\p{L})(?:giảm|tinh\s+giản)(?!\p{L})/u;
/** A title measured against a plan or an amount: "dự toán thu", "kế hoạch vốn", "chỉ tiêu được giao", "giải ngân". */
const AGAINST_A_PLAN = /(?<!\p{L})(?:dự\s+toán|kế\s+hoạch|chỉ\s+tiêu|mục\s+tiêu|giao|thu|giải\s+ngân|vốn)(?!\p{L})/u;
/** "được kiểm tra", "được cấp mã": the done-word a title names for what it counts (two syllables at most). */
const TITLE_VERB = /(?<!\p{L})được\s+(\p{L}+(?:\s+\p{L}+)?)/u;
/** Words after "được" that are no verb of work done: "được giao" names the plan. */
const NOT_A_VERB = /^(?:giao|phép)(?!\p{L})/u;

/**
 * Titles of a set are few; the Worker reads many sets, so the cache is bounded. Keyed by the
 * period's year, then by the title itself: a set's title strings are the same strings at every
 * scoring, their hash kept, where a key joined from both was a new string to hash each time
 * (a twentieth of a scoring, bench/engine.bench.ts).
 */
const cache = new Map<number | undefined, Map<string, Measure>>();
let cached = 0;

/** The measure a criterion titled `title` is read by, in a period starting in the year `since`. */
export function measureOf(title: string | undefined, since?: number): Measure {
  if (!title) return since === undefined ? PLAIN_RATE : { kind: "rate", since };
  let byTitle = cache.get(since);
  const known = byTitle?.get(title);
  if (known) return known;
  const t = title.normalize("NFC").toLowerCase();
  const kind: MeasureKind = TARGET_OF_CHANGE.test(t) ? "targetOfChange" : CHANGE_ITSELF.test(t) ? "change" : /^\s*t[ỷỉ]\s*lệ(?!\p{L})/u.test(t) && !AGAINST_A_PLAN.test(t) ? "share" : "rate";
  const verb = TITLE_VERB.exec(t)?.[1];
  const measure: Measure = verb && !NOT_A_VERB.test(verb) ? { kind, notDone: notDoneOf(verb) } : { kind };
  const pairs = titlePairs(t.replace(/^\s*t[ỷỉ]\s*lệ(?!\p{L})/u, " "));
  if (pairs.length > 0) measure.pairs = pairs;
  const split = /(?<!\p{L})được(?!\p{L})/u.exec(t);
  if (split && verb && !NOT_A_VERB.test(verb)) {
    const thing = syllablePairs(t.slice(0, split.index).replace(/^\s*t[ỷỉ]\s*lệ(?!\p{L})/u, " "));
    const measured = pairs.filter((p) => !thing.includes(p));
    if (thing.length > 0) measure.thing = thing;
    if (measured.length > 0) measure.measured = measured;
  } else if (!split) {
    // No "được": the title's first verb of work splits it alike ("Tỷ lệ TTHC cung cấp dịch vụ công
    // trực tuyến toàn trình", "Tỷ lệ hồ sơ giải quyết đúng hạn"), its thing before, what it measures from there.
    const bare = t.replace(/^\s*t[ỷỉ]\s*lệ(?!\p{L})/u, " ");
    // Else at its first word of a kind ("Tỷ lệ hồ sơ trực tuyến": hồ sơ, measured online).
    const work = titleWorkAt(bare);
    const at = work >= 0 ? work : titleKindAt(bare);
    if (at >= 0) {
      // A thing of one word is that word: "TTHC" (no pair of syllables, and plain in pairs: "hồ sơ TTHC" is "hồ sơ").
      const before = bare.slice(0, at);
      const pairs = syllablePairs(before);
      const words = before.match(/\p{L}+/gu) ?? [];
      const thing = pairs.length > 0 ? pairs : words.length === 1 ? words : [];
      const measured = syllablePairs(bare.slice(at)).filter((p) => !thing.includes(p));
      // A title opening on its verb ("Tỷ lệ hoàn thành nhiệm vụ") names no thing apart: its words are all the thing's.
      if (thing.length > 0) {
        measure.thing = thing;
        if (measured.length > 0) measure.measured = measured;
      }
    }
  }
  if (since !== undefined) measure.since = since;
  if (kind === "change" && FALL.test(t)) measure.falls = true;
  const floor = ratingFloorOf(foldText(t));
  if (floor !== null) measure.ratingFloor = floor;
  if (cached >= 500) cache.clear(), (cached = 0), (byTitle = undefined);
  if (!byTitle) cache.set(since, (byTitle = new Map()));
  byTitle.set(title, measure);
  cached++;
  return measure;
}

/** Syllables that name no measure of their own: words of grammar and of every rate's title. */
const PLAIN_SYLLABLES = new Set(["trong", "được", "của", "các", "theo", "và", "về", "cho", "với", "so", "có", "là", "đã", "tthc", "trên", "địa", "bàn", "cấp", "xã", "huyện", "tỉnh", "năm", "quy", "định"]);

/** The syllables of `text` (lower case) that are no plain one: the words naming what a figure is of. */
export const namingSyllables = (text: string): string[] => (text.normalize("NFC").toLowerCase().match(/\p{L}+/gu) ?? []).filter((w) => !PLAIN_SYLLABLES.has(w));

/** Adjacent pairs of syllables of `text` (lower case), neither a plain one: "thanh toán", "toán trực", "trực tuyến". */
export function syllablePairs(text: string): string[] {
  const syllables = text.normalize("NFC").toLowerCase().match(/\p{L}+/gu) ?? [];
  const pairs: string[] = [];
  for (let i = 0; i + 1 < syllables.length; i++) {
    const [a, b] = [syllables[i]!, syllables[i + 1]!];
    if (!PLAIN_SYLLABLES.has(a) && !PLAIN_SYLLABLES.has(b)) pairs.push(`${a} ${b}`);
  }
  return pairs;
}

/**
 * The pairs of a title, with its lists read out: "tiếp nhận, giải quyết trực tuyến" names
 * "tiếp nhận trực tuyến" as well as "giải quyết trực tuyến", so the word before the comma pairs
 * with the word after the next two-syllable one (the words offices name such lists with).
 */
function titlePairs(title: string): string[] {
  const pairs = syllablePairs(title);
  for (const m of title.matchAll(/(\p{L}+)\s*,\s*\p{L}+\s+\p{L}+\s+(\p{L}+)/gu)) {
    const [a, b] = [m[1]!, m[2]!];
    if (!PLAIN_SYLLABLES.has(a) && !PLAIN_SYLLABLES.has(b) && !pairs.includes(`${a} ${b}`)) pairs.push(`${a} ${b}`);
  }
  return pairs;
}
