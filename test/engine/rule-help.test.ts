import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseCriteriaSet, ruleKindHelp } from "../../shared/index.ts";

/** The help catalogue (shared/rule-help.ts) and the README's rule list say the same, and every example is a valid set. */

interface Node { code: string; title: string; max?: number; adjustment?: boolean; children?: Node[]; requires?: { code: string } }

/** Items placed by their codes, with the ancestors they need (each summing its children). */
function treeOf(items: Node[]): Node[] {
  const top: Node[] = [];
  const place = (item: Node) => {
    const parts = item.code.split(".");
    let level = top;
    for (let k = 1; k < parts.length; k++) {
      const code = parts.slice(0, k).join(".");
      let parent = level.find((n) => n.code === code);
      if (!parent) level.push((parent = { code, title: `Mục ${code}`, children: [] }));
      level = parent.children!;
    }
    level.push(item);
  };
  items.forEach(place);
  const sum = (n: Node): number => (n.children && n.max === undefined ? (n.max = n.children.reduce((a, c) => a + sum(c), 0)) : (n.max ?? 0));
  top.forEach(sum);
  return top;
}

describe("ruleKindHelp", () => {
  const vi = ruleKindHelp("vi");
  const en = ruleKindHelp("en");
  const readme = readFileSync("README.md", "utf8");

  it("lists the v1 and the v2 rule kinds in both languages", () => {
    expect(vi.map((e) => e.key)).toEqual(en.map((e) => e.key));
    expect(vi.filter((e) => e.version === 2).map((e) => e.key)).toEqual(["above", "notApplicableFull", "notApplicableExclude", "penalty", "floor", "best", "count", "countDeduction", "requires", "whenSurveyAbsent"]);
    for (const [v, e] of vi.map((x, i) => [x, en[i]!] as const)) expect(v.name).not.toBe(e.name);
  });

  it.each(vi.map((e) => [e.key, e] as const))("%s: its example is valid and the README shows it with its phrase", (_key, entry) => {
    const example = JSON.parse(entry.scope === "set" ? `{${entry.example}}` : entry.example) as Node & Record<string, unknown>;
    const item = entry.scope === "item" ? example : { code: "1.1", title: "Tự đánh giá", max: 1 };
    const named = item.requires ? [{ code: item.requires.code, title: "Điều kiện", max: 1 }] : [];
    const survey = { code: "20.1", title: "Hài lòng (điều tra xã hội học)", max: 1, rule: { kind: "survey" } } as Node;
    const items = treeOf([...named, item, survey]);
    const maxPoints = items.filter((i) => !i.adjustment).reduce((a, i) => a + (i.max ?? 0), 0);
    const parsed = parseCriteriaSet({
      id: "help", title: "Ví dụ (minh họa)", year: 2024, unitType: "commune", period: { from: "2024-01-01", to: "2024-12-31" },
      maxPoints, bands: [{ label: "Tốt", min: 80 }, { label: "Yếu", min: 0 }], items, ...(entry.scope === "set" ? example : {}),
    });
    expect(parsed.ok ? "valid" : parsed.message).toBe("valid");
    expect(readme).toContain(`«${entry.phrase}» → \`${entry.example}\``);
    expect(readme).toContain(entry.name);
    expect(readme).toContain(en.find((e) => e.key === entry.key)!.explanation);
  });
});
