import type { CriteriaItem, CriteriaSet, Rule } from "./criteria-schema.ts";

/** A criteria item placed in its tree, with what scoring needs precomputed. */
export interface CriteriaNode {
  /** Position in CriteriaIndex.nodes: per-node results of one scoring live in arrays at it. */
  index: number;
  item: CriteriaItem;
  code: string;
  title: string;
  depth: number;
  parent: CriteriaNode | null;
  field: CriteriaNode;
  children: CriteriaNode[];
  isLeaf: boolean;
  /** The leaves below (itself for a leaf), in set order. */
  leaves: CriteriaNode[];
  /** Leaf rule, defaulting to manual with a 0.25 step. */
  rule: Rule;
  inAdjustment: boolean;
}

export interface CriteriaIndex {
  set: CriteriaSet;
  /** Every node in set order (depth first). */
  nodes: CriteriaNode[];
  byCode: Map<string, CriteriaNode>;
  leaves: CriteriaNode[];
  fields: CriteriaNode[];
}

const DEFAULT_RULE: Rule = { kind: "manual", step: 0.25 };

/**
 * Indexes by set: a criteria set is a value (parsed once, never changed), and the CLI, the
 * Worker and the add-in score many workbooks against the same one.
 */
const indexes = new WeakMap<CriteriaSet, CriteriaIndex>();

export function indexCriteria(set: CriteriaSet): CriteriaIndex {
  let index = indexes.get(set);
  if (!index) indexes.set(set, (index = buildIndex(set)));
  return index;
}

function buildIndex(set: CriteriaSet): CriteriaIndex {
  const nodes: CriteriaNode[] = [];
  const fields: CriteriaNode[] = [];
  const build = (item: CriteriaItem, parent: CriteriaNode | null, depth: number): CriteriaNode => {
    const node: CriteriaNode = {
      index: nodes.length,
      item,
      code: item.code,
      title: item.title,
      depth,
      parent,
      field: parent ? parent.field : (undefined as unknown as CriteriaNode),
      children: [],
      leaves: [],
      isLeaf: !item.children || item.children.length === 0,
      rule: item.rule ?? DEFAULT_RULE,
      inAdjustment: parent ? parent.inAdjustment : item.adjustment === true,
    };
    if (!parent) node.field = node;
    nodes.push(node);
    node.children = (item.children ?? []).map((child) => build(child, node, depth + 1));
    node.leaves = node.isLeaf ? [node] : node.children.flatMap((child) => child.leaves);
    return node;
  };
  for (const item of set.items) fields.push(build(item, null, 1));
  return {
    set,
    nodes,
    byCode: new Map(nodes.map((n) => [n.code, n])),
    leaves: nodes.filter((n) => n.isLeaf),
    fields,
  };
}

/** What reading a table's codes may ask of the set (see resolveCodes). */
export interface SetCodes {
  /** Codes of items that have children: a numbered row under a word-labelled leaf is part of its text. */
  parents: ReadonlySet<string>;
  /** Every code of the set: of two readings of Roman rows the data cannot tell apart, the one it knows. */
  all: ReadonlySet<string>;
}

const setCodesByIndex = new WeakMap<CriteriaIndex, SetCodes>();

export function setCodes(index: CriteriaIndex): SetCodes {
  let codes = setCodesByIndex.get(index);
  if (!codes) setCodesByIndex.set(index, (codes = { parents: new Set(index.nodes.filter((n) => !n.isLeaf).map((n) => n.code)), all: new Set(index.byCode.keys()) }));
  return codes;
}
