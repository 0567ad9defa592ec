import { describe, expect, it } from 'vitest';
import { normalizeForSearch } from './common';
import { isValidSiren, sirenSchema } from './organizations';

describe('SIREN', () => {
  it('accepts 9 digits with a valid Luhn key, spaces allowed', () => {
    expect(isValidSiren('732829320')).toBe(true);
    expect(sirenSchema.parse('732 829 320')).toBe('732829320');
  });
  it('refuses a wrong key, letters or a wrong length, with a French message', () => {
    expect(isValidSiren('732829321')).toBe(false);
    const r = sirenSchema.safeParse('12345678');
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toMatch(/9 chiffres/);
    expect(sirenSchema.safeParse('732829321').error?.issues[0]?.message).toMatch(/clé de contrôle/);
  });
});

describe('normalizeForSearch', () => {
  it('drops accents, case and punctuation', () => {
    expect(normalizeForSearch('  Théo  MAINTENANCE — Saint-Étienne ')).toBe('theo maintenance saint-etienne');
  });
});
