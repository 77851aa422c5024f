import type { CriteriaIndex } from "../../../shared/index.ts";
import type { UnitEntry } from "./unit-result.ts";

/**
 * A unit's entry as ranking_units.entry stores it: a JSON array by position instead of the
 * object, the fields' percents in the set's field order (a period never changes its set, so
 * the codes come from it):
 *   [total, max, [field percent or null, …], selfScore, appraisedScore, survey score,
 *    survey max, survey imported 0/1, basis 0/1/2, submitted 0/1]
 * Every rebuild writes one per unit and every build reads them all back: as objects they were
 * ~230 bytes with ~40 quotes, which the write-back's two JSON layers (its row, then D1's
 * request) escape to four bytes each; by position they are a third of that, and made without
 * JSON.stringify. Entries stored as objects before are still read as they are.
 */
const BASES: readonly UnitEntry["basis"][] = ["appraised", "submission", "none"];

/** A number as JSON.stringify writes it (a number that is not finite as null). */
const num = (n: number | null | undefined): string => (typeof n === "number" && Number.isFinite(n) ? String(n) : "null");

export function storedEntry(index: CriteriaIndex, e: UnitEntry): string {
  let fields = "";
  for (const f of index.fields) fields += (fields === "" ? "" : ",") + num(e.fields[f.code]);
  const survey = `${num(e.survey.score)},${num(e.survey.max)},${e.survey.imported ? 1 : 0}`;
  return `[${num(e.total)},${num(e.max)},[${fields}],${num(e.selfScore)},${num(e.appraisedScore)},${survey},${BASES.indexOf(e.basis)},${e.submitted ? 1 : 0}]`;
}

type Stored = [number, number, (number | null)[], number | null, number | null, number, number, 0 | 1, 0 | 1 | 2, 0 | 1];

/** The entry of a stored text, in the key order unitResult makes it (the ranked item is spread from it). */
export function entryOfStored(index: CriteriaIndex, text: string): UnitEntry {
  const stored = JSON.parse(text) as Stored | UnitEntry;
  if (!Array.isArray(stored)) return stored;
  const [total, max, percents, selfScore, appraisedScore, score, surveyMax, imported, basis, submitted] = stored;
  const fields: Record<string, number | null> = {};
  index.fields.forEach((f, k) => (fields[f.code] = percents[k] ?? null));
  return { total, max, fields, selfScore, appraisedScore, survey: { score, max: surveyMax, imported: imported === 1 }, basis: BASES[basis]!, submitted: submitted === 1 };
}
