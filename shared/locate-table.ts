import { cellAt, cellText, HEADER_WINDOW_ROWS, isBlankCell, mergeAt, rowsWidth, wideMergeStartsAt, type GridCell, type GridSheet, type Merge } from "./grid.ts";
import { type ColumnKind, type ColumnMap, type ConfirmedHeader } from "./column-kinds.ts";
import { foldSpelling, foldText } from "./text.ts";
import { textMemo } from "./text-memo.ts";
import { readCodeCell, readTitleCode, spelledLabelGoesOn, stripTitleCode, type CodeToken } from "./codes.ts";
import { resolveCodes } from "./code-resolution.ts";
import { numberFieldSheets } from "./field-sheets.ts";
import type { SetCodes } from "./criteria-tree.ts";
import type { UnitType } from "./criteria-shape.ts";
import { sttBesideLabels, titleBesideLabels } from "./label-columns.ts";
import { cellsHolding, columnsUnderLabel, firstCodeCell, firstTitleText, levelCodes, numberColumn, runningNumberColumns } from "./merged-columns.ts";
import { isColumnHidden, isRowHidden } from "./visibility.ts";
import { groupedWhole, isDateFormat, parseNumberText, readCellNumber, readDeclaredRatio, serialDate } from "./values.ts";
import { writesOwnRatio } from "./own-ratio-cell.ts";

/**
 * Find the criteria table on a sheet as offices lay it out: a title block above, a header
 * of one or two (merged) rows, maybe a row of column numbers, criteria rows with blank
 * rows between, and a totals row, notes or a signature block below.
 */
/**
 * A numerator beside its denominator: "Số đạt", "Số hồ sơ/nhiệm vụ đạt", "Tử số", or what was done
 * on time — "Số (hồ sơ) (giải quyết) đúng hạn", the numerator of half the rate criteria (WB33-4:
 * no column had been the data, 19 errors asking for figures two labelled columns held) — never
 * "Số điểm đạt", a score.
 */
const NUMERATOR = /^tu so$|^so\b(?!.*\bdiem\b).*\b(dat( duoc)?|dung han)$/;
/**
 * The head word two data columns share, before the qualifier that tells them apart: "Số lượng đạt"
 * | "Số lượng phải đạt", "Số liệu (tử số)" | "Số liệu (mẫu số)", "Số lượng thực hiện" | "Số lượng kế
 * hoạch" — the qualifier is read as the whole label would be (WB33-2: both had been the data, the
 * numerator alone read as a percentage, 50 of 50 as "50 %").
 */
const HEAD_WORD = /^so (luong|lieu)( ke khai)? (?=\S)/;
const qualifierOf = (label: string): string => (HEAD_WORD.test(label) ? label.replace(HEAD_WORD, "") : "");
const headOf = (label: string): string => HEAD_WORD.exec(label)?.[0] ?? "";
/** A count in a column of its own ("Số lượng"): the whole right after it is its denominator. */
const COUNT = /^so luong\b/;
/**
 * The words offices give a plan, folded: "Kế hoạch", "KH", "Chỉ tiêu", "Mục tiêu", "Dự toán", "(Số)
 * (được) giao", "Định mức", "Yêu cầu", "(Mức) phấn đấu", "Đăng ký", "Dự kiến" — a column so named
 * holds what was set, pledged or forecast, never the result ("Số liệu kê khai" over "Số giao" |
 * "Thực hiện" had scored the targets: 68,42 % became 75,77 %, silently). "Đăng ký" is the pledge
 * only as the whole label, with at most its year: followed by how or what ("Đăng ký trực tuyến",
 * "Số đăng ký, tiếp nhận trực tuyến") it is registrations done, a count (WB16-4). "Giao" with who
 * assigned it ("Huyện giao", "Tỉnh giao"), a pledge ("Cam kết") and the level required ("Ngưỡng",
 * "Tiêu chuẩn") are the plan too; "Dự kiến" before a result ("Dự kiến kết quả cả năm") is its
 * estimate, the data (WB16-7, WB16-15).
 */
const PLAN_WORDS = String.raw`((so|muc|huyen|quan|thi xa|thanh pho|tinh|cap tren) )?(ke hoach|kh|chi tieu|muc tieu|du toan|(duoc )?giao|dinh muc|yeu cau|nguong|tieu chuan|phan dau|cam ket|dang ky(?=$| (nam|ca nam|(19|20)\d{2})\b)|du kien(?! (ket qua|thuc hien)\b))\b`;
/** A total, not a plan: "Tổng", "Tổng số (hồ sơ)", "Mẫu số", and what a one-stop shop received ("Tiếp nhận", "Đã tiếp nhận", "Số hồ sơ tiếp nhận") over what it then did. */
const TOTAL = /^(tong|mau so)\b|^(so( [a-z]+){0,2} )?(da )?tiep nhan$/;
/**
 * The whole or the plan a count is taken against: "Tổng", "Tổng số (hồ sơ)", "Mẫu số", "(Số) phải
 * thực hiện / đạt", "Số … phải <any verb>" ("Số báo cáo phải nộp", "Số văn bản phải ban hành",
 * WB35-3), "Số nhiệm vụ, hồ sơ được giao", a count "theo kế hoạch" with no word of the result ("Số
 * cuộc kiểm tra theo kế hoạch", never "Số nhiệm vụ hoàn thành theo kế hoạch"), or a plan (PLAN_WORDS) — never "Tổng số
 * điểm" or "Tổng điểm" (a score), "Tổng số … đạt" (a numerator), "Tổng cộng" or "Tổng hợp".
 */
const WHOLE = new RegExp(String.raw`^(?!.*\b(diem|(?<!phai )dat)\b)((da )?tiep nhan$|mau so\b|tong so\b|tong(?! (cong|hop)\b)\b|(so )?(phai|can) (thuc hien|dat|hoan thanh|giai quyet)\b|so\b.* (?<!khong )phai \S|so\b.*\b(duoc giao|tiep nhan)$|(?!so\b)[a-z]+( [a-z]+){0,3} duoc giao$|so\b(?!.*\b(da|hoan thanh|thuc hien)\b).*\btheo (ke hoach|kh|chi tieu)\b|${PLAN_WORDS})`);
/**
 * A plan, whatever horizon it names: "Kế hoạch cả năm", "Chỉ tiêu cả năm", "KH năm 2024", "Yêu cầu
 * năm 2024", "Số giao" (PLAN_WORDS). Its "cả năm" is the plan's horizon, never the year's result:
 * such a column is no period of the data (periodRank) but the plan, one beside the data its
 * denominator (WHOLE).
 */
const PLAN = new RegExp(`^${PLAN_WORDS}`);
/**
 * A data label qualified as the plan, with no word of the result after it: "Số liệu năm 2024 (kế
 * hoạch)", "Số liệu (chỉ tiêu giao)" beside "Số liệu năm 2024 (thực hiện)" — the plan, as a column
 * named "Kế hoạch" is (never "Số liệu kê khai (thực hiện/chỉ tiêu)" nor "Kết quả thực hiện chỉ tiêu").
 */
const QUALIFIED_PLAN = new RegExp(String.raw`^(so lieu( ke khai)?|ke khai|ket qua)( nam)?( (19|20)\d{2})? ${PLAN_WORDS}(?!.*\b(thuc hien|th|dat|ket qua)\b)`);
/** A whole or a plan, as the label says it or as its qualifier after a shared head word does ("Số lượng phải đạt", "Số liệu (mẫu số)"). */
const namesWhole = (label: string): boolean => WHOLE.test(label) || QUALIFIED_PLAN.test(label) || (qualifierOf(label) !== "" && WHOLE.test(qualifierOf(label)));
/** A numerator, as the label says it or its qualifier after a shared head word ("Số lượng đạt", "Số liệu (tử số)"). */
const namesNumerator = (label: string): boolean => NUMERATOR.test(label) || (qualifierOf(label) !== "" && NUMERATOR.test(qualifierOf(label)));
/** The declared data named as such ("Số liệu kê khai", "Số liệu", "Kê khai"): it wins over a description ("Kết quả thực hiện"). */
const SAYS_DATA = /\b(so lieu|ke khai)\b/;

/** A folded label without the punctuation labels carry ("Tỷ lệ (%)", "Ghi chú:"). */
/**
 * A folded label without punctuation or doubled spaces. Remembered (text-memo.ts, as classifyFolded):
 * a header search reads every row of its window up to four times (as a top and as a bottom row,
 * each column several ways), and on a sheet of records with no criteria header — every cell a
 * sentence — that had been a quarter of a whole check's scoring.
 */
const cleanLabel = textMemo(4096, (folded) => folded.replace(/[.:*()]/g, " ").replace(/\s+/g, " ").trim());

/** A level whose marks a score column may carry: "(UBND) xã", "huyện", "Sở" (never "Sở Nội vụ", the appraiser), "đơn vị", "cơ quan". */
const LEVEL = "(ubnd |uy ban nhan dan |uy ban )?(xa|phuong|thi tran|huyen|quan|thi xa|thanh pho|tinh|so(?! noi vu)|don vi|co quan|dia phuong)";
/** How a level's marks are said: "đánh giá", "chấm", "chấm điểm". */
const MARKS = "(danh gia|cham( diem)?)";
/**
 * A score group over columns that only name who scored: "Điểm chấm" over "Huyện" | "Xã", "Điểm"
 * over "UBND huyện" | "UBND xã", "Cấp huyện" | "Cấp xã", "Đơn vị"; "Điểm đạt", "Kết quả chấm
 * điểm" over them. Each a self-score label; namesOthers keeps the set's own level's.
 */
const LEVEL_SCORE = new RegExp(`^(diem( (cham|dat|danh gia|so))?|ket qua (cham diem|danh gia|cham))( cua)? (cap )?${LEVEL}$`);

/**
 * A share of the points, not a rate of the work: "Tỷ lệ điểm đạt (%)" (self ÷ max), "% điểm đạt",
 * "Tỷ lệ đạt (% số điểm)", "Phần trăm điểm đạt". Derived from the scores, it is read as no column:
 * the declared rate stays "Tỷ lệ đạt được" (CRITERIA-FORMAT.md §6) or the data's own figures.
 */
const SCORE_SHARE = /^(ty le|phan tram|%).*\bdiem\b/;

/** First match wins, so the specific labels come before the generic ones. */
const COLUMN_PATTERNS: [ColumnKind, RegExp][] = [
  // Guidance beside the scores: "Hướng dẫn tự đánh giá, chấm điểm", "Quy định chấm điểm", "Cách đánh giá".
  ["method", /^(huong dan|quy dinh (cham|tinh|danh gia)|cach (danh gia|cham|tinh)|phuong phap)/],
  // "TĐG" is how tables abbreviate "tự đánh giá"; "Điểm (đơn vị) đề xuất / đề nghị" is the unit's
  // own proposal; "Điểm đơn vị (cơ quan, địa phương) chấm" its own score.
  // "Điểm TĐ"; a level's marks, said "đánh giá" or "chấm": "Điểm đánh giá của xã", "Điểm (do) (UBND)
  // xã đánh giá", "Xã đánh giá", "Điểm xã chấm", "Điểm chấm của (UBND) xã", "Điểm chấm của đơn vị",
  // "Xã chấm điểm" (never "… của Sở Nội vụ", the appraisal; nor "… của Hội đồng", no level). Which
  // level's is the unit's own is settled by the set's unit type (namesOthers).
  // Whole words, never "địa điểm tuyên truyền" (a place), "thời điểm tự kiểm tra" (a time) nor "điểm tuyệt đối".
  // "Điểm (đơn vị) kê khai": the points the unit declares, before "kê khai" makes declared data of it.
  // Never "Số liệu tự đánh giá": the unit's own figures, its declared data (it had taken no column).
  ["data", /^so lieu (tu danh gia|tu cham|tdg)\b/],
  ["self", new RegExp(`\\btu (danh gia|cham|dg)\\b|(?<!\\b(dia|thoi) )\\bdiem tu\\b(?! (van|phap|lieu|nhan|cach)\\b)|\\btdg\\b|\\bdiem td\\b|\\bdiem (don vi |co quan |dia phuong )?ke khai\\b|diem (don vi |co quan |dia phuong )?de (xuat|nghi)|(don vi|co quan|dia phuong) cham\\b|(^|diem (${MARKS} (cua )?|do )?)${LEVEL}( tu)? ${MARKS}\\b|diem ${MARKS} cua ${LEVEL}\\b`)],
  // The province's scores: appraisal, its council, a re-check, the score after the unit's
  // explanation ("Điểm sau giải trình" — before "note" takes it for an explanation), and
  // "Điểm (do) Sở Nội vụ chấm", the appraising department's.
  // A template's English labels: "Self-score", "Self-assessment (score)", "Evidence" (below).
  ["self", /^self[ -]?(score|assessment|assessed)\b/],
  ["self", LEVEL_SCORE],
  ["appraised", /tham dinh|hoi dong|phuc tra|sau giai trinh|^diem\b.*\b(so|phong) noi vu\b|\b(so|phong) noi vu (cham|danh gia)/],
  // "Điểm (theo) quy định": the points the set prescribes.
  // "Điểm định mức", "Điểm theo thang (điểm)": the set's points too (each had been no column).
  ["max", /toi da|thang diem|diem (so )?chuan|diem (theo )?quy dinh|^diem dinh muc\b|^diem theo thang\b|^max(imum)?( (points|score))?$|^chuan$/],
  // The day a cited document was issued, in a column of its own: "Ngày ban hành", "Ngày văn bản",
  // "Ngày, tháng, năm ban hành", "Ngày ký", "Thời gian ban hành"; a bare "Ngày" only under the
  // evidence label ("Tài liệu kiểm chứng" over "Số" | "Ngày"). Never "Thời gian thực hiện": a plan's.
  ["evidenceDate", /^(ngay|thoi gian|thoi diem)([ ,/-]+(thang|nam))*[ ,/-]+(ban hanh|van ban|vb|ky)\b|(kiem chung|tai lieu|minh chung|van ban) ngay([ ,/-]+(thang|nam))*$/],
  // The documents named by their parts: "Tên, số, ký hiệu văn bản", "Số hiệu văn bản", "Số, ngày văn bản", "Văn bản" alone
  // (never "Số văn bản …": a count of documents).
  // "Tài liệu" is the evidence unless counted: "Tổng số (hồ sơ,) tài liệu", "Số tài liệu đã số hóa" are a
  // total and its part (never "Số hiệu tài liệu", "Số, ký hiệu", "Số, ngày …": a document's own number).
  ["evidence", /kiem chung|^(?!(tong )?so (?!hieu\b|ky hieu\b|ngay\b)).*\btai lieu\b|minh chung|van ban chung minh|^so,? ky hieu|^(file|tep) (dinh kem|kem theo)$|\btlkc\b|^van ban kem theo|^ten,? (so,? )?(ky hieu,? )?van ban\b|^so hieu\b|^so,? ngay\b.*\bvan ban\b|^van ban$/],
  // Whole words: "kiến nghị chưa …" folds to "kien nghi chua", which holds "ghi chu".
  // "Lý do (trừ điểm)", "Nguyên nhân", "Giải thích": why points were lost, a note (each had been no column).
  ["evidence", /^evidence\b/],
  ["note", /\bghi chu\b|\bgiai trinh\b|\bthuyet minh\b|^note|^(ly do|nguyen nhan|giai thich)\b/],
  // Two data columns (§6): a count ("Số liệu thực hiện", "Số lượng") and a rate ("Tỷ lệ đạt được").
  // "Nội dung thực hiện" alone is what was done, as "Tình hình thực hiện" is (never "Nội dung", the title).
  ["data", /so lieu|ke khai|ket qua (thuc hien|dat duoc)|^so luong|^(tinh hinh|noi dung) thuc hien$|^tinh hinh thuc hien|^data/],
  // The result against the plan: "TH/KH (%)", "Thực hiện/Kế hoạch", "Thực hiện kế hoạch năm 2024",
  // "(Mức độ) hoàn thành chỉ tiêu" (it had been read as no column: every ratio DATA_MISSING).
  ["data", /^(th|thuc hien) ?\/ ?(kh|ke hoach|chi tieu|ct)\b|^thuc hien (ke hoach|chi tieu|muc tieu)\b|^(muc do )?hoan thanh (ke hoach|chi tieu|muc tieu)\b/],
  // The year's result or its estimate, the cumulative total, the level reached: "Thực hiện (năm
  // 2024)", "Ước thực hiện (năm 2024)", "Dự kiến kết quả cả năm 2024", "Lũy kế", "Mức độ đạt được so
  // với định mức" (WB16-15: read as no column, every ratio DATA_MISSING).
  ["data", /^((uoc|du kien)( tinh)? (thuc hien|ket qua)\b|thuc hien( (ca )?nam\b.*)?$|luy ke\b|muc do (dat duoc|hoan thanh)\b)/],
  ["data", NUMERATOR],
  // A rate: "Tỷ lệ …", "%", and what was done on time written as its percentage, "Hồ sơ giải
  // quyết đúng hạn (%)" (WB38-8: read as no column, every ratio DATA_MISSING); a result or what was
  // achieved as a percentage, "Kết quả (%)", "Đạt (%)", "Mức độ đạt (%)", "TL (%)", "% hoàn thành"
  // (each had been no column: every ratio DATA_MISSING).
  ["rate", /^ty le|^%$|\bdung han %$|^(tl|ket qua|dat|dat duoc|muc do dat|hoan thanh|thuc hien) ?%$|^% ?(dat|dat duoc|hoan thanh|thuc hien)$/],
  ["method", /cach tinh|cach cham|phuong phap|huong dan (cham|tinh)|can cu tinh/],
  // Also "Thứ tự", "Mã TC", "STT/Mã" (each had been no column: the codes unread, rows matched by title alone).
  ["code", /^(stt|tt|so tt|so thu tu|thu tu|ma|ma so|ma tc|ma (so )?(tieu chi|chi tieu)|ky hieu|code|no\.?|(stt|tt) ?\/ ?ma|ma ?\/ ?(stt|tt))$/],
  // "Tên chỉ tiêu" too (no header had been found); never "Chỉ tiêu" alone, a plan's target.
  ["title", /tieu chi|noi dung|linh vuc|chi so|^criteri|^ten chi tieu\b/],
];

/** Classify an already folded label; remembered (text-memo.ts), since a header window repeats few labels. */
const classifyFolded = textMemo(4096, (folded): ColumnKind | null => {
  const cleaned = cleanLabel(folded);
  for (const [k, re] of SCORE_SHARE.test(cleaned) ? [] : COLUMN_PATTERNS) {
    if (cleaned !== "" && re.test(cleaned)) return k;
  }
  return null;
});

export function classifyLabel(label: string): ColumnKind | null {
  return classifyFolded(foldLabel(label));
}

/**
 * A one-stop shop counts against the date on the appointment slip it gave ("phiếu hẹn"): "đúng
 * hẹn", "trước hẹn" are its on time and "trễ hẹn", "quá hẹn", "lỡ hẹn", "sai hẹn" its late, read
 * as "đúng hạn", "trễ hạn" (a "Số hồ sơ trễ hẹn" beside its total had been read as the files on
 * time: 5 late of 125 scored 4 %).
 */
const APPOINTMENT = /\b(dung|truoc|tre|qua|lo|sai) hen\b/g;
/** "Trả đúng thời hạn", "Trước thời hạn" (the one-stop report's words) are "đúng hạn", "trước hạn". */
const WITHIN_TERM = /\b(dung|truoc) thoi han\b/g;
const asDeadline = (folded: string): string => {
  const dated = folded.includes(" thoi han") ? folded.replace(WITHIN_TERM, "$1 han") : folded;
  return dated.includes(" hen") ? dated.replace(APPOINTMENT, (_, w: string) => (w === "dung" || w === "truoc" || w === "qua" ? `${w} han` : "tre han")) : dated;
};
/**
 * A header label folded, its appointment words read as deadlines and its i-for-y syllables as the y
 * the patterns are written with (foldSpelling: "Tỉ lệ (%)" had been no column at all, every ratio
 * DATA_MISSING); a criterion's title too where it is held against labels (score-workbook.ts rowAsRead).
 */
export const foldLabel = (text: string): string => asDeadline(foldSpelling(text));

export interface HeaderMatch {
  /** First and last header rows (equal for a one-row header). */
  headerTop: number;
  headerBottom: number;
  columns: ColumnMap;
  /** Label text per mapped column, for showing the user what was recognised. */
  labels: Partial<Record<ColumnKind, string>>;
  /**
   * A code label merged over narrow columns ("TT" over field | criterion | sub-criterion), all
   * of them in order, `columns.code` among them; absent when the label covers one column.
   */
  codeColumns?: number[];
  /**
   * The STT column beside a column of labels whose Roman numerals (and list letters) number the
   * rows the labels leave unlabelled: the fields over "Tiêu chí 1", the options under it.
   */
  partColumn?: number;
  /** A title label merged over the columns titles are indented across (field, criterion, sub-criterion), all of them. */
  titleColumns?: number[];
  /**
   * The denominator ("Tổng số", "Mẫu số") beside the numerator, the data column ("Số đạt",
   * "Tử số"): a row's declared data is the a/b of its two cells.
   */
  denominator?: number;
  /**
   * The data column beside the denominator counts what was not done ("Số chưa đạt", "Chưa hoàn
   * thành", "Số không đạt"): the declared data is the rest, (total − it)/total (WB17-5).
   */
  dataNotDone?: true;
  /**
   * The denominator is a plan ("Kế hoạch", "Chỉ tiêu giao"): a result may pass it, 22 | 20 is a plan
   * exceeded, never a part over its whole (RATIO_OVER_100).
   */
  denominatorPlan?: true;
  /**
   * A second visible self-score column whose label claims the self-score as strongly as the one
   * read, its round included ("Điểm tự đánh giá" | "Điểm tự đánh giá"): nothing tells which is the
   * final round, so the scoring says so where the two differ (self-columns.ts), never silently.
   */
  otherSelf?: number;
  /**
   * The data column counts what was done on time and writes its own ratio in some rows ("Số hồ sơ
   * giải quyết đúng hạn" over "98/100" and "18"): only a row's "a/b" or "%" is its declared data,
   * a bare count none (DATA_MISSING), never a percentage (WB40-5).
   */
  dataOwnRatiosOnly?: true;
  /**
   * The rate column gives the share not done or late ("Tỷ lệ trễ hạn (%)", "Tỷ lệ chưa hoàn
   * thành"): a plain figure in it is the rest of the rate asked for — 2 there is 98 % on time
   * (leaf-data.ts). A criterion whose own title names that share reads it as written.
   */
  rateNotDone?: true;
  /**
   * The rate column's label is a bare "Tỷ lệ (%)" right after a column of the late or undone part
   * ("Tổng số hồ sơ" | "Trễ hạn" | "Tỷ lệ (%)"): whether it is that part's share or the rate asked
   * for, the label does not say, and a row's own counts decide (leaf-data.ts).
   */
  rateBesideNotDone?: true;
  /**
   * Beside the on-time data column, a column of what was done early ("Trước hạn" | "Đúng hạn"
   * under "Số hồ sơ đã giải quyết"): on time counts both, a row's numerator is their sum (matched-rows.ts).
   */
  dataEarly?: number;
  /**
   * The row's other reading where the data counts what was resolved of what was received and an
   * on-time count follows it: on time (its early count added) of what was resolved, read by a
   * criterion whose title asks for it (titleAsksOnTime, score-workbook.ts).
   */
  onTime?: { data: number; denominator: number; early?: number; dropsRate?: true };
  /**
   * Parts after a total that add up to it row by row, none a state the header reads together
   * (withPartsOfTotal), each with the words naming it: a ratio criterion whose title names a part's
   * words reads that part of the total (readsPartNamed, matched-rows.ts) — "Tỷ lệ TTHC cung cấp
   * trực tuyến một phần" the "Một phần" column, whichever part the table's data is.
   */
  partsOfTotal?: { total: number; parts: { column: number; words: string; label: string }[] };
}

const MAX_LABEL_LENGTH = 120;
/** Rows past a confident header that are still compared (a second header row, a better one). */
const ROWS_PAST_CONFIDENT_HEADER = 3;

/**
 * The header window, each row read when a header reading first needs it (the search stops
 * a few rows past a confident header, long before the window's end): each cell's label
 * (merges resolved) raw and folded, and which cells continue a vertical merge from above.
 */
class HeaderWindow {
  private readonly rawRows: (string[] | undefined)[] = [];
  private readonly foldedRows: (string[] | undefined)[] = [];
  /** The merge over each cell of a read row, looked up once with its label (header readings ask again and again). */
  private readonly mergeRows: (Merge | undefined)[][] = [];
  private readonly merged: boolean;

  constructor(
    readonly sheet: GridSheet,
    readonly rows: number,
    readonly width: number,
  ) {
    this.merged = (sheet.merges?.length ?? 0) > 0;
  }

  /** Labels of a row as written (trimmed), merges resolved. */
  raw(r: number): string[] {
    let row = this.rawRows[r];
    if (!row) {
      row = [];
      const merges: (Merge | undefined)[] = [];
      for (let c = 0; c < this.width; c++) {
        const m = this.merged ? mergeAt(this.sheet, r, c) : undefined;
        merges.push(m);
        row.push(cellText(m ? cellAt(this.sheet, m.s.r, m.s.c) : cellAt(this.sheet, r, c)).trim());
      }
      this.rawRows[r] = row;
      this.mergeRows[r] = merges;
    }
    return row;
  }

  /** The merged range over (r, c), if any: the row's lookups made once, with its labels. */
  merge(r: number, c: number): Merge | undefined {
    if (!this.merged) return undefined;
    if (c < 0 || c >= this.width) return mergeAt(this.sheet, r, c);
    this.raw(r);
    return this.mergeRows[r]![c];
  }

  continuesMergeFromAbove(r: number, c: number): boolean {
    const m = this.merge(r, c);
    return m !== undefined && m.s.r < r;
  }

  /** Folded labels of a row, computed when a header reading first needs them. */
  folded(r: number): string[] {
    let row = this.foldedRows[r];
    if (!row) {
      // Labels are short: a long cell is a title or a note, never a column label.
      row = this.raw(r).map((text) => (text === "" || text.length > MAX_LABEL_LENGTH ? "" : foldLabel(text)));
      this.foldedRows[r] = row;
    }
    return row;
  }

  filledCells(r: number): number {
    return this.raw(r).reduce((n, t) => (t ? n + 1 : n), 0);
  }

  /**
   * Whether a label of this row could name the title column, alone or joined to the row below or
   * above it: a title label holds "tiêu chí", "nội dung", "lĩnh vực", "chỉ số" or starts
   * "criteri" (COLUMN_PATTERNS), so one of its rows' cells holds "tieu", "noi", "linh", "chi" or
   * "criteri" — a word joined across the two rows starts in the upper cell. A header without a
   * title column scores 0 (headerScore): a pair of rows neither of which may name it is not read.
   */
  mayNameTitle(r: number): boolean {
    return (this.titleWords[r] ??= this.folded(r).some((label) => TITLE_WORDS.test(label)));
  }
  private readonly titleWords: (boolean | undefined)[] = [];
}

/** Letters every title label's words hold (COLUMN_PATTERNS' "title"), folded: see HeaderWindow.mayNameTitle. */
const TITLE_WORDS = /tieu|noi|linh|chi|criteri/;

/** A running-number column's label ("STT", "TT", "Số thứ tự"): a code column only when no other is. */
const RUNNING_NUMBER = /^(stt|tt|so tt|so thu tu|no)$/;
const isRunningNumber = (label: string): boolean => RUNNING_NUMBER.test(cleanLabel(foldText(label)));

/**
 * A score column named only "Điểm", "Điểm đạt (được)", "Số điểm đạt", "Điểm đánh giá", "Điểm chấm",
 * "Kết quả chấm (điểm)": the unit's own score when no column says "tự đánh giá" (beside "Điểm chấm
 * của Hội đồng", the appraisal). "Kết quả chấm điểm" had been no column: every score missing.
 */
const PLAIN_SCORE = /^(so )?diem( dat( duoc)?| so| danh gia| cham| thuc te)?$|^ket qua cham( diem)?$/;

const LAST_YEAR = /\b(nam truoc|nam ngoai|ky truoc|lan truoc)\b/;

/** Years named in a label ("2023", "30/11/2024"). */
const YEARS = /(?<!\d)(19|20)\d{2}(?!\d)/g;

/**
 * A folded label naming last year's figures: "năm trước", "kỳ trước", or the year before the
 * set's — unless it goes on to the set's year: "(tính từ 01/12/2023 đến 30/11/2024)" is the period
 * assessed, which ends in it.
 */
function saysLastYear(folded: string, year?: number): boolean {
  if (LAST_YEAR.test(folded)) return true;
  if (year === undefined) return false;
  const named = (folded.match(YEARS) ?? []).map(Number);
  return named.includes(year - 1) && named[named.length - 1]! < year;
}

/**
 * A sub-label naming the whole assessed period or the final reading: "Cả năm", "Năm", "12 tháng",
 * "(Tính) đến hết năm", "Chính thức", "Lần 2 (sau rà soát)".
 */
const WHOLE_PERIOD = /^nam$|\b(ca nam|12 thang|het nam|chinh thuc|sau ra soat)\b/;
/**
 * A flat label of figures or points for the year: "Số liệu năm", "Kết quả năm", "Tỷ lệ năm", "Điểm
 * năm" beside "Số liệu quý III" (never "6 tháng đầu năm", nor a description "Tình hình thực hiện
 * trong năm"), with the year or not: "Số liệu năm 2024", "Số liệu (năm 2024)", "Số liệu 2024" —
 * the whole year only when that year is the set's; "Số liệu năm 2024 (ước)", "(ước tính)", "(ước
 * thực hiện)" is the year's estimate, which only the year's final figures beat (periodRank). So
 * are a result ("Thực hiện năm 2024") and its estimate ("Ước thực hiện năm 2024", WB16-15).
 */
const FLAT_YEAR = /^(?<pre>(?:uoc|du kien)(?: tinh)? )?(so lieu( ke khai)?|ke khai|ket qua( thuc hien)?|thuc hien|ty le( dat duoc)?|diem( tu (danh gia|cham))?)(?: nam(?: (?<year>(?:19|20)\d{2}))?| (?<bare>(?:19|20)\d{2}))(?<estimate> uoc( tinh| thuc hien| dat)?)?$/;
/** A cut-off date: "Đến 30/6/2024", "Tính đến ngày 31/12", "Số liệu đến 15/12/2024" (day, month). */
const CUT_OFF = /\b(?:den|toi)(?: het)?(?: ngay)? (\d{1,2})[/.-](\d{1,2})\b/;
/** A part of the period or an early reading: "Quý I", "6 tháng đầu năm", "Lần 1", "Đợt 1", "Dự kiến", "Sơ bộ". */
const PERIOD_PART = /^(quy|thang|\d+ thang|nua nam|lan|dot|ky|du kien|so bo|tam tinh|uoc)\b/;
/** A span of the year: "Quý I", "Tháng 6", "6 tháng đầu năm", "Nửa năm" (not a reading or an estimate, as PERIOD_PART's "Lần 1", "Ước"). */
const PERIOD_SPAN = /^(quy|thang|\d+ thang|nua nam)\b/;
/** The n-th reading: "Lần 2", "Đợt 3", "Lần thứ 2". */
const NTH_READING = /^(lan|dot)( thu)? (\d{1,2})\b/;
/**
 * A flat label's round named at its end, after the column's own words: "Điểm tự đánh giá lần 2",
 * "… (đợt 1)", "Số liệu kê khai lần thứ 2" — as "Lần 2" under a merged "Điểm tự đánh giá".
 */
const LAST_READING = /\b(lan|dot)( thu)? (\d{1,2})$/;
/** A label naming the first reading at its end: "… (trước rà soát)", "… (trước bổ sung)", "… ban đầu", "… lần đầu". */
const EARLIER_READING = /\b(truoc (ra soat|bo sung|giai trinh|dieu chinh|tham dinh|phuc tra)|ban dau|lan dau)$/;
/**
 * A self-score named as revised after the first round: "… (sau) bổ sung", "… (sau) điều chỉnh", "…
 * sau giải trình", "… chỉnh sửa", "… sửa đổi", "… cập nhật" (the tab names' revision words,
 * table-versions.ts): the final reading, as "… (sau rà soát)" — also with the document it
 * followed ("… sau bổ sung theo Công văn số 125/SNV", WB38-3).
 */
const REVISED_SCORE = /\b((sau )?(bo sung|dieu chinh|chinh sua|sua doi|cap nhat)|sau giai trinh)( theo .*)?$/;
/**
 * A body named in a sub-column label, alone ("Điểm tự đánh giá" over "Đơn vị" | "Phòng Nội vụ"):
 * the appraisers' column when no self words come with it.
 */
const NAMED_BODY = /\b(tham dinh|hoi dong|phuc tra|noi vu|ubnd|uy ban|cap tren)\b/;
const SELF_WORDS = /\b(tu danh gia|tu cham|tu dg|tdg)\b/;
/**
 * An appraising body named in a self-score label beside its revision: "(Phòng Nội vụ điều
 * chỉnh)", "(Sở Nội vụ …)", "sau khi Hội đồng thẩm định điều chỉnh", "do Tổ thẩm định chỉnh sửa",
 * "Đoàn kiểm tra", "cấp trên" — the appraisers' figure, never the unit's final round (WB35-1).
 */
const APPRAISING_BODY = /\b(tham dinh|hoi dong|phuc tra|noi vu|doan kiem tra|cap tren)\b/;
/**
 * A committee and its level: "UBND huyện", "Ủy ban nhân dân tỉnh", with "cấp" between ("UBND cấp
 * huyện") or the level abridged ("UBND H. An Bình", "UBND TX", "UBND Q. 3", "UBND TP"), WB40-1.
 */
const COMMITTEE_LEVEL = /\b(?:ubnd|uy ban(?: nhan dan)?) (?:cap )?(xa|phuong|thi tran|huyen|quan|thi xa|thanh pho|tinh|tx|tp|tt|h|q|x|p)\b/g;
/** An abridged level written after a committee, in full. */
const LEVEL_IN_FULL: Record<string, string> = { tx: "thi xa", tp: "thanh pho", tt: "thi tran", h: "huyen", q: "quan", x: "xa", p: "phuong" };
/**
 * How high a committee's level stands, and a unit's: a committee at or below the unit's own level
 * never appraises it ("UBND xã" on a commune's or a district's set); with no unit type known, a
 * commune's, as no committee appraises from below it. A department stands as a commune does: every
 * committee from a district's up is another body there, the province's ("UBND Thành phố" in a
 * centrally-run city) as the district's over its offices (hanoi-phong-2024's units, typed
 * department, WB40-4); a commune's never appraises it.
 */
const COMMITTEE_RANK: Record<string, number> = { xa: 0, phuong: 0, "thi tran": 0, huyen: 1, quan: 1, "thi xa": 1, "thanh pho": 1, tinh: 3 };
const UNIT_RANK: Record<UnitType, number> = { commune: 0, ward: 0, district: 1, department: 0, province: 3 };
/** "Sở" (folded as "số"), told from a count by what follows it. */
const DEPARTMENT_WORD = /(?<!\b(ho|tong) )\bso(?= )(?! (lieu|luong|diem|ho so|van ban|bao cao|tthc|thu tuc|nhiem vu)\b)/;
/** A bare "Phòng", never the unit's own offices: "Văn phòng", "các phòng (chuyên môn)", "phòng ban". */
const BARE_OFFICE = /(?<!\b(van|cac|nhung) )\bphong\b(?! (chuyen mon|ban|thuoc)\b)/;
/**
 * The unit named for several kinds of unit, its names joined by a slash in either order: "cơ
 * quan/phòng", "phòng/cơ quan", "phòng/đơn vị", "cơ quan / phòng" (WB42-7, WB43-4: a district's
 * office scored its first round, 65 → 32) — the slash only: "cơ quan phòng Tư pháp chấm lại" names
 * another office (WB43-5).
 */
const UNIT_SLASHED = /\b(co quan|don vi|phong)(?: ?\/ ?(co quan|don vi|phong|ban))+\b/g;
/**
 * A document's number and symbol ("Công văn số 125/SNV", "Kế hoạch số 12/KH-UBND"): never "Sở" nor
 * a body (WB38-3) — a slashed token with a digit only: "HĐTĐ/UBND huyện", "huyện/thị xã" name
 * bodies written for several levels (WB40-3).
 */
const DOCUMENT_NUMBER = /\bso \d\S*|\S*\d\S*\/\S*|\S*\/\S*\d\S*/g;
/** A committee that scores itself ("UBND huyện tự chấm", "UBND xã An Phú tự đánh giá"): the one the set scores, whatever its level. */
const SELF_SCORING = /^(?: (?!(dieu chinh|bo sung|chinh sua|sua doi|cap nhat|giai trinh|tham dinh|diem)\b)\S+){0,4}? (tu danh gia|tu cham|tu dg|tdg)\b/;
/** A body that may score, or the heading of another round ("Điểm thẩm định"). */
const SCORER = String.raw`(?:doan|hoi dong|to|phong|(?<!ho )so|ubnd|uy ban|ban|cap tren|don vi|co quan)`;
/** A verb of scoring, as a word of its own. */
const SCORING_WORD = String.raw`(?:cham|danh gia|tham dinh|kiem tra|phuc tra)\b`;
/**
 * A revision "bổ sung theo …" and what it answered, who asked ("theo Công văn của Sở Nội vụ"):
 * never who revised (WB40-9). Words may stand between "bổ sung" and "theo": "sau bổ sung (theo yêu cầu
 * của Phòng Nội vụ)", "bổ sung lần 2 theo", "bổ sung hồ sơ theo" (WB43-6, WB43-7) — never a body
 * nor a verb of scoring: "bổ sung, Sở chấm theo kết luận" names who scored (WB44-5: the appraisers'
 * column had been the unit's, 78 Khá → 42 Yếu).
 */
const ANSWERED = new RegExp(
  String.raw`\bbo sung(?:[ ,;(]+(?!theo\b|${SCORER}\b|${SCORING_WORD})[a-z0-9]+){0,2}?[ ,;(]+theo\b` +
    // Adjusted at someone's request: "điều chỉnh theo yêu cầu của Phòng Nội vụ" is the unit's, as
    // "bổ sung theo …" is (WB42-4); "điều chỉnh theo Công văn … của UBND huyện" stays that body's.
    String.raw`|\b(?:dieu chinh|chinh sua|sua doi|cap nhat)[ ,;(]+theo(?= (?:yeu cau|de nghi|y kien|huong dan)\b)` +
    // Scored again at a request, opening its clause: never a body's "Đoàn thẩm định chấm lại theo …".
    String.raw`|(?:^|[(,;]|\bbo sung)[ ,;(]*cham lai[ ,;(]+theo(?= (?:yeu cau|de nghi|y kien|huong dan)\b)`,
);
/** The unit's names joined by a slash ("cơ quan/phòng"), one body: never cut at its second name (WB44-6). */
const SLASHED_BODY = String.raw`(?:co quan|don vi|phong)(?: ?\/ ?(?:co quan|don vi|phong|ban))+`;
const BODY = String.raw`(?:${SLASHED_BODY}|${SCORER})`;
/** Words between a scorer and its verb, in one clause: never another body (nor `not`), a comma or a semicolon. */
const BETWEEN = (n: string, not = "") => String.raw`(?:[^a-z0-9,;]+(?!${SCORER}\b${not})[a-z0-9]+)${n}?`;
/**
 * The same, never through a request: "Phòng Nội vụ đề nghị điều chỉnh", "Sở Nội vụ yêu cầu chấm
 * lại" ask for the revision, they do not make it (WB45-7).
 */
const UNASKED = (n: string) => BETWEEN(n, String.raw`|de nghi\b|yeu cau\b|huong dan\b`);
/** A verb of scoring, never a noun after "kết quả", "ý kiến", "kết luận" ("theo kết quả đánh giá của …"). */
const VERB = (verbs: string) => String.raw`[^a-z0-9,;]+(?<!\b(ket qua|y kien|ket luan|bien ban|phieu) )(?:${verbs})\b`;
/** Where a clause may end: a comma, a semicolon, a bracket, a dash between spaces, a full stop, "và", a line break (LINE_BREAK). */
const CLAUSE_END = String.raw`(?:[,;()]|\s[-–]\s|\.\s|\bva\b)[\s\-–(]*`;
/**
 * "…, do Đoàn thẩm định chấm lại", "…, sau đó (rồi) Sở Nội vụ chấm lại" (WB45-1): the one who scored,
 * after "do", "sau đó" or "rồi" — only with a verb of scoring again, never "đánh giá" (a body's name:
 * "do Hội đồng đánh giá ban hành" names who issued the letter answered) nor after a request ("do Sở
 * Nội vụ đề nghị chấm lại" asked for it; "được … hướng dẫn chấm lại" is the unit, guided).
 */
const SCORED_AFTER = String.raw`(?:do|sau do|roi) ${BODY}\b${UNASKED("{0,4}")}${VERB("cham|dieu chinh|chinh sua|sua")}`;
/**
 * Where who asked ends: at a clause's end followed by the one who scored — a body with its verb of
 * scoring ("…, Đoàn thẩm định chấm lại", " - Đoàn kiểm tra chấm", "và Hội đồng thẩm định chấm
 * lại", ". Sở Nội vụ chấm lại", "; Phòng Nội vụ thẩm định": "thẩm định", "kiểm tra", "phúc tra" a
 * verb only with words between), or the heading of another body's points ("; điểm của Hội đồng
 * thẩm định", ") - Điểm của Đoàn kiểm tra", ", kết quả chấm của Đoàn thẩm định", a line break and
 * "Điểm thẩm định": WB44-2), or a body in brackets after the closed clause ("(bổ sung theo kết
 * luận) (Sở Nội vụ)"). A scoring word inside who asked is who asked's: its name ("Hội đồng đánh
 * giá", "Đoàn thẩm định (Sở Nội vụ)"), what its letter was about ("về việc thẩm định", "về chấm
 * điểm", "kết quả chấm điểm thẩm định") or when it asked ("khi thẩm định", "sau kiểm tra") —
 * WB44-1: they had ended who asked, the unit's revision set aside, 78 Khá → 42 Yếu. Nor at a
 * comma or a bracket alone: who asked holds them ("Công văn số 125/SNV-CCHC, ngày 10/3/2025 của Sở
 * Nội vụ", "UBND tỉnh, Sở Nội vụ": WB43-1). "Hội đồng đánh giá" is a body's name, never the council
 * scoring: "… của Sở Nội vụ và Hội đồng đánh giá" names two who asked (WB45-3); "Hội đồng đánh giá
 * lại", "Hội đồng đánh giá chấm lại" score.
 */
const ASKER_ENDS = new RegExp(
  String.raw`${CLAUSE_END}(?=(?:${BODY}\b${UNASKED("{0,4}")}${VERB(String.raw`cham|danh gia lai|(?<!\bhoi dong )danh gia|dieu chinh|chinh sua|sua`)}|${SCORED_AFTER}|diem (?:hoi dong|doan)\b|${BODY}\b${BETWEEN("{1,4}")}${VERB("tham dinh|kiem tra|phuc tra")}|diem (?:cua|do) ${SCORER}\b|ket qua (?:cham|danh gia|tham dinh|phuc tra|kiem tra)(?: diem)? (?:cua|do) ${SCORER}\b|diem\b${BETWEEN("{0,2}")}${VERB("tham dinh|phuc tra|kiem tra|cham|dieu chinh")}))` +
    String.raw`|\)[\s\-–(]*(?=${SCORER}\b)`,
);
/**
 * A bare "phòng" scoring again right after who asked ("bổ sung theo yêu cầu của Phòng Nội vụ,
 * phòng chấm lại"): the office answering, the unit — another office would be named as who asked
 * is. Not without who asked: "(Phòng điều chỉnh)" stays another office (WB35-1).
 */
const ANSWERING_OFFICE = /^phong (?=(da |tu )?(cham|danh gia|dieu chinh|chinh sua|sua)\b)/;
/** A line break, marked so that who asked may end there (folding turns it into a space). */
const LINE_BREAK = /\s*[\r\n]+\s*/g;

/**
 * A label without who asked for its revision: "bổ sung" kept, and whoever is named as scoring after
 * it. `written`, the label as written, shows its line breaks.
 */
function withoutAsker(folded: string, written?: string): string {
  const lined = written !== undefined && /[\r\n]/.test(written) && foldLabel(written) === folded ? foldLabel(written.replace(LINE_BREAK, " ; ")) : folded;
  const asked = ANSWERED.exec(lined);
  if (!asked) return folded;
  const rest = lined.slice(asked.index + asked[0].length);
  const scorer = ASKER_ENDS.exec(rest);
  const reviser = scorer ? rest.slice(scorer.index + scorer[0].length).replace(ANSWERING_OFFICE, "don vi ") : "";
  return `${lined.slice(0, asked.index).replace(/ ; /g, " ")}bo sung ${reviser}`;
}

/**
 * Whether a self-score label names a body other than the unit (WB38-1 narrowing WB35-1): an
 * appraising body, a committee of a level above the unit's — any committee it names, not the
 * first (WB40-2) — "Sở" on a set that is no department's, or a bare "Phòng". The unit itself —
 * "UBND xã" on a commune's set, a bare "UBND", "Sở" on a department's, "Văn phòng", "các phòng
 * chuyên môn", "đơn vị" — is not.
 */
function namesOtherBody(folded: string, unit: UnitType | undefined, written?: string): boolean {
  // Who asked is read before the brackets and full stops are cleaned away.
  const named = cleanLabel(withoutAsker(folded, written)).replace(UNIT_SLASHED, "don vi").replace(DOCUMENT_NUMBER, " ").replace(/\//g, " ").replace(/\s+/g, " ");
  if (APPRAISING_BODY.test(named)) return true;
  const own = unit === undefined ? 0 : UNIT_RANK[unit];
  for (const m of named.matchAll(COMMITTEE_LEVEL)) {
    const level = m[1]!;
    if (COMMITTEE_RANK[LEVEL_IN_FULL[level] ?? level]! > own && !SELF_SCORING.test(named.slice(m.index + m[0].length))) return true;
  }
  return (unit !== "department" && DEPARTMENT_WORD.test(named)) || BARE_OFFICE.test(named);
}
const REVISED_BY_OTHERS = /\b(bo sung|dieu chinh|chinh sua|sua doi|cap nhat|giai trinh)\b/;
/** An estimate or forecast: "Ước (thực hiện, cả năm)", "Ước tính", "Dự kiến (kết quả)", "Sơ bộ", "Tạm tính". */
const ESTIMATE = /^(uoc|du kien|so bo|tam tinh)\b/;
/**
 * A label that is only the result, by whom or as an estimate, maybe with its year: "Thực hiện",
 * "Kết quả", "Số (đã) đạt (được)", "Số đã hoàn thành", "Thực tế", "Xã thực hiện", "Ước thực
 * hiện", or the cumulative total "Lũy kế" — never "Số phải đạt" (what is required), "Thực hiện
 * 9 tháng" (a part of the period) nor "Kết quả thực hiện" (a description).
 */
/** "Kết quả thực hiện", "Kết quả đạt được": a description alone, the result beside a plan (settleData). */
const RESULT_DESCRIBED = /^ket qua (thuc hien|dat duoc)$/;
const RESULT_NAMED = /^(((uoc|du kien)( tinh)? )?((so|xa|phuong|huyen|tinh|don vi|co quan) )?(da )?(thuc hien|th|ket qua|dat duoc|dat|hoan thanh|thuc te)|luy ke)( nam)?( (19|20)\d{2})?$/;
/**
 * A verb of what was done, after "đã" in a count's label (one or two words, as aacc858 read it:
 * "đã ban hành", "đã công bố", "đã niêm yết", "đã tiến hành", "đã ký" …, WB38-6) — never one of
 * what failed or was set aside ("đã hết hạn", "đã trả lại", "đã bãi bỏ", "đã tồn đọng", "đã quá
 * hạn", "đã tiếp nhận": WB40-6). A list of the failures, not of the verbs done: f8f0312's list of
 * thirty verbs missed "đã công bố", "đã niêm yết" and a dozen more, every ratio then DATA_MISSING
 * (WB42-3: a district 62,7 → 39). A failure word is read in either word, the second too: "đã
 * nộp chậm", "đã gửi trễ", "đã trả chậm" are late, "đã trễ hẹn", "đã trả về", "đã rút" failed
 * (WB43-3: 120 reports of 125 sent late read as 96 % on time, a district 39 → 71,34 Khá).
 * The failure words are read as written, with their diacritics: folded, "sửa chữa" was "chưa"
 * and "rút ngắn" was "rút" (WB44-7: "Số TTHC đã rút ngắn", "Số sai sót đã sửa chữa" beside their
 * plan were DATA_MISSING, a district 71,34 Khá → 39 Yếu). The folded list stays for a label typed
 * without diacritics.
 */
const FAILED = String.raw`het han|het hieu luc|tra lai|tra ve|hoan tra|chuyen tra|bai bo|qua (han|hen|thoi han)|tre(?! hoa)|lo hen|sai hen|cham|muon|rut(?! gon)|tu choi|thu hoi|dinh chi|loai bo|tam dung|vi pham|thay the|khong|chua`;
/** Failure words only as the first after "đã": "đã bị …", "đã hủy", "đã tồn" (not "đã chuẩn bị", "đã phát huy"). */
const FAILED_FIRST = "duoc|bi|ton|huy|tiep nhan";
const FAILED_FOLDED = new RegExp(String.raw`^(${FAILED_FIRST}|([a-z]+ )?(${FAILED}))\b`);
/** The same failures as written (NFC, lowercase): "rút" alone, not "rút ngắn", "rút gọn"; "chưa", not "chữa"; "trễ", not "trẻ". */
const FAILED_MARKED_WORDS = String.raw`hết hạn|hết hiệu lực|trả lại|trả về|hoàn trả|chuyển trả|bãi bỏ|quá (?:hạn|hẹn|thời hạn)|trễ|lỡ hẹn|sai hẹn|chậm|muộn|rút(?! (?:ngắn|gọn)(?!\p{L}))|từ chối|thu hồi|đình chỉ|loại bỏ|tạm dừng|vi phạm|thay thế|không|chưa`;
const FAILED_MARKED = new RegExp(String.raw`^(?:được|bị|tồn|hủy|huỷ|tiếp nhận|(?:\p{L}+ )?(?:${FAILED_MARKED_WORDS}))(?!\p{L})`, "u");
/**
 * The one or two words after the last "đã" ending a label, as written and as folded — "đã" typed
 * without its marks ("da") or with the Icelandic eth some fonts give for đ ("ðã") too (WB45-6:
 * "Số sai sót da sửa chữa", "Số TTHC ðã rút ngắn" had read "chưa", "rút" as failures).
 */
const AFTER_DONE_MARKED = /(?<!\p{L})(?:đã|ðã|đa|ða|da) ((?:\p{L}+)(?: \p{L}+)?)$/u;
const AFTER_DONE_FOLDED = /\bda ([a-z]+( [a-z]+)?)$/;
/** A label as written, cleaned as cleanLabel cleans its folded text, in NFC lowercase. */
const writtenLabel = (text: string): string => text.normalize("NFC").toLowerCase().replace(/[.:*()]/g, " ").replace(/\s+/g, " ").trim();
/** Whether the verb after "đã" ending the label is a failure: read as written when it is, else folded. */
function failedAfterDone(label: string, written: string): boolean {
  const marked = AFTER_DONE_MARKED.exec(writtenLabel(written));
  if (marked && /[^\x00-\x7f]/.test(marked[1]!)) return FAILED_MARKED.test(marked[1]!);
  const folded = AFTER_DONE_FOLDED.exec(label);
  return folded !== null && FAILED_FOLDED.test(folded[1]!);
}
/**
 * A count of what was done, its object named between ("Số hồ sơ đã giải quyết", "Số đã giải
 * quyết", "Số nhiệm vụ hoàn thành", a verb of what was done after "đã": "Số văn bản đã ban hành",
 * "Số báo cáo đã nộp", WB38-6; "… hoàn thành theo kế hoạch"), or "Kết quả đạt được": the result beside a flat plan or total
 * ("Tổng số tiếp nhận", "Chỉ tiêu giao"), as RESULT_NAMED's (WB33-2, WB33-4) — never "Số liệu",
 * "Số lượng" (the data's own labels) nor a score. `written` is the label as written, for the
 * failure words after "đã" (failedAfterDone).
 */
const RESULT_COUNT = /^(so\b(?! (lieu|tt|thu tu|luong|hoa)\b)(?!.*\bdiem\b).*\b(da )?(thuc hien|hoan thanh|giai quyet)( theo (ke hoach|kh|chi tieu))?|ket qua dat duoc)$/;
const RESULT_DONE = /^so\b(?! (lieu|tt|thu tu|luong|hoa)\b)(?!.*\bdiem\b).*\bda [a-z]+( [a-z]+)?$/;
const namesResult = (label: string, written: string): boolean =>
  RESULT_NAMED.test(label) || RESULT_COUNT.test(label) || (RESULT_DONE.test(label) && !failedAfterDone(label, written));
/** What was done on time: "Số (hồ sơ) (giải quyết) đúng hạn", early with it: "Trước và đúng hạn", "Đúng (hạn) và trước hạn". */
const ON_TIME = /\bdung han$|\bdung (han )?va (truoc|som) han$/;
/** A count of what was handled, on time or not: "Số hồ sơ (đã) giải quyết", "Số hồ sơ (đã) tiếp nhận", "Số đã xử lý". */
const HANDLED = /^so\b(?! (lieu|tt|thu tu|hoa)\b)(?!.*\bdiem\b).*\b(da )?(giai quyet|tiep nhan|xu ly)$/;
/** HANDLED, or named without "Số" beside an on-time count: "(Hồ sơ) đã giải quyết", "Đã xử lý". */
const namesHandled = (label: string): boolean => HANDLED.test(label) || /^(ho so )?da (giai quyet|xu ly)$/.test(label);
/** A total after period columns: "Quý I" … "Quý IV" | "Tổng cộng", "Cộng" (WB16-6: "Cộng" had lost to "Quý I"). */
const PERIOD_TOTAL = /^(tong( so| cong)?|cong)$/;

/**
 * How final the period a self-score or declared-data column names is: none for a plan ("Kế hoạch
 * cả năm" is the plan's horizon, PLAN), the whole period or the final reading (100), the year's
 * estimate (99), the n-th reading (n; named at a flat label's end too, "Điểm tự đánh giá lần 2",
 * where a first reading named as such — "… lần 1", "… (trước rà soát)" — is −1, below a plain
 * label), a self-score named as revised ("… (sau bổ sung)", 100), a cut-off date by its month
 * ("Đến 30/6" 6, "Đến 31/12" the whole year), else 0. A total ("Tổng", "Tổng số", "Tổng cộng")
 * is the whole period as the last sub-column of a label merged over period columns ("Quý I" … |
 * "Tổng cộng").
 */
function periodRank(w: HeaderWindow, top: number, bottom: number, c: number, own: string, year: number | undefined, kind?: ColumnKind, unit?: UnitType): number {
  const result = kind === "data";
  const label = cleanLabel(own);
  if (PLAN.test(label)) return 0;
  const flat = FLAT_YEAR.exec(label);
  const named = flat?.groups?.["year"] ?? flat?.groups?.["bare"];
  if (flat && (named === undefined || Number(named) === year)) return flat.groups?.["estimate"] === undefined && flat.groups?.["pre"] === undefined ? 100 : 99;
  // "Ước cả năm" is the year's estimate, which the year's final figure beats (WB16-6).
  if (WHOLE_PERIOD.test(label)) return ESTIMATE.test(label) ? 99 : 100;
  const nth = NTH_READING.exec(label);
  if (nth) return Number(nth[3]);
  // Flat labels naming their round at the end ("Điểm tự đánh giá lần 1" | "Điểm tự đánh giá lần
  // 2", "… lần 1" | "Điểm tự đánh giá", "Điểm tự đánh giá" | "… (sau bổ sung)"): the later round
  // wins as under a merged label, a first reading named as such losing even to a plain label
  // beside it (−1); the first column had been scored, silently (WB33-1).
  const last = LAST_READING.exec(label);
  if (last) return Number(last[3]) === 1 ? -1 : Number(last[3]);
  if (EARLIER_READING.test(label)) return -1;
  // A revision another body made ranks below the unit's own column, in either order (WB35-1),
  // the unit naming itself ("UBND xã", "Sở", "Văn phòng") being its own revision (WB38-1). So
  // does a sub-column that only names the body ("Điểm tự đánh giá" over "Đơn vị" | "Phòng Nội
  // vụ", typed in one cell): the unit's own column wins.
  if (kind === "self" && ((REVISED_BY_OTHERS.test(label) && namesOtherBody(own, unit, ownWritten(w, top, bottom, c))) || (NAMED_BODY.test(label) && !SELF_WORDS.test(label)))) return -1;
  // Who asked may stand between "bổ sung" and its "theo" ("bổ sung lần 2 theo …", WB43-7).
  if (kind === "self" && (REVISED_SCORE.test(label) || REVISED_SCORE.test(cleanLabel(withoutAsker(own, ownWritten(w, top, bottom, c)))))) return 100;
  const cutOff = CUT_OFF.exec(label);
  if (cutOff) return Number(cutOff[2]) === 12 && Number(cutOff[1]) === 31 ? 100 : Math.min(Number(cutOff[2]), 12);
  // A data column that is only the result, with no other year ("Quý IV" | "Lũy kế", "Ước thực
  // hiện" | "Thực hiện", "Huyện giao" | "Xã thực hiện") is the year's final figure, its estimate
  // just under it: the first column had won (WB16-6, WB16-7).
  if (result && RESULT_NAMED.test(label) && (label.match(YEARS) ?? []).every((y) => Number(y) === year)) return ESTIMATE.test(label) ? 99 : 100;
  if (bottom === top || !PERIOD_TOTAL.test(label)) return 0;
  const group = w.merge(top, c);
  if (!group || group.s.r !== top || Math.min(group.e.c, w.width - 1) !== c) return 0;
  for (let k = group.s.c; k < c; k++) if (PERIOD_PART.test(cleanLabel(w.folded(bottom)[k]!))) return 100;
  return 0;
}

/**
 * How strongly a column claims the kind its label names, strongest first: a column the user
 * sees (not hidden: a helper, last year's); one named in its own cell (not a blank spacer
 * under a group label such as "Kết quả tự đánh giá" over "Số liệu" | blank | "Điểm tự chấm");
 * this year's figures (not "năm trước", "kỳ trước", the year before the set's); the unit's own
 * (not a score naming another level's appraisal nor the evidence the form asks for, see
 * namesOthers); for the
 * declared data, a label saying so ("Số liệu kê khai", not "Kết quả thực hiện" describing it);
 * for the self-score, the set's year named, then the whole period or the final reading
 * (`period`, see periodRank); for codes, not a running number ("STT" beside "Mã tiêu chí").
 * Compared in that order; of equal claims the first column wins.
 */
/** Where claimOf puts the period's rank. */
const PERIOD_SLOT = 6;

/** Another level than the unit's, or the appraising council: "Huyện", "Tỉnh", "Sở", "Hội đồng". */
const OTHER_LEVEL = /\b(huyen|quan|thi xa|thanh pho|tinh|so|hoi dong|ubnd|uy ban|cap tren|doan kiem tra)\b/;
/** The unit's own appraisal said as such: "tự đánh giá", "tự chấm", "TĐG". */
const SAYS_OWN = /\btu (danh gia|cham|dg)\b|\btdg\b/;

/**
 * The set's own unit level named in a score label: "Điểm UBND xã đánh giá" is a commune's own
 * score, "Điểm UBND huyện đánh giá" beside it the district's appraisal — and a district's own.
 */
const OWN_LEVEL: Record<UnitType, RegExp> = {
  commune: /(?<!\bthi )\bxa\b|\bphuong\b|\bthi tran\b/,
  ward: /(?<!\bthi )\bxa\b|\bphuong\b|\bthi tran\b/,
  district: /\b(huyen|quan|thi xa|thanh pho)\b/,
  department: /\b(so(?! noi vu| lieu| luong)|ban|nganh)\b(?!.*\b(huyen|tinh)\b)/,
  province: /\btinh\b/,
};

/** The form's own guidance on evidence: "Tài liệu kiểm chứng cần có", "Yêu cầu tài liệu kiểm chứng", "… theo quy định", "… (yêu cầu)". */
const EVIDENCE_GUIDANCE = /\b(can co|yeu cau|theo quy dinh|phai co|goi y)\b/;

/**
 * A column the form fills for someone else beside the unit's own: a score naming another
 * level's appraisal without "tự" ("Huyện đánh giá" before "Xã tự đánh giá", "Điểm đánh giá của
 * huyện", "Điểm huyện chấm" before "Điểm xã chấm"), the evidence the form asks for beside the
 * evidence the unit cites. Alone it is still read: a district's "Điểm huyện đánh giá" is its own.
 */
function namesOthers(kind: ColumnKind, folded: string, unit: UnitType | undefined): boolean {
  if (kind === "evidence") return EVIDENCE_GUIDANCE.test(folded);
  if (kind !== "self" || !(/\b(danh gia|cham)\b/.test(folded) || LEVEL_SCORE.test(cleanLabel(folded)))) return false;
  if (unit !== undefined && OWN_LEVEL[unit].test(folded)) return false;
  return OTHER_LEVEL.test(folded) && !SAYS_OWN.test(folded);
}

function claimOf(kind: ColumnKind, c: number, w: HeaderWindow, label: string, folded: string, groupOnly: boolean, year: number | undefined, period: number, unit: UnitType | undefined): number[] {
  return [
    isColumnHidden(w.sheet, c) ? 0 : 1,
    groupOnly ? 0 : 1,
    saysLastYear(folded, year) ? 0 : 1,
    namesOthers(kind, folded, unit) ? 0 : 1,
    kind === "data" && SAYS_DATA.test(folded) ? 1 : 0,
    kind === "self" && year !== undefined && label.includes(String(year)) ? 1 : 0,
    period,
    kind === "code" && !isRunningNumber(label) ? 1 : 0,
    // "Điểm tự chấm" beside "Kết quả tự đánh giá": the column that says points holds them.
    kind === "self" && /\bdiem\b/.test(folded) ? 1 : 0,
    // "Điểm TĐ" may be tối đa, thẩm định or tự đánh giá: a column that says "tự chấm", "tự đánh
    // giá" or "TĐG" outright wins (the maxima read as the unit's scores had given 71,3 for 65,3).
    kind === "self" && /\bdiem td\b/.test(folded) && !SAYS_OWN.test(folded) ? 0 : 1,
  ];
}

const stronger = (a: readonly number[], b: readonly number[]): boolean => {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! > b[i]!;
  return false;
};

/** A column labelled as a whole or a plan ("Tổng số", "Kế hoạch"): its labels on the two header rows. */
interface WholeColumn {
  c: number;
  parent: string;
  child: string;
  /** Under a label of the data ("Số liệu kê khai") or of the year's figures (yearGroup): beside the data there, its denominator. */
  underData: boolean;
  /** A count whose label the next column's begins with ("Số xã" | "Số xã đạt chuẩn"): that column's total (countHeadOfNext). */
  head?: boolean;
}

/**
 * A count of things named bare, the next column counting the same things qualified: "Số xã" |
 * "Số xã đạt chuẩn", "Số văn bản" | "Số văn bản ký số", "Số cán bộ" | "Số cán bộ được đào tạo" —
 * the first is the total of which the second is a part, as "Tổng số" is (WB35-3 read it so for
 * on-time labels only). Flat, no column had been the data (every ratio DATA_MISSING); under
 * "Số liệu kê khai", the total had been, its 20 read as 20 % (0 points, nothing said).
 */
const COUNT_HEAD = /^so (?!(lieu|luong|tt|thu tu|hieu|ky hieu|hoa)\b)\S/;
function countHeadOfNext(w: HeaderWindow, top: number, bottom: number, c: number, own: string): boolean {
  const head = cleanLabel(own);
  if (c + 1 >= w.width || !COUNT_HEAD.test(head) || /\bdiem\b/.test(head)) return false;
  const next = cleanLabel(ownFolded(w, top, bottom, c + 1));
  const kind = classifyFolded(next);
  if (/\bdiem\b/.test(next) || !(kind === null || kind === "data") || namesWhole(next)) return false;
  // "Số hồ sơ" | "Đúng hạn", "Số hồ sơ" | "Chưa giải quyết": a bare count before a part named by its state.
  return next.startsWith(`${head} `) || (BARE_COUNT.test(head) && !STATE_WORD.test(head.replace(/^so /, "")) && !PART_COUNT.test(next) && (namesPartDone(next) || namesNotDone(next) || namesResult(next, ownWritten(w, top, bottom, c + 1))));
}

/** The kinds a column may hold for one period of several ("6 tháng đầu năm" | "Cả năm"): periodRank, settlePeriod. */
const PERIODIC_KINDS: readonly ColumnKind[] = ["self", "data", "rate"];

/** A column of a periodic kind, with its claim (settlePeriod). */
interface PeriodColumn {
  kind: ColumnKind;
  c: number;
  label: string;
  claim: number[];
}

/**
 * A header reading before it is settled (settle, run once for the header found, never for each
 * row tried): the whole-or-plan columns (one beside the data may be its denominator), the data
 * columns of equal claim (the one holding figures wins) and the self-score and data columns.
 */
interface HeaderReading extends HeaderMatch {
  wholes: WholeColumn[];
  dataTies: { c: number; label: string }[];
  /** Every column read as a self-score, declared data or rate, with its claim (settlePeriod). */
  periodColumns: PeriodColumn[];
  /** A column labelled only with the set's year ("Năm 2024") where no column is the data (settleYearColumn). */
  yearColumn?: number;
}

/**
 * "Kết quả", "Kết quả (số liệu)", with the year or period it covers ("Kết quả năm 2024", "Kết quả
 * 2024", "Kết quả (năm 2024)", "Kết quả cả năm"): what was achieved, no word of points or of whose
 * appraisal. Of several, the strongest claim wins (claimOf: never last year's).
 */
const BARE_RESULT = /^ket qua( so lieu)?( (ca )?nam)?( (19|20)\d{2})?$/;

/** A column labelled only with a year ("Năm 2024"): the declared data only for the set's year, and only as settleYearColumn allows. */
const YEAR_ONLY = /^nam ((19|20)\d{2})$/;

/** A result under a group label: "Thực hiện", "TH", "Số thực hiện", "Ước thực hiện", "Kết quả", "Đạt được". */
const RESULT = /^(so |uoc )?(da )?(thuc hien|th|ket qua|dat duoc)\b/;

/**
 * A group label standing for the year's figures: the set's year alone ("Năm 2024") or a bare
 * result naming it or no year ("Kết quả năm 2024", "Kết quả (năm 2024)", "Kết quả") — never
 * another year's.
 */
function yearGroup(parent: string, year: number | undefined): boolean {
  const label = cleanLabel(parent);
  const named = namedYear(label);
  if (YEAR_ONLY.test(label)) return year !== undefined && Number(named) === year;
  return BARE_RESULT.test(label) && (named === undefined || Number(named) === year);
}

/** The first year a label names ("Kết quả năm 2024": "2024"). */
const namedYear = (label: string): string | undefined => /(?<!\d)(19|20)\d{2}(?!\d)/.exec(label)?.[0];

/** A group label naming another year than the set's: "Năm 2023", "Kết quả năm 2023". */
function otherYearGroup(parent: string, year: number | undefined): boolean {
  const label = cleanLabel(parent);
  const named = namedYear(label);
  return year !== undefined && named !== undefined && Number(named) !== year && (YEAR_ONLY.test(label) || BARE_RESULT.test(label));
}

/**
 * The year's group merged over the parts of it ("Năm 2024" or "Kết quả năm 2024" over "6 tháng" |
 * "Cả năm", "Quý III" | "Cả năm", "Lần 1" | "Chính thức"): the declared data by period, the whole
 * year or the final reading read as under "Số liệu kê khai" (periodRank); over a plan and its
 * result ("Kế hoạch" | "Thực hiện") the result is the data, the plan a whole (WHOLE) and its
 * denominator. Another year's group stays unread.
 */
function yearByPeriod(parent: string, child: string, year: number | undefined): ColumnKind | null {
  if (!yearGroup(parent, year)) return null;
  const label = cleanLabel(child);
  if (PLAN.test(label)) return null;
  return RESULT.test(label) || WHOLE_PERIOD.test(label) || PERIOD_PART.test(label) || CUT_OFF.test(label) || PERIOD_TOTAL.test(label) ? "data" : null;
}

/** What a column under an appraisal group may be labelled and is then the appraiser's. */
const APPRAISERS_OWN: readonly ColumnKind[] = ["data", "rate", "evidence", "evidenceDate", "note"];

function mapHeader(w: HeaderWindow, top: number, bottom: number, year?: number, unit?: UnitType): HeaderReading {
  const columns: ColumnMap = {};
  const labels: HeaderMatch["labels"] = {};
  const claims: Partial<Record<ColumnKind, number[]>> = {};
  let plainScoreColumn: number | null = null;
  /** A "Kết quả tự đánh giá" column that lost the self-score to one saying "Điểm": the declared data. */
  let resultColumn: number | null = null;
  /** Bare "Kết quả" columns, with their claim as data (not last year's). */
  const bareResults: { c: number; claim: number[] }[] = [];
  let yearColumn: number | undefined;
  let summaryColumn: number | null = null;
  let selfFolded = "";
  /** Columns labelled as a whole or a plan ("Tổng số", "Kế hoạch"): one beside the data column is the denominator, else read as any label. */
  const wholes: WholeColumn[] = [];
  const dataTies: HeaderReading["dataTies"] = [];
  const periodColumns: PeriodColumn[] = [];
  const groupOf = bottom > top && !isColumnNumberRow(w.sheet, bottom) ? unmergedGroups(w, top, bottom) : [];
  for (let c = 0; c < w.width; c++) {
    const groupAt = groupOf[c];
    const parent = groupAt === undefined ? w.folded(top)[c]! : w.folded(top)[groupAt]!;
    const hasChild = bottom > top && !w.continuesMergeFromAbove(bottom, c);
    const child = hasChild ? w.folded(bottom)[c]! : "";
    const folded = child ? `${parent} ${child}` : parent;
    const own = child || parent;
    // A share of the points under a group label ("Kết quả tự đánh giá" over "Tỷ lệ điểm đạt") is no score either.
    if (SCORE_SHARE.test(cleanLabel(own))) continue;
    // Under another year's group ("Năm 2023" over "Kế hoạch" | "Thực hiện") nothing is this year's.
    if (child && otherYearGroup(parent, year)) continue;
    const kind = (child && classifyFolded(child)) || classifyFolded(`${parent} ${child}`) || (child ? yearByPeriod(parent, child, year) : classifyFolded(parent));
    // Under an appraisal group ("Thẩm định" over "Số liệu" | "Ý kiến" | "Điểm") the figures, documents
    // and notes are the appraiser's: never the unit's data, evidence or note.
    if (child && kind !== null && APPRAISERS_OWN.includes(kind) && classifyFolded(parent) === "appraised") continue;
    // "Trích yếu (nội dung)" under "Tài liệu kiểm chứng" beside "Số, ký hiệu" | "Ngày ban hành":
    // what each document says — and where a unit explains that none was needed ("Năm 2024 không
    // phát sinh …"). The note column, when the table has none of its own (settled below).
    if (child && /^trich yeu\b/.test(cleanLabel(child)) && classifyFolded(parent) === "evidence") {
      summaryColumn ??= c;
      continue;
    }
    // "Tổng số" under "Điểm tự đánh giá" or "Số liệu kê khai" after "Quý I" … "Quý IV" is the
    // year's score or figure (periodRank), never a whole the data is counted against.
    const period = kind !== null && PERIODIC_KINDS.includes(kind) ? periodRank(w, top, bottom, c, own, year, kind, unit) : 0;
    const head = (kind === null || kind === "data") && period === 0 && countHeadOfNext(w, top, bottom, c, own);
    if ((kind === null || kind === "data") && period === 0 && (head || namesWhole(cleanLabel(own)))) {
      wholes.push({ c, parent, child, underData: classifyFolded(parent) === "data" || yearGroup(parent, year), ...(head ? { head } : {}) });
      continue;
    }
    if (!kind) {
      if (PLAIN_SCORE.test(folded) && (plainScoreColumn === null || (isColumnHidden(w.sheet, plainScoreColumn) && !isColumnHidden(w.sheet, c)))) plainScoreColumn = c;
      // A bare "Kết quả" beside the points ("Kết quả" | "Tài liệu kiểm chứng" | "Điểm tự đánh giá"):
      // what was achieved, the declared data — used only when no column says "Số liệu" (below).
      else if (BARE_RESULT.test(cleanLabel(folded))) {
        if (!saysLastYear(folded, year)) bareResults.push({ c, claim: claimOf("data", c, w, "", folded, false, year, periodRank(w, top, bottom, c, own, year), unit) });
      } else if (year !== undefined && Number(YEAR_ONLY.exec(cleanLabel(folded))?.[1]) === year) yearColumn ??= c;
      continue;
    }
    const label = child ? `${w.raw(top)[groupAt ?? c]} ${w.raw(bottom)[c]}`.trim() : w.raw(top)[c]!;
    const group = hasChild && child === "" ? w.merge(top, c) : undefined;
    const claim = claimOf(kind, c, w, label, folded, group !== undefined && group.e.c > group.s.c, year, period, unit);
    const taken = claims[kind];
    if (PERIODIC_KINDS.includes(kind)) periodColumns.push({ kind, c, label, claim });
    if (taken === undefined || stronger(claim, taken)) {
      if (kind === "self") {
        resultColumn = columns.self !== undefined && /^ket qua\b/.test(selfFolded) ? columns.self : resultColumn;
        selfFolded = folded;
      }
      columns[kind] = c;
      labels[kind] = label;
      claims[kind] = claim;
      if (kind === "data") dataTies.splice(0, dataTies.length, { c, label });
    } else if (kind === "self" && /^ket qua\b/.test(folded)) resultColumn ??= c;
    else if (kind === "data" && !stronger(taken, claim)) dataTies.push({ c, label });
  }
  if (columns.data === undefined) columns.data = partAfterTotal(w, top, bottom, wholes, new Set(Object.values(columns)));
  // A "Tổng số" under "Số liệu kê khai" with no count beside it is the data column, as before.
  for (const d of wholes) if (columns.data === undefined && classifyFolded(`${d.parent} ${d.child}`.trim()) === "data") columns.data = d.c;
  if (resultColumn !== null && columns.data === undefined) {
    columns.data = resultColumn;
    labels.data = w.raw(top)[resultColumn] || w.raw(bottom)[resultColumn]!;
  }
  if (columns.self === undefined && plainScoreColumn !== null) {
    columns.self = plainScoreColumn;
    labels.self = w.raw(top)[plainScoreColumn]!;
  }
  if (columns.note === undefined && summaryColumn !== null) {
    columns.note = summaryColumn;
    labels.note = w.raw(bottom)[summaryColumn] || w.raw(top)[summaryColumn]!;
  }
  const bareResultColumn = bareResults.reduce<(typeof bareResults)[number] | null>((best, b) => (best === null || stronger(b.claim, best.claim) ? b : best), null)?.c ?? null;
  if (columns.data === undefined && bareResultColumn !== null && columns.self !== undefined) {
    columns.data = bareResultColumn;
    labels.data = w.raw(top)[bareResultColumn] || w.raw(bottom)[bareResultColumn]!;
  }
  if (columns.data !== undefined && labels.data === undefined) labels.data = w.raw(top)[columns.data] || w.raw(bottom)[columns.data]!;
  const reading: HeaderReading = { headerTop: top, headerBottom: bottom, columns, labels, wholes, dataTies, periodColumns };
  if (columns.data === undefined && yearColumn !== undefined && columns.self !== undefined) reading.yearColumn = yearColumn;
  return reading;
}

/** A count named in a column of its own ("Số hồ sơ …", "Số hoàn thành"), never "Số liệu", "Số TT" nor a score. */
const PART_COUNT = /^so\b(?! (lieu|tt|thu tu|hoa)\b)(?!.*\bdiem\b)/;
/**
 * What was not done, a done-word negated or lateness: "Số chưa đạt", "Số không đạt", "Chưa hoàn
 * thành", "Số hồ sơ không đúng hạn", "Số trễ hạn", "Quá hạn" — beside its total, the rest of it
 * (WB17-5: 2 | 28 had been read as 2/28). Anything "chưa" (not yet) done ("Số TTHC chưa công
 * khai", "Số hồ sơ chưa số hóa"), a backlog ("tồn đọng"); "không" only before a verb of the work,
 * as "Số hồ sơ không có sai sót" or "không phải bổ sung" count what went well. Folded, "chứa"
 * (contains) and "chữa" (repair, cure) are "chưa": "Số văn bản chứa chữ ký số", "… chứa đầy đủ
 * thông tin", "Số thiết bị sửa chữa xong", "khám chữa bệnh" count what was done.
 */
const NOT_DONE = /(?<!\b(sua|kham) )\bchua( duoc)? (?!(chu ky|du lieu|thong tin|noi dung|day du|benh)\b)[a-z]|\bkhong( duoc)? (dat|hoan thanh|thuc hien|giai quyet|dung han|cong khai|cong bo|ky so|so hoa|xu ly|trien khai|ban hanh|cap nhat)\b|\bton dong\b/;
/** Lateness not negated in its clause: "Số trễ hạn", "Quá (thời) hạn", never "Số không (có) trễ hạn". */
const LATE = /^(?!.*\b(khong|chua)\b.*\b(tre|qua) (thoi )?han\b).*\b(tre|qua) (thoi )?han\b/;
/**
 * Slowness beside the verb it qualifies: "Số hồ sơ giải quyết chậm", "Số báo cáo gửi chậm" (or
 * "nộp muộn"), "Số hồ sơ chậm trả kết quả". Folded, "chậm" is "chấm" (a score) and "muộn" is
 * "muốn": only a verb of handling beside them makes them slow, never "Điểm tự chấm".
 */
const SLOW = /^(?!.*\b(khong|chua)\b.*\b(cham|muon)\b).*(\b(giai quyet|gui|nop|tra|ban hanh|thuc hien|hoan thanh|trien khai|xu ly|cap) (cham|muon)\b|\b(cham|muon) (tra|gui|nop|giai quyet|ban hanh|thuc hien|hoan thanh|trien khai|xu ly|cap|tien do)\b)/;
/**
 * Whether a column's label (folded, uncleaned) names the not-done part as what it counts: only
 * its head says so — what a bracket, a comma or "kể cả", "không tính", "trừ" adds about the other
 * part qualifies what was done ("Số đã giải quyết (kể cả trễ hạn)", "Số đạt, không trễ hạn",
 * "Số hoàn thành (không tính số chưa đạt)" had inverted every ratio, WB18-2).
 */
function namesNotDone(folded: string): boolean {
  // What was done about the late ones ("Số hồ sơ trễ hạn đã xin lỗi", "… có văn bản xin lỗi")
  // counts among them, beside their total: never the rest of it.
  if (APOLOGY.test(folded)) return false;
  const head = headClause(folded.replace(/\([^)]*\)?/g, " "))
    .replace(/\b(ke ca|bao gom|khong (tinh|ke)|tru)\b.*$/, "")
    .replace(/^\s*trong do\b\s*:?/, "");
  return NOT_DONE.test(head) || LATE.test(head) || SLOW.test(head);
}
const APOLOGY = /\bxin loi\b/;
/**
 * The clause a label's head stands in: up to its first comma, unless what comes before names
 * only the thing counted and what comes after goes on listing things ("Số phản ánh, kiến nghị
 * chưa xử lý", "Số hồ sơ, tài liệu chưa số hóa": a list of two things, the state after both had
 * been cut off and the rest read as what was done). After a state ("Số đạt, không trễ hạn") or
 * before a qualifier ("…, trong đó", "…, kể cả") the comma still ends the head.
 */
function headClause(label: string): string {
  const parts = label.split(/[,;]/);
  let head = parts[0]!;
  for (let i = 1; i < parts.length && !STATE_WORD.test(head) && !QUALIFIER_LEAD.test(parts[i]!); i++) head += `,${parts[i]}`;
  return head;
}
/** Words of a state or of what was done to the thing counted (folded): beyond them a comma adds a qualifier. */
const STATE_WORD = /\b(da|duoc|dat|dung|hoan thanh|thuc hien|giai quyet|xu ly|tiep nhan|chua|khong|tre|qua|cham|muon|ton dong|con)\b/;
/** What begins a qualifier after a comma, not a second thing listed. */
const QUALIFIER_LEAD = /^\s*(trong do|ke ca|bao gom|khong|chua|tru|da|duoc|dat|dung|tre|qua|con|tong)\b/;
/**
 * A count of what was set aside, neither done nor left undone: dossiers returned or refused
 * ("Số hồ sơ (bị) trả lại", "Số hồ sơ trả về", "Số hồ sơ từ chối (tiếp nhận)", "Số hồ sơ bị hủy").
 * Right after a total it had been read as the part done ("Tổng số" | "Số hồ sơ bị trả lại": 3 of 20,
 * 15 %, 0 points, nothing said); the part counted is the column after it, the total still its
 * denominator ("Tổng số" | "Trả lại" | "Đúng hạn" read as "Tổng số" | "Đúng hạn").
 */
const SET_ASIDE = /\b(tra lai(?! ket qua)|tra ve|tu choi|bi huy|huy bo)\b/;
function setAside(folded: string): boolean {
  const head = headClause(folded.replace(/\([^)]*\)?/g, " "));
  return PART_COUNT.test(cleanLabel(folded)) && SET_ASIDE.test(head) && !/\b(khong|chua)\b/.test(head);
}
/**
 * The column right after a total under the same group label, holding figures, whatever its own
 * label: "Thủ tục hành chính" over "Tổng số" | "Trực tuyến toàn trình", "Văn bản" over "Tổng số" |
 * "Ký số" — the group names what is counted, the total all of it, the column beside it the part
 * (no column had been the data: every ratio DATA_MISSING). A label of another kind ("Ghi chú",
 * "Tỷ lệ") is that kind's, as before.
 */
function besideTotalInGroup(w: HeaderWindow, top: number, bottom: number, total: WholeColumn, k: number): boolean {
  if (total.child === "" || k !== total.c + 1 || !TOTAL.test(cleanLabel(total.child))) return false;
  // Not the other channel nor a part of the period ("Tổng số hồ sơ" | "Trực tiếp" | "Trực tuyến", "Tổng số" | "Quý I" | …):
  // under "Số liệu kê khai" their first had been read as the part (10 % for 90 %, nothing said).
  const label = cleanLabel(ownFolded(w, top, bottom, k));
  if (OTHER_CHANNEL.test(label) || PERIOD_SPAN.test(label) || partBelowLevelAfter(w, top, bottom, k) || firstOfKinds(w, top, bottom, total.c, k)) return false;
  const group = w.merge(top, total.c);
  return group !== undefined && group.s.r === top && group.e.c >= k && cellsHolding(w.sheet, bottom + 1, k, holdsFigure) > 0;
}
/**
 * Column `k`, right after a total, is one of parts that add up to it row by row: with the count
 * columns after it (up to three, past their bare shares) every row holding figures in all of
 * them sums to the total's figure ("Tổng số TTHC" | "Trực tuyến toàn trình" | "Một phần": 20 |
 * 18 | 2). Labels alone do not say that a column after a total counts among it (flat, "Tổng
 * số" | "Trực tuyến toàn trình" stays unread but by a criterion whose title names it, partWithin);
 * the figures do. At least one row must add up, and none may not.
 */
function partsAddUpTo(w: HeaderWindow, top: number, bottom: number, total: number, k: number): boolean {
  return readsAsFirstPart(w, top, bottom, k) && partsAddingUpTo(w, top, bottom, total, k, ofNoKind) !== null;
}
/** A folded label naming no column kind: a count a run of parts may hold (partsAddingUpTo). */
const ofNoKind = (folded: string): boolean => classifyFolded(cleanLabel(folded)) === null;
/**
 * Column `k`, right after a total, is the first of kinds that split it ("Tổng số" | "Nam" | "Nữ",
 * "… | Cán bộ | Công chức"): parts adding up to the total row by row (partsAddingUpTo) whose first
 * names nothing a criterion asks for (ASKED_PART) nor a level ("Một phần"). Under a group or data
 * label it had been read as the part whatever it named — "Nam", 2 of 20, 10 % for a criterion on
 * women, nothing said.
 */
function firstOfKinds(w: HeaderWindow, top: number, bottom: number, total: number, k: number): boolean {
  const label = cleanLabel(ownFolded(w, top, bottom, k));
  return !namesAskedPart(label) && partsAddingUpTo(w, top, bottom, total, k, ofNoKind) !== null;
}
/**
 * The first of parts is read only where it names what a criterion asks for: never the other channel
 * ("Tổng số hồ sơ" | "Trực tiếp" | "Trực tuyến"), a quarter ("Tổng số" | "Quý I" | … | "Quý IV"), a kind
 * ("Nam" | "Nữ") or online in part before end to end (partBelowLevelAfter).
 */
function readsAsFirstPart(w: HeaderWindow, top: number, bottom: number, k: number): boolean {
  const label = cleanLabel(ownFolded(w, top, bottom, k));
  return ASKED_PART.test(label) && !OTHER_CHANNEL.test(label) && !partBelowLevelAfter(w, top, bottom, k);
}
/**
 * Parts written before their total ("Trực tuyến toàn trình" | "Trực tuyến một phần" | "Tổng số
 * TTHC", "Đạt" | "Không đạt" | "Tổng số"): the first of them, where they add up to it row by row
 * and it may be read as partsAddUpTo's first part may, and counts nothing not done. Such tables
 * had said their figures were missing.
 */
function firstPartBefore(w: HeaderWindow, top: number, bottom: number, total: number, free: (k: number) => boolean): number | undefined {
  if (!free(total - 1)) return undefined;
  const run = partsAddingUpTo(w, top, bottom, total, total - 1, ofNoKind, -1);
  if (run === null || !run.every(free)) return undefined;
  const k = run[run.length - 1]!;
  return !namesNotDone(ownFolded(w, top, bottom, k)) && readsAsFirstPart(w, top, bottom, k) ? k : undefined;
}
/**
 * The run of count columns from `k` on (past their bare shares, up to four, each `counted` by its
 * label and holding figures) that adds up to `total`'s figure in every row holding figures in all of
 * them, at least one row of a total above nought doing so: the shortest such run of two or more, or null. `step` -1 runs
 * leftwards, from the column before a total written last.
 */
function partsAddingUpTo(w: HeaderWindow, top: number, bottom: number, total: number, k: number, counted: (folded: string) => boolean, step: 1 | -1 = 1): number[] | null {
  const first = bottom + 1;
  const last = Math.min(w.sheet.rows.length, first + PARTS_SAMPLE_ROWS);
  const parts = [k];
  for (let c = k + step; c >= 0 && c < w.width && parts.length < 4; c += step) {
    const folded = ownFolded(w, top, bottom, c);
    if (bareShare(folded)) continue;
    if (!counted(folded) || cellsHolding(w.sheet, first, c, holdsFigure) === 0) return null;
    parts.push(c);
    let added = 0;
    let off = false;
    for (let r = first; r < last && !off; r++) {
      const whole = countFigure(cellAt(w.sheet, r, total));
      // (Not the column-number row under the labels: "4" | "5" | "6" adds up to nothing.)
      if (whole === null || isColumnNumberRow(w.sheet, r)) continue;
      let sum = 0;
      let all = true;
      for (const p of parts) {
        const n = countFigure(cellAt(w.sheet, r, p));
        if (n !== null) sum += n;
        else all = false;
      }
      if (!all) continue;
      // (A row of noughts adds up to nothing: 0 = 0 + 0 says no more than a blank row.)
      if (Math.abs(sum - whole) > 1e-9 * Math.max(1, Math.abs(whole))) off = true;
      else if (whole > 0) added++;
    }
    if (!off && added > 0) return parts;
  }
  return null;
}

/**
 * The parts of a total a criterion's title may name (HeaderMatch.partsOfTotal): after the table's
 * denominator, a total or sum ("Tổng số …", "Cộng") or the column before its data — or before a
 * total written last — count columns adding up to it row by row (partsAddingUpTo) that count no
 * state of their own — none early, on time, late or not done (those the header reads together)
 * nor a span of the year — each with the words that name it (partWords); else one such count
 * beside a total or a count of things, never past it in any row (partWithin), where it may be read
 * as a first part (readsAsFirstPart) and names two words at least.
 */
function withPartsOfTotal(w: HeaderWindow, wholes: readonly WholeColumn[], header: HeaderMatch): HeaderMatch {
  const { headerTop: top, headerBottom: bottom, columns } = header;
  const taken = new Set<number | undefined>(Object.entries(columns).filter(([kind]) => kind !== "data").map(([, c]) => c));
  const counted = (folded: string): boolean => {
    const label = cleanLabel(folded);
    return classifyFolded(label) !== "code" && !namesNotDone(folded) && !EARLY.test(label) && !ON_TIME.test(label) && !PERIOD_SPAN.test(label);
  };
  // Parts of another count than the table's data column, where it has one of its own ("Số liệu kê khai" =
  // "18/20" beside "Tổng số hồ sơ" | "Trực tuyến" = 50 | 5): the declared data stays, a title naming a part
  // notwithstanding (it had read 5/50, 10 %, nothing said).
  const aboutTheData = (total: number, parts: readonly number[]): boolean => columns.data === undefined || columns.data === total || parts.includes(columns.data);
  const totals = new Set<number>();
  if (header.denominator !== undefined) totals.add(header.denominator);
  for (const t of wholes) if (TOTAL.test(cleanLabel(t.child || t.parent))) totals.add(t.c);
  for (let c = 0; c < w.width; c++) if (!taken.has(c) && namesSum(cleanLabel(ownFolded(w, top, bottom, c)))) totals.add(c);
  if (columns.data !== undefined && columns.data > 0) totals.add(columns.data - 1);
  for (const total of totals)
    for (const step of [1, -1] as const) {
      const k = total + step;
      if (k < 0 || k >= w.width || taken.has(k) || taken.has(total) || !counted(ownFolded(w, top, bottom, k)) || cellsHolding(w.sheet, bottom + 1, k, holdsFigure) === 0) continue;
      const run = partsAddingUpTo(w, top, bottom, total, k, (folded) => counted(folded) && classifyFolded(cleanLabel(folded)) !== "self", step);
      if (run === null || run.some((c) => taken.has(c)) || !aboutTheData(total, run)) continue;
      const parts = step === 1 ? run : [...run].reverse();
      const named = parts.map((column) => ({ column, words: nameablePart(ownFolded(w, top, bottom, column)), label: w.raw(bottom)[column] || w.raw(top)[column]! }));
      return named.some((p) => p.words !== "") ? { ...header, partsOfTotal: { total, parts: named } } : header;
    }
  // A count of the things counted ("Số TTHC thuộc thẩm quyền") is a whole for a lone part too.
  for (let c = 0; c < w.width; c++) if (!taken.has(c) && sumAfterParts(cleanLabel(ownFolded(w, top, bottom, c)))) totals.add(c);
  for (const total of totals)
    for (const step of [1, -1] as const) {
      const k = total + step;
      if (k < 0 || k >= w.width || taken.has(k) || taken.has(total) || !aboutTheData(total, [k])) continue;
      const folded = ownFolded(w, top, bottom, k);
      const words = partWords(folded);
      if (words !== "" && counted(folded) && ofNoKind(folded) && readsAsFirstPart(w, top, bottom, k) && partWithin(w, bottom + 1, total, k)) {
        return { ...header, partsOfTotal: { total, parts: [{ column: k, words, label: w.raw(bottom)[k] || w.raw(top)[k]! }] } };
      }
    }
  return header;
}
/**
 * Column `k` is at most `total`'s figure in every row holding figures in both, at least one row of
 * a total above nought holding one: a lone part beside its whole ("Tổng số TTHC" | "Trực tuyến
 * toàn trình" = 20 | 18), read only by a criterion whose title names it (readsPartNamed, matched-rows.ts)
 * — beside a total, one column's label does not say on its own that it counts among it.
 */
function partWithin(w: HeaderWindow, first: number, total: number, k: number): boolean {
  const last = Math.min(w.sheet.rows.length, first + PARTS_SAMPLE_ROWS);
  let within = 0;
  for (let r = first; r < last; r++) {
    const whole = countFigure(cellAt(w.sheet, r, total));
    const part = countFigure(cellAt(w.sheet, r, k));
    if (whole === null || part === null || isColumnNumberRow(w.sheet, r)) continue;
    if (part < 0 || part > whole) return false;
    if (whole > 0) within++;
  }
  return within > 0;
}
/**
 * The words naming a part, as a criterion's title would: its label past "Tổng số", "Số (lượng)",
 * the things counted ("hồ sơ", "TTHC", "văn bản", "DVC") and "đã", "được" — "Số TTHC trực tuyến
 * toàn trình" is "truc tuyen toan trinh", "Số hồ sơ đã số hóa" "so hoa". Two words at least ("" for
 * fewer): "Nam" would be found in every title's "năm".
 */
export function partWords(folded: string): string {
  let words = cleanLabel(folded);
  if (!/^so hoa\b/.test(words)) words = words.replace(/^(tong so|so luong|sl|so)\b ?/, "");
  words = words.replace(/\b(tthc|thu tuc hanh chinh|ho so|van ban|dvc|dich vu cong)\b/g, " ").replace(/^\s*(da|duoc|dang)\b/, " ").replace(/\s+/g, " ").trim();
  return words.split(" ").length >= 2 ? words : "";
}
/**
 * A part's words a title may name (partWords), for a part counting what a criterion asks for
 * (ASKED_PART) or a level ("Một phần"); "" for a kind ("Cán bộ" | "Công chức", "Cấp tỉnh", "Nữ"),
 * which a title names as what it counts, not as the part asked: "Tỷ lệ cán bộ, công chức được
 * đào tạo" over "Tổng số" | "Cán bộ" | "Công chức" had read the civil servants' count, 2 of 20
 * (10 %), nothing said.
 */
function nameablePart(folded: string): string {
  return namesAskedPart(cleanLabel(folded)) ? partWords(folded) : "";
}
/** A cleaned label naming what a criterion asks for (ASKED_PART) or a level of it ("Một phần"). */
const namesAskedPart = (label: string): boolean => ASKED_PART.test(label) || /\bmot phan\b/.test(label);
/** A count's figure: a number, or text grouped by thousands as counts are written ("1.250" files, never 1,25). */
function countFigure(cell: GridCell | undefined): number | null {
  if (cell !== undefined && typeof cell.v === "string") return groupedWhole(cell.v) ?? parseNumberText(cell.v);
  const n = readCellNumber(cell);
  return n.kind === "number" ? n.value : null;
}
/** The rows below a header that partsAddUpTo reads. */
const PARTS_SAMPLE_ROWS = 400;
/**
 * A part counted by a channel no criterion asks for: in person, by post ("Trực tiếp", "Qua dịch vụ bưu
 * chính công ích"). Online in part ("Một phần") is a level a criterion may ask for: after a total it is
 * read as its part, as the first part always is.
 */
const OTHER_CHANNEL = /\b(truc tiep|buu chinh)\b/;
/**
 * Column `k` counts online in part and one of the next three (past shares) end to end ("Tổng số" |
 * "Trực tuyến một phần" | "Trực tuyến toàn trình"): which of the two a criterion asks for, only its
 * title says, so neither is read as the part (the first had been: 10 % for 90 %, nothing said).
 */
function partBelowLevelAfter(w: HeaderWindow, top: number, bottom: number, k: number): boolean {
  if (!/\bmot phan\b/.test(cleanLabel(ownFolded(w, top, bottom, k)))) return false;
  for (let c = k + 1; c < Math.min(w.width, k + 7); c++) if (/\btoan trinh\b/.test(cleanLabel(ownFolded(w, top, bottom, c)))) return true;
  return false;
}
/** A part a criterion asks for: online, end to end, digitised, signed, published, achieved, done, on time. */
const ASKED_PART = /\b(truc tuyen|toan trinh|so hoa|ky so|cong khai|cong bo|dien tu|dat|hoan thanh|thuc hien|giai quyet|dung han|duoc|da)\b/;

/**
 * Where nothing else is the data, a count of things ("Số TTHC thuộc thẩm quyền", "Số văn bản đi")
 * followed by parts that add up to it row by row (partsAddUpTo): the first part is the data, the
 * count its whole (wholeThePartsAddUpTo). No column had been the data (every ratio DATA_MISSING).
 */
function partBeforeItsRest(w: HeaderWindow, top: number, bottom: number, wholes: readonly WholeColumn[], taken: ReadonlySet<number | undefined>): number | undefined {
  const free = freeColumns(w, wholes, taken);
  for (let c = 0; c + 2 < w.width; c++) {
    if (!free(c) || !free(c + 1) || classifyFolded(cleanLabel(ownFolded(w, top, bottom, c))) !== null || classifyFolded(cleanLabel(ownFolded(w, top, bottom, c + 1))) !== null) continue;
    if (partsAddUpTo(w, top, bottom, c, c + 1)) return c + 1;
  }
  return undefined;
}
/** The first of parts written before a total ("… | Tổng số"), where nothing else is the data (firstPartBefore). */
function partBeforeTotalLast(w: HeaderWindow, top: number, bottom: number, wholes: readonly WholeColumn[], taken: ReadonlySet<number | undefined>): number | undefined {
  const free = freeColumns(w, wholes, taken);
  for (let c = 2; c < w.width; c++) {
    if (taken.has(c) || !sumAfterParts(cleanLabel(ownFolded(w, top, bottom, c)))) continue;
    const k = firstPartBefore(w, top, bottom, c, free);
    if (k !== undefined) return k;
  }
  return undefined;
}
/** A total or a sum as a column after its parts is labelled: "Tổng số (TTHC)", "Tổng cộng", "Cộng". */
const namesSum = (label: string): boolean => TOTAL.test(label) || PERIOD_TOTAL.test(label);
/**
 * namesSum, or a count of the things a report counts, written after their parts: "Số TTHC", "Số TTHC
 * thuộc thẩm quyền", "TTHC thuộc thẩm quyền", "Số văn bản đi" — a total only where the parts before
 * it add up to it (firstPartBefore).
 */
const sumAfterParts = (label: string): boolean => namesSum(label) || (COUNTED_THINGS.test(label) && !STATE_WORD.test(label) && classifyFolded(label) === null);
const COUNTED_THINGS = /^(so )?(tthc|thu tuc hanh chinh|ho so|van ban)\b/;
/**
 * Where the data column is itself a total of parts, the first part: the count the next columns add
 * up to row by row ("Số liệu kê khai" over "Số TTHC" | "Trực tuyến toàn trình" | "Trực tiếp",
 * partsAddUpTo), or a total written after its parts ("Số liệu kê khai" over "Ký số" | "Chưa ký số" |
 * "Tổng số", firstPartBefore). Such rows had said their figures were missing.
 */
function partOfDataTotal(w: HeaderWindow, header: HeaderMatch, own: string): number | undefined {
  const { headerTop: top, headerBottom: bottom, columns } = header;
  const data = columns.data!;
  const free = (k: number) => k >= 0 && k < w.width && !Object.values(columns).includes(k);
  const after = data + 1;
  if (free(after) && classifyFolded(cleanLabel(ownFolded(w, top, bottom, after))) === null && partsAddUpTo(w, top, bottom, data, after)) return after;
  return sumAfterParts(own) ? firstPartBefore(w, top, bottom, data, free) : undefined;
}
/** A total or sum after the data, its parts from the data on adding up to it (firstPartBefore): its denominator. */
function totalAfterItsParts(w: HeaderWindow, header: HeaderMatch): number | undefined {
  const { headerTop: top, headerBottom: bottom, columns } = header;
  const data = columns.data!;
  const taken = Object.values(columns);
  for (let c = data + 2; c < Math.min(w.width, data + 9); c++) {
    if (taken.includes(c)) return undefined;
    if (!sumAfterParts(cleanLabel(ownFolded(w, top, bottom, c)))) continue;
    return firstPartBefore(w, top, bottom, c, (k) => k === data || (k > data && k < c)) === data ? c : undefined;
  }
  return undefined;
}
/** The column right before the data that its parts add up to (partsAddUpTo), taken by no other kind: its denominator. */
function wholeThePartsAddUpTo(w: HeaderWindow, header: HeaderMatch): number | undefined {
  const { headerTop: top, headerBottom: bottom, columns } = header;
  const k = columns.data! - 1;
  if (k < 0 || Object.values(columns).includes(k) || classifyFolded(cleanLabel(ownFolded(w, top, bottom, k))) !== null) return undefined;
  return partsAddUpTo(w, top, bottom, k, columns.data!) ? k : undefined;
}

/**
 * A sub-column of a group labelled "Trong đó" ("Tổng số" | "Trong đó" over "Đạt" | "Không đạt",
 * over "Mức độ toàn trình" | "Một phần"): a part of the total before it, whatever its own label.
 * Its "Đạt" had found no total (the sibling's figures then made it no data: DATA_MISSING; before
 * that its 18 had been read as 18 %), and "Mức độ toàn trình" no data column at all.
 */
function underInWhich(w: HeaderWindow, top: number, bottom: number, k: number): boolean {
  if (bottom === top || w.continuesMergeFromAbove(bottom, k) || w.folded(bottom)[k] === "") return false;
  const group = w.merge(top, k);
  return IN_WHICH.test(cleanLabel(group && group.s.r === top ? w.folded(top)[group.s.c]! : w.folded(top)[k]!));
}
/**
 * underInWhich, but only a sub-column naming what a criterion asks for (ASKED_PART: "Đạt", "Đúng hạn",
 * "Trực tuyến", "Mức độ toàn trình"), and never the first of kinds that split the total ("Tổng số" |
 * "Trong đó" over "Nam" | "Nữ", firstOfKinds): "Nam" had been read as the part for any ratio
 * criterion (10 %, nothing said), and where the kinds do not add up ("Nữ" | "Dân tộc thiểu số",
 * "Qua dịch vụ BCCI" | "Trực tuyến") the first of them still was (seventh session).
 */
const inWhichPart = (w: HeaderWindow, top: number, bottom: number, total: number, k: number): boolean =>
  underInWhich(w, top, bottom, k) && namesAskedPart(cleanLabel(ownFolded(w, top, bottom, k))) && !firstOfKinds(w, top, bottom, total, k);
/**
 * Every column strictly between `from` and `to` counts what was set aside (setAside), or is the
 * early count before an on-time `to`, or its share (earlyFor: "Tổng số" | "Trước hạn" | "Đúng hạn").
 */
function setAsideBetween(w: HeaderWindow, top: number, bottom: number, from: number, to: number): boolean {
  const early = earlyFor(w, top, bottom, to);
  for (let k = from + 1; k < to; k++) if (!setAside(ownFolded(w, top, bottom, k)) && !(early !== undefined && k >= early)) return false;
  return true;
}
/** What was done before its term: "Trước hạn", "Trả trước hạn", "Sớm hạn", "Số hồ sơ giải quyết trước hạn" (and "trước hẹn", "trước thời hạn") — never with on time, "Đúng và trước hạn" (ON_TIME). */
const EARLY = /^(?!.*\b(khong|chua|dung)\b).*\b(truoc|som) han$/;
/**
 * The column counting what was done early before an on-time column `k` — right before it, or
 * before its bare share: the one-stop report's "Tổng số" | "Trả trước hạn" | "Trả đúng hạn" |
 * "Trả quá hạn" (Thông tư 01/2018/TT-VPCP), whose on time is early and on the day together. The
 * early column had been read as the part done under a group label (8 of 20 for 18 of 20: 40 %,
 * 0 points, nothing said), flat as none.
 */
function earlyFor(w: HeaderWindow, top: number, bottom: number, k: number): number | undefined {
  const early = (c: number) => c >= 0 && !bareShare(ownFolded(w, top, bottom, c)) && EARLY.test(cleanLabel(stateFolded(w, top, bottom, c)));
  // (A label of the column names a deadline, or it is no on-time column: most are not.)
  if (k <= 0 || k >= w.width || !(w.folded(top)[k]!.includes("han") || w.folded(bottom)[k]!.includes("han"))) return undefined;
  if (bareShare(ownFolded(w, top, bottom, k)) || !ON_TIME.test(cleanLabel(stateFolded(w, top, bottom, k)))) return undefined;
  if (early(k - 1)) return k - 1;
  return bareShare(ownFolded(w, top, bottom, k - 1)) && early(k - 2) ? k - 2 : undefined;
}
/**
 * What a column counts by its state: its own label, or where that is only "Số lượng" or a bare
 * share under a group label, the group's ("Trước hạn" over "Số lượng" | "Tỷ lệ (%)").
 */
function stateFolded(w: HeaderWindow, top: number, bottom: number, k: number): string {
  const own = ownFolded(w, top, bottom, k);
  return bottom > top && !w.continuesMergeFromAbove(bottom, k) && (/^(so luong|sl)$/.test(cleanLabel(own)) || bareShare(own)) ? w.folded(top)[k]! : own;
}
/** The on-time column after an early column `e`, past the early count's own share: the mirror of earlyFor. */
function onTimeAfter(w: HeaderWindow, top: number, bottom: number, e: number): number | undefined {
  if (e < 0 || e >= w.width) return undefined;
  return [e + 1, e + 2].find((k) => earlyFor(w, top, bottom, k) === e);
}
/**
 * A bare share, "Tỷ lệ", "Tỷ lệ (%)", "%": after each count in the national portal's statistics
 * ("Tổng số hồ sơ" | "Trước hạn" | "Tỷ lệ (%)" | "Đúng hạn" | "Tỷ lệ (%)" | "Trễ hạn" | "Tỷ lệ (%)").
 */
const bareShare = (folded: string): boolean => RATE_WORD.test(cleanLabel(folded)) && !/[a-z]/.test(folded.replace(RATE_WORD, "").replace(/\([^)]*\)?/g, " "));
/**
 * The early count beside an on-time data column (before it, as offices order them, or after it),
 * holding figures and taken by no other kind: its count is added to the data's (HeaderMatch.dataEarly).
 */
function earlyBeside(w: HeaderWindow, header: HeaderMatch, own: string): number | undefined {
  const { headerTop: top, headerBottom: bottom, columns } = header;
  const data = columns.data!;
  if (!ON_TIME.test(own) || namesNotDone(own)) return undefined;
  const after = [data + 1, data + 2].find((k) => k < w.width && !bareShare(ownFolded(w, top, bottom, k)) && EARLY.test(cleanLabel(stateFolded(w, top, bottom, k))) && (k === data + 1 || bareShare(ownFolded(w, top, bottom, data + 1))));
  return [earlyFor(w, top, bottom, data), after].find((k) => k !== undefined && k !== header.denominator && freeFigures(w.sheet, header, k));
}
/** The part of the total named as such: "Trong đó", "Trong đó: đạt" (WB17-9). */
const IN_WHICH = /^trong do\b/;
/** A column right after a total holding its part: a count of its own, what was not done, "Trong đó". */
const partOfTotal = (folded: string): boolean => {
  const label = cleanLabel(folded);
  return (PART_COUNT.test(label) && !setAside(folded)) || namesNotDone(folded) || IN_WHICH.test(label) || namesPartDone(label);
};
/**
 * A part named without "Số" after a total: what was on time ("Hồ sơ đúng hạn", "Đúng hạn") or
 * done ("Đã giải quyết", "Thủ tục đã cung cấp trực tuyến toàn trình") — never "đã" before a
 * failure ("Đã trả lại", "Đã quá hạn"), nor a score. "Tổng số kiến nghị" | "Đã giải quyết" had no
 * data column (every ratio DATA_MISSING) where "Tổng số kiến nghị" | "Số đã giải quyết" had one.
 */
const DONE_AFTER = /(?:^|\s)da ([a-z]+(?: [a-z]+)?)/;
const FAILED_AFTER = new RegExp(String.raw`^(bi|ton|huy|([a-z]+ )?(${FAILED}))\b`);
function namesPartDone(label: string): boolean {
  if (/\b(diem|khong|chua)\b/.test(label)) return false;
  if (ON_TIME.test(label)) return true;
  const done = DONE_AFTER.exec(label);
  return done !== null && !FAILED_AFTER.test(done[1]!);
}

/** A column's own label as written (folded): its sub-label, else the label above it. */
function ownFolded(w: HeaderWindow, top: number, bottom: number, c: number): string {
  const child = bottom > top && !w.continuesMergeFromAbove(bottom, c) ? w.folded(bottom)[c]! : "";
  return child || w.folded(top)[c]!;
}

/** The same label as written (ownFolded's cell). */
function ownWritten(w: HeaderWindow, top: number, bottom: number, c: number): string {
  const child = bottom > top && !w.continuesMergeFromAbove(bottom, c) ? w.folded(bottom)[c]! : "";
  return child ? w.raw(bottom)[c]! : w.raw(top)[c]!;
}


/**
 * Where no column is the data, the column right after a total ("Tổng số …") is the part counted
 * in it, the total its denominator (settleData): under the data label whatever plan word it
 * carries ("Tổng số" | "Số đăng ký" — offices write a plan before its result, never after the
 * total; the total ÷ the part had been 250 %, WB16-4), flat when labelled as a count of no other
 * kind ("Tổng số hồ sơ" | "Số hồ sơ đăng ký trực tuyến", "Tổng số được giao" | "Số hoàn thành":
 * no column had been the data, WB16-15).
 */
function partAfterTotal(w: HeaderWindow, top: number, bottom: number, wholes: readonly WholeColumn[], taken: ReadonlySet<number | undefined>): number | undefined {
  for (const t of wholes) {
    if (!t.head && !TOTAL.test(cleanLabel(t.child || t.parent))) continue;
    let k = t.c + 1;
    // Past the dossiers set aside ("Tổng số" | "Số hồ sơ trả lại" | "Số hồ sơ chưa xử lý"): not the part done.
    while (k < w.width && !taken.has(k) && !wholes.some((d) => d.c === k) && setAside(ownFolded(w, top, bottom, k))) k++;
    // Past the early count (and its share) before the on-time one: "Tổng số" | "Trước hạn" | ("Tỷ lệ (%)" |) "Đúng hạn".
    k = onTimeAfter(w, top, bottom, k) ?? k;
    const planned = wholes.find((d) => d.c === k);
    if (planned) {
      if (t.underData && planned.underData && planned.child !== "" && !TOTAL.test(cleanLabel(planned.child))) return k;
    } else if (k < w.width && !taken.has(k)) {
      const folded = ownFolded(w, top, bottom, k);
      if ((partOfTotal(folded) || inWhichPart(w, top, bottom, t.c, k) || besideTotalInGroup(w, top, bottom, t, k) || (k === t.c + 1 && partsAddUpTo(w, top, bottom, t.c, k))) && ofNoKind(folded)) return k;
    }
  }
  // A flat plan or total beside a result labelled "Số", "Đã", "Số đã" ("Kế hoạch" | "Số thực
  // hiện", "Số phải thực hiện" | "Số đã thực hiện", "Số thực hiện" | "Tổng số"): that result is
  // the data, after the plan first (WB17-9: no column had been the data).
  for (const side of [1, -1])
    for (const t of wholes) {
      const k = t.c + side;
      if (t.underData || k < 0 || k >= w.width || taken.has(k) || wholes.some((d) => d.c === k)) continue;
      const folded = ownFolded(w, top, bottom, k);
      const label = cleanLabel(folded);
      if (namesResult(label, ownWritten(w, top, bottom, k)) && !namesNotDone(folded) && classifyFolded(label) === null) return k;
    }
  return onTimeAfterHandled(w, top, bottom, wholes, taken) ?? resultBesideBareCount(w, top, bottom, wholes, taken) ?? onTimeBeforeTotal(w, top, bottom, wholes, taken) ?? partBeforeItsRest(w, top, bottom, wholes, taken) ?? partBeforeTotalLast(w, top, bottom, wholes, taken);
}

/**
 * The on-time count before a total written last ("Trước hạn" | "Đúng hạn" | "Trễ hạn" | "Tổng số"),
 * past the late counts and shares between them: the data, the total its denominator
 * (totalAfterParts). No column had been the data (every ratio DATA_MISSING).
 */
function onTimeBeforeTotal(w: HeaderWindow, top: number, bottom: number, wholes: readonly WholeColumn[], taken: ReadonlySet<number | undefined>): number | undefined {
  if (!namesDeadline(w, top, bottom)) return undefined;
  const free = freeColumns(w, wholes, taken);
  // The total, or a count of what was handled written last in its place ("Trước hạn" | "Đúng hạn" | "Trễ hạn" | "Số hồ sơ đã giải quyết").
  const ends = wholes.filter((t) => TOTAL.test(cleanLabel(t.child || t.parent))).map((t) => t.c);
  for (let c = 0; c < w.width; c++) if (free(c) && handledCount(ownFolded(w, top, bottom, c))) ends.push(c);
  for (const end of ends) {
    for (let k = end - 1; free(k); k--) {
      const label = cleanLabel(stateFolded(w, top, bottom, k));
      if (!bareShare(ownFolded(w, top, bottom, k)) && ON_TIME.test(label) && !namesNotDone(label)) return partsBetween(w, top, bottom, k, end) ? k : undefined;
    }
  }
  return undefined;
}
/** A count of what was handled ("Số hồ sơ đã giải quyết", "Đã giải quyết"), not on time nor undone. */
const handledCount = (folded: string): boolean => {
  const label = cleanLabel(folded);
  return namesHandled(label) && !ON_TIME.test(label) && !namesNotDone(folded) && classifyFolded(label) === null;
};
/** A label of the header names a deadline ("… hạn"): the on-time readings are looked for only then, as most headers have none. */
const namesDeadline = (w: HeaderWindow, top: number, bottom: number): boolean => [top, bottom].some((r) => w.folded(r).some((label) => label.includes(" han")));
/** Every column strictly between `from` and `to` is a bare share or counts a part late, undone or early. */
function partsBetween(w: HeaderWindow, top: number, bottom: number, from: number, to: number): boolean {
  for (let k = from + 1; k < to; k++) if (!countsPart(w, top, bottom, k)) return false;
  return true;
}
/** Column `k` is a bare share or counts a part late, undone or early. */
function countsPart(w: HeaderWindow, top: number, bottom: number, k: number): boolean {
  const state = stateFolded(w, top, bottom, k);
  return bareShare(ownFolded(w, top, bottom, k)) || namesNotDone(state) || EARLY.test(cleanLabel(state));
}

/** Whether a column is in the header, taken by no kind and no whole: where partAfterTotal's fallbacks may look. */
const freeColumns = (w: HeaderWindow, wholes: readonly WholeColumn[], taken: ReadonlySet<number | undefined>) => (k: number): boolean =>
  k >= 0 && k < w.width && !taken.has(k) && !wholes.some((d) => d.c === k);

/**
 * A result named with "Số" beside a bare count of the things ("Số nhiệm vụ" | "Số hoàn thành"),
 * where nothing else is the data: the result is, the count its whole (bareCountBeside). No column
 * had been the data (every ratio DATA_MISSING), as "Số hồ sơ" | "Số đạt" already was.
 */
function resultBesideBareCount(w: HeaderWindow, top: number, bottom: number, wholes: readonly WholeColumn[], taken: ReadonlySet<number | undefined>): number | undefined {
  const free = freeColumns(w, wholes, taken);
  const bareCount = (k: number) => {
    const label = cleanLabel(ownFolded(w, top, bottom, k));
    return free(k) && BARE_COUNT.test(label) && !STATE_WORD.test(label.replace(/^so /, "")) && classifyFolded(label) !== "code" && cellsHolding(w.sheet, bottom + 1, k, holdsFigure) > 0;
  };
  for (let c = 0; c < w.width; c++) {
    if (!free(c)) continue;
    const folded = ownFolded(w, top, bottom, c);
    const label = cleanLabel(folded);
    if (RESULT_COUNT.test(label) && !namesNotDone(folded) && classifyFolded(label) === null && (bareCount(c - 1) || bareCount(c + 1))) return c;
  }
  return undefined;
}

/**
 * The part on time right after a count of what was handled, past the early count between them:
 * "Số hồ sơ đã giải quyết" | "Trước hạn" | "Đúng hạn" | "Quá hạn", or | "Đúng hạn" alone — the
 * one-stop report without its "Tổng số" (no column had been the data: every ratio DATA_MISSING).
 * Its denominator is that count (handledBesideOnTime), the early count added (earlyBeside).
 */
function onTimeAfterHandled(w: HeaderWindow, top: number, bottom: number, wholes: readonly WholeColumn[], taken: ReadonlySet<number | undefined>): number | undefined {
  const free = freeColumns(w, wholes, taken);
  if (!namesDeadline(w, top, bottom)) return undefined;
  for (let c = 0; c + 1 < w.width; c++) {
    const handled = ownFolded(w, top, bottom, c);
    if (!free(c) || !namesHandled(cleanLabel(handled)) || namesNotDone(handled)) continue;
    const k = onTimeAfter(w, top, bottom, c + 1) ?? c + 1;
    const folded = ownFolded(w, top, bottom, k);
    const label = cleanLabel(folded);
    if (free(k) && ON_TIME.test(label) && !namesNotDone(folded) && classifyFolded(label) === null) return k;
  }
  return undefined;
}

/** A cell holding a figure: a number, a percentage, an "a/b" (what a description column such as "Kết quả thực hiện" lacks). */
const holdsFigure = (cell: GridCell | undefined): boolean => readDeclaredRatio(cell) !== null;

/**
 * The data column and its denominator. Of data columns of equal claim
 * ("Kết quả thực hiện" | "Kết quả đạt được"), the one holding the most figures in the rows below
 * (the first on a tie). Its denominator: a whole or plan column beside it — beside a numerator
 * ("Số đạt" | "Tổng số"), beside it under the same data label ("Số liệu kê khai" over "Thực
 * hiện" | "Kế hoạch"), or right after a count ("Số lượng" | "Tổng số").
 */
function settleData(sheet: GridSheet, w: HeaderWindow, found: HeaderMatch, dataTies: HeaderReading["dataTies"], wholes: readonly WholeColumn[]): HeaderMatch {
  const header = { ...found };
  const { headerTop: top, headerBottom: bottom } = header;
  let data = header.columns.data;
  // (Not when settlePeriod moved the data off an empty year's column: the ties were the year's.)
  if (data !== undefined && dataTies.length > 1 && dataTies.some((t) => t.c === data)) {
    const fullest = numberColumn(sheet, bottom + 1, dataTies.map((t) => t.c), data, holdsFigure);
    if (fullest !== data) {
      data = fullest;
      header.columns = { ...header.columns, data };
      header.labels = { ...header.labels, data: dataTies.find((t) => t.c === fullest)!.label };
    }
  }
  if (data === undefined) return header;
  // The count under "Trước hạn" is the early part: the data is the on-time count after it, the early one added (earlyBeside).
  const onDay = EARLY.test(cleanLabel(stateFolded(w, top, bottom, data))) ? onTimeAfter(w, top, bottom, data) : undefined;
  if (onDay !== undefined && !Object.values(header.columns).includes(onDay)) {
    data = onDay;
    header.columns = { ...header.columns, data };
    header.labels = { ...header.labels, data: w.raw(bottom)[data] || w.raw(top)[data]! };
  }
  const child = bottom > top && !w.continuesMergeFromAbove(bottom, data) ? w.folded(bottom)[data]! : "";
  const ownAsWritten = child || w.folded(top)[data]!;
  const own = cleanLabel(ownAsWritten);
  const written = ownWritten(w, top, bottom, data);
  const notDone = namesNotDone(ownAsWritten);
  // A data column labelled as the rate itself ("TH/KH (%)", "Thực hiện/Kế hoạch") is read as written: never
  // over the plan beside it (under "Năm 2024", "Đạt" | "Kế hoạch" | "TH/KH (%)" had read its 90 as 90/20, 450 %).
  if (/%/.test(own) || RESULT_OVER_PLAN.test(own)) return header;
  const group = w.merge(top, data);
  // (Never a part of the period nor the other channel against the total beside it, nor online in part before
  // end to end: "Số liệu kê khai" over "Tổng số" | "Quý I" | … | "Quý IV", over "Tổng số hồ sơ" | "Trực tiếp" |
  // "Trực tuyến", over "Tổng số" | "Trực tuyến một phần" | "Trực tuyến toàn trình".)
  const underDataLabel = (d: WholeColumn) =>
    child !== "" && !PERIOD_SPAN.test(own) && !OTHER_CHANNEL.test(own) && !partBelowLevelAfter(w, top, bottom, data) && d.child !== "" && group !== undefined && group.s.r === top && d.c >= group.s.c && d.c <= group.e.c && d.underData && !(d.c === data - 1 && firstOfKinds(w, top, bottom, d.c, data));
  const afterTotal = (d: WholeColumn) => d.c < data && (d.head || TOTAL.test(cleanLabel(d.child || d.parent))) && (partOfTotal(ownAsWritten) || inWhichPart(w, top, bottom, d.c, data) || besideTotalInGroup(w, top, bottom, d, data) || (d.c === data - 1 && partsAddUpTo(w, top, bottom, d.c, data))) && setAsideBetween(w, top, bottom, d.c, data);
  // A total written after the parts ("Trước hạn" | "Đúng hạn" | "Trễ hạn" | "Tổng số"): the on-time count's (onTimeBeforeTotal).
  const totalAfterParts = (d: WholeColumn) => d.c > data && TOTAL.test(cleanLabel(d.child || d.parent)) && ON_TIME.test(cleanLabel(stateFolded(w, top, bottom, data))) && partsBetween(w, top, bottom, data, d.c);
  // A flat plan or total beside the result ("Kế hoạch" | "Số thực hiện"): what it is counted against, as under "Số liệu kê khai".
  // "Kết quả thực hiện" names a description where it stands alone (RESULT_NAMED), but beside a plan it is the result counted against it.
  // A group label naming what is counted, no data label ("Số liệu kê khai" over two counts leaves the whole unsaid).
  const namingGroup = child !== "" && group !== undefined && group.s.r === top && classifyFolded(cleanLabel(w.folded(top)[data]!)) === null;
  // Under a label naming what is counted ("Nhiệm vụ" over "Được giao" | "Hoàn thành") as flat.
  const besideInGroup = (d: WholeColumn) => child !== "" && d.child !== "" && group !== undefined && group.s.r === top && d.c >= group.s.c && d.c <= group.e.c;
  const flatResult = (d: WholeColumn) => Math.abs(d.c - data) === 1 && (child === "" || besideInGroup(d)) && !d.underData && (namesResult(own, written) || RESULT_DESCRIBED.test(own)) && !notDone;
  // A whole that shares the result's head word, on either side ("Số lượng kế hoạch" | "Số lượng thực hiện", WB35-5).
  const sameHeadResult = (d: WholeColumn) => Math.abs(d.c - data) === 1 && child === "" && !notDone && qualifierOf(own) !== "" && namesResult(qualifierOf(own), written) && headOf(cleanLabel(d.child || d.parent)) === headOf(own);
  const denominator =
    wholes.find((d) => (Math.abs(d.c - data) === 1 && (namesNumerator(own) || underDataLabel(d))) || (d.c === data + 1 && COUNT.test(own)) || afterTotal(d) || flatResult(d) || sameHeadResult(d) || totalAfterParts(d))?.c ??
    handledBesideOnTime(w, header, own) ??
    wholeThePartsAddUpTo(w, header) ??
    totalAfterItsParts(w, header) ??
    bareHeadBeside(w, header, own, written) ??
    (!notDone && namesAchieved(own, written) && (child === "" || namingGroup) ? bareCountBeside(w, header, child === "" ? undefined : group) : undefined);
  // A count of what was handled with no whole beside it, the on-time count after it ("Số liệu kê khai" over "Số hồ sơ đã
  // giải quyết" | "Trước hạn" | "Đúng hạn"): that count is the whole of the on-time one, the data (no column had been read).
  const onTimeOfHandled = denominator === undefined && namesHandled(own) ? onTimeOfData(w, header) : undefined;
  if (onTimeOfHandled !== undefined) {
    const { data: onDay, denominator: handled, early } = onTimeOfHandled;
    const labels = { ...header.labels, data: w.raw(bottom)[onDay] || w.raw(top)[onDay]! };
    return { ...header, columns: { ...header.columns, data: onDay }, labels, denominator: handled, ...(early === undefined ? {} : { dataEarly: early }) };
  }
  const part = denominator === undefined && !notDone && !namesAchieved(own, written) ? partOfDataTotal(w, header, own) : undefined;
  if (part !== undefined) return { ...header, columns: { ...header.columns, data: part }, labels: { ...header.labels, data: w.raw(bottom)[part] || w.raw(top)[part]! }, denominator: data };
  // A count with no whole found for it, where a ratio cannot be its own figure: under one data
  // label beside another column of figures ("Số liệu kê khai" over "Số cán bộ" | "Số được đào tạo",
  // "Số lượng" | "Đạt") — which is the whole the labels do not say — or labelled a count itself
  // ("Số lượng" | "Đạt" flat). Its bare counts had been read as percentages (20 → 20 %, 0 points,
  // nothing said); now, as an on-time count's (WB40-5), only its cells' own ratios ("18/20",
  // "90 %") are read, and a ratio row with a bare count says its figure is missing.
  if (denominator === undefined && (siblingFigures(sheet, header, group, child) || (child === "" && !onTimeAlone(own) && (COUNT.test(own) || (PART_COUNT.test(own) && !namesResult(own, written)) || (namesAchieved(own, written) && figuresBeside(sheet, header)))))) {
    return { ...header, dataOwnRatiosOnly: true };
  }
  // A year's column beside a total holding figures ("Tổng số" | "Năm 2023" | "Năm 2024", "Năm 2023" |
  // "Năm 2024" | "Cộng"): its bare figures are that year's counts, which the total adds up, never
  // percentages (18 had been read as 18 %, nothing said). Its own ratios are read; a bare count says
  // its figure is missing. Without a total beside it ("Năm 2023" | "Năm 2024") a year's 95 is still 95 %.
  if (denominator === undefined && YEAR_LABEL.test(own) && totalOfFigures(w, header)) return { ...header, dataOwnRatiosOnly: true };
  // (Under a data label, "Số liệu kê khai" over "Số đúng hạn", the column stays the data.)
  const underData = child !== "" && classifyFolded(cleanLabel(w.folded(top)[data]!)) === "data";
  if (denominator === undefined && (!onTimeAlone(own) || underData)) return header;
  // Its own ratios make an on-time count's column the data, its bare counts still none (WB40-5).
  if (denominator === undefined) return holdsOwnRatios(sheet, bottom + 1, data) ? { ...header, dataOwnRatiosOnly: true } : withoutColumn(header, "data");
  if (notDone) return { ...header, denominator, dataNotDone: true };
  const state = cleanLabel(stateFolded(w, top, bottom, data));
  const early = earlyBeside(w, { ...header, denominator }, state);
  const settled: HeaderMatch = early === undefined ? { ...header, denominator } : { ...header, denominator, dataEarly: early };
  const onTime = ON_TIME.test(state) ? undefined : onTimeOfData(w, settled);
  return onTime === undefined ? settled : { ...settled, onTime };
}

/** A denominator labelled as a plan (PLAN, QUALIFIED_PLAN): HeaderMatch.denominatorPlan. */
function withPlanDenominator(w: HeaderWindow, header: HeaderMatch): HeaderMatch {
  const d = header.denominator;
  if (d === undefined) return header;
  const own = cleanLabel(ownFolded(w, header.headerTop, header.headerBottom, d));
  return PLAN.test(own) || QUALIFIED_PLAN.test(own) ? { ...header, denominatorPlan: true } : header;
}

/**
 * Where the data counts what was resolved against what was received, the on-time count after it
 * ("Số hồ sơ tiếp nhận" | "Số hồ sơ đã giải quyết" | "Trước hạn" | "Đúng hạn" | "Quá hạn"), past
 * the early count, is a second reading of the row: on time of what was resolved, which a
 * criterion asking for it reads (HeaderMatch.onTime). Its 20/25 had scored "Tỷ lệ hồ sơ giải
 * quyết đúng hạn" as what was resolved, nothing said.
 */
function onTimeOfData(w: HeaderWindow, header: HeaderMatch): HeaderMatch["onTime"] {
  const { headerTop: top, headerBottom: bottom } = header;
  const data = header.columns.data!;
  const handled = ownFolded(w, top, bottom, data);
  if (!HANDLED.test(cleanLabel(handled)) && !namesPartDone(cleanLabel(handled))) return undefined;
  // Past the data's own share ("Đã giải quyết" | "Tỷ lệ (%)" | "Đúng hạn"), then the early count and its share.
  const start = data + 1 < w.width && bareShare(ownFolded(w, top, bottom, data + 1)) ? data + 2 : data + 1;
  const k = onTimeAfter(w, top, bottom, start) ?? start;
  if (k >= w.width || (Object.values(header.columns).includes(k) && k !== header.columns.rate) || k === header.denominator) return undefined;
  const folded = ownFolded(w, top, bottom, k);
  if (!ON_TIME.test(cleanLabel(stateFolded(w, top, bottom, k))) || namesNotDone(folded) || cellsHolding(w.sheet, bottom + 1, k, holdsFigure) === 0) return undefined;
  // The rate column read for the table is then a share of what was resolved or of a part: the on-time criterion reads the counts.
  const rate = header.columns.rate;
  const partShare = rate !== undefined && rate > data && rate <= k + 1 && bareShare(ownFolded(w, top, bottom, rate)) ? { dropsRate: true as const } : {};
  return k !== start && freeFigures(w.sheet, header, start) ? { data: k, denominator: data, early: start, ...partShare } : { data: k, denominator: data, ...partShare };
}

/** A criterion that asks for what was done on time ("Tỷ lệ hồ sơ giải quyết đúng hạn", "… đúng hẹn"): it reads HeaderMatch.onTime. */
export const titleAsksOnTime = (folded: string): boolean => /\b(dung|truoc) (thoi )?(han|hen)\b/.test(folded) && !/\b(khong|chua) (dung|truoc) (thoi )?(han|hen)\b/.test(folded);

/** The result over the plan in one label: "TH/KH", "Thực hiện/Kế hoạch", "TH/CT". */
const RESULT_OVER_PLAN = /^(th|thuc hien) ?\/ ?(kh|ke hoach|chi tieu|ct)\b/;

/** A label naming what was achieved, to be counted against a whole: "Số đạt", "Thực hiện", "Kết quả", "Tử số". */
const namesAchieved = (own: string, written: string): boolean => namesNumerator(own) || namesResult(own, written) || BARE_RESULT.test(own);

/** A bare count of things, flat: "Số hồ sơ", "Số TTHC", "Số văn bản", "Số lượng" — no state, no qualifier beyond the noun. */
const BARE_COUNT = /^so luong$|^so (?!(lieu|tt|thu tu|hieu|ky hieu|diem|hoa)\b)[a-z]+( [a-z]+){0,2}$/;

/**
 * Beside a flat label of what was achieved ("Số đạt", "Thực hiện", "Kết quả", "Tử số"), a bare
 * count of the things ("Số hồ sơ", "Số TTHC", "Số lượng") holding figures is the whole it is
 * counted against: "Số hồ sơ" | "Số đạt" = 20 | 18 had been read as 18 % (0 points, nothing said).
 */
function bareCountBeside(w: HeaderWindow, header: HeaderMatch, group?: Merge): number | undefined {
  const { headerTop: top, headerBottom: bottom, columns } = header;
  // Flat, or (the data under a group label naming what is counted, "Nhiệm vụ" over "Số nhiệm vụ" | "Số hoàn thành") beside it under that label.
  const placed = (k: number) => (group ? k >= group.s.c && k <= group.e.c : !(bottom > top && !w.continuesMergeFromAbove(bottom, k) && w.folded(bottom)[k] !== ""));
  return [columns.data! - 1, columns.data! + 1].find((k) => {
    if (k < 0 || k >= w.width || !placed(k)) return false;
    const label = cleanLabel(ownFolded(w, top, bottom, k));
    return BARE_COUNT.test(label) && !STATE_WORD.test(label.replace(/^so /, "")) && classifyFolded(label) !== "code" && freeFigures(w.sheet, header, k);
  });
}

/** Column `k` is none the header took (the data's either) and holds figures below the header. */
function freeFigures(sheet: GridSheet, header: HeaderMatch, k: number): boolean {
  return k >= 0 && !Object.values(header.columns).includes(k) && cellsHolding(sheet, header.headerBottom + 1, k, holdsFigure) > 0;
}

/** A label naming a year alone: "Năm 2024", "2024". */
const YEAR_LABEL = /^(nam )?(19|20)\d{2}$/;
/** A column labelled a total or a sum ("Tổng số", "Tổng cộng", "Cộng"), taken by no kind, holding figures (freeFigures). */
function totalOfFigures(w: HeaderWindow, header: HeaderMatch): boolean {
  for (let k = 0; k < w.width; k++) if (namesSum(cleanLabel(ownFolded(w, header.headerTop, header.headerBottom, k))) && freeFigures(w.sheet, header, k)) return true;
  return false;
}

/** A flat column right beside the data holding figures (freeFigures). */
const figuresBeside = (sheet: GridSheet, header: HeaderMatch): boolean => [header.columns.data! - 1, header.columns.data! + 1].some((k) => freeFigures(sheet, header, k));

/** Another column of the data's own merged label holding figures (freeFigures). */
function siblingFigures(sheet: GridSheet, header: HeaderMatch, group: Merge | undefined, child: string): boolean {
  if (child === "" || group === undefined || group.s.r !== header.headerTop) return false;
  for (let k = group.s.c; k <= group.e.c; k++) if (freeFigures(sheet, header, k)) return true;
  return false;
}

/**
 * A column that is the data only as an on-time numerator ("Số văn bản ban hành đúng hạn"): with no
 * denominator beside it, it is no data column, as before it named a numerator — its bare count had
 * been read as a percentage ("90" of 125 as "90 %"), exit 0 (WB35-3). The rows then say the
 * figure is missing.
 */
const onTimeAlone = (own: string): boolean => ON_TIME.test(own) && !NUMERATOR_BEFORE_ON_TIME.test(own) && classifyFolded(own.replace(ON_TIME, "").trim()) !== "data";
/**
 * A column whose cells write their own ratio, "125/125" or "98 %", at least as often as a bare
 * count: the data whatever its head ("Số hồ sơ giải quyết đúng hạn" over "125/125", WB38-2) —
 * only a bare count under a flat on-time head has no denominator.
 */
function holdsOwnRatios(sheet: GridSheet, firstRow: number, c: number): boolean {
  const ratios = cellsHolding(sheet, firstRow, c, writesOwnRatio);
  return ratios > 0 && ratios * 2 >= cellsHolding(sheet, firstRow, c, holdsFigure);
}
const NUMERATOR_BEFORE_ON_TIME = /^tu so$|^so\b(?!.*\bdiem\b).*\bdat( duoc)?$/;
/** The header without its column of a kind (and that column's label). */
function withoutColumn(header: HeaderMatch, kind: ColumnKind): HeaderMatch {
  const { [kind]: _column, ...columns } = header.columns;
  const { [kind]: _label, ...labels } = header.labels ?? {};
  return { ...header, columns, labels };
}

/**
 * Beside a flat on-time numerator ("Số hồ sơ giải quyết đúng hạn"), a column counting what was
 * handled at all ("Số hồ sơ đã giải quyết", "Số hồ sơ tiếp nhận") is its denominator: the on-time
 * share of what was handled is the rate (WB33-4). Only a column no other kind took.
 */
function handledBesideOnTime(w: HeaderWindow, header: HeaderMatch, own: string): number | undefined {
  const { headerTop: top, headerBottom: bottom, columns } = header;
  const data = columns.data!;
  if (!ON_TIME.test(own) || namesNotDone(own)) return undefined;
  const taken = new Set(Object.values(columns));
  // Past the early count before it ("Số hồ sơ đã giải quyết" | "Trước hạn" | "Đúng hạn").
  const early = earlyFor(w, top, bottom, data);
  // Or written last, past the late counts and shares after it ("Đúng hạn" | "Trễ hạn" | "Số hồ sơ đã giải quyết").
  let last = data + 1;
  while (last < w.width && !taken.has(last) && countsPart(w, top, bottom, last)) last++;
  for (const k of [data + 1, data - 1, ...(early !== undefined ? [early - 1] : []), ...(last > data + 1 && handledCount(ownFolded(w, top, bottom, last)) ? [last] : [])]) {
    if (k < 0 || k >= w.width || taken.has(k)) continue;
    const folded = ownFolded(w, top, bottom, k);
    const label = cleanLabel(folded);
    if (!ON_TIME.test(label) && !namesNotDone(folded) && (namesHandled(label) || namesWhole(label) || countedOnTime(label, own)) && classifyFolded(label) === null) return k;
  }
  return undefined;
}

/**
 * Beside a count whose qualifier names what was done ("Số lượng đạt", "Số lượng thực hiện"), the
 * bare head word ("Số lượng", "Số liệu") is the whole it is counted against (WB35-5: the count
 * alone had been read as a percentage). Only a flat column no other kind took.
 */
function bareHeadBeside(w: HeaderWindow, header: HeaderMatch, own: string, written: string): number | undefined {
  const { headerTop: top, headerBottom: bottom, columns } = header;
  const data = columns.data!;
  const qualifier = qualifierOf(own);
  if (qualifier === "" || namesNotDone(own) || !(NUMERATOR.test(qualifier) || namesResult(qualifier, written))) return undefined;
  const taken = new Set(Object.values(columns));
  for (const k of [data + 1, data - 1]) {
    if (k < 0 || k >= w.width || taken.has(k) || (bottom > top && !w.continuesMergeFromAbove(bottom, k) && w.folded(bottom)[k] !== "")) continue;
    if (`${cleanLabel(ownFolded(w, top, bottom, k))} ` === headOf(own)) return k;
  }
  return undefined;
}

/**
 * The count an on-time label counts part of, named as its own head: "Số văn bản ban hành" beside
 * "Số văn bản ban hành đúng hạn", "Số hồ sơ" beside "Số hồ sơ giải quyết đúng hạn", "Số TTHC"
 * beside "Số TTHC đúng hạn" — the whole of which the on-time ones are a part (WB35-3).
 */
const countedOnTime = (label: string, onTime: string): boolean => /^so \S/.test(label) && onTime.startsWith(`${label} `);

/**
 * A self-score, data or rate column that won on its period ("Cả năm", "Lần 2 (sau rà soát)") but
 * holds nothing — the first round's workbook before the review, a mid-year one — gives way to the
 * latest period column of its kind holding scores or figures (of equal claim but for the period),
 * once per header found.
 */
function settlePeriod(sheet: GridSheet, header: HeaderMatch, kind: ColumnKind, periodColumns: readonly PeriodColumn[]): HeaderMatch {
  const own = periodColumns.filter((p) => p.kind === kind);
  const won = own.find((p) => p.c === header.columns[kind]);
  const firstRow = header.headerBottom + 1;
  const holds = kind === "self" ? undefined : holdsFigure;
  if (!won || won.claim[PERIOD_SLOT] === 0 || cellsHolding(sheet, firstRow, won.c, holds) > 0) return header;
  const equalButPeriod = (claim: number[]) => claim.every((v, i) => i === PERIOD_SLOT || v === won.claim[i]);
  const filled = own.filter((p) => p !== won && equalButPeriod(p.claim) && cellsHolding(sheet, firstRow, p.c, holds) > 0);
  if (filled.length === 0) return header;
  const latest = filled.reduce((a, b) => (b.claim[PERIOD_SLOT]! >= a.claim[PERIOD_SLOT]! ? b : a));
  return { ...header, columns: { ...header.columns, [kind]: latest.c }, labels: { ...header.labels, [kind]: latest.label } };
}

/** A year typed alone ("2024") or a date: what a column of years or dates holds, never a declared figure. */
const yearOrDate = (cell: GridCell | undefined): boolean =>
  (typeof cell?.v === "number" && (isDateFormat(cell.z) || (Number.isInteger(cell.v) && cell.v >= 1900 && cell.v <= 2100))) || (typeof cell?.v === "string" && /^\s*(19|20)\d{2}\s*$/.test(cell.v));

/**
 * A column labelled only with the set's year ("Năm 2024") is the declared data where the table
 * has no other and it holds figures (at least two: rates, a/b) and no year or date — a column of
 * the years or days things were done stays unread.
 */
function settleYearColumn(sheet: GridSheet, w: HeaderWindow, header: HeaderMatch, c: number | undefined): HeaderMatch {
  if (c === undefined || header.columns.data !== undefined) return header;
  const firstRow = header.headerBottom + 1;
  if (cellsHolding(sheet, firstRow, c, holdsFigure) < 2 || cellsHolding(sheet, firstRow, c, yearOrDate) > 0) return header;
  const label = w.raw(header.headerBottom)[c] || w.raw(header.headerTop)[c]!;
  return { ...header, columns: { ...header.columns, data: c }, labels: { ...header.labels, data: label } };
}

/** The header found, settled once (never for each row tried): its self-score, data and rate columns by period, a year's column, then its data column and denominator. */
function settle(sheet: GridSheet, w: HeaderWindow, reading: HeaderReading): HeaderMatch {
  const { wholes, dataTies, periodColumns, yearColumn, ...header } = reading;
  const byPeriod = PERIODIC_KINDS.reduce((h, kind) => settlePeriod(sheet, h, kind, periodColumns), header as HeaderMatch);
  return withPartsOfTotal(w, wholes, withRateNotDone(w, withOtherSelf(sheet, withPlanDenominator(w, settleData(sheet, w, settleYearColumn(sheet, w, byPeriod, yearColumn), dataTies, wholes)), periodColumns)));
}

/**
 * A bare share of what was done early ("Trước hạn" | "Tỷ lệ (%)", or under "Trước hạn"), or of
 * what was done on the day where the early count is added to it: a part of the rate asked, never
 * the rate — the national portal's statistics had scored the early share, 40 % for 90 % (0 points,
 * nothing said). The counts are read instead.
 */
function sharesPartOnTime(w: HeaderWindow, header: HeaderMatch, subject: string): boolean {
  const label = cleanLabel(subject);
  return EARLY.test(label) || (ON_TIME.test(label) && header.dataEarly !== undefined);
}

/** HeaderMatch.rateNotDone, from the rate column's own label less its "Tỷ lệ" ("Tỷ lệ trễ hạn (%)" = 2 had scored 2 % for 98 %). */
function withRateNotDone(w: HeaderWindow, header: HeaderMatch): HeaderMatch {
  const rate = header.columns.rate;
  if (rate === undefined) return header;
  const { headerTop: top, headerBottom: bottom } = header;
  const own = ownFolded(w, top, bottom, rate);
  // A bare "Tỷ lệ (%)" under a group label is the group's rate: "Hồ sơ trễ hạn" over "Số lượng" | "Tỷ lệ (%)".
  const bare = bareShare(own);
  const label = bottom > top && bare ? w.folded(top)[rate]! : own;
  // Its subject: the group label it stands under, or the count before it (under a group over many columns, that count's).
  if (bare && rate > 0 && (sharesPartOnTime(w, header, label) || sharesPartOnTime(w, header, stateFolded(w, top, bottom, rate - 1)))) return withoutColumn(header, "rate");
  if (rateLabelNamesNotDone(label)) return { ...header, rateNotDone: true };
  return bare && !rateLabelNamesNotDone(cleanLabel(label)) && rate > 0 && namesNotDone(ownFolded(w, top, bottom, rate - 1)) ? { ...header, rateBesideNotDone: true } : header;
}

/** A rate label's own word for a rate (folded), before what it is a rate of. */
const RATE_WORD = /^\s*(ty le|%)\s*/;
/** A rate's label (folded) naming the share not done or late: "Tỷ lệ trễ hạn", "Tỷ lệ hồ sơ chưa giải quyết". */
const rateLabelNamesNotDone = (folded: string): boolean => namesNotDone(folded.replace(RATE_WORD, ""));
/**
 * A criterion's title (folded) that itself asks for the late or undone cases, or for what was
 * done about them ("Tỷ lệ hồ sơ trễ hạn có văn bản xin lỗi"): a rate column labelled by them is
 * its share as written, never turned round.
 */
export const titleAsksNotDone = (folded: string): boolean => APOLOGY.test(folded) || rateLabelNamesNotDone(folded);

/**
 * The first other self-score column of a claim equal to the read one's in every slot but the
 * word "Điểm" (HeaderMatch.otherSelf): that word picks which of two rounds is read ("Điểm tự đánh
 * giá" | "Tự đánh giá"), never which is the final one, so the two are still unordered (WB38-9).
 */
const SAYS_POINTS_SLOT = PERIOD_SLOT + 2;
function withOtherSelf(sheet: GridSheet, header: HeaderMatch, periodColumns: readonly PeriodColumn[]): HeaderMatch {
  const won = periodColumns.find((p) => p.kind === "self" && p.c === header.columns.self);
  // A column of remarks in words ("Tự đánh giá" over "Hoàn thành", "Đạt") is no round: only one holding a score (WB40-8).
  const scored = (c: number) => cellsHolding(sheet, header.headerBottom + 1, c) > 0;
  const tie = won && periodColumns.find((p) => p.kind === "self" && p !== won && p.claim.every((v, i) => v === won.claim[i] || i === SAYS_POINTS_SLOT) && scored(p.c));
  return tie ? { ...header, otherSelf: tie.c } : header;
}

function headerScore(match: HeaderMatch): number {
  const { columns } = match;
  if (columns.title === undefined || (columns.self === undefined && columns.max === undefined)) return 0;
  return Object.keys(columns).length;
}

/**
 * Does a sheet's first rows hold a criteria table's header (findHeader)? What the add-in's
 * Excel reader is told, to read that sheet in full past its first rows (addin/src/host.ts).
 */
export function holdsCriteriaHeader(window: GridSheet, year?: number): boolean {
  return findHeader(window, year) !== null;
}

/**
 * The best header in the first rows of the sheet (or in the rows from `from` on), or null;
 * `unit`, the set's unit type, tells its own score column from another level's.
 */
export function findHeader(sheet: GridSheet, year?: number, from = 0, unit?: UnitType): HeaderMatch | null {
  const rows = Math.min(sheet.rows.length, from + HEADER_WINDOW_ROWS + 1);
  // As wide as the window's own rows: a long row far below does not widen the search.
  const w = new HeaderWindow(sheet, rows, rowsWidth(sheet, from, rows));
  let best: HeaderReading | null = null;
  let bestScore = 0;
  // A header on a hidden row (last year's table kept hidden above this year's) loses to any visible one.
  let bestHidden = false;
  for (let r = from; r < Math.min(rows, from + HEADER_WINDOW_ROWS); r++) {
    if (best && !bestHidden && bestScore >= 3 && r > best.headerBottom + ROWS_PAST_CONFIDENT_HEADER) break;
    // A header row names at least two columns.
    if (w.filledCells(r) < 2) continue;
    const hidden = isRowHidden(sheet, r);
    if (best && hidden && !bestHidden) continue;
    // A top row with a label merged across columns ("Điểm" over "Tối đa" | "Tự đánh giá")
    // announces a two-row header: it wins a tie against reading the top row alone.
    let spans: boolean | undefined;
    const spansColumns = (): boolean => (spans ??= wideMergeStartsAt(sheet, r) || unmergedGroupAt(sheet, w, r));
    for (const bottom of [r, r + 1]) {
      if (bottom >= rows) continue;
      // No title column possible, score 0: a register's rows beside the table are not read as headers
      // (a 100-row one had cost four times the table's own scoring, issue 17).
      if (!w.mayNameTitle(r) && !(bottom > r && w.mayNameTitle(bottom))) continue;
      if (bottom > r && holdsCriterion(sheet, bottom)) continue;
      const match = mapHeader(w, r, bottom, year, unit);
      const score = headerScore(match);
      const deeper = bottom > r && spansColumns() && best !== null && best.headerTop === r - 1 && best.headerBottom === r && subLabelsUnderGroup(sheet, w, r, bottom);
      const wins = (bestHidden && !hidden) || ((bottom > r && spansColumns() && best?.headerTop === r) || deeper ? score >= bestScore : score > bestScore);
      if (score > 0 && wins) {
        best = match;
        bestScore = score;
        bestHidden = hidden;
      }
    }
  }
  return best && withMergedLabels(sheet, w, codesBehindRunningCount(sheet, w, withLabelColumn(sheet, w, settle(sheet, w, best))));
}

/**
 * A visible "STT" counting the rows (1, 2, 3 …) beside a code column the office hid ("Mã tiêu
 * chí", a lookup key): the codes are the hidden column's (A2-1: the count read as codes had
 * scored 0 of 100). A visible column beats a hidden one of the same kind (claimOf), but a running
 * count holds no codes: only where the STT counts and the hidden column does not.
 */
function codesBehindRunningCount(sheet: GridSheet, w: HeaderWindow, header: HeaderMatch): HeaderMatch {
  const code = header.columns.code;
  if (code === undefined || !isRunningNumber(header.labels.code ?? "")) return header;
  const taken = new Set(Object.values(header.columns));
  const labelAt = (c: number) => w.raw(header.headerBottom)[c] || w.raw(header.headerTop)[c] || "";
  const first = header.headerBottom + 1;
  const last = Math.min(sheet.rows.length, first + 40);
  /** How many of the first rows' cells in a column read as a code: in a code cell's way, or leading a title. */
  const codedCells = (c: number, read: (text: string) => CodeToken | null) => {
    let n = 0;
    for (let r = first; r < last; r++) if (read(cellText(cellAt(sheet, r, c)).trim()) !== null) n++;
    return n;
  };
  // Codes written in the titles ("1.1.1. Ban hành …") are read as before (the running count is no code there):
  // a hidden column of lookup keys or last year's codes beside them is no better (A9-1).
  const title = header.columns.title;
  if (title !== undefined && codedCells(title, (text) => (text === "" ? null : readTitleCode(text))) >= 2) return header;
  for (let c = 0; c < w.width; c++) {
    if (taken.has(c) || !isColumnHidden(sheet, c) || classifyFolded(foldLabel(labelAt(c))) !== "code" || isRunningNumber(labelAt(c))) continue;
    // The hidden column holds codes ("1.1.2"), not keys ("TC01").
    if (codedCells(c, (text) => (text === "" ? null : readCodeCell(text))) < 3) continue;
    const running = runningNumberColumns(sheet, header.headerBottom + 1, [code, c]);
    if (running.length === 1 && running[0] === code) return { ...header, columns: { ...header.columns, code: c }, labels: { ...header.labels, code: labelAt(c) } };
  }
  return header;
}

/**
 * A header of three rows: the second row of the header read so far ("Số liệu kê khai" over
 * "Năm 2024") holds a group merged across columns with labels of their own under it on the next
 * row ("Kế hoạch" | "Thực hiện", "6 tháng" | "Cả năm"). Its two lower rows are then read as the
 * header — a label merged down from the top row is read on them as written — and win a tie: read
 * from the two upper rows, the group's first column (the plan, the mid-year figure) was taken
 * for the data and the row of sub-labels passed over as a row without a code (a commune's 68,42 %
 * became 100 %, silently). A row of column numbers is no such row.
 */
function subLabelsUnderGroup(sheet: GridSheet, w: HeaderWindow, r: number, bottom: number): boolean {
  if (isColumnNumberRow(sheet, bottom)) return false;
  for (let c = 0; c < w.width; c++) {
    const group = w.merge(r, c);
    if (!group || group.s.r !== r || group.s.c !== c || group.e.c === c || group.e.r !== r) continue;
    let labels = 0;
    for (let k = c; k <= Math.min(group.e.c, w.width - 1); k++) if (w.folded(bottom)[k] !== "" && !w.continuesMergeFromAbove(bottom, k)) labels++;
    if (labels >= 2) return true;
  }
  return false;
}

/**
 * For each column whose top cell is blank and unmerged right of a group label typed in one cell
 * (unmergedGroupAt's shape: every cell of the run labelled in the row below), the group label's
 * column: "Điểm tự đánh giá" in F only over "Lần 1" | "Lần 2", "Tự đánh giá" in D over "Số liệu" |
 * "Điểm" — the sub-labels read under it as under the merge (WB35-2: "Lần 2" alone had been no
 * self-score and round 1 was scored in silence; WB35-6: "Điểm" under an unmerged group, 0 / 100).
 */
function unmergedGroups(w: HeaderWindow, top: number, bottom: number): (number | undefined)[] {
  const out: (number | undefined)[] = [];
  const labelled = (c: number) => w.folded(bottom)[c] !== "" && !w.continuesMergeFromAbove(bottom, c);
  for (let c = 0; c + 1 < w.width; c++) {
    if (w.folded(top)[c] === "" || w.merge(top, c) || !labelled(c)) continue;
    for (let k = c + 1; k < w.width && w.raw(top)[k] === "" && !w.merge(top, k) && labelled(k); k++) out[k] = c;
  }
  return out;
}

/**
 * A group label typed in one cell and not merged over the sub-columns it heads ("Kết quả tự đánh
 * giá" in E only, centred across E:F — "Center Across Selection", or a copy that lost its merges):
 * a labelled top-row cell with a blank, unmerged cell right of it, over a next row whose cells
 * under both carry labels of their own. It announces a two-row header as a merge does: read from
 * the top row alone, the group label had taken the self-score and the real scores under "Điểm tự
 * chấm" were lost (WB33-3: a commune's 64,27 / 97 became 0 / 100). A row of column numbers or a
 * criteria row is no such row.
 */
function unmergedGroupAt(sheet: GridSheet, w: HeaderWindow, r: number): boolean {
  const below = r + 1;
  if (below >= w.rows || isColumnNumberRow(sheet, below) || holdsCriterion(sheet, below)) return false;
  const top = w.folded(r);
  const under = w.folded(below);
  for (let c = 0; c + 1 < w.width; c++) {
    if (top[c] === "" || top[c + 1] !== "" || w.raw(r)[c + 1] !== "" || w.merge(r, c) || w.merge(r, c + 1)) continue;
    if (under[c] !== "" && under[c + 1] !== "" && !w.continuesMergeFromAbove(below, c) && !w.continuesMergeFromAbove(below, c + 1)) return true;
  }
  return false;
}

/**
 * A criteria row, never a header's second row: a code and a number on it ("1" | … | 12, or
 * "1. Công tác …" | 12). A label merged across columns with no sub-labels under it ("TT" over
 * three narrow columns) had let the first criteria row be read as the header's bottom row: its
 * field was lost and its numbers taken for labels. A row of column numbers ("1 2 3 …") is not one.
 */
function holdsCriterion(sheet: GridSheet, r: number): boolean {
  const row = sheet.rows[r] ?? [];
  // Most rows of a title block hold no number: they are passed over on this alone.
  if (!row.some((cell) => typeof cell?.v === "number")) return false;
  const coded = row.some((cell) => typeof cell?.v === "string" && cell.v.trim() !== "" && (readCodeCell(cell.v) !== null || readTitleCode(cell.v.trim()) !== null));
  return coded && !isColumnNumberRow(sheet, r);
}

/**
 * Labels merged over several columns (merged-columns.ts): a code split over narrow columns,
 * titles indented across columns, and a self-score label over a remark column and the points
 * (the column holding the numbers is the self-score).
 */
function withMergedLabels(sheet: GridSheet, w: HeaderWindow, header: HeaderMatch): HeaderMatch {
  const { code, title, self } = header.columns;
  const under = (c: number | undefined) => (c === undefined ? [] : columnsUnderLabel(sheet, header, c, w.width));
  const firstRow = header.headerBottom + 1;
  const codeParts = under(code);
  // "STT" over a running number (1, 2, 3 … a row) and the code: the running numbers are no level.
  const running = codeParts.length > 0 ? runningNumberColumns(sheet, firstRow, codeParts) : [];
  const coded = codeParts.filter((c) => !running.includes(c));
  const codeColumns = coded.length > 1 ? coded : [];
  const titleColumns = under(title);
  const selfColumns = under(self);
  if (codeParts.length === 0 && titleColumns.length === 0 && selfColumns.length === 0) return header;
  const out: HeaderMatch = { ...header, columns: { ...header.columns } };
  if (coded.length > 0 && !coded.includes(code!)) out.columns.code = coded[0]!;
  if (codeColumns.length > 0) out.codeColumns = codeColumns;
  if (titleColumns.length > 0) out.titleColumns = titleColumns;
  if (selfColumns.length > 0) out.columns.self = numberColumn(sheet, firstRow, selfColumns, self!);
  // Columns under one self-score label are its remark and its points, never two rounds.
  if (selfColumns.length > 0 && out.otherSelf !== undefined && selfColumns.includes(out.otherSelf)) delete out.otherSelf;
  return out;
}

/**
 * The title column holding labels ("Tiêu chí 1") is the code column; the titles stand beside it.
 * So it is after an STT column that is blank or only numbers the rows (CF2-3), or numbers only
 * the parts the labels leave unlabelled (Roman fields, letters under the criteria: partColumn).
 */
function withLabelColumn(sheet: GridSheet, w: HeaderWindow, header: HeaderMatch): HeaderMatch {
  const { code, title } = header.columns;
  if (title === undefined) return header;
  const points = mappedColumns(header.columns, ["max", "self"]);
  const rows = { passOver: (r: number) => isColumnNumberRow(sheet, r), hasPoints: (r: number) => anyNumberIn(sheet, r, points) };
  const stt = code === undefined ? "row-numbers" : sttBesideLabels(sheet, header.headerBottom + 1, code, title, rows);
  if (stt === null) return header;
  const beside = titleBesideLabels(sheet, header.headerBottom + 1, title, new Set(Object.values(header.columns)));
  if (beside === null) return header;
  const label = w.raw(header.headerBottom)[beside] || w.raw(header.headerTop)[beside]!;
  const read: HeaderMatch = { ...header, columns: { ...header.columns, code: title, title: beside }, labels: { ...header.labels, code: header.labels.title, title: label } };
  return stt === "parts" ? { ...read, partColumn: code! } : read;
}

export interface TableRow {
  /** 0-based sheet row. */
  r: number;
  token: CodeToken | null;
  code: string | null;
  title: string;
  /**
   * Rows under a coded row with neither code nor title but a value of their own (evidence,
   * score, data, note): a criterion written over several rows — one document a row, or its
   * score typed on the last row of the block.
   */
  more?: number[];
}

export interface LocatedTable {
  sheet: GridSheet;
  header: HeaderMatch;
  rows: TableRow[];
  /** The "Tổng cộng / Tổng điểm" row, when the table has one (0-based sheet row). */
  totalsRow?: number;
  /** A sheet with no header of its own read with the columns of the table before it (continuedTable). */
  continues?: true;
}

/**
 * A totals line: the whole label is "Tổng cộng", "Tổng điểm (I+II+…)", "Cộng" …, or a part's
 * subtotal naming the part: "Cộng lĩnh vực 2", "Cộng điểm lĩnh vực II", "Cộng mục 2", "Điểm lĩnh
 * vực 2", "Cộng II", "Cộng điểm", and a lettered part's "Cộng phần A", "Cộng điểm phần A" (IMP7-11)
 * (never "Cộng đồng …", "Điểm thưởng, điểm trừ": no part's number).
 */
const TOTALS =
  /^(tong cong|tong so diem|tong diem|tong so|tong|cong( diem)?)\s*(\(.*\))?\s*[:.]?\s*$|^(tong cong|tong so diem|tong diem)\b|^(cong( diem)?( (linh vuc|muc|phan))?|(diem|tong) (linh vuc|muc|phan)) ([ivxl]+|\d{1,2})\s*([:.(]|$)|^(cong|tong)( diem)? phan [a-e]\s*([:.(]|$)/;
/**
 * The grand total: "Tổng cộng", "Tổng điểm", alone or with its sum ("Tổng điểm (I+II+III)",
 * "TỔNG CỘNG (A+B)"). Any other totals line — "Cộng", "Cộng (I)", "Tổng điểm lĩnh vực 1",
 * "TỔNG ĐIỂM TỰ ĐÁNH GIÁ", "Tổng điểm (chưa tính điểm thưởng, điểm trừ)" — may be a part's.
 */
const GRAND_TOTAL = /^(tong cong|tong so diem|tong diem|tong so|tong)\s*(\([^)]*\+[^)]*\))?\s*[:.]?\s*$|^cong\s*\([^)]*\+[^)]*\)\s*[:.]?\s*$/;
/** Whether a line's words label a total or a part's subtotal ("Cộng", "Cộng lĩnh vực 2", "Tổng điểm lĩnh vực I", "Điểm lĩnh vực 2"). */
export function labelsTotal(text: string): boolean {
  return TOTALS.test(foldText(text.slice(0, 80)).trim());
}
/** A totals line naming one part ("Cộng lĩnh vực 2", "Tổng điểm lĩnh vực I", "Cộng II"): a subtotal even as the table's last line, never checked as the grand total. */
const NAMES_A_PART = /\b(linh vuc|muc|phan)\s+([ivxl]+|\d{1,2})\b|\bphan\s+[a-e]\b|^cong( diem)?\s+([ivxl]+|\d{1,2})\b/;
/**
 * A totals line naming several parts: "TỔNG CỘNG (Phần I + Phần II)", "Tổng điểm (Mục I + Mục II)",
 * "Tổng điểm các lĩnh vực 1 - 8", "… lĩnh vực 1 đến 8", "… lĩnh vực I, II": the grand total.
 */
const NAMES_PARTS = /\+|\bcac\b|\bden\b|\b([ivxl]+|\d{1,2})\s*[-–,;]\s*([ivxl]+|\d{1,2})\b/;
/** "Tổng cộng" and anything but one part's name right after it ("Tổng cộng phần B" is a part's). */
const TONG_CONG_GRAND = /^tong cong\b(?!( diem)? (linh vuc|muc|phan) ([ivxl]+|\d{1,2}|[a-d])\b)/;
/**
 * A part's subtotal, never checked as the grand total: a totals line naming one part ("Cộng lĩnh
 * vực 2", "Tổng điểm lĩnh vực I", "Cộng II") — not one naming several or starting "Tổng cộng".
 */
const namesOnePart = (first: string): boolean => NAMES_A_PART.test(first) && !NAMES_PARTS.test(first) && !TONG_CONG_GRAND.test(first);
const NOTES = /^(ghi chu|luu y|chu thich)\s*[:.(]?/;
const SIGNATURE = /^(nguoi lap( bieu)?|thu truong( don vi)?|xac nhan( cua)?|(pho )?chu tich|(pho )?giam doc|truong phong|noi nhan|kt\.?|tm\.?|ky ten|lanh dao don vi|can bo (lap|tong hop))\s*[:.]?\s*($|ubnd|uy ban|so |phong |don vi)|\bngay\s*\d{1,2}\s*thang\s*\d{1,2}\s*nam\s*\d{4}\s*$|\bngay\s*\.+\s*thang/;
/**
 * What a signature line never holds: points ("Chủ tịch UBND xã trực tiếp đối thoại: 3 điểm" is an
 * option line) or a document's number ("Kế hoạch số 08/KH-UBND ngày 22 tháng 01 năm 2024" is evidence).
 */
const NOT_A_SIGNATURE = /\d\s*diem\b|\d\/[a-z]|\bso\s*\d/;

/**
 * A document's closing block, never a line inside a table: "Nơi nhận:", "TM. Ủy ban nhân dân",
 * "KT. Chủ tịch", "Người lập biểu", "Ký tên". It ends the table whatever follows (an appendix of
 * documents numbered 1, 2 … with counts is no criteria).
 */
const CLOSING = /^(noi nhan|nguoi lap( bieu)?|ky ten|(tm|kt)\.?\s+(uy ban|ubnd|chu tich|giam doc|thu truong|so |phong ))/;

/** A signature line (folded prefix): the signer's title, or the place and date above it. */
const isSignature = (first: string): boolean => SIGNATURE.test(first) && !NOT_A_SIGNATURE.test(first);

function firstText(sheet: GridSheet, r: number): string {
  const row = sheet.rows[r] ?? [];
  for (const cell of row) {
    const text = cellText(cell ?? undefined).trim();
    if (text) return text;
  }
  return "";
}

/**
 * A row of column numbers under the header: "1 2 3 …" or "(1) (2) …" or "A B C", a number showing
 * how its column is computed: "7=3-6", "4=5/6", "(4)=(5):(6)", "4=5×6", "(4)=(5)/(6)x100%".
 */
export function isColumnNumberRow(sheet: GridSheet, r: number): boolean {
  const texts = (sheet.rows[r] ?? []).map((cell) => cellText(cell ?? undefined).trim()).filter(Boolean);
  if (texts.length < 3 || !texts.every((t) => /^\(?(\d{1,2}|[A-Z])\)?(\s*[=+x×*/:-]\s*\(?\d{1,3}\)?%?)*$/.test(t))) return false;
  // They count upwards: 1 2 3 … or A B C …, never "1 A 1 1" (a short data row).
  const leads = texts.map((t) => /^\(?(\d{1,2}|[A-Z])/.exec(t)![1]!);
  const numbers = leads.filter((l) => /\d/.test(l)).map(Number);
  const letters = leads.filter((l) => /[A-Z]/.test(l)).map((l) => l.charCodeAt(0));
  const increasing = (xs: number[]) => xs.every((x, i) => i === 0 || x > xs[i - 1]!);
  return increasing(numbers) && increasing(letters);
}

/** What a row of column numbers starts with ("1", "(1)", "A"): most rows are passed over on this alone. */
const COLUMN_NUMBER_LEAD = /^\(?(\d{1,2}|[A-Z])\)?$/;

function hasValue(cell: GridCell | undefined): boolean {
  return !isBlankCell(cell);
}

/** Read the criteria rows of a sheet under a header (`known`: see resolveCodes). */
export function readTableRows(sheet: GridSheet, header: HeaderMatch, known?: SetCodes): TableRow[] {
  return readTable(sheet, header, known).rows;
}

/** Columns a row's values are read from, of the kinds the header maps (hoisted out of the row loop). */
function mappedColumns(columns: ColumnMap, kinds: readonly ColumnKind[]): number[] {
  return kinds.flatMap((k) => {
    const c = columns[k];
    return c === undefined ? [] : [c];
  });
}

const anyValueIn = (sheet: GridSheet, r: number, columns: readonly number[]): boolean => columns.some((c) => hasValue(cellAt(sheet, r, c)));
/** A number in one of the columns: points, where a signature's "CHỦ TỊCH UBND XÃ" under the score column is none. */
const anyNumberIn = (sheet: GridSheet, r: number, columns: readonly number[]): boolean => columns.some((c) => readCellNumber(cellAt(sheet, r, c)).kind === "number");

/**
 * A row naming a title column and a points column ("Tiêu chí" | "Điểm tối đa", or a summary's
 * short "TT | Lĩnh vực | Điểm"): a header, never a criterion.
 */
function namesColumns(sheet: GridSheet, r: number): boolean {
  const kinds = new Set<ColumnKind | null>();
  let plainScore = false;
  for (const cell of sheet.rows[r] ?? []) {
    const text = cellText(cell ?? undefined).trim();
    if (text === "" || text.length > MAX_LABEL_LENGTH) continue;
    const kind = classifyLabel(text);
    kinds.add(kind);
    if (kind === null && PLAIN_SCORE.test(cleanLabel(foldText(text)))) plainScore = true;
  }
  return kinds.has("title") && (kinds.has("max") || kinds.has("self") || plainScore);
}

/** How the table writes its fields, read from its first coded row: "I", "II" … or "1", "2" … */
type FieldWriting = "roman" | "number" | undefined;

const fieldNumber = (token: CodeToken): number | null => (token.kind === "roman" ? token.n : token.kind === "dotted" && /^\d+$/.test(token.code) ? Number(token.code) : null);

function fieldWritingOf(token: CodeToken | null): FieldWriting {
  return token?.kind === "roman" ? "roman" : token && fieldNumber(token) !== null ? "number" : undefined;
}

/**
 * A code not read yet — also when written the other way: under a table whose fields are "1" … "8",
 * a summary's "I" is field 1 again (and "1" under fields "I" … "VIII"), so a summary by field or
 * last year's table below a notes line is not taken for more criteria. Criteria numbered locally
 * under Roman fields ("I", "1", "2", "II") keep their new field "II" new.
 */
function unseen(token: CodeToken, seen: ReadonlySet<string>, fields: FieldWriting): boolean {
  if (seen.has(tokenKey(token))) return false;
  const n = fieldNumber(token);
  if (n === null || fields === undefined) return true;
  return !seen.has(fields === "roman" ? `roman:${n}` : `d:${n}`);
}

/** Equal tokens, equal keys: a token's fields joined (cheaper than JSON per row of a 10⁵-row table). */
function tokenKey(token: CodeToken): string {
  switch (token.kind) {
    case "dotted":
      return `d:${token.code}`;
    case "word":
      return `w:${token.level}:${token.label}`;
    default:
      return `${token.kind}:${token.n}`;
  }
}

/**
 * A part's subtotal that repeats the part's code in the code cell: "I | Cộng lĩnh vực I" after
 * field I's criteria, "1 | Cộng" under fields "I" … (the number written the other way), "2 | Tổng
 * điểm lĩnh vực 2" — a totals line, never a second row of the field (DUPLICATE_CRITERION). Its
 * title labels a total and its code was read already, or the title names one part.
 */
function repeatsPartCode(token: CodeToken, title: string, seen: ReadonlySet<string>, fields: FieldWriting): boolean {
  if (title === "") return false;
  // Folding every coded row's title had tripled a scoring's cost: its first word first (every
  // total label starts "Tổng", "Cộng" or "Điểm").
  if (!TOTAL_FIRST_LETTERS.test(title) || !TOTAL_FIRST_WORD.test(foldText(title.slice(0, 8)))) return false;
  const folded = foldText(title.slice(0, 80));
  return TOTALS.test(folded) && (!unseen(token, seen, fields) || namesOnePart(folded));
}

const TOTAL_FIRST_WORD = /^(tong|cong|diem)/;
/** Its first two letters, unfolded (NFC or NFD): "To…", "Cộ…", "Đi…" — most titles end the test here. */
const TOTAL_FIRST_LETTERS = /^\s*(?:[tTcC][oOòóỏõọôồốổỗộơờớởỡợÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢ]|[dDđĐðÐ][iIìíỉĩịÌÍỈĨỊ])/;

/** Rows looked at past a row that may end the table (notes and a signature block are short). */
const LOOK_AHEAD_ROWS = 12;

/**
 * Whether a criteria row follows within a few rows: a code not seen yet, with points. Stops
 * at a totals line or a signature, which end the table whatever comes after them, and at a
 * header (the next table's: a detailed table under a summary by field).
 */
function tableGoesOn(sheet: GridSheet, columns: RowColumns, from: number, seen: ReadonlySet<string>, pointColumns: readonly number[], fields: FieldWriting, known?: ReadonlySet<string>): boolean {
  const until = Math.min(sheet.rows.length, from + LOOK_AHEAD_ROWS);
  for (let r = from; r < until; r++) {
    const firstRaw = firstText(sheet, r);
    if (firstRaw === "") continue;
    const { token } = readRowCode(sheet, columns, r, seen);
    if (!token) {
      const first = foldText(firstRaw.slice(0, 80));
      // A part's subtotal has the next part's row under it: passed over.
      if ((TOTALS.test(first) && GRAND_TOTAL.test(first)) || isSignature(first) || namesColumns(sheet, r)) return false;
      continue;
    }
    if (known && !(token.kind === "dotted" && known.has(token.code))) continue;
    if (unseen(token, seen, fields) && anyValueIn(sheet, r, pointColumns)) return true;
  }
  return false;
}

/** A code cell holding a number (General format), where 2.10 is stored as 2.1; never a date, which keeps both parts. */
function typedAsNumber(cell: GridCell | undefined): boolean {
  return typeof cell?.v === "number" && !isDateFormat(cell.z);
}

/**
 * A code Excel turned into a date as it was typed ("1.1" → 1 January, "2.10" → 2 October,
 * day first as Vietnamese writes dates): read back as day.month. Null for any other cell,
 * and for a year before 2010 (a three-part code "2.1.1" became 2 January 2001: not read).
 */
function dateCode(cell: GridCell | undefined): string | null {
  if (typeof cell?.v !== "number" || !isDateFormat(cell.z)) return null;
  const iso = serialDate(cell.v);
  if (iso === null || Number(iso.slice(0, 4)) < 2010) return null;
  return `${Number(iso.slice(8, 10))}.${Number(iso.slice(5, 7))}`;
}

/** "2.1" typed as a number right after 2.9 is 2.10 (and "2.2" after 2.19 is 2.20): Excel dropped the zero. */
function tenthCode(token: CodeToken, lastChild: ReadonlyMap<string, number>): CodeToken {
  const m = token.kind === "dotted" ? /^(\d+)\.(\d)$/.exec(token.code) : null;
  if (!m) return token;
  const tenth = Number(m[2]) * 10;
  return lastChild.get(m[1]!) === tenth - 1 ? { kind: "dotted", code: `${m[1]}.${tenth}` } : token;
}

/** Kept for two-part codes only: the ones tenthCode reads back. */
function noteChild(code: string, lastChild: Map<string, number>): void {
  const at = code.indexOf(".");
  if (at > 0 && code.indexOf(".", at + 1) < 0) lastChild.set(code.slice(0, at), Number(code.slice(at + 1)));
}

/**
 * Whether the first filled row from `from` on is the grand total ("Cộng" closing the last field,
 * then "Tổng cộng"): the line before it is the last part's subtotal, and the grand total is checked.
 */
function grandTotalFollows(sheet: GridSheet, from: number): boolean {
  const until = Math.min(sheet.rows.length, from + LOOK_AHEAD_ROWS);
  for (let r = from; r < until; r++) {
    const text = firstText(sheet, r);
    if (text === "") continue;
    const first = foldText(text.slice(0, 80));
    return TOTALS.test(first) && GRAND_TOTAL.test(first);
  }
  return false;
}

/**
 * Whether the first filled row from `from` on carries a code not seen yet, with criteria with
 * points from there on (a field row of bonuses and deductions may have none of its own).
 */
function nextRowGoesOn(sheet: GridSheet, columns: RowColumns, from: number, seen: ReadonlySet<string>, pointColumns: readonly number[], fields: FieldWriting): boolean {
  const until = Math.min(sheet.rows.length, from + LOOK_AHEAD_ROWS);
  for (let r = from; r < until; r++) {
    if (firstText(sheet, r) === "") continue;
    const { token } = readRowCode(sheet, columns, r, seen);
    return token !== null && unseen(token, seen, fields) && tableGoesOn(sheet, columns, r, seen, pointColumns, fields);
  }
  return false;
}

/**
 * An unlabelled row's Roman numeral or list letter in the STT beside labels ("I", "a", or "I.
 * CÔNG TÁC …" written across), or a whole number on a row with points ("1", "2" under a blank
 * "Tiêu chí 1": its options as letters would be; sttBesideLabels keeps such a column the codes
 * when the labels' rows are numbered too). A number on a row with no points is a note.
 */
function partOf(text: string, title: string, hasPoints: boolean): { token: CodeToken; title: string } | null {
  if (text === "") return null;
  const own = readCodeCell(text);
  if (own?.kind === "roman" || own?.kind === "letter") return { token: own, title };
  if (own?.kind === "dotted" && /^\d+$/.test(own.code) && hasPoints) return { token: { kind: "letter", n: Number(own.code) }, title };
  const lead = title === "" ? readTitleCode(text) : null;
  return lead?.kind === "roman" ? { token: lead, title: stripTitleCode(text) } : null;
}

/**
 * A row's title and code: the code column's, else the title's own (read here only when the
 * code column has none; readTable reads the others after its loop, and only when the code
 * column may be a running number).
 */
function readRowCode(
  sheet: GridSheet,
  at: RowColumns,
  r: number,
  seen: ReadonlySet<string>,
): { title: string; codeToken: CodeToken | null; titleToken: CodeToken | null; token: CodeToken | null; codeCell: GridCell | undefined } {
  const { columns } = at;
  const level = at.levels?.get(r);
  // A code split over columns under one label: the levels read down to this row, else its first filled code cell.
  const codeColumn = at.codeParts ? (level === undefined ? firstCodeCell(sheet, r, at.codeParts) : undefined) : columns.code;
  const codeCell = codeColumn !== undefined ? cellAt(sheet, r, codeColumn) : undefined;
  const codeText = dateCode(codeCell) ?? cellText(codeCell);
  let title = at.titleParts ? firstTitleText(sheet, r, at.titleParts) : columns.title !== undefined ? cellText(cellAt(sheet, r, columns.title)).trim() : "";
  let codeToken: CodeToken | null = level !== undefined ? { kind: "dotted", code: level } : codeText.trim() ? readCodeCell(codeText) : null;
  // A field row typed whole in the code cell and merged across the table ("I. CÔNG TÁC CHỈ
  // ĐẠO, ĐIỀU HÀNH"): its code leads the text, its title is the rest — a code not seen yet, so
  // that a numbered note right under the table ("1. Số liệu tính đến…") stays a note. A spelled
  // label going on in words on a row with no points is a note here too, as in the title (RD29-2).
  if (codeToken === null && title === "" && codeText.trim()) {
    const lead = titleCodeOf(sheet, columns, r, codeText.trim());
    if (lead && !seen.has(tokenKey(lead))) (codeToken = lead), (title = stripTitleCode(codeText));
  }
  if (codeToken === null && at.partColumn !== undefined) {
    const part = partOf(cellText(cellAt(sheet, r, at.partColumn)).trim(), title, anyNumberIn(sheet, r, mappedColumns(columns, ["max", "self"])));
    if (part) (codeToken = part.token), (title = part.title);
  }
  const titleToken = codeToken === null && title ? titleCodeOf(sheet, at.columns, r, title) : null;
  return { title, codeToken, titleToken, token: codeToken ?? titleToken, codeCell };
}

/**
 * A title's (or a whole label cell's) leading code — but a label spelled with "số"/"thứ" going on in words is a line of
 * text on a row with no points ("Chỉ tiêu thứ ba tuyên truyền trên loa" under 1.3 is no 1.3
 * again), a title on a row with them ("Tiêu chí số 1 về kế hoạch …", RD28-1).
 */
function titleCodeOf(sheet: GridSheet, columns: ColumnMap, r: number, title: string): CodeToken | null {
  const token = readTitleCode(title);
  if (token?.kind !== "word" || !spelledLabelGoesOn(title)) return token;
  return anyNumberIn(sheet, r, mappedColumns(columns, ["max", "self"])) ? token : null;
}

/**
 * Where a row's code and title are read: the mapped columns and, under a code or title label
 * merged over several columns, all of them (`levels`: the codes of a code split one level a
 * column, see levelCodes).
 */
interface RowColumns {
  columns: ColumnMap;
  codeParts?: readonly number[] | undefined;
  titleParts?: readonly number[] | undefined;
  levels?: ReadonlyMap<number, string> | null;
  partColumn?: number | undefined;
}

function rowColumns(sheet: GridSheet, header: HeaderMatch): RowColumns {
  const { codeColumns, titleColumns, partColumn } = header;
  if (!codeColumns && !titleColumns) return { columns: header.columns, partColumn };
  return { columns: header.columns, codeParts: codeColumns, titleParts: titleColumns, levels: codeColumns ? levelCodes(sheet, codeColumns, header.headerBottom + 1) : null, partColumn };
}

interface ReadRow {
  r: number;
  token: CodeToken | null;
  title: string;
  /** The code read from the title; read only when needed (see readTable). */
  titleToken?: CodeToken | null;
  /** The token came from the title (the code column had none). */
  fromTitle: boolean;
  more?: number[];
}

function readTable(sheet: GridSheet, header: HeaderMatch, known?: SetCodes): Pick<LocatedTable, "rows" | "totalsRow"> {
  const { columns: mapped } = header;
  const columns = rowColumns(sheet, header);
  const valueColumns = mappedColumns(mapped, ["max", "self", "data", "rate", "evidence"]);
  const pointColumns = mappedColumns(mapped, ["max", "self"]);
  /** What a row under a criterion written over several rows may hold for it (TableRow.more). */
  const rowValueColumns = mappedColumns(mapped, ["evidence", "self", "data", "rate", "note"]);
  const dataColumns = mappedColumns(mapped, ["data", "rate"]);
  let totalsRow: number | undefined;
  const rows: ReadRow[] = [];
  let start = header.headerBottom + 1;
  if (isColumnNumberRow(sheet, start)) start++;
  const seenTokens = new Set<string>();
  let lastCoded: ReadRow | null = null;
  /** The last child number read under each dotted code ("2" → 9 after 2.9). */
  const lastChild = new Map<string, number>();
  let gapSinceLastRow = false;
  let fields: FieldWriting;
  for (let r = start; r < sheet.rows.length; r++) {
    const firstRaw = firstText(sheet, r);
    if (firstRaw === "") {
      if (rows.length > 0) gapSinceLastRow = true;
      continue;
    }
    // A table pasted from Word or a PDF repeats its header, and the row of column numbers under
    // it, at each page: the numbers are not fields "1", "2" … again (DUPLICATE_CRITERION). The
    // repeated labels are harmless: a row without a code, scored nowhere.
    if (COLUMN_NUMBER_LEAD.test(firstRaw) && isColumnNumberRow(sheet, r)) continue;
    const read = readRowCode(sheet, columns, r, seenTokens);
    const { title, titleToken } = read;
    const codeToken = read.codeToken && typedAsNumber(read.codeCell) ? tenthCode(read.codeToken, lastChild) : read.codeToken;
    const token = codeToken ?? read.token;
    if (token?.kind === "dotted") noteChild(token.code, lastChild);
    // End markers never carry a criterion code; a signature or note line carries no points.
    // They sit at the start of a short line: fold only a prefix of long cells.
    const subtotal = token !== null && repeatsPartCode(token, title, seenTokens, fields);
    const first = subtotal ? foldText(title.slice(0, 80)) : token ? "" : foldText(firstRaw.slice(0, 80));
    if ((!token || subtotal) && TOTALS.test(first)) {
      // A subtotal ("Tổng điểm lĩnh vực 1", "Cộng") has the next field's row right under it; the
      // grand total ("Tổng cộng", "Tổng điểm (I+II+III)") ends the table whatever follows.
      const goesOn =
        rows.length > 0 &&
        ((!GRAND_TOTAL.test(first) && (nextRowGoesOn(sheet, columns, r + 1, seenTokens, pointColumns, fields) || grandTotalFollows(sheet, r + 1))) ||
          // Criteria of the set with points, not read yet, below it: the bonus and deduction section
          // typed after the total ("TỔNG ĐIỂM (I+…+VIII)", then "IX Điểm thưởng, điểm trừ", 9.1 …,
          // "TỔNG ĐIỂM CUỐI CÙNG"), or a "Tổng số" line inside a criterion's breakdown by commune. The
          // table goes on, and the last totals line is the one checked. (Only codes the set knows:
          // anything else under a grand total — a summary, last year's table — is not read.)
          (known !== undefined && tableGoesOn(sheet, columns, r + 1, seenTokens, pointColumns, fields, known.all)));
      if (goesOn) {
        // The "Cộng" / "Tổng số" line closing a criterion's breakdown by commune ("- Xã Điềm He |
        // 2500/2560" …) holds the criterion's own data when its row left it blank (TableRow.more).
        if (lastCoded !== null && rows.at(-1) !== lastCoded && rows.at(-1)?.token === null && anyValueIn(sheet, r, dataColumns)) (lastCoded.more ??= []).push(r);
        continue;
      }
      // Several parts summed ("Tổng điểm (các lĩnh vực 1 - 6)") with more fields under them is a
      // subtotal, passed over above; as the table's last line it is the grand total, checked.
      if (!namesOnePart(first)) totalsRow ??= r;
      if (rows.length === 0) continue; // a totals row printed right under the header
      break;
    }
    // A notes line or a signature ends the table when no criterion with points follows it: inside
    // the table such a line explains ("Ghi chú: Tỷ lệ = …", "Lưu ý: Đơn vị chỉ nhập …" under the header).
    if (!token && isSignature(first) && CLOSING.test(first) && !anyNumberIn(sheet, r, pointColumns)) break;
    if (!token && (NOTES.test(first) || isSignature(first)) && !anyNumberIn(sheet, r, pointColumns) && !tableGoesOn(sheet, columns, r + 1, seenTokens, pointColumns, fields)) break;
    const key = token ? tokenKey(token) : null;
    // Numbered notes under the table after a gap ("1. Số liệu tính đến…") carry no values —
    // unless the table goes on below: a blank row before an option line ("- Ban hành trước
    // ngày 15/01: 1 điểm") does not end it when a row with a code not seen yet and points follows.
    if (gapSinceLastRow && (!key || seenTokens.has(key)) && !anyValueIn(sheet, r, valueColumns) && !tableGoesOn(sheet, columns, r + 1, seenTokens, pointColumns, fields)) break;
    if (!title && !token) {
      if (lastCoded && anyValueIn(sheet, r, rowValueColumns)) (lastCoded.more ??= []).push(r);
      continue;
    }
    const row: ReadRow = codeToken === null ? { r, token, title, titleToken, fromTitle: true } : { r, token, title, fromTitle: false };
    rows.push(row);
    if (token) {
      if (lastCoded === null) fields = fieldWritingOf(token);
      lastCoded = row;
    }
    if (key) seenTokens.add(key);
    gapSinceLastRow = false;
  }
  // The code column is authoritative, unless it is only a running number (STT 1, 2, 3 …)
  // while the titles carry the real dotted codes.
  const codeColumnIsRunningNumber = rows.every((row) => row.fromTitle || (row.token?.kind === "dotted" && !row.token.code.includes(".")));
  const titleTokenOf = (row: ReadRow): CodeToken | null => (row.titleToken !== undefined ? row.titleToken : (row.titleToken = row.title ? readTitleCode(row.title) : null));
  const titlesCarryCodes =
    codeColumnIsRunningNumber &&
    rows.some((row) => {
      const t = titleTokenOf(row);
      return (t?.kind === "dotted" && t.code.includes(".")) || t?.kind === "word";
    });
  const tokens = rows.map((row) => (titlesCarryCodes ? titleTokenOf(row) : row.token));
  const codes = resolveCodes(tokens, known);
  const located = rows.map((row, i): TableRow => {
    const out: TableRow = { r: row.r, token: tokens[i] ?? null, title: row.title, code: codes[i] ?? null };
    if (row.more) out.more = row.more;
    return out;
  });
  return totalsRow === undefined ? { rows: located } : { rows: located, totalsRow };
}

/** Columns a scoring header should have and this one lacks: a reason to ask the user. */
export function missingColumns(header: HeaderMatch): ColumnKind[] {
  return (["code", "max", "self", "evidence", "data", "note"] as const).filter((k) => header.columns[k] === undefined);
}

/** Tables looked for on one sheet, one under another (a summary above the detailed table, two years). */
const MAX_TABLES_PER_SHEET = 4;

/**
 * Header and rows of every criteria table (`known`: see resolveCodes). A sheet may hold
 * several, one under another — a summary by field ("Bảng tổng hợp") above the detailed table,
 * last year's above this year's: after each table the search goes on below it, and
 * selectTables chooses among them as among sheets. A header the user confirmed is the
 * sheet's one table.
 */
export function locateCriteriaTables(sheets: GridSheet[], year?: number, confirmed: ConfirmedHeader[] = [], known?: SetCodes, unit?: UnitType): LocatedTable[] {
  const tables: LocatedTable[] = [];
  for (const sheet of sheets) {
    const own = confirmed.find((c) => c.sheet === sheet.name);
    if (own) {
      const header: HeaderMatch = { headerTop: own.headerTop, headerBottom: Math.max(own.headerTop, own.headerBottom), columns: own.columns, labels: {} };
      const table = header.columns.title === undefined ? null : readTable(sheet, header, known);
      if (table && table.rows.length > 0) tables.push({ sheet, header, ...table });
      continue;
    }
    const before = tables.length;
    for (let from = 0, n = 0; n < MAX_TABLES_PER_SHEET && from < sheet.rows.length; n++) {
      const header = findHeader(sheet, year, from, unit);
      if (!header || header.columns.title === undefined) break;
      const table = readTable(sheet, header, known);
      if (table.rows.length > 0) tables.push({ sheet, header, ...table });
      from = Math.max(header.headerBottom, table.totalsRow ?? 0, table.rows[table.rows.length - 1]?.r ?? 0) + 1;
    }
    if (tables.length === before && known && before > 0) {
      const next = continuedTable(sheet, tables, known);
      if (next) tables.push(next);
    }
  }
  if (known) numberFieldSheets(tables, known);
  return tables;
}

/**
 * A sheet with no header of its own continuing the table of the sheet before it ("Trang 2"
 * after "Trang 1", the table cut at a page, with at most the row of column numbers repeated):
 * read with that table's columns. Only when it holds criteria of the set with points, none read
 * on any sheet before it and all of them after the last one the previous table reached — a
 * guidance or summary sheet repeats codes already read, and last year's would start again.
 */
function continuedTable(sheet: GridSheet, before: readonly LocatedTable[], known: SetCodes): LocatedTable | null {
  if (sheet.hidden) return null;
  const previous = before[before.length - 1]!;
  const header: HeaderMatch = { ...previous.header, headerTop: 0, headerBottom: -1 };
  const table = readTable(sheet, header, known);
  const order = setOrder(known);
  const codes = table.rows.map((r) => r.code).filter((c): c is string => c !== null && order.has(c));
  if (codes.length < 2) return null;
  const pointColumns = mappedColumns(header.columns, ["max", "self"]);
  if (!table.rows.some((r) => anyNumberIn(sheet, r.r, pointColumns))) return null;
  const read = new Set(before.flatMap((t) => t.rows.map((r) => r.code)));
  if (codes.some((c) => read.has(c))) return null;
  const reached = Math.max(...previous.rows.map((r) => (r.code !== null ? (order.get(r.code) ?? -1) : -1)));
  if (reached < 0 || codes.some((c) => order.get(c)! <= reached)) return null;
  return { sheet, header, ...table, continues: true };
}

/**
 * Whether a sheet's first rows (the add-in's header window) may be a table continued from the
 * sheet before it (continuedTable): at least two rows whose first filled cell, in the first
 * columns, is a dotted code ("3.3", "4.1"). The add-in then reads such a sheet in full, as it
 * reads a table sheet, so that the pane scores what the CLI scores.
 */
export function mayContinueTable(sheet: GridSheet): boolean {
  let coded = 0;
  for (const row of sheet.rows.slice(0, HEADER_WINDOW_ROWS)) {
    const first = row.slice(0, 4).find((cell) => !isBlankCell(cell ?? undefined));
    const token = first ? readCodeCell(cellText(first)) : null;
    if (token?.kind === "dotted" && token.code.includes(".") && ++coded >= 2) return true;
  }
  return false;
}

/** Each code of the set by its place in the set (the order SetCodes lists them in). */
const setOrders = new WeakMap<SetCodes, Map<string, number>>();
function setOrder(known: SetCodes): Map<string, number> {
  let order = setOrders.get(known);
  if (!order) setOrders.set(known, (order = new Map([...known.all].map((c, i) => [c, i]))));
  return order;
}
