/**
 * The lines every bench ends with: a figure measured in this run, its goal beside it, and
 * whether it is met, in one format so `npm run bench` reads as a table of goals (issue 17).
 */
export type Goal = { atMost: number } | { atLeast: number };

const met = (value: number, goal: Goal): boolean => ("atMost" in goal ? value <= goal.atMost : value >= goal.atLeast);

/** Ratios with two decimals; counts and sizes as they are. */
const shown = (value: number, unit: string): string => `${unit === "×" || !Number.isInteger(value) ? value.toFixed(2) : String(value)}${unit}`;

function bound(goal: Goal, unit: string): string {
  return "atMost" in goal ? `≤ ${shown(goal.atMost, unit)}` : `≥ ${shown(goal.atLeast, unit)}`;
}

/**
 * "  label ....  1.13×   goal ≤ 1.20×   met" (unit "×" for ratios, any other for absolute
 * figures); a null goal marks a figure printed for reference only.
 */
export function goalLine(label: string, value: number, goal: Goal | null, unit = "×", note = ""): string {
  const verdict = goal === null ? "reference, no goal" : `goal ${bound(goal, unit).padEnd(12)} ${met(value, goal) ? "met" : "MISSED"}`;
  return `  ${label.padEnd(58)} ${shown(value, unit).padStart(10)}   ${verdict}${note ? `   (${note})` : ""}`;
}

export interface GrowthPoint {
  /** Rows, units… the size the cost is divided by. */
  size: number;
  /** Cost of the whole workload at that size, ms. */
  ms: number;
}

/**
 * Cost at each size, cost per unit, and one goal line per range: per-unit cost at the
 * larger size over per-unit cost at the smaller (linear growth = 1.00×). With
 * `perSize: false` the cost is already per unit (a request whose cost should not depend on
 * the size): it is compared as it is.
 */
export function growthLines(label: string, unit: string, points: GrowthPoint[], goal: Goal | null = { atMost: 1.2 }, opts = { perSize: true }): string[] {
  const perUnitUs = (p: GrowthPoint): number => (p.ms * 1000) / (opts.perSize ? p.size : 1);
  const sizes = points.map((p) => (opts.perSize ? `${p.size.toLocaleString("en-US")} ${unit}s ${p.ms.toFixed(1)} ms (${perUnitUs(p).toFixed(2)} µs/${unit})` : `at ${p.size.toLocaleString("en-US")} ${p.ms.toFixed(1)} ms/${unit}`));
  const lines = [`  ${label}: ${sizes.join(", ")}`];
  for (let i = 1; i < points.length; i++) {
    const [a, b] = [points[i - 1]!, points[i]!];
    const range = `${a.size.toLocaleString("en-US")} → ${b.size.toLocaleString("en-US")}`;
    lines.push(goalLine(`  per-${unit} cost growth ${range}${opts.perSize ? ` ${unit}s` : ""}`, perUnitUs(b) / perUnitUs(a), goal));
  }
  return lines;
}
