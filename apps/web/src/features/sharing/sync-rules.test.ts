import { describe, expect, it } from 'vitest';
import { currentStateReason, lifecycleVerbs, syncPercent, syncRefetchInterval } from './sync-rules';

describe('synchronisation rules', () => {
  it('reports no percentage before the total is counted', () => {
    expect(syncPercent({ state: 'pending', done: 0, total: null })).toBeNull();
  });

  it('rounds the percentage down, so 100 % means every element is copied', () => {
    expect(syncPercent({ state: 'running', done: 999, total: 1000 })).toBe(99);
    expect(syncPercent({ state: 'done', done: 1000, total: 1000 })).toBe(100);
    expect(syncPercent({ state: 'running', done: 0, total: 0 })).toBe(100);
  });

  it('polls only while the synchronisation is pending or running', () => {
    expect(syncRefetchInterval({ state: 'pending' })).toBeGreaterThan(0);
    expect(syncRefetchInterval({ state: 'running' })).toBeGreaterThan(0);
    expect(syncRefetchInterval({ state: 'done' })).toBe(false);
    expect(syncRefetchInterval({ state: 'stopped' })).toBe(false);
    expect(syncRefetchInterval(undefined)).toBe(false);
  });

  it('offers suspend/resume/terminate to owner administrators only, as the state allows', () => {
    expect(lifecycleVerbs('active', true)).toEqual(['suspend', 'terminate']);
    expect(lifecycleVerbs('suspended', true)).toEqual(['resume', 'terminate']);
    expect(lifecycleVerbs('terminated', true)).toEqual([]);
    expect(lifecycleVerbs('active', false)).toEqual([]);
  });

  it('finds the reason of the latest entry into the current state', () => {
    const states = [
      { state: 'active' as const, enteredAt: '2026-01-01T00:00:00.000Z', enteredBy: 'a', reason: null },
      { state: 'suspended' as const, enteredAt: '2026-01-02T00:00:00.000Z', enteredBy: 'a', reason: 'Audit' },
      { state: 'active' as const, enteredAt: '2026-01-03T00:00:00.000Z', enteredBy: 'a', reason: 'Fini' },
      { state: 'suspended' as const, enteredAt: '2026-01-04T00:00:00.000Z', enteredBy: 'b', reason: 'Impayés' },
    ];
    expect(currentStateReason({ state: 'suspended', states })).toEqual({
      reason: 'Impayés',
      by: 'b',
      at: '2026-01-04T00:00:00.000Z',
    });
  });
});
