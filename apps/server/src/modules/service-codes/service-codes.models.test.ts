import { describe, expect, it } from 'vitest';
import { demoOwnerLiftCodes, demoProviderLiftCodes } from '../../demo/demo-service-codes.seed';
import {
  catalogueToCsv,
  codesState,
  detectSeparator,
  diffVersions,
  labelSimilarity,
  labelTokens,
  parseCatalogueCsv,
  SUGGESTION_THRESHOLD,
  suggestPairs,
  uncoveredOwnerCodes,
} from './service-codes.models';
import type { PairSnapshot } from './service-codes.tables';

describe('catalogue CSV', () => {
  it('detects the separator from the header', () => {
    expect(detectSeparator('code;libellé;description')).toBe(';');
    expect(detectSeparator('code,label,description')).toBe(',');
  });

  it('reads French headers, work types in French or English, quotes and a BOM', () => {
    const { lines, errors } = parseCatalogueCsv(
      '\uFEFFCode;Libellé;Type de travaux;Description\r\nVE;"Visite; entretien";préventif;"dit ""VE"""\r\nP2;Dépannage;corrective;\r\n\r\n',
    );
    expect(errors).toEqual([]);
    expect(lines).toEqual([
      { line: 2, code: 'VE', label: 'Visite; entretien', workType: 'preventive', description: 'dit "VE"' },
      { line: 3, code: 'P2', label: 'Dépannage', workType: 'corrective', description: null },
    ]);
  });

  it('reports every bad line with its number, and a code repeated in the file (any case)', () => {
    const { lines, errors } = parseCatalogueCsv(
      ['code,label,worktype', 'A1,Un,', ',Sans code,', 'A2,,', 'a1,Doublon,', 'A 3,Espace,', 'A4,Quatre,annuel'].join(
        '\n',
      ),
    );
    expect(lines.map((l) => l.code)).toEqual(['A1']);
    expect(errors).toEqual([
      { line: 3, field: 'code', reason: 'missing' },
      { line: 4, field: 'label', reason: 'missing' },
      { line: 5, field: 'code', reason: 'duplicate', value: 'a1' },
      { line: 6, field: 'code', reason: 'invalid', value: 'A 3' },
      { line: 7, field: 'workType', reason: 'invalid', value: 'annuel' },
    ]);
  });

  it('refuses a file without the code or label column', () => {
    expect(parseCatalogueCsv('ref;description\nX;y').errors).toEqual([
      { line: 1, field: 'code', reason: 'header' },
      { line: 1, field: 'label', reason: 'header' },
    ]);
  });

  it('exports what it imports', () => {
    const rows = [
      { code: 'VE', label: 'Visite; "entretien"', workType: 'preventive' as const, description: null },
      { code: 'DEP', label: 'Dépannage', workType: null, description: 'Sur appel' },
    ];
    const { lines, errors } = parseCatalogueCsv(catalogueToCsv(rows));
    expect(errors).toEqual([]);
    expect(lines.map(({ line: _, ...l }) => l)).toEqual(rows);
  });
});

describe('label similarity', () => {
  it('ignores accents, case and small words', () => {
    expect(labelSimilarity('Désincarcération', 'DESINCARCERATION')).toBe(1);
    expect(labelSimilarity('Visite d’entretien', 'visite entretien')).toBeGreaterThan(0.8);
  });

  it('is symmetric and ranks the related label above the unrelated one', () => {
    const a = 'Dépannage ascenseur';
    expect(labelSimilarity(a, 'Depannage appareil')).toBe(labelSimilarity('Depannage appareil', a));
    expect(labelSimilarity(a, 'Depannage appareil')).toBeGreaterThan(labelSimilarity(a, 'Nettoyage cuvette'));
    expect(labelSimilarity(a, 'Nettoyage cuvette')).toBeLessThan(0.35);
  });
});

describe('synonyms of the trade', () => {
  it('read the same service in other words as the same', () => {
    expect(labelTokens('Réparation des élévateurs')).toEqual(labelTokens('Dépannage ascenseur'));
    expect(labelTokens('Contrôles VMC')).toEqual(labelTokens('Vérification ventilation'));
    expect(labelSimilarity('Dépannage ascenseur', 'Réparation des élévateurs')).toBeGreaterThanOrEqual(0.5);
    expect(labelSimilarity('Maintenance préventive', 'Entretien')).toBeGreaterThan(SUGGESTION_THRESHOLD);
    // Symmetric, and unrelated services stay apart.
    expect(labelSimilarity('Réparation des élévateurs', 'Dépannage ascenseur')).toBe(
      labelSimilarity('Dépannage ascenseur', 'Réparation des élévateurs'),
    );
    expect(labelSimilarity('Réparation des élévateurs', 'Nettoyage cuvette')).toBeLessThan(SUGGESTION_THRESHOLD);
  });

  it('let a suggestion pair codes whose labels share no word', () => {
    const s = suggestPairs({
      owner: [
        { code: 'DEP', label: 'Dépannage ascenseur' },
        { code: 'CTL', label: 'Contrôle des VMC' },
      ],
      provider: [
        { code: 'R1', label: 'Réparation élévateurs' },
        { code: 'V2', label: 'Vérification ventilation' },
        { code: 'N3', label: 'Nettoyage gaines' },
      ],
      pairedOwnerKeys: new Set(),
      dismissed: new Set(),
      history: [],
    });
    expect(s.map((x) => `${x.ownerCode}→${x.providerCode}`)).toEqual(['CTL→V2', 'DEP→R1']);
  });
});

describe('suggestions', () => {
  const owner = [
    { code: 'VE', label: 'Visite d’entretien' },
    { code: 'DEP', label: 'Dépannage ascenseur' },
    { code: 'CT', label: 'Contrôle technique quinquennal' },
  ];
  const provider = [
    { code: 'P902', label: 'Visite entretien périodique' },
    { code: 'P910', label: 'Depannage appareil' },
    { code: 'P999', label: 'Nettoyage cuvette' },
  ];
  const base = { owner, provider, pairedOwnerKeys: new Set<string>(), dismissed: new Set<string>(), history: [] };

  it('pairs each owner code with its most similar provider label, deterministically', () => {
    const s = suggestPairs(base);
    expect(s.map((x) => [x.ownerCode, x.providerCode, x.source])).toEqual([
      ['DEP', 'P910', 'label'],
      ['VE', 'P902', 'label'],
    ]);
    expect(suggestPairs(base)).toEqual(s);
  });

  it('prefers a pair agreed in another contract, and skips paired owner codes and dismissed pairs', () => {
    const s = suggestPairs({
      ...base,
      pairedOwnerKeys: new Set(['dep']),
      dismissed: new Set(['ve\u001fp902']),
      history: [{ ownerCode: 'ct', providerCode: 'P999', relation: 'broader' }],
    });
    expect(s).toEqual([
      expect.objectContaining({
        ownerCode: 'CT',
        providerCode: 'P999',
        relation: 'broader',
        source: 'history',
        score: 1,
      }),
    ]);
  });
});

const pair = (over: Partial<PairSnapshot>): PairSnapshot => ({
  id: 'p1',
  ownerCode: 'VE',
  providerCode: 'P902',
  relation: 'equivalent',
  comment: null,
  status: 'proposed',
  proposedBy: 'owner',
  responseComment: null,
  updatedAt: '2026-01-15T09:00:00.000Z',
  ...over,
});

describe('table state and versions', () => {
  it('goes from à aligner to alignés only when every pair is accepted and every owner code handled', () => {
    expect(codesState('open', [], ['VE'])).toBe('to_align');
    expect(codesState('open', [pair({})], ['VE'])).toBe('proposed');
    expect(codesState('open', [pair({ status: 'accepted' })], ['VE', 'DEP'])).toBe('proposed');
    const all = [
      pair({ status: 'accepted' }),
      pair({ id: 'p2', ownerCode: 'dep', providerCode: null, relation: 'no_match', status: 'accepted' }),
    ];
    expect(codesState('open', all, ['VE', 'DEP'])).toBe('aligned');
    expect(uncoveredOwnerCodes(['VE', 'DEP', 'CT'], all)).toEqual(['CT']);
    expect(codesState('submitted', all, [])).toBe('submitted');
    expect(codesState('integrated', all, [])).toBe('integrated');
  });

  it('tells what a version added, changed and removed', () => {
    const before = [pair({}), pair({ id: 'p2', ownerCode: 'DEP', providerCode: 'P910' })];
    const after = [pair({ status: 'accepted' }), pair({ id: 'p3', ownerCode: 'CT', providerCode: 'P999' })];
    const d = diffVersions(before, after);
    expect(d.added.map((p) => p.id)).toEqual(['p3']);
    expect(d.removed.map((p) => p.id)).toEqual(['p2']);
    expect(d.changed).toEqual([{ before: before[0], after: after[0] }]);
  });
});

describe('demo catalogues', () => {
  it('parse cleanly and suggest the pairs a person would make', () => {
    const owner = parseCatalogueCsv(demoOwnerLiftCodes);
    const provider = parseCatalogueCsv(demoProviderLiftCodes);
    expect([owner.errors, provider.errors]).toEqual([[], []]);
    const s = suggestPairs({
      owner: owner.lines,
      provider: provider.lines,
      pairedOwnerKeys: new Set(),
      dismissed: new Set(),
      history: [],
    });
    expect(s.map((x) => `${x.ownerCode}→${x.providerCode}`)).toEqual([
      'DEP→P910',
      'DESINC→P920',
      'TRX→P950',
      'VE→P902',
    ]);
  });
});
