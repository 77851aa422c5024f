import type { CriteriaItem, CriteriaSetInput, Rule } from "./criteria-shape.ts";
import { issueText, type IssueKey } from "./criteria-issues.ts";
import { toCents } from "./decimal.ts";

/** The sums, codes and rule bounds of a criteria set that a zod shape alone cannot say. */
export interface StructuralIssue {
  key: IssueKey;
  params: Record<string, string | number>;
  path: (string | number)[];
  /** English text, for edges that show zod's messages as they are. */
  message: string;
}

type Path = (string | number)[];

interface Placed {
  item: CriteriaItem;
  path: Path;
  parent: Placed | null;
  inAdjustment: boolean;
}

class Issues {
  readonly list: StructuralIssue[] = [];
  add(key: IssueKey, path: Path, params: Record<string, string | number> = {}): void {
    this.list.push({ key, params, path, message: issueText(key, params, "en") });
  }
}

export function structuralIssues(set: CriteriaSetInput): StructuralIssue[] {
  const issues = new Issues();
  if (set.period.from > set.period.to) issues.add("periodOrder", ["period"]);
  const placed = new Map<string, Placed>();
  const visit = (item: CriteriaItem, path: Path, parent: Placed | null, inAdjustment: boolean): void => {
    const here: Placed = { item, path, parent, inAdjustment };
    if (placed.has(item.code)) issues.add("duplicateCode", [...path, "code"], { code: item.code });
    else placed.set(item.code, here);
    if (parent && !item.code.startsWith(`${parent.item.code}.`)) issues.add("codeNotUnderParent", [...path, "code"], { code: item.code, parent: parent.item.code });
    if (!parent && item.code.includes(".")) issues.add("topLevelDotted", [...path, "code"], { code: item.code });
    if (parent && item.adjustment) issues.add("adjustmentNotTop", [...path, "adjustment"]);
    const children = item.children ?? [];
    if (children.length === 0) {
      leafIssues(item, path, inAdjustment, issues);
      return;
    }
    parentIssues(item, path, inAdjustment, issues);
    children.forEach((child, i) => visit(child, [...path, "children", i], here, inAdjustment));
  };
  set.items.forEach((item, i) => visit(item, ["items", i], null, item.adjustment === true));

  requirementIssues(placed, issues);

  const mapped = new Set<string>();
  (set.codeMap ?? []).forEach((entry, i) => {
    if (mapped.has(entry.from)) issues.add("codeMapTwice", ["codeMap", i, "from"], { from: entry.from });
    mapped.add(entry.from);
    if (entry.to !== null && !placed.has(entry.to)) issues.add("codeMapTarget", ["codeMap", i, "to"], { from: entry.from, to: entry.to });
  });

  const total = set.items.filter((i) => !i.adjustment).reduce((acc, i) => acc + toCents(i.max ?? 0), 0);
  if (total !== toCents(set.maxPoints)) issues.add("maxPointsSum", ["maxPoints"], { max: set.maxPoints, sum: total / 100 });
  return issues.list;
}

function parentIssues(item: CriteriaItem, path: Path, inAdjustment: boolean, issues: Issues): void {
  const children = item.children ?? [];
  const code = item.code;
  if (item.rule) issues.add("parentWithRule", [...path, "rule"], { code });
  for (const key of ["notApplicable", "requires"] as const) if (item[key] !== undefined) issues.add("leafOnly", [...path, key], { field: key, code });
  if (item.floor !== undefined && item.max !== undefined && toCents(item.floor) > toCents(item.max)) {
    issues.add("floorAboveMax", [...path, "floor"], { code, floor: item.floor, max: item.max });
  }
  if (item.max === undefined) {
    // A bonus and deduction section may leave its parents' max out; one it gives must add up (§1).
    if (!inAdjustment) issues.add("parentNoMax", [...path, "max"], { code });
    return;
  }
  // A child with no max or a negative one is refused at its own field (leafIssues, or this
  // function for a parent): the parent's sum over it would only send the admin to the parent (CF2-4).
  const ownFault = (child: CriteriaItem) => {
    const leaf = !child.children?.length;
    return child.max === undefined ? leaf || !inAdjustment : leaf && child.max < 0;
  };
  if (children.some(ownFault)) return;
  const maxes = children.map((child) => toCents(child.max ?? 0));
  if (item.combine === "best") {
    const greatest = Math.max(...maxes);
    if (toCents(item.max) !== greatest) issues.add("bestMax", [...path, "max"], { code, max: item.max, greatest: greatest / 100 });
    return;
  }
  const sum = maxes.reduce((a, b) => a + b, 0);
  if (toCents(item.max) !== sum) issues.add("parentSum", [...path, "max"], { code, max: item.max, sum: sum / 100 });
}

function leafIssues(item: CriteriaItem, path: Path, inAdjustment: boolean, issues: Issues): void {
  const code = item.code;
  for (const key of ["floor", "combine"] as const) if (item[key] !== undefined) issues.add("parentOnly", [...path, key], { field: key, code });
  const max = item.max;
  const min = item.min ?? 0;
  if (max === undefined) {
    issues.add("leafNoMax", [...path, "max"], { code });
    return;
  }
  // Only a min the set gives can lie above the max: with none, a negative max is the fault.
  if (item.min !== undefined && min > max) issues.add("minAboveMax", [...path, "min"], { code });
  if (max < 0) issues.add("maxNegative", [...path, "max"], { code });
  const rule = item.rule;
  if (rule?.kind === "survey") {
    if (inAdjustment) issues.add("surveyInAdjustment", [...path, "rule"], { code });
    // §6: "`optional: true` is `notApplicable: "exclude"`" — both allowed; only "full" is refused (CF3-8).
    if (item.notApplicable === "full") issues.add("notApplicableSurvey", [...path, "notApplicable"], { code });
  }
  if (rule) ruleIssues(rule, item, [...path, "rule"], issues);
}

function ruleIssues(rule: Rule, item: CriteriaItem, path: Path, issues: Issues): void {
  const code = item.code;
  const max = item.max ?? 0;
  const min = item.min ?? 0;
  const outside = (points: number) => points < min || points > max;
  if (rule.kind === "choice" && rule.options.some(outside)) issues.add("optionOutside", [...path, "options"], { code, min, max });
  if (rule.kind === "ratio") {
    if (!rule.bands && !rule.proportional) issues.add("ratioNeedsBands", path, { code });
    (rule.bands ?? []).forEach((band, i) => {
      if (band.min !== undefined && band.above !== undefined) issues.add("bandBothBounds", [...path, "bands", i], { code });
      if (band.min === undefined && band.above === undefined) issues.add("bandNoBound", [...path, "bands", i], { code });
    });
    if (rule.bands?.some((b) => outside(b.points))) issues.add("bandPointsOutside", [...path, "bands"], { code, min, max });
  }
  if (rule.kind === "count") {
    // Points are clamp(base + n × each, min, max) (§6): a max reached only by clamping ("mỗi
    // sáng kiến 2 điểm, tối đa 3") and a base the clamp brings inside are the contract's own.
    if (toCents(rule.each) === 0) issues.add("countZeroEach", [...path, "each"], { code });
  }
}

/** `requires` names an existing non-survey item other than itself and its ancestors, and never closes a circle. */
function requirementIssues(placed: Map<string, Placed>, issues: Issues): void {
  const leavesUnder = (p: Placed): string[] => {
    const out: string[] = [];
    const walk = (item: CriteriaItem) => (item.children?.length ? item.children.forEach(walk) : out.push(item.code));
    walk(p.item);
    return out;
  };
  const dependsOn = new Map<string, string[]>();
  for (const [code, p] of placed) {
    const req = p.item.requires;
    if (!req || p.item.children?.length) continue;
    const path = [...p.path, "requires", "code"];
    const target = placed.get(req.code);
    if (!target) {
      issues.add("requiresMissing", path, { code, target: req.code });
      continue;
    }
    if (code === req.code || code.startsWith(`${req.code}.`)) {
      issues.add(code === req.code ? "requiresSelf" : "requiresAncestor", path, { code, target: req.code });
      continue;
    }
    if (target.item.rule?.kind === "survey") {
      issues.add("requiresSurvey", path, { code, target: req.code });
      continue;
    }
    const targetMax = target.item.max;
    if (targetMax !== undefined && toCents(req.atLeast) > toCents(targetMax)) {
      issues.add("requiresUnreachable", [...p.path, "requires", "atLeast"], { code, target: req.code, atLeast: req.atLeast, max: targetMax });
    }
    dependsOn.set(code, leavesUnder(target));
  }
  for (const cycle of findCycles(dependsOn)) {
    issues.add("requiresCycle", [...placed.get(cycle[0]!)!.path, "requires", "code"], { chain: [...cycle, cycle[0]].join(" → ") });
  }
}

/** Each circle of the graph once, as the codes along it (depth first, white/grey/black). */
function findCycles(edges: Map<string, string[]>): string[][] {
  const state = new Map<string, "grey" | "black">();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (code: string): void => {
    state.set(code, "grey");
    stack.push(code);
    for (const next of edges.get(code) ?? []) {
      if (state.get(next) === "grey") cycles.push(stack.slice(stack.indexOf(next)));
      else if (!state.has(next) && edges.has(next)) visit(next);
    }
    stack.pop();
    state.set(code, "black");
  };
  for (const code of edges.keys()) if (!state.has(code)) visit(code);
  return cycles;
}
