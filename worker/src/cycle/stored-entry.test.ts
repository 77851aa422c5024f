import { describe, expect, it } from "vitest";
import { CriteriaSetSchema, indexCriteria } from "../../../shared/index.ts";
import { entryOfStored, storedEntry } from "./stored-entry.ts";
import type { UnitEntry } from "./unit-result.ts";

// Field codes out of numeric order in the set: stored by the set's order, read back keyed by code.
const set = CriteriaSetSchema.parse({
  id: "t-entry", title: "Entry", year: 2024, unitType: "commune", period: { from: "2024-01-01", to: "2024-12-31" }, maxPoints: 30,
  bands: [{ label: "Tốt", min: 80 }, { label: "Yếu", min: 0 }],
  items: ["10", "2", "3"].map((code) => ({ code, title: `Lĩnh vực ${code}`, max: 10, children: [{ code: `${code}.1`, title: "Tiêu chí", max: 10, rule: { kind: "manual", step: 0.25 } }] })),
});
const index = indexCriteria(set);
const fieldsOf = (values: (number | null)[]) => Object.fromEntries(index.fields.map((f, k) => [f.code, values[k]!]));

const entries: [string, UnitEntry][] = [
  ["a submission", { total: 21.25, max: 30, fields: fieldsOf([70.83, 100, null]), selfScore: 21.25, appraisedScore: null, survey: { score: 0, max: 0, imported: false }, basis: "submission", submitted: true }],
  ["an appraisal with a survey", { total: 18.5, max: 30, fields: fieldsOf([0, 55.5, 12.33]), selfScore: 20, appraisedScore: 17.75, survey: { score: 0.75, max: 2, imported: true }, basis: "appraised", submitted: true }],
  ["no version", { total: 0, max: 30, fields: fieldsOf([null, null, null]), selfScore: null, appraisedScore: null, survey: { score: 0, max: 0, imported: false }, basis: "none", submitted: false }],
];

describe("a unit's entry as ranking_units stores it", () => {
  it.each(entries)("%s reads back as the same object, keys in the same order", (_, entry) => {
    const text = storedEntry(index, entry);
    expect(JSON.stringify(entryOfStored(index, text))).toBe(JSON.stringify(entry));
    expect(text.length).toBeLessThan(JSON.stringify(entry).length / 2);
  });

  it("a number that is not finite is stored as JSON.stringify would (null)", () => {
    const entry = entries[0]![1];
    const odd = { ...entry, total: Number.NaN, fields: fieldsOf([Number.POSITIVE_INFINITY, 1, 2]) };
    expect(entryOfStored(index, storedEntry(index, odd))).toEqual(JSON.parse(JSON.stringify(odd)));
  });

  it("an entry stored as an object (before this form) is read as it is", () => {
    const [, entry] = entries[1]!;
    expect(JSON.stringify(entryOfStored(index, JSON.stringify(entry)))).toBe(JSON.stringify(entry));
  });
});
