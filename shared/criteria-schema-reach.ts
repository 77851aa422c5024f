import type { CriteriaItem, CriteriaSetInput } from "./criteria-shape.ts";
import { issueText, type IssueKey } from "./criteria-issues.ts";
import type { StructuralIssue } from "./criteria-structure.ts";
import { toCents } from "./decimal.ts";

type Path = (string | number)[];

/**
 * A `manual` leaf's max that its step never lands on (CF3-7; steps count from 0, §3): the
 * decision grants that max, and a unit typing it would get SCORE_STEP and 0 for the item, so
 * the set is refused at the step (at the max when the step is the default 0.25). `choice`
 * options below the max and `ratio` bands that stop below it stay valid: the importer keeps
 * them as read, noted, and tests hold them valid (README, import choices).
 */
export function reachIssues(set: CriteriaSetInput): StructuralIssue[] {
  const issues: StructuralIssue[] = [];
  const add = (key: IssueKey, path: Path, params: Record<string, string | number>) => issues.push({ key, params, path, message: issueText(key, params, "en") });
  const visit = (item: CriteriaItem, path: Path): void => {
    if (item.children?.length) return item.children.forEach((child, i) => visit(child, [...path, "children", i]));
    if (item.max === undefined || item.max < 0) return; // refused at its own field already
    const code = item.code;
    const max = toCents(item.max);
    const rule = item.rule ?? { kind: "manual" as const, step: 0.25 };
    if (rule.kind === "manual" && toCents(rule.step) > 0 && max % toCents(rule.step) !== 0) {
      add("maxOffStep", item.rule ? [...path, "rule", "step"] : [...path, "max"], { code, max: item.max, step: rule.step });
    }
  };
  set.items.forEach((item, i) => visit(item, ["items", i]));
  return issues;
}
