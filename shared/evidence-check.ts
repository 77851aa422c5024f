import type { CriteriaNode } from "./criteria-tree.ts";
import type { FindingInput } from "./messages.ts";
import { datedEvidence, explainsSomething, namesLink } from "./evidence.ts";
import type { GridCell } from "./grid.ts";
import { formatDateVi } from "./values.ts";
import { fromCents } from "./decimal.ts";
import { cleanText, foldText } from "./text.ts";

/**
 * A note saying why a document dated before the period still applies: it is in force ("còn hiệu
 * lực", "đang có hiệu lực", "vẫn còn hiệu lực thi hành"), still applied ("vẫn áp dụng"), or a plan of
 * a span of years that covers the period ("giai đoạn 2021–2025"). Never "hết / không còn / chưa có
 * hiệu lực", "hiệu lực, hiệu quả" nor a span that ended before the period (A9-3). Folded.
 */
const IN_FORCE = /(?<!\b(khong|chua|het) )\b(con|dang co|dang|van con|van) hieu luc\b(?!,? hieu qua)|(?<!\b(khong|chua) )\b(van|con|dang) (duoc )?ap dung\b/;
const YEARS_SPAN = /\bgiai doan (\d{4})\s*[-–—]\s*(\d{4})\b/;
function saysStillApplies(note: string, period: { from: string; to: string }): boolean {
  const folded = foldText(note);
  if (IN_FORCE.test(folded)) return true;
  const span = YEARS_SPAN.exec(folded);
  return span !== null && Number(span[1]) <= Number(period.from.slice(0, 4)) && Number(span[2]) >= Number(period.to.slice(0, 4));
}

export interface EvidenceCheckInput {
  node: CriteriaNode;
  period: { from: string; to: string };
  scoreCents: number;
  evidenceText: string;
  evidenceAddress: string | undefined;
  /** The register entries the evidence text joins, each at its own cell (a cell citing "TL01, TL02"). */
  evidenceEntries?: readonly { text: string; address: string }[] | undefined;
  /** The row's cell in the evidence date column ("Ngày ban hành"), when the table has one. */
  dateCell?: GridCell | undefined;
  dateAddress?: string | undefined;
  noteText: string;
  /** The formula of an evidence cell no program has calculated (saved by a generator): its text is not known. */
  evidenceFormula?: string | undefined;
  /** What the unit wrote when its points are those of "không phát sinh" (the words, not a score it typed). */
  nothingAroseAs?: string | undefined;
}

/**
 * Points without evidence are not accepted: a positive score of a leaf that requires
 * evidence needs a cited document or a written explanation in the note column.
 * Cited documents dated outside the set's period are flagged for the unit to confirm
 * (a resolution from an earlier year may still be in force: a warning, not an error), at
 * the date cell when the date came from the row's date column.
 */
export function checkEvidence(input: EvidenceCheckInput): { accepted: boolean; findings: FindingInput[] } {
  const { node, period } = input;
  const findings: FindingInput[] = [];
  const refs = datedEvidence(input.evidenceText, input.dateCell);
  // The reason an older document still applies, written in the note as the warning asks (A6-5: it had changed nothing).
  const stillApplies = input.noteText !== "" && saysStillApplies(input.noteText, period);
  for (const ref of refs) {
    // A date from the row's date column is pointed at there (it is always recognised).
    // An entry of several cited from the register is pointed at in its own row there.
    const own = input.evidenceEntries?.find((e) => cleanText(e.text).includes(ref.text))?.address;
    const at = { criterion: node.code, cell: ref.dateFromColumn ? input.dateAddress : (own ?? input.evidenceAddress) };
    if (ref.invalidDate) findings.push({ code: "EVIDENCE_DATE_INVALID", ...at, params: { value: ref.text, day: ref.invalidDate.day, month: ref.invalidDate.month, year: ref.invalidDate.year } });
    else if (!ref.recognised) findings.push({ code: "EVIDENCE_UNRECOGNISED", ...at, params: { value: ref.text, link: namesLink(ref.text) ? "yes" : undefined } });
    // Settled only for a document from before the period: one dated after it is mis-dated, whatever the note says.
    else if (stillApplies && ((ref.date !== undefined && ref.date !== null && ref.date < period.from) || (!ref.date && ref.dated && ref.dated.to < period.from))) continue;
    else if (ref.date && (ref.date < period.from || ref.date > period.to)) {
      findings.push({
        code: "EVIDENCE_DATE_OUT_OF_PERIOD",
        ...at,
        params: { value: ref.text, date: formatDateVi(ref.date), from: formatDateVi(period.from), to: formatDateVi(period.to) },
      });
    } else if (!ref.date && ref.dated && (ref.dated.to < period.from || ref.dated.from > period.to)) {
      // Dated only by a month or a year wholly outside the period: outside it whatever the day.
      findings.push({
        code: "EVIDENCE_DATE_OUT_OF_PERIOD",
        ...at,
        params: { value: ref.text, dated: ref.dated.written, datedPlain: ref.dated.plain, from: formatDateVi(period.from), to: formatDateVi(period.to) },
      });
    }
  }
  // A note explains a missing document, unless it says nothing ("Không", "-", "0"); read only
  // when a document is missing (splitting and folding every row's note cost ~5% of a scoring).
  const accepted = !(node.item.evidence?.required && input.scoreCents > 0 && refs.length === 0 && !explainsSomething(input.noteText));
  if (!accepted) {
    findings.push({
      code: "EVIDENCE_MISSING",
      criterion: node.code,
      cell: input.evidenceAddress,
      // A formula never calculated may well cite a document once it is: the message sends the unit to open and save it in Excel, not to type one.
      params: { value: fromCents(input.scoreCents), hint: node.item.evidence?.hint, written: input.nothingAroseAs, formula: input.evidenceFormula },
    });
  }
  return { accepted, findings };
}

