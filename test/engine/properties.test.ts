import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { combineScores, countCents, indexCriteria, ratioPoints, toCents, type RatioRule } from "../../shared/index.ts";
import { row, score, setOf } from "./v2-helpers.ts";

/** Invariants of the §6 rules, over random inputs (fast-check shrinks a failure to its smallest case). */

const quarters = (lo: number, hi: number) => fc.integer({ min: lo, max: hi }).map((n) => n / 4);

describe("combining leaf scores", () => {
  const set = setOf([
    { code: "1.1", title: "floored", max: 3, floor: 0, children: [
      { code: "1.1.1", title: "a", max: 2, min: -2 },
      { code: "1.1.2", title: "b", max: 1, min: -3 },
    ] },
    { code: "1.2", title: "best", max: 2, combine: "best", children: [
      { code: "1.2.1", title: "c", max: 2, min: -1 },
      { code: "1.2.2", title: "d", max: 1.5 },
      { code: "1.2.3", title: "e", max: 1 },
    ] },
    { code: "1.3", title: "conditioned", max: 1, requires: { code: "1.2", atLeast: 1 } },
  ]);
  const index = indexCriteria(set);
  const leafValues = fc.record({
    "1.1.1": quarters(-8, 8), "1.1.2": quarters(-12, 4), "1.2.1": quarters(-4, 8), "1.2.2": quarters(0, 6), "1.2.3": quarters(0, 4), "1.3": quarters(0, 4),
  });
  const combine = (values: Record<string, number>, excluded: string[] = []) =>
    combineScores(index, new Map(Object.entries(values).map(([code, v]) => [code, { cents: toCents(v), excluded: excluded.includes(code) }])));

  it("a floor never goes below", () => {
    fc.assert(fc.property(leafValues, (values) => {
      expect(combine(values).items.get("1.1")!.cents).toBeGreaterThanOrEqual(0);
    }));
  });

  it("best-of never exceeds its greatest child and equals it", () => {
    fc.assert(fc.property(leafValues, fc.subarray(["1.2.1", "1.2.2", "1.2.3"], { maxLength: 2 }), (values, excluded) => {
      const c = combine(values, excluded);
      const children = ["1.2.1", "1.2.2", "1.2.3"].filter((k) => !excluded.includes(k)).map((k) => c.items.get(k)!.cents);
      expect(c.items.get("1.2")!.cents).toBe(Math.max(...children));
      expect(c.items.get("1.2")!.maxCents).toBe(Math.max(...["1.2.1", "1.2.2", "1.2.3"].filter((k) => !excluded.includes(k)).map((k) => toCents(index.byCode.get(k)!.item.max!))));
    }));
  });

  it("a condition counts the leaf only when the named item reaches atLeast", () => {
    fc.assert(fc.property(leafValues, (values) => {
      const c = combine(values);
      const met = c.items.get("1.2")!.cents >= 100;
      expect(c.items.get("1.3")!.cents).toBe(met ? toCents(values["1.3"]) : 0);
      expect(c.unmet.length).toBe(!met && values["1.3"] > 0 ? 1 : 0);
    }));
  });

  it("the total is the sum of the fields, each the combination of its items", () => {
    fc.assert(fc.property(leafValues, (values) => {
      const c = combine(values);
      const expected = ["1.1", "1.2", "1.3"].reduce((a, k) => a + c.items.get(k)!.cents, 0);
      expect(toCents(c.total)).toBe(expected);
      expect(toCents(c.fields[0]!.score)).toBe(expected);
    }));
  });
});

describe("rules", () => {
  it("a strict bound at the boundary gives the lower band; just above it, the upper", () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 99 }), quarters(1, 8), (above, top) => {
      const rule: RatioRule = { kind: "ratio", bands: [{ above, points: top }, { min: 0, points: 0 }] };
      expect(ratioPoints(rule, top, above)).toBe(0);
      expect(ratioPoints(rule, top, above + 0.001)).toBe(top);
    }));
  });

  it("count points stay within [min ?? 0, max]", () => {
    fc.assert(fc.property(quarters(-8, 8), quarters(-8, 8), quarters(-8, 0), quarters(0, 16), fc.nat(1000), (base, each, min, max, n) => {
      const cents = countCents({ kind: "count", base, each }, min, max, n);
      expect(cents).toBeGreaterThanOrEqual(toCents(min));
      expect(cents).toBeLessThanOrEqual(toCents(max));
    }));
  });
});

describe("scoring a workbook keeps every item within [min, max] and the total the combination of the items", () => {
  const set = setOf([
    { code: "1.1", title: "choice with a penalty", max: 1, min: -0.25, rule: { kind: "choice", options: [1, 0.5, -0.25] } },
    { code: "1.2", title: "strict", max: 2, rule: { kind: "ratio", bands: [{ above: 90, points: 2 }, { min: 70, points: 1 }, { min: 0, points: 0 }] } },
    { code: "1.3", title: "count", max: 3, rule: { kind: "count", each: 1 } },
    { code: "1.4", title: "late reports", max: 2, rule: { kind: "count", base: 2, each: -0.5 } },
    { code: "1.5", title: "full when nothing arose", max: 2, notApplicable: "full" },
    { code: "1.6", title: "best", max: 2, combine: "best", children: [{ code: "1.6.1", title: "x", max: 2 }, { code: "1.6.2", title: "y", max: 1 }] },
    { code: "1.7", title: "floor", max: 1, floor: 0, children: [{ code: "1.7.1", title: "z", max: 1, min: -2, rule: { kind: "manual", step: 0.5 } }] },
    { code: "1.8", title: "conditioned", max: 1, requires: { code: "1.3", atLeast: 2 } },
  ]);
  const index = indexCriteria(set);
  const typed = fc.oneof(fc.constant(null), quarters(-12, 16), fc.constantFrom("Không phát sinh", "KPS", "1,5", "x", "26/28", "90%", "3 ứng dụng", "0/0"));
  const leafCodes = index.leaves.map((l) => l.code);

  it.each([1, 2, 3])("seed %i", (seed) => {
    fc.assert(
      fc.property(fc.array(fc.tuple(typed, typed), { minLength: leafCodes.length, maxLength: leafCodes.length }), (cells) => {
        const report = score(set, leafCodes.map((code, i) => row(code, { self: cells[i]![0], data: cells[i]![1], evidence: "Có" })));
        for (const item of report.items) {
          const node = index.byCode.get(item.code)!;
          expect(item.score).toBeGreaterThanOrEqual(node.item.min ?? 0);
          expect(item.score).toBeLessThanOrEqual(item.max);
        }
        const again = combineScores(index, new Map(report.items.map((i) => [i.code, { cents: toCents(i.scoreIfConditionMet ?? i.score), excluded: i.notApplicable }])));
        expect(again.total).toBe(report.total);
        expect(again.fields).toEqual(report.fields);
        expect(toCents(report.total)).toBe(report.fields.reduce((a, f) => a + toCents(f.score), 0));
      }),
      { seed, numRuns: 150 },
    );
  });
});
