import type { Perimeter, PerimeterNode } from '@raccord/schemas';

/** `region:84`, `departement:69`, `commune:69123`, `asset:ast_…` — the tree API's node keys. */
export function nodeKey(node: PerimeterNode): string {
  return node.kind === 'asset' ? `asset:${node.id}` : `${node.kind}:${node.code}`;
}

export type CheckState = 'checked' | 'partial' | 'unchecked';

/** Keys of the nodes above a node, top first; unknown for nodes never seen. */
export type AncestryOf = (key: string) => readonly string[] | undefined;

interface Rules {
  include: Map<string, PerimeterNode>;
  exclude: Map<string, PerimeterNode>;
}

function rulesOf(perimeter: Perimeter): Rules {
  return {
    include: new Map(perimeter.include.map((n) => [nodeKey(n), n])),
    exclude: new Map(perimeter.exclude.map((n) => [nodeKey(n), n])),
  };
}

function toPerimeter(rules: Rules): Perimeter {
  return { include: [...rules.include.values()], exclude: [...rules.exclude.values()] };
}

/** Is the node shared, by the nearest rule on itself or above it? */
function covered(rules: Rules, key: string, ancestry: AncestryOf, selfIncluded = true): boolean {
  const chain = [...(ancestry(key) ?? [])];
  if (selfIncluded) chain.push(key);
  for (let i = chain.length - 1; i >= 0; i--) {
    const k = chain[i] ?? '';
    if (rules.include.has(k)) return true;
    if (rules.exclude.has(k)) return false;
  }
  return false;
}

function isBelow(ancestry: AncestryOf, candidate: string, key: string): boolean {
  return candidate !== key && (ancestry(candidate) ?? []).includes(key);
}

/**
 * What the checkbox of a node shows: shared (checked), partly shared (a rule below it says
 * otherwise), or not shared. The perimeter is a rule — includes minus excludes — not a list.
 */
export function checkState(perimeter: Perimeter, key: string, ancestry: AncestryOf): CheckState {
  const rules = rulesOf(perimeter);
  const on = covered(rules, key, ancestry);
  const opposite = on ? rules.exclude : rules.include;
  const mixed = [...opposite.keys()].some((k) => isBelow(ancestry, k, key));
  if (mixed) return 'partial';
  return on ? 'checked' : 'unchecked';
}

/**
 * Toggles a node: a shared node stops being shared (its include removed, or an exclusion added
 * under an included ancestor); anything else becomes wholly shared. Rules below the node go.
 */
export function toggleNode(perimeter: Perimeter, node: PerimeterNode, ancestry: AncestryOf): Perimeter {
  const key = nodeKey(node);
  const wasChecked = checkState(perimeter, key, ancestry) === 'checked';
  const rules = rulesOf(perimeter);
  for (const map of [rules.include, rules.exclude]) {
    for (const k of [...map.keys()]) if (k === key || isBelow(ancestry, k, key)) map.delete(k);
  }
  const fromAbove = covered(rules, key, ancestry, false);
  if (!wasChecked && !fromAbove) rules.include.set(key, node);
  if (wasChecked && fromAbove) rules.exclude.set(key, node);
  return toPerimeter(rules);
}

/** Removes one rule (the summary's tags). */
export function removeRule(perimeter: Perimeter, key: string): Perimeter {
  return {
    include: perimeter.include.filter((n) => nodeKey(n) !== key),
    exclude: perimeter.exclude.filter((n) => nodeKey(n) !== key),
  };
}

export function samePerimeter(a: Perimeter | null, b: Perimeter): boolean {
  const keys = (p: Perimeter | null, mode: 'include' | 'exclude') => (p?.[mode] ?? []).map(nodeKey).sort().join(',');
  return keys(a, 'include') === keys(b, 'include') && keys(a, 'exclude') === keys(b, 'exclude');
}
