import { isUnder } from '../assets/assets.models';

/** A term of the inclusion–exclusion sum: the subtree of `path`, added (+1) or removed (-1). */
export interface PerimeterTerm {
  path: string;
  sign: 1 | -1;
}

function maximal(paths: string[]): string[] {
  const sorted = [...new Set(paths)].sort((a, b) => a.length - b.length);
  const kept: string[] = [];
  for (const p of sorted) if (!kept.some((k) => isUnder(p, k))) kept.push(p);
  return kept;
}

/**
 * An element is in the perimeter when one of its ancestors-or-self is included and none is
 * excluded (an exclusion always wins). So the count is a sum over the maximal included nodes not
 * below an exclusion, minus the maximal exclusions strictly inside each: the subtrees never
 * overlap, and each term is one read of the rollup.
 */
export function perimeterTerms(includes: string[], excludes: string[]): PerimeterTerm[] {
  const exc = maximal(excludes);
  const inc = maximal(includes).filter((i) => !exc.some((x) => isUnder(i, x)));
  const terms: PerimeterTerm[] = [];
  for (const i of inc) {
    terms.push({ path: i, sign: 1 });
    for (const x of exc) if (x !== i && isUnder(x, i)) terms.push({ path: x, sign: -1 });
  }
  return terms;
}

/** The maximal included nodes that are not excluded: the roots of the perimeter's subtrees. */
export function perimeterRoots(includes: string[], excludes: string[]): string[] {
  return perimeterTerms(includes, excludes)
    .filter((t) => t.sign === 1)
    .map((t) => t.path);
}

/** The brute-force rule, for one path (tests and small checks). */
export function coveredBy(path: string, includes: string[], excludes: string[]): boolean {
  return includes.some((i) => isUnder(path, i)) && !excludes.some((x) => isUnder(path, x));
}
