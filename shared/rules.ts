import type { CriteriaNode } from "./criteria-tree.ts";
import type { GridCell } from "./grid.ts";
import type { FindingInput } from "./messages.ts";
import { isWholeHundredths, round2, toCents } from "./decimal.ts";
import { isNotApplicableText, readCellNumber, readDeclaredRatio } from "./values.ts";
import { ratioPoints } from "./ratio-bands.ts";

/** What the workbook says about one leaf. */
export interface LeafInput {
  node: CriteriaNode;
  self?: GridCell | undefined;
  selfAddress?: string | undefined;
  data?: GridCell | undefined;
  dataAddress?: string | undefined;
  /** Imported survey score, for survey leaves. */
  survey?: number | undefined;
}

export interface LeafResult {
  /** What was typed: a number, the raw text, or null. */
  self: number | string | null;
  notApplicable: boolean;
  /** Accepted score in cents before the evidence check. */
  cents: number;
  /** Declared percentage, for ratio leaves. */
  percent?: number;
  findings: FindingInput[];
}

function allowedScale(node: CriteriaNode): string {
  const rule = node.rule;
  if (rule.kind === "choice") return rule.options.join("; ");
  if (rule.kind === "manual") return `bước ${rule.step}`;
  return "";
}

function typedSelf(cell: GridCell | undefined): { self: number | string | null; na: boolean; error: string | null } {
  const read = readCellNumber(cell);
  if (read.kind === "number") return { self: read.value, na: false, error: null };
  if (read.kind === "error") return { self: read.text, na: false, error: read.text };
  if (read.kind === "text") return { self: read.text, na: isNotApplicableText(read.text), error: null };
  return { self: null, na: false, error: null };
}

/** Score one leaf by its rule (CRITERIA-FORMAT.md §3), before the evidence check. */
export function scoreLeaf(input: LeafInput): LeafResult {
  const { node } = input;
  const max = node.item.max ?? 0;
  const min = node.item.min ?? 0;
  const at = (cell: string | undefined): Pick<FindingInput, "criterion" | "cell"> => ({ criterion: node.code, cell });
  const typed = typedSelf(input.self);
  const dataNa = typeof input.data?.v === "string" && isNotApplicableText(input.data.v);
  const findings: FindingInput[] = [];
  const result = (cents: number, extra: Partial<LeafResult> = {}): LeafResult => ({
    self: typed.self,
    notApplicable: false,
    cents,
    findings,
    ...extra,
  });

  if (node.rule.kind === "survey") {
    if (typed.self !== null) findings.push({ code: "SURVEY_SCORED", ...at(input.selfAddress), params: { value: String(typed.self) } });
    const survey = input.survey ?? 0;
    return result(toCents(Math.min(max, Math.max(0, survey))));
  }

  if (typed.na || dataNa) {
    if (node.item.optional) return result(0, { notApplicable: true });
    findings.push({ code: "NOT_APPLICABLE_NOT_ALLOWED", ...at(input.selfAddress) });
    return result(0);
  }

  if (node.rule.kind === "ratio") return scoreRatio(input, typed.self, typed.error, findings);

  if (typed.error !== null) {
    findings.push({ code: "FORMULA_ERROR", ...at(input.selfAddress), params: { value: typed.error } });
    return result(0);
  }
  if (typed.self === null) {
    findings.push({ code: "SCORE_BLANK", ...at(input.selfAddress), params: { max } });
    return result(0);
  }
  if (typeof typed.self === "string") {
    findings.push({ code: "SCORE_NOT_NUMBER", ...at(input.selfAddress), params: { value: typed.self } });
    return result(0);
  }
  const value = typed.self;
  if (value > max) {
    findings.push({ code: "SCORE_OVER_MAX", ...at(input.selfAddress), params: { value, max } });
    return result(0);
  }
  if (value < min) {
    findings.push({ code: "SCORE_NEGATIVE", ...at(input.selfAddress), params: { value, min } });
    return result(0);
  }
  const rule = node.rule;
  const onScale =
    isWholeHundredths(value) &&
    (rule.kind === "choice" ? rule.options.some((o) => toCents(o) === toCents(value)) : rule.kind === "manual" && toCents(value) % toCents(rule.step) === 0);
  if (!onScale) {
    findings.push({ code: "SCORE_STEP", ...at(input.selfAddress), params: { value, allowed: allowedScale(node) } });
    return result(0);
  }
  return result(toCents(value));
}

function scoreRatio(input: LeafInput, self: number | string | null, selfError: string | null, findings: FindingInput[]): LeafResult {
  const { node } = input;
  const rule = node.rule;
  if (rule.kind !== "ratio") throw new Error("scoreRatio needs a ratio rule");
  const max = node.item.max ?? 0;
  if (input.data?.err !== undefined) {
    findings.push({ code: "FORMULA_ERROR", criterion: node.code, cell: input.dataAddress, params: { value: input.data.err } });
    return { self, notApplicable: false, cents: 0, findings };
  }
  const declared = readDeclaredRatio(input.data);
  if (!declared) {
    findings.push({ code: "DATA_MISSING", criterion: node.code, cell: input.dataAddress ?? input.selfAddress });
    return { self, notApplicable: false, cents: 0, findings };
  }
  const points = ratioPoints(rule, max, declared.percent);
  const cents = toCents(points);
  if (selfError !== null) {
    findings.push({ code: "FORMULA_ERROR", criterion: node.code, cell: input.selfAddress, params: { value: selfError } });
  } else if (self !== null && (typeof self !== "number" || toCents(self) !== cents || !isWholeHundredths(self))) {
    findings.push({
      code: "RATIO_SCORE_MISMATCH",
      criterion: node.code,
      cell: input.selfAddress,
      params: { value: typeof self === "number" ? self : String(self), computed: points, percent: round2(declared.percent) },
    });
  }
  return { self, notApplicable: false, cents, percent: declared.percent, findings };
}
