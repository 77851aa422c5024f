import { CSV_BOM, csvLine } from "./excel-csv.ts";
import type { EvidenceRegister, RegisterDocument } from "./evidence-register.ts";
import type { Locale } from "./findings.ts";
import { formatDateVi } from "./values.ts";

/**
 * The evidence register for people: text (flagged documents first, with what to check) and
 * CSV for Excel (excel-csv.ts). Used by `parindex register` and the Worker's
 * GET /v1/submissions/:id/register?format=csv.
 */
const TEXT = {
  vi: {
    title: (file: string) => `Sổ tài liệu kiểm chứng — ${file}`,
    counts: (r: EvidenceRegister) => `${r.counts.documents} tài liệu, ${r.counts.citations} lượt trích dẫn; ${r.counts.DATE_CONFLICT} tài liệu ghi ngày khác nhau, ${r.counts.OUT_OF_PERIOD} tài liệu ngoài kỳ đánh giá`,
    period: (from: string, to: string) => `Kỳ đánh giá: ${from} – ${to}`,
    flagged: "Cần kiểm tra:",
    all: "Tất cả tài liệu:",
    none: "(không có tài liệu nào được trích dẫn)",
    cited: "trích dẫn tại",
    no: "số",
    dated: "ngày",
    more: (n: number) => `và ${n} ô khác`,
    columns: ["STT", "Loại văn bản", "Số/ký hiệu", "Ngày ban hành", "Ngày khác được ghi", "Tiêu chí trích dẫn", "Ô trích dẫn", "Cảnh báo", "Nội dung trích dẫn"],
  },
  en: {
    title: (file: string) => `Evidence register — ${file}`,
    counts: (r: EvidenceRegister) => `${r.counts.documents} documents, ${r.counts.citations} citations; ${r.counts.DATE_CONFLICT} cited with different dates, ${r.counts.OUT_OF_PERIOD} outside the period`,
    period: (from: string, to: string) => `Period: ${from} – ${to}`,
    flagged: "To check:",
    all: "All documents:",
    none: "(no document is cited)",
    cited: "cited at",
    no: "no.",
    dated: "of",
    more: (n: number) => `and ${n} more`,
    columns: ["No.", "Kind", "Number/symbol", "Date issued", "Other dates cited", "Citing criteria", "Citing cells", "Warnings", "Text cited"],
  },
} as const;

/** "307/KH-MTTQ-BTT" as cited ("" when the citation had no number). */
export const documentReference = (d: Pick<RegisterDocument, "number" | "symbol">): string => (d.number !== null ? `${d.number}${d.symbol ? `/${d.symbol}` : ""}` : "");

/** "Kế hoạch số 307/KH-MTTQ-BTT ngày 09/09/2022", as the workbook would cite it. */
function describe(d: RegisterDocument, locale: Locale): string {
  const T = TEXT[locale];
  const ref = documentReference(d);
  // A document's Vietnamese kind keeps its "số" in English too ("Quyết định số 12/QĐ-UBND", A4-8); "no." only without one.
  const name = [d.kind, ref && `${d.kind ? "số" : T.no} ${ref}`].filter(Boolean).join(" ") || (d.citations[0]?.text ?? d.key);
  return d.dates.length ? `${name} ${T.dated} ${d.dates.map(formatDateVi).join(" / ")}` : name;
}

const FEW_CELLS = 5;

export function renderRegister(register: EvidenceRegister, file: string, locale: Locale): string {
  const T = TEXT[locale];
  const lines = [T.title(file), T.period(formatDateVi(register.period.from), formatDateVi(register.period.to)), T.counts(register)];
  const flagged = register.documents.filter((d) => d.messages[locale].length > 0);
  if (flagged.length) {
    lines.push("", T.flagged);
    for (const d of flagged) for (const m of d.messages[locale]) lines.push(`  ${d.criteria.join(", ").padEnd(14)} ${m}`);
  }
  lines.push("", T.all);
  if (register.documents.length === 0) lines.push(`  ${T.none}`);
  for (const [i, d] of register.documents.entries()) {
    const cells = d.cells.length > FEW_CELLS ? `${d.cells.slice(0, FEW_CELLS).join(", ")} ${T.more(d.cells.length - FEW_CELLS)}` : d.cells.join(", ");
    lines.push(`  ${String(i + 1).padStart(3)}. ${describe(d, locale)} — ${d.criteria.join(", ")} (${T.cited} ${cells})`);
  }
  return lines.join("\n");
}

export function registerCsv(register: EvidenceRegister, locale: Locale): string {
  const rows = register.documents.map((d, i) => [
    i + 1,
    d.kind,
    documentReference(d) || null,
    d.dates[0] ? { date: d.dates[0] } : null,
    d.dates.slice(1).map(formatDateVi).join("; ") || null,
    d.criteria.join(", "),
    d.cells.join("; "),
    d.messages[locale].join(" ") || null,
    [...new Set(d.citations.map((c) => c.text))].join(" | "),
  ]);
  return CSV_BOM + csvLine([...TEXT[locale].columns]) + rows.map(csvLine).join("");
}
