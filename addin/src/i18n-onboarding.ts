import type { Locale } from "../../shared/index.ts";
import type { Refusal } from "./submit.ts";

/**
 * Words of going live (issue 16): the first run with an activation code, choosing the
 * period, the settings a civil servant sees, and the admin's and reviewer's flows (codes to
 * hand out, units from a sheet, a criteria set from a decision's table). Vietnamese first.
 */
const vi = {
  firstRun: {
    title: "Kích hoạt Chỉ số CCHC",
    intro: "Nhập mã kích hoạt mà cơ quan thường trực cải cách hành chính của tỉnh gửi cho đơn vị. Mỗi mã dùng một lần; sau đó add-in nhớ đơn vị trên máy này.",
    /** The same on the web checker, which is a page, not an add-in. */
    introPage: "Nhập mã kích hoạt mà cơ quan thường trực cải cách hành chính của tỉnh gửi cho đơn vị. Mỗi mã dùng một lần; sau đó trang này nhớ đơn vị trên máy này.",
    code: "Mã kích hoạt",
    codeHint: "10 ký tự, dạng ABCD-EFGH-JK (không phân biệt chữ hoa, chữ thường).",
    activate: "Kích hoạt",
    activating: "Đang kích hoạt…",
    advanced: "Nâng cao",
    server: "Địa chỉ máy chủ (chỉ khi phát triển)",
    token: "Mã truy cập (dành cho quản trị và người thẩm định)",
    tokenHint: "Mã truy cập do quản trị hệ thống cấp cho người thẩm định hoặc quản trị; đơn vị chỉ cần mã kích hoạt.",
    useToken: "Dùng mã truy cập",
    emptyToken: "Chưa nhập mã truy cập.",
    emptyCode: "Chưa nhập mã kích hoạt.",
    codeLength: "Mã kích hoạt gồm 10 ký tự (ví dụ ABCD-EFGH-JK): kiểm tra lại.",
    /** `typed`: the characters typed that no code has, each quoted (A4-11: "letters and digits… no U" contradicted itself). */
    codeCharacters: (typed: string) => `Mã kích hoạt không có ký tự ${typed}: mã chỉ gồm chữ số 0–9 và chữ cái A–Z trừ chữ U (ví dụ ABCD-EFGH-JK). Kiểm tra lại.`,
    codeVietnamese: (letters: string) =>
      `Mã vừa gõ có chữ tiếng Việt (${letters}): bộ gõ tiếng Việt (Unikey, EVKey) đã đổi các phím của mã. Chuyển bộ gõ sang chế độ tiếng Anh (E) rồi gõ lại mã.`,
  },
  activated: (unit: string) => `Đã kích hoạt cho ${unit}.`,
  signedIn: (who: string) => `Đã đăng nhập: ${who}.`,
  periodReady: (label: string) => `${label}. Bộ tiêu chí đã sẵn sàng: mở bảng tự đánh giá và bấm "Kiểm tra & chấm điểm".`,
  noOpenPeriod: "Hiện chưa có kỳ đánh giá nào đang mở cho đơn vị. Kỳ đánh giá do tỉnh mở; đơn vị chưa cần làm gì cho đến khi tỉnh mở kỳ.",
  choosePeriod: "Có nhiều kỳ đánh giá đang mở: chọn kỳ cần làm rồi bấm Lưu.",
  noPeriodChosen: "Chưa chọn kỳ đánh giá: mở Cài đặt để chọn.",
  periodsUnread: {
    rejected: "Chưa đọc được danh sách kỳ đánh giá vì đăng nhập trên máy này không còn hiệu lực: danh sách hiện lại sau khi đơn vị kích hoạt lại bằng mã mới. Điều này không có nghĩa là chưa có kỳ nào mở.",
    offline: "Chưa đọc được danh sách kỳ đánh giá (mất mạng hoặc máy chủ không trả lời): mở lại Cài đặt khi có mạng. Điều này không có nghĩa là chưa có kỳ nào mở.",
  },
  keptPeriod: (label: string) => `Kỳ đã chọn trên máy này: ${label}.`,
  noOpenPeriodSubmit: "Chưa có kỳ đánh giá nào mở cho đơn vị: chưa nộp được cho đến khi tỉnh mở kỳ.",
  /** After noOpenPeriodSubmit, only where the server has a set of the unit's level to check against (A4-2). */
  checkDraftFirst: "Bấm Kiểm tra để tự rà soát bảng tính trước.",
  noOpenPeriodChecked: (set: string) => `Chưa có kỳ đánh giá nào mở cho đơn vị: đã kiểm tra theo bộ tiêu chí mới nhất đã ban hành cho cấp của đơn vị (${set}) để tự rà soát; chưa nộp được cho đến khi tỉnh mở kỳ.`,
  noOpenPeriodNoSet: "Chưa có kỳ đánh giá nào mở cho đơn vị, và máy chủ chưa có bộ tiêu chí nào đã ban hành cho cấp của đơn vị: chưa kiểm tra được cho đến khi tỉnh mở kỳ.",
  noPeriodToConsolidate: "Chưa có kỳ đánh giá nào để tổng hợp ở các cấp mà mã truy cập này phụ trách.",
  submitUnitsOnly: "Chỉ đơn vị nộp báo cáo: mã của người thẩm định hoặc quản trị dùng để kiểm tra và tổng hợp, không nộp thay đơn vị.",
  signInInvalid: {
    code: 'Đăng nhập trên máy này không còn hiệu lực (mã truy cập đã hết hạn, bị thu hồi hoặc không đúng): bấm "Kích hoạt bằng mã khác" và nhập mã kích hoạt mới do cơ quan thường trực CCHC của tỉnh cấp.',
    token: 'Đăng nhập trên máy này không còn hiệu lực (mã truy cập đã hết hạn, bị thu hồi hoặc không đúng): bấm "Kích hoạt bằng mã khác" rồi dán mã truy cập mới trong phần Nâng cao.',
  },
  notActivated: "Chưa kích hoạt: nhập mã kích hoạt của đơn vị (do cơ quan thường trực CCHC của tỉnh cấp), kỳ đánh giá và bộ tiêu chí sẽ được chọn sẵn.",
  criteriaNotLoaded: "Đã lưu kỳ đánh giá nhưng chưa tải được bộ tiêu chí.",
  roles: { unit: "đơn vị", reviewer: "người thẩm định", admin: "quản trị" },
  settings: {
    title: "Cài đặt",
    account: "Tài khoản",
    who: (unit: string, role: string) => `${unit} (${role})`,
    wholeProvince: "toàn tỉnh",
    unknown: "Chưa rõ đơn vị (mã truy cập đã lưu)",
    period: "Kỳ đánh giá",
    periodsLoading: "Đang tải các kỳ đánh giá đang mở…",
    save: "Lưu",
    saved: (label: string) => `Đã lưu: ${label}.`,
    reactivate: "Kích hoạt bằng mã khác",
    signOut: "Đăng xuất khỏi máy này",
    signedOut: "Đã xóa mã truy cập khỏi máy này.",
    mappingTitle: "Cách đọc cột của bảng tính này",
    help: "Hướng dẫn các loại quy tắc chấm điểm",
    language: "Ngôn ngữ",
  },
  admin: {
    open: "Quản trị",
    back: "Quay lại",
  },
  help: {
    title: "Các loại quy tắc chấm điểm",
    intro: "Mỗi tiêu chí trong bộ tiêu chí được chấm theo một quy tắc. Dưới đây là các loại quy tắc và một ví dụ cho mỗi loại.",
    example: "Ví dụ",
  },
  input: {
    notWorkbook: (file: string) => `Tệp "${file}" không phải bảng tính Excel (.xlsx, .xls): chọn đúng tệp bảng tự đánh giá rồi thử lại.`,
    unsupportedFormat: (file: string, extension: string) => `Tệp .${extension} ("${file}") chưa được hỗ trợ: mở bằng Excel, chọn Lưu thành (Save As) Sổ làm việc Excel (.xlsx) rồi chọn tệp .xlsx đó.`,
    passwordProtected: (file: string) => `Tệp "${file}" được đặt mật khẩu nên không đọc được: mở bằng Excel, bỏ mật khẩu (Tệp > Thông tin > Bảo vệ sổ làm việc > Mã hóa bằng mật khẩu, để trống), lưu lại rồi chọn lại tệp.`,
    readerSaid: (file: string, why: string) => `Tệp "${file}": ${why}.`,
    emptyWorkbook: "Bảng tính này trống: mở bảng tự đánh giá của đơn vị (có các tiêu chí và điểm) rồi kiểm tra lại.",
    noCriteriaTable: "Không có bảng tiêu chí ở đây: bảng tính này không có bảng tự đánh giá (cần các cột mã hoặc tên tiêu chí và điểm). Mở đúng bảng tự đánh giá rồi kiểm tra lại.",
    badCriteria: (file: string) => `Tệp "${file}" không phải bộ tiêu chí hợp lệ: dùng tệp .json do máy chủ hoặc lệnh parindex tạo ra.`,
    badCachedCriteria: "Bộ tiêu chí lưu trên máy này bị hỏng: vào Cài đặt, bấm Lưu để tải lại từ máy chủ.",
    wrongUnit: (typed: string) => `Không có đơn vị "${typed}" trong danh sách: chọn một tên trong danh sách gợi ý (gõ vài chữ đầu của tên).`,
    technical: "Chi tiết kỹ thuật (gửi cho quản trị nếu lỗi lặp lại)",
  },
  checker: {
    title: "Kiểm tra bảng tự đánh giá Chỉ số CCHC",
    intro: "Dành cho máy có Excel không chạy được add-in (Office 2016, 2019 hoặc add-in bị chặn): chọn tệp bảng tự đánh giá, trang này kiểm tra và chấm điểm ngay trên máy bạn bằng cùng bộ máy chấm điểm với add-in, rồi nộp báo cáo lên máy chủ của tỉnh.",
    pick: "Chọn tệp bảng tính…",
    drop: "hoặc kéo thả tệp .xlsx vào đây",
    opened: (file: string) => `Đang mở: ${file}`,
    download: "Tải báo cáo (.xlsx)",
    downloadName: "ket-qua-kiem-tra",
    preview: "Ô được chọn trong bảng tính",
    workbook: "Bảng tính",
    sheets: "Các trang của bảng tính",
    noFile: "Chưa mở tệp nào.",
    othersIgnored: (ignored: number) => `Đã thả ${ignored + 1} tệp: chỉ mở tệp này, ${ignored} tệp còn lại được bỏ qua (mỗi lần kiểm tra một bảng tính).`,
  },
};
export type OnboardingStrings = typeof vi;

const en: OnboardingStrings = {
  firstRun: {
    title: "Activate PAR Index",
    intro: "Type the activation code the province's administrative-reform office sent your unit. Each code works once; the add-in then remembers your unit on this computer.",
    introPage: "Type the activation code the province's administrative-reform office sent your unit. Each code works once; this page then remembers your unit on this computer.",
    code: "Activation code",
    codeHint: "10 characters, like ABCD-EFGH-JK (upper or lower case).",
    activate: "Activate",
    activating: "Activating…",
    advanced: "Advanced",
    server: "Server address (development only)",
    token: "Access token (administrators and reviewers)",
    tokenHint: "The access token an administrator gives to reviewers and administrators; a unit only needs its activation code.",
    useToken: "Use this token",
    emptyToken: "No access token typed.",
    emptyCode: "No activation code typed.",
    codeLength: "An activation code has 10 characters (e.g. ABCD-EFGH-JK): check it again.",
    codeCharacters: (typed) => `An activation code never has ${typed}: codes use only the digits 0–9 and the letters A–Z except U (e.g. ABCD-EFGH-JK). Check it again.`,
    codeVietnamese: (letters: string) =>
      `The code typed has Vietnamese letters (${letters}): a Vietnamese keyboard (Unikey, EVKey) changed the code's keys. Switch it to English (E) and type the code again.`,
  },
  activated: (unit) => `Activated for ${unit}.`,
  signedIn: (who) => `Signed in: ${who}.`,
  periodReady: (label) => `${label}. The criteria set is ready: open the self-assessment workbook and press "Check & score".`,
  noOpenPeriod: "No assessment period is open for your unit yet. The province opens it; there is nothing for your unit to do until then.",
  choosePeriod: "Several assessment periods are open: choose the one to work on, then Save.",
  noPeriodChosen: "No assessment period chosen: open Settings to choose one.",
  periodsUnread: {
    rejected: "The list of assessment periods cannot be read because the sign-in on this computer is no longer valid: it shows again once the unit activates with a new code. This does not mean that no period is open.",
    offline: "The list of assessment periods cannot be read (offline, or the server did not answer): open Settings again when online. This does not mean that no period is open.",
  },
  keptPeriod: (label) => `Period chosen on this computer: ${label}.`,
  noOpenPeriodSubmit: "No assessment period is open for your unit: nothing can be submitted until the province opens one.",
  checkDraftFirst: "Press Check to review the workbook first.",
  noOpenPeriodChecked: (set) => `No assessment period is open for your unit: checked against the newest published criteria set of your unit's level (${set}) for your own review; nothing can be submitted until the province opens a period.`,
  noOpenPeriodNoSet: "No assessment period is open for your unit, and the server has no published criteria set for your unit's level: nothing can be checked until the province opens a period.",
  noPeriodToConsolidate: "There is no assessment period to consolidate at the levels this token covers yet.",
  submitUnitsOnly: "Only units submit reports: a reviewer's or administrator's token checks and consolidates, it does not submit for a unit.",
  signInInvalid: {
    code: 'The sign-in on this computer is no longer valid (the token has expired, was revoked or is wrong): press "Activate with another code" and type the new activation code from the province\'s PAR office.',
    token: 'The sign-in on this computer is no longer valid (the token has expired, was revoked or is wrong): press "Activate with another code", then paste a new access token under Advanced.',
  },
  notActivated: "Not activated yet: type your unit's activation code (from the province's PAR office); the period and criteria set are then chosen for you.",
  criteriaNotLoaded: "The period is saved but its criteria set could not be loaded.",
  roles: { unit: "unit", reviewer: "reviewer", admin: "administrator" },
  settings: {
    title: "Settings",
    account: "Account",
    who: (unit, role) => `${unit} (${role})`,
    wholeProvince: "whole province",
    unknown: "Unit not known yet (an access token is saved)",
    period: "Assessment period",
    periodsLoading: "Loading the open assessment periods…",
    save: "Save",
    saved: (label) => `Saved: ${label}.`,
    reactivate: "Activate with another code",
    signOut: "Sign out on this computer",
    signedOut: "The access token was removed from this computer.",
    mappingTitle: "How this workbook's columns are read",
    help: "Help on the kinds of scoring rules",
    language: "Language",
  },
  admin: {
    open: "Administration",
    back: "Back",
  },
  help: {
    title: "Kinds of scoring rules",
    intro: "Each criterion of a criteria set is scored by one rule. The kinds of rules, with an example of each:",
    example: "Example",
  },
  input: {
    notWorkbook: (file) => `"${file}" is not an Excel workbook (.xlsx, .xls): pick the self-assessment workbook and try again.`,
    unsupportedFormat: (file, extension) => `.${extension} files ("${file}") are not supported yet: open it in Excel, Save As an Excel Workbook (.xlsx) and pick that .xlsx file.`,
    passwordProtected: (file) => `"${file}" is protected by a password and cannot be read: open it in Excel, remove the password (File > Info > Protect Workbook > Encrypt with Password, leave it empty), save, and pick the file again.`,
    readerSaid: (file, why) => `"${file}": ${why}.`,
    emptyWorkbook: "This workbook is empty: open your unit's self-assessment workbook (criteria and scores) and check again.",
    noCriteriaTable: "No criteria table here: this workbook holds no self-assessment table (it needs criterion codes or titles and points). Open the self-assessment workbook and check again.",
    badCriteria: (file) => `"${file}" is not a valid criteria set: use a .json file made by the server or by parindex.`,
    badCachedCriteria: "The criteria set saved on this computer is damaged: open Settings and press Save to load it again from the server.",
    wrongUnit: (typed) => `There is no unit "${typed}" in the list: pick a name from the suggestions (type its first letters).`,
    technical: "Technical details (send them to the administrator if it happens again)",
  },
  checker: {
    title: "Check a PAR Index self-assessment",
    intro: "For computers whose Excel cannot run add-ins (Office 2016, 2019, or add-ins blocked): pick the self-assessment workbook; this page checks and scores it on your computer with the same engine as the add-in, then submits the report to the province's server.",
    pick: "Pick a workbook…",
    drop: "or drop an .xlsx file here",
    opened: (file) => `Open: ${file}`,
    download: "Download the report (.xlsx)",
    downloadName: "check-results",
    preview: "The selected cell in the workbook",
    workbook: "Workbook",
    sheets: "The workbook's sheets",
    noFile: "No file open yet.",
    othersIgnored: (ignored) => `${ignored + 1} files dropped: only this one is open, the other ${ignored} ignored (one workbook is checked at a time).`,
  },
};

export const ONBOARDING_STRINGS: Record<Locale, OnboardingStrings> = { vi, en };

/** Why a workbook is refused (submit.ts Refusal), in one sentence that says what to do. */
export function refusalText(refusal: Refusal, locale: Locale): string {
  const t = ONBOARDING_STRINGS[locale].input;
  return refusal === "empty" ? t.emptyWorkbook : t.noCriteriaTable;
}
