import type { CriteriaSet } from "./criteria-schema.ts";
import { indexCriteria } from "./criteria-tree.ts";

/**
 * Year over year across criteria-set versions. `chain` lists the sets oldest first, one per
 * year; a code of `chain[i]` is carried to the newest set through the `codeMap` of every
 * newer set in turn: a listed code becomes its `to` (null: dropped), an unlisted one stays
 * itself if that set has it, else it is dropped. Returns the newest set's code, or null.
 */
export function codeTranslator(chain: readonly CriteriaSet[]): (setIndex: number, code: string) => string | null {
  const steps = chain.map((set) => ({
    map: new Map((set.codeMap ?? []).map((e) => [e.from, e.to])),
    codes: new Set(indexCriteria(set).nodes.map((n) => n.code)),
  }));
  return (setIndex, code) => {
    let current: string | null = code;
    for (let j = setIndex + 1; j < steps.length && current !== null; j++) {
      const step = steps[j]!;
      current = step.map.has(current) ? step.map.get(current)! : step.codes.has(current) ? current : null;
    }
    return current;
  };
}
