import type { CriteriaIndex, CriteriaNode } from "./criteria-tree.ts";
import { combinedTotalCents, type LeafScore } from "./combine-scores.ts";

/**
 * Which fixes reach a needed gain with the fewest fixes, then the largest gain, when fixes
 * interact (CRITERIA-FORMAT.md §6): raising a non-best alternative of a `best` parent gains
 * only past the current best, a `floor` swallows gains below it, and a fix of an item another
 * leaf `requires` may unlock that leaf's score. Fixes interact only inside a group: the leaves
 * under the outermost best-or-floor parent, joined with every leaf a condition links them to.
 * Between groups gains add up, so each group's best gain for k fixes (every subset, for
 * groups up to GROUP_EXACT fixes) is combined over groups by dynamic programming on the count.
 */

export interface Fix {
  code: string;
  order: number;
  fixedCents: number;
}

export interface ChosenFix<F extends Fix> {
  fix: F;
  /** What it adds once the fixes chosen before it in its group are made. */
  gainCents: number;
}

/** Subsets of a group are all tried up to this many fixes; a larger group is filled greedily. */
const GROUP_EXACT = 12;

export class FixSearch {
  private readonly base: Map<string, LeafScore>;
  private readonly baseTotal: number;

  constructor(
    private readonly index: CriteriaIndex,
    leaves: ReadonlyMap<string, LeafScore>,
  ) {
    this.base = new Map(leaves);
    this.baseTotal = this.total([]);
  }

  /** Total score in cents with these fixes made. */
  total(fixes: readonly Fix[]): number {
    const leaves = new Map(this.base);
    for (const f of fixes) leaves.set(f.code, { ...leaves.get(f.code), cents: f.fixedCents });
    return combinedTotalCents(this.index, leaves);
  }

  gain(fixes: readonly Fix[]): number {
    return this.total(fixes) - this.baseTotal;
  }

  /** Fixes that interact, in groups (each in set order), groups in the order of their first fix. */
  groups<F extends Fix>(fixes: readonly F[]): F[][] {
    const root = linkedLeaves(this.index);
    const byRoot = new Map<string, F[]>();
    for (const f of [...fixes].sort((a, b) => a.order - b.order)) {
      const key = root(f.code);
      byRoot.set(key, [...(byRoot.get(key) ?? []), f]);
    }
    return [...byRoot.values()];
  }

  /**
   * The fewest fixes whose gain reaches `needCents`, then the largest gain; null when all of
   * them together fall short. Each chosen fix comes with its gain given the ones before it.
   */
  choose<F extends Fix>(fixes: readonly F[], needCents: number): ChosenFix<F>[] | null {
    const options = this.groups(fixes).map((group) => this.bestPerCount(group));
    // best[c] = largest gain with c fixes over the groups seen; picks[g][c] = fixes taken from group g.
    let best: number[] = [0];
    const picks: number[][] = [];
    for (const group of options) {
      const next: number[] = [];
      const pick: number[] = [];
      best.forEach((gain, c) => {
        group.forEach((option, k) => {
          const total = gain + option.gain;
          if (next[c + k] === undefined || total > next[c + k]!) {
            next[c + k] = total;
            pick[c + k] = k;
          }
        });
      });
      picks.push(pick);
      best = next;
    }
    const count = best.findIndex((gain) => gain >= needCents);
    if (count < 0) return null;
    const chosen: ChosenFix<F>[] = [];
    let c = count;
    for (let g = options.length - 1; g >= 0; g--) {
      const k = picks[g]![c]!;
      chosen.unshift(...options[g]![k]!.fixes);
      c -= k;
    }
    return chosen;
  }

  /** For k = 0 … size: the largest gain of k fixes of one group, with the fixes in the order they add most. */
  private bestPerCount<F extends Fix>(group: readonly F[]): { gain: number; fixes: ChosenFix<F>[] }[] {
    const out: { gain: number; fixes: F[] }[] = [{ gain: 0, fixes: [] }];
    if (group.length <= GROUP_EXACT) {
      for (let mask = 1; mask < 1 << group.length; mask++) {
        const fixes = group.filter((_, i) => mask & (1 << i));
        const gain = this.gain(fixes);
        const k = fixes.length;
        if (out[k] === undefined || gain > out[k]!.gain) out[k] = { gain, fixes };
      }
    } else {
      let taken: F[] = [];
      for (let k = 1; k <= group.length; k++) {
        const rest = group.filter((f) => !taken.includes(f));
        const tries = rest.map((f) => ({ f, gain: this.gain([...taken, f]) }));
        const top = tries.reduce((a, b) => (b.gain > a.gain ? b : a));
        taken = [...taken, top.f];
        out[k] = { gain: top.gain, fixes: taken };
      }
    }
    return out.map((o) => ({ gain: o.gain, fixes: this.inGainOrder(o.fixes) }));
  }

  /** Fixes ordered so each adds the most given those before it, with that gain. */
  inGainOrder<F extends Fix>(fixes: readonly F[]): ChosenFix<F>[] {
    const ordered: ChosenFix<F>[] = [];
    let rest = [...fixes];
    let before = 0;
    while (rest.length > 0) {
      const made = ordered.map((c) => c.fix);
      const tries = rest.map((f) => ({ f, gain: this.gain([...made, f]) - before }));
      const top = tries.reduce((a, b) => (b.gain > a.gain ? b : a));
      ordered.push({ fix: top.f, gainCents: top.gain });
      before += top.gain;
      rest = rest.filter((f) => f !== top.f);
    }
    return ordered;
  }
}

/** Union-find over leaves: the root a leaf shares with every leaf its score interacts with. */
function linkedLeaves(index: CriteriaIndex): (code: string) => string {
  const parent = new Map<string, string>();
  const find = (code: string): string => {
    const up = parent.get(code);
    if (up === undefined || up === code) return code;
    const root = find(up);
    parent.set(code, root);
    return root;
  };
  const join = (leaves: CriteriaNode[]) => {
    const [first, ...rest] = leaves.map((l) => find(l.code));
    for (const r of rest) if (r !== first) parent.set(r, first!);
  };
  for (const node of index.nodes) {
    if (!node.isLeaf && (node.item.combine === "best" || node.item.floor !== undefined)) join(node.leaves);
    const target = node.item.requires && index.byCode.get(node.item.requires.code);
    if (target) join([node, ...target.leaves]);
  }
  return find;
}
