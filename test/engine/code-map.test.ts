import { describe, expect, it } from "vitest";
import { loadFixtureSet } from "../../fixtures/load-fixture.ts";
import { codeTranslator, indexCriteria, parseCriteriaSet, type CriteriaSet } from "../../shared/index.ts";

/** Year over year across criteria-set versions: the newer set's codeMap carries old codes forward. */
const chain = ["demo-commune-2022", "demo-commune-2023", "demo-commune-2024"].map(loadFixtureSet);
const carry = codeTranslator(chain);
const titleOf = (set: CriteriaSet, code: string | null) => (code === null ? null : indexCriteria(set).byCode.get(code)?.title ?? "(missing)");

describe("codeTranslator over the demo commune sets 2022 → 2023 → 2024", () => {
  it("follows swapped and renumbered criteria to the same title in 2024", () => {
    const [y22, y23, y24] = chain as [CriteriaSet, CriteriaSet, CriteriaSet];
    // 2023's 3.2.3 (complaints handled on time) is 2024's 3.2.4, and the other way round.
    expect(carry(1, "3.2.3")).toBe("3.2.4");
    expect(carry(1, "3.2.4")).toBe("3.2.3");
    expect(titleOf(y24, carry(1, "3.2.3"))).toBe(titleOf(y23, "3.2.3"));
    // 2023's 6.1.2 (online payment) became 6.1.3 when digitisation was added as 6.1.2.
    expect(titleOf(y24, carry(1, "6.1.2"))).toBe(titleOf(y23, "6.1.2"));
    // Through two steps: 2022 had no changes against 2023, so its codes follow 2024's map.
    expect(carry(0, "6.1.2")).toBe("6.1.3");
    expect(titleOf(y24, carry(0, "3.2.4"))).toBe(titleOf(y22, "3.2.4"));
  });

  it("drops a criterion mapped to null, even when the newer set reuses its code", () => {
    expect(carry(1, "4.4")).toBeNull();
    expect(carry(0, "4.4")).toBeNull();
    expect(indexCriteria(chain[2]!).byCode.has("4.4")).toBe(true);
  });

  it("keeps every unlisted code whose title is unchanged, and the newest set's own codes as they are", () => {
    const y23 = indexCriteria(chain[1]!);
    const y24 = indexCriteria(chain[2]!);
    const listed = new Set((chain[2]!.codeMap ?? []).map((e) => e.from));
    for (const node of y23.nodes.filter((n) => !listed.has(n.code))) {
      expect(carry(1, node.code), node.code).toBe(node.code);
      expect(y24.byCode.get(node.code)?.title, node.code).toBe(node.title);
    }
    for (const node of y24.nodes) expect(carry(2, node.code)).toBe(node.code);
  });
});

describe("codeTranslator on small chains", () => {
  const set = (id: string, items: CriteriaSet["items"], codeMap?: CriteriaSet["codeMap"]) => {
    const parsed = parseCriteriaSet({ id, title: id, year: 2024, unitType: "commune", period: { from: "2024-01-01", to: "2024-12-31" }, maxPoints: items.reduce((a, i) => a + (i.max ?? 0), 0), bands: [{ label: "A", min: 0 }], items, ...(codeMap ? { codeMap } : {}) });
    if (!parsed.ok) throw new Error(parsed.message);
    return parsed.set;
  };
  const field = (code: string, leaves: string[]) => ({ code, title: `F${code}`, max: leaves.length, children: leaves.map((l) => ({ code: l, title: `L${l}`, max: 1 })) });

  it("merges two old criteria into one and drops an old code the newer set lacks", () => {
    const old = set("a", [field("1", ["1.1", "1.2", "1.3"])]);
    const next = set("b", [field("1", ["1.1"])], [{ from: "1.2", to: "1.1" }]);
    const t = codeTranslator([old, next]);
    expect([t(0, "1.1"), t(0, "1.2"), t(0, "1.3")]).toEqual(["1.1", "1.1", null]);
  });

  it("stops at a version that dropped the code, even if a later one reuses it", () => {
    const a = set("a", [field("1", ["1.1", "1.2"])]);
    const b = set("b", [field("1", ["1.1"])]);
    const c = set("c", [field("1", ["1.1", "1.2"])]);
    expect(codeTranslator([a, b, c])(0, "1.2")).toBeNull();
  });

  it("a codeMap must name this set's codes and list an old code once", () => {
    const bad = (codeMap: CriteriaSet["codeMap"]) => {
      const parsed = parseCriteriaSet({ ...set("b", [field("1", ["1.1"])]), codeMap });
      return parsed.ok ? [] : parsed.issues.map((i) => `${i.path}: ${i.message}`);
    };
    expect(bad([{ from: "1.2", to: "1.9" }])).toEqual(["codeMap.0.to: codeMap maps 1.2 to 1.9, which this set does not have"]);
    expect(bad([{ from: "1.2", to: "1.1" }, { from: "1.2", to: null }])).toEqual(["codeMap.1.from: codeMap lists old code 1.2 twice"]);
    expect(bad([{ from: "x", to: "1.1" }])[0]).toMatch(/^codeMap\.0\.from: dotted code/);
  });
});
