import { errorCodes } from '@raccord/schemas';
import { describe, expect, it } from 'vitest';
import { knownAuditActions } from '../features/audit/audit-labels';
import { type TranslationTree, translations } from './resources';

function keysOf(tree: TranslationTree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keysOf(value, `${prefix}${key}.`),
  );
}

const frKeys = new Set(keysOf(translations.fr));
const enKeys = new Set(keysOf(translations.en));

describe('translations', () => {
  it('give every shared error code a French and an English message', () => {
    const missing = errorCodes.flatMap((code) => [
      ...(frKeys.has(`errors.${code}`) ? [] : [`fr: ${code}`]),
      ...(enKeys.has(`errors.${code}`) ? [] : [`en: ${code}`]),
    ]);
    expect(missing).toEqual([]);
  });

  it('hold the same keys in French and English', () => {
    expect([...frKeys].filter((k) => !enKeys.has(k))).toEqual([]);
    expect([...enKeys].filter((k) => !frKeys.has(k))).toEqual([]);
  });

  it('label every audit action the filter offers', () => {
    const unlabelled = knownAuditActions.filter((a) => !frKeys.has(`audit.actions.${a.replace(/\./g, '_')}`));
    expect(unlabelled).toEqual([]);
  });
});
