import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseCriteriaSet, scoreWorkbook, type CriteriaItem, type CriteriaSet, type Grid, type GridCell, type Report } from "../../shared/index.ts";
import { chooseFixes, planTarget, rankToPercent, type PlanTarget } from "../../shared/target-planner.ts";
import { readWorkbookBytes } from "../../xlsx/sheetjs-grid.ts";
import { seededRandom } from "../../fixtures/seeded-random.ts";

/** A one-field set; leaves "1.1", "1.2", … in order. */
function makeSet(leaves: Omit<CriteriaItem, "code">[], extra: CriteriaItem[] = []): CriteriaSet {
  const children = leaves.map((l, i) => ({ ...l, code: `1.${i + 1}` }));
  const max = children.reduce((a, c) => a + Math.round((c.max ?? 0) * 100), 0) / 100;
  const parsed = parseCriteriaSet({
    id: "t", title: "t", year: 2024, unitType: "district", period: { from: "2024-01-01", to: "2024-12-31" },
    maxPoints: max + extra.filter((e) => !e.adjustment).reduce((a, e) => a + (e.max ?? 0), 0),
    bands: [{ label: "Tốt", min: 80 }, { label: "Yếu", min: 0 }],
    items: [{ code: "1", title: "Lĩnh vực", max, children }, ...extra],
  });
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.set;
}

interface Row { code: string; self?: GridCell["v"]; data?: GridCell["v"]; evidence?: string }

/** Score a hand-built workbook: the report comes from the engine, not by hand. */
function score(set: CriteriaSet, rows: Row[]): Report {
  const cell = (v: GridCell["v"]) => (v === undefined ? null : { v });
  const grid: Grid = {
    sheets: [{
      name: "Tự đánh giá",
      merges: [],
      rows: [
        ["STT", "Tiêu chí", "Điểm tối đa", "Số liệu kê khai", "Điểm tự đánh giá", "Tài liệu kiểm chứng"].map((v) => ({ v })),
        ...rows.map((r) => [{ v: r.code }, { v: `Tiêu chí ${r.code}` }, null, cell(r.data), cell(r.self), cell(r.evidence)]),
      ],
    }],
  };
  return scoreWorkbook(grid, set);
}

const EV = "Quyết định số 12/QĐ-UBND ngày 05/01/2024";

describe("rank → percent", () => {
  const ranking = [
    { unit: "A", percent: 90 }, { unit: "B", percent: 85.5 }, { unit: "C", percent: 85.5 },
    { unit: "D", percent: 80 }, { unit: "Me", percent: 70 },
  ];
  it.each<[number, number]>([
    [1, 90], // tie the leader: both rank 1
    [2, 85.5], // tie B and C: all three rank 2
    [3, 85.5], // B and C at 85.5 are 2nd and 3rd among the others: tying them gives rank 2 ≤ 3
    [4, 80],
    [5, 0], // only four others
  ])("rank %i needs %d %%", (rank, percent) => expect(rankToPercent(rank, "Me", ranking)).toBe(percent));
});

describe("chooseFixes is the minimum count, then the maximum gain (brute force)", () => {
  /** Independent brute force over all subsets: [count, total] of the best subset, or null. */
  function brute(gains: number[], need: number): [number, number] | null {
    let best: [number, number] | null = null;
    for (let mask = 0; mask < 1 << gains.length; mask++) {
      let count = 0;
      let total = 0;
      for (let i = 0; i < gains.length; i++) if (mask & (1 << i)) { count++; total += gains[i]!; }
      if (total < need) continue;
      if (!best || count < best[0] || (count === best[0] && total > best[1])) best = [count, total];
    }
    return best;
  }
  const random = seededRandom(20240808);
  const cases = Array.from({ length: 60 }, (_, i) => {
    const gains = Array.from({ length: 1 + Math.floor(random() * 12) }, () => 25 * (1 + Math.floor(random() * 12)));
    const sum = gains.reduce((a, b) => a + b, 0);
    return [i, gains, Math.floor(random() * (sum + 100))] as const;
  });
  it.each(cases)("case %i", (_i, gains, need) => {
    const chosen = chooseFixes(gains.map((gainCents, order) => ({ gainCents, order })), need);
    const expected = brute(gains, need);
    expect(chosen && [chosen.length, chosen.reduce((a, c) => a + c.gainCents, 0)]).toEqual(expected);
  });
});

describe("planTarget on hand-built workbooks, checked against a brute force over all subsets", () => {
  /** Index cents the independent way: integer half-up of total·10000/max. */
  const indexCents = (total: number, max: number) => Math.min(10000, Math.floor((2 * total * 10000 + max) / (2 * max)));

  const random = seededRandom(81_45);
  const cases = Array.from({ length: 40 }, (_, i) => {
    const n = 2 + Math.floor(random() * 9);
    const leaves = Array.from({ length: n }, () => {
      const maxQ = 1 + Math.floor(random() * 8); // max in quarters
      const selfQ = Math.floor(random() * (maxQ + 1));
      const evidenceRequired = random() < 0.4;
      const cites = !evidenceRequired || random() < 0.5;
      return { maxQ, selfQ, evidenceRequired, cites };
    });
    const target = Math.round(random() * 10000) / 100;
    return [i, leaves, target] as const;
  });

  it.each(cases)("case %i", (_i, leaves, target) => {
    const set = makeSet(leaves.map((l) => ({ title: "x", max: l.maxQ / 4, evidence: { required: l.evidenceRequired } })));
    const report = score(set, leaves.map((l, i) => ({ code: `1.${i + 1}`, self: l.selfQ / 4, evidence: l.cites ? EV : undefined })));
    // What the test expects each leaf to give back, in cents, derived from the rules directly.
    const counted = leaves.map((l) => (l.evidenceRequired && !l.cites && l.selfQ > 0 ? 0 : l.selfQ * 25));
    const gains = leaves.map((l, i) => (counted[i] === 0 && l.selfQ > 0 ? l.selfQ * 25 : (l.maxQ - l.selfQ) * 25));
    const total = counted.reduce((a, b) => a + b, 0);
    const max = leaves.reduce((a, l) => a + l.maxQ * 25, 0);
    const targetCents = Math.round(target * 100);
    let best: { count: number; gain: number } | null = null;
    for (let mask = 0; mask < 1 << leaves.length; mask++) {
      const picked = gains.filter((g, i) => g > 0 && mask & (1 << i));
      if (picked.length !== gains.filter((g, i) => mask & (1 << i)).length) continue;
      const gain = picked.reduce((a, b) => a + b, 0);
      if (indexCents(total + gain, max) < targetCents) continue;
      if (!best || picked.length < best.count || (picked.length === best.count && gain > best.gain)) best = { count: picked.length, gain };
    }
    const plan = planTarget(report, set, { percent: target });
    expect(toCentsOf(report.total)).toBe(total);
    expect(plan.reachable).toBe(best !== null);
    if (best) {
      expect(plan.items).toHaveLength(best.count);
      expect(toCentsOf(plan.gain)).toBe(best.gain);
      expect(Math.round(plan.resultingPercent * 100)).toBe(indexCents(total + best.gain, max));
      expect(Math.round(plan.resultingPercent * 100)).toBeGreaterThanOrEqual(targetCents);
    }
    const ordered = plan.items.map((i) => i.gain);
    expect(ordered).toEqual([...ordered].sort((a, b) => b - a));
  });
});

const toCentsOf = (x: number) => Math.round(x * 100);

describe("planTarget golden answers", () => {
  // 1.1 manual 2 (self 1); 1.2 choice [0, 0.5, 1] (self 0); 1.3 bands; 1.4 proportional 80 %;
  // 1.5 evidence required, scored 1.5 without evidence; 1.6 survey (never a candidate); 9.1 bonus.
  const set = makeSet(
    [
      { title: "a", max: 2 },
      { title: "b", max: 1, rule: { kind: "choice", options: [0, 0.5, 1] } },
      { title: "c", max: 2, rule: { kind: "ratio", bands: [{ min: 100, points: 2 }, { min: 80, points: 1 }, { min: 0, points: 0 }] } },
      { title: "d", max: 3, rule: { kind: "ratio", proportional: true, target: 80 } },
      { title: "e", max: 1.5, evidence: { required: true } },
      { title: "f", max: 0.5, rule: { kind: "survey" } },
    ],
    [{ code: "9", title: "Điểm thưởng", adjustment: true, children: [{ code: "9.1", title: "Thưởng", max: 1 }] }],
  );
  const report = score(set, [
    { code: "1.1", self: 1, evidence: EV },
    { code: "1.2", self: 0 },
    { code: "1.3", data: "70%", evidence: EV },
    { code: "1.4", data: "55,96%", evidence: EV },
    { code: "1.5", self: 1.5 },
    { code: "9.1", self: 0 },
  ]);
  // total = 1 + 0 + 0 + 2.10 + 0 = 3.10 of 10 → 31 %.

  it("scores as expected", () => {
    expect(report.total).toBe(3.1);
    expect(report.max).toBe(10);
  });

  it.each<[string, PlanTarget, { reachable: boolean; codes: string[]; gain: number; resulting: number }]>([
    ["already reached", { percent: 31 }, { reachable: true, codes: [], gain: 0, resulting: 31 }],
    ["one item: the largest gain, not the smallest sufficient one", { percent: 40 }, { reachable: true, codes: ["1.3"], gain: 2, resulting: 51 }],
    ["largest gains first (2 ≥ 1.5 ≥ 1 = 1 ≥ 0.9; ties in set order)", { percent: 70 }, { reachable: true, codes: ["1.3", "1.5", "1.1"], gain: 4.5, resulting: 76 }],
    ["95 % needs all five", { percent: 95 }, { reachable: true, codes: ["1.3", "1.5", "1.1", "1.2", "1.4"], gain: 6.4, resulting: 95 }],
    ["100 % is unreachable while the survey is unscored", { percent: 100 }, { reachable: false, codes: ["1.3", "1.5", "1.1", "1.2", "1.4"], gain: 6.4, resulting: 95 }],
    ["above 100 % is unreachable", { percent: 100.01 }, { reachable: false, codes: ["1.3", "1.5", "1.1", "1.2", "1.4"], gain: 6.4, resulting: 95 }],
  ])("%s", (_name, target, expected) => {
    const plan = planTarget(report, set, target);
    expect(plan.reachable).toBe(expected.reachable);
    expect(plan.items.map((i) => i.code)).toEqual(expected.codes);
    expect(plan.gain).toBe(expected.gain);
    expect(plan.resultingPercent).toBe(expected.resulting);
  });

  it("the survey leaf is never a candidate and 100 % is out of reach with it unscored", () => {
    const plan = planTarget(report, set, { percent: 96 });
    expect(plan.reachable).toBe(false);
    expect(plan.candidates).toBe(5);
    expect(plan.items.map((i) => i.code)).not.toContain("1.6");
    expect(plan.items.map((i) => i.code)).not.toContain("9.1");
    expect(plan.message.vi).toBe("Không thể đạt 96 % bằng các tiêu chí đơn vị tự khắc phục được: khắc phục tất cả (5 tiêu chí) chỉ đạt 95 %.");
  });

  it("says what each fix needs", () => {
    const plan = planTarget(report, set, { percent: 100 });
    const byCode = Object.fromEntries(plan.items.map((i) => [i.code, i]));
    expect(byCode["1.1"]!.needs).toEqual({ kind: "score", from: 1, to: 2, next: 1.25, evidenceRequired: false });
    expect(byCode["1.2"]!.needs).toEqual({ kind: "score", from: 0, to: 1, next: 0.5, evidenceRequired: false });
    expect(byCode["1.3"]!.needs).toEqual({ kind: "ratio", mode: "bands", fromPercent: 70, toPercent: 100, next: { percent: 80, gain: 1 }, evidenceRequired: false });
    expect(byCode["1.4"]!.message.vi).toBe("Tiêu chí 1.4: tỷ lệ 55,96 % → 80 % được +0,9 điểm.");
    expect(byCode["1.5"]!.needs).toEqual({ kind: "evidence", lost: 1.5, finding: "EVIDENCE_MISSING" });
    expect(byCode["1.5"]!.message.en).toBe("Criterion 1.5: cite evidence (number, symbol, date) so the self-score 1.5 counts (+1.5).");
    expect(planTarget(report, set, { percent: 40 }).message).toEqual({
      vi: "Để đạt 40 % (hiện 31 %, thiếu 0,9 điểm) cần khắc phục 1 tiêu chí: 1.3; đạt 51 %.",
      en: "To reach 40 % (now 31 %, 0.9 points short) fix 1 criterion: 1.3; giving 51 %.",
    });
  });

  it.each<[string, number, number, string[]]>([
    // others: 55, 41, 41, 35 → rank 1 needs 55 %, ranks 2 and 3 need 41 % (a tie shares the rank).
    ["rank 1", 1, 55, ["1.3", "1.5"]],
    ["rank 2 by tying B and C", 2, 41, ["1.3"]],
    ["rank 3 ties the same pair", 3, 41, ["1.3"]],
    ["rank 4", 4, 35, ["1.3"]],
    ["rank 5: fewer others than 5", 5, 0, []],
  ])("%s", (_name, rank, percent, codes) => {
    const ranking = [{ unit: "B", percent: 41 }, { unit: "A", percent: 55 }, { unit: "Me", percent: 31 }, { unit: "C", percent: 41 }, { unit: "D", percent: 35 }];
    const plan = planTarget(report, set, { rank, unit: "Me", ranking });
    expect(plan.targetPercent).toBe(percent);
    expect(plan.rank).toBe(rank);
    expect(plan.items.map((i) => i.code)).toEqual(codes);
  });

  it("a rank and a percent together: the stricter applies (Lạng Sơn: ≥ 85 % and top 35)", () => {
    const ranking = [{ unit: "A", percent: 40 }, { unit: "Me", percent: 31 }];
    expect(planTarget(report, set, { rank: 1, unit: "Me", ranking, percent: 35 }).targetPercent).toBe(40);
    expect(planTarget(report, set, { rank: 1, unit: "Me", ranking, percent: 45 }).targetPercent).toBe(45);
  });
});

describe("Cái Răng 2024 (district-percent-format fixture): digitisation 55.96 % against a target of 80 %", () => {
  const set = parseCriteriaSet(JSON.parse(readFileSync("fixtures/criteria/demo-district-2024.json", "utf8")));
  const read = readWorkbookBytes(new Uint8Array(readFileSync("fixtures/workbooks/district-percent-format.xlsx")));
  if (!set.ok || !read.ok) throw new Error("fixture");
  const report = scoreWorkbook(read.grid, set.set);

  it.each<[number, boolean, string[]]>([
    [77, true, ["7.2.3"]],
    [78, true, ["7.2.3", "7.2.1"]],
    [80, true, ["7.2.3", "7.2.1", "7.2.2"]],
    [80.01, false, ["7.2.3", "7.2.1", "7.2.2"]], // the survey (20 points) is not in the unit's hands
  ])("target %d %%", (percent, reachable, codes) => {
    const plan = planTarget(report, set.set, { percent });
    expect(report.percent).toBe(75.81);
    expect(plan.reachable).toBe(reachable);
    expect(plan.items.map((i) => i.code)).toEqual(codes);
  });

  it("7.2.2: 55.96 % → 80 % gives +0.9 (2.1 of 3 now)", () => {
    const item = planTarget(report, set.set, { percent: 80 }).items.find((i) => i.code === "7.2.2")!;
    expect(item.gain).toBe(0.9);
    expect(item.needs).toEqual({ kind: "ratio", mode: "proportional", fromPercent: 55.96, toPercent: 80, evidenceRequired: true });
    expect(item.message.vi).toBe("Tiêu chí 7.2.2: tỷ lệ 55,96 % → 80 % được +0,9 điểm, kèm tài liệu kiểm chứng.");
    expect(item.message.en).toBe("Criterion 7.2.2: ratio 55.96 % → 80 % gives +0.9, with evidence.");
  });
});

describe("planTarget with the rules of real decisions (best-of, floors, conditions, strict bounds, counts), against a brute force", () => {
  /**
   * A block of a random set, with what the unit has now (cents) and what the fix gives (its max).
   * The brute force below scores the tree by the rules of §6 directly, not through the engine.
   */
  interface Leaf { code: string; maxQ: number; nowQ: number; min?: number; requires?: { code: string; atLeastQ: number }; spec: Record<string, unknown>; cells: Row }
  interface Block { item: Record<string, unknown>; leaves: Leaf[]; combine?: "best"; floorQ?: number }

  const q = (x: number) => x / 4;
  function block(random: () => number, code: string, previous: Leaf | undefined): Block {
    const r = (n: number) => Math.floor(random() * n);
    const manual = (c: string, maxQ = 1 + r(8), nowQ = r(maxQ + 1)): Leaf => ({ code: c, maxQ, nowQ, spec: { code: c, title: c, max: q(maxQ) }, cells: { code: c, self: q(nowQ) } });
    switch (r(6)) {
      case 0: {
        const alternatives = [manual(`${code}.1`), manual(`${code}.2`), ...(random() < 0.5 ? [manual(`${code}.3`)] : [])];
        const maxQ = Math.max(...alternatives.map((a) => a.maxQ));
        return { combine: "best", leaves: alternatives, item: { code, title: code, max: q(maxQ), combine: "best", children: alternatives.map((a) => a.spec) } };
      }
      case 1: {
        const plus = manual(`${code}.1`);
        const penaltyQ = 1 + r(6);
        const nowQ = -r(penaltyQ + 1);
        const penalty: Leaf = { code: `${code}.2`, maxQ: 0, nowQ, min: -q(penaltyQ), spec: { code: `${code}.2`, title: "trừ", max: 0, min: -q(penaltyQ) }, cells: { code: `${code}.2`, self: q(nowQ) } };
        return { floorQ: 0, leaves: [plus, penalty], item: { code, title: code, max: q(plus.maxQ), floor: 0, children: [plus.spec, penalty.spec] } };
      }
      case 2: {
        if (!previous) return plainBlock(manual(code));
        const leaf = manual(code);
        leaf.requires = { code: previous.code, atLeastQ: previous.maxQ };
        leaf.spec.requires = { code: previous.code, atLeast: q(previous.maxQ) };
        return plainBlock(leaf);
      }
      case 3: {
        const maxQ = 2 * (1 + r(4));
        const [data, nowQ] = ([["95%", maxQ], ["90%", maxQ / 2], ["40%", 0]] as const)[r(3)]!;
        const spec = { code, title: code, max: q(maxQ), rule: { kind: "ratio", bands: [{ above: 90, points: q(maxQ) }, { min: 50, points: q(maxQ / 2) }, { min: 0, points: 0 }] } };
        return plainBlock({ code, maxQ, nowQ, spec, cells: { code, data } });
      }
      case 4: {
        const n = r(5);
        return plainBlock({ code, maxQ: 16, nowQ: 4 * n, spec: { code, title: code, max: 4, rule: { kind: "count", each: 1 } }, cells: { code, data: n } });
      }
      default:
        return plainBlock(manual(code));
    }
  }
  const plainBlock = (leaf: Leaf): Block => ({ item: leaf.spec, leaves: [leaf] });

  /** The field's score from leaf values (quarters), by the rules: best takes the greatest, floors raise, conditions zero. */
  function fieldQ(blocks: Block[], value: (leaf: Leaf) => number): number {
    const accepted = new Map<string, number>();
    let total = 0;
    for (const b of blocks) {
      const leafQ = b.leaves.map((l) => {
        const met = !l.requires || (accepted.get(l.requires.code) ?? 0) >= l.requires.atLeastQ;
        const v = met ? value(l) : 0;
        accepted.set(l.code, v);
        return v;
      });
      const combined = b.combine === "best" ? Math.max(...leafQ) : leafQ.reduce((a, x) => a + x, 0);
      total += b.floorQ === undefined ? combined : Math.max(b.floorQ, combined);
    }
    return total;
  }

  const random = seededRandom(13_2024);
  const cases = Array.from({ length: 60 }, (_, i) => {
    const blocks: Block[] = [];
    for (let k = 1; k <= 2 + Math.floor(random() * 5); k++) blocks.push(block(random, `1.${k}`, blocks.at(-1)?.leaves.at(-1)));
    return [i, blocks, Math.round(random() * 10000) / 100] as const;
  });
  /** Index cents the independent way: integer half-up of total·10000/max. */
  const indexCents = (totalQ: number, maxQ: number) => Math.min(10000, Math.max(0, Math.floor((2 * totalQ * 10000 + maxQ) / (2 * maxQ))));

  it.each(cases)("case %i", (_i, blocks, target) => {
    const maxQ = blocks.reduce((a, b) => a + (b.combine === "best" ? Math.max(...b.leaves.map((l) => l.maxQ)) : b.leaves.reduce((s, l) => s + l.maxQ, 0)), 0);
    const parsed = parseCriteriaSet({
      id: "t", title: "t", year: 2024, unitType: "district", period: { from: "2024-01-01", to: "2024-12-31" }, maxPoints: q(maxQ),
      bands: [{ label: "Tốt", min: 80 }, { label: "Yếu", min: 0 }], items: [{ code: "1", title: "Lĩnh vực", max: q(maxQ), children: blocks.map((b) => b.item) }],
    });
    if (!parsed.ok) throw new Error(parsed.message);
    const report = score(parsed.set, blocks.flatMap((b) => [...(b.leaves.length > 1 || b.leaves[0]!.code !== b.item.code ? [{ code: String(b.item.code) }] : []), ...b.leaves.map((l) => l.cells)]));
    const leaves = blocks.flatMap((b) => b.leaves);
    const baseQ = fieldQ(blocks, (l) => l.nowQ);
    expect(report.total * 4).toBe(baseQ);
    // Every leaf below its max is a fix to its max; the brute force tries every subset.
    const fixable = leaves.filter((l) => l.nowQ < l.maxQ);
    let best: { count: number; gainQ: number } | null = null;
    for (let mask = 0; mask < 1 << fixable.length; mask++) {
      const fixed = new Set(fixable.filter((_, i) => mask & (1 << i)).map((l) => l.code));
      const gainQ = fieldQ(blocks, (l) => (fixed.has(l.code) ? l.maxQ : l.nowQ)) - baseQ;
      if (indexCents(baseQ + gainQ, maxQ) < Math.round(target * 100)) continue;
      if (!best || fixed.size < best.count || (fixed.size === best.count && gainQ > best.gainQ)) best = { count: fixed.size, gainQ };
    }
    const plan = planTarget(report, parsed.set, { percent: target });
    expect(plan.candidates).toBe(fixable.length);
    expect(plan.reachable).toBe(best !== null);
    if (best) {
      expect(plan.items).toHaveLength(best.count);
      expect(plan.gain * 4).toBe(best.gainQ);
      expect(Math.round(plan.resultingPercent * 100)).toBe(indexCents(baseQ + best.gainQ, maxQ));
    } else {
      const allQ = fieldQ(blocks, (l) => l.maxQ) - baseQ;
      expect(plan.gain * 4).toBe(allQ);
    }
    expect(plan.items.reduce((a, i) => a + i.gain * 4, 0)).toBe(plan.gain * 4);
  });
});

describe("planTarget says what a v2 fix needs", () => {
  const set = makeSet([
    { title: "trên 90%", max: 2, rule: { kind: "ratio", bands: [{ above: 90, points: 2 }, { above: 70, points: 1 }, { min: 0, points: 0 }] } },
    { title: "mỗi ứng dụng 1 điểm", max: 3, rule: { kind: "count", each: 1 } },
    { title: "kế hoạch", max: 1, rule: { kind: "choice", options: [1, 0] } },
    { title: "kiểm tra khi có kế hoạch", max: 1, requires: { code: "1.3", atLeast: 1 } },
  ] as never);
  const report = score(set, [{ code: "1.1", data: "70%" }, { code: "1.2", data: 1 }, { code: "1.3", self: 0 }, { code: "1.4", self: 1 }]);

  it("strict bounds need strictly more; counts name the count; a condition's fix says what it unlocks", () => {
    expect(report.total).toBe(1);
    const plan = planTarget(report, set, { percent: 100 });
    const byCode = Object.fromEntries(plan.items.map((i) => [i.code, i]));
    expect(byCode["1.1"]!.needs).toEqual({ kind: "ratio", mode: "bands", fromPercent: 70, toPercent: 90, strict: true, next: { percent: 70, gain: 1, strict: true }, evidenceRequired: false });
    expect(byCode["1.1"]!.message.vi).toBe("Tiêu chí 1.1: tỷ lệ 70 % → trên 90 % được +2 điểm; mức kế tiếp trên 70 % được +1.");
    expect(byCode["1.2"]!.message.vi).toBe("Tiêu chí 1.2: số lượng 1 → 3 được +2 điểm; mức kế tiếp 2 được +1.");
    expect(byCode["1.2"]!.message.en).toBe("Criterion 1.2: count 1 → 3 gives +2; 2 gives +1.");
    expect(byCode["1.3"]).toMatchObject({ gain: 2, unlocks: ["1.4"] });
    expect(byCode["1.3"]!.message.vi).toBe("Tiêu chí 1.3: nâng điểm từ 0 lên 1 (+2); là điều kiện để tính điểm tiêu chí 1.4.");
    expect(plan.gain).toBe(6);
  });
});
