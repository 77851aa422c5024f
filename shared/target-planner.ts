import type { CriteriaSet } from "./criteria-schema.ts";
import { indexCriteria, type CriteriaNode } from "./criteria-tree.ts";
import type { FindingCode, Locale } from "./findings.ts";
import { formatNumber } from "./messages.ts";
import type { Rankable } from "./rank.ts";
import type { ItemScore, Report } from "./report.ts";
import { bandThreshold, ratioPoints } from "./ratio-bands.ts";
import { clamp, fromCents, percentOf, toCents } from "./decimal.ts";

/**
 * Target planner (issue 8): given a unit's report and a target — an index percentage, a
 * rank within a ranking, or both — the smallest set of criteria whose fix reaches it,
 * with what each fix needs.
 *
 * Candidates are the self-assessed leaves that lost points:
 * - not survey leaves: the sociological survey is scored by the province, not the unit;
 * - not adjustment (bonus/penalty) leaves: they follow events, not the unit's file;
 * - not "không áp dụng" leaves: they count in neither the total nor the maximum.
 * One fix per leaf, the one that regains the most:
 * - EVIDENCE_MISSING → cite evidence; regains the self-score the engine set to 0;
 * - manual/choice (including blank or invalid scores) → raise the score to the maximum
 *   (the next choice option is shown as a smaller step);
 * - ratio with bands → reach the threshold of the top band (the next band is shown too);
 * - proportional ratio → reach the rule's target percentage for full points.
 * Fixes are independent: each adds its gain to the total and none changes the maximum,
 * so the index after a set of fixes is (total + Σ gains) / max.
 *
 * Everything runs in integer cents like the engine; the index is total/max·100 rounded
 * half up to two decimals, and a target is reached when that rounded index ≥ target.
 */

export type PlanTarget =
  | { percent: number }
  | {
      /** Rank to reach or beat (1 = first). */
      rank: number;
      /** The unit planned for, as it is named in `ranking` (its own entry is ignored). */
      unit: string;
      ranking: readonly Rankable[];
      /** Also reach this index (e.g. Lạng Sơn: ≥ 85 % and top 35): the stricter one applies. */
      percent?: number;
    };

export type PlanNeeds =
  | { kind: "evidence"; lost: number; finding: "EVIDENCE_MISSING" }
  | {
      kind: "score";
      from: number;
      to: number;
      /** Next allowed value above the current score (choice options, manual steps). */
      next?: number;
      evidenceRequired: boolean;
      /** Why the current score counts less than typed, when a finding says so. */
      finding?: FindingCode;
    }
  | {
      kind: "ratio";
      mode: "bands" | "proportional";
      /** Declared percentage now (null when DATA_MISSING). */
      fromPercent: number | null;
      /** Percentage that gives full points (top band threshold or proportional target). */
      toPercent: number;
      /** The nearest higher band: its threshold and what it alone regains. */
      next?: { percent: number; gain: number };
      evidenceRequired: boolean;
      finding?: FindingCode;
    };

export interface PlanItem {
  code: string;
  title: string;
  ruleKind: ItemScore["kind"];
  /** Points regained by the fix. */
  gain: number;
  needs: PlanNeeds;
  message: Record<Locale, string>;
}

export interface Plan {
  /** Index to reach (the rank target converted, see `rankToPercent`). */
  targetPercent: number;
  rank?: number;
  currentPercent: number;
  /** Points still missing to reach the target (0 when already reached). */
  shortfall: number;
  alreadyReached: boolean;
  reachable: boolean;
  /** The chosen fixes, largest gain first; every candidate when unreachable. */
  items: PlanItem[];
  gain: number;
  resultingPercent: number;
  /** Number of leaves that could be fixed at all. */
  candidates: number;
  message: Record<Locale, string>;
}

const FIXABLE_FINDINGS: FindingCode[] = [
  "MISSING_CRITERION", "SCORE_BLANK", "SCORE_NOT_NUMBER", "SCORE_OVER_MAX", "SCORE_NEGATIVE", "SCORE_STEP",
  "NOT_APPLICABLE_NOT_ALLOWED", "FORMULA_ERROR", "DATA_MISSING",
];

/**
 * The index a unit needs for rank `rank`: ranking is competition ranking (ties share a
 * rank, "1, 2, 2, 4"), so it is enough to TIE the unit now r-th among the others — then
 * at most r − 1 units are strictly above. Below that percentage, r units are strictly
 * above. Fewer than r other units: any index will do (0). The others are held fixed.
 */
export function rankToPercent(rank: number, unit: string, ranking: readonly Rankable[]): number {
  const others = ranking
    .filter((e) => e.unit !== unit)
    .map((e) => toCents(e.percent))
    .sort((a, b) => b - a);
  if (rank < 1) return Infinity;
  const rival = others[Math.floor(rank) - 1];
  return rival === undefined ? 0 : fromCents(rival);
}

interface Candidate {
  node: CriteriaNode;
  item: ItemScore;
  gainCents: number;
  needs: PlanNeeds;
  order: number;
}

function firstFinding(report: Report, code: string, among: FindingCode[]): FindingCode | undefined {
  return report.findings.find((f) => f.criterion === code && among.includes(f.code))?.code;
}

function candidateFor(report: Report, node: CriteriaNode, item: ItemScore, order: number): Candidate | null {
  const rule = node.rule;
  if (rule.kind === "survey" || node.inAdjustment || item.notApplicable) return null;
  const max = node.item.max ?? 0;
  const scoreCents = toCents(item.score);
  const evidenceRequired = node.item.evidence?.required === true;
  const finding = firstFinding(report, node.code, FIXABLE_FINDINGS);
  const withFinding = <T extends object>(needs: T): T => (finding ? { ...needs, finding } : needs);

  if (firstFinding(report, node.code, ["EVIDENCE_MISSING"])) {
    // The typed (or, for a ratio, computed) score was accepted but zeroed for lack of evidence.
    const lost =
      rule.kind === "ratio"
        ? item.percent === undefined ? 0 : toCents(ratioPoints(rule, max, item.percent))
        : typeof item.self === "number" ? toCents(item.self) : 0;
    const gainCents = lost - scoreCents;
    return gainCents > 0 ? { node, item, gainCents, needs: { kind: "evidence", lost: fromCents(lost), finding: "EVIDENCE_MISSING" }, order } : null;
  }

  if (rule.kind === "ratio") {
    const fromPercent = item.percent ?? null;
    if (rule.proportional) {
      const target = rule.target ?? 100;
      const gainCents = toCents(max) - scoreCents;
      if (gainCents <= 0) return null;
      return { node, item, gainCents, order, needs: withFinding({ kind: "ratio", mode: "proportional", fromPercent, toPercent: target, evidenceRequired }) };
    }
    const bands = [...(rule.bands ?? [])].sort((a, b) => bandThreshold(a) - bandThreshold(b));
    const best = Math.max(...bands.map((b) => toCents(b.points)));
    const top = bands.find((b) => toCents(b.points) === best)!;
    const gainCents = best - scoreCents;
    if (gainCents <= 0) return null;
    const nextBand = bands.find((b) => toCents(b.points) > scoreCents && (fromPercent === null || bandThreshold(b) > fromPercent));
    const needs: PlanNeeds = { kind: "ratio", mode: "bands", fromPercent, toPercent: bandThreshold(top), evidenceRequired };
    if (nextBand && nextBand !== top) needs.next = { percent: bandThreshold(nextBand), gain: fromCents(toCents(nextBand.points) - scoreCents) };
    return { node, item, gainCents, order, needs: withFinding(needs) };
  }

  const gainCents = toCents(max) - scoreCents;
  if (gainCents <= 0) return null;
  let next: number | undefined;
  if (rule.kind === "choice") {
    next = rule.options.map(toCents).filter((o) => o > scoreCents).sort((a, b) => a - b).map(fromCents)[0];
  } else if (rule.kind === "manual") {
    const step = toCents(rule.step);
    next = fromCents(Math.min(toCents(max), (Math.floor(scoreCents / step) + 1) * step));
  }
  const needs: PlanNeeds = { kind: "score", from: item.score, to: max, evidenceRequired };
  if (next !== undefined && toCents(next) < toCents(max)) needs.next = next;
  return { node, item, gainCents, order, needs: withFinding(needs) };
}

/** The index with `extra` cents added, as the engine computes it. */
function indexCents(totalCents: number, maxCents: number, extra: number): number {
  return toCents(clamp(percentOf(totalCents + extra, maxCents), 0, 100));
}

/** Least gain in cents that makes the rounded index reach `targetCents`, or null. */
function requiredGain(totalCents: number, maxCents: number, targetCents: number): number | null {
  if (indexCents(totalCents, maxCents, 0) >= targetCents) return 0;
  const hi = Math.max(0, maxCents - totalCents);
  if (indexCents(totalCents, maxCents, hi) < targetCents) return null;
  let lo = 0;
  let up = hi;
  while (up - lo > 1) {
    const mid = Math.floor((lo + up) / 2);
    if (indexCents(totalCents, maxCents, mid) >= targetCents) up = mid;
    else lo = mid;
  }
  return up;
}

/**
 * Choose the fewest candidates whose gains reach `needCents`; among those, the largest total.
 *
 * Exact for any number of candidates, by an exchange argument: sort gains descending,
 * g1 ≥ g2 ≥ …. Any j candidates sum to at most g1 + … + gj, so if that prefix is below
 * the need no j-set reaches it; the least k whose prefix reaches it is the minimum count.
 * Among k-sets the prefix g1 + … + gk is also the largest total, so it is the preferred
 * set; no search over combinations is needed (the test checks this against brute force).
 * Equal gains are broken by criteria-set order, so the answer is deterministic.
 */
export function chooseFixes<T extends { gainCents: number; order: number }>(candidates: readonly T[], needCents: number): T[] | null {
  const sorted = [...candidates].sort((a, b) => b.gainCents - a.gainCents || a.order - b.order);
  const chosen: T[] = [];
  let sum = 0;
  for (const c of sorted) {
    if (sum >= needCents) break;
    chosen.push(c);
    sum += c.gainCents;
  }
  return sum >= needCents ? chosen : null;
}

/** Plan the fixes that bring `report` to `target`. Never throws on report content. */
export function planTarget(report: Report, set: CriteriaSet, target: PlanTarget): Plan {
  const index = indexCriteria(set);
  const rank = "rank" in target ? target.rank : undefined;
  const fromRank = "rank" in target ? rankToPercent(target.rank, target.unit, target.ranking) : 0;
  const targetPercent = Math.max(fromRank, target.percent ?? 0);
  const targetCents = Number.isFinite(targetPercent) ? toCents(targetPercent) : Infinity;

  const totalCents = toCents(report.total);
  const maxCents = toCents(report.max);
  const candidates: Candidate[] = [];
  report.items.forEach((item, order) => {
    const node = index.byCode.get(item.code);
    if (!node || !node.isLeaf) return;
    const c = candidateFor(report, node, item, order);
    if (c) candidates.push(c);
  });

  const need = targetCents > 100_00 ? null : requiredGain(totalCents, maxCents, targetCents);
  const chosen = need === null ? null : chooseFixes(candidates, need);
  const reachable = chosen !== null;
  const picked = chosen ?? [...candidates].sort((a, b) => b.gainCents - a.gainCents || a.order - b.order);
  const gainCents = picked.reduce((acc, c) => acc + c.gainCents, 0);
  const currentCents = indexCents(totalCents, maxCents, 0);
  const alreadyReached = currentCents >= targetCents;
  const resultingPercent = fromCents(indexCents(totalCents, maxCents, gainCents));
  const shortfallCents = need ?? Math.max(0, Math.ceil(((targetCents / 100_00) * maxCents) - totalCents));

  const items: PlanItem[] = picked.map((c) => {
    const gain = fromCents(c.gainCents);
    return {
      code: c.node.code,
      title: c.node.title,
      ruleKind: c.item.kind,
      gain,
      needs: c.needs,
      message: { vi: itemMessage(c.node.code, gain, c.needs, "vi"), en: itemMessage(c.node.code, gain, c.needs, "en") },
    };
  });

  const plan: Plan = {
    targetPercent: Number.isFinite(targetPercent) ? targetPercent : 100_00,
    currentPercent: report.percent,
    shortfall: fromCents(shortfallCents),
    alreadyReached,
    reachable,
    items: alreadyReached ? [] : items,
    gain: alreadyReached ? 0 : fromCents(gainCents),
    resultingPercent: alreadyReached ? report.percent : resultingPercent,
    candidates: candidates.length,
    message: { vi: "", en: "" },
  };
  if (rank !== undefined) plan.rank = rank;
  plan.message = { vi: headline(plan, "vi"), en: headline(plan, "en") };
  return plan;
}

// ── Messages: Vietnamese first, then English; numbers with the locale's decimal mark. ──

const n = (x: number, locale: Locale) => formatNumber(x, locale);

function headline(plan: Plan, locale: Locale): string {
  const t = n(plan.targetPercent, locale);
  const cur = n(plan.currentPercent, locale);
  const rankVi = plan.rank !== undefined ? ` (hạng ${plan.rank})` : "";
  const rankEn = plan.rank !== undefined ? ` (rank ${plan.rank})` : "";
  const list = plan.items.map((i) => i.code).join(", ");
  if (plan.alreadyReached) {
    return locale === "vi" ? `Đã đạt mục tiêu ${t} %${rankVi}: chỉ số hiện tại ${cur} %.` : `Target ${t} %${rankEn} already reached: the index is ${cur} %.`;
  }
  if (!plan.reachable) {
    return locale === "vi"
      ? `Không thể đạt ${t} %${rankVi} bằng các tiêu chí đơn vị tự khắc phục được: khắc phục tất cả (${plan.items.length} tiêu chí) chỉ đạt ${n(plan.resultingPercent, locale)} %.`
      : `${t} %${rankEn} cannot be reached by fixes in the unit's hands: fixing all ${plan.items.length} criteria gives ${n(plan.resultingPercent, locale)} %.`;
  }
  return locale === "vi"
    ? `Để đạt ${t} %${rankVi} (hiện ${cur} %, thiếu ${n(plan.shortfall, locale)} điểm) cần khắc phục ${plan.items.length} tiêu chí: ${list}; đạt ${n(plan.resultingPercent, locale)} %.`
    : `To reach ${t} %${rankEn} (now ${cur} %, ${n(plan.shortfall, locale)} points short) fix ${plan.items.length} criteria: ${list}; giving ${n(plan.resultingPercent, locale)} %.`;
}

function itemMessage(code: string, gain: number, needs: PlanNeeds, locale: Locale): string {
  const g = `+${n(gain, locale)}`;
  const vi = locale === "vi";
  const ev = "evidenceRequired" in needs && needs.evidenceRequired ? (vi ? ", kèm tài liệu kiểm chứng" : ", with evidence") : "";
  switch (needs.kind) {
    case "evidence":
      return vi
        ? `Tiêu chí ${code}: bổ sung tài liệu kiểm chứng (số, ký hiệu, ngày văn bản) để được tính ${n(needs.lost, locale)} điểm đã tự chấm (${g}).`
        : `Criterion ${code}: cite evidence (number, symbol, date) so the self-score ${n(needs.lost, locale)} counts (${g}).`;
    case "score": {
      const next = needs.next !== undefined ? (vi ? `; mức kế tiếp ${n(needs.next, locale)}` : `; next step ${n(needs.next, locale)}`) : "";
      return vi
        ? `Tiêu chí ${code}: nâng điểm từ ${n(needs.from, locale)} lên ${n(needs.to, locale)}${ev} (${g})${next}.`
        : `Criterion ${code}: raise the score from ${n(needs.from, locale)} to ${n(needs.to, locale)}${ev} (${g})${next}.`;
    }
    case "ratio": {
      const from = needs.fromPercent === null ? (vi ? "chưa kê khai" : "not declared") : `${n(needs.fromPercent, locale)} %`;
      const next = needs.next ? (vi ? `; mức kế tiếp ${n(needs.next.percent, locale)} % được +${n(needs.next.gain, locale)}` : `; the next band ${n(needs.next.percent, locale)} % gives +${n(needs.next.gain, locale)}`) : "";
      return vi
        ? `Tiêu chí ${code}: tỷ lệ ${from} → ${n(needs.toPercent, locale)} % được ${g} điểm${ev}${next}.`
        : `Criterion ${code}: ratio ${from} → ${n(needs.toPercent, locale)} % gives ${g}${ev}${next}.`;
    }
  }
}
