import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { scoreWorkbook, type EvidenceRegister, type Locale, type RegisterDocument } from "../../shared/index.ts";
import { headline } from "../../shared/plan-messages.ts";
import { readWorkbookBytes } from "../../xlsx/sheetjs-grid.ts";
import { APPRAISAL_STRINGS } from "../src/i18n-appraisal.ts";
import { REVIEW_STARTED_STRINGS } from "../src/i18n-review-started.ts";
import { registerHtml } from "../src/pane/register-view.ts";
import { fixFirstHtml, wrongSetHtml } from "../src/pane/report-view.ts";
import { openWorkbookFile } from "../src/web/open-workbook.ts";
import { loadFixtureSet } from "./fake-worker.ts";

/**
 * The third outside audit of the pane and the web checker (A4, /tmp/audit-4): what the pane's
 * rendering and words get wrong, checked on the HTML the pane draws, Vietnamese first.
 */
const commune = loadFixtureSet("fixtures/criteria/demo-commune-2024.json");
const district = readWorkbookBytes(new Uint8Array(readFileSync("fixtures/workbooks/district-ratio-problems.xlsx")));
if (!district.ok) throw new Error(district.message);

describe("A4-1: a workbook of another level, checked with the period's set", () => {
  it.each<[Locale, string, string]>([
    ["vi", "hãy mở bảng tự đánh giá của chính đơn vị mình", "hãy chọn đúng bộ tiêu chí"],
    ["en", "self-assessment workbook, for the period&#39;s level", "choose the right set"],
  ])("is said first, unfolded, in the pane's words (%s)", (locale, says, never) => {
    const report = scoreWorkbook(district.grid, commune, { locale });
    expect(report.findings.some((f) => f.code === "WRONG_CRITERIA_SET")).toBe(true);
    const banner = wrongSetHtml(report, locale);
    expect(banner).toContain('data-testid="wrong-set"');
    expect(banner).not.toContain("<details");
    expect(banner).toContain(says);
    expect(banner).not.toContain(never);
    // Not folded again among the warnings.
    expect(fixFirstHtml(report, locale, new Map(), null)).not.toContain('data-code="WRONG_CRITERIA_SET"');
  });

  it("draws nothing for a workbook of the set's own level", () => {
    const report = scoreWorkbook(district.grid, loadFixtureSet("fixtures/criteria/demo-district-2024.json"));
    expect(wrongSetHtml(report, "vi")).toBe("");
  });
});

describe("A4-6: a file that is not a workbook, renamed .xlsx", () => {
  it.each<[Locale, RegExp]>([
    ["vi", /tệp là văn bản Word được đặt tên như tệp Excel, không phải bảng tính: chọn đúng tệp bảng tự đánh giá/],
    ["en", /a Word document named as a workbook, not an Excel workbook: pick the self-assessment workbook itself/],
  ])("is said as the CLI says it, with what to do (%s)", async (locale, causes) => {
    // A Word document is a zip the reader finds no workbook in.
    const zip = await import("fflate");
    const docx = zip.zipSync({ "[Content_Types].xml": zip.strToU8("<Types/>"), "word/document.xml": zip.strToU8("<w:document/>") });
    const file = new File([docx], "bao-cao-word.xlsx");
    const opened = await openWorkbookFile(file, locale);
    expect(opened.ok).toBe(false);
    expect(!opened.ok && opened.text).toMatch(causes);
    // The reader's own words, as the CLI and the Worker say them.
    const read = readWorkbookBytes(docx);
    expect(!read.ok && (locale === "vi" ? read.vi : read.message)).toMatch(causes);
  });
});

/** How deep the brackets go in a sentence. */
function bracketDepth(s: string): number {
  let depth = 0;
  let max = 0;
  for (const c of s) {
    if (c === "(") max = Math.max(max, ++depth);
    if (c === ")") depth--;
  }
  return max;
}

describe("A4-7: the unit's file and its period, with one level of brackets", () => {
  const unit = "Xã An Lộc (Huyện An Bình)";
  const period = { vi: "Kỳ đánh giá năm 2024 — cấp xã, hạn nộp 17:00 ngày 31/01/2027 (đã gia hạn)", en: "Assessment period 2024 — commune level, due 17:00 31/01/2027 (extended)" };
  it.each<Locale>(["vi", "en"])("in every stage and every refusal (%s)", (locale) => {
    const stages = APPRAISAL_STRINGS[locale].stage;
    const sentences = [
      stages.submitted(unit, period[locale]),
      stages.under_review(unit, period[locale], 1),
      stages.returned_for_explanation(unit, period[locale]),
      stages.explained(unit, period[locale]),
      stages.final(unit, period[locale]),
      ...Object.values(REVIEW_STARTED_STRINGS[locale]).map((f) => f(unit, period[locale])),
    ];
    for (const s of sentences) expect(bracketDepth(s), s).toBeLessThanOrEqual(1);
    const said = { vi: "Hồ sơ của Xã An Lộc (Huyện An Bình), kỳ đánh giá năm 2024 — cấp xã, hạn nộp 17:00 ngày 31/01/2027 (đã gia hạn): đã nộp; tỉnh chưa bắt đầu thẩm định.", en: "The file of Xã An Lộc (Huyện An Bình), assessment period 2024 — commune level, due 17:00 31/01/2027 (extended): submitted; the province has not started the review yet." };
    expect(stages.submitted(unit, period[locale])).toBe(said[locale]);
  });
});

describe("A4-8: English counts and Vietnamese document titles", () => {
  const doc: RegisterDocument = { key: "qd-12", kind: "Quyết định", number: "12", symbol: "QĐ-UBND", dates: [], criteria: ["1.1"], cells: ["'TĐG'!E5"], citations: [], flags: [], messages: { vi: [], en: [] } };
  const register: EvidenceRegister = { criteriaSet: "demo", period: { from: "2024-01-01", to: "2024-12-31" }, documents: [doc], counts: { documents: 1, citations: 1, DATE_CONFLICT: 0, OUT_OF_PERIOD: 0, DATE_INVALID: 0, NO_NUMBER: 0, NO_DATE: 0, UNRECOGNISED: 0 } };

  it("keeps a document's Vietnamese title whole, and counts one document as one", () => {
    const en = registerHtml(register, "en", true);
    expect(en).toContain("Quyết định số 12/QĐ-UBND");
    expect(en).not.toContain("no. 12");
    expect(en).toContain("1 document, 0 to review");
    expect(registerHtml(register, "vi", true)).toContain("Quyết định số 12/QĐ-UBND");
    expect(registerHtml({ ...register, documents: [doc, { ...doc, key: "b" }] }, "en", false)).toContain("2 documents, 0 to review");
  });

  it("says one criterion left as one, not \"all 1 criteria\"", () => {
    const plan = { targetPercent: 90, currentPercent: 70, shortfall: 20, alreadyReached: false, reachable: false, items: [{ code: "1.1" }], resultingPercent: 76 };
    expect(headline(plan, "en")).toBe("90 % cannot be reached by fixes in the unit's hands: fixing the one criterion left gives 76 %.");
    expect(headline({ ...plan, items: [{ code: "1.1" }, { code: "1.2" }] }, "en")).toContain("fixing all 2 criteria gives 76 %");
    expect(headline(plan, "vi")).toContain("khắc phục tất cả (1 tiêu chí)");
  });
});
