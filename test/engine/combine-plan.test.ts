import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { combineScores, combineVectors, indexCriteria, leafVectors, toCents, type CriteriaIndex, type CriteriaNode, type CriteriaSet, type LeafScore } from "../../shared/index.ts";

/**
 * combineScores runs a plan compiled once per criteria set (flat arrays, one pass per view).
 * Here it is held, over random trees and inputs, to the rules as CRITERIA-FORMAT §3 and §6
 * state them, written the plain recursive way: a parent sums (or, `best`, takes the greatest
 * of) its children that are not marked "không áp dụng", then is raised to its floor; a leaf
 * with `requires` counts 0 unless the named item reaches `atLeast`; survey leaves leave the
 * self-assessable part, and the maximum too under `whenSurveyAbsent: "rescale"` with no
 * survey score imported.
 */

interface Shape {
  max: number;
  combine?: "best";
  floor?: number;
  survey?: boolean;
  children?: Shape[];
}

interface Spec extends Shape {
  code: string;
  requires?: { code: string; atLeast: number };
  children?: Spec[];
}

function reference(index: CriteriaIndex, leaves: ReadonlyMap<string, LeafScore>, surveyImported: boolean) {
  const view = (leftOut: (n: CriteriaNode) => boolean) => {
    const memo = <T>(f: (n: CriteriaNode) => T) => {
      const known = new Map<CriteriaNode, T>();
      const g = (n: CriteriaNode): T => {
        if (!known.has(n)) known.set(n, f(n));
        return known.get(n)!;
      };
      return g;
    };
    const excluded: (n: CriteriaNode) => boolean = memo((n) => (n.isLeaf ? leftOut(n) || leaves.get(n.code)?.excluded === true : n.children.every((c) => excluded(c))));
    const combine = (n: CriteriaNode, of: (c: CriteriaNode) => number) => {
      const values = n.children.filter((c) => !excluded(c)).map(of);
      return n.item.combine === "best" ? Math.max(...values) : values.reduce((a, v) => a + v, 0);
    };
    const max: (n: CriteriaNode) => number = memo((n) => (excluded(n) ? 0 : n.isLeaf ? toCents(n.item.max ?? 0) : combine(n, max)));
    const unmet: string[] = [];
    const cents: (n: CriteriaNode) => number = memo((n) => {
      if (excluded(n)) return 0;
      if (!n.isLeaf) return Math.max(combine(n, cents), n.item.floor === undefined ? -Infinity : toCents(n.item.floor));
      const raw = leaves.get(n.code)?.cents ?? 0;
      const req = n.item.requires;
      if (!req || cents(index.byCode.get(req.code)!) >= toCents(req.atLeast)) return raw;
      if (raw > 0) unmet.push(n.code);
      return 0;
    });
    return { max, cents, unmet };
  };
  const all = view(() => false);
  const own = view((n) => n.rule.kind === "survey");
  const rescaled = index.set.whenSurveyAbsent === "rescale" && !surveyImported;
  const counted = index.fields.filter((f) => !f.inAdjustment);
  const total = index.fields.reduce((a, f) => a + all.cents(f), 0);
  const max = counted.reduce((a, f) => a + (rescaled ? own.max(f) : all.max(f)), 0);
  const surveyLeaves = index.leaves.filter((l) => l.rule.kind === "survey" && !l.inAdjustment);
  for (const f of index.fields) all.cents(f);
  return {
    items: Object.fromEntries(index.nodes.map((n) => [n.code, [all.cents(n), all.max(n)]])),
    total,
    max,
    self: [index.fields.reduce((a, f) => a + own.cents(f), 0), counted.reduce((a, f) => a + own.max(f), 0)],
    survey: [surveyLeaves.reduce((a, l) => a + all.cents(l), 0), surveyLeaves.reduce((a, l) => a + all.max(l), 0)],
    fields: index.fields.map((f) => [f.code, all.cents(f), rescaled ? own.max(f) : all.max(f)]),
    unmet: all.unmet.sort(),
  };
}

/** Random trees of 1–3 fields (the last one sometimes the bonus and deduction part), up to three levels. */
const quarter = (lo: number, hi: number) => fc.integer({ min: lo * 4, max: hi * 4 }).map((n) => n / 4);
const leafSpec = fc.record({ max: quarter(0, 4), survey: fc.boolean() }, { requiredKeys: ["max"] });
const node: fc.Arbitrary<Shape> = fc.letrec<{ node: Shape }>((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    leafSpec,
    fc.record({ max: quarter(0, 8), combine: fc.constant("best" as const), floor: quarter(-1, 2), children: fc.array(tie("node"), { minLength: 1, maxLength: 4 }) }, { requiredKeys: ["max", "children"] }),
  ),
})).node;

function coded(specs: Shape[], prefix: string): Spec[] {
  return specs.map((s, i) => {
    const code = prefix ? `${prefix}.${i + 1}` : String(i + 1);
    const { children, ...rest } = s;
    return { ...rest, code, ...(children ? { children: coded(children, code) } : {}) };
  });
}

function toSet(fields: Spec[], adjustment: boolean, rescale: boolean): CriteriaSet {
  const item = (s: Spec): unknown => ({
    code: s.code, title: `Mục ${s.code}`, max: s.max,
    ...(s.children ? { children: s.children.map(item), ...(s.combine ? { combine: s.combine } : {}), ...(s.floor !== undefined ? { floor: s.floor } : {}) } : { rule: s.survey ? { kind: "survey" } : { kind: "manual", step: 0.25 }, ...(s.requires ? { requires: s.requires } : {}) }),
  });
  const items = fields.map((f, i) => ({ ...(item(f) as object), ...(adjustment && i === fields.length - 1 && i > 0 ? { adjustment: true } : {}) }));
  // Built unchecked: the schema would refuse some random trees (maxima that do not add up), which combining never reads.
  return { id: "plan-test", title: "Thử", year: 2024, unitType: "commune", period: { from: "2024-01-01", to: "2024-12-31" }, maxPoints: 1, bands: [{ label: "Tốt", min: 80 }, { label: "Khá", min: 50 }, { label: "Yếu", min: 0 }], items, ...(rescale ? { whenSurveyAbsent: "rescale" } : {}) } as unknown as CriteriaSet;
}

/** Conditions on some leaves, each naming another item that is not above it, with no circle through parents and conditions. */
function withConditions(fields: Spec[], picks: number[]): Spec[] {
  const all: Spec[] = [];
  const walk = (s: Spec) => (all.push(s), s.children?.forEach(walk));
  fields.forEach(walk);
  const leaves = all.filter((s) => !s.children && !s.survey);
  leaves.forEach((leaf, i) => {
    const pick = picks[i % Math.max(1, picks.length)];
    if (pick === undefined || pick % 3 !== 0) return;
    const target = all[pick % all.length]!;
    if (target === leaf || leaf.code.startsWith(`${target.code}.`) || target.survey) return;
    leaf.requires = { code: target.code, atLeast: (pick % 7) / 4 };
    if (circular(all)) delete leaf.requires;
  });
  return fields;
}

function circular(all: Spec[]): boolean {
  const byCode = new Map(all.map((s) => [s.code, s]));
  const state = new Map<Spec, number>();
  const visit = (s: Spec): boolean => {
    if (state.get(s) === 2) return false;
    if (state.get(s) === 1) return true;
    state.set(s, 1);
    const next = s.children ?? (s.requires ? [byCode.get(s.requires.code)!] : []);
    const found = next.some(visit);
    state.set(s, 2);
    return found;
  };
  return all.some(visit);
}

const cases = fc
  .record({
    fields: fc.array(node, { minLength: 1, maxLength: 3 }),
    picks: fc.array(fc.nat(1000), { maxLength: 12 }),
    adjustment: fc.boolean(),
    rescale: fc.boolean(),
    surveyImported: fc.boolean(),
    inputs: fc.array(fc.record({ cents: fc.integer({ min: -16, max: 32 }).map((n) => n * 25), excluded: fc.boolean(), absent: fc.boolean() }), { minLength: 40, maxLength: 40 }),
  })
  .map((c) => {
    const set = toSet(withConditions(coded(c.fields, ""), c.picks), c.adjustment, c.rescale);
    const index = indexCriteria(set);
    const leaves = new Map<string, LeafScore>();
    index.leaves.forEach((leaf, i) => {
      const input = c.inputs[i % c.inputs.length]!;
      if (!input.absent) leaves.set(leaf.code, { cents: input.cents, excluded: input.excluded && i % 2 === 0 });
    });
    // A counterexample prints the set and the leaves, not the index built from them.
    return { set, leaves, surveyImported: c.surveyImported };
  });

describe("the compiled combination", () => {
  it("gives every item, field and total the rules give", () => {
    fc.assert(
      fc.property(cases, ({ set, leaves, surveyImported }) => {
        const index = indexCriteria(set);
        const got = combineScores(index, leaves, { surveyImported });
        const want = reference(index, leaves, surveyImported);
        expect(Object.fromEntries([...got.items].map(([code, v]) => [code, [v.cents, v.maxCents]]))).toEqual(want.items);
        expect([toCents(got.total), toCents(got.max)]).toEqual([want.total, want.max]);
        expect([toCents(got.selfAssessable.score), toCents(got.selfAssessable.max)]).toEqual(want.self);
        expect([toCents(got.survey.score), toCents(got.survey.max)]).toEqual(want.survey);
        expect(got.fields.map((f) => [f.code, toCents(f.score), toCents(f.max)])).toEqual(want.fields);
        expect(got.unmet.map((u) => u.code).sort()).toEqual(want.unmet);
      }),
      { numRuns: 400 },
    );
  });

  it("takes leaves by node index the same as by code", () => {
    fc.assert(
      fc.property(cases, ({ set, leaves, surveyImported }) => {
        const index = indexCriteria(set);
        const { cents, excluded } = leafVectors(index);
        for (const leaf of index.leaves) (cents[leaf.index] = leaves.get(leaf.code)?.cents ?? 0), (excluded[leaf.index] = leaves.get(leaf.code)?.excluded ? 1 : 0);
        const byIndex = combineVectors(index, cents, excluded, { surveyImported });
        const byCode = combineScores(index, leaves, { surveyImported });
        const { items, ...rest } = byCode;
        expect(byIndex.scores).toEqual(rest);
        for (const n of index.nodes) expect([byIndex.cents[n.index], byIndex.maxCents[n.index]]).toEqual([items.get(n.code)!.cents, items.get(n.code)!.maxCents]);
      }),
      { numRuns: 200 },
    );
  });
});
