import type { Perimeter, PerimeterNode } from '@raccord/schemas';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AncestryOf, checkState, nodeKey, toggleNode } from './perimeter-rules';

// region:84 > departement:69 > commune:69123 > asset:site > asset:bat-a | asset:bat-b
const parents: Record<string, string | null> = {
  'region:84': null,
  'departement:69': 'region:84',
  'commune:69123': 'departement:69',
  'asset:site': 'commune:69123',
  'asset:bat-a': 'asset:site',
  'asset:bat-b': 'asset:site',
};
const ancestry: AncestryOf = (key) => {
  const chain: string[] = [];
  let p = parents[key] ?? null;
  while (p) {
    chain.unshift(p);
    p = parents[p] ?? null;
  }
  return chain;
};
function node(key: string): PerimeterNode {
  const [kind, code] = key.split(':') as [string, string];
  if (kind === 'asset') return { kind: 'asset', id: code };
  if (kind === 'region') return { kind: 'region', code };
  if (kind === 'departement') return { kind: 'departement', code };
  return { kind: 'commune', code };
}
const empty: Perimeter = { include: [], exclude: [] };

describe('perimeter check states', () => {
  it('shares everything under an included node', () => {
    const p = toggleNode(empty, node('departement:69'), ancestry);
    expect(p.include.map(nodeKey)).toEqual(['departement:69']);
    expect(checkState(p, 'asset:bat-a', ancestry)).toBe('checked');
    expect(checkState(p, 'region:84', ancestry)).toBe('partial');
  });

  it('unchecking a node under an included one excludes it and shows its parents as partial', () => {
    const p = toggleNode(toggleNode(empty, node('commune:69123'), ancestry), node('asset:bat-b'), ancestry);
    expect(p.exclude.map(nodeKey)).toEqual(['asset:bat-b']);
    expect(checkState(p, 'asset:site', ancestry)).toBe('partial');
    expect(checkState(p, 'asset:bat-a', ancestry)).toBe('checked');
    expect(checkState(p, 'asset:bat-b', ancestry)).toBe('unchecked');
  });

  it('checking a partial node shares it wholly and drops the rules below it', () => {
    let p = toggleNode(empty, node('asset:bat-a'), ancestry);
    p = toggleNode(p, node('asset:site'), ancestry);
    expect(p.include.map(nodeKey)).toEqual(['asset:site']);
    expect(p.exclude).toEqual([]);
  });

  it('a toggle always flips the node between shared and not shared, and never leaves contradicting rules', () => {
    const keys = Object.keys(parents);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...keys), { maxLength: 12 }), fc.constantFrom(...keys), (steps, last) => {
        const p = steps.reduce((acc, k) => toggleNode(acc, node(k), ancestry), empty);
        const before = checkState(p, last, ancestry);
        const after = toggleNode(p, node(last), ancestry);
        expect(checkState(after, last, ancestry)).toBe(before === 'checked' ? 'unchecked' : 'checked');
        const included = new Set(after.include.map(nodeKey));
        expect(after.exclude.some((n) => included.has(nodeKey(n)))).toBe(false);
      }),
    );
  });
});
