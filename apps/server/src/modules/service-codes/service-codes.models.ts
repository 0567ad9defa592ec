import {
  type CodesState,
  createServiceCodeBody,
  type ImportLineError,
  normalizeForSearch,
  type PairRelation,
  type WorkType,
  workTypes,
} from '@raccord/schemas';
import type { PairSnapshot } from './service-codes.tables';

/** Codes compare case-insensitively and without surrounding spaces. */
export const codeKey = (code: string) => code.trim().toLowerCase();

// ——— CSV ———

export interface CatalogueLine {
  line: number;
  code: string;
  label: string;
  workType: WorkType | null;
  description: string | null;
}

const headerNames: Record<string, keyof Omit<CatalogueLine, 'line'>> = {
  code: 'code',
  libelle: 'label',
  label: 'label',
  'type de travaux': 'workType',
  'type d intervention': 'workType',
  worktype: 'workType',
  'work type': 'workType',
  description: 'description',
};

const workTypeNames: Record<string, WorkType> = {
  preventive: 'preventive',
  preventif: 'preventive',
  corrective: 'corrective',
  correctif: 'corrective',
};

/** Splits one CSV line (RFC 4180 quotes, `""` escapes) on the given separator. */
function splitLine(line: string, sep: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === sep) {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

/** `;` or `,`: whichever the header holds more of (French spreadsheets write `;`). */
export function detectSeparator(header: string): ';' | ',' {
  const semi = header.split(';').length;
  const comma = header.split(',').length;
  return semi >= comma ? ';' : ',';
}

/**
 * Parses a catalogue CSV (UTF-8, header first: code, libellé, type de travaux, description). Every
 * problem is reported with its line number (the header is line 1); a code twice in the file is an
 * error on its second line. Quoted fields may not span lines (a catalogue has none).
 */
export function parseCatalogueCsv(text: string): {
  lines: CatalogueLine[];
  errors: ImportLineError[];
  /** Optional columns the header holds: an absent one leaves existing values alone on re-import. */
  columns: { workType: boolean; description: boolean };
} {
  const rows = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const errors: ImportLineError[] = [];
  const header = rows[0] ?? '';
  const sep = detectSeparator(header);
  const columns = splitLine(header, sep).map((h) => headerNames[normalizeForSearch(h.replace(/[_’']/g, ' '))] ?? null);
  for (const needed of ['code', 'label'] as const) {
    if (!columns.includes(needed)) errors.push({ line: 1, field: needed, reason: 'header' });
  }
  const present = { workType: columns.includes('workType'), description: columns.includes('description') };
  if (errors.length > 0) return { lines: [], errors, columns: present };
  const lines: CatalogueLine[] = [];
  const seen = new Map<string, number>();
  rows.slice(1).forEach((raw, i) => {
    const line = i + 2;
    if (raw.trim() === '') return;
    const cells = splitLine(raw, sep);
    const value = (f: keyof Omit<CatalogueLine, 'line'>) => {
      const at = columns.indexOf(f);
      return at < 0 ? '' : (cells[at] ?? '').trim();
    };
    const before = errors.length;
    const code = value('code');
    const label = value('label');
    const parsed = createServiceCodeBody.shape.code.safeParse(code);
    if (code === '') errors.push({ line, field: 'code', reason: 'missing' });
    else if (code.length > 40) errors.push({ line, field: 'code', reason: 'too_long', value: code.slice(0, 60) });
    else if (!parsed.success) errors.push({ line, field: 'code', reason: 'invalid', value: code });
    if (label === '') errors.push({ line, field: 'label', reason: 'missing' });
    else if (label.length > 200) errors.push({ line, field: 'label', reason: 'too_long' });
    const wt = value('workType');
    const workType = wt === '' ? null : (workTypeNames[normalizeForSearch(wt)] ?? null);
    if (wt !== '' && !workType) errors.push({ line, field: 'workType', reason: 'invalid', value: wt });
    const description = value('description');
    if (description.length > 1000) errors.push({ line, field: 'description', reason: 'too_long' });
    if (code !== '') {
      const first = seen.get(codeKey(code));
      if (first !== undefined) errors.push({ line, field: 'code', reason: 'duplicate', value: code });
      else seen.set(codeKey(code), line);
    }
    if (errors.length === before) lines.push({ line, code, label, workType, description: description || null });
  });
  return { lines, errors, columns: present };
}

const csvCell = (v: string) => (/[;"\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** The export: `;`-separated with a BOM (opens in French spreadsheets), re-importable as is. */
export function catalogueToCsv(
  rows: Array<{ code: string; label: string; workType: WorkType | null; description: string | null }>,
): string {
  const lines = ['code;libellé;type de travaux;description'];
  for (const r of rows) lines.push([r.code, r.label, r.workType ?? '', r.description ?? ''].map(csvCell).join(';'));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export const isWorkType = (v: unknown): v is WorkType => workTypes.includes(v as WorkType);

// ——— Label similarity ———

/** Words that say nothing about the service ("Visite de l'entretien" ≈ "Entretien visite"). */
const stopWords = new Set(['de', 'du', 'des', 'la', 'le', 'les', 'l', 'd', 'et', 'a', 'au', 'aux', 'en', 'sur', 'par']);

/**
 * Words the trade uses for the same thing, each group read as its first word: "Réparation des
 * élévateurs" ≈ "Dépannage ascenseur". Words are compared without accents, case or plural.
 */
const synonymGroups = [
  ['entretien', 'maintenance', 'preventif', 'preventive'],
  ['depannage', 'reparation', 'curatif', 'curative', 'panne'],
  ['ascenseur', 'elevateur'],
  ['controle', 'verification', 'inspection', 'diagnostic'],
  ['remplacement', 'changement', 'renouvellement'],
  ['nettoyage', 'menage', 'proprete'],
  ['ventilation', 'vmc'],
  ['urgence', 'astreinte'],
  ['visite', 'passage', 'tournee'],
  ['modernisation', 'renovation', 'rehabilitation'],
  ['interphone', 'interphonie', 'visiophone'],
  ['travaux', 'chantier'],
];
const canonical = new Map(synonymGroups.flatMap((group) => group.map((word) => [word, group[0] as string])));

/** "élévateurs" → "ascenseur": singular (a final s or x dropped), then the group's word. */
function canonicalWord(word: string): string {
  const direct = canonical.get(word);
  if (direct) return direct;
  const singular = word.length > 3 && /[sx]$/.test(word) ? word.slice(0, -1) : word;
  return canonical.get(singular) ?? singular;
}

export function labelTokens(label: string): Set<string> {
  return new Set(
    normalizeForSearch(label)
      .split(/[^a-z0-9]+/)
      .filter((t) => t.length > 0 && !stopWords.has(t))
      .map(canonicalWord),
  );
}

function trigrams(label: string): Set<string> {
  const s = `  ${normalizeForSearch(label).replace(/[^a-z0-9]+/g, ' ')} `;
  const out = new Set<string>();
  for (let i = 0; i + 3 <= s.length; i++) out.add(s.slice(i, i + 3));
  return out;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let inter = 0;
  for (const x of a) if (b.has(x)) inter++;
  return inter / (a.size + b.size - inter);
}

/**
 * Similarity of two labels, 0…1, accent- and case-insensitive: the mean of the Jaccard index of
 * their significant words (read through the trade's synonyms) and of their character trigrams
 * (the trigrams catch typos and words cut short).
 * Deterministic and symmetric.
 */
export function labelSimilarity(a: string, b: string): number {
  const score = (jaccard(labelTokens(a), labelTokens(b)) + jaccard(trigrams(a), trigrams(b))) / 2;
  return Math.round(score * 1000) / 1000;
}

export const SUGGESTION_THRESHOLD = 0.35;

export interface CatalogueItem {
  code: string;
  label: string;
}

export interface SuggestionCandidate {
  ownerCode: string;
  ownerLabel: string;
  providerCode: string;
  providerLabel: string;
  relation: PairRelation;
  score: number;
  source: 'label' | 'history';
}

/**
 * Suggestions for the owner codes no pair names yet: first the pairs the same two organisations
 * agreed in their other contracts, then, for each remaining owner code, the provider code whose
 * label is most similar (above the threshold). Skips dismissed pairs. Sorted by owner code.
 */
export function suggestPairs(input: {
  owner: CatalogueItem[];
  provider: CatalogueItem[];
  pairedOwnerKeys: Set<string>;
  dismissed: Set<string>;
  history: Array<{ ownerCode: string; providerCode: string; relation: PairRelation }>;
}): SuggestionCandidate[] {
  const providerByKey = new Map(input.provider.map((p) => [codeKey(p.code), p]));
  const out: SuggestionCandidate[] = [];
  for (const o of [...input.owner].sort((a, b) => codeKey(a.code).localeCompare(codeKey(b.code)))) {
    if (input.pairedOwnerKeys.has(codeKey(o.code))) continue;
    const free = (providerCode: string) => !input.dismissed.has(pairKey(o.code, providerCode));
    const known = input.history
      .filter((h) => codeKey(h.ownerCode) === codeKey(o.code) && providerByKey.has(codeKey(h.providerCode)))
      .filter((h) => free(h.providerCode))
      .sort((a, b) => codeKey(a.providerCode).localeCompare(codeKey(b.providerCode)))[0];
    const knownProvider = known ? providerByKey.get(codeKey(known.providerCode)) : undefined;
    if (known && knownProvider) {
      out.push({
        ownerCode: o.code,
        ownerLabel: o.label,
        providerCode: knownProvider.code,
        providerLabel: knownProvider.label,
        relation: known.relation,
        score: 1,
        source: 'history',
      });
      continue;
    }
    let best: { p: CatalogueItem; score: number } | null = null;
    for (const p of input.provider) {
      if (!free(p.code)) continue;
      const score = labelSimilarity(o.label, p.label);
      if (score < SUGGESTION_THRESHOLD) continue;
      if (!best || score > best.score || (score === best.score && codeKey(p.code) < codeKey(best.p.code))) {
        best = { p, score };
      }
    }
    if (best) {
      out.push({
        ownerCode: o.code,
        ownerLabel: o.label,
        providerCode: best.p.code,
        providerLabel: best.p.label,
        relation: 'equivalent',
        score: best.score,
        source: 'label',
      });
    }
  }
  return out;
}

export const pairKey = (ownerCode: string, providerCode: string | null) =>
  `${codeKey(ownerCode)}\u001f${codeKey(providerCode ?? '')}`;

// ——— Table state and versions ———

/** Owner codes that no accepted pair handles (a `no_match` pair handles its code too). */
export function uncoveredOwnerCodes(
  ownerCodes: string[],
  pairs: Pick<PairSnapshot, 'ownerCode' | 'status'>[],
): string[] {
  const covered = new Set(pairs.filter((p) => p.status === 'accepted').map((p) => codeKey(p.ownerCode)));
  return ownerCodes.filter((c) => !covered.has(codeKey(c)));
}

/** à aligner → proposés → alignés → transmis → intégrés. */
export function codesState(
  phase: 'open' | 'submitted' | 'integrated',
  pairs: Pick<PairSnapshot, 'ownerCode' | 'status'>[],
  ownerCodes: string[],
): CodesState {
  if (phase === 'submitted') return 'submitted';
  if (phase === 'integrated') return 'integrated';
  if (pairs.length === 0) return 'to_align';
  const allAccepted = pairs.every((p) => p.status === 'accepted');
  return allAccepted && uncoveredOwnerCodes(ownerCodes, pairs).length === 0 ? 'aligned' : 'proposed';
}

/** What changed from one version of the table to the next, pairs matched by id. */
export function diffVersions(before: PairSnapshot[], after: PairSnapshot[]) {
  const old = new Map(before.map((p) => [p.id, p]));
  const now = new Map(after.map((p) => [p.id, p]));
  const same = (a: PairSnapshot, b: PairSnapshot) =>
    a.ownerCode === b.ownerCode &&
    a.providerCode === b.providerCode &&
    a.relation === b.relation &&
    a.comment === b.comment &&
    a.status === b.status &&
    a.responseComment === b.responseComment;
  return {
    added: after.filter((p) => !old.has(p.id)),
    removed: before.filter((p) => !now.has(p.id)),
    changed: after.flatMap((p) => {
      const was = old.get(p.id);
      return was && !same(was, p) ? [{ before: was, after: p }] : [];
    }),
  };
}

/** Orders a provider code's counterparts: equivalent first, then narrower, broader. */
export const relationRank: Record<PairRelation, number> = { equivalent: 0, narrower: 1, broader: 2, no_match: 3 };
