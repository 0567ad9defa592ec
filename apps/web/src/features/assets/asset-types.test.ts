import { assetKinds, isPlacementAllowed } from '@raccord/schemas';
import { describe, expect, it } from 'vitest';
import { childKindsOf, orderedCounts, topCounts, typeKey } from './asset-types';

describe('asset types', () => {
  it('offers under a node only the kinds the model allows there', () => {
    expect(childKindsOf('commune')).toEqual(['site', 'building']);
    expect(childKindsOf('region')).toEqual([]);
    expect(childKindsOf('unit')).toEqual(['equipment']);
    for (const parent of assetKinds) {
      for (const kind of assetKinds) {
        expect(childKindsOf(parent).includes(kind)).toBe(isPlacementAllowed(kind, parent));
      }
    }
  });

  it('orders counts patrimoine first, drops zeros, and picks the most numerous', () => {
    const counts = { 'equipment.lift': 3, unit: 40, site: 1, building: 0 };
    expect(orderedCounts(counts).map((c) => c.type)).toEqual(['site', 'unit', 'equipment.lift']);
    expect(topCounts(counts, 2).map((c) => c.type)).toEqual(['unit', 'equipment.lift']);
    expect(typeKey('equipment.lift')).toBe('equipment_lift');
  });
});
