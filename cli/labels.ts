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
    skippedNotXlsx: (file: string) => `bỏ qua ${file}: chỉ kiểm tra tệp .xlsx`,
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
    skippedNotXlsx: (file: string) => `skipped ${file}: only .xlsx files are checked`,
    severity: { error: "ERROR", warning: "WARNING", info: "INFO" } satisfies Record<Severity, string>,
  },
} as const satisfies Record<Locale, unknown>;
