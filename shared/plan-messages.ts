import type { Locale } from "./findings.ts";
import { formatNumber } from "./messages.ts";
import type { PlanNeeds } from "./plan-candidates.ts";

/** The planner's words: Vietnamese first, then English; numbers with the locale's decimal mark. */

interface PlanFigures {
  targetPercent: number;
  currentPercent: number;
  rank?: number;
  shortfall: number;
  alreadyReached: boolean;
  reachable: boolean;
  items: { code: string }[];
  resultingPercent: number;
}

interface FixFigures {
  code: string;
  gain: number;
  needs: PlanNeeds;
  unlocks?: string[];
}

const n = (x: number, locale: Locale) => formatNumber(x, locale);

export function headline(plan: PlanFigures, locale: Locale): string {
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
      : `${t} %${rankEn} cannot be reached by fixes in the unit's hands: ${plan.items.length === 1 ? "fixing the one criterion left gives" : `fixing all ${plan.items.length} criteria gives`} ${n(plan.resultingPercent, locale)} %.`;
  }
  return locale === "vi"
    ? `Để đạt ${t} %${rankVi} (hiện ${cur} %, thiếu ${n(plan.shortfall, locale)} điểm) cần khắc phục ${plan.items.length} tiêu chí: ${list}; đạt ${n(plan.resultingPercent, locale)} %.`
    : `To reach ${t} %${rankEn} (now ${cur} %, ${n(plan.shortfall, locale)} ${plan.shortfall === 1 ? "point" : "points"} short) fix ${plan.items.length} ${plan.items.length === 1 ? "criterion" : "criteria"}: ${list}; giving ${n(plan.resultingPercent, locale)} %.`;
}

/** "90 %" for an inclusive bound, "trên 90 %" / "above 90 %" for a strict one. */
function bound(percent: number, strict: boolean | undefined, locale: Locale): string {
  const p = `${n(percent, locale)} %`;
  return strict ? (locale === "vi" ? `trên ${p}` : `above ${p}`) : p;
}

export function itemMessage(item: FixFigures, locale: Locale): string {
  const { code, needs } = item;
  const g = `+${n(item.gain, locale)}`;
  const vi = locale === "vi";
  const ev = "evidenceRequired" in needs && needs.evidenceRequired ? (vi ? ", kèm tài liệu kiểm chứng" : ", with evidence") : "";
  const unlocks = item.unlocks ? (vi ? `; là điều kiện để tính điểm tiêu chí ${item.unlocks.join(", ")}` : `; it is the condition for ${item.unlocks.join(", ")}`) : "";
  switch (needs.kind) {
    case "evidence":
      return vi
        ? `Tiêu chí ${code}: bổ sung tài liệu kiểm chứng (số, ký hiệu, ngày văn bản) để được tính ${n(needs.lost, locale)} điểm đã tự chấm (${g})${unlocks}.`
        : `Criterion ${code}: cite evidence (number, symbol, date) so the self-score ${n(needs.lost, locale)} counts (${g})${unlocks}.`;
    case "score": {
      const next = needs.next !== undefined ? (vi ? `; mức kế tiếp ${n(needs.next, locale)}` : `; next step ${n(needs.next, locale)}`) : "";
      return vi
        ? `Tiêu chí ${code}: nâng điểm từ ${n(needs.from, locale)} lên ${n(needs.to, locale)}${ev} (${g})${next}${unlocks}.`
        : `Criterion ${code}: raise the score from ${n(needs.from, locale)} to ${n(needs.to, locale)}${ev} (${g})${next}${unlocks}.`;
    }
    case "ratio": {
      const under = needs.fromBound === "below" ? (vi ? "dưới " : "under ") : needs.fromBound === "above" ? (vi ? "trên " : "over ") : "";
      const from = needs.fromPercent === null ? (vi ? "chưa kê khai" : "not declared") : `${under}${n(needs.fromPercent, locale)} %`;
      const to = bound(needs.toPercent, needs.strict, locale);
      const next = needs.next
        ? vi
          ? `; mức kế tiếp ${bound(needs.next.percent, needs.next.strict, locale)} được +${n(needs.next.gain, locale)}`
          : `; the next band ${bound(needs.next.percent, needs.next.strict, locale)} gives +${n(needs.next.gain, locale)}`
        : "";
      return vi ? `Tiêu chí ${code}: tỷ lệ ${from} → ${to} được ${g} điểm${ev}${next}${unlocks}.` : `Criterion ${code}: ratio ${from} → ${to} gives ${g}${ev}${next}${unlocks}.`;
    }
    case "count": {
      const from = needs.fromCount === null ? (vi ? "chưa kê khai" : "not declared") : String(needs.fromCount);
      const next = needs.next ? (vi ? `; mức kế tiếp ${needs.next.count} được +${n(needs.next.gain, locale)}` : `; ${needs.next.count} gives +${n(needs.next.gain, locale)}`) : "";
      return vi ? `Tiêu chí ${code}: số lượng ${from} → ${needs.toCount} được ${g} điểm${ev}${next}${unlocks}.` : `Criterion ${code}: count ${from} → ${needs.toCount} gives ${g}${ev}${next}${unlocks}.`;
    }
  }
}
