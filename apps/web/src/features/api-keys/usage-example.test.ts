import { describe, expect, it } from 'vitest';
import { usageExample } from './usage-example';

describe('API usage example', () => {
  it('authenticates every call with the bearer key and names the contract endpoints', () => {
    const text = usageExample({ origin: 'https://raccord.example.fr', key: 'rk_abc', contractId: 'ctr_1' });
    const calls = text.split('\n').filter((l) => l.startsWith('curl'));
    expect(calls).toHaveLength(3);
    for (const c of calls) expect(c).toContain('-H "Authorization: Bearer rk_abc"');
    expect(text).toContain('"https://raccord.example.fr/api/contracts/ctr_1/assets?limit=500"');
    expect(text).toContain('"https://raccord.example.fr/api/contracts/ctr_1/changes?after=0"');
    expect(text).toContain('Accept: application/x-ndjson');
  });

  it('shows placeholders when no key or contract is known', () => {
    const text = usageExample({ origin: 'http://localhost:3000' });
    expect(text).toContain('Bearer rk_…');
    expect(text).toContain('/contracts/<id du contrat>/changes');
  });
});
