import { syllablePairs } from "./rate-measure.ts";
import { foldText } from "./text.ts";

/**
 * The words a deduction row's cells say their cases with, read as the row reads them: the kinds
 * of case deduction rows are titled by, counts written in words, and a case the sentence itself
 * says is not of the row's kind. Kind words are matched with their marks — folded, "chấm" (to
 * score) is "chậm" (late) and "trẻ" (young) "trễ" — unless the text was typed with no marks at
 * all ("Cham gui 01 bao cao"), where the marks cannot tell them apart and the kinds are read
 * without theirs.
 */

const MARKS = /[\u0300-\u036f]/g;
/** A pattern's source without marks: its words as they are typed with none. */
const unmarked = (source: string) => source.normalize("NFD").replace(MARKS, "").replace(/đ/g, "d");

/** A text written with no mark anywhere: no letter outside ASCII. */
export const typedWithoutMarks = (text: string): boolean => /\p{L}/u.test(text) && !/[^\x00-\x7f]/.test(text);

/** The kinds of case deduction rows are titled by: late, disciplined, in breach, complained of, reported. */
const LATE = String.raw`chậm|trễ|quá hạn|sau (?:thời )?hạn`;
const KINDS = [
  LATE,
  // The forms of discipline (khiển trách … buộc thôi việc); a reprimand or a criticism is none of them (WB17-2).
  String.raw`k[ỷỉ] luật|khiển trách|cảnh cáo|hạ bậc lương|giáng chức|cách chức|buộc thôi việc`,
  String.raw`nhắc nhở|phê bình`,
  String.raw`vi phạm|sai phạm`,
  String.raw`khiếu nại|tố cáo`,
  String.raw`phản ánh|kiến nghị`,
];
/** The sanctions a discipline or reprimand row counts. */
const SANCTIONS = `${KINDS[1]}|${KINDS[2]}`;
/** The forms of discipline, each a sanction of its own (KINDS' discipline less "kỷ luật" itself). */
const FORMS = String.raw`khiển trách|cảnh cáo|hạ bậc lương|giáng chức|cách chức|buộc thôi việc`;
/**
 * The words that may stand before a kind word in a clause saying it was imposed: "đã bị xử lý kỷ
 * luật", "bị kỷ luật", "đã thi hành kỷ luật", "bị áp dụng hình thức cảnh cáo", and a decision
 * issued ("đã có / đã ban hành quyết định kỷ luật", WB24-7: a decision is how it is imposed). Any other ("đang
 * xem xét", "đã đề nghị", "dự kiến", "được miễn", "trước khi", "không có … nào") says it was not.
 */
const IMPOSED_WORDS = String.raw`đã|bị|đều|cũng|và|xử lý|xử lí|thi hành|áp dụng|ra quyết định|có quyết định|ban hành quyết định|quyết định|hình thức|với|bằng`;
/** The words of a sanction awaited: "đang chờ", "đang xem xét", "còn chờ xem xét", "đã bị đề nghị". */
const PENDING = String.raw`(?:chờ|xem xét|đề nghị)`;
/**
 * A sanction as the decision's own words name it, nothing else between: "(có / ban hành) quyết định kỷ luật",
 * "xử lý kỷ luật", "văn bản nhắc nhở", "bị khiển trách", and the forms after it ("kỷ luật bằng hình thức cảnh cáo").
 */
const DECIDED = String.raw`(?:(?:có|ban hành|ra|bị|xử lý|xử lí|áp dụng|thi hành|tiến hành|xem xét|đề nghị) )*(?:(?:quyết định|văn bản|hình thức) )?(?:xử lý |xử lí )?(?:${SANCTIONS})(?: (?:(?:bằng|với) )?(?:hình thức )?(?:${SANCTIONS}))*`;
/**
 * A sanction agreed to: the sanction as what a proposal, a course or a decision asks for — "đề nghị (xử lý) kỷ luật",
 * "theo hướng kỷ luật", "(về) việc khiển trách", "Quyết định số 12/QĐ-UBND kỷ luật …" — with no negation, exemption or
 * postponement before it in its phrase nor an exemption after it. A sanction's word naming a body or a rule ("Hội đồng
 * (xét) kỷ luật", "Nghị định … về xử lý kỷ luật", "Quy định … về thi hành kỷ luật") or exempted ("không áp dụng hình
 * thức kỷ luật", "miễn truy cứu trách nhiệm kỷ luật") is none (WB34-4/5).
 */
const SANCTION_AGREED = String.raw`(?<!\p{L})(?=đề nghị|hướng|việc|\d)(?<!(?<!\p{L})(?:miễn|không|chưa|chẳng|hoãn|rút)(?!\p{L})(?:(?!chấp thuận|đồng ý|chấp nhận|phê duyệt|cho phép)[^;])*)(?:đề nghị|hướng|việc|\d\S*)(?: (?:xử lý|xử lí|thi hành|áp dụng))?(?: hình thức)? (?:${SANCTIONS})(?!\p{L})(?![^;]*(?<!\p{L})miễn(?!\p{L}))`;
/** The words of an authority's name ("chủ tịch", "UBND", "Sở", "Ban Thường vụ", "huyện"…). */
const OFFICE = String.raw`(?:chủ tịch|phó|giám đốc|thủ trưởng|người đứng đầu|trưởng|bí thư|ban|thường vụ|thường trực|ủy ban|uỷ ban|nhân dân|ubnd|hđnd|hội đồng nhân dân|huyện ủy|huyện uỷ|tỉnh ủy|tỉnh uỷ|thành ủy|thành uỷ|quận ủy|quận uỷ|thị ủy|thị uỷ|đảng ủy|đảng uỷ|sở|nội vụ|tư pháp|tài chính|y tế|giáo dục|đào tạo|công thương|tài nguyên|môi trường|giao thông|vận tải|lao động|thương binh|xã hội|văn hóa|văn hoá|thể thao|du lịch|khoa học|công nghệ|thông tin|truyền thông|nông nghiệp|nông thôn|ngoại vụ|dân tộc|bộ|cục|chi cục|văn phòng|phòng|cơ quan|và|tỉnh|huyện|xã|phường|thị xã|thị trấn|thành phố|quận|trung ương|chánh|cấp ủy|cấp uỷ|chi bộ|khối|kiểm tra|các cơ quan|đơn vị|địa phương|cấp trên|quản lý|trực tiếp|có thẩm quyền)`;
/**
 * The nouns an authority's name starts with ("Chủ tịch …", "UBND …", "Sở …", "Phòng …", "Ban …", "Huyện ủy …"): a
 * place word alone ("xã", "tỉnh") or a department's ("nội vụ") starts none — "người dân trong xã", "báo chí của tỉnh"
 * name no authority (WB32-3).
 */
const HEAD = String.raw`(?:chủ tịch|phó|giám đốc|thủ trưởng|người đứng đầu|hiệu trưởng|viện trưởng|trưởng|bí thư|ban|thường vụ|thường trực|ủy ban|uỷ ban|ubnd|hđnd|hội đồng nhân dân|huyện ủy|huyện uỷ|tỉnh ủy|tỉnh uỷ|thành ủy|thành uỷ|quận ủy|quận uỷ|thị ủy|thị uỷ|đảng ủy|đảng uỷ|sở|bộ|cục|chi cục|văn phòng|phòng|cơ quan|chánh|cấp ủy|cấp uỷ|chi bộ)`;
/** When, before who imposed it: "nhưng sau đó / cuối cùng UBND huyện khiển trách" — a time, not a subject's word. */
const WHEN = String.raw`(?: (?:ngay )?(?:sau đó|sau cùng|cuối cùng|tiếp đó|kế đó|về sau))`;
/**
 * A "khi" that may open a condition: not "sau khi" (after), "(cho) đến khi" (until), nor "khi đó / khi ấy / khi này" (at
 * that time) — "vì khi đó chưa có kết luận …, tháng 10 … đã khiển trách" is a sanction imposed (WB39-5).
 */
const TIME_KHI = String.raw`(?<!(?:sau|đến) )khi(?! (?:đó|ấy|này)(?!\p{L}))`;
/** How far back a condition ("nếu …", "khi …") is read from what it governs, in characters: bounded work per word. */
const REACH = 1000;
/**
 * How many words a granting's subject may take: a title written out in full reaches some fifteen ("Phó Chủ tịch Thường
 * trực Ủy ban nhân dân tỉnh Bà Rịa - Vũng Tàu"); ten cut "Chủ tịch Ủy ban nhân dân thành phố Hồ Chí Minh" (WB37-4).
 */
const SUBJECT_WORDS = 20;
/**
 * "được" and the subject of a granting, in its clause (no other "được", no "đã", no comma, ";" or "nhưng / mà / thì / nên"): what a negation
 * before it negates is the granting, whoever it names (WB37-1).
 */
const GRANTED_BY = String.raw` được(?: (?!(?:được|đã|nhưng|song|rồi|mà|thì|nên)(?!\p{L}))[^\s,;]+){1,${SUBJECT_WORDS}}?`;
/**
 * What an offence may do to a plan that was approved: the things granted approval, not a request ("phương án", "dự toán"),
 * and the investment policy or list the offence changed ("tự ý điều chỉnh chủ trương đầu tư / danh mục mua sắm", WB39-4).
 */
const PLANS = String.raw`(?:phương án|thiết kế|dự án|kế hoạch|dự toán|đề án|quy hoạch|chủ trương(?: đầu tư)?|hồ sơ mời thầu|danh mục(?: \p{L}+){0,2})`;
/**
 * An office whose name ends in a plan's noun ("Ban Quản lý dự án", "Viện Quy hoạch", "Trung tâm Phát triển dự án", "Sở Kế
 * hoạch"): the noun names the office, no plan the offence acts on (WB39-3).
 */
const PLAN_OFFICE = String.raw`(?:ban|viện|trung tâm|sở|phòng|cục|chi cục|công ty)(?: (?:quản lý|phát triển|điều hành)(?: các)?)?`;
/** A proper name in the lexicon's words, each of its letters one mark (see `Lexicon.named`). */
const NAME = "ʼ";
/**
 * The words that say what became of a sanction, never a place's name whatever their case (WB34-1/2): a negation, a
 * modal, a plan, what is awaited or asked, a conjunction, a granting — "KHÔNG", "CHƯA", "SẼ", "Dự Kiến", "Đồng Ý".
 */
const NEVER_NAMED = String.raw`không|chưa|chẳng|chả|sẽ|cần|phải|nên|có thể|muốn|dự kiến|dự định|sắp|toan|chuẩn bị|đang|còn|chờ|xem xét|đề nghị|kiến nghị|đề xuất|tham mưu|yêu cầu|xin|từ chối|hoãn|tạm hoãn|nhưng|mà|thì|rồi|nếu|khi|để|vì|do|chấp thuận|đồng ý|chấp nhận|phê duyệt|cho phép|miễn`;
/** A count written in words: "một", "hai" … "mười" ("năm" is also a year: only before a case noun). */
const NUMBER_WORDS: Record<string, number> = { một: 1, hai: 2, ba: 3, bốn: 4, năm: 5, sáu: 6, bảy: 7, bẩy: 7, tám: 8, chín: 9, mười: 10 };
/** What offices count cases in, whatever the row's title names. */
const CASE_NOUNS = String.raw`trường hợp|lần|lượt|vụ việc|vụ|cá nhân|người|cán bộ|công chức|viên chức|đơn thư|đơn(?! vị)`;

/** The words of one writing, with marks or without: each pattern built once. */
export interface Lexicon {
  /** Reads the text and the title as this lexicon's words (lowercase; folded when without marks). */
  words: (s: string) => string;
  /**
   * `words`, each proper name after an authority's words (a word written capitalised: "Đại Lộc", "An Phú", "TP") one
   * mark a letter, so that "UBND huyện Đại Lộc" reads as an authority's whole name and "UBND huyện quên" does not (WB32-2).
   */
  named: (s: string) => string;
  kinds: RegExp[];
  /**
   * Where `imposed` (a kind's pattern) finds a sanction in `text`: one no far condition governs ("imposed"), or only ones
   * a condition ("nếu / khi / trong trường hợp …", not "sau khi") opened farther back than REACH and still open there —
   * no ";", full stop, closing bracket nor "nhưng / mà" since; a "khi" with its "thì", a "nếu" with no "đã" since (WB39-6)
   * — governs ("conditional": the patterns no longer read back to it), or none (WB37-5).
   */
  imposedPast: (imposed: RegExp, text: string) => "imposed" | "conditional" | "none";
  /** A clause that says none of a kind: "không để xảy ra vi phạm", "không phát hiện sai phạm qua 03 cuộc thanh tra". */
  noneOfThem: RegExp;
  /**
   * A sanction denied or awaited, the negation or pending word governing the sanction itself: "chưa
   * có / chưa ban hành quyết định kỷ luật", "chưa bị khiển trách", "không xử lý kỷ luật", "chưa có
   * văn bản nhắc nhở", "đang chờ / đang xem xét (quyết định) kỷ luật" (WB25-7), "không tiến hành / không
   * xem xét xử lý kỷ luật", "chưa kịp ban hành quyết định kỷ luật", "được miễn kỷ luật". Between the word and
   * the sanction only the decision's own words: what is awaited in "đang chờ nghỉ hưu", "đang xem xét
   * bổ nhiệm", "còn chờ ý kiến" is something else (WB27-5). A negation of anything else ("không chấp
   * hành kỷ luật", "chưa khắc phục vi phạm") is the offence, not the sanction (WB26-1). The forms that
   * follow are the sanction denied ("chưa bị kỷ luật khiển trách"). An exemption refused or only asked for
   * ("không được miễn kỷ luật", "xin miễn kỷ luật") is none (WB28-4).
   */
  sanctionDenied: RegExp;
  /** What introduces a sanction's reason before a colon: "lý do", "nguyên nhân", "vì", "do" (WB30-3). */
  reason: RegExp;
  /** What names the offence before a colon, as decisions do: "về việc:", "về hành vi:", "với nội dung:" (WB31-5). */
  offence: RegExp;
  /** An exemption asked for: "xin miễn kỷ luật", "đề nghị miễn nhắc nhở" — an exemption only once granted (WB29-4). */
  exemptionAsked: RegExp;
  /** A request granted: "(đã) được miễn", "được (UBND tỉnh) chấp thuận", "UBND tỉnh đồng ý". */
  exemptionGranted: RegExp;
  /** A request refused: "không được chấp thuận", "chưa được đồng ý", "không được miễn". */
  grantRefused: RegExp;
  /**
   * The clause of a granting found at `at` in `c`, up to `to`: from the last comma, ";", "nên / nhưng / song / rồi / mà"
   * or "và" opening a predicate of its own ("và (đã) được …") before it. Only a negation there refuses it: one before
   * negates something else — the offence's own missing permission ("khi chưa được … cho phép và đã được UBND tỉnh chấp
   * thuận"), a reason ("chưa được tập huấn nên Chủ tịch UBND tỉnh đồng ý") (WB39-2).
   */
  grantClause: (c: string, at: number, to: number) => string;
  /**
   * Whether a granting in the request's own clause after the offence it names (`offence`: "về việc …", "có hành vi …")
   * answers the request, given the text from the offence's words to the granting and the granting: only a clause of
   * its own ("… và đã được chấp thuận", "… nhưng được miễn"), a request's granting said of a subject ("… đã được
   * UBND tỉnh đồng ý") or one naming the exemption ("… được chấp thuận miễn kỷ luật"). Else it is the offence's own
   * word: "điều chỉnh dự toán đã được phê duyệt", "thu phí của đối tượng được miễn" (WB34-3).
   */
  grantAnswers: (between: string, grant: string) => boolean;
  /**
   * Every sanction a clause denies, awaits, proposes, plans or makes a condition of: "… đã bị đề nghị kỷ luật",
   * "… và đang chờ quyết định kỷ luật", "sẽ kỷ luật", "trước khi kỷ luật", "dự kiến khiển trách", "kiến nghị hình
   * thức khiển trách" — none of them imposed (WB28-1).
   */
  sanctionNotImposed: RegExp;
  /**
   * A sanction of one kind (its words, KINDS' source) imposed: "bị / đã (…) kỷ luật", a decision OF it issued
   * ("thì có quyết định kỷ luật khiển trách" — not "quyết định nghỉ hưu", WB28-2), or the sanction as the
   * predicate of what was done ("mà chỉ khiển trách", "nhưng vẫn khiển trách", "nhưng chính quyền kỷ luật khiển
   * trách", WB27-2/3). The kind's word as a noun ("thời hiệu / Hội đồng / hồ sơ kỷ luật") is none (WB28-1).
   */
  imposedOf: (kind: 1 | 2) => { first: RegExp; imposed: RegExp; unclear: RegExp };
  /** A request granted whose content is not said: "đồng ý đề nghị của Sở Nội vụ" — asked about (WB31-4). */
  grantUnclear: RegExp;
  /** A case verified as not founded: "khiếu nại không đúng", "không có cơ sở", "khiếu nại sai". */
  unfounded: RegExp;
  founded: RegExp;
  /** A complaint of any wording verified as founded: "01 phản ánh, kiến nghị được xác minh là đúng". */
  verifiedComplaint: RegExp;
  complaint: RegExp;
  /** Words that make a count another kind than the row's: reports on time, sent, none, still pending. */
  otherKind: RegExp;
  caseNouns: RegExp;
  /** "không phải (là) …": what a case is said not to be. */
  notA: RegExp;
  /** A clause that says a kind was imposed, nothing before its kind word but that it was ("đã bị xử lý kỷ luật"). */
  imposed: RegExp;
  /** "… bị khiển trách" anywhere in a counted clause, not negated ("01 công chức khác bị khiển trách"; not "không bị kỷ luật"). */
  imposedOn: RegExp;
  /** Counts in words: before a case noun or a noun of the title; "01 (một)", "một (01)". */
  numberWords: Record<string, number>;
  numberWord: string;
}

const W = (body: string) => new RegExp(String.raw`(?<!\p{L})(?:${body})(?!\p{L})`, "u");

function lexicon(marks: boolean): Lexicon {
  const s = marks ? (x: string) => x : unmarked;
  // Without marks "cham" is also "chấm" (to score): never in "tu cham", "cham diem".
  const kinds = KINDS.map((k) => (marks ? k : s(k).replace(/^cham\|/, "(?<!tu )cham(?! diem)|")));
  const kindsSource = KINDS.join("|");
  const complaint = s(String.raw`khiếu nại|tố cáo|phản ánh|kiến nghị|đơn thư|đơn(?! vị)`);
  const numberWords = Object.fromEntries(Object.entries(NUMBER_WORDS).map(([w, n]) => [s(w), n]));
  // Per sanction kind (KINDS[1] discipline, KINDS[2] reprimand): opening the clause, or imposed.
  const imposedBy = ([1, 2] as const).map((k) => {
    const kind = KINDS[k]!;
    // The sanction as what someone did: a form of discipline ("kỷ luật khiển trách", "cảnh cáo"), a reprimand.
    const done = k === 1 ? String.raw`(?:k[ỷỉ] luật (?:(?:bằng|với) )?(?:hình thức )?)?(?:${FORMS})` : kind;
    // Any word of a subject: none that says the sanction is not, not yet, only planned, wanted, advised, proposed, asked
    // for, demanded, refused, postponed, annulled, under inquiry or discussion, nor a form's noun or a case's kind.
    const free = String.raw`(?: (?!(?:${KINDS.join("|")}|chưa|không|chẳng|sẽ|cần|phải|để|nếu|khi|đang|dự kiến|dự định|(?<!quyết )định|toan|tính|sắp|có thể|đề nghị|kiến nghị|đề xuất|tham mưu|trình|báo cáo|thống nhất|hình thức|muốn|thấy|chuẩn bị|yêu cầu|đòi|chỉ đạo|xin|chờ|xem xét|xét|điều tra|phát hiện|bàn|thảo luận|từ chối|tạm hoãn|hoãn|đình chỉ|miễn|hủy|huỷ|bãi bỏ|thu hồi|xóa|xoá|trước|nên|thì|mà|nhưng|rồi|vì|do)(?!\p{L}))\p{L}+)`;
    // Who did it, three ways (WB31-1/6, narrowed by WB32-2/3): an authority named — its place's proper name ("UBND huyện
    // Đại Lộc", "Chủ tịch UBND xã An Phú"), its own words ("Ủy ban kiểm tra Huyện ủy", "Chánh Văn phòng UBND tỉnh") —
    // and then the imposing verb itself ("quyết định", "đã ký quyết định"), imposes; or, naming no authority, up to
    // three words none a stop word, as round 28 read it ("cấp trên"). A stop word in it ends the subject: the sanction
    // after it is not read as imposed ("Sở Nội vụ tham mưu", "Chủ tịch UBND tỉnh định", "người dân đòi", WB30-1). Longer,
    // with no authority named, the engine cannot tell who did what: `unclear`, asked about, never a silent 0. After "bị"
    // only an authority named imposes (round 30: "bị Hội đồng kỷ luật đề nghị khiển trách" is no "bị [Hội đồng] kỷ luật");
    // any other words there are asked about.
    // An authority (WB32-2/3): its name starts with an authority's noun and holds only the words of authorities' names
    // and proper names (its place's, written capitalised: masked as `NAME`), then what says it imposed — "họp và", "đã",
    // "ký / ban hành / ra (quyết định)", "quyết định", or its power given to another authority ("ủy quyền Phó Chủ tịch").
    const body = String.raw`(?: (?:${OFFICE}|${NAME}+)(?!\p{L}))`;
    const named = String.raw`${WHEN}?(?: ${HEAD}(?!\p{L}))${body}*(?: (?:ủy|uỷ) quyền${body}+)?(?: họp và)?(?: đã)?(?: ký| ban hành| ra| đồng ý)?(?: quyết định)?`;
    // After "bị", the words of who did it up to the sanction — never another "bị", which opens a passive of its own and
    // is read where it stands: each "bị" reads only up to the next, not the cell's whole rest (WB36 timing).
    const passive = String.raw`(?: (?!bị(?!\p{L}))${free.slice(4)}`;
    // Any other word between an authority and the sanction ("quên", "cân nhắc", "hướng dẫn") is no plain subject of three
    // words: asked (`unclear`), never read as imposed.
    const doer = String.raw`(?:${named}|(?!${WHEN}? ${HEAD}(?!\p{L}))${free}{0,3}?)`;
    const by = String.raw`(?:${named})?`;
    // A condition opening in the clause, nothing between it and what follows but the clause's own words — read back at
    // most REACH characters (a sentence's condition, some fifty words): a cell of thousands of words read back from each
    // sanction in it to its start took minutes (WB36 timing).
    const condition = String.raw`(?<!\p{L})(?:nếu|${TIME_KHI})(?!\p{L})(?:(?!(?<!\p{L})(?:nhưng|mà)(?!\p{L}))[^;]){0,${REACH}}(?<!\p{L})`;
    // "nếu" (or "trong trường hợp") is a condition with or without its "thì": what it reaches in the clause is no sanction
    // imposed ("nếu tái phạm (sẽ) bị khiển trách", WB30-2) — up to a "nhưng / mà" or an "đã", which end its reach.
    const ifOnly = String.raw`(?<!\p{L})(?:nếu|trong trường hợp)(?!\p{L})(?:(?!(?<!\p{L})(?:nhưng|mà|đã)(?!\p{L}))[^;]){0,${REACH}}(?<!\p{L})`;
    // …and not the outcome of a condition: what follows its "thì" ("khi có kết luận thì kỷ luật", "nếu tái phạm thì
    // (UBND tỉnh) cảnh cáo"). A "khi" with no "thì" after it says when the offence happened ("vi phạm khi thi hành
    // công vụ nhưng đã bị khiển trách", WB29-1); the condition right before the sanction is blanked as not imposed.
    const unconditional = (a: string) => String.raw`(?=${a})(?:(?<!${condition}thì${doer} )(?!thì(?!\p{L}))|(?<!${condition}))(?:(?<!${ifOnly})|(?=đã ))(?:${a})`;
    return {
      first: new RegExp(s(String.raw`^(?:(?:${IMPOSED_WORDS}) )*(?:${kind})(?!\p{L})`), "u"),
      unclear: W(
        s(
          [
            String.raw`(?<!(?:không|chưa|chẳng|sẽ|cần|dự kiến) )bị${passive}+ (?:(?:${IMPOSED_WORDS}) )*(?:${kind})`,
            String.raw`(?:mà|nhưng|nên|thì|rồi)(?:${free}{4,}|(?=${WHEN}? ${HEAD}(?!\p{L}))${free}+) (?:${done})`,
          ]
            .map(unconditional)
            .join("|"),
        ),
      ),
      imposed: W(
        s(
          [
            // "bị (xử lý) kỷ luật", "đã khiển trách", "đã có văn bản nhắc nhở", "đã ban hành quyết định kỷ luật".
            String.raw`(?<!(?:không|chưa|chẳng|sẽ|cần|dự kiến) )bị${by} (?:(?:${IMPOSED_WORDS}) )*(?:${kind})`,
            String.raw`đã (?:(?:${IMPOSED_WORDS}|có|văn bản) )*(?:${kind})`,
            // A decision or writing OF the sanction issued ("thì có quyết định kỷ luật khiển trách"), the form applied.
            String.raw`(?:ban hành|ra|có) (?:quyết định|văn bản) (?:xử lý |xử lí )?(?:${kind})`,
            String.raw`áp dụng (?:hình thức )?(?:${kind})|(?:${kind}) (?:đã )?(?:được|bị) (?:áp dụng|thi hành)`,
            // The sanction as the predicate of what was done: "mà chỉ khiển trách", "nhưng vẫn khiển trách", "; chỉ nhắc nhở",
            // "nhưng chính quyền kỷ luật khiển trách", "nên UBND huyện phê bình".
            String.raw`(?:mà|nhưng|nên|thì|rồi|chỉ|vẫn)(?: (?:chỉ|vẫn|ngay|lại|cũng|đều))* (?:${kind})`,
            String.raw`(?:mà|nhưng|nên|thì|rồi)${doer} (?:${done})`,
          ]
            .map(unconditional)
            .join("|"),
        ),
      ),
    };
  });
  const words = marks ? (x: string) => x.normalize("NFC").toLowerCase().replace(/\s+/g, " ").trim() : (x: string) => unmarked(x.normalize("NFC").toLowerCase()).replace(/\s+/g, " ").trim();
  // A clause of its own ("và", "nhưng"); the granting of a request ("chấp thuận", "đồng ý", not a plan's "phê duyệt") by
  // a subject named just before it; a granting naming the exemption ("chấp thuận miễn …", "được miễn kỷ luật").
  const apart = W(s(String.raw`và|nhưng|song|rồi`));
  const grantBreaks = new RegExp(String.raw`[,;]|${W(s(String.raw`và(?= (?:đã|được) )|nên|nhưng|song|rồi|mà`)).source}`, "u");
  const grantClause = (c: string, at: number, to: number): string => {
    let from = 0;
    for (const b of c.slice(0, at).matchAll(new RegExp(grantBreaks, "gu"))) from = b.index + b[0].length;
    return c.slice(from, to);
  };
  // A condition opened farther back than the patterns read (REACH), still open where a sanction stands: its outcome,
  // never a sanction imposed (WB37-5) — found in linear work, the condition's length whatever it is.
  // As the patterns read them (WB39-6): "nếu / trong trường hợp" reaches up to an "đã" (its group), a "khi" is a condition
  // only with its "thì" (else it says when the offence happened); a full stop or a closing bracket ends either.
  const conditionOpens = new RegExp(String.raw`(?<!\p{L})(?:(${s("nếu|trong trường hợp")})|${s(TIME_KHI)})(?!\p{L})`, "u");
  const thenWord = W(s("thì"));
  const pastWord = new RegExp(W(s("đã")).source, "gu");
  const pastFirst = new RegExp(String.raw`^${s("đã")}(?!\p{L})`, "u");
  // Never a global pattern kept in the lexicon: its lastIndex would carry one cell's search into the next cell's, the next
  // workbook's in the same process (WB39-1). Each search takes a fresh global copy (`endsFrom`).
  const conditionEnds = new RegExp(String.raw`;|\.(?=\s)|\)|(?<!\p{L})(?:${s("nhưng|mà")})(?!\p{L})`, "u");
  const endsFrom = (at: number) => Object.assign(new RegExp(conditionEnds, "gu"), { lastIndex: at });
  const openedFarBefore = (text: string, at: number): boolean => {
    let from = 0;
    for (const end of text.slice(0, at).matchAll(endsFrom(0))) from = end.index + end[0].length;
    if (at - REACH <= from) return false;
    let [firstWhen, lastIf, lastPast] = [-1, -1, -1];
    for (const o of text.slice(from, at - REACH).matchAll(new RegExp(conditionOpens, "gu"))) {
      if (o[1] !== undefined) lastIf = o.index;
      else if (firstWhen < 0) firstWhen = o.index;
    }
    for (const p of text.slice(from, at).matchAll(pastWord)) lastPast = p.index;
    if (pastFirst.test(text.slice(at))) lastPast = Infinity;
    return (lastIf >= 0 && lastIf > lastPast) || (firstWhen >= 0 && thenWord.test(text.slice(from + firstWhen, at + 4)));
  };
  const imposedPast = (imposed: RegExp, text: string): "imposed" | "conditional" | "none" => {
    let seen: "conditional" | "none" = "none";
    for (let from = 0; from < text.length; ) {
      const found = imposed.exec(text.slice(from));
      if (found === null) break;
      const at = from + found.index;
      if (!openedFarBefore(text, at)) return "imposed";
      seen = "conditional";
      // Any sanction before the condition's end is its outcome too: read on after it.
      const end = endsFrom(at).exec(text);
      if (end === null) break;
      from = end.index + end[0].length;
    }
    return seen;
  };
  // Said of a subject ("đã được X chấp thuận"), whoever X names — "cấp có thẩm quyền", "Hội đồng kỷ luật", "UBND TP.HCM",
  // "UBND tỉnh Bà Rịa - Vũng Tàu" — the granting is someone's answer to the request, as dd564c1 read it (WB36-1): no list
  // of authorities' words can hold the ways offices write them. X is the few words after the last "được" (a name, at
  // most SUBJECT_WORDS words); with none ("phương án đã được chấp thuận") it stays the offence's own approval (WB34-3).
  // Right after a plan the offence names ("thay đổi phương án / sửa đổi hồ sơ thiết kế / không đúng quy hoạch đã được UBND
  // tỉnh chấp thuận"), the granting is that plan's approval, whoever gave it — the offence's own, as without a subject (WB37-3).
  // A plan's noun ending an office's name ("chậm nộp hồ sơ cho Ban Quản lý dự án đã được Giám đốc Sở chấp thuận") is none (WB39-3).
  const bySubject = new RegExp(String.raw`(?<!\p{L})(?<!(?<!\p{L})(?<!(?<!\p{L})${s(PLAN_OFFICE)} )${s(PLANS)}(?: ${s("đã")})? )${s("được")}(?: (?!${s("được")}(?!\p{L}))\S+){1,${SUBJECT_WORDS}} $`, "u");
  const asked = new RegExp(String.raw`^${s("(?:chấp thuận|đồng ý|chấp nhận|cho phép)")}(?!\p{L})`, "u");
  const exempting = new RegExp(String.raw`(?<!\p{L})${s("miễn")} ${s(DECIDED)}`, "u");
  const afterOffice = new RegExp(String.raw`(?<!\p{L})(?:${s(OFFICE)}|${NAME}+)$`, "u");
  const noName = new RegExp(String.raw`^(?:${s(OFFICE)}|${s(SANCTIONS)}|${s(IMPOSED_WORDS)}|${s(NEVER_NAMED)}|${s(PENDING)})(?!\p{L})`, "u");
  // A name's word is written in Title Case ("Đại", "Lộc") or is a short abbreviation ("TP", "H."): a word in capitals
  // ("KHÔNG", "QUÊN") is emphasis, no name (WB34-1).
  const nameLike = (c: string) => {
    const letters = c.replace(/[^\p{L}]/gu, "");
    return /^\p{Lu}/u.test(c) && (/^\p{Lu}\p{Ll}*$/u.test(letters) || /^\p{Lu}{1,3}$/u.test(letters));
  };
  const named = (x: string) => {
    const lower = words(x).split(" ");
    const cased = (marks ? x.normalize("NFC") : unmarked(x.normalize("NFC"))).replace(/\s+/g, " ").trim().split(" ");
    if (cased.length !== lower.length || cased.some((c, j) => c.length !== lower[j]!.length)) return lower.join(" ");
    // A text typed in capitals, wholly or mostly, marks no name by its case: read as its lowercase words (WB34-1).
    const upper = cased.join("").replace(/[^\p{Lu}]/gu, "").length;
    if (upper > cased.join("").replace(/[^\p{Ll}]/gu, "").length) return lower.join(" ");
    for (let j = 1; j < lower.length; j++) {
      // An office's or a stop word's name is at most four words: the few words about the word are enough to read.
      if (nameLike(cased[j]!) && afterOffice.test(lower.slice(Math.max(0, j - 5), j).join(" ")) && !noName.test(lower.slice(j, j + 5).join(" "))) lower[j] = lower[j]!.replace(/\p{L}/gu, NAME);
    }
    return lower.join(" ");
  };
  return {
    named,
    words,
    kinds: kinds.map(W),
    imposedPast,
    noneOfThem: W(s(String.raw`(?:không|chưa) (?:có )?(?:\p{L}+ ){0,4}?(?:${LATE}|vi phạm|sai phạm|k[ỷỉ] luật|khiếu nại|tố cáo)`)),
    sanctionDenied: W(s(String.raw`(?:(?:chưa|không)(?: kịp)?|(?<!(?:không|chưa|chẳng)(?: được)? |xin |đề nghị )(?:được )?miễn(?: trách nhiệm)?|(?:đang|còn) ${PENDING}(?: ${PENDING})*) ${DECIDED}`)),
    reason: W(s(String.raw`lý do|nguyên nhân|vì(?! phạm)|do`)),
    // The offence named as decisions name it ("về việc:", "về hành vi:", "với nội dung:") heads a sanction's reason too
    // (WB31-5) — before a colon only: in a request's own clause it names what was asked, no reason (WB32-1).
    offence: W(s(String.raw`về (?:việc|hành vi)|hành vi|nội dung`)),
    exemptionAsked: W(s(String.raw`(?:xin|đề nghị) (?:được )?miễn(?: trách nhiệm)? ${DECIDED}`)),
    // What is granted must be the exemption: "được miễn", "đồng ý (việc / đề nghị) miễn …", or the granting with nothing
    // after it in its clause ("UBND tỉnh đồng ý", "đã được chấp thuận") — never "đồng ý cho nghỉ hưu", "phê duyệt kế
    // hoạch", "đồng ý với kết luận", "đồng ý kỷ luật …" (WB30-4).
    // What it was granted by or when ("theo / tại Quyết định số …", "bằng văn bản", "vào ngày …", "(Công văn số …)") says how,
    // not what: still the exemption; nor is agreeing not to sanction ("đồng ý không (xử lý) kỷ luật") anything else (WB31-2/3).
    // The manner never reaches a sanction not exempted ("đồng ý theo hướng kỷ luật khiển trách", "… tại Quyết định số 5/
    // QĐ-UBND về việc kỷ luật"): that is what was agreed to, the request refused (WB32-4).
    exemptionGranted: W(s(String.raw`được miễn|(?:chấp thuận|đồng ý|chấp nhận|phê duyệt|cho phép)(?: (?:với|việc|đề nghị|đơn|yêu cầu|cho))*(?: (?:được )?miễn| không ${DECIDED}|(?: (?:(?:theo|tại|bằng|qua|vào|ngày)(?!\p{L})(?:(?!${SANCTION_AGREED})[^;])*|\([^()]*\)))?(?=[\s.!]*$))`)),
    // A proposal whose content is said after it and is the sanction ("đồng ý (với) đề nghị kỷ luật (của Sở Nội vụ)",
    // "đồng ý văn bản đề nghị khiển trách") is the sanction agreed to, the request refused: not unclear (WB32-4). The
    // proposal's author is no content: "đồng ý đề nghị của Hội đồng kỷ luật" is still asked (WB34-5).
    grantUnclear: W(s(String.raw`(?:chấp thuận|đồng ý|chấp nhận|phê duyệt|cho phép) (?:với )?(?!(?:(?!${SANCTION_AGREED})[^;])*${SANCTION_AGREED})(?:đề nghị|đơn|yêu cầu|ý kiến|tờ trình|văn bản|kiến nghị|đề xuất)(?! (?:được )?miễn)`)),
    // Negated, the granting is a refusal or no answer yet, whoever it names: "chưa được cấp có thẩm quyền (xem xét) chấp
    // thuận", "không được UBND tỉnh Bà Rịa - Vũng Tàu đồng ý", "khi chưa được cấp có thẩm quyền cho phép" (the offence's
    // missing permission) — over the same subject a granting names (`bySubject`), in its clause (WB37-1/2).
    grantRefused: W(s(String.raw`(?:không|chưa|chẳng)(?:(?: \p{L}+){0,4}?|${GRANTED_BY}) (?:miễn|chấp thuận|đồng ý|chấp nhận|phê duyệt|cho phép)`)),
    grantClause,
    grantAnswers: (between, grant) => apart.test(between) || (bySubject.test(between) && asked.test(grant)) || exempting.test(grant),
    sanctionNotImposed: new RegExp(W(s(String.raw`(?:chưa|không|chẳng|dự kiến|miễn|sẽ|để|cần|khi|nếu|kiến nghị|${PENDING}) ${DECIDED}|(?:vi phạm|sai phạm|chấp hành|tuân thủ|giữ) k[ỷỉ] luật`)).source, "gu"),
    imposedOf: (kind) => imposedBy[kind - 1]!,
    unfounded: W(s(String.raw`không (?:đúng(?! (?:thời )?hạn)|chính xác|có cơ sở)|sai sự thật|(?:khiếu nại|tố cáo|phản ánh|kiến nghị|xác minh)(?: là)?:? sai(?! phạm)`)),
    founded: W(s(String.raw`đúng(?! (?:thời )?hạn)`)),
    verifiedComplaint: W(s(String.raw`xác minh (?:là )?đúng(?! (?:thời )?hạn)`)),
    complaint: W(complaint),
    otherKind: W(s(String.raw`đúng (?:thời )?hạn|kịp thời|đã gửi|không|chưa|đang|chờ`)),
    caseNouns: new RegExp(String.raw`^(?:${s(CASE_NOUNS)})(?!\p{L})`, "u"),
    notA: new RegExp(s(String.raw`(?<!\p{L})không phải (?:là )?`), "u"),
    imposed: new RegExp(s(String.raw`^(?:(?:${IMPOSED_WORDS}) )*(?:${kindsSource})(?!\p{L})`), "u"),
    imposedOn: new RegExp(s(String.raw`(?<!(?:không|chưa|chẳng) )(?<!\p{L})bị (?:(?:${IMPOSED_WORDS}) )*(?:${kindsSource})(?!\p{L})`), "u"),
    numberWords,
    numberWord: Object.keys(numberWords).join("|"),
  };
}

let markedBuilt: Lexicon | undefined;
let unmarkedBuilt: Lexicon | undefined;
/**
 * The lexicons are built on first use: their few hundred Unicode patterns took about 40 ms to
 * compile when the engine loaded, a tenth of `parindex check`'s start (issue 17, item 1), and
 * most workbooks have no sentence in a count row to read.
 */
export const markedLexicon = (): Lexicon => (markedBuilt ??= lexicon(true));
/** The lexicon of a text typed without diacritics ("khien trach 01 truong hop"). */
export const unmarkedLexicon = (): Lexicon => (unmarkedBuilt ??= lexicon(false));
/** The lexicon a text is read with: the unmarked one when it has letters and not one diacritic. */
export const lexiconFor = (text: string): Lexicon => (typedWithoutMarks(text) ? unmarkedLexicon() : markedLexicon());

/** The kind words of the title, as it writes them: what "không phải …" must name to say a case is not the row's kind. */
function titleKindWords(heading: string, lex: Lexicon): string[] {
  return lex.kinds.flatMap((k) => {
    const m = new RegExp(k.source, "gu");
    return [...heading.matchAll(m)].map((x) => x[0]);
  });
}

/**
 * Late reports named by their periods on a row deducting for late reports: "Chậm nộp báo cáo CCHC
 * quý I, quý III" is 2, "Chậm báo cáo 6 tháng và báo cáo năm" 2, "Báo cáo quý I chậm 02 ngày" 1
 * (the days late are no count), and (eighth session) periods said on time beside those said late:
 * "Báo cáo quý I, quý II đúng hạn; quý III chậm" is 1, "Quý I, II, IV đúng hạn; quý III chậm 3 ngày"
 * 1, "Các báo cáo quý đúng hạn, báo cáo năm chậm" 1 — the first had said its figure was missing,
 * and "Gửi đúng hạn báo cáo quý I, quý II, quý III; báo cáo năm chậm" had been none late, full
 * points. Each period takes the word after it (a list of periods, the word after the list), else
 * the word before it; a list with one word before and another after ("Chậm báo cáo quý I, quý II
 * đúng hạn"), a period with no word, or reports said late without saying which ("các báo cáo khác
 * chậm") are not counted here; every period on time ("Quý I, quý II, quý III, quý IV: đúng hạn") is
 * none late. Written as "N báo cáo chậm" for the count reader; null where the row is about no
 * reports, no period is named or none is said on time or late, or any other figure stands in the
 * text (read as before).
 */
function lateReportsByPeriod(text: string, heading: string): string | null {
  const marks = !typedWithoutMarks(text);
  // Dates say when, not which report: "chậm, gửi ngày 15 tháng 1 năm 2025" names no January report.
  const said = (marks ? text.normalize("NFC").toLowerCase() : foldText(text)).replace(DATES, " ");
  const words = marks ? REPORT_WORDS.marked : REPORT_WORDS.unmarked;
  if (!/\bbao cao\b/.test(foldText(heading)) || !words.status.test(said)) return null;
  const late = new Set<string>();
  /** Periods (and "các báo cáo …", a kind of report of no known number: `null`) not yet given a word. */
  let pending: (string | null)[] = [];
  /** The word just before the pending periods, when no comma stands between. */
  let before: Status | null = null;
  /** The word last read, until a comma or a period closes it. */
  let open: Status | null = null;
  let named = 0;
  let rest = said;
  const settle = (status: Status | null): boolean => {
    if (status === null) return false;
    for (const p of pending) {
      if (status === "late" && p === null) return false;
      if (status === "late") late.add(p!);
    }
    pending = [];
    return true;
  };
  for (const m of said.matchAll(words.tokens)) {
    const g = m.groups!;
    if (g.period !== undefined || g.kind !== undefined) {
      if (pending.length === 0) before = open;
      if (g.kind !== undefined) pending.push(null);
      else {
        const listed = [m[0], ...(g.more?.split(/\s*(?:,|và|va)\s*/u).filter((x) => x !== "").map((x) => `quý ${x}`) ?? [])];
        for (const p of listed) pending.push(periodKey(p));
        named += listed.length;
        rest = rest.replace(m[0], " ");
      }
    } else if (g.late !== undefined || g.onTime !== undefined) {
      const status: Status = g.late !== undefined ? "late" : "onTime";
      if (pending.length > 0) {
        // A list with one word before it and another after it is read neither way.
        if (before !== null && before !== status) return null;
        if (!settle(status)) return null;
        open = null;
      } else open = status;
      before = null;
    } else {
      // A comma closes the word before it; a full stop or a semicolon also ends the clause's periods.
      if (pending.length > 0 && (g.stop !== undefined || before !== null)) {
        if (g.stop !== undefined && !settle(before)) return null;
      }
      if (g.stop !== undefined) before = null;
      open = null;
    }
  }
  if (pending.length > 0 && !settle(before)) return null;
  if (named === 0) return null;
  rest = rest.replace(DAYS_LATE, " ").replace(/(?<!\d)(?:19|20)\d\d(?!\d)/g, " ");
  return /\d/.test(rest) ? null : `${late.size} báo cáo chậm`;
}
type Status = "late" | "onTime";
const DATES = /(?<!\p{L})ng[àa]y \d{1,2} th[áa]ng \d{1,2}(?: n[ăa]m \d{4})?|(?<![\d/])\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{2,4}(?![\d/])/gu;
/** How late: "chậm 02 ngày", "trễ 3 ngày làm việc". */
const DAYS_LATE = /(?<![\d/])\d+ (?:ngày|ngay)(?!\p{L})/gu;
const ROMAN: Record<string, string> = { i: "1", ii: "2", iii: "3", iv: "4" };
/** One key per report: "quý III" and "quý 3" are one, "sáu tháng" and "6 tháng" one. */
function periodKey(period: string): string {
  const f = foldText(period).replace(/\s+/g, " ");
  const quarter = /^quy (iv|i{1,3}|[1-4])$/.exec(f);
  if (quarter) return `q${ROMAN[quarter[1]!] ?? quarter[1]}`;
  return f.replace(/^sau /, "6 ").replace(/^chin /, "9 ").replace(/^bao cao ca nam$/, "bao cao nam").replace(/^thang 0/, "thang ");
}
/**
 * The words of a sentence about reports sent on time or late, in order: a report named by its
 * period ("quý I" … "quý IV", "quý I, II và IV", "6 tháng", "9 tháng", "báo cáo năm", "tháng 10"), a
 * kind of report of no known number ("các báo cáo quý", "các báo cáo khác"), late ("chậm", "trễ",
 * "quá hạn", "không đúng hạn") or on time ("đúng hạn", "kịp thời", "không chậm"), commas and stops.
 */
const REPORT_WORDS = (() => {
  const source = String.raw`(?<period>(?<![\p{L}\d])quý (?:iv|i{1,3}|[1-4])(?!\p{L}|\d)(?<more>(?:\s*(?:,|và)\s*(?:iv|i{1,3})(?![\p{L}\d/]))*)|(?<![\p{L}\d])(?:6|sáu|9|chín) tháng(?!\p{L})|(?<!\p{L})báo cáo (?:cả )?năm(?!\p{L})|(?<!\p{L})tháng (?:1[0-2]|0?[1-9])(?![\d/]))|(?<kind>(?<!\p{L})các báo cáo(?: (?:quý|tháng|định kỳ|khác|còn lại|đột xuất|chuyên đề))?(?!\p{L}))|(?<onTime>(?<!\p{L})(?:(?:không|chưa) (?:bị )?(?:chậm|trễ|muộn|quá hạn)|đúng (?:thời )?hạn|kịp thời)(?!\p{L}))|(?<late>(?<!\p{L})(?:(?:không|chưa) (?:đúng|kịp) (?:thời )?(?:hạn|hẹn)|chậm|trễ|muộn|quá hạn)(?!\p{L}))|(?<comma>,)|(?<stop>[;.](?!\d))`;
  // The words on time or late alone, to pass over at once the many texts that say neither.
  const build = (s: string) => ({ tokens: new RegExp(s, "gu"), status: new RegExp(s.slice(s.indexOf("(?<onTime>")).replace(/\|\(\?<comma>.*$/, ""), "u") });
  return { marked: build(source), unmarked: build(unmarked(source)) };
})();

/**
 * The text as a count of the row's cases: counts in words as figures ("Chậm một báo cáo",
 * "01 (một) trường hợp", "Một (01) trường hợp"), and the clauses that are no case of the row's
 * left out (caseClausesOf). "0" when every counted clause was so.
 */
export function asCaseText(text: string, heading: string, lex: Lexicon, since?: number): string {
  const late = lateReportsByPeriod(text, heading);
  if (late !== null) return late;
  const n = lex.numberWord;
  const nouns = new RegExp(String.raw`(?<!\p{L})(${n})(?=\s+((?:\p{L}+\s?){1,2}))`, "giu");
  const out = text
    .replace(new RegExp(String.raw`(\d+)\s*\(\s*(?:${n})\s*\)`, "giu"), "$1")
    .replace(new RegExp(String.raw`(?<!\p{L})(?:${n})\s*\(\s*(\d+)\s*\)`, "giu"), "$1")
    .replace(nouns, (word: string, _w: string, next: string) => {
      const key = lex.words(word);
      const noun = lex.words(next);
      // "năm" is also a year ("năm báo cáo", the year reported on): a count only before a case noun.
      const counted = lex.caseNouns.test(noun) || (!/^(?:năm|nam)$/.test(key) && titleNoun(noun, heading));
      return counted ? String(lex.numberWords[key] ?? word) : word;
    });
  return caseClausesOf(out, heading, lex, since);
}

/**
 * The clauses of a text that may be the row's cases. Left out: a clause the sentence says is not
 * the row's kind ("01 trường hợp bị nhắc nhở, không phải kỷ luật", "01 khiếu nại, không phải về
 * TTHC" — its subject, as the title names it; a clause of its own with no figure says so of the
 * clause before it); a clause naming only another kind than the title's ("bị nhắc nhở" on a row
 * for discipline); one naming only a year before the period assessed ("năm 2023 chậm 01 báo
 * cáo"); and, once a clause names the row's kind, the figures of clauses naming no kind, which
 * count something else ("Gửi đủ 04 báo cáo, chậm 01 báo cáo": reports sent). The text as it was
 * when none is left out.
 */
function caseClausesOf(text: string, heading: string, lex: Lexicon, since: number | undefined): string {
  const kinds = titleKindWords(heading, lex);
  if (kinds.length === 0) return text;
  const clauses = sanctionsJoined(clausesOf(text), heading, lex);
  const words = clauses.map((c) => lex.words(c));
  const notKind = lex.notA.test(lex.words(text)) ? new RegExp(String.raw`${lex.notA.source}(.*)`, "u") : null;
  const ofTitle = words.map((w) => lex.kinds.some((k) => k.test(heading) && k.test(w)) || (lex.complaint.test(heading) && lex.complaint.test(w)));
  const named = words.map((w, i) => ofTitle[i]! || lex.kinds.some((k) => k.test(w)));
  const other = words.map((w, i) => (named[i]! && !ofTitle[i]) || lastYears(w, since));
  const counted = ofTitle.some((t, i) => t && !other[i] && /\d/.test(clauses[i]!) && !lex.noneOfThem.test(words[i]!));
  const saidNone = ofTitle.some((t, i) => t && !other[i] && lex.noneOfThem.test(words[i]!));
  // A clause of no kind led by what was done ("Gửi đủ 04 báo cáo") beside one of the row's kind counts
  // something else; led by its figure ("01 báo cáo quý I, 01 báo cáo quý II chậm") it is one of a list.
  const elsewhere = (i: number) => !named[i] && /\d/.test(clauses[i]!) && /^\p{L}/u.test(clauses[i]!) && (counted || saidNone);
  // "Chưa có / Chưa ban hành / Đang chờ quyết định kỷ luật đối với 01 trường hợp": a sanction denied or awaited
  // before the count makes no case (WB25-7) — unless the clause imposes one all the same: a sanction of the
  // row's own kind after it, whatever the voice ("Sau khi đang xem xét kỷ luật đã quyết định kỷ luật khiển
  // trách", WB26-2; "Không cách chức mà chỉ khiển trách", "Đang xem xét thì bị nhắc nhở", "Do chưa bị kỷ luật
  // lần nào nên chỉ khiển trách", WB27-1/2/3), a decision of it issued, or one imposed before it ("Bị kỷ luật
  // khiển trách do không nhắc nhở cấp dưới", WB27-4: the denial is the offence). Imposed, not named: the
  // sanction's word as a noun, planned or proposed, or a decision about something else imposes none (WB28).
  const ownKinds = ([1, 2] as const).filter((k) => lex.kinds[k]!.test(heading)).map((k) => lex.imposedOf(k));
  const sanctionRow = ownKinds.length > 0;
  // The clauses' words with their authorities' proper names marked: who imposed a sanction reads them (WB32-2).
  const authored = clauses.map((c) => lex.named(c));
  /** Whether the case is denied: true, false, or a sanction the words cannot tell imposed or not — asked (WB31). */
  const deniedBefore = (i: number): boolean | "ask" => {
    const w = authored[i]!;
    const next = authored.slice(i + 1);
    // A document's number or a date ("Quyết định số 5/QĐ-UBND", "ngày 10/6/2025") is no count: its clause is still the fate.
    const counted = next.findIndex((c) => hasCount(c.replace(/\d+(?:\s*\/\s*[^\s,;()]*)+/gu, " ")));
    const fate = (counted < 0 ? next : next.slice(0, counted)).filter((c) => !HISTORY.test(c));
    // An exemption asked for and then granted is an exemption ("xin miễn kỷ luật 01 trường hợp và đã được miễn",
    // ", UBND tỉnh đồng ý", WB29-4); asked for alone, or refused, it is none.
    const asked = lex.sanctionDenied.exec(w) === null ? lex.exemptionAsked.exec(w) : null;
    // In the request's own clause the granting follows it, not a reason given for it ("do được cử đi học đã được phê duyệt").
    const grants = (c: string, own: boolean) => {
      const g = lex.exemptionGranted.exec(c);
      if (g === null || lex.grantRefused.test(lex.grantClause(c, g.index, g.index + g[0].length))) return false;
      if (!own) return true;
      const before = c.slice(0, g.index);
      if (lex.reason.test(before)) return false;
      // After the offence the request names, only a granting that answers the request grants it (WB34-3).
      const offence = [...before.matchAll(new RegExp(lex.offence.source, "gu"))].pop();
      return offence === undefined || lex.grantAnswers(before.slice(offence.index), c.slice(g.index));
    };
    const granted = asked !== null && [w.slice(asked.index + asked[0].length), ...fate].some((c, j) => grants(c, j === 0));
    // A proposal granted whose content is not said ("đồng ý đề nghị của Sở Nội vụ"): asked, never read as refused (WB31-4).
    const unsaid = asked !== null && !granted && countAt(w) > asked.index && [w.slice(asked.index + asked[0].length), ...fate].some((c) => lex.grantUnclear.test(c) && !lex.grantRefused.test(c));
    if (unsaid) return "ask";
    const denied = granted ? asked : lex.sanctionDenied.exec(w);
    if (denied === null || !(countAt(w) > denied.index)) return false;
    // Before it, the clause's own text — not a label heading the cell ("Xử lý kỷ luật: chưa có quyết định …") — and
    // only a sanction of the row's own kind imposed there ("Bị kỷ luật khiển trách do không nhắc nhở cấp dưới"); a
    // reprimand before a discipline denied imposes no discipline ("Đã bị nhắc nhở nhưng chưa bị kỷ luật", WB28-3).
    // A heading only names its topic ("Xử lý kỷ luật:"): what stands before a colon keeps the case only when it says the
    // sanction was imposed ("Lý do bị kỷ luật khiển trách: không nhắc nhở cấp dưới …", WB29-3), never by naming it.
    const before = w.slice(0, denied.index);
    const heading = /^.*:/u.exec(before)?.[0] ?? "";
    const own = before.slice(heading.length).trim();
    // Only a heading that gives the REASON for a sanction imposed ("Lý do bị kỷ luật khiển trách:", "Bị kỷ luật khiển
    // trách với lý do:", "… vì:", "…, nguyên nhân:") keeps the case: a label naming a count or a category ("Số trường hợp
    // bị xử lý kỷ luật:", "Cán bộ bị kỷ luật:", "Đã bị kỷ luật khiển trách:") is the row's question, stripped (WB30-3).
    const reason = lex.reason.test(heading) || lex.offence.test(heading);
    if (ownKinds.some((k) => k.first.test(own) || k.imposed.test(own) || (reason && k.imposed.test(heading)))) return false;
    // What follows — the clause's rest and the clauses after it with no count of their own, which say what became
    // of it ("Chưa kỷ luật 01 trường hợp, sau đó đã khiển trách"; not what was before, "trước đây đã từng bị
    // khiển trách") — less the sanctions it denies, awaits, proposes or plans in turn ("… đã bị đề nghị kỷ luật",
    // "sẽ kỷ luật", "trước khi kỷ luật") and the discipline broken ("… vi phạm kỷ luật"): only a sanction of the
    // row's kind imposed there keeps the case (WB28-1/2).
    const after = [w.slice(denied.index + denied[0].length), ...fate].join("; ").replace(lex.sanctionNotImposed, " ");
    // A sanction a condition opened farther back governs is no sanction imposed, whatever the condition's length: asked (WB37-5).
    const imposed = ownKinds.map((k) => lex.imposedPast(k.imposed, after));
    if (imposed.includes("imposed")) return false;
    if (imposed.includes("conditional")) return "ask";
    // Imposed by someone the words do not name as an authority, in more than three words: asked (WB31-1/6).
    return ownKinds.some((k) => k.unclear.test(after)) ? "ask" : true;
  };
  const kept: string[] = [];
  let dropped = false;
  /** The clause before was a part of the count kept, given to earlier years and taken off it: a list of such parts goes on. */
  let inPart = false;
  clauses.forEach((clause, i) => {
    const partBefore = inPart;
    inPart = false;
    const negated = notKind?.exec(words[i]!)?.[1];
    const denial = sanctionRow && ofTitle[i]! ? deniedBefore(i) : false;
    if (denial !== false) {
      dropped = true;
      // Asked: the row's kind in the title's words with no count, which the row reads as a case it cannot count
      // (DATA_MISSING), never as none.
      if (denial === "ask") kept.push(`${kinds[0]} (${lex === unmarkedBuilt ? "chua ro so truong hop" : "chưa rõ số trường hợp"})`);
    } else if (negated !== undefined && (new RegExp(String.raw`^(?:\p{L}+ ){0,3}?(?:${kinds.join("|")})(?!\p{L})`, "u").test(negated) || aboutAnother(negated, heading))) {
      if (!/\d/.test(clause)) kept.pop();
      dropped = true;
    } else if (other[i] || elsewhere(i)) {
      dropped = true;
      // "02 trường hợp bị kỷ luật, trong (số) đó 01 trường hợp (kỷ luật) năm 2023, 01 … năm 2022": the part given to
      // earlier years is not this year's — a part of the count before, whether or not it repeats its kind (WB23-5).
      if (lastYears(words[i]!, since)) inPart = partTakenOff(kept, words[i]!, heading, lex, partBefore);
    } else kept.push(clause);
  });
  if (!dropped) return casesAdded(clauses, heading, lex) ?? text;
  // What is left declares a case by a figure or by the title's kind said without one ("chậm báo cáo quý III").
  // A clause with no count that only grants the exemption ("UBND tỉnh đồng ý với đề nghị miễn kỷ luật", "được chấp thuận
  // miễn kỷ luật", "được miễn kỷ luật") says what became of the case before it, no case of its own (WB31-4).
  const exempts = (w: string) =>
    (lex.sanctionDenied.test(w) || lex.exemptionAsked.test(w)) && lex.exemptionGranted.test(w) && !lex.grantRefused.test(w) && !ownKinds.some((k) => k.imposed.test(w));
  const declares = (c: string) => /\d/.test(c) || (lex.kinds.some((k) => k.test(heading) && k.test(lex.words(c))) && !lex.noneOfThem.test(lex.words(c)) && !(sanctionRow && exempts(lex.words(c))));
  return kept.some(declares) ? (casesAdded(kept, heading, lex) ?? kept.join("; ")) : "0";
}

/**
 * "01 trường hợp bị cảnh cáo; 01 trường hợp bị khiển trách", "01 công chức bị khiển trách, 01
 * viên chức bị cảnh cáo": clauses each opening with its own count of the row's cases, each of
 * the title's kind and each saying another thing, are that many cases — the sum, as one clause
 * (WB23-6). The same clause written again may be the same case: left as it was read.
 */
function casesAdded(clauses: string[], heading: string, lex: Lexicon): string | null {
  if (clauses.length < 2) return null;
  // "02 trường hợp bị kỷ luật: 01 …, 01 …", "02 … - 01 …": a count opening a list is its total (WB24-1) —
  // when it counts the sanctions. "03 trường hợp vi phạm: 01 … bị khiển trách, 02 … được miễn kỷ luật"
  // counts violations: the list's own sanctions are the cases, each counted as imposed or not (WB25-1).
  const opening = /^\s*(?:có |co )?\d+([^:\d]*)(?::|\s[-–—]\s)\s*(?=\d)/u.exec(lex.words(clauses[0]!));
  if (opening) {
    const sanctionRow = lex.kinds.slice(1, 3).some((k) => k.test(heading));
    if (!sanctionRow || lex.kinds.slice(1, 3).some((k) => k.test(heading) && k.test(opening[1]!))) return null;
    return casesAdded([lex.words(clauses[0]!).slice(opening[0].length), ...clauses.slice(1)], heading, lex);
  }
  const counted = clauses.map((c) => /^\s*(?:có |co )?(\d+) ((?:\p{L}+ ?){1,2})/u.exec(lex.words(c)));
  const cases = counted.every((m, i) => m !== null && (lex.caseNouns.test(m[2]!.trim()) || titleNoun(m[2]!.split(" ")[0]!, heading)) && lex.kinds.some((k) => k.test(heading) && k.test(lex.words(clauses[i]!))));
  if (!cases) return null;
  const rests = counted.map((m, i) => lex.words(clauses[i]!).slice(m!.index + m![0].length - m![2]!.length));
  if (new Set(rests).size < rests.length) return null;
  const figures = counted.map((m) => Number(m![1]));
  // A first count the others add up to is their total, they its breakdown: "02 … bị kỷ luật; 01 … khiển trách; 01 … cảnh cáo" (WB24-1).
  // Unless the first names a form of its own the others lack: "02 … khiển trách; 01 … cảnh cáo; 01 … hạ bậc lương" are 4.
  const forms = (r: string): string[] => r.match(new RegExp(lex.words(FORMS), "gu")) ?? [];
  const ownForm = forms(rests[0]!).some((f) => rests.slice(1).some((r) => !forms(r).includes(f)));
  if (figures.length > 2 && !ownForm && figures[0] === figures.slice(1).reduce((n, f) => n + f, 0)) return null;
  // A sanction is a case only imposed: "01 trường hợp không bị / được miễn / đang xem xét kỷ luật" adds none (WB24-2).
  const sanction = lex.kinds.slice(1, 3).some((k) => k.test(heading));
  // Imposed: said so right after the case noun or a comma ("đã xử lý kỷ luật"), or "bị …" not negated ("… khác bị khiển trách").
  const imposed = rests.map((r) => !sanction || lex.imposedOn.test(r) || [r.replace(lex.caseNouns, ""), ...r.split(",").slice(1)].some((part) => lex.imposed.test(part.trim())));
  if (!imposed.some(Boolean)) return null;
  const sum = figures.reduce((n, f, i) => n + (imposed[i] ? f : 0), 0);
  return `${sum} ${rests[imposed.indexOf(true)]}`;
}

/** A clause about what was before ("trước đây / trước đó", "đã từng"), not what became of a case. */
const HISTORY = /(?<!\p{L})(?:trước (?:đây|đó)|truoc (?:day|do)|từng|tung)(?!\p{L})/u;

/** Where a clause's count stands: its first figure that is no year ("01 trường hợp", not "năm 2024"); −1 when none. */
const countAt = (clause: string): number => clause.replace(/(?<!\d)(?:19|20)\d{2}(?!\d)/g, "    ").search(/\d/);
/** A count in a clause: a figure that is no year. */
const hasCount = (clause: string): boolean => countAt(clause) >= 0;

/**
 * "01 trường hợp vi phạm, đã xử lý kỷ luật năm 2024", "01 trường hợp tái phạm …, bị kỷ luật năm
 * 2024": a clause of the title's kind with no count of its own, after one with a count, says what
 * became of the cases counted — one clause, dated by its sanction (SANCTION_YEAR), not a case
 * without a count beside a violation of another kind. A clause saying none is never joined.
 */
function sanctionsJoined(clauses: string[], heading: string, lex: Lexicon): string[] {
  const out: string[] = [];
  for (const clause of clauses) {
    const w = lex.words(clause);
    const previous = out[out.length - 1];
    const ofTitle = lex.kinds.some((k) => k.test(heading) && k.test(w));
    // Only a sanction imposed is a fate: "đang xem xét xử lý kỷ luật", "không có báo cáo nào của năm 2023 bị chậm" are none (WB23-1/4).
    if (previous !== undefined && ofTitle && !hasCount(clause) && hasCount(previous) && lex.imposed.test(w)) out[out.length - 1] = `${previous}, ${clause}`;
    else out.push(clause);
  }
  return out;
}

/**
 * "Trong (số) đó N …" given to earlier years: N taken off the count of the clause kept before it,
 * when that count holds them — every count the part lists ("trong đó 01 năm 2023 và 01 năm
 * 2022"), and a clause going on with the list (`listed`: ", 01 trường hợp năm 2023"). True when taken.
 */
function partTakenOff(kept: string[], words: string, heading: string, lex: Lexicon, listed: boolean): boolean {
  const opening = /^(?:trong (?:số )?đó|trong (?:so )?do)\s+/u.exec(words);
  const part = opening ? words.slice(opening[0].length) : listed ? words : null;
  const last = kept.length - 1;
  // The count before must be of the title's kind ("02 trường hợp bị kỷ luật"), its first figure no year.
  if (part === null || !/^(?:có\s+|co\s+)?\d/u.test(part) || last < 0 || !lex.kinds.some((k) => k.test(heading) && k.test(lex.words(kept[last]!)))) return false;
  // The part names its cases, their kind and year alone — the year its own or carried from ("của năm 2023", "từ năm 2023
  // chuyển sang", WB24-4): in "trong đó 01 công chức nghỉ hưu năm 2023" the year is the retirement's.
  const allowed = new Set(lex.words(`${heading} ${CASE_NOUNS} ${IMPOSED_WORDS} ${KINDS.join(" ")} và có năm quý tháng của từ chuyển sang`).match(/\p{L}+/gu));
  if (!(lex.words(part).match(/\p{L}+/gu) ?? []).every((w) => allowed.has(w))) return false;
  const counts = part.replace(/\([^()]*\)/gu, " ").replace(/(?<!\d)(?:19|20)\d{2}(?!\d)/gu, " ").match(/\d+/gu) ?? [];
  const whole = /^(.*?)(?<!\d)(?!(?:19|20)\d{2}(?!\d))(\d+)(?![\d/])/u.exec(kept[last]!);
  if (!whole) return false;
  const rest = Number(whole[2]) - counts.reduce((sum, n) => sum + Number(n), 0);
  if (rest < 0) return false;
  kept[last] = `${whole[1]}${rest}${kept[last]!.slice(whole[0].length)}`;
  return true;
}

/** A text's clauses, split at ";" and "," (never inside brackets, nor a decimal comma). */
function clausesOf(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === "(") depth++;
    else if (ch === ")") depth = Math.max(0, depth - 1);
    else if (depth === 0 && (ch === ";" || (ch === "," && !/\d/.test(text[i + 1] ?? "")))) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out.map((c) => c.trim()).filter((c) => c !== "");
}

/**
 * What a case was for, not the case: its cause ("do", "vì") or the violation ("vi phạm", "sai
 * phạm", "hành vi", "phát hiện") — a year written after it dates that (WB18-3).
 */
const CAUSE = /(?<!\p{L})(?:do|vì|vi phạm|vi pham|sai phạm|sai pham|hành vi|hanh vi|phát hiện|phat hien)(?!\p{L})/u;

/**
 * A clause naming only years before the period assessed, outside brackets, as a year or a
 * period of it ("năm 2023", "quý IV/2023", "tháng 12/2023" — never a document's date): last year's.
 * Only the years of the case count, before its cause: "bị kỷ luật do vi phạm năm 2023" is a
 * discipline of the period for an earlier violation (WB18-3).
 */
function lastYears(words: string, since: number | undefined): boolean {
  if (since === undefined) return false;
  const outside = words.replace(/\([^()]*\)/gu, " ").split(CAUSE)[0]!;
  const years = [...outside.matchAll(/(?<!\p{L})(?:năm|nam|quý|quy|tháng|thang|kỳ|ky|đợt|dot)\s+(?:[\divx]+\s*\/\s*)?((?:19|20)\d{2})(?!\d)/gu)].map((m) => Number(m[1]));
  // The sanction dated in so many words, wherever it stands ("… do vi phạm năm 2023 (kỷ luật năm 2023)"): the case's own year (WB19-3).
  for (const m of words.matchAll(SANCTION_YEAR)) years.push(Number(m[1]));
  return years.length > 0 && years.every((y) => y < since);
}

/**
 * A sanction followed by its year, opening its clause or bracket: "(kỷ luật năm 2023)", ", đã xử lý kỷ
 * luật năm 2023" — not an earlier sanction told of ("tái phạm sau khi bị kỷ luật năm 2023", WB20-3).
 */
const SANCTION_YEAR = /(?:^|[(,;]\s*)(?:đã\s+|da\s+)?(?:bị\s+|bi\s+)?(?:xử\s+lý\s+|xu\s+ly\s+)?(?:kỷ\s+luật|ky\s+luat|khiển\s+trách|khien\s+trach|cảnh\s+cáo|canh\s+cao|xử\s+phạt|xu\s+phat)\s+(?:vào\s+|trong\s+)?(?:năm|nam)\s+((?:19|20)\d{2})(?!\d)/gu;

/**
 * "không phải về X" where the title deducts for cases about X ("khiếu nại về giải quyết thủ tục
 * hành chính"): X named as the title names it — two of its syllables in a row, or an abbreviation
 * of them ("TTHC", and the other way round). "(không phải báo cáo định kỳ)" says which report,
 * never another kind.
 */
function aboutAnother(negated: string, heading: string): boolean {
  const about = /^(?:về|ve) (.+)/u.exec(negated)?.[1];
  const subject = /(?<!\p{L})(?:về|ve) (.+)/u.exec(heading)?.[1];
  return about !== undefined && subject !== undefined && namesSubject(about, subject);
}

function namesSubject(words: string, heading: string): boolean {
  const pairs = new Set(syllablePairs(heading));
  if (syllablePairs(words).some((p) => pairs.has(p))) return true;
  const abbreviates = (short: string, long: string) => {
    const initials = (long.match(/\p{L}+/gu) ?? []).map((w) => w.normalize("NFD")[0]).join("");
    return (short.match(/\p{L}+/gu) ?? []).some((w) => w.length >= 2 && !/[aeiouy\u0300-\u036f]/u.test(w.normalize("NFD").replace(/đ/g, "d")) && initials.includes(w.replace(/đ/g, "d")));
  };
  return abbreviates(words, heading) || abbreviates(heading, words);
}

/** A noun of the title ("báo cáo" of "Chậm gửi báo cáo"): a count of it on the row's own cell is of the row's kind. */
export const titleNoun = (noun: string, heading: string): boolean => W(noun.trim()).test(heading);
