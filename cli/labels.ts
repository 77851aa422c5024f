import type { Locale, Severity } from "../shared/index.ts";

/** "1 warning", "2 warnings": English counts take the singular for exactly one. */
const count = (n: number | string, one: string, many: string) => `${n} ${Number(n) === 1 ? one : many}`;

/** Words of the CLI's readable reports, Vietnamese first. */
export const LABELS = {
  vi: {
    set: "Bộ tiêu chí",
    sheet: "Trang tính",
    total: "Tổng điểm",
    index: "Chỉ số",
    band: "Xếp loại",
    selfAssessable: "Điểm tự đánh giá (không gồm điều tra xã hội học)",
    survey: "Điều tra xã hội học",
    surveyNotImported: "chưa nhập điểm điều tra",
    surveyNotCounted: "không tính (chưa có điểm điều tra xã hội học; điểm tối đa của lĩnh vực không tính vào tổng)",
    fields: "Theo lĩnh vực",
    lostPoints: "Vì sao mất điểm",
    lost: (n: string) => `mất ${n} điểm`,
    findings: "Phát hiện",
    noFindings: "Không có lỗi hay cảnh báo.",
    general: "Chung",
    counts: (e: number, w: number, i: number) => `${e} lỗi, ${w} cảnh báo, ${i} thông tin`,
    rank: "Hạng",
    unit: "Đơn vị",
    errors: "Lỗi",
    unreadable: "Không đọc được",
    skippedNotXlsx: (file: string) => `bỏ qua ${file}: chỉ kiểm tra tệp .xlsx — mở tệp bằng Excel, Lưu thành (Save As) "Sổ làm việc Excel (.xlsx)" rồi chạy lại, hoặc kiểm tra riêng tệp này bằng parindex check`,
    severity: { error: "LỖI", warning: "CẢNH BÁO", info: "THÔNG TIN" } satisfies Record<Severity, string>,
  },
  en: {
    set: "Criteria set",
    sheet: "Sheet",
    total: "Total",
    index: "Index",
    band: "Band",
    selfAssessable: "Self-assessable points (without the survey)",
    survey: "Sociological survey",
    surveyNotImported: "survey scores not imported",
    surveyNotCounted: "not counted (no survey scores yet; the field's maximum leaves the total's)",
    fields: "By field",
    lostPoints: "Why points were lost",
    lost: (n: string) => `${count(n, "point", "points")} lost`,
    findings: "Findings",
    noFindings: "No errors or warnings.",
    general: "General",
    counts: (e: number, w: number, i: number) => `${count(e, "error", "errors")}, ${count(w, "warning", "warnings")}, ${i} info`,
    rank: "Rank",
    unit: "Unit",
    errors: "Errors",
    unreadable: "Unreadable",
    skippedNotXlsx: (file: string) => `skipped ${file}: only .xlsx files are checked — open it in Excel, Save As "Excel Workbook (.xlsx)" and run again, or check this file alone with parindex check`,
    severity: { error: "ERROR", warning: "WARNING", info: "INFO" } satisfies Record<Severity, string>,
  },
} as const satisfies Record<Locale, unknown>;

/** An index or sub-index with two decimals, as the index is published ("80,00", "81,45"; "80.00" in English): the report and check-dir alike. */
export const indexText = (x: number, locale: Locale): string => (locale === "vi" ? x.toFixed(2).replace(".", ",") : x.toFixed(2));
